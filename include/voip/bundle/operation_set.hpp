// SPDX-License-Identifier: MIT
#pragma once
// The three calls of the API, and which of them a bundle's state allows (rules.md 5).
#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string_view>

#include "state.hpp"

namespace voip {

enum class Operation : std::uint8_t { create, update, renew };

inline constexpr std::size_t operation_count = 3;

[[nodiscard]] constexpr std::string_view name(Operation op) noexcept {
    switch (op) {
        case Operation::create: return "create";
        case Operation::update: return "update";
        case Operation::renew: return "renew";
    }
    return "invalid";
}

inline std::ostream& operator<<(std::ostream& os, Operation op) { return os << name(op); }

// A set of operations, one bit each (bit i = Operation i): a trivially copyable value.
class OperationSet {
public:
    constexpr OperationSet() noexcept = default;
    [[nodiscard]] constexpr bool has(Operation op) const noexcept { return (bits_ & bit(op)) != 0; }
    [[nodiscard]] constexpr OperationSet with(Operation op) const noexcept {
        OperationSet s = *this;
        s.bits_ = static_cast<std::uint8_t>(s.bits_ | bit(op));
        return s;
    }
    [[nodiscard]] constexpr std::uint8_t bits() const noexcept { return bits_; }
    [[nodiscard]] constexpr bool empty() const noexcept { return bits_ == 0; }
    [[nodiscard]] constexpr std::size_t size() const noexcept {
        std::size_t n = 0;
        for (std::uint8_t b = bits_; b != 0; b = static_cast<std::uint8_t>(b & (b - 1))) ++n;
        return n;
    }
    [[nodiscard]] friend constexpr bool operator==(OperationSet a, OperationSet b) noexcept { return a.bits_ == b.bits_; }
    [[nodiscard]] friend constexpr bool operator!=(OperationSet a, OperationSet b) noexcept { return a.bits_ != b.bits_; }

private:
    // No bit for a value outside the enumeration (a shift of 32 or more would be undefined).
    [[nodiscard]] static constexpr std::uint8_t bit(Operation op) noexcept {
        const auto i = static_cast<unsigned>(op);
        return i < operation_count ? static_cast<std::uint8_t>(1u << i) : std::uint8_t{0};
    }
    std::uint8_t bits_ = 0;
};

// In the enumeration's order: [update, renew].
inline std::ostream& operator<<(std::ostream& os, OperationSet s) {
    os << '[';
    bool first = true;
    for (std::size_t i = 0; i < operation_count; ++i) {
        const auto op = static_cast<Operation>(i);
        if (!s.has(op)) continue;
        os << (first ? "" : ", ") << name(op);
        first = false;
    }
    return os << ']';
}

// What a caller can still do about a bundle in state `s`, funds aside: update while it is
// in service, renew while it is renewable (both from the window: state.hpp), and for a
// lapsed bundle nothing but create, a new bundle in its place. Never empty.
[[nodiscard]] constexpr OperationSet allowed_operations(State s) noexcept {
    OperationSet ops;
    if (in_service(s)) ops = ops.with(Operation::update);
    if (renewable(s)) ops = ops.with(Operation::renew);
    if (ops.empty()) ops = ops.with(Operation::create);
    return ops;
}

}  // namespace voip

// SPDX-License-Identifier: MIT
#pragma once
// nlohmann::json DOM values as the rules read them: their members as MemberValues
// (json/member_values.hpp), their depth and UTF-8 checked, and decode_request_json.
// Part of voip/bundle_nlohmann.hpp; nothing here throws.
#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>
#include <nlohmann/json.hpp>
#include <tl/expected.hpp>
#include "../error.hpp"
#include "../schema.hpp"
#include "../request.hpp"
#include "../../bundle_json.hpp"

namespace voip {

namespace detail {

inline bool valid_utf8(const std::string& s) noexcept {
    const char* p = s.data();
    const char* const end = p + s.size();
    while (p != end) {
        if (static_cast<unsigned char>(*p) < 0x80) {
            ++p;
            continue;
        }
        const std::size_t n = utf8_sequence(p, end);
        if (n == 0) return false;
        p += n;
    }
    return true;
}

// What a DOM value holds, as RawField. get_ptr, not get_ref: it cannot throw. (Not named
// raw_field: that is the scanners' Value -> RawField, json/members.hpp.)
template <class Json>
[[nodiscard]] RawField dom_raw_field(const Json& v) noexcept {
    if (v.is_null()) return RawField::null();
    if (const auto* b = v.template get_ptr<const typename Json::boolean_t*>()) return RawField::of(static_cast<bool>(*b));
    // Unsigned first: nlohmann's get_ptr<number_integer_t> also answers for an unsigned value
    // (its is_number_integer() is true for both), which would read 2^63 as -2^63.
    if (const auto* u = v.template get_ptr<const typename Json::number_unsigned_t*>()) {
        if (*u > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
            return RawField::of(JsonKind::big_integer);
        return RawField::of(static_cast<std::int64_t>(*u));
    }
    if (const auto* i = v.template get_ptr<const typename Json::number_integer_t*>())
        return RawField::of(static_cast<std::int64_t>(*i));
    if (v.is_number_float()) return RawField::of(JsonKind::number);
    if (v.is_string()) return RawField::of(JsonKind::string);
    if (v.is_object()) return RawField::of(JsonKind::object);
    return RawField::of(JsonKind::array);  // arrays, and binary or discarded values: no kind the rules accept
}

// What a DOM value holds, as member_values.hpp takes it: strings are views of the DOM's.
template <class Json>
[[nodiscard]] MemberValue dom_member_value(const Json& v) noexcept {
    const RawField f = dom_raw_field(v);
    MemberValue m{{f}, {}, false};
    if (const auto* s = v.template get_ptr<const typename Json::string_t*>()) m.text = std::string_view(*s);
    return m;
}

// The members of a DOM object named in `table`, in its order, and how many others it has.
template <class Json, std::size_t N>
[[nodiscard]] std::array<MemberValue, N> dom_members(const typename Json::object_t& object,
                                                     const std::array<schema::Member, N>& table,
                                                     std::size_t& unknown) noexcept {
    std::array<MemberValue, N> out{};
    unknown = 0;
    for (const auto& [key, value] : object) {  // std::string against string_view: no allocation, no throw
        std::size_t i = 0;
        while (i < N && table[i].name != std::string_view(key)) ++i;
        if (i < N) out[i] = dom_member_value(value);
        else ++unknown;
    }
    return out;
}

// Depth and UTF-8 of a whole DOM value, iteratively (a DOM can be deeper than any stack).
// Walks the containers through get_ptr, so nothing here can throw.
template <class Json>
[[nodiscard]] Scanned check_tree(const Json& root) noexcept {
    using object_t = typename Json::object_t;
    using array_t = typename Json::array_t;
    struct Frame {
        const object_t* object = nullptr;  // one of object and array is set
        typename object_t::const_iterator next_member{};
        const array_t* array = nullptr;
        typename array_t::const_iterator next_element{};
    };
    std::array<Frame, max_nesting> stack{};
    std::size_t depth = 0;
    const auto enter = [&](const Json& v) noexcept -> Scanned {
        if (const auto* s = v.template get_ptr<const typename Json::string_t*>())
            return valid_utf8(*s) ? Scanned{} : fail(Error::invalid_utf8);
        if (v.is_binary() || v.is_discarded()) return fail(Error::invalid_json);
        const auto* object = v.template get_ptr<const object_t*>();
        const auto* array = v.template get_ptr<const array_t*>();
        if (object == nullptr && array == nullptr) return {};
        if (depth == max_nesting) return fail(Error::nesting_too_deep);
        Frame& f = stack[depth++];
        f = Frame{};
        if (object != nullptr) {
            f.object = object;
            f.next_member = object->cbegin();
        } else {
            f.array = array;
            f.next_element = array->cbegin();
        }
        return {};
    };
    if (Scanned s = enter(root); !s) return s;
    while (depth > 0) {
        Frame& f = stack[depth - 1];
        const Json* child = nullptr;
        if (f.object != nullptr) {
            if (f.next_member == f.object->cend()) {
                --depth;
                continue;
            }
            if (!valid_utf8(f.next_member->first)) return fail(Error::invalid_utf8);
            child = &f.next_member->second;
            ++f.next_member;
        } else {
            if (f.next_element == f.array->cend()) {
                --depth;
                continue;
            }
            child = &*f.next_element;
            ++f.next_element;
        }
        if (Scanned s = enter(*child); !s) return s;
    }
    return {};
}

}  // namespace detail

// 1. A DOM value to a RawRequest (see the top of this file for what a DOM cannot show).
template <class Json = nlohmann::json>
[[nodiscard]] tl::expected<RawRequest, Error> decode_request_json(const Json& body) noexcept {
    if (const detail::Scanned s = detail::check_tree(body); !s) return fail(s.error());
    const auto* object = body.template get_ptr<const typename Json::object_t*>();
    if (object == nullptr) return fail(Error::body_not_object);
    std::size_t unknown = 0;
    return request_from_members(detail::dom_members<Json>(*object, schema::request, unknown));
}

}  // namespace voip

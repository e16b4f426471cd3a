// SPDX-License-Identifier: MIT
#pragma once
// The daily sweep: per bundle, over Bundle objects, and over columns in buffers (numpy
// arrays, array.array, bytearray) with the GIL released, through the library's column sweep.
#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "bind_values.hpp"
#include "convert.hpp"
#include "sweep_kernel.hpp"

namespace vb {

static_assert(sizeof(date::sys_days) == sizeof(std::int32_t) && alignof(date::sys_days) == alignof(std::int32_t) &&
                  std::is_trivially_copyable_v<date::sys_days>,
              "a column of int32 day counts is read as date::sys_days");

// A one-dimensional, contiguous buffer of integers, its elements read as int64.
struct IntColumn {
    py::buffer_info info;
    char kind = 0;  // 's' signed, 'u' unsigned, '?' bool
    std::size_t size() const { return static_cast<std::size_t>(info.shape.empty() ? 0 : info.shape[0]); }
    std::int64_t at(std::size_t i) const;
};

inline IntColumn column(const py::buffer& b, const char* what) {
    IntColumn c{b.request(), 0};
    std::string f = c.info.format;
    if (!f.empty() && (f[0] == '@' || f[0] == '=' || f[0] == '<')) f.erase(0, 1);
    if (f.size() == 1 && std::strchr("bhilq", f[0]) != nullptr) c.kind = 's';
    if (f.size() == 1 && std::strchr("BHILQ", f[0]) != nullptr) c.kind = 'u';
    if (f == "?") c.kind = '?';
    if (c.kind == 0) throw py::type_error(std::string(what) + ": a buffer of integers (native byte order), not format '" + c.info.format + "'");
    if (c.info.ndim != 1 || (c.size() > 1 && c.info.strides[0] != c.info.itemsize))
        throw py::value_error(std::string(what) + ": a one-dimensional contiguous buffer");
    return c;
}

inline std::int64_t IntColumn::at(std::size_t i) const {
    const auto* p = static_cast<const unsigned char*>(info.ptr) + i * static_cast<std::size_t>(info.itemsize);
    const auto read = [p](auto zero) { decltype(zero) v; std::memcpy(&v, p, sizeof v); return v; };
    switch (info.itemsize * (kind == 's' ? 1 : -1)) {
        case 1: return read(std::int8_t{});
        case 2: return read(std::int16_t{});
        case 4: return read(std::int32_t{});
        case 8: return read(std::int64_t{});
        case -1: return read(std::uint8_t{});
        case -2: return read(std::uint16_t{});
        case -4: return read(std::uint32_t{});
        default: {
            const std::uint64_t v = read(std::uint64_t{});
            return v > static_cast<std::uint64_t>(INT64_MAX) ? INT64_MAX : static_cast<std::int64_t>(v);
        }
    }
}

// Day counts from 1970-01-01: an aligned int32 column is read in place, any other integer
// column is copied, each count checked to fit a date::sys_days.
struct DayColumn {
    IntColumn source;
    std::vector<date::sys_days> copy;
    const date::sys_days* days = nullptr;
};
inline DayColumn day_column(const py::buffer& b, const char* what) {
    DayColumn d{column(b, what), {}, nullptr};
    const IntColumn& c = d.source;
    if (c.kind == 's' && c.info.itemsize == 4 && reinterpret_cast<std::uintptr_t>(c.info.ptr) % alignof(std::int32_t) == 0) {
        d.days = static_cast<const date::sys_days*>(c.info.ptr);
        return d;
    }
    d.copy.resize(c.size());
    for (std::size_t i = 0; i < c.size(); ++i) {
        const std::int64_t v = c.at(i);
        if (v < INT32_MIN || v > INT32_MAX) throw py::value_error(std::string(what) + "[" + std::to_string(i) + "] = " + std::to_string(v) + " is no day count (32 bits)");
        d.copy[i] = date::sys_days{date::days{static_cast<int>(v)}};
    }
    d.days = d.copy.data();
    return d;
}

// Flags as bytes 0 or 1 (bool, uint8 or int8), read in place.
inline IntColumn flag_column(const py::buffer& b) {
    IntColumn c = column(b, "auto_renew");
    if (c.info.itemsize != 1) throw py::type_error("auto_renew: a buffer of bool or uint8, one byte a flag");
    const auto* p = static_cast<const unsigned char*>(c.info.ptr);
    // bool buffers too: a uint8 array viewed as bool may hold any byte. One OR over the
    // bytes (vectorised); the index is looked for only when one is wrong.
    unsigned char any = 0;
    for (std::size_t i = 0; i < c.size(); ++i) any |= p[i];
    if (any > 1)
        for (std::size_t i = 0; i < c.size(); ++i)
            if (p[i] > 1) throw py::value_error("auto_renew[" + std::to_string(i) + "] = " + std::to_string(p[i]) + ": a flag is 0 or 1");
    return c;
}

// The columns of one sweep: expiry day counts and flags, as the library's column form.
struct Columns {
    DayColumn expires_on;
    IntColumn auto_renew;
    std::size_t n = 0;
    const bool* flags() const { return static_cast<const bool*>(auto_renew.info.ptr); }
};
inline Columns columns(const py::buffer& e, const py::buffer& a) {
    Columns s{day_column(e, "expires_on"), flag_column(a), 0};
    s.n = s.expires_on.source.size();
    if (s.auto_renew.size() != s.n) throw py::value_error("the columns differ in length");
    return s;
}

inline voip::SweepTotals column_totals(const Columns& s, date::sys_days day, const voip::RenewalPolicy& p) {
    const py::gil_scoped_release unlocked;
    return column_sweep_totals(s.expires_on.days, s.flags(), s.n, day, p);
}

inline void column_actions(const Columns& s, date::sys_days day, const voip::RenewalPolicy& p, unsigned char* out) {
    const py::gil_scoped_release unlocked;
    column_sweep_actions(s.expires_on.days, s.flags(), s.n, day, p, out);
}

}  // namespace vb

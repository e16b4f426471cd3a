// SPDX-License-Identifier: MIT
#pragma once
// The one block of wasm memory through which the JavaScript side (js/src/*.js) and these
// bindings exchange values: JS writes the texts, codes and amounts of a call's arguments at
// fixed offsets, calls an embind function, and reads what it wrote back. No object crosses
// the boundary, so JavaScript never holds an embind handle and never calls delete().
// Conversions only: every value read here is made by the library's own factories
// (parse_uuid, parse_iso_date, make_bundle, make_renewal_policy, make_price_list,
// make_context), and every rule is the library's.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string_view>

#include <voip/bundle.hpp>

namespace vbjs {

// Text slots (JS writes at most slot_size characters; a longer text is cut, so it is still refused).
enum Text : int { t_uuid, t_created, t_expires, t_today, t_day, t_day2, t_uuid2, text_count };
// Integer inputs.
enum Int : int {
    i_type, i_auto, i_month_end, i_term, i_before, i_after, i_has_prices, i_has_balance,
    i_rtype, i_rauto, i_op, i_error, i_layout, i_detail, i_digits, i_found, i_raw = 16, i_entry_types = 20, i_entry_count = 26, int_count = 32
};
// Number inputs (money as doubles holding safe integers: checked on the JS side).
enum Num : int { n_price0, n_balance = 5, n_amount, num_count = 16 };
// Integer outputs.
enum OutInt : int { o_type, o_auto, o_same_uuid, o_len, o_a, o_b, o_c, out_int_count = 8 };

inline constexpr int slot_size = 48;
inline constexpr int out_size = 512;

struct Io {
    double num[num_count];
    std::int32_t ints[int_count];
    std::int32_t len[8];
    char text[8][slot_size];
    std::int32_t out_ints[out_int_count];
    double out_num[8];
    std::int64_t out_i64[4];
    std::int64_t in_i64[4];
    char out[out_size];
};
// The offsets js/src/00-io.js reads and writes at.
static_assert(offsetof(Io, num) == 0 && offsetof(Io, ints) == 128 && offsetof(Io, len) == 256);
static_assert(offsetof(Io, text) == 288 && offsetof(Io, out_ints) == 672 && offsetof(Io, out_num) == 704);
static_assert(offsetof(Io, out_i64) == 768 && offsetof(Io, in_i64) == 800 && offsetof(Io, out) == 832);
static_assert(sizeof(Io) == 1344);

inline Io io;  // one call at a time: wasm here is single-threaded

using Day = date::sys_days;
template <class T>
using Expected = tl::expected<T, voip::Error>;

// 0 for success, otherwise the voip::Error's value: what every binding returns.
inline int code_of(voip::Error e) { return static_cast<int>(e); }

inline std::string_view text(Text t) { return {io.text[t], static_cast<std::size_t>(io.len[t])}; }
inline Expected<Day> day(Text t) { return voip::parse_iso_date(text(t)); }
inline voip::Money money(Num n) { return voip::Money{static_cast<std::int64_t>(io.num[n])}; }

inline Expected<voip::RenewalPolicy> policy() {
    const auto m = io.ints[i_month_end];
    return voip::make_renewal_policy(static_cast<voip::MonthEnd>(m >= 0 && m <= 255 ? m : 255), voip::TermMonths{io.ints[i_term]},
                                     voip::DaysBefore{io.ints[i_before]}, voip::DaysAfter{io.ints[i_after]});
}

inline voip::BundleType type_of(std::int32_t code) { return static_cast<voip::BundleType>(code >= 0 && code <= 255 ? code : 0); }

inline Expected<voip::PriceList> prices() {
    using voip::BundleType;
    using voip::TypePrice;
    return voip::make_price_list({TypePrice{BundleType::business, money(Num(n_price0 + 0))},
                                  TypePrice{BundleType::residential, money(Num(n_price0 + 1))},
                                  TypePrice{BundleType::fax_only, money(Num(n_price0 + 2))},
                                  TypePrice{BundleType::trunk_only, money(Num(n_price0 + 3))},
                                  TypePrice{BundleType::forward_only, money(Num(n_price0 + 4))}});
}

// make_price_list() over the entries JS gave (i_entry_count of them, at most six: six or more
// always repeat a type or name none, so the first six are enough for the library to refuse).
inline Expected<voip::PriceList> price_entries() {
    voip::TypePrice e[6];
    const int n = io.ints[i_entry_count] < 6 ? io.ints[i_entry_count] : 6;
    for (int i = 0; i < n; ++i) e[i] = voip::TypePrice{type_of(io.ints[i_entry_types + i]), money(Num(n_price0 + i))};
    switch (n) {
        case 0: return voip::make_price_list({});
        case 1: return voip::make_price_list({e[0]});
        case 2: return voip::make_price_list({e[0], e[1]});
        case 3: return voip::make_price_list({e[0], e[1], e[2]});
        case 4: return voip::make_price_list({e[0], e[1], e[2], e[3]});
        case 5: return voip::make_price_list({e[0], e[1], e[2], e[3], e[4]});
        default: return voip::make_price_list({e[0], e[1], e[2], e[3], e[4], e[5]});
    }
}

inline Expected<voip::Context> context() {
    const auto today = day(t_today);
    if (!today) return voip::fail(today.error());
    const auto p = policy();
    if (!p) return voip::fail(p.error());
    std::optional<voip::PriceList> list;
    if (io.ints[i_has_prices] != 0) {
        const auto l = prices();
        if (!l) return voip::fail(l.error());
        list = *l;
    }
    std::optional<voip::Money> balance;
    if (io.ints[i_has_balance] != 0) balance = money(n_balance);
    return voip::make_context(*today, *p, list, balance);
}

inline Expected<voip::Bundle> bundle() {
    const auto u = voip::parse_uuid(text(t_uuid));
    if (!u) return voip::fail(u.error());
    const auto c = day(t_created);
    if (!c) return voip::fail(c.error());
    const auto e = day(t_expires);
    if (!e) return voip::fail(e.error());
    return voip::make_bundle(*u, voip::CreatedOn{*c}, voip::ExpiresOn{*e}, type_of(io.ints[i_type]),
                             io.ints[i_auto] != 0 ? voip::AutoRenew::on : voip::AutoRenew::off);
}

// A Request as the library's codec makes it: bundle_type_from_code, then the flag.
inline Expected<voip::Request> request() {
    const auto t = voip::bundle_type_from_code(io.ints[i_rtype]);
    if (!t) return voip::fail(t.error());
    return voip::Request{io.ints[i_rauto] != 0, *t};
}

// Outputs.
inline void put_day(int at, Day d) { voip::write_iso_date(io.out + at, d); }
inline void put_uuid(int at, const voip::Uuid& u) { voip::write_uuid(io.out + at, u); }

// A bundle at out[0..56): uuid, created_on, expires_on; its type and flag in out_ints;
// o_same_uuid when the uuid's text is the one given in t_uuid (so JS keeps its string).
inline void put_bundle(const voip::Bundle& b) {
    put_uuid(0, b.uuid());
    put_day(36, b.created_on());
    put_day(46, b.expires_on());
    io.out_ints[o_type] = voip::code(b.bundle_type());
    io.out_ints[o_auto] = b.auto_renew() ? 1 : 0;
    io.out_ints[o_same_uuid] = io.len[t_uuid] == 36 && std::memcmp(io.out, io.text[t_uuid], 36) == 0 ? 1 : 0;
}

inline int put_text(std::string_view s) {
    const std::size_t n = s.size() < static_cast<std::size_t>(out_size) ? s.size() : static_cast<std::size_t>(out_size);
    std::memcpy(io.out, s.data(), n);
    io.out_ints[o_len] = static_cast<std::int32_t>(n);
    return 0;
}

// Fails with the error, or writes the result with `put` and answers 0.
template <class T, class Put>
int answer(const Expected<T>& r, Put&& put) {
    if (!r) return code_of(r.error());
    put(*r);
    return 0;
}

}  // namespace vbjs

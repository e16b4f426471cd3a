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
#include <climits>
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
    i_rtype, i_rauto, i_op, i_error, i_layout, i_detail, i_digits, i_found, i_raw = 16, i_entry_types = 20, i_entry_count = 26,
    i_bundle_slot = 27, i_keep_in = 28, i_out_serial = 29, i_in_serial = 30, int_count = 32
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

// make_renewal_policy of the four numbers, the last answer kept with them: a host's calls
// mostly share one policy.
inline std::int32_t last_policy_inputs[4] = {-1, -1, -1, -1};
inline Expected<voip::RenewalPolicy> last_policy = voip::fail(voip::Error::invalid_policy);
inline Expected<voip::RenewalPolicy> policy() {
    const std::int32_t* k = &io.ints[i_month_end];  // month_end, term, before, after
    if (std::memcmp(k, last_policy_inputs, sizeof last_policy_inputs) == 0) return last_policy;
    const auto m = k[0];
    last_policy = voip::make_renewal_policy(static_cast<voip::MonthEnd>(m >= 0 && m <= 255 ? m : 255), voip::TermMonths{k[1]},
                                            voip::DaysBefore{k[2]}, voip::DaysAfter{k[3]});
    std::memcpy(last_policy_inputs, k, sizeof last_policy_inputs);
    return last_policy;
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

inline Expected<voip::Context> make_context_from_io() {
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

// The last context made, kept with the inputs it was made from (today's text, the policy's
// numbers, the prices, the balance): the same inputs again give it back without a remake.
struct ContextInputs {
    char today[slot_size];
    std::int32_t ints[8];
    double num[6];
};
inline ContextInputs context_inputs() {
    ContextInputs k;
    std::memset(&k, 0, sizeof k);  // padding and the text's tail compare equal
    std::memcpy(k.today, io.text[t_today], static_cast<std::size_t>(io.len[t_today]));
    k.ints[0] = io.len[t_today];
    for (int i = 0; i < 6; ++i) k.ints[1 + i] = io.ints[i_month_end + i];  // policy, has_prices, has_balance
    for (int i = 0; i < 5; ++i) k.num[i] = io.ints[i_has_prices] != 0 ? io.num[n_price0 + i] : 0.0;
    k.num[5] = io.ints[i_has_balance] != 0 ? io.num[n_balance] : 0.0;
    return k;
}
inline ContextInputs last_context_inputs;
inline std::optional<voip::Context> last_context;

inline Expected<voip::Context> context() {
    const ContextInputs k = context_inputs();
    if (last_context && std::memcmp(&k, &last_context_inputs, sizeof k) == 0) return *last_context;
    auto c = make_context_from_io();
    if (c) {
        last_context = *c;
        last_context_inputs = k;
    }
    return c;
}

// Bundles kept for JavaScript (js/src/10-values.js): slot 1, the last bundle put out; slot
// 2, the last bundle read from the text slots that JS asked to keep (i_keep_in: a frozen
// value) when its uuid text is canonical. Each is published under a serial (i_out_serial,
// i_in_serial); JS, seeing the serial it recorded, sends the slot (i_bundle_slot) instead of
// the texts. A kept bundle was made by make_bundle, so the rules still only see valid values.
inline std::optional<voip::Bundle> kept_out;
inline std::optional<voip::Bundle> kept_in;
inline std::int32_t last_serial = 0;
inline std::int32_t next_serial() { return last_serial = last_serial == INT_MAX ? 1 : last_serial + 1; }
inline const std::optional<voip::Bundle>& kept(int slot) { return slot == 1 ? kept_out : kept_in; }

inline Expected<voip::Bundle> bundle_from_text() {
    const auto u = voip::parse_uuid(text(t_uuid));
    if (!u) return voip::fail(u.error());
    const auto c = day(t_created);
    if (!c) return voip::fail(c.error());
    const auto e = day(t_expires);
    if (!e) return voip::fail(e.error());
    return voip::make_bundle(*u, voip::CreatedOn{*c}, voip::ExpiresOn{*e}, type_of(io.ints[i_type]),
                             io.ints[i_auto] != 0 ? voip::AutoRenew::on : voip::AutoRenew::off);
}

inline Expected<voip::Bundle> bundle() {
    const int slot = io.ints[i_bundle_slot];
    if (slot == 1 || slot == 2) {
        const auto& k = kept(slot);
        if (!k) return voip::fail(voip::Error::invalid_bundle);  // JS checks the serial first: never
        return *k;
    }
    auto b = bundle_from_text();
    if (b && io.ints[i_keep_in] != 0 && io.len[t_uuid] == 36) {
        char canonical[36];
        voip::write_uuid(canonical, b->uuid());
        if (std::memcmp(canonical, io.text[t_uuid], 36) == 0) {
            kept_in = *b;
            io.ints[i_in_serial] = next_serial();
        }
    }
    return b;
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
// o_same_uuid when the uuid's text is the one given in t_uuid, or the input was a kept bundle
// of the same uuid (so JS keeps its string). Kept in slot 1 under a new serial.
inline void put_bundle(const voip::Bundle& b) {
    put_uuid(0, b.uuid());
    put_day(36, b.created_on());
    put_day(46, b.expires_on());
    io.out_ints[o_type] = voip::code(b.bundle_type());
    io.out_ints[o_auto] = b.auto_renew() ? 1 : 0;
    const int slot = io.ints[i_bundle_slot];
    if (slot == 1 || slot == 2) {
        io.out_ints[o_same_uuid] = kept(slot) && kept(slot)->uuid() == b.uuid() ? 1 : 0;
    } else {
        io.out_ints[o_same_uuid] = io.len[t_uuid] == 36 && std::memcmp(io.out, io.text[t_uuid], 36) == 0 ? 1 : 0;
    }
    kept_out = b;
    io.ints[i_out_serial] = next_serial();
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

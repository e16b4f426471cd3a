// SPDX-License-Identifier: MIT
#pragma once
// rapidcheck generators for property tests. Optional: the umbrella voip/bundle.hpp does not
// include this header; including it needs rapidcheck (Debian's librapidcheck-dev; CMake:
// find_package(rapidcheck CONFIG), target `rapidcheck`). Two ways in:
//  - rc::Arbitrary<T> for BundleType, MonthEnd, RenewalPolicy, Uuid, Money, PriceList,
//    Request, Bundle, Context, Operation, Error, Status, State, SweepAction and Feature;
//  - generators to combine in voip::gen: day(), day_near(), policy(), prices(),
//    bundle(policy), off_chain_bundle(policy), off_chain_bundle_near(day, policy),
//    context(day) and the smaller ones below.
// Every value is valid and made through the public API (make_renewal_policy(),
// make_price_list(), make_context(), make_bundle(), create(), renew()). Days favour the calendar's
// traps: month ends, February 28/29, leap days, 1900, 2000, 2100, 2400, the range's ends.
#include <cstddef>
#include <algorithm>
#include <cstdint>
#include <optional>
#include <ostream>
#include <utility>

#include <rapidcheck.h>

#include "bundle.hpp"

// A date::sys_days has no operator<< that rapidcheck can find (the date library's is not
// in an associated namespace of std::chrono::time_point), so counterexamples would show
// "<???>": shown as YYYY-MM-DD instead. Include this header in every translation unit of
// a test program that shows a date::sys_days, so all of them see this specialisation.
namespace rc {
template <>
inline void show<date::sys_days>(const date::sys_days& value, std::ostream& os) {
    os << voip::IsoDate{value};
}
}  // namespace rc

namespace voip::gen {

namespace detail {
[[nodiscard]] inline int serial(date::sys_days d) noexcept { return d.time_since_epoch().count(); }
// The day `s` days after 1970-01-01, clamped to the rules' range.
[[nodiscard]] inline date::sys_days clamped_day(long long s) noexcept {
    const long long lo = serial(min_day), hi = serial(max_day);
    return date::sys_days{date::days{static_cast<int>(s < lo ? lo : s > hi ? hi : s)}};
}
// Day `d` of month `m` of year `y`, or the month's last day when it has fewer.
[[nodiscard]] inline date::sys_days on(int y, unsigned m, unsigned d) noexcept {
    const date::year_month_day_last last{date::year{y} / date::month{m} / date::last};
    return date::sys_days{date::year{y} / date::month{m} / (date::day{d} < last.day() ? date::day{d} : last.day())};
}
template <class T, rc::Gen<T> (*Make)()>
struct ArbitraryFrom {  // an rc::Arbitrary that calls Make
    static rc::Gen<T> arbitrary() { return Make(); }
};
}  // namespace detail

// Any day of [first, last], uniformly; requires first <= last.
[[nodiscard]] inline rc::Gen<date::sys_days> day_between(date::sys_days first, date::sys_days last) {
    return rc::gen::map(rc::gen::inRange(detail::serial(first), detail::serial(last) + 1),
                        [](int s) { return date::sys_days{date::days{s}}; });
}

// A year in [1, 9999]: the century rules' years, leap years, or any.
[[nodiscard]] inline rc::Gen<int> year() {
    return rc::gen::weightedOneOf<int>({
        {3, rc::gen::element(1900, 2000, 2100, 2400, 1, 9999)},
        {2, rc::gen::map(rc::gen::inRange(1, 2500), [](int q) { return 4 * q; })},  // divisible by 4
        {3, rc::gen::inRange(1900, 2401)},
        {2, rc::gen::inRange(1, 10000)},
    });
}

// A day in 0001-01-01..9999-12-31, favouring the calendar's traps.
[[nodiscard]] inline rc::Gen<date::sys_days> day() {
    using date::sys_days;
    return rc::gen::weightedOneOf<sys_days>({
        {5, day_between(sys_days{date::year{1900} / 1 / 1}, sys_days{date::year{2400} / 12 / 31})},
        {2, day_between(min_day, max_day)},
        {2, rc::gen::exec([] {  // a month's last day
            const int y = *year();
            return detail::on(y, *rc::gen::inRange(1u, 13u), 31);
        })},
        {2, rc::gen::exec([] {  // February 28, 29 (the 28th in a common year), March 1
            const int y = *year();
            return *rc::gen::element(detail::on(y, 2, 28), detail::on(y, 2, 29), detail::on(y, 3, 1));
        })},
        {1, rc::gen::exec([] {  // any day of a century year
            const int y = *rc::gen::element(1900, 2000, 2100, 2400);
            return *day_between(sys_days{date::year{y} / 1 / 1}, sys_days{date::year{y} / 12 / 31});
        })},
        {1, rc::gen::oneOf(day_between(min_day, min_day + date::days{800}),
                           day_between(max_day - date::days{800}, max_day))},
    });
}

// A day within 40 days of `expires_on`, favouring the edges of `policy`'s window and of
// service: expires_on - before - 1, - before, - 1, 0, + after, + after + 1 (with the seed's
// policy -4, -3, -1, 0, +5, +6; beyond 40 days for a wider window). Clamped to the range.
[[nodiscard]] inline rc::Gen<date::sys_days> day_near(date::sys_days expires_on, const RenewalPolicy& policy = {}) {
    const int b = policy.renew_days_before(), a = policy.renew_days_after();
    return rc::gen::map(rc::gen::weightedOneOf<int>({{3, rc::gen::inRange(-40, 41)},
                                                     {2, rc::gen::element(-b - 1, -b, -1, 0, a, a + 1)}}),
                        [s = detail::serial(expires_on)](int offset) { return detail::clamped_day(s + offset); });
}

[[nodiscard]] inline rc::Gen<BundleType> type() {
    return rc::gen::element(BundleType::business, BundleType::residential, BundleType::fax_only,
                            BundleType::trunk_only, BundleType::forward_only);
}

// Any 16 bytes; a version 4 UUID a third of the time.
[[nodiscard]] inline rc::Gen<Uuid> uuid() {
    return rc::gen::exec([] {
        Uuid u;
        for (auto& byte : u.bytes) byte = *rc::gen::arbitrary<std::uint8_t>();
        if (*rc::gen::inRange(0, 3) == 0) {
            u.bytes[6] = static_cast<std::uint8_t>((u.bytes[6] & 0x0F) | 0x40);
            u.bytes[8] = static_cast<std::uint8_t>((u.bytes[8] & 0x3F) | 0x80);
        }
        return u;
    });
}

// An ok() amount, [0, max_amount]: mostly everyday prices, sometimes anything, or an end.
[[nodiscard]] inline rc::Gen<Money> money() {
    return rc::gen::map(rc::gen::weightedOneOf<std::int64_t>({
                            {6, rc::gen::inRange<std::int64_t>(0, 100'000)},
                            {2, rc::gen::inRange<std::int64_t>(0, max_amount.minor + 1)},
                            {1, rc::gen::element<std::int64_t>(0, 1, max_amount.minor)},
                        }),
                        [](std::int64_t m) { return Money{m}; });
}

// An ok_balance() amount, [-max_amount, max_amount], mostly near everyday charges.
[[nodiscard]] inline rc::Gen<Money> balance() {
    return rc::gen::map(rc::gen::weightedOneOf<std::int64_t>({
                            {6, rc::gen::inRange<std::int64_t>(-100, 200'000)},
                            {2, rc::gen::inRange<std::int64_t>(-max_amount.minor, max_amount.minor + 1)},
                            {1, rc::gen::element<std::int64_t>(-max_amount.minor, -1, 0, max_amount.minor)},
                        }),
                        [](std::int64_t m) { return Money{m}; });
}

// A valid policy: both month-end modes, terms of 1..12 months, any window that cannot
// reach the next one (sometimes as wide as it may be); the seed's default a quarter of the time.
[[nodiscard]] inline rc::Gen<RenewalPolicy> policy() {
    return rc::gen::exec([] {
        if (*rc::gen::inRange(0, 4) == 0) return RenewalPolicy{};
        const MonthEnd month_end = *rc::gen::element(MonthEnd::clamp, MonthEnd::overflow);
        const int term = *rc::gen::inRange(1, 13);
        const int room = shortest_term_days(term);  // before + after < room
        const int shape = *rc::gen::inRange(0, 8);
        const int cap = shape < 4 ? 9 : room;  // mostly small windows
        const int before = *rc::gen::inRange(0, cap < room ? cap : room);
        const int rest = room - before;
        const int after = shape == 7 ? rest - 1 : *rc::gen::inRange(0, cap < rest ? cap : rest);  // 7: widest
        return *make_renewal_policy(month_end, TermMonths{term}, DaysBefore{before}, DaysAfter{after});
    });
}

// A valid price list (through make_price_list): everyday prices, a few common ones so that
// types often cost the same, or any amount up to max_amount a tenth of the time.
[[nodiscard]] inline rc::Gen<PriceList> prices() {
    return rc::gen::exec([] {
        const int mode = *rc::gen::inRange(0, 10);
        const auto price = [mode] {
            if (mode == 0) return Money{*rc::gen::inRange<std::int64_t>(0, max_amount.minor + 1)};
            if (mode == 1) return Money{*rc::gen::element<std::int64_t>(0, 900, 1500)};
            return *money();
        };
        const Money m1 = price(), m2 = price(), m3 = price(), m4 = price(), m5 = price();
        return *make_price_list({{BundleType::business, m1}, {BundleType::residential, m2}, {BundleType::fax_only, m3},
                                 {BundleType::trunk_only, m4}, {BundleType::forward_only, m5}});
    });
}

[[nodiscard]] inline rc::Gen<Request> request() {
    return rc::gen::exec([] { return Request{*rc::gen::arbitrary<bool>(), *type()}; });
}

// A valid context on `today` under `policy`: with or without prices, with or without a
// balance (a balance without prices is allowed and checks nothing).
[[nodiscard]] inline rc::Gen<Context> context(date::sys_days today, const RenewalPolicy& policy) {
    return rc::gen::exec([today, policy] {
        std::optional<PriceList> p;
        std::optional<Money> b;
        if (*rc::gen::inRange(0, 3) != 0) p = *prices();
        if (*rc::gen::inRange(0, 3) != 0) b = *balance();
        return *make_context(today, policy, p, b);
    });
}
[[nodiscard]] inline rc::Gen<Context> context(date::sys_days today) {
    return rc::gen::exec([today] { return *context(today, *policy()); });
}

// A valid bundle exactly as the rules make it under `policy`: create() on a day, then
// renew() 0..30 times (each on its expiry day), so expires_on is on created_on's chain of
// terms. A creation whose first term would pass 9999-12-31 moves a year earlier; the
// renewals stop where the next expiry would.
[[nodiscard]] inline rc::Gen<Bundle> bundle(const RenewalPolicy& policy = {}) {
    return rc::gen::exec([policy] {
        const Request r = *request();
        const Uuid id = *uuid();
        date::sys_days start = *day();
        if (!first_expiry(start, policy)) start -= date::days{366};  // then at most 9998-12-30: it fits
        Bundle b = create(r, id, *make_context(start, policy))->bundle;
        const int renewals = *rc::gen::weightedOneOf<int>({{3, rc::gen::inRange(0, 4)}, {1, rc::gen::inRange(0, 31)}});
        for (int i = 0; i < renewals; ++i) {
            const Result next = renew(b, *make_context(b.expires_on(), policy));
            if (!next) break;
            b = next->bundle;
        }
        return b;
    });
}

namespace detail {
// Whether `e` is a boundary of the chain of terms from `c` under `policy` (rules.md 3): c, then
// add_term() from each boundary. At most 10^5 steps.
[[nodiscard]] inline bool on_chain(date::sys_days c, date::sys_days e, const RenewalPolicy& policy) noexcept {
    date::sys_days t = c;
    while (t < e) {
        const auto next = add_term(t, CreatedOn{c}, policy);
        if (!next) return false;
        t = *next;
    }
    return t == e;
}

// The bundle `like` with created_on `c` and expires_on `e` (c < e, both in range), or a day
// earlier when that expiry is on c's chain: c + 1 day never is, since a term is >= 28 days.
[[nodiscard]] inline Bundle off_chain_bundle(const Bundle& like, date::sys_days c, date::sys_days e,
                                             const RenewalPolicy& policy) noexcept {
    if (on_chain(c, e, policy)) e -= date::days{1};
    return *make_bundle(like.uuid(), CreatedOn{c}, ExpiresOn{e}, like.bundle_type(),
                        like.auto_renew() ? AutoRenew::on : AutoRenew::off);
}
}  // namespace detail

// A valid bundle that no create() and renew() under `policy` made, as a decoder may hand it
// over (decode_bundle, a store line): created_on < expires_on, both in range, expires_on off
// created_on's chain of terms. A day or a few either side of a boundary; any span of up to
// 400 days; or the range's two ends apart.
[[nodiscard]] inline rc::Gen<Bundle> off_chain_bundle(const RenewalPolicy& policy = {}) {
    return rc::gen::exec([policy] {
        const Bundle on = *bundle(policy);
        date::sys_days c = on.created_on(), e = on.expires_on();
        const int offset = *rc::gen::inRange(1, 28);
        switch (*rc::gen::inRange(0, 7)) {
            case 0:
            case 1: e -= date::days{offset}; break;  // still after c: the last term is >= 28 days
            case 2:
            case 3: e = detail::clamped_day(detail::serial(e) + offset); break;
            case 4:
            case 5:
                c = detail::clamped_day(std::min(detail::serial(*day()), detail::serial(max_day) - 400));
                e = c + date::days{*rc::gen::inRange(1, 401)};
                break;
            default:
                c = *day_between(min_day, min_day + date::days{800});
                e = *day_between(max_day - date::days{800}, max_day);
                break;
        }
        return detail::off_chain_bundle(on, c, e, policy);
    });
}

// An off-chain bundle (as above) expiring within 60 days of `day`, created 1..800 days
// before its expiry (clamped to the range): for a sweep on `day`.
[[nodiscard]] inline rc::Gen<Bundle> off_chain_bundle_near(date::sys_days day, const RenewalPolicy& policy = {}) {
    return rc::gen::exec([day, policy] {
        const Bundle like = *bundle(policy);
        const int first = detail::serial(min_day) + 1;
        const int e = std::max(detail::serial(detail::clamped_day(detail::serial(day) + *rc::gen::inRange(-60, 61))), first);
        const int c = std::max(e - *rc::gen::inRange(1, 801), first - 1);
        return detail::off_chain_bundle(like, date::sys_days{date::days{c}}, date::sys_days{date::days{e}}, policy);
    });
}

}  // namespace voip::gen

namespace rc {

// The enumerations: every enumerator, nothing outside.
template <>
struct Arbitrary<voip::BundleType> {
    static Gen<voip::BundleType> arbitrary() { return voip::gen::type(); }
};
template <>
struct Arbitrary<voip::MonthEnd> {
    static Gen<voip::MonthEnd> arbitrary() { return gen::element(voip::MonthEnd::clamp, voip::MonthEnd::overflow); }
};
template <>
struct Arbitrary<voip::Operation> {
    static Gen<voip::Operation> arbitrary() {
        return gen::element(voip::Operation::create, voip::Operation::update, voip::Operation::renew);
    }
};
template <>
struct Arbitrary<voip::Error> {
    static Gen<voip::Error> arbitrary() {
        return gen::map(gen::inRange(static_cast<int>(voip::first_error), static_cast<int>(voip::last_error) + 1),
                        [](int e) { return static_cast<voip::Error>(e); });
    }
};
template <>
struct Arbitrary<voip::Status> {
    static Gen<voip::Status> arbitrary() {
        using S = voip::Status;
        return gen::element(S::ok, S::created, S::bad_request, S::payment_required, S::not_found,
                            S::internal_server_error);
    }
};
template <>
struct Arbitrary<voip::State> {
    static Gen<voip::State> arbitrary() {
        return gen::element(voip::State::active, voip::State::renewal_open, voip::State::grace, voip::State::lapsed);
    }
};
template <>
struct Arbitrary<voip::SweepAction> {
    static Gen<voip::SweepAction> arbitrary() {
        using A = voip::SweepAction;
        return gen::element(A::none, A::renew, A::lapsed);
    }
};
template <>
struct Arbitrary<voip::Feature> {
    static Gen<voip::Feature> arbitrary() {
        return gen::map(gen::inRange(0, static_cast<int>(voip::feature_count)),
                        [](int f) { return static_cast<voip::Feature>(f); });
    }
};

// The values: valid ones, as voip::gen makes them.
template <>
struct Arbitrary<voip::RenewalPolicy> : voip::gen::detail::ArbitraryFrom<voip::RenewalPolicy, voip::gen::policy> {};
template <>
struct Arbitrary<voip::Uuid> : voip::gen::detail::ArbitraryFrom<voip::Uuid, voip::gen::uuid> {};
template <>
struct Arbitrary<voip::Money> : voip::gen::detail::ArbitraryFrom<voip::Money, voip::gen::money> {};
template <>
struct Arbitrary<voip::PriceList> : voip::gen::detail::ArbitraryFrom<voip::PriceList, voip::gen::prices> {};
template <>
struct Arbitrary<voip::Request> : voip::gen::detail::ArbitraryFrom<voip::Request, voip::gen::request> {};
// Under the seed's policy; voip::gen::bundle(policy) for any other.
template <>
struct Arbitrary<voip::Bundle> {
    static Gen<voip::Bundle> arbitrary() { return voip::gen::bundle(); }
};
// On any day, under any valid policy.
template <>
struct Arbitrary<voip::Context> {
    static Gen<voip::Context> arbitrary() {
        return gen::exec([] { return *voip::gen::context(*voip::gen::day()); });
    }
};

}  // namespace rc

// Exhaustive calendar tests against oracle.hpp, an independent calendar written for the
// tests. Not doctest: a plain program whose figures (days checked, terms checked) are
// printed so they can be quoted, and whose exit status is the verdict.
//
//   1. every day 0001-01-01..9999-12-31 round-trips through write_iso_date/parse_iso_date,
//      and its serial agrees with the oracle's;
//   2. every text YYYY-MM-DD with YYYY 0000..9999, MM 00..13, DD 00..32 parses exactly
//      when the oracle says it is a day in range;
//   3. every start day 1900-01-01..2400-12-31 (a whole 400-year cycle and a century more),
//      in both month-end modes: the first expiry and 24 successive renewals, each made
//      through renew() on a day of its window, equal the oracle's; term_start() of every
//      term equals the oracle's; the anchored (clamp) chain never drifts;
//   4. every term length 1..12 months, both modes, first expiry from every start day of
//      the same range;
//   5. the 9999-12-31 edge: every start day of 9990..9999, every term length, both modes:
//      the oracle's date when it is in range, date_out_of_range otherwise (never UB: the
//      sanitizer preset runs this too), and the same for renewals of bundles expiring there.
#include <voip/bundle.hpp>

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "oracle.hpp"

namespace {

using oracle::Ymd;

std::uint64_t failures = 0;

void fail(const std::string& what) {
    if (++failures <= 20) std::fprintf(stderr, "FAIL: %s\n", what.c_str());
}

date::sys_days day_of(std::int64_t serial) { return date::sys_days{date::days{static_cast<int>(serial)}}; }

// The oracle's own map from a day to its serial: per-year starts counted by adding 365 or
// 366, per-month offsets by adding its days_in_month. Filled once.
std::vector<std::int64_t> year_start;  // index y in [1, 10001]

void build_year_starts() {
    year_start.assign(10002, 0);
    year_start[1] = oracle::serial_0001_01_01;
    for (int y = 1; y <= 10000; ++y) year_start[static_cast<std::size_t>(y) + 1] = year_start[static_cast<std::size_t>(y)] + (oracle::leap(y) ? 366 : 365);
}

std::int64_t serial_of(const Ymd& t) {
    std::int64_t s = year_start[static_cast<std::size_t>(t.y)];
    for (int m = 1; m < t.m; ++m) s += oracle::days_in_month(t.y, m);
    return s + t.d - 1;
}

Ymd ymd_from_library(date::sys_days d) {
    // Only used to print a failure; the comparisons are on serials.
    const date::year_month_day ymd{d};
    return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
            static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

std::string show(date::sys_days d) {
    if (!voip::in_range(d)) return "(out of range)";
    return oracle::text(ymd_from_library(d));
}

// 1. Every day round-trips; returns the number of days.
std::uint64_t round_trip_every_day() {
    std::uint64_t n = 0;
    Ymd t{1, 1, 1};
    std::int64_t serial = oracle::serial_0001_01_01;
    char buf[voip::iso_date_size];
    for (;; t = oracle::next_day(t), ++serial) {
        ++n;
        const std::string text = oracle::text(t);
        if (serial_of(t) != serial) fail("oracle disagrees with itself at " + text);
        const auto parsed = voip::parse_iso_date(text);
        if (!parsed || *parsed != day_of(serial)) fail("parse_iso_date(" + text + ")");
        if (!voip::in_range(day_of(serial))) fail("in_range(" + text + ")");
        voip::write_iso_date(buf, day_of(serial));
        if (std::string(buf, sizeof buf) != text) fail("write_iso_date -> " + std::string(buf, sizeof buf) + " for " + text);
        if (t == Ymd{9999, 12, 31}) break;
    }
    // One day beyond each end is out of range.
    if (voip::in_range(day_of(oracle::serial_0001_01_01 - 1))) fail("in_range(0000-12-31)");
    if (voip::in_range(day_of(serial + 1))) fail("in_range(10000-01-01)");
    return n;
}

// 2. Every YYYY-MM-DD text with MM 00..13 and DD 00..32; returns the number of texts.
std::uint64_t parse_every_text() {
    std::uint64_t n = 0;
    char text[10];
    for (int y = 0; y <= 9999; ++y)
        for (int m = 0; m <= 13; ++m)
            for (int d = 0; d <= 32; ++d) {
                ++n;
                oracle::format(text, y, m, d);
                const auto parsed = voip::parse_iso_date(std::string_view(text, 10));
                if (oracle::valid(y, m, d)) {
                    if (!parsed || *parsed != day_of(serial_of({y, m, d}))) fail("valid " + std::string(text, 10));
                } else if (parsed || parsed.error() != voip::Error::malformed_date) {
                    fail("invalid accepted or wrong error: " + std::string(text, 10));
                }
            }
    return n;
}

struct ChainFigures {
    std::uint64_t start_days = 0;
    std::uint64_t expiries = 0;  // first expiries and renewals checked
};

// 3. First expiry and `renewals` renewals from every start day in [first, last].
ChainFigures chains(Ymd first, Ymd last, voip::MonthEnd mode, int renewals) {
    ChainFigures f;
    voip::Context ctx = voip::make_context(voip::min_day, voip::make_renewal_policy(mode).value()).value();
    const voip::Request request{false, voip::BundleType::residential};
    for (Ymd start = first;; start = oracle::next_day(start)) {
        ++f.start_days;
        const std::int64_t start_serial = serial_of(start);
        ctx = ctx.with_today(day_of(start_serial)).value();
        const auto created = voip::create(request, voip::Uuid{}, ctx);
        Ymd expect = mode == voip::MonthEnd::clamp ? oracle::add_clamped(start, 1, start.d) : oracle::add_overflow(start, 1);
        if (!created || created->bundle.expires_on() != day_of(serial_of(expect)) || created->bundle.created_on() != ctx.today()) {
            fail("create on " + oracle::text(start) + " expected " + oracle::text(expect) + " got " +
                 (created ? show(created->bundle.expires_on()) : std::string(voip::name(created.error()))));
            continue;
        }
        ++f.expiries;
        voip::Bundle b = created->bundle;
        Ymd previous = start;
        for (int k = 1; k <= renewals; ++k) {
            // term_start: the chain's boundary before expires_on, which the oracle built as
            // `previous`; in clamp mode also the anchored boundary one term before it.
            const Ymd boundary = previous;
            if (mode == voip::MonthEnd::clamp) {
                Ymd anchored = oracle::add_clamped(expect, -1, start.d);
                if (anchored < start) anchored = start;
                if (anchored != previous)
                    fail("oracle: clamp boundary " + oracle::text(anchored) + " != " + oracle::text(previous));
            }
            if (voip::term_start(b, ctx.policy()) != day_of(serial_of(boundary)))
                fail("term_start of " + oracle::text(expect) + " from " + oracle::text(start) + " expected " +
                     oracle::text(boundary));

            // Renew on a day of the window, alternating its first day, expires_on and its last day.
            const int offsets[3] = {-ctx.policy().renew_days_before(), 0, ctx.policy().renew_days_after()};
            ctx = ctx.with_today(b.expires_on() + date::days{offsets[k % 3]}).value();
            const auto renewed = voip::renew(b, ctx);
            previous = expect;
            expect = mode == voip::MonthEnd::clamp ? oracle::add_clamped(start, k + 1, start.d)  // from the anchor
                                                   : oracle::add_overflow(expect, 1);            // chained
            if (!renewed || renewed->bundle.expires_on() != day_of(serial_of(expect))) {
                fail("renewal " + std::to_string(k) + " from " + oracle::text(start) + " (" +
                     (mode == voip::MonthEnd::clamp ? "clamp" : "overflow") + ") expected " + oracle::text(expect) +
                     " got " + (renewed ? show(renewed->bundle.expires_on()) : std::string(voip::name(renewed.error()))));
                break;
            }
            if (renewed->bundle.created_on() != b.created_on()) fail("renewal moved created_on");
            b = renewed->bundle;
            ++f.expiries;
        }
        if (start == last) break;
    }
    return f;
}

// 4. and 5. First expiry for every term length from every start day in [first, last]:
// the oracle's date when in range, else date_out_of_range. Returns expiries checked.
std::uint64_t first_expiries(Ymd first, Ymd last, voip::MonthEnd mode, std::uint64_t& out_of_range) {
    std::uint64_t n = 0;
    for (Ymd start = first;; start = oracle::next_day(start)) {
        const auto today = day_of(serial_of(start));
        for (int months = 1; months <= 12; ++months) {
            // No window: any fits every term length.
            const voip::RenewalPolicy p = voip::make_renewal_policy(mode, voip::TermMonths{months}, voip::DaysBefore{0},
                                                                    voip::DaysAfter{0})
                                              .value();
            ++n;
            const Ymd expect = mode == voip::MonthEnd::clamp ? oracle::add_clamped(start, months, start.d)
                                                             : oracle::add_overflow(start, months);
            const auto got = voip::first_expiry(today, p);
            if (expect.y > 9999) {
                ++out_of_range;
                if (got || got.error() != voip::Error::date_out_of_range)
                    fail("first_expiry past 9999 from " + oracle::text(start) + " +" + std::to_string(months));
            } else if (!got || *got != day_of(serial_of(expect))) {
                fail("first_expiry from " + oracle::text(start) + " +" + std::to_string(months) + " expected " +
                     oracle::text(expect));
            }
            // Renewal of a bundle expiring on `start` (created a term earlier, or on 0001-01-01).
            const auto made = voip::make_bundle(voip::Uuid{}, voip::CreatedOn{voip::min_day}, voip::ExpiresOn{today},
                                                voip::BundleType::business, voip::AutoRenew::off);
            if (!made) continue;  // expires_on == 0001-01-01
            const voip::Bundle b = *made;
            const Ymd anchor{1, 1, 1};
            const Ymd renew_expect =
                mode == voip::MonthEnd::clamp ? oracle::add_term_clamped(start, months, anchor.d, 0) : oracle::add_overflow(start, months);
            const auto next = voip::next_expiry(b, p);
            if (renew_expect.y > 9999) {
                if (next || next.error() != voip::Error::date_out_of_range) fail("next_expiry past 9999 from " + oracle::text(start));
                const voip::Context ctx = voip::make_context(today, p).value();
                const auto r = voip::renew(b, ctx);
                if (r || r.error() != voip::Error::date_out_of_range ||
                    voip::status(r.error()) != voip::Status::bad_request)
                    fail("renew past 9999 is not a 400 date_out_of_range from " + oracle::text(start));
            } else if (!next || *next != day_of(serial_of(renew_expect))) {
                fail("next_expiry from " + oracle::text(start));
            }
            // The same renewal under the widest window the term allows: off the chain (any day
            // past the 1st), the anchor's day comes within it on most days, and the month
            // after is taken instead.
            const int window = voip::shortest_term_days(months) - 1;
            const voip::RenewalPolicy wide = voip::make_renewal_policy(mode, voip::TermMonths{months},
                                                                       voip::DaysBefore{window}, voip::DaysAfter{0})
                                                 .value();
            const Ymd anchored = oracle::add_clamped(start, months, anchor.d);
            const Ymd wide_expect = mode == voip::MonthEnd::overflow ? oracle::add_overflow(start, months)
                                    : serial_of(anchored) - serial_of(start) > window
                                        ? anchored
                                        : oracle::add_clamped(start, months + 1, anchor.d);
            const auto wide_next = voip::next_expiry(b, wide);
            if (wide_expect.y > 9999 ? wide_next.has_value() : !wide_next || *wide_next != day_of(serial_of(wide_expect)))
                fail("next_expiry under the widest window from " + oracle::text(start));
        }
        if (start == last) break;
    }
    return n;
}

}  // namespace

int main() {
    build_year_starts();

    const std::uint64_t days = round_trip_every_day();
    std::printf("round trip: %llu days 0001-01-01..9999-12-31\n", static_cast<unsigned long long>(days));

    const std::uint64_t texts = parse_every_text();
    std::printf("parse: %llu texts YYYY 0000..9999 x MM 00..13 x DD 00..32\n", static_cast<unsigned long long>(texts));

    constexpr int renewals = 24;
    for (const auto mode : {voip::MonthEnd::clamp, voip::MonthEnd::overflow}) {
        const ChainFigures f = chains({1900, 1, 1}, {2400, 12, 31}, mode, renewals);
        std::printf("chains (%s): %llu start days 1900-01-01..2400-12-31, first expiry + %d renewals: %llu expiries\n",
                    mode == voip::MonthEnd::clamp ? "clamp" : "overflow", static_cast<unsigned long long>(f.start_days),
                    renewals, static_cast<unsigned long long>(f.expiries));
    }

    for (const auto mode : {voip::MonthEnd::clamp, voip::MonthEnd::overflow}) {
        std::uint64_t beyond = 0;
        const std::uint64_t n = first_expiries({1900, 1, 1}, {2400, 12, 31}, mode, beyond) +
                                first_expiries({9990, 1, 1}, {9999, 12, 31}, mode, beyond);
        std::printf("term lengths 1..12 (%s): %llu first expiries and renewals, %llu of them past 9999-12-31\n",
                    mode == voip::MonthEnd::clamp ? "clamp" : "overflow", static_cast<unsigned long long>(n),
                    static_cast<unsigned long long>(beyond));
    }

    // The lower edge: a bundle in the first month of year 1 (term_start never leaves the range).
    {
        const voip::Bundle b = *voip::make_bundle(voip::Uuid{}, voip::CreatedOn{voip::min_day},
                                                  voip::ExpiresOn{voip::min_day + date::days{20}},
                                                  voip::BundleType::business, voip::AutoRenew::off);
        for (const auto mode : {voip::MonthEnd::clamp, voip::MonthEnd::overflow}) {
            if (voip::term_start(b, voip::make_renewal_policy(mode).value()) != b.created_on())
                fail("term_start in 0001-01 is not created_on");
        }
    }

    if (failures != 0) {
        std::printf("%llu failures\n", static_cast<unsigned long long>(failures));
        return 1;
    }
    std::printf("all exhaustive checks passed\n");
    return 0;
}

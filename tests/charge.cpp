#include <voip/bundle/charge.hpp>
#include <voip/bundle/operations.hpp>

#include <doctest/doctest.h>

#include <cstdint>
#include <numeric>
#include <sstream>
#include <string>
#include <vector>

#include "common.hpp"

using namespace voip;
using voip_test::day;

namespace {
Context priced(date::sys_days today, MonthEnd mode) {
    return make_context(today, make_renewal_policy(mode).value(), voip_test::test_prices()).value();
}

// b's breakdown for a move to business (600 a term dearer than residential), which must succeed.
UpgradeCharge to_business(const Bundle& b, const Context& c) {
    const auto u = upgrade_charge_breakdown(b, BundleType::business, c);
    REQUIRE(u);
    return *u;
}

// The charge by its definition, independently of charge.hpp: the terms are built forward
// from created_on with add_term(), each day from today to expires_on costs the difference
// over the days of its term, and the exact sum is rounded half up once.
std::int64_t oracle_charge(const Bundle& b, date::sys_days today, const RenewalPolicy& p, std::int64_t diff) {
    std::vector<date::sys_days> bounds{b.created_on()};
    while (bounds.back() < b.expires_on()) bounds.push_back(*add_term(bounds.back(), CreatedOn{b.created_on()}, p));
    REQUIRE(bounds.back() == b.expires_on());  // the bundles here are made by the rules
    std::int64_t num = 0, den = 1;           // the exact sum num / den
    for (std::size_t i = 0; i + 1 < bounds.size(); ++i) {
        const date::sys_days from = today > bounds[i] ? today : bounds[i];
        if (from >= bounds[i + 1]) continue;
        const std::int64_t len = (bounds[i + 1] - bounds[i]).count();
        const std::int64_t days = (bounds[i + 1] - from).count();
        num = num * len + diff * days * den;  // num/den + diff*days/len
        den *= len;
        const std::int64_t g = std::gcd(num, den);
        num /= g;
        den /= g;
    }
    return (2 * num + den) / (2 * den);  // half up
}
}  // namespace

TEST_CASE("rules.md 7's example: renewed early, upgraded on the renewal day: 658") {
    for (const MonthEnd mode : {MonthEnd::clamp, MonthEnd::overflow}) {
        CAPTURE(mode);
        const auto created = create(Request{false, BundleType::residential}, voip_test::seed_uuid(),
                                    priced(day("2018-08-01"), mode));
        REQUIRE(created);
        const auto renewed = renew(created->bundle, priced(day("2018-08-29"), mode));
        REQUIRE(renewed);
        CHECK(renewed->bundle.expires_on() == day("2018-10-01"));
        const auto u = upgrade_charge_breakdown(renewed->bundle, BundleType::business, priced(day("2018-08-29"), mode));
        REQUIRE(u);
        CHECK(u->difference == Money{600});
        CHECK(u->current == Term{day("2018-08-01"), day("2018-09-01")});
        CHECK(u->current.days() == 31);
        CHECK(u->days_left == 3);
        CHECK(u->prepaid_terms == 1);
        CHECK(u->total == Money{658});  // 600 x 3 / 31 + 600 = 658.06
        const auto updated = update(renewed->bundle, Request{false, BundleType::business},
                                    priced(day("2018-08-29"), mode));
        REQUIRE(updated);
        CHECK(updated->charge == Money{658});
        // On the first day of the prepaid term, only that term is left: 600.
        CHECK(*upgrade_charge(renewed->bundle, BundleType::business, priced(day("2018-09-01"), mode)) == Money{600});
        CHECK(*upgrade_charge(renewed->bundle, BundleType::business, priced(day("2018-08-31"), mode)) == Money{619});
    }
}

TEST_CASE("every day of a renewed-early term, both month-end modes, against the definition") {
    // Bundles created on month ends, leap days and plain days, renewed on each day the
    // window opens before expiry, upgraded 900 -> 1500 on every day until the new expiry.
    const char* starts[] = {"2018-08-01", "2018-01-31", "2018-01-29", "2018-01-30", "2020-01-31",
                            "2020-02-29", "2019-12-31", "2018-03-31", "2018-05-31", "2018-02-28"};
    int checked = 0;
    for (const MonthEnd mode : {MonthEnd::clamp, MonthEnd::overflow}) {
        for (const char* start : starts) {
            const auto created =
                create(Request{false, BundleType::residential}, voip_test::seed_uuid(), priced(day(start), mode));
            REQUIRE(created);
            // Two terms in: renew on time once, then early in the second window.
            const auto on_time = renew(created->bundle, priced(created->bundle.expires_on(), mode));
            REQUIRE(on_time);
            const Bundle second = on_time->bundle;
            for (int before = 0; before <= 3; ++before) {
                const date::sys_days renewal_day = second.expires_on() - date::days{before};
                const auto renewed = renew(second, priced(renewal_day, mode));
                REQUIRE(renewed);
                const Bundle b = renewed->bundle;
                for (date::sys_days today = renewal_day; today < b.expires_on(); today += date::days{1}) {
                    const Context c = priced(today, mode);
                    CAPTURE(mode);
                    CAPTURE(start);
                    CAPTURE(IsoDate{renewal_day});
                    CAPTURE(IsoDate{today});
                    const auto u = upgrade_charge_breakdown(b, BundleType::business, c);
                    REQUIRE(u);
                    CHECK(u->total.minor == oracle_charge(b, today, c.policy(), 600));
                    CHECK(u->prepaid_terms == (today < second.expires_on() ? 1 : 0));
                    CHECK(u->days_left == (u->current.end - today).count());
                    CHECK(update(b, Request{false, BundleType::business}, c)->charge == u->total);
                    // The days of a term, and of the term containing today, are in range.
                    CHECK(u->current.first <= today);
                    CHECK(today < u->current.end);
                    ++checked;
                }
            }
        }
    }
    CHECK(checked > 1000);
}

TEST_CASE("the breakdown without a price list or to a cheaper type") {
    const Bundle b = voip_test::make_bundle("2018-08-01", "2018-09-01", BundleType::business);
    const auto free = upgrade_charge_breakdown(b, BundleType::trunk_only, make_context(day("2018-08-17")).value());
    REQUIRE(free);
    CHECK(free->difference == Money{0});
    CHECK(free->total == Money{0});
    CHECK(free->days_left == 15);
    CHECK(free->current == Term{day("2018-08-01"), day("2018-09-01")});
    const auto cheaper = upgrade_charge_breakdown(b, BundleType::fax_only, priced(day("2018-08-17"), MonthEnd::clamp));
    REQUIRE(cheaper);
    CHECK(cheaper->difference == Money{0});
    CHECK(cheaper->total == Money{0});
    std::ostringstream os;
    os << *cheaper;
    CHECK(os.str() ==
          "{difference: Money{0}, current: [2018-08-01, 2018-09-01), days_left: 15, prepaid_terms: 0, total: Money{0}}");
}

TEST_CASE("the breakdown refuses what the rules refuse") {
    const Bundle b = voip_test::make_bundle("2018-08-01", "2018-09-01", BundleType::residential);
    const Context c = priced(day("2018-08-17"), MonthEnd::clamp);
    CHECK(upgrade_charge_breakdown(b, static_cast<BundleType>(0), c).error() == Error::bundle_type_out_of_range);
    // Thousands of terms prepaid at the dearest difference pass max_amount.
    const auto dear = make_price_list({{BundleType::business, max_amount},
                                       {BundleType::residential, Money{0}},
                                       {BundleType::fax_only, Money{0}},
                                       {BundleType::trunk_only, Money{0}},
                                       {BundleType::forward_only, Money{0}}});
    const Bundle far = voip_test::make_bundle("2018-08-01", "2018-10-01", BundleType::residential);
    CHECK(upgrade_charge(far, BundleType::business, make_context(day("2018-08-01"), RenewalPolicy{}, *dear).value()).error() ==
          Error::charge_out_of_range);  // 2 x 10^15 > max_amount
    CHECK(*upgrade_charge(voip_test::make_bundle("2018-08-01", "2018-09-01", BundleType::residential),
                          BundleType::business, make_context(day("2018-08-01"), RenewalPolicy{}, *dear).value()) == max_amount);
    // Off its chain, today's whole term and a cut last term (19 of 28 days) together pass
    // max_amount with no whole term prepaid: 10^15 x (31/31 + 19/28).
    const Bundle cut = voip_test::make_bundle("2018-01-01", "2018-02-20", BundleType::residential);
    const auto both = upgrade_charge_breakdown(cut, BundleType::business, make_context(day("2018-01-01"), RenewalPolicy{}, *dear).value());
    CHECK(both.error() == Error::charge_out_of_range);
    // The same bundle at the test prices (600 a term dearer): its terms, cut at 19 of 28 days.
    const auto cheap = upgrade_charge_breakdown(cut, BundleType::business, priced(day("2018-01-01"), MonthEnd::clamp));
    REQUIRE(cheap);
    CHECK(cheap->prepaid_terms == 0);
    CHECK(cheap->cut_days == 19);
    CHECK(cheap->cut_term_days == 28);
}

TEST_CASE("a bundle off its chain: a last term cut short is charged by its days, not whole") {
    // Made in overflow mode (01-31 -> 03-03), upgraded under clamp on 02-01: the clamp chain
    // is 01-31 -> 02-28 -> 03-31, so 02-28..03-03 is 3 days of a 31-day term, not a term.
    const Bundle b = voip_test::make_bundle("2018-01-31", "2018-03-03", BundleType::residential);
    const auto u = upgrade_charge_breakdown(b, BundleType::business, priced(day("2018-02-01"), MonthEnd::clamp));
    REQUIRE(u);
    CHECK(u->current == Term{day("2018-01-31"), day("2018-02-28")});
    CHECK(u->days_left == 27);
    CHECK(u->prepaid_terms == 0);
    CHECK(u->cut_days == 3);
    CHECK(u->cut_term_days == 31);
    CHECK(u->total == Money{579 + 58});  // 600 x 27 / 28 = 578.6, 600 x 3 / 31 = 58.1
    // On the chain, never a cut term.
    const Bundle on_chain = voip_test::make_bundle("2018-01-31", "2018-03-31", BundleType::residential);
    const auto v = upgrade_charge_breakdown(on_chain, BundleType::business, priced(day("2018-02-01"), MonthEnd::clamp));
    REQUIRE(v);
    CHECK(v->cut_days == 0);
    CHECK(v->cut_term_days == 0);
    CHECK(v->prepaid_terms == 1);
}

TEST_CASE("a bundle off its chain, today in the cut term: its days left at the whole term's rate") {
    const Bundle b = voip_test::make_bundle("2018-01-31", "2018-03-03", BundleType::residential);
    const auto on = [&](const char* today) { return to_business(b, priced(day(today), MonthEnd::clamp)); };
    const UpgradeCharge cut = on("2018-02-28");
    CHECK(cut.current == Term{day("2018-02-28"), day("2018-03-31")});  // the whole term
    CHECK(cut.days_left == 3);                                          // to expires_on
    CHECK(cut.prepaid_terms == 0);
    CHECK(cut.cut_days == 0);
    CHECK(cut.total == Money{58});  // 600 x 3 / 31 = 58.1, not 600 x 3 / 3
    CHECK(on("2018-03-02").total == Money{19});  // 600 x 1 / 31 = 19.4
    CHECK(on("2018-03-03").total == Money{0});
    // The day before: 600 x 1 / 28 + 600 x 3 / 31 = 21 + 58.
    CHECK(on("2018-02-27").total == Money{79});
    // Day by day, the charge never rises.
    Money last = on("2018-01-20").total;
    for (date::sys_days d = day("2018-01-21"); d <= day("2018-03-05"); d += date::days{1}) {
        const UpgradeCharge u = to_business(b, priced(d, MonthEnd::clamp));
        CHECK_MESSAGE(u.total <= last, IsoDate{d});
        CHECK(u.days_left <= u.current.days());
        last = u.total;
    }
}

static_assert(Term{date::sys_days{date::days{0}}, date::sys_days{date::days{31}}}.days() == 31);

// Found by mutation testing (docs/testing.md, "Mutation testing"): each member of Term and
// UpgradeCharge takes part in ==, and != is its negation.
TEST_CASE("Term and UpgradeCharge compare member by member") {
    const Term t{day("2018-08-01"), day("2018-09-01")};
    CHECK(t == Term{day("2018-08-01"), day("2018-09-01")});
    CHECK(t != Term{day("2018-08-01"), day("2018-09-02")});  // same first day, another end
    CHECK(t != Term{day("2018-07-31"), day("2018-09-01")});
    CHECK_FALSE(t != t);
    UpgradeCharge u;
    CHECK(u.days_left == 0);  // a default breakdown charges nothing
    u.difference = Money{600};
    u.current = t;
    u.days_left = 15;
    u.prepaid_terms = 2;
    u.cut_days = 3;
    u.cut_term_days = 30;
    u.total = Money{1500};
    const auto differ = [&](auto change) {
        UpgradeCharge v = u;
        change(v);
        return v != u && !(v == u);
    };
    CHECK_FALSE(u != u);
    CHECK(differ([](UpgradeCharge& v) { v.difference = Money{601}; }));
    CHECK(differ([](UpgradeCharge& v) { v.current.end = v.current.end + date::days{1}; }));
    CHECK(differ([](UpgradeCharge& v) { v.days_left = 16; }));
    CHECK(differ([](UpgradeCharge& v) { v.prepaid_terms = 3; }));
    CHECK(differ([](UpgradeCharge& v) { v.cut_days = 4; }));
    CHECK(differ([](UpgradeCharge& v) { v.cut_term_days = 31; }));
    CHECK(differ([](UpgradeCharge& v) { v.total = Money{1501}; }));
    std::ostringstream os;
    os << u;
    CHECK(os.str().find("cut_days: 3, cut_term_days: 30") != std::string::npos);
}

TEST_CASE("the breakdown on a day after expires_on: the last term, no day left, nothing charged") {
    const Bundle b = voip_test::make_bundle("2018-08-01", "2018-10-01", BundleType::residential);
    const UpgradeCharge u = to_business(b, make_context(day("2018-10-05"), {}, voip_test::test_prices()).value());
    CHECK(u.current == Term{day("2018-09-01"), day("2018-10-01")});
    CHECK(u.days_left == 0);
    CHECK(u.prepaid_terms == 0);
    CHECK(u.total == Money{0});
}

TEST_CASE("the breakdown of a bundle whose next boundary is past 9999-12-31: its term ends on expires_on") {
    const Bundle b = voip_test::make_bundle("9999-12-01", "9999-12-31", BundleType::residential);
    const UpgradeCharge u = to_business(b, make_context(day("9999-12-11"), {}, voip_test::test_prices()).value());
    CHECK(u.current == Term{day("9999-12-01"), day("9999-12-31")});
    CHECK(u.days_left == 20);
    CHECK(u.total == Money{600 * 20 / 30});
}

TEST_CASE("the breakdown of a bundle whose last term would end past 9999-12-31: cut, at its own length") {
    const Bundle b = voip_test::make_bundle("9999-10-01", "9999-12-31", BundleType::residential);
    const UpgradeCharge u = to_business(b, make_context(day("9999-10-15"), {}, voip_test::test_prices()).value());
    CHECK(u.current == Term{day("9999-10-01"), day("9999-11-01")});
    CHECK(u.days_left == 17);
    CHECK(u.prepaid_terms == 1);  // 11-01..12-01
    CHECK(u.cut_days == 30);      // 12-01..12-31: its next boundary does not exist
    CHECK(u.cut_term_days == 30);
    CHECK(u.total == Money{600 + 329 + 600});  // 600 x 17 / 31 = 329.0
}

TEST_CASE("a bundle off its chain shorter than one term, today before it: its days at the whole term's rate") {
    const Bundle b = voip_test::make_bundle("2018-01-31", "2018-02-15", BundleType::residential);
    const UpgradeCharge u = to_business(b, priced(day("2018-01-20"), MonthEnd::clamp));
    CHECK(u.current == Term{day("2018-01-31"), day("2018-02-28")});
    CHECK(u.days_left == 15);
    CHECK(u.prepaid_terms == 0);
    CHECK(u.total == Money{321});  // 600 x 15 / 28 = 321.4
    // After expires_on: the whole last term, no day left.
    const UpgradeCharge after = to_business(b, priced(day("2018-02-20"), MonthEnd::clamp));
    CHECK(after.current == Term{day("2018-01-31"), day("2018-02-28")});
    CHECK(after.days_left == 0);
    CHECK(after.total == Money{0});
}

#include <voip/bundle/operations.hpp>

#include <doctest/doctest.h>

#include <map>
#include <sstream>

#include "common.hpp"

using namespace voip;
using voip_test::day;
using voip_test::make_bundle;
using voip_test::seed_uuid;

namespace {
const PriceList prices = voip_test::test_prices();

Context on(const char* today) { return make_context(day(today)).value(); }
Context priced_at(const char* today, std::int64_t balance) {
    return make_context(day(today), RenewalPolicy{}, prices, Money{balance}).value();
}
RawRequest raw(std::int64_t type, bool auto_renew) {
    return {RawField::of(auto_renew), RawField::of(type)};
}
}  // namespace

TEST_CASE("create: the seed's example") {
    const auto r = create(Request{true, BundleType::business}, seed_uuid(), on("2018-08-01"));
    REQUIRE(r);
    CHECK(r->bundle == make_bundle("2018-08-01", "2018-09-01", BundleType::business, true));
    CHECK(r->charge == Money{0});
}

TEST_CASE("create charges one term and needs the funds") {
    const Request req{false, BundleType::residential};
    CHECK(create(req, seed_uuid(), priced_at("2018-08-01", 900))->charge == Money{900});
    // the seed's create answers only 201 or 400: short funds are a 400 there
    const auto short_funds = create(req, seed_uuid(), priced_at("2018-08-01", 899));
    CHECK(short_funds.error() == Error::insufficient_funds_on_create);
    CHECK(status(short_funds.error()) == Status::bad_request);
    // a quote is the same decision without the funds check
    const auto q = quote_create(req, seed_uuid(), priced_at("2018-08-01", 0));
    REQUIRE(q);
    CHECK(q->charge == Money{900});
    CHECK(*q == *create(req, seed_uuid(), priced_at("2018-08-01", 900)));
    // prices without a balance: the charge is computed, funds are the caller's business
    const Context c = *priced_at("2018-08-01", 0).with_balance(std::nullopt);
    CHECK(create(req, seed_uuid(), c)->charge == Money{900});
}

TEST_CASE("create near 9999-12-31 is a 400, never a wrong date") {
    const auto r = create(Request{}, seed_uuid(), on("9999-12-05"));
    REQUIRE_FALSE(r);
    CHECK(r.error() == Error::date_out_of_range);
    CHECK(status(r.error()) == Status::bad_request);
}

TEST_CASE("renew: one term after the old expiry, early or late") {
    const Bundle b = make_bundle("2018-08-01", "2018-09-01");
    for (const char* d : {"2018-08-29", "2018-08-31", "2018-09-01", "2018-09-06"}) {
        CAPTURE(d);
        const auto r = renew(b, on(d));
        REQUIRE(r);
        CHECK(r->bundle.expires_on() == day("2018-10-01"));
        CHECK(r->bundle.created_on() == b.created_on());
        CHECK(r->bundle.bundle_type() == b.bundle_type());
        CHECK(r->bundle.auto_renew() == b.auto_renew());
    }
    for (const char* d : {"2018-08-01", "2018-08-28", "2018-09-07", "2019-01-01"}) {
        CAPTURE(d);
        CHECK(renew(b, on(d)).error() == Error::outside_renewal_window);
    }
}

TEST_CASE("a second renewal in the same window is too early") {
    const Bundle b = make_bundle("2018-08-01", "2018-09-01");
    const auto first = renew(b, on("2018-09-03"));
    REQUIRE(first);
    CHECK(renew(first->bundle, on("2018-09-03")).error() == Error::outside_renewal_window);
}

TEST_CASE("renew charges the type's price, window is checked before funds") {
    const Bundle b = make_bundle("2018-08-01", "2018-09-01", BundleType::trunk_only);
    CHECK(renew(b, priced_at("2018-09-01", 2000))->charge == Money{2000});
    CHECK(renew(b, priced_at("2018-09-01", 1999)).error() == Error::insufficient_funds);
    CHECK(renew(b, priced_at("2018-09-20", 0)).error() == Error::outside_renewal_window);
    CHECK(quote_renew(b, priced_at("2018-09-01", 0))->charge == Money{2000});
}

TEST_CASE("update replaces type and auto_renew, never expires_on") {
    const Bundle b = make_bundle("2018-08-01", "2018-09-01", BundleType::business, true);
    const auto r = update(b, Request{false, BundleType::fax_only}, on("2018-08-10"));
    REQUIRE(r);
    CHECK(r->bundle.expires_on() == b.expires_on());
    CHECK(r->bundle.created_on() == b.created_on());
    CHECK(r->bundle.bundle_type() == BundleType::fax_only);
    CHECK_FALSE(r->bundle.auto_renew());
    CHECK(r->charge == Money{0});
}

TEST_CASE("update of a bundle out of service: renew first (402)") {
    const Bundle b = make_bundle("2018-08-01", "2018-09-01");
    CHECK(update(b, Request{}, on("2018-08-31")));
    for (const char* d : {"2018-09-01", "2018-09-06", "2018-10-01"}) {
        CAPTURE(d);
        const auto r = update(b, Request{}, on(d));
        CHECK(r.error() == Error::not_in_service);
        CHECK(status(r.error()) == Status::payment_required);
    }
}

TEST_CASE("upgrade charges the difference pro rata (rules.md 7's example: 290)") {
    const Bundle b = make_bundle("2018-08-01", "2018-09-01", BundleType::residential);  // 900
    const auto r = update(b, Request{true, BundleType::business}, priced_at("2018-08-17", 10000));  // to 1500
    REQUIRE(r);
    CHECK(r->charge == Money{290});  // 600 x 15 / 31 = 290.32
    CHECK(update(b, Request{true, BundleType::business}, priced_at("2018-08-17", 289)).error() ==
          Error::insufficient_funds);
    CHECK(update(b, Request{true, BundleType::business}, priced_at("2018-08-01", 600))->charge == Money{600});
    CHECK(update(b, Request{true, BundleType::business}, priced_at("2018-08-31", 10000))->charge == Money{19});  // 600/31
    // cheaper or equal: applies at once, no refund
    CHECK(update(b, Request{true, BundleType::forward_only}, priced_at("2018-08-17", 0))->charge == Money{0});
    CHECK(update(b, Request{true, BundleType::residential}, priced_at("2018-08-17", 0))->charge == Money{0});
    // no price list: nothing charged, no 402 for funds
    CHECK(update(b, Request{true, BundleType::business}, on("2018-08-17"))->charge == Money{0});
}

TEST_CASE("upgrade in a later term uses the anchored term start") {
    // clamp, anchored on the 31st: term 2018-02-28..2018-03-31 has 31 days
    const Bundle b = make_bundle("2018-01-31", "2018-03-31", BundleType::residential);
    CHECK(update(b, Request{true, BundleType::business}, priced_at("2018-03-16", 10000))->charge == Money{290});
    // overflow, second term: 2018-04-03 minus one month clamped is 2018-03-03, 31 days
    Context c = priced_at("2018-03-19", 10000).with_policy(make_renewal_policy(MonthEnd::overflow).value());
    const Bundle o = make_bundle("2018-01-31", "2018-04-03", BundleType::residential);
    CHECK(update(o, Request{true, BundleType::business}, c)->charge == Money{290});  // 600 x 15 / 31
    // overflow, first term: [created_on, first expiry) = 2018-01-31..2018-03-03, 31 days
    c = *c.with_today(day("2018-02-17"));
    const Bundle first = make_bundle("2018-01-31", "2018-03-03", BundleType::residential);
    CHECK(update(first, Request{true, BundleType::business}, c)->charge == Money{271});  // 600 x 14 / 31 = 270.97
}

TEST_CASE("a zero charge never fails for funds, even with a negative balance") {
    const Bundle b = make_bundle("2018-08-01", "2018-09-01", BundleType::residential);
    CHECK(update(b, Request{false, BundleType::forward_only}, priced_at("2018-08-17", -1))->charge == Money{0});
    CHECK(update(b, Request{true, BundleType::residential}, priced_at("2018-08-17", -500))->charge == Money{0});
    CHECK(update(b, Request{true, BundleType::business}, priced_at("2018-08-17", -1)).error() == Error::insufficient_funds);
    const Context free = make_context(day("2018-08-01"), RenewalPolicy{},
                                      *make_price_list({{BundleType::business, Money{0}},
                                                        {BundleType::residential, Money{0}},
                                                        {BundleType::fax_only, Money{0}},
                                                        {BundleType::trunk_only, Money{0}},
                                                        {BundleType::forward_only, Money{0}}}),
                                      Money{-10})
                             .value();
    CHECK(create(Request{}, seed_uuid(), free)->charge == Money{0});
    CHECK(renew(b, *free.with_today(day("2018-09-01")))->charge == Money{0});
}

TEST_CASE("the charge never exceeds the difference for each term paid") {
    // Overflow mode: the first term 2018-01-31..2018-03-03 has 31 days and is one term's
    // price, so on 02-01 the 30 days left cost 600 x 30 / 31 = 580.6: no cap is needed.
    Context c = priced_at("2018-02-01", 10000).with_policy(make_renewal_policy(MonthEnd::overflow).value());
    const Bundle o = make_bundle("2018-01-31", "2018-03-03", BundleType::residential);
    CHECK(update(o, Request{true, BundleType::business}, c)->charge == Money{581});
    c = *c.with_today(day("2018-01-31"));  // the whole first term: 600 x 31 / 31
    CHECK(update(o, Request{true, BundleType::business}, c)->charge == Money{600});
    // Today before created_on: every day of the term is ahead, charged whole.
    c = *c.with_today(day("2018-01-10"));
    CHECK(update(o, Request{true, BundleType::business}, c)->charge == Money{600});
}

TEST_CASE("a request's type outside 1..5 is refused") {
    const Request bad_type{false, static_cast<BundleType>(9)};  // built by hand, not by validate()
    CHECK(create(bad_type, seed_uuid(), priced_at("2018-08-01", 10000)).error() == Error::bundle_type_out_of_range);
    CHECK(update(make_bundle("2018-08-01", "2018-09-01"), bad_type, priced_at("2018-08-10", 10000)).error() ==
          Error::bundle_type_out_of_range);
    CHECK(upgrade_charge(make_bundle("2018-08-01", "2018-09-01"), static_cast<BundleType>(0), priced_at("2018-08-10", 0))
              .error() == Error::bundle_type_out_of_range);
    // The request before the bundle's state: out of service too, the type is what is named.
    CHECK(update(make_bundle("2018-08-01", "2018-09-01"), bad_type, priced_at("2018-09-10", 10000)).error() ==
          Error::bundle_type_out_of_range);
}

TEST_CASE("handlers apply the rules' precedence after decoding") {
    // The wire's own order (malformed uuid -> invalid body) is the decoders' (tests/json).
    std::map<Uuid, Bundle> store;
    const Bundle b = make_bundle("2018-08-01", "2018-09-01");
    store.emplace(b.uuid(), b);
    const auto find = [&](const Uuid& u) -> const Bundle* {
        const auto it = store.find(u);
        return it == store.end() ? nullptr : &it->second;
    };
    const Uuid known = b.uuid();
    const Uuid unknown = *parse_uuid("00000000-0000-4000-8000-000000000000");
    const auto request = [](std::int64_t type, bool auto_renew) { return *validate(raw(type, auto_renew)); };

    SUBCASE("update: unknown bundle -> state -> funds") {
        CHECK(handle_update(unknown, request(1, true), find, on("2018-09-02")).error() == Error::unknown_bundle);
        CHECK(handle_update(known, request(1, true), find, on("2018-09-02")).error() == Error::not_in_service);
        CHECK(handle_update(known, request(4, true), find, priced_at("2018-08-10", 0)).error() ==
              Error::insufficient_funds);
        const auto ok_result = handle_update(known, request(2, false), find, on("2018-08-10"));
        REQUIRE(ok_result);
        CHECK(ok_result->bundle.bundle_type() == BundleType::residential);
    }
    SUBCASE("renew: unknown bundle -> outside window -> funds") {
        CHECK(handle_renew(unknown, find, priced_at("2018-08-01", 0)).error() == Error::unknown_bundle);
        CHECK(handle_renew(known, find, priced_at("2018-08-01", 0)).error() == Error::outside_renewal_window);
        CHECK(handle_renew(known, find, priced_at("2018-09-01", 0)).error() == Error::insufficient_funds);
        CHECK(handle_renew(known, find, on("2018-09-01"))->bundle.expires_on() == day("2018-10-01"));
    }
}

TEST_CASE("printing a decision") {
    std::ostringstream os;
    os << Decision{make_bundle("2018-08-01", "2018-09-01"), Money{290}};
    CHECK(os.str().find("charge: Money{290}}") != std::string::npos);
    std::ostringstream ctx;
    ctx << on("2018-08-01") << ' ' << priced_at("2018-08-01", 7);
    CHECK(ctx.str() ==
          "{today: 2018-08-01, policy: {month_end: clamp, term_months: 1, renew_days_before: 3, renew_days_after: 5}, "
          "prices: none, balance: none} "
          "{today: 2018-08-01, policy: {month_end: clamp, term_months: 1, renew_days_before: 3, renew_days_after: 5}, "
          "prices: {1: Money{1500}, 2: Money{900}, 3: Money{500}, 4: Money{2000}, 5: Money{300}}, balance: Money{7}}");
}

static_assert(noexcept(create(std::declval<const Request&>(), std::declval<const Uuid&>(),
                              std::declval<const Context&>())));
static_assert(noexcept(renew(std::declval<const Bundle&>(), std::declval<const Context&>())));
static_assert(noexcept(update(std::declval<const Bundle&>(), std::declval<const Request&>(),
                              std::declval<const Context&>())));
static_assert(std::is_trivially_copyable_v<Result>, "decisions travel in registers or as bytes");

// Found by mutation testing: update passes on the charge's own error.
TEST_CASE("update of a bundle whose upgrade charge passes max_amount: charge_out_of_range") {
    const auto dear = make_price_list({{BundleType::business, max_amount},
                                       {BundleType::residential, Money{0}},
                                       {BundleType::fax_only, Money{0}},
                                       {BundleType::trunk_only, Money{0}},
                                       {BundleType::forward_only, Money{0}}});
    const Bundle b = voip_test::make_bundle("2018-08-01", "2018-10-01", BundleType::residential);
    const Context c = make_context(voip_test::day("2018-08-01"), RenewalPolicy{}, *dear).value();
    const auto q = quote_update(b, Request{false, BundleType::business}, c);
    REQUIRE_FALSE(q);
    CHECK(q.error() == Error::charge_out_of_range);
}

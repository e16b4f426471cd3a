// Property tests (rapidcheck): the rules' invariants over random bundles, policies,
// prices, balances and days. A plain program rather than doctest (rapidcheck has no doctest
// adapter): every rc::check prints its property, seed and cases; the exit status is the
// verdict. Cases per property come from RC_PARAMS (default below); a failure prints the
// shrunk counterexample and an RC_PARAMS="reproduce=..." line to replay it.
#include <voip/bundle.hpp>

#include <rapidcheck.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <memory>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "../exhaustive/oracle.hpp"

using namespace voip;

namespace {

constexpr int default_cases = 1000;

int serial(date::sys_days d) { return d.time_since_epoch().count(); }
date::sys_days day(int s) { return date::sys_days{date::days{s}}; }

const int min_serial = serial(min_day);
const int max_serial = serial(max_day);
const int serial_1900 = serial(date::sys_days{date::year{1900} / 1 / 1});
const int serial_2400 = serial(date::sys_days{date::year{2400} / 12 / 31});
const int serial_9960 = serial(date::sys_days{date::year{9960} / 1 / 1});  // 30 renewals of a year still fit

// Mostly the calendar that matters, sometimes anywhere in range, sometimes near the ends.
rc::Gen<int> any_day_serial() {
    return rc::gen::weightedOneOf<int>({
        {6, rc::gen::inRange(serial_1900, serial_2400 + 1)},
        {2, rc::gen::inRange(min_serial, max_serial + 1)},
        {1, rc::gen::inRange(max_serial - 800, max_serial + 1)},
        {1, rc::gen::inRange(min_serial, min_serial + 800)},
    });
}

// Any valid policy: both month-end modes, terms of 1..12 months, any window that cannot
// reach the next one; the seed's default a quarter of the time.
rc::Gen<RenewalPolicy> any_policy() {
    return rc::gen::exec([] {
        if (*rc::gen::inRange(0, 4) == 0) return RenewalPolicy{};
        RenewalPolicy p;
        p.month_end = *rc::gen::element(MonthEnd::clamp, MonthEnd::overflow);
        p.term_months = *rc::gen::inRange(1, 13);
        const int room = shortest_term_days(p.term_months);  // before + after < room
        const bool small = *rc::gen::arbitrary<bool>();
        p.renew_days_before = *rc::gen::inRange(0, small ? std::min(room, 8) : room);
        p.renew_days_after = *rc::gen::inRange(0, small ? std::min(room - p.renew_days_before, 8) : room - p.renew_days_before);
        return p;
    });
}

rc::Gen<BundleType> any_type() {
    return rc::gen::element(BundleType::business, BundleType::residential, BundleType::fax_only, BundleType::trunk_only,
                            BundleType::forward_only);
}

rc::Gen<Uuid> any_uuid() {
    return rc::gen::exec([] {
        Uuid u;
        for (auto& b : u.bytes) b = *rc::gen::arbitrary<std::uint8_t>();
        return u;
    });
}

rc::Gen<Request> any_request() {
    return rc::gen::exec([] { return Request{*rc::gen::arbitrary<bool>(), *any_type()}; });
}

rc::Gen<PriceList> any_prices() {
    return rc::gen::exec([] {
        PriceList p;
        const bool huge = *rc::gen::inRange(0, 10) == 0;
        for (auto& m : p.per_term) m = Money{*rc::gen::inRange<std::int64_t>(0, huge ? max_amount.minor + 1 : 100'000)};
        return p;
    });
}

// A bundle as the rules make it: created on a day, then renewed `renewals` times.
struct Chain {
    Bundle bundle;
    RenewalPolicy policy;
    int renewals = 0;
};

std::ostream& operator<<(std::ostream& os, const Chain& c) {
    return os << "{bundle: " << c.bundle << ", policy: " << c.policy << ", renewals: " << c.renewals << '}';
}

rc::Gen<Chain> any_chain() {
    return rc::gen::exec([] {
        Chain c;
        c.policy = *any_policy();
        const int start = *rc::gen::weightedOneOf<int>({{8, rc::gen::inRange(serial_1900, serial_2400 + 1)},
                                                        {1, rc::gen::inRange(min_serial, serial_9960)}});
        Context ctx;
        ctx.today = day(start);
        ctx.policy = c.policy;
        auto r = create(*any_request(), *any_uuid(), ctx);
        RC_ASSERT(r.has_value());
        c.bundle = r->bundle;
        c.renewals = *rc::gen::inRange(0, 30);
        for (int i = 0; i < c.renewals; ++i) {
            const auto e = next_expiry(c.bundle, c.policy);
            RC_ASSERT(e.has_value());
            c.bundle.expires_on = *e;
        }
        return c;
    });
}

// A day near the bundle's expiry (within a term either side), or anywhere.
date::sys_days day_near(date::sys_days expires_on) {
    const int s = serial(expires_on);
    const int d = *rc::gen::weightedOneOf<int>({{4, rc::gen::inRange(s - 40, s + 41)},
                                               {1, rc::gen::inRange(s - 400, s + 401)}});
    return day(std::clamp(d, min_serial, max_serial));
}

oracle::Ymd ymd(date::sys_days d) {
    const date::year_month_day t{d};
    return {static_cast<int>(t.year()), static_cast<int>(static_cast<unsigned>(t.month())),
            static_cast<int>(static_cast<unsigned>(t.day()))};
}

// The text without whitespace outside strings (envelope strings hold no escapes).
std::string squeeze(const std::string& text) {
    std::string out;
    bool in_string = false;
    for (const char ch : text) {
        if (ch == '"') in_string = !in_string;
        if (in_string || (ch != ' ' && ch != '\n')) out += ch;
    }
    return out;
}

// The result is the error `e` (never reads error() of a success).
bool fails_with(const Result& r, Error e) { return !r.has_value() && r.error() == e; }

int failures = 0;
int properties = 0;

template <class Property>
void property(const char* description, Property&& p) {
    ++properties;
    if (!rc::check(description, std::forward<Property>(p))) ++failures;
}

}  // namespace

int main() {
    // The default number of cases per property, unless the caller chose (RC_PARAMS).
    if (std::getenv("RC_PARAMS") == nullptr) setenv("RC_PARAMS", ("max_success=" + std::to_string(default_cases)).c_str(), 1);
    const int cases = rc::detail::configuration().testParams.maxSuccess;

    property("a renewal inside the window moves expiry exactly one anchored term", [] {
        const Chain c = *any_chain();
        const Bundle& b = c.bundle;
        const RenewalWindow w = renewal_window(b, c.policy);
        Context ctx;
        ctx.policy = c.policy;
        ctx.today = day(*rc::gen::inRange(serial(w.first), serial(w.last) + 1));
        const auto r = renew(b, ctx);
        RC_ASSERT(r.has_value());
        // Independently: clamp keeps created_on's day, clamped; overflow rolls from expires_on.
        const oracle::Ymd e = ymd(b.expires_on);
        const oracle::Ymd expect = c.policy.month_end == MonthEnd::clamp
                                       ? oracle::add_clamped(e, c.policy.term_months, ymd(b.created_on).d)
                                       : oracle::add_overflow(e, c.policy.term_months);
        RC_ASSERT(ymd(r->bundle.expires_on) == expect);
        // Nothing else moves; early or late, the same result.
        RC_ASSERT(r->bundle.created_on == b.created_on);
        RC_ASSERT(r->bundle.uuid == b.uuid);
        RC_ASSERT(r->bundle.bundle_type == b.bundle_type);
        RC_ASSERT(r->bundle.auto_renew == b.auto_renew);
        ctx.today = w.first;
        RC_ASSERT(renew(b, ctx)->bundle == r->bundle);
        // The renewal leaves the window it was made in: a second one the same day is too early.
        ctx.today = day(*rc::gen::inRange(serial(w.first), serial(w.last) + 1));
        const auto again = renew(r->bundle, ctx);
        RC_ASSERT(!again.has_value());
        RC_ASSERT(again.error() == Error::outside_renewal_window);
    });

    property("renewal outside the window is a 400 outside_renewal_window, inside never is", [] {
        const Chain c = *any_chain();
        Context ctx;
        ctx.policy = c.policy;
        ctx.today = day_near(c.bundle.expires_on);
        const auto r = renew(c.bundle, ctx);
        const bool inside = c.bundle.expires_on - date::days{c.policy.renew_days_before} <= ctx.today &&
                            ctx.today <= c.bundle.expires_on + date::days{c.policy.renew_days_after};
        RC_ASSERT(r.has_value() == inside);
        if (!inside) {
            RC_ASSERT(r.error() == Error::outside_renewal_window);
            RC_ASSERT(status(r.error()) == Status::bad_request);
        }
    });

    property("the window contains expires_on and is [expires_on - before, expires_on + after]", [] {
        const RenewalPolicy p = *any_policy();
        const date::sys_days e = day(*rc::gen::inRange(min_serial + 400, max_serial - 400));
        const RenewalWindow w = renewal_window(e, p);
        RC_ASSERT(w.contains(e));
        RC_ASSERT(serial(e) - serial(w.first) == p.renew_days_before);
        RC_ASSERT(serial(w.last) - serial(e) == p.renew_days_after);
        RC_ASSERT(!w.contains(w.first - date::days{1}));
        RC_ASSERT(!w.contains(w.last + date::days{1}));
    });

    property("the four states partition every day, in order, as RULES 5's table says", [] {
        const RenewalPolicy p = *any_policy();
        const date::sys_days e = day(*rc::gen::inRange(min_serial + 400, max_serial - 400));
        const date::sys_days d = day(*rc::gen::inRange(serial(e) - 400, serial(e) + 400));
        const int before = p.renew_days_before, after = p.renew_days_after;
        const int n = serial(d) - serial(e);  // days from expiry
        const bool is_active = n < -before;
        const bool is_open = -before <= n && n < 0;
        const bool is_grace = 0 <= n && n <= after;
        const bool is_lapsed = n > after;
        RC_ASSERT(int{is_active} + int{is_open} + int{is_grace} + int{is_lapsed} == 1);
        const State s = state_on(e, d, p);
        RC_ASSERT((s == State::active) == is_active);
        RC_ASSERT((s == State::renewal_open) == is_open);
        RC_ASSERT((s == State::grace) == is_grace);
        RC_ASSERT((s == State::lapsed) == is_lapsed);
        RC_ASSERT(in_service(s) == (n < 0));
        RC_ASSERT(renewable(s) == renewal_window(e, p).contains(d));
        // Monotone: the next day is never in an earlier state.
        RC_ASSERT(static_cast<int>(state_on(e, d + date::days{1}, p)) >= static_cast<int>(s));
    });

    property("the anchor never drifts: after n renewals, expiry = created_on + (n+1) terms", [] {
        const RenewalPolicy base = *any_policy();
        RenewalPolicy p = base;
        Context ctx;
        ctx.policy = p;
        ctx.today = day(*rc::gen::inRange(serial_1900, serial_2400 + 1));
        auto r = create(*any_request(), *any_uuid(), ctx);
        RC_ASSERT(r.has_value());
        Bundle b = r->bundle;
        const oracle::Ymd start = ymd(b.created_on);
        oracle::Ymd chained = ymd(b.expires_on);
        const int n = *rc::gen::inRange(1, 60);
        for (int k = 1; k <= n; ++k) {
            const RenewalWindow w = renewal_window(b, p);
            ctx.today = day(*rc::gen::inRange(serial(w.first), serial(w.last) + 1));  // early, on time or late
            r = renew(b, ctx);
            RC_ASSERT(r.has_value());
            b = r->bundle;
            if (p.month_end == MonthEnd::clamp) {
                RC_ASSERT(ymd(b.expires_on) == oracle::add_clamped(start, (k + 1) * p.term_months, start.d));
            } else {
                chained = oracle::add_overflow(chained, p.term_months);
                RC_ASSERT(ymd(b.expires_on) == chained);
            }
        }
    });

    property("update never changes expires_on, created_on or uuid; it sets type and auto_renew", [] {
        const Chain c = *any_chain();
        Context ctx;
        ctx.policy = c.policy;
        ctx.today = day_near(c.bundle.expires_on);
        if (*rc::gen::arbitrary<bool>()) ctx.prices = *any_prices();
        const Request req = *any_request();
        const auto r = update(c.bundle, req, ctx);
        if (!r) {
            RC_ASSERT(r.error() == Error::not_in_service);
            RC_ASSERT(ctx.today >= c.bundle.expires_on);
            return;
        }
        RC_ASSERT(ctx.today < c.bundle.expires_on);
        RC_ASSERT(r->bundle.expires_on == c.bundle.expires_on);
        RC_ASSERT(r->bundle.created_on == c.bundle.created_on);
        RC_ASSERT(r->bundle.uuid == c.bundle.uuid);
        RC_ASSERT(r->bundle.bundle_type == req.bundle_type);
        RC_ASSERT(r->bundle.auto_renew == req.auto_renew);
        // The charge: 0 for the same or a cheaper type, at most the full difference otherwise.
        const std::int64_t diff = ctx.prices ? (*ctx.prices)[req.bundle_type].minor - (*ctx.prices)[c.bundle.bundle_type].minor : 0;
        RC_ASSERT(r->charge.minor >= 0);
        RC_ASSERT(r->charge.minor <= std::max<std::int64_t>(diff, 0));
        if (diff <= 0) RC_ASSERT(r->charge.minor == 0);
    });

    property("quote_* equals what create/update/renew then do when funds suffice, 402 when short", [] {
        const Chain c = *any_chain();
        Context ctx;
        ctx.policy = c.policy;
        ctx.today = day_near(c.bundle.expires_on);
        const bool priced = *rc::gen::arbitrary<bool>();
        if (priced) ctx.prices = *any_prices();
        const Request req = *any_request();
        const Uuid id = *any_uuid();
        const int which = *rc::gen::inRange(0, 3);
        const auto quote = [&](const Context& k) {
            return which == 0 ? quote_create(req, id, k) : which == 1 ? quote_update(c.bundle, req, k) : quote_renew(c.bundle, k);
        };
        const auto command = [&](const Context& k) {
            return which == 0 ? create(req, id, k) : which == 1 ? update(c.bundle, req, k) : renew(c.bundle, k);
        };
        const Result q = quote(ctx);
        // Without a balance the command is the quote.
        RC_ASSERT((command(ctx) == q));
        if (!q) return;
        if (!priced) RC_ASSERT(q->charge == Money{0});
        // Funds exactly enough, or more: the same decision.
        Context rich = ctx;
        rich.balance = Money{std::min(q->charge.minor + *rc::gen::inRange<std::int64_t>(0, 1000), max_amount.minor)};
        RC_ASSERT((quote(rich) == q));
        RC_ASSERT((command(rich) == q));
        // One minor unit short: 402 when there is a price list and something to pay;
        // nothing is checked without a price list, and a zero charge never fails.
        Context poor = ctx;
        poor.balance = Money{q->charge.minor - 1 - *rc::gen::inRange<std::int64_t>(0, 1000)};
        const Result p = command(poor);
        if (priced && q->charge == Money{0}) {
            RC_ASSERT((p == q));
        } else if (priced && which == 0) {
            // Create: the seed's create answers only 201 or 400, so short funds are a 400.
            RC_ASSERT(fails_with(p, Error::insufficient_funds_on_create));
            RC_ASSERT(status(p.error()) == Status::bad_request);
        } else if (priced) {
            RC_ASSERT(fails_with(p, Error::insufficient_funds));
            RC_ASSERT(status(p.error()) == Status::payment_required);
        } else {
            RC_ASSERT((p == q));
        }
    });

    property("create starts today, expires one term later, and charges the type's price", [] {
        Context ctx;
        ctx.policy = *any_policy();
        ctx.today = day(*any_day_serial());
        if (*rc::gen::arbitrary<bool>()) ctx.prices = *any_prices();
        const Request req = *any_request();
        const auto r = create(req, *any_uuid(), ctx);
        const oracle::Ymd t = ymd(ctx.today);
        const oracle::Ymd expect = ctx.policy.month_end == MonthEnd::clamp ? oracle::add_clamped(t, ctx.policy.term_months, t.d)
                                                                           : oracle::add_overflow(t, ctx.policy.term_months);
        if (expect.y > 9999) {
            RC_ASSERT(!r.has_value());
            RC_ASSERT(r.error() == Error::date_out_of_range);
            return;
        }
        RC_ASSERT(r.has_value());
        RC_ASSERT(r->bundle.created_on == ctx.today);
        RC_ASSERT(ymd(r->bundle.expires_on) == expect);
        RC_ASSERT(r->bundle.bundle_type == req.bundle_type);
        RC_ASSERT(r->bundle.auto_renew == req.auto_renew);
        RC_ASSERT(r->charge == (ctx.prices ? (*ctx.prices)[req.bundle_type] : Money{0}));
        RC_ASSERT(ok(r->bundle));
    });

    property("the sweep agrees with per-bundle calls", [] {
        const RenewalPolicy p = *any_policy();
        const int n = *rc::gen::inRange(0, 40);
        std::vector<Bundle> bundles;
        // Mostly ordinary days; sometimes days near 0001-01-01 or 9999-12-31, where the
        // sweep's fast path cannot precompute its bounds.
        const date::sys_days today = day(*any_day_serial());
        for (int i = 0; i < n; ++i) {
            Bundle b;
            b.uuid = *any_uuid();
            b.expires_on = day(std::clamp(serial(today) + *rc::gen::inRange(-60, 61), min_serial + 1, max_serial));
            b.created_on = day(std::max(serial(b.expires_on) - *rc::gen::inRange(28, 400), min_serial));
            b.bundle_type = *any_type();
            b.auto_renew = *rc::gen::arbitrary<bool>();
            bundles.push_back(b);
        }
        std::vector<std::pair<Bundle, SweepAction>> reported;
        const SweepTotals t = sweep(bundles.begin(), bundles.end(), today, p,
                                    [&](const Bundle& b, SweepAction a) { reported.emplace_back(b, a); });
        SweepTotals expect;
        std::vector<std::pair<Bundle, SweepAction>> expect_reported;
        Context ctx;
        ctx.policy = p;
        ctx.today = today;
        for (const Bundle& b : bundles) {
            const SweepAction a = sweep_action(b, today, p);
            expect.add(a);
            if (a != SweepAction::none) expect_reported.emplace_back(b, a);
            // renew exactly when the flag is on and the window open, which is when renew()
            // succeeds today, unless the next expiry would pass 9999-12-31 (a 400 that the
            // daily sweep meets until the bundle lapses); lapsed exactly when the state is.
            const bool open = renewal_window(b, p).contains(today);
            RC_ASSERT((a == SweepAction::renew) == (b.auto_renew && open));
            const auto r = renew(b, ctx);
            if (open) RC_ASSERT(r.has_value() || r.error() == Error::date_out_of_range);
            else RC_ASSERT(!r.has_value() && r.error() == Error::outside_renewal_window);
            RC_ASSERT((a == SweepAction::lapsed) == (state_on(b, today, p) == State::lapsed));
        }
        RC_ASSERT(t == expect);
        RC_ASSERT(t.total() == static_cast<std::uint64_t>(n));
        RC_ASSERT(reported.size() == expect_reported.size());
        for (std::size_t i = 0; i < reported.size(); ++i) {
            RC_ASSERT(reported[i].first == expect_reported[i].first);
            RC_ASSERT(reported[i].second == expect_reported[i].second);
        }
        RC_ASSERT(sweep_totals(bundles.data(), bundles.size(), today, p) == t);
        std::vector<date::sys_days> expiries;
        std::unique_ptr<bool[]> flags(new bool[bundles.size() + 1]);
        for (std::size_t i = 0; i < bundles.size(); ++i) {
            expiries.push_back(bundles[i].expires_on);
            flags[i] = bundles[i].auto_renew;
        }
        RC_ASSERT(sweep_totals(expiries.data(), flags.get(), bundles.size(), today, p) == t);
    });

    property("the sweep's three forms agree for any day count and any policy numbers, valid or not", [] {
        // Defensive paths: days far outside 0001..9999 (a corrupt store) and policies that
        // ok() rejects must still give the same totals everywhere, without UB (UBSan).
        RenewalPolicy p;
        p.renew_days_before = *rc::gen::arbitrary<int>();
        p.renew_days_after = *rc::gen::arbitrary<int>();
        const date::sys_days today = day(*rc::gen::arbitrary<int>());
        const int n = *rc::gen::inRange(0, 20);
        std::vector<Bundle> bundles(static_cast<std::size_t>(n));
        std::vector<date::sys_days> expiries;
        std::unique_ptr<bool[]> flags(new bool[bundles.size() + 1]);
        SweepTotals expect;
        for (std::size_t i = 0; i < bundles.size(); ++i) {
            bundles[i].expires_on = *rc::gen::arbitrary<bool>() ? day(*rc::gen::arbitrary<int>()) : today;
            bundles[i].auto_renew = *rc::gen::arbitrary<bool>();
            expiries.push_back(bundles[i].expires_on);
            flags[i] = bundles[i].auto_renew;
            expect.add(sweep_action(bundles[i], today, p));
        }
        RC_ASSERT(sweep_totals(bundles.data(), bundles.size(), today, p) == expect);
        RC_ASSERT(sweep_totals(expiries.data(), flags.get(), bundles.size(), today, p) == expect);
        RC_ASSERT(sweep(bundles.begin(), bundles.end(), today, p, [](const Bundle&, SweepAction) {}) == expect);
    });

    property("envelope text parses back (nlohmann) to the same values, members in the seed's order", [] {
        const Operation op = *rc::gen::element(Operation::create, Operation::update, Operation::renew);
        const WriteOptions o{*rc::gen::arbitrary<bool>(), *rc::gen::arbitrary<bool>()};
        const bool success = *rc::gen::arbitrary<bool>();
        const Error e = static_cast<Error>(*rc::gen::inRange(static_cast<int>(first_error), static_cast<int>(last_error) + 1));
        Bundle b;
        b.uuid = *any_uuid();
        b.created_on = day(*any_day_serial());
        b.expires_on = day(*any_day_serial());
        b.bundle_type = *any_type();
        b.auto_renew = *rc::gen::arbitrary<bool>();
        const Envelope env = success ? success_envelope(op, b) : error_envelope(e);
        char buf[max_envelope_size];
        const auto n = write_envelope(buf, buf + sizeof buf, env, o);
        RC_ASSERT(n.has_value());
        const std::string text(buf, *n);
        RC_ASSERT(to_string(env, o) == text);
        const auto j = nlohmann::ordered_json::parse(text);  // throws (fails the property) if not JSON
        std::vector<std::string> keys;
        for (const auto& item : j.items()) keys.push_back(item.key());
        std::vector<std::string> expect_keys{"result", "status_code", "status_message"};
        if (!success && o.detail) expect_keys.push_back("error");
        RC_ASSERT(keys == expect_keys);
        RC_ASSERT(j["status_code"].get<int>() == code(env.status));
        RC_ASSERT(j["status_message"].get<std::string>() == std::string(status_message(env.status)));
        if (success) {
            RC_ASSERT(env.status == (op == Operation::create ? Status::created : Status::ok));
            const auto& r = j["result"];
            std::vector<std::string> rkeys;
            for (const auto& item : r.items()) rkeys.push_back(item.key());
            RC_ASSERT(rkeys == (std::vector<std::string>{"auto_renew", "bundle_type", "expires_on", "uuid"}));
            RC_ASSERT(r["auto_renew"].get<bool>() == b.auto_renew);
            RC_ASSERT(r["bundle_type"].get<int>() == code(b.bundle_type));
            const auto expires = parse_iso_date(r["expires_on"].get<std::string>());
            RC_ASSERT(expires.has_value() && *expires == b.expires_on);
            const auto u = parse_uuid(r["uuid"].get<std::string>());
            RC_ASSERT(u.has_value() && *u == b.uuid);
            RC_ASSERT(r["uuid"].get<std::string>() == to_string(b.uuid));  // lowercase
        } else {
            RC_ASSERT(j["result"].is_object() && j["result"].empty());
            RC_ASSERT(env.status == status(e));
            if (o.detail) RC_ASSERT(j["error"].get<std::string>() == std::string(name(e)));
        }
        // Compact has no whitespace outside strings; pretty differs from it only by such whitespace.
        const std::string compact = to_string(env, {false, o.detail});
        const std::string pretty = to_string(env, {true, o.detail});
        RC_ASSERT(squeeze(compact) == compact);
        RC_ASSERT(squeeze(pretty) == compact);
        RC_ASSERT(nlohmann::ordered_json::parse(compact) == j);
    });

    property("every error maps to exactly one status, the one RULES gives, through every path", [] {
        const Error e = static_cast<Error>(*rc::gen::inRange(static_cast<int>(first_error), static_cast<int>(last_error) + 1));
        const Status s = status(e);
        const Status expect = e == Error::unknown_bundle                                       ? Status::not_found
                              : (e == Error::insufficient_funds || e == Error::not_in_service) ? Status::payment_required
                                                                                               : Status::bad_request;
        RC_ASSERT(s == expect);
        RC_ASSERT(name(e) != "unknown_error");
        const Operation op = *rc::gen::element(Operation::create, Operation::update, Operation::renew);
        const Envelope env = make_envelope(op, Result(tl::make_unexpected(e)));
        RC_ASSERT(!env.has_result);
        RC_ASSERT(env.status == s);
        RC_ASSERT(env.error == e);
        // Names are distinct, so an error is recoverable from its envelope detail.
        const Error other = static_cast<Error>(*rc::gen::inRange(static_cast<int>(first_error), static_cast<int>(last_error) + 1));
        RC_ASSERT((name(e) == name(other)) == (e == other));
    });

    property("handle_* follow the precedence 400 uuid -> 400 body -> 404 -> window/state -> 402", [] {
        const Chain c = *any_chain();
        Context ctx;
        ctx.policy = c.policy;
        ctx.today = day_near(c.bundle.expires_on);
        if (*rc::gen::arbitrary<bool>()) {
            ctx.prices = *any_prices();
            ctx.balance = Money{*rc::gen::inRange<std::int64_t>(-100, 200'000)};
        }
        const bool good_uuid = *rc::gen::inRange(0, 5) != 0;
        const bool known = *rc::gen::inRange(0, 4) != 0;
        const bool good_body = *rc::gen::inRange(0, 4) != 0;
        std::string text = to_string(c.bundle.uuid);
        if (!good_uuid) text[*rc::gen::inRange<std::size_t>(0, text.size())] = 'g';
        RawRequest raw;
        const Request req = *any_request();
        raw.bundle_type = good_body ? RawField::of(std::int64_t{code(req.bundle_type)}) : RawField::of(JsonKind::string);
        raw.auto_renew = RawField::of(req.auto_renew);
        const auto find = [&](const Uuid& u) -> const Bundle* { return known && u == c.bundle.uuid ? &c.bundle : nullptr; };

        const Result up = handle_update(text, tl::expected<RawRequest, Error>(raw), find, ctx);
        if (!good_uuid) RC_ASSERT(fails_with(up, Error::malformed_uuid));
        else if (!good_body) RC_ASSERT(fails_with(up, Error::bundle_type_not_integer));
        else if (!known) RC_ASSERT(fails_with(up, Error::unknown_bundle));
        else RC_ASSERT((up == update(c.bundle, req, ctx)));

        const Result rn = handle_renew(text, find, ctx);
        if (!good_uuid) RC_ASSERT(fails_with(rn, Error::malformed_uuid));
        else if (!known) RC_ASSERT(fails_with(rn, Error::unknown_bundle));
        else RC_ASSERT((rn == renew(c.bundle, ctx)));
        // Outside the window is reported before short funds.
        if (good_uuid && known && !renewal_window(c.bundle, ctx.policy).contains(ctx.today))
            RC_ASSERT(fails_with(rn, Error::outside_renewal_window));
    });

    property("upgrade charge is the price difference x days left / days in the term, half up", [] {
        const Chain c = *any_chain();
        Context ctx;
        ctx.policy = c.policy;
        ctx.prices = *any_prices();
        const auto start = term_start(c.bundle, c.policy);
        RC_ASSERT(start.has_value());
        RC_ASSERT(*start >= c.bundle.created_on);
        RC_ASSERT(*start < c.bundle.expires_on);
        ctx.today = day(*rc::gen::inRange(serial(*start), serial(c.bundle.expires_on)));
        const BundleType to = *any_type();
        const auto charge = upgrade_charge(c.bundle, to, ctx);
        RC_ASSERT(charge.has_value());
        const std::int64_t diff = (*ctx.prices)[to].minor - (*ctx.prices)[c.bundle.bundle_type].minor;
        if (diff <= 0) {
            RC_ASSERT(charge->minor == 0);
            return;
        }
        const std::int64_t left = serial(c.bundle.expires_on) - serial(ctx.today);
        const std::int64_t whole = serial(c.bundle.expires_on) - serial(*start);
        // Half up, checked without division: charge is the q with |diff*left/whole - q| <= 1/2, ties up.
        const std::int64_t q = charge->minor;
        RC_ASSERT(2 * q * whole <= 2 * diff * left + whole);
        RC_ASSERT(2 * diff * left + whole < 2 * (q + 1) * whole);
        RC_ASSERT(q <= diff);
    });

    property("a feature is usable exactly while in service and in the type; 404 -> 402 -> 400", [] {
        const Chain c = *any_chain();
        const date::sys_days d = day_near(c.bundle.expires_on);
        const auto f = static_cast<Feature>(*rc::gen::inRange(0, static_cast<int>(feature_count)));
        FeatureTable table = default_feature_table();
        if (*rc::gen::arbitrary<bool>())  // an operator's own table
            for (auto& set : table.by_type) {
                for (std::size_t i = 0; i < feature_count; ++i) {
                    const auto fi = static_cast<Feature>(i);
                    set = *rc::gen::arbitrary<bool>() ? set.with(fi) : set.without(fi);
                }
            }
        const bool serving = d < c.bundle.expires_on;
        const bool has = table[c.bundle.bundle_type].has(f);
        RC_ASSERT(features_on(c.bundle, d, c.policy, table) == (serving ? table[c.bundle.bundle_type] : FeatureSet{}));
        const auto r = check_feature(&c.bundle, f, d, c.policy, table);
        RC_ASSERT(r.has_value() == (serving && has));
        if (!serving) RC_ASSERT(!r && r.error() == Error::not_in_service);
        else if (!has) RC_ASSERT(!r && r.error() == Error::feature_not_in_type);
        const auto none = check_feature(nullptr, f, d, c.policy, table);
        RC_ASSERT(!none && none.error() == Error::unknown_bundle && status(none.error()) == Status::not_found);
    });

    property("make_uuid_v4 sets version 4 and variant 10 whatever the generator's range", [] {
        const std::uint64_t seed = *rc::gen::arbitrary<std::uint64_t>();
        const int which = *rc::gen::inRange(0, 3);
        Uuid u;
        if (which == 0) {
            std::mt19937_64 g(seed);
            u = make_uuid_v4(g);
        } else if (which == 1) {
            std::minstd_rand g(static_cast<std::uint32_t>(seed | 1));  // range 2^31 - 2: not a multiple of 256
            u = make_uuid_v4(g);
        } else {
            std::ranlux24_base g(static_cast<std::uint32_t>(seed));  // 24-bit range
            u = make_uuid_v4(g);
        }
        RC_ASSERT(u.version() == 4);
        RC_ASSERT((u.bytes[8] & 0xC0) == 0x80);
        RC_ASSERT(parse_uuid(to_string(u)).has_value());
    });

    property("invalid inputs get their typed error from every operation, never UB", [] {
        // A context ok() rejects: a policy out of range or with overlapping windows, a price
        // or a balance beyond max_amount, or today outside 0001..9999.
        Context ctx;
        ctx.today = day(*any_day_serial());
        const int broken = *rc::gen::inRange(0, 9);
        switch (broken) {
            case 0: ctx.policy.term_months = *rc::gen::element(0, 13, -1, 1000); break;
            case 1: ctx.policy.renew_days_before =  // 23 + 5 reaches the next window
                *rc::gen::element(-1, 367, 23, std::numeric_limits<int>::min()); break;
            case 2: ctx.policy.renew_days_after = *rc::gen::element(-1, 367, 25, std::numeric_limits<int>::max()); break;
            case 3: ctx.policy.month_end = static_cast<MonthEnd>(*rc::gen::inRange(2, 256)); break;
            case 4: {
                PriceList prices{};
                prices.per_term[*rc::gen::inRange<std::size_t>(0, bundle_type_count)] =
                    Money{*rc::gen::element<std::int64_t>(-1, max_amount.minor + 1, std::numeric_limits<std::int64_t>::min())};
                ctx.prices = prices;
                break;
            }
            case 5: ctx.balance = Money{*rc::gen::element<std::int64_t>(max_amount.minor + 1, -max_amount.minor - 1)}; break;
            case 6: ctx.today = day(*rc::gen::element(min_serial - 1, max_serial + 1, std::numeric_limits<int>::min() / 2)); break;
            default: break;  // the context is fine; the bundle below is not
        }
        RC_ASSERT(ok(ctx) == (broken >= 7));
        // A bundle ok() rejects, or a good one.
        const Chain c = *any_chain();
        Bundle b = c.bundle;
        const int bad_bundle = broken >= 7 ? *rc::gen::inRange(0, 4) : *rc::gen::inRange(0, 5);
        switch (bad_bundle) {
            case 0: b.bundle_type = static_cast<BundleType>(*rc::gen::element(0, 6, 255)); break;
            case 1: b.created_on = b.expires_on; break;
            case 2: b.expires_on = day(max_serial + *rc::gen::inRange(1, 1000)); break;
            case 3: b.created_on = day(min_serial - *rc::gen::inRange(1, 1000)); break;
            default: break;  // a good bundle
        }
        RC_ASSERT(ok(b) == (bad_bundle >= 4));
        const Request req = *any_request();
        const auto expect_error = [&](const Result& r, Error e) { RC_ASSERT(fails_with(r, e)); };
        if (broken < 7) {
            expect_error(quote_create(req, b.uuid, ctx), Error::invalid_policy);
            expect_error(create(req, b.uuid, ctx), Error::invalid_policy);
            expect_error(update(b, req, ctx), Error::invalid_policy);
            expect_error(renew(b, ctx), Error::invalid_policy);
        } else {
            expect_error(update(b, req, ctx), Error::invalid_bundle);
            expect_error(renew(b, ctx), Error::invalid_bundle);
            const auto f = check_feature(&b, Feature::phone_numbers, ctx.today, ctx.policy);
            RC_ASSERT(!f && f.error() == Error::invalid_bundle);
            RC_ASSERT(features_on(b, ctx.today, ctx.policy) == FeatureSet{});
        }
        // Envelopes of whatever came out are still written (or refused) cleanly.
        const Envelope e = make_envelope(Operation::renew, renew(b, ctx));
        RC_ASSERT(!to_string(e).empty());
    });

    property("equality is field by field for every value type", [] {
        const Chain c = *any_chain();
        const int field = *rc::gen::inRange(0, 6);  // 5: none changed
        Bundle x = c.bundle;
        switch (field) {
            case 0: x.uuid.bytes[*rc::gen::inRange<std::size_t>(0, 16)] ^= 1; break;
            case 1: x.created_on -= date::days{1}; break;
            case 2: x.expires_on += date::days{1}; break;
            case 3: x.bundle_type = x.bundle_type == BundleType::business ? BundleType::fax_only : BundleType::business; break;
            case 4: x.auto_renew = !x.auto_renew; break;
            default: break;
        }
        RC_ASSERT((x == c.bundle) == (field == 5));
        RC_ASSERT((x != c.bundle) == (field != 5));
        const Decision d1{c.bundle, Money{5}};
        RC_ASSERT((Decision{x, Money{5}} == d1) == (field == 5));
        RC_ASSERT((Decision{c.bundle, Money{6}} == d1) == false);
        RC_ASSERT((Decision{c.bundle, Money{6}} != d1));
        const Request r = *any_request();
        Request r2 = r;
        const int rf = *rc::gen::inRange(0, 3);
        if (rf == 0) r2.auto_renew = !r2.auto_renew;
        if (rf == 1) r2.bundle_type = r2.bundle_type == BundleType::business ? BundleType::trunk_only : BundleType::business;
        RC_ASSERT((r == r2) == (rf == 2));
        RC_ASSERT((r != r2) == (rf != 2));
        const RenewalPolicy p = *any_policy();
        RenewalPolicy p2 = p;
        const int pf = *rc::gen::inRange(0, 5);
        if (pf == 0) p2.month_end = p2.month_end == MonthEnd::clamp ? MonthEnd::overflow : MonthEnd::clamp;
        if (pf == 1) p2.term_months += 1;
        if (pf == 2) p2.renew_days_before += 1;
        if (pf == 3) p2.renew_days_after += 1;
        RC_ASSERT((p == p2) == (pf == 4));
        RC_ASSERT((p != p2) == (pf != 4));
        SweepTotals t{*rc::gen::inRange<std::uint64_t>(0, 9), *rc::gen::inRange<std::uint64_t>(0, 9),
                      *rc::gen::inRange<std::uint64_t>(0, 9)};
        SweepTotals t2 = t;
        const int tf = *rc::gen::inRange(0, 4);
        if (tf == 0) ++t2.none;
        if (tf == 1) ++t2.renew;
        if (tf == 2) ++t2.lapsed;
        RC_ASSERT((t == t2) == (tf == 3));
        RC_ASSERT((t != t2) == (tf != 3));
        const Money m{*rc::gen::inRange<std::int64_t>(-5, 5)}, n{*rc::gen::inRange<std::int64_t>(-5, 5)};
        RC_ASSERT((m < n) == (m.minor < n.minor));
        RC_ASSERT((m <= n) == (m.minor <= n.minor));
        RC_ASSERT((m > n) == (m.minor > n.minor));
        RC_ASSERT((m >= n) == (m.minor >= n.minor));
        RC_ASSERT((m == n) == (m.minor == n.minor));
        RC_ASSERT((m != n) == (m.minor != n.minor));
    });

    property("uuid and date text round-trip; output is lowercase", [] {
        const Uuid u = *any_uuid();
        std::string text = to_string(u);
        RC_ASSERT(parse_uuid(text).has_value() && *parse_uuid(text) == u);
        for (char& ch : text) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
        RC_ASSERT(parse_uuid(text).has_value() && *parse_uuid(text) == u);
        const date::sys_days d = day(*any_day_serial());
        RC_ASSERT(*parse_iso_date(to_iso_string(d)) == d);
    });

    std::printf("\n%d properties x %d cases = %d cases per run; %d failed\n", properties, cases, properties * cases, failures);
    return failures == 0 ? 0 : 1;
}

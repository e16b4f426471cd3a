// Property tests (rapidcheck): the rules' invariants over random bundles, policies,
// prices, balances and days. A plain program rather than doctest (rapidcheck has no doctest
// adapter): every rc::check prints its property, seed and cases; the exit status is the
// verdict. Cases per property come from RC_PARAMS (default below); a failure prints the
// shrunk counterexample and an RC_PARAMS="reproduce=..." line to replay it.
// The generators are the library's optional voip/bundle_rapidcheck.hpp (voip::gen and
// rc::Arbitrary); this file only combines them.
#include <voip/bundle.hpp>
#include <voip/bundle_rapidcheck.hpp>

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
#include <optional>
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
const date::sys_days first_1900 = date::sys_days{date::year{1900} / 1 / 1};
const date::sys_days last_2400 = date::sys_days{date::year{2400} / 12 / 31};

template <class T>
T arbitrary() {
    return *rc::gen::arbitrary<T>();
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

// The answer is the error `e` (never reads error() of a success).
template <class T>
bool fails_with(const tl::expected<T, Error>& r, Error e) {
    return !r.has_value() && r.error() == e;
}

// A bundle's chain of terms (RULES 3): created_on, then add_term() from each boundary
// (anchored on created_on in clamp mode, chained in overflow mode) up to the first
// boundary at or after expires_on.
std::vector<date::sys_days> chain(const Bundle& b, const RenewalPolicy& p) {
    std::vector<date::sys_days> t{b.created_on};
    while (t.back() < b.expires_on) {
        const auto next = add_term(t.back(), b.created_on, p);
        if (!next) break;
        t.push_back(*next);
    }
    return t;
}

// A day the bundle is in service on (before expires_on, maybe before created_on),
// favouring its chain's boundaries and the days around them. One pick, so a counterexample
// shows the day itself.
rc::Gen<date::sys_days> day_in_service(const Bundle& b, const RenewalPolicy& p) {
    return rc::gen::exec([b, p] {
        const date::sys_days last = b.expires_on - date::days{1};
        const std::vector<date::sys_days> t = chain(b, p);
        const int pick = *rc::gen::inRange(0, 6);
        date::sys_days d = b.created_on;
        if (pick <= 1) d = *gen::day_between(b.created_on, last);
        else if (pick == 2) d = b.created_on - date::days{*rc::gen::inRange(1, 61)};  // before the first term
        else if (pick == 3) d = *gen::day_near(b.expires_on, p);
        else d = t[*rc::gen::inRange<std::size_t>(0, t.size())] + date::days{*rc::gen::inRange(-1, 2)};
        return std::clamp(d, min_day, last);
    });
}

__extension__ typedef __int128 i128;

i128 gcd(i128 a, i128 b) {
    while (b != 0) {
        const i128 r = a % b;
        a = b;
        b = r;
    }
    return a < 0 ? -a : a;
}

// The upgrade charge day by day: each day from max(today, created_on) until expires_on
// costs `diff` / (the days of its term), the terms built forward from created_on with
// add_term(); the exact sum, as a rational, rounded half up once. At most diff x 31 terms:
// it fits in 64 bits.
std::int64_t day_by_day_charge(const Bundle& b, const RenewalPolicy& p, date::sys_days today, std::int64_t diff) {
    const std::vector<date::sys_days> t = chain(b, p);
    RC_ASSERT(t.back() == b.expires_on);
    std::vector<int> days_in(t.size() - 1, 0);
    std::size_t term = 0;
    for (date::sys_days d = std::max(today, b.created_on); d < b.expires_on; d += date::days{1}) {
        while (d >= t[term + 1]) ++term;
        ++days_in[term];
    }
    i128 num = 0, den = 1;
    for (std::size_t i = 0; i < days_in.size(); ++i) {
        const i128 len = (t[i + 1] - t[i]).count();
        num = num * len + i128{diff} * days_in[i] * den;
        den *= len;
        const i128 g = gcd(num, den);
        if (g > 1) {
            num /= g;
            den /= g;
        }
    }
    const i128 rounded = (2 * num + den) / (2 * den);
    RC_ASSERT(rounded <= i128{std::numeric_limits<std::int64_t>::max()});
    return static_cast<std::int64_t>(rounded);
}

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

    property("the generators make valid values, bundles on their chain of terms, invalid bundles not ok()", [] {
        const RenewalPolicy p = arbitrary<RenewalPolicy>();
        RC_ASSERT(ok(p));
        const date::sys_days d = *gen::day();
        RC_ASSERT(in_range(d));
        RC_ASSERT(ok(arbitrary<Money>()));
        RC_ASSERT(ok_balance(*gen::balance()));
        const PriceList prices = arbitrary<PriceList>();
        for (int c = 1; c <= 5; ++c) RC_ASSERT(ok((*prices.at(*bundle_type_from_code(c)))));
        RC_ASSERT(ok(arbitrary<BundleType>()));
        RC_ASSERT(ok(arbitrary<Request>().bundle_type));
        RC_ASSERT(ok(arbitrary<Context>()));
        RC_ASSERT(ok(*gen::context(d, p)));
        RC_ASSERT(ok(arbitrary<Bundle>()));
        // A bundle is exactly on its chain: created_on, then whole terms up to expires_on,
        // the same days as the independent calendar gives.
        const Bundle b = *gen::bundle(p);
        RC_ASSERT(ok(b));
        const std::vector<date::sys_days> t = chain(b, p);
        RC_ASSERT(t.back() == b.expires_on);
        const oracle::Ymd start = ymd(b.created_on);
        oracle::Ymd chained = start;
        for (std::size_t k = 1; k < t.size(); ++k) {
            chained = oracle::add_overflow(chained, p.term_months);
            const oracle::Ymd expect = p.month_end == MonthEnd::clamp
                                           ? oracle::add_clamped(start, static_cast<int>(k) * p.term_months, start.d)
                                           : chained;
            RC_ASSERT(ymd(t[k]) == expect);
        }
        RC_ASSERT(!ok(*gen::invalid_bundle()));
        const date::sys_days n = *gen::day_near(b.expires_on, p);
        const int reach = std::max({40, p.renew_days_before + 1, p.renew_days_after + 1});
        RC_ASSERT(in_range(n));
        RC_ASSERT(std::abs(serial(n) - serial(b.expires_on)) <= reach);
        RC_ASSERT(name(arbitrary<Error>()) != "unknown_error");
        RC_ASSERT(name(arbitrary<State>()) != "invalid");
        RC_ASSERT(name(arbitrary<Operation>()) != "invalid");
        RC_ASSERT(name(arbitrary<Feature>()) != "invalid");
        const int status_code = code(arbitrary<Status>());
        RC_ASSERT((status_code == 200 || status_code == 201 || status_code == 400 || status_code == 402 || status_code == 404));
        const MonthEnd m = arbitrary<MonthEnd>();
        RC_ASSERT((m == MonthEnd::clamp || m == MonthEnd::overflow));
        RC_ASSERT(static_cast<int>(arbitrary<SweepAction>()) <= static_cast<int>(SweepAction::invalid));
    });

    property("a renewal inside the window moves expiry exactly one anchored term", [] {
        const RenewalPolicy p = *gen::policy();
        const Bundle b = *gen::bundle(p);
        const RenewalWindow w = *renewal_window(b, p);
        Context ctx{*gen::day_between(w.first, w.last), p};
        const auto r = renew(b, ctx);
        // Independently: clamp keeps created_on's day, clamped; overflow rolls from expires_on.
        const oracle::Ymd e = ymd(b.expires_on);
        const oracle::Ymd expect = p.month_end == MonthEnd::clamp
                                       ? oracle::add_clamped(e, p.term_months, ymd(b.created_on).d)
                                       : oracle::add_overflow(e, p.term_months);
        if (expect.y > 9999) {  // the next term would end after 9999-12-31
            RC_ASSERT(fails_with(r, Error::date_out_of_range));
            return;
        }
        RC_ASSERT(r.has_value());
        RC_ASSERT(ymd(r->bundle.expires_on) == expect);
        // Nothing else moves; early or late, the same result.
        RC_ASSERT(r->bundle.created_on == b.created_on);
        RC_ASSERT(r->bundle.uuid == b.uuid);
        RC_ASSERT(r->bundle.bundle_type == b.bundle_type);
        RC_ASSERT(r->bundle.auto_renew == b.auto_renew);
        ctx.today = w.first;
        RC_ASSERT(renew(b, ctx)->bundle == r->bundle);
        // The renewal leaves the window it was made in: a second one the same day is too early.
        ctx.today = *gen::day_between(w.first, w.last);
        RC_ASSERT(fails_with(renew(r->bundle, ctx), Error::outside_renewal_window));
    });

    property("renewal outside the window is a 400 outside_renewal_window, inside never is", [] {
        const RenewalPolicy p = *gen::policy();
        const Bundle b = *gen::bundle(p);
        const Context ctx{*gen::day_near(b.expires_on, p), p};
        const auto r = renew(b, ctx);
        const bool inside = b.expires_on - date::days{p.renew_days_before} <= ctx.today &&
                            ctx.today <= b.expires_on + date::days{p.renew_days_after};
        if (inside) {  // a success, unless the next expiry would pass 9999-12-31
            RC_ASSERT(r.has_value() == next_expiry(b, p).has_value());
            if (!r) RC_ASSERT(r.error() == Error::date_out_of_range);
        } else {
            RC_ASSERT(fails_with(r, Error::outside_renewal_window));
            RC_ASSERT(status(r.error()) == Status::bad_request);
        }
    });

    property("the window contains expires_on and is [expires_on - before, expires_on + after]", [] {
        const RenewalPolicy p = *gen::policy();
        const date::sys_days e = *gen::day_between(min_day + date::days{400}, max_day - date::days{400});
        const RenewalWindow w = renewal_window(e, p);
        RC_ASSERT(w.contains(e));
        RC_ASSERT(serial(e) - serial(w.first) == p.renew_days_before);
        RC_ASSERT(serial(w.last) - serial(e) == p.renew_days_after);
        RC_ASSERT(!w.contains(w.first - date::days{1}));
        RC_ASSERT(!w.contains(w.last + date::days{1}));
    });

    property("the four states partition every day, in order, as RULES 5's table says", [] {
        const RenewalPolicy p = *gen::policy();
        const date::sys_days e = *gen::day_between(min_day + date::days{400}, max_day - date::days{400});
        const date::sys_days d = *gen::day_between(e - date::days{400}, e + date::days{400});
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
        const RenewalPolicy p = *gen::policy();
        Context ctx{*gen::day_between(first_1900, last_2400), p};
        auto r = create(*gen::request(), *gen::uuid(), ctx);
        RC_ASSERT(r.has_value());
        Bundle b = r->bundle;
        const oracle::Ymd start = ymd(b.created_on);
        oracle::Ymd chained = ymd(b.expires_on);
        const int n = *rc::gen::inRange(1, 60);
        for (int k = 1; k <= n; ++k) {
            const RenewalWindow w = *renewal_window(b, p);
            ctx.today = *gen::day_between(w.first, w.last);  // early, on time or late
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
        const RenewalPolicy p = *gen::policy();
        const Bundle b = *gen::bundle(p);
        std::optional<PriceList> prices;
        if (*rc::gen::arbitrary<bool>()) prices = *gen::prices();
        const Context ctx{*gen::day_near(b.expires_on, p), p, prices};
        const Request req = *gen::request();
        const auto r = update(b, req, ctx);
        const std::int64_t diff = prices ? prices->at(req.bundle_type)->minor - prices->at(b.bundle_type)->minor : 0;
        if (!r) {
            if (r.error() == Error::charge_out_of_range) {  // huge prices, many prepaid terms
                RC_ASSERT(ctx.today < b.expires_on);
                RC_ASSERT(fails_with(upgrade_charge(b, req.bundle_type, ctx), Error::charge_out_of_range));
                return;
            }
            RC_ASSERT(r.error() == Error::not_in_service);
            RC_ASSERT(ctx.today >= b.expires_on);
            return;
        }
        RC_ASSERT(ctx.today < b.expires_on);
        RC_ASSERT(r->bundle.expires_on == b.expires_on);
        RC_ASSERT(r->bundle.created_on == b.created_on);
        RC_ASSERT(r->bundle.uuid == b.uuid);
        RC_ASSERT(r->bundle.bundle_type == req.bundle_type);
        RC_ASSERT(r->bundle.auto_renew == req.auto_renew);
        // The charge: 0 for the same or a cheaper type; otherwise at most the difference for
        // each term not over yet (every prepaid day is charged), and at most the difference
        // once when only the last term is left.
        RC_ASSERT(r->charge.minor >= 0);
        if (diff <= 0) RC_ASSERT(r->charge.minor == 0);
        const std::vector<date::sys_days> t = chain(b, p);
        const auto ahead = std::count_if(t.begin() + 1, t.end(), [&](date::sys_days end) { return end > ctx.today; });
        RC_ASSERT(r->charge.minor <= std::max<std::int64_t>(diff, 0) * ahead);
        if (ctx.today >= *term_start(b, p)) RC_ASSERT(r->charge.minor <= std::max<std::int64_t>(diff, 0));
    });

    property("quote_* equals what create/update/renew then do when funds suffice, 402 when short", [] {
        const RenewalPolicy p = *gen::policy();
        const Bundle b = *gen::bundle(p);
        const bool priced = *rc::gen::arbitrary<bool>();
        std::optional<PriceList> prices;
        if (priced) prices = *gen::prices();
        const Context ctx{*gen::day_near(b.expires_on, p), p, prices};
        const Request req = *gen::request();
        const Uuid id = *gen::uuid();
        const int which = *rc::gen::inRange(0, 3);
        const auto quote = [&](const Context& k) {
            return which == 0 ? quote_create(req, id, k) : which == 1 ? quote_update(b, req, k) : quote_renew(b, k);
        };
        const auto command = [&](const Context& k) {
            return which == 0 ? create(req, id, k) : which == 1 ? update(b, req, k) : renew(b, k);
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
        const Result s = command(poor);
        if (priced && q->charge == Money{0}) {
            RC_ASSERT((s == q));
        } else if (priced && which == 0) {
            // Create: the seed's create answers only 201 or 400, so short funds are a 400.
            RC_ASSERT(fails_with(s, Error::insufficient_funds_on_create));
            RC_ASSERT(status(s.error()) == Status::bad_request);
        } else if (priced) {
            RC_ASSERT(fails_with(s, Error::insufficient_funds));
            RC_ASSERT(status(s.error()) == Status::payment_required);
        } else {
            RC_ASSERT((s == q));
        }
    });

    property("create starts today, expires one term later, and charges the type's price", [] {
        std::optional<PriceList> prices;
        if (*rc::gen::arbitrary<bool>()) prices = *gen::prices();
        const Context ctx{*gen::day(), *gen::policy(), prices};
        const Request req = *gen::request();
        const auto r = create(req, *gen::uuid(), ctx);
        const oracle::Ymd t = ymd(ctx.today);
        const oracle::Ymd expect = ctx.policy.month_end == MonthEnd::clamp ? oracle::add_clamped(t, ctx.policy.term_months, t.d)
                                                                           : oracle::add_overflow(t, ctx.policy.term_months);
        if (expect.y > 9999) {
            RC_ASSERT(fails_with(r, Error::date_out_of_range));
            return;
        }
        RC_ASSERT(r.has_value());
        RC_ASSERT(r->bundle.created_on == ctx.today);
        RC_ASSERT(ymd(r->bundle.expires_on) == expect);
        RC_ASSERT(r->bundle.bundle_type == req.bundle_type);
        RC_ASSERT(r->bundle.auto_renew == req.auto_renew);
        RC_ASSERT(r->charge == (ctx.prices ? (*ctx.prices->at(req.bundle_type)) : Money{0}));
        RC_ASSERT(ok(r->bundle));
    });

    property("the sweep agrees with per-bundle calls, invalid bundles counted apart", [] {
        const RenewalPolicy p = *gen::policy();
        const int n = *rc::gen::inRange(0, 40);
        std::vector<Bundle> bundles;
        // Mostly ordinary days; sometimes days near 0001-01-01 or 9999-12-31, where the
        // sweep's fast path cannot precompute its bounds.
        const date::sys_days today = *gen::day();
        for (int i = 0; i < n; ++i) {
            if (*rc::gen::inRange(0, 8) == 0) {
                bundles.push_back(*gen::invalid_bundle());
                continue;
            }
            const date::sys_days e = day(std::clamp(serial(today) + *rc::gen::inRange(-60, 61), min_serial + 1, max_serial));
            const date::sys_days c = day(std::max(serial(e) - *rc::gen::inRange(28, 400), min_serial));
            const auto b = make_bundle(*gen::uuid(), CreatedOn{c}, ExpiresOn{e}, *gen::type(),
                                       *rc::gen::arbitrary<bool>() ? AutoRenew::on : AutoRenew::off);
            RC_ASSERT(b.has_value());
            bundles.push_back(*b);
        }
        std::vector<std::pair<Bundle, SweepAction>> reported;
        const SweepTotals t = sweep(bundles.begin(), bundles.end(), today, p,
                                    [&](const Bundle& b, SweepAction a) { reported.emplace_back(b, a); });
        SweepTotals expect, expect_columns;
        std::vector<std::pair<Bundle, SweepAction>> expect_reported;
        const Context ctx{today, p};
        for (const Bundle& b : bundles) {
            const SweepAction a = sweep_action(b, today, p);
            expect.add(a);
            expect_columns.add(sweep_action(b.expires_on, b.auto_renew, today, p));
            if (a != SweepAction::none) expect_reported.emplace_back(b, a);
            if (!ok(b)) {
                RC_ASSERT(a == SweepAction::invalid);
                RC_ASSERT(fails_with(renew(b, ctx), Error::invalid_bundle));
                continue;
            }
            // renew exactly when the flag is on and the window open, which is when renew()
            // succeeds today, unless the next expiry would pass 9999-12-31 (a 400 that the
            // daily sweep meets until the bundle lapses); lapsed exactly when the state is.
            const bool open = renewal_window(b, p)->contains(today);
            RC_ASSERT((a == SweepAction::renew) == (b.auto_renew && open));
            const auto r = renew(b, ctx);
            if (open) RC_ASSERT(r.has_value() || r.error() == Error::date_out_of_range);
            else RC_ASSERT(fails_with(r, Error::outside_renewal_window));
            RC_ASSERT((a == SweepAction::lapsed) == (*state_on(b, today, p) == State::lapsed));
            RC_ASSERT(a == sweep_action(b.expires_on, b.auto_renew, today, p));
        }
        RC_ASSERT(t == expect);
        RC_ASSERT(t.total() == static_cast<std::uint64_t>(n));
        RC_ASSERT(t.invalid == static_cast<std::uint64_t>(std::count_if(bundles.begin(), bundles.end(),
                                                                         [](const Bundle& b) { return !ok(b); })));
        RC_ASSERT(reported.size() == expect_reported.size());
        for (std::size_t i = 0; i < reported.size(); ++i) {
            RC_ASSERT(reported[i].first == expect_reported[i].first);
            RC_ASSERT(reported[i].second == expect_reported[i].second);
        }
        RC_ASSERT(sweep_totals(bundles.data(), bundles.size(), today, p) == t);
        // The columns hold no created_on or type: they see only expiry and flag.
        std::vector<date::sys_days> expiries;
        std::unique_ptr<bool[]> flags(new bool[bundles.size() + 1]);
        for (std::size_t i = 0; i < bundles.size(); ++i) {
            expiries.push_back(bundles[i].expires_on);
            flags[i] = bundles[i].auto_renew;
        }
        const SweepTotals columns = sweep_totals(expiries.data(), flags.get(), bundles.size(), today, p);
        RC_ASSERT(columns == expect_columns);
        if (t.invalid == 0) RC_ASSERT(columns == t);
    });

    property("the sweep's three forms agree for any day count and any policy numbers, valid or not", [] {
        // Defensive paths: days far outside 0001..9999 (a corrupt store) and policies that
        // ok() rejects must still give the same totals everywhere, without UB (UBSan).
        RenewalPolicy p;
        p.renew_days_before = *rc::gen::arbitrary<int>();
        p.renew_days_after = *rc::gen::arbitrary<int>();
        const date::sys_days today = day(*rc::gen::arbitrary<int>());
        const int n = *rc::gen::inRange(0, 20);
        std::vector<Bundle> bundles;
        std::vector<date::sys_days> expiries;
        std::unique_ptr<bool[]> flags(new bool[static_cast<std::size_t>(n) + 1]);
        SweepTotals expect, expect_columns;
        for (std::size_t i = 0; i < static_cast<std::size_t>(n); ++i) {
            Bundle b = *gen::bundle();  // a valid bundle, its days then set as a store could hold them
            b.expires_on = *rc::gen::arbitrary<bool>() ? day(*rc::gen::arbitrary<int>()) : today;
            if (*rc::gen::arbitrary<bool>()) b.created_on = day(*rc::gen::arbitrary<int>());
            bundles.push_back(b);
            expiries.push_back(b.expires_on);
            flags[i] = b.auto_renew;
            expect.add(sweep_action(b, today, p));
            expect_columns.add(sweep_action(b.expires_on, b.auto_renew, today, p));
            if (ok(b)) RC_ASSERT(sweep_action(b, today, p) == sweep_action(b.expires_on, b.auto_renew, today, p));
            else RC_ASSERT(sweep_action(b, today, p) == SweepAction::invalid);
        }
        RC_ASSERT(sweep_totals(bundles.data(), bundles.size(), today, p) == expect);
        RC_ASSERT(sweep(bundles.begin(), bundles.end(), today, p, [](const Bundle&, SweepAction) {}) == expect);
        RC_ASSERT(sweep_totals(expiries.data(), flags.get(), bundles.size(), today, p) == expect_columns);
    });

    property("envelope text parses back (nlohmann) to the same values, members in the seed's order", [] {
        const Operation op = arbitrary<Operation>();
        const WriteOptions o{*rc::gen::arbitrary<bool>(), *rc::gen::arbitrary<bool>()};
        const bool success = *rc::gen::arbitrary<bool>();
        const Error e = arbitrary<Error>();
        const Bundle b = *gen::bundle(*gen::policy());
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
        RC_ASSERT(j["status_code"].get<int>() == code(env.status()));
        RC_ASSERT(j["status_message"].get<std::string>() == std::string(status_message(env.status())));
        if (success) {
            RC_ASSERT(env.status() == (op == Operation::create ? Status::created : Status::ok));
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
            RC_ASSERT(env.status() == status(e));
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
        const Error e = arbitrary<Error>();
        const Status s = status(e);
        const Status expect = e == Error::unknown_bundle                                       ? Status::not_found
                              : (e == Error::insufficient_funds || e == Error::not_in_service) ? Status::payment_required
                                                                                               : Status::bad_request;
        RC_ASSERT(s == expect);
        RC_ASSERT(name(e) != "unknown_error");
        const Operation op = arbitrary<Operation>();
        const Envelope env = make_envelope(op, Result(fail(e)));
        RC_ASSERT(env.bundle() == nullptr);
        RC_ASSERT(env.status() == s);
        RC_ASSERT(fails_with(env.outcome(), e));
        RC_ASSERT((env == error_envelope(e)));
        // Names are distinct, so an error is recoverable from its envelope detail.
        const Error other = arbitrary<Error>();
        RC_ASSERT((name(e) == name(other)) == (e == other));
    });

    // The uuid text and body checks (400 malformed_uuid, then 400 for the body) moved to the
    // JSON layer with the API change: handle_* now take a decoded Uuid and Request.
    property("handle_* look the bundle up by its uuid: 404 -> window/state -> 402", [] {
        const RenewalPolicy p = *gen::policy();
        const Bundle b = *gen::bundle(p);
        const Context ctx = *gen::context(*gen::day_near(b.expires_on, p), p);
        const bool known = *rc::gen::inRange(0, 4) != 0;
        Uuid asked = b.uuid;
        if (!known) asked.bytes[*rc::gen::inRange<std::size_t>(0, 16)] ^= static_cast<std::uint8_t>(*rc::gen::inRange(1, 256));
        const Request req = *gen::request();
        const auto find = [&](const Uuid& u) -> const Bundle* { return u == b.uuid ? &b : nullptr; };

        const Result up = handle_update(asked, req, find, ctx);
        if (!known) RC_ASSERT(fails_with(up, Error::unknown_bundle));
        else RC_ASSERT((up == update(b, req, ctx)));
        // Out of service is reported before short funds.
        if (known && ctx.today >= b.expires_on) RC_ASSERT(fails_with(up, Error::not_in_service));

        const Result rn = handle_renew(asked, find, ctx);
        if (!known) RC_ASSERT(fails_with(rn, Error::unknown_bundle));
        else RC_ASSERT((rn == renew(b, ctx)));
        // Outside the window is reported before short funds.
        if (known && !renewal_window(b, p)->contains(ctx.today)) RC_ASSERT(fails_with(rn, Error::outside_renewal_window));
    });

    property("upgrade charge in the last term is the price difference x days left / days in the term, half up", [] {
        const RenewalPolicy p = *gen::policy();
        const Bundle b = *gen::bundle(p);
        const PriceList prices = *gen::prices();
        const auto start = term_start(b, p);
        RC_ASSERT(start.has_value());
        RC_ASSERT(*start >= b.created_on);
        RC_ASSERT(*start < b.expires_on);
        const Context ctx{*gen::day_between(*start, b.expires_on - date::days{1}), p, prices};
        const BundleType to = *gen::type();
        const auto charge = upgrade_charge(b, to, ctx);
        RC_ASSERT(charge.has_value());
        // term_start is the chain's last boundary: no whole term is prepaid after it.
        const auto breakdown = upgrade_charge_breakdown(b, to, ctx);
        RC_ASSERT(breakdown.has_value());
        RC_ASSERT(breakdown->prepaid_terms == 0);
        RC_ASSERT((breakdown->current == Term{*start, b.expires_on}));
        const std::int64_t diff = prices.at(to)->minor - prices.at(b.bundle_type)->minor;
        if (diff <= 0) {
            RC_ASSERT(charge->minor == 0);
            return;
        }
        const std::int64_t left = serial(b.expires_on) - serial(ctx.today);
        const std::int64_t whole = serial(b.expires_on) - serial(*start);
        // Half up, checked without division: charge is the q with |diff*left/whole - q| <= 1/2, ties up.
        const std::int64_t q = charge->minor;
        RC_ASSERT(2 * q * whole <= 2 * diff * left + whole);
        RC_ASSERT(2 * diff * left + whole < 2 * (q + 1) * whole);
        RC_ASSERT(q <= diff);
    });

    property("upgrade charge breakdown: total = difference x prepaid terms + pro rata of the current term", [] {
        const RenewalPolicy p = *gen::policy();
        const Bundle b = *gen::bundle(p);
        std::optional<PriceList> prices;
        if (*rc::gen::inRange(0, 5) != 0) prices = *gen::prices();
        const Context ctx{*day_in_service(b, p), p, prices};
        const BundleType to = *gen::type();
        const auto u = upgrade_charge_breakdown(b, to, ctx);
        const std::int64_t diff =
            prices ? std::max<std::int64_t>(prices->at(to)->minor - prices->at(b.bundle_type)->minor, 0) : 0;
        if (!u) {  // only when the total passes max_amount
            RC_ASSERT(u.error() == Error::charge_out_of_range);
            RC_ASSERT(day_by_day_charge(b, p, ctx.today, diff) > max_amount.minor);
            return;
        }
        RC_ASSERT(u->difference == Money{diff});
        RC_ASSERT(u->total.minor ==
                  diff * u->prepaid_terms + pro_rata(u->difference, u->days_left, u->current.days()).value().minor);
        const date::sys_days from = std::max(ctx.today, b.created_on);
        RC_ASSERT(u->current.first <= from);
        RC_ASSERT(from < u->current.end);
        RC_ASSERT(u->days_left == (u->current.end - from).count());
        RC_ASSERT(u->days_left >= 1 && u->days_left <= u->current.days());
        RC_ASSERT(u->total.minor <= diff * (u->prepaid_terms + 1));
        RC_ASSERT(u->total.minor >= diff * u->prepaid_terms);
        // current is a term of the chain, and the prepaid terms are the ones after it.
        const std::vector<date::sys_days> t = chain(b, p);
        const auto at = std::find(t.begin(), t.end(), u->current.first);
        RC_ASSERT(at != t.end() && at + 1 != t.end());
        RC_ASSERT(*(at + 1) == u->current.end);
        RC_ASSERT(u->prepaid_terms == static_cast<int>(t.end() - (at + 2)));
        RC_ASSERT((upgrade_charge(b, to, ctx) == tl::expected<Money, Error>(u->total)));
        if (!prices) RC_ASSERT(u->total == Money{0});
    });

    property("upgrade charge equals the day-by-day sum over every prepaid day, rounded half up once", [] {
        const RenewalPolicy p = *gen::policy();
        const Bundle b = *gen::bundle(p);
        const PriceList prices = *gen::prices();
        const Context ctx{*day_in_service(b, p), p, prices};
        const BundleType to = *gen::type();
        const std::int64_t diff = std::max<std::int64_t>(prices.at(to)->minor - prices.at(b.bundle_type)->minor, 0);
        const std::int64_t expect = day_by_day_charge(b, p, ctx.today, diff);
        const auto charge = upgrade_charge(b, to, ctx);
        if (expect > max_amount.minor) {
            RC_ASSERT(fails_with(charge, Error::charge_out_of_range));
        } else {
            RC_ASSERT(charge.has_value());
            RC_ASSERT(charge->minor == expect);
        }
    });

    property("the funds check of create/update/renew is affordable(charge, context)", [] {
        const RenewalPolicy p = *gen::policy();
        const Bundle b = *gen::bundle(p);
        Context ctx = *gen::context(*gen::day_near(b.expires_on, p), p);
        const Request req = *gen::request();
        const Uuid id = *gen::uuid();
        const int which = *rc::gen::inRange(0, 3);
        const auto quote = [&](const Context& k) {
            return which == 0 ? quote_create(req, id, k) : which == 1 ? quote_update(b, req, k) : quote_renew(b, k);
        };
        const auto command = [&](const Context& k) {
            return which == 0 ? create(req, id, k) : which == 1 ? update(b, req, k) : renew(b, k);
        };
        const Result first = quote(ctx);
        if (first && ctx.prices && *rc::gen::arbitrary<bool>())  // a balance at the edge of the charge
            ctx.balance = Money{std::max(first->charge.minor + *rc::gen::inRange<std::int64_t>(-1, 2), -max_amount.minor)};
        const Result q = quote(ctx);
        const Result r = command(ctx);
        if (!q) {
            RC_ASSERT((r == q));
            return;
        }
        const bool can_pay = !ctx.prices || !ctx.balance || q->charge.minor <= 0 || q->charge <= *ctx.balance;
        RC_ASSERT(affordable(q->charge, ctx) == can_pay);
        if (affordable(q->charge, ctx)) RC_ASSERT((r == q));
        else RC_ASSERT(fails_with(r, which == 0 ? Error::insufficient_funds_on_create : Error::insufficient_funds));
    });

    property("the envelope of any result holds a bundle exactly when the result is a success", [] {
        const RenewalPolicy p = *gen::policy();
        const Bundle b = *rc::gen::weightedOneOf<Bundle>({{4, gen::bundle(p)}, {1, gen::invalid_bundle()}});
        const Context ctx = *gen::context(*gen::day_near(b.expires_on, p), p);
        const Operation op = arbitrary<Operation>();
        const int source = *rc::gen::inRange(0, 4);
        Result r = fail(Error::invalid_json);
        switch (source) {
            case 0: r = op == Operation::create ? create(*gen::request(), *gen::uuid(), ctx)
                        : op == Operation::update ? update(b, *gen::request(), ctx) : renew(b, ctx); break;
            case 1: r = Decision{*gen::bundle(p), *gen::money()}; break;
            case 2: r = fail(arbitrary<Error>()); break;
            default: r = Decision{*gen::invalid_bundle(), Money{0}}; break;  // no rule answers this
        }
        const Envelope env = make_envelope(op, r);
        for (const bool pretty : {false, true})
            for (const bool detail : {false, true}) RC_ASSERT(!to_string(env, {pretty, detail}).empty());
        RC_ASSERT((env.bundle() != nullptr) == env.outcome().has_value());
        if (r && !ok(r->bundle)) {  // hand-made: a bundle without a wire form answers invalid_bundle
            RC_ASSERT(source == 3);
            RC_ASSERT(env.bundle() == nullptr);
            RC_ASSERT(fails_with(env.outcome(), Error::invalid_bundle));
            return;
        }
        RC_ASSERT((env.bundle() != nullptr) == r.has_value());
        if (r) {
            RC_ASSERT(*env.bundle() == r->bundle);
            RC_ASSERT(env.status() == (op == Operation::create ? Status::created : Status::ok));
            RC_ASSERT((env == success_envelope(op, r->bundle)));
        } else {
            RC_ASSERT(fails_with(env.outcome(), r.error()));
            RC_ASSERT(env.status() == status(r.error()));
        }
    });

    property("state_on, renewal_window, sweep_action, renew and update agree on invalid bundles", [] {
        const RenewalPolicy p = *gen::policy();
        const Bundle b = *gen::invalid_bundle();
        const date::sys_days d = *gen::day();
        const Context ctx = *gen::context(d, p);
        RC_ASSERT(!ok(b));
        RC_ASSERT(fails_with(state_on(b, d, p), Error::invalid_bundle));
        RC_ASSERT(fails_with(renewal_window(b, p), Error::invalid_bundle));
        RC_ASSERT(sweep_action(b, d, p) == SweepAction::invalid);
        RC_ASSERT(sweep_totals(&b, 1, d, p).invalid == 1);
        RC_ASSERT(fails_with(renew(b, ctx), Error::invalid_bundle));
        RC_ASSERT(fails_with(quote_renew(b, ctx), Error::invalid_bundle));
        RC_ASSERT(fails_with(update(b, *gen::request(), ctx), Error::invalid_bundle));
        RC_ASSERT(fails_with(upgrade_charge(b, *gen::type(), ctx), Error::invalid_bundle));
        RC_ASSERT(fails_with(next_expiry(b, p), Error::invalid_bundle));
        RC_ASSERT(fails_with(term_start(b, p), Error::invalid_bundle));
        RC_ASSERT(fails_with(upgrade_charge_breakdown(b, *gen::type(), ctx), Error::invalid_bundle));
        const auto find = [&](const Uuid&) { return &b; };
        RC_ASSERT(fails_with(handle_renew(b.uuid, find, ctx), Error::invalid_bundle));
        RC_ASSERT(features_on(b, d, p) == FeatureSet{});
        RC_ASSERT(fails_with(check_feature(&b, arbitrary<Feature>(), d, p), Error::invalid_bundle));
        RC_ASSERT((success_envelope(arbitrary<Operation>(), b) == error_envelope(Error::invalid_bundle)));
        // make_bundle refuses the same members, with the first broken rule's error.
        const auto made = make_bundle(b.uuid, CreatedOn{b.created_on}, ExpiresOn{b.expires_on}, b.bundle_type,
                                      b.auto_renew ? AutoRenew::on : AutoRenew::off);
        const Error expect = !ok(b.bundle_type)                                 ? Error::bundle_type_out_of_range
                             : !in_range(b.created_on) || !in_range(b.expires_on) ? Error::date_out_of_range
                                                                                  : Error::invalid_bundle;
        RC_ASSERT(fails_with(made, expect));
        // A valid bundle: the bundle overloads answer what the day overloads do.
        const Bundle v = *gen::bundle(p);
        RC_ASSERT(*state_on(v, d, p) == state_on(v.expires_on, d, p));
        RC_ASSERT(renewal_window(v, p)->first == renewal_window(v.expires_on, p).first);
        RC_ASSERT(renewal_window(v, p)->last == renewal_window(v.expires_on, p).last);
        RC_ASSERT(sweep_action(v, d, p) == sweep_action(v.expires_on, v.auto_renew, d, p));
        RC_ASSERT((make_bundle(v.uuid, CreatedOn{v.created_on}, ExpiresOn{v.expires_on}, v.bundle_type,
                               v.auto_renew ? AutoRenew::on : AutoRenew::off) == tl::expected<Bundle, Error>(v)));
    });

    property("a feature is usable exactly while in service and in the type; 404 -> 402 -> 400", [] {
        const RenewalPolicy p = *gen::policy();
        const Bundle b = *gen::bundle(p);
        const date::sys_days d = *gen::day_near(b.expires_on, p);
        const Feature f = arbitrary<Feature>();
        FeatureTable table = default_feature_table();
        if (*rc::gen::arbitrary<bool>())  // an operator's own table
            for (auto& set : table.by_type) {
                for (std::size_t i = 0; i < feature_count; ++i) {
                    const auto fi = static_cast<Feature>(i);
                    set = *rc::gen::arbitrary<bool>() ? set.with(fi) : set.without(fi);
                }
            }
        const bool serving = d < b.expires_on;
        const bool has = table.at(b.bundle_type)->has(f);
        RC_ASSERT(features_on(b, d, p, table) == (serving ? (*table.at(b.bundle_type)) : FeatureSet{}));
        const auto r = check_feature(&b, f, d, p, table);
        RC_ASSERT(r.has_value() == (serving && has));
        if (!serving) RC_ASSERT(fails_with(r, Error::not_in_service));
        else if (!has) RC_ASSERT(fails_with(r, Error::feature_not_in_type));
        const auto none = check_feature(nullptr, f, d, p, table);
        RC_ASSERT(fails_with(none, Error::unknown_bundle) && status(none.error()) == Status::not_found);
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
        // A context ok() rejects: a policy out of range or with overlapping windows, a
        // balance beyond max_amount, or today outside 0001..9999. (A price beyond it cannot
        // get into a context any more: make_price_list refuses it, checked below.)
        const RenewalPolicy good = *gen::policy();
        Context ctx = *gen::context(*gen::day(), good);
        const int room = shortest_term_days(good.term_months);
        const int broken = *rc::gen::inRange(0, 9);
        switch (broken) {
            case 0: ctx.policy.term_months = *rc::gen::element(0, 13, -1, 1000); break;
            case 1: ctx.policy.renew_days_before =  // room - after reaches the next window
                *rc::gen::element(-1, 367, room - good.renew_days_after, std::numeric_limits<int>::min()); break;
            case 2: ctx.policy.renew_days_after =
                *rc::gen::element(-1, 367, room - good.renew_days_before, std::numeric_limits<int>::max()); break;
            case 3: ctx.policy.month_end = static_cast<MonthEnd>(*rc::gen::inRange(2, 256)); break;
            case 4: ctx.balance = Money{*rc::gen::element<std::int64_t>(max_amount.minor + 1, -max_amount.minor - 1,
                                                                         std::numeric_limits<std::int64_t>::min())}; break;
            case 5: ctx.today = day(*rc::gen::element(min_serial - 1, max_serial + 1, std::numeric_limits<int>::min() / 2)); break;
            case 6: {  // the context is fine; a bad price list is refused before it reaches one
                std::array<Money, 5> m{};
                for (auto& x : m) x = *gen::money();
                m[*rc::gen::inRange<std::size_t>(0, 5)] =
                    Money{*rc::gen::element<std::int64_t>(-1, max_amount.minor + 1, std::numeric_limits<std::int64_t>::min())};
                using T = BundleType;
                RC_ASSERT(fails_with(make_price_list({{T::business, m[0]}, {T::residential, m[1]}, {T::fax_only, m[2]},
                                                      {T::trunk_only, m[3]}, {T::forward_only, m[4]}}), Error::invalid_policy));
                const Money x = *gen::money();
                RC_ASSERT(fails_with(make_price_list({{T::business, x}, {T::residential, x}, {T::fax_only, x}, {T::trunk_only, x}}),
                                     Error::invalid_policy));  // a type missing
                RC_ASSERT(fails_with(make_price_list({{T::business, x}, {T::residential, x}, {T::fax_only, x}, {T::trunk_only, x},
                                                      {T::forward_only, x}, {T::business, x}}), Error::invalid_policy));
                RC_ASSERT(fails_with(make_price_list({{T::business, x}, {T::residential, x}, {T::fax_only, x}, {T::trunk_only, x},
                                                      {static_cast<T>(*rc::gen::element(0, 6, 255)), x}}), Error::invalid_policy));
                break;
            }
            default: break;  // the context is fine; the bundle below is not
        }
        RC_ASSERT(ok(ctx) == (broken >= 6));
        // A bundle ok() rejects, or a good one.
        const bool bad_bundle = broken >= 6 ? *rc::gen::inRange(0, 5) != 0 : *rc::gen::arbitrary<bool>();
        const Bundle b = bad_bundle ? *gen::invalid_bundle() : *gen::bundle(good);
        RC_ASSERT(ok(b) == !bad_bundle);
        const Request req = *gen::request();
        if (broken < 6) {
            RC_ASSERT(fails_with(quote_create(req, b.uuid, ctx), Error::invalid_policy));
            RC_ASSERT(fails_with(create(req, b.uuid, ctx), Error::invalid_policy));
            RC_ASSERT(fails_with(quote_update(b, req, ctx), Error::invalid_policy));
            RC_ASSERT(fails_with(update(b, req, ctx), Error::invalid_policy));
            RC_ASSERT(fails_with(quote_renew(b, ctx), Error::invalid_policy));
            RC_ASSERT(fails_with(renew(b, ctx), Error::invalid_policy));
            RC_ASSERT(fails_with(upgrade_charge(b, req.bundle_type, ctx), Error::invalid_policy));
        } else if (bad_bundle) {
            RC_ASSERT(fails_with(update(b, req, ctx), Error::invalid_bundle));
            RC_ASSERT(fails_with(renew(b, ctx), Error::invalid_bundle));
            RC_ASSERT(fails_with(check_feature(&b, Feature::phone_numbers, ctx.today, ctx.policy), Error::invalid_bundle));
            RC_ASSERT(features_on(b, ctx.today, ctx.policy) == FeatureSet{});
        }
        // Envelopes of whatever came out are still written (or refused) cleanly.
        const Envelope e = make_envelope(Operation::renew, renew(b, ctx));
        RC_ASSERT(!to_string(e).empty());
    });

    property("equality is field by field for every value type", [] {
        const Bundle b = *gen::bundle(*gen::policy());
        const int field = *rc::gen::inRange(0, 6);  // 5: none changed
        Bundle x = b;
        switch (field) {
            case 0: x.uuid.bytes[*rc::gen::inRange<std::size_t>(0, 16)] ^= 1; break;
            case 1: x.created_on -= date::days{1}; break;
            case 2: x.expires_on += date::days{1}; break;
            case 3: x.bundle_type = x.bundle_type == BundleType::business ? BundleType::fax_only : BundleType::business; break;
            case 4: x.auto_renew = !x.auto_renew; break;
            default: break;
        }
        RC_ASSERT((x == b) == (field == 5));
        RC_ASSERT((x != b) == (field != 5));
        const Decision d1{b, Money{5}};
        RC_ASSERT((Decision{x, Money{5}} == d1) == (field == 5));
        RC_ASSERT((Decision{b, Money{6}} == d1) == false);
        RC_ASSERT((Decision{b, Money{6}} != d1));
        const Request r = *gen::request();
        Request r2 = r;
        const int rf = *rc::gen::inRange(0, 3);
        if (rf == 0) r2.auto_renew = !r2.auto_renew;
        if (rf == 1) r2.bundle_type = r2.bundle_type == BundleType::business ? BundleType::trunk_only : BundleType::business;
        RC_ASSERT((r == r2) == (rf == 2));
        RC_ASSERT((r != r2) == (rf != 2));
        const RenewalPolicy p = *gen::policy();
        RenewalPolicy p2 = p;
        const int pf = *rc::gen::inRange(0, 5);
        if (pf == 0) p2.month_end = p2.month_end == MonthEnd::clamp ? MonthEnd::overflow : MonthEnd::clamp;
        if (pf == 1) p2.term_months += 1;
        if (pf == 2) p2.renew_days_before += 1;
        if (pf == 3) p2.renew_days_after += 1;
        RC_ASSERT((p == p2) == (pf == 4));
        RC_ASSERT((p != p2) == (pf != 4));
        SweepTotals t{*rc::gen::inRange<std::uint64_t>(0, 9), *rc::gen::inRange<std::uint64_t>(0, 9),
                      *rc::gen::inRange<std::uint64_t>(0, 9), *rc::gen::inRange<std::uint64_t>(0, 9)};
        SweepTotals t2 = t;
        const int tf = *rc::gen::inRange(0, 5);
        if (tf == 0) ++t2.none;
        if (tf == 1) ++t2.renew;
        if (tf == 2) ++t2.lapsed;
        if (tf == 3) ++t2.invalid;
        RC_ASSERT((t == t2) == (tf == 4));
        RC_ASSERT((t != t2) == (tf != 4));
        // Price lists: equal exactly when every type's price is.
        const PriceList l = *gen::prices();
        const int lf = *rc::gen::inRange(0, 6);  // 5: none changed
        std::array<Money, 5> m{};
        for (std::size_t i = 0; i < 5; ++i) m[i] = l.at(static_cast<BundleType>(i + 1)).value();
        if (lf < 5) m[static_cast<std::size_t>(lf)] = Money{m[static_cast<std::size_t>(lf)].minor == 0 ? 1 : 0};
        using T = BundleType;
        const PriceList l2 = *make_price_list(
            {{T::business, m[0]}, {T::residential, m[1]}, {T::fax_only, m[2]}, {T::trunk_only, m[3]}, {T::forward_only, m[4]}});
        RC_ASSERT((l == l2) == (lf == 5));
        RC_ASSERT((l != l2) == (lf != 5));
        const Money mo{*rc::gen::inRange<std::int64_t>(-5, 5)}, n{*rc::gen::inRange<std::int64_t>(-5, 5)};
        RC_ASSERT((mo < n) == (mo.minor < n.minor));
        RC_ASSERT((mo <= n) == (mo.minor <= n.minor));
        RC_ASSERT((mo > n) == (mo.minor > n.minor));
        RC_ASSERT((mo >= n) == (mo.minor >= n.minor));
        RC_ASSERT((mo == n) == (mo.minor == n.minor));
        RC_ASSERT((mo != n) == (mo.minor != n.minor));
        // Sums and differences are the minor units', or amount_out_of_range past a balance's range.
        const Money big = *gen::money(), other = *gen::money();
        const auto sum = add(big, other);
        const bool sum_right = sum.has_value() ? sum->minor == big.minor + other.minor
                                               : sum.error() == Error::amount_out_of_range &&
                                                     !ok_balance(Money{big.minor + other.minor});
        RC_ASSERT(sum_right);
        RC_ASSERT(subtract(big, other).value().minor == big.minor - other.minor);
        const std::string text = to_decimal_string(Money{-big.minor}, minor_digits<2>);
        RC_ASSERT(text.size() >= 4 && text[text.size() - 3] == '.');
        std::string digits = text;
        digits.erase(digits.size() - 3, 1);
        RC_ASSERT(std::stoll(digits) == -big.minor);
    });

    property("uuid and date text round-trip; output is lowercase", [] {
        const Uuid u = *gen::uuid();
        std::string text = to_string(u);
        RC_ASSERT(parse_uuid(text).has_value() && *parse_uuid(text) == u);
        for (char& ch : text) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
        RC_ASSERT(parse_uuid(text).has_value() && *parse_uuid(text) == u);
        const date::sys_days d = *gen::day();
        RC_ASSERT(*parse_iso_date(to_iso_string(d)) == d);
    });

    std::printf("\n%d properties x %d cases = %d cases per run; %d failed\n", properties, cases, properties * cases, failures);
    return failures == 0 ? 0 : 1;
}

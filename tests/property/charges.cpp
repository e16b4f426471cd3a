// Properties (rapidcheck) of update and its upgrade charge: dates kept, the charge bounded,
// the last term pro rata, the breakdown's total, the day-by-day sum as an independent oracle.
#include "support.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <optional>
#include <vector>

namespace props {

namespace {

// A day the bundle is in service on (before expires_on, maybe before created_on),
// favouring its chain's boundaries and the days around them. One pick, so a counterexample
// shows the day itself.
rc::Gen<date::sys_days> day_in_service(const Bundle& b, const RenewalPolicy& p) {
    return rc::gen::exec([b, p] {
        const date::sys_days last = b.expires_on() - date::days{1};
        const std::vector<date::sys_days> t = chain(b, p);
        const int pick = *rc::gen::inRange(0, 6);
        date::sys_days d = b.created_on();
        if (pick <= 1) d = *gen::day_between(b.created_on(), last);
        else if (pick == 2) d = b.created_on() - date::days{*rc::gen::inRange(1, 61)};  // before the first term
        else if (pick == 3) d = *gen::day_near(b.expires_on(), p);
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
    RC_ASSERT(t.back() == b.expires_on());
    std::vector<int> days_in(t.size() - 1, 0);
    std::size_t term = 0;
    for (date::sys_days d = std::max(today, b.created_on()); d < b.expires_on(); d += date::days{1}) {
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

}  // namespace

void update_keeps_dates_and_bounds_charge() {
    property("update never changes expires_on, created_on or uuid; it sets type and auto_renew", [] {
        const RenewalPolicy p = *gen::policy();
        const Bundle b = *gen::bundle(p);
        std::optional<PriceList> prices;
        if (*rc::gen::arbitrary<bool>()) prices = *gen::prices();
        const Context ctx = make_context(*gen::day_near(b.expires_on(), p), p, prices).value();
        const Request req = *gen::request();
        const auto r = update(b, req, ctx);
        const std::int64_t diff = prices ? prices->at(req.bundle_type)->minor - prices->at(b.bundle_type())->minor : 0;
        if (!r) {
            if (r.error() == Error::charge_out_of_range) {  // huge prices, many prepaid terms
                RC_ASSERT(ctx.today() < b.expires_on());
                RC_ASSERT(fails_with(upgrade_charge(b, req.bundle_type, ctx), Error::charge_out_of_range));
                return;
            }
            RC_ASSERT(r.error() == Error::not_in_service);
            RC_ASSERT(ctx.today() >= b.expires_on());
            return;
        }
        RC_ASSERT(ctx.today() < b.expires_on());
        RC_ASSERT(r->bundle.expires_on() == b.expires_on());
        RC_ASSERT(r->bundle.created_on() == b.created_on());
        RC_ASSERT(r->bundle.uuid() == b.uuid());
        RC_ASSERT(r->bundle.bundle_type() == req.bundle_type);
        RC_ASSERT(r->bundle.auto_renew() == req.auto_renew);
        // The charge: 0 for the same or a cheaper type; otherwise at most the difference for
        // each term not over yet (every prepaid day is charged), and at most the difference
        // once when only the last term is left.
        RC_ASSERT(r->charge.minor >= 0);
        if (diff <= 0) RC_ASSERT(r->charge.minor == 0);
        const std::vector<date::sys_days> t = chain(b, p);
        const auto ahead = std::count_if(t.begin() + 1, t.end(), [&](date::sys_days end) { return end > ctx.today(); });
        RC_ASSERT(r->charge.minor <= std::max<std::int64_t>(diff, 0) * ahead);
        if (ctx.today() >= term_start(b, p)) RC_ASSERT(r->charge.minor <= std::max<std::int64_t>(diff, 0));
    });
}

void charge_in_last_term() {
    property("upgrade charge in the last term is the price difference x days left / days in the term, half up", [] {
        const RenewalPolicy p = *gen::policy();
        const Bundle b = *gen::bundle(p);
        const PriceList prices = *gen::prices();
        const date::sys_days start = term_start(b, p);
        RC_ASSERT(start >= b.created_on());
        RC_ASSERT(start < b.expires_on());
        const Context ctx = make_context(*gen::day_between(start, b.expires_on() - date::days{1}), p, prices).value();
        const BundleType to = *gen::type();
        const auto charge = upgrade_charge(b, to, ctx);
        RC_ASSERT(charge.has_value());
        // term_start is the chain's last boundary: no whole term is prepaid after it.
        const auto breakdown = upgrade_charge_breakdown(b, to, ctx);
        RC_ASSERT(breakdown.has_value());
        RC_ASSERT(breakdown->prepaid_terms == 0);
        RC_ASSERT((breakdown->current == Term{start, b.expires_on()}));
        const std::int64_t diff = prices.at(to)->minor - prices.at(b.bundle_type())->minor;
        if (diff <= 0) {
            RC_ASSERT(charge->minor == 0);
            return;
        }
        const std::int64_t left = serial(b.expires_on()) - serial(ctx.today());
        const std::int64_t whole = serial(b.expires_on()) - serial(start);
        // Half up, checked without division: charge is the q with |diff*left/whole - q| <= 1/2, ties up.
        const std::int64_t q = charge->minor;
        RC_ASSERT(2 * q * whole <= 2 * diff * left + whole);
        RC_ASSERT(2 * diff * left + whole < 2 * (q + 1) * whole);
        RC_ASSERT(q <= diff);
    });
}

void charge_breakdown_totals() {
    property("upgrade charge breakdown: total = difference x prepaid terms + pro rata of the current term", [] {
        const RenewalPolicy p = *gen::policy();
        const Bundle b = *gen::bundle(p);
        std::optional<PriceList> prices;
        if (*rc::gen::inRange(0, 5) != 0) prices = *gen::prices();
        const Context ctx = make_context(*day_in_service(b, p), p, prices).value();
        const BundleType to = *gen::type();
        const auto u = upgrade_charge_breakdown(b, to, ctx);
        const std::int64_t diff =
            prices ? std::max<std::int64_t>(prices->at(to)->minor - prices->at(b.bundle_type())->minor, 0) : 0;
        if (!u) {  // only when the total passes max_amount
            RC_ASSERT(u.error() == Error::charge_out_of_range);
            RC_ASSERT(day_by_day_charge(b, p, ctx.today(), diff) > max_amount.minor);
            return;
        }
        RC_ASSERT(u->difference == Money{diff});
        RC_ASSERT(u->total.minor ==
                  diff * u->prepaid_terms + pro_rata(u->difference, u->days_left, u->current.days()).value().minor);
        const date::sys_days from = std::max(ctx.today(), b.created_on());
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
}

void charge_equals_day_by_day_sum() {
    property("upgrade charge equals the day-by-day sum over every prepaid day, rounded half up once", [] {
        const RenewalPolicy p = *gen::policy();
        const Bundle b = *gen::bundle(p);
        const PriceList prices = *gen::prices();
        const Context ctx = make_context(*day_in_service(b, p), p, prices).value();
        const BundleType to = *gen::type();
        const std::int64_t diff = std::max<std::int64_t>(prices.at(to)->minor - prices.at(b.bundle_type())->minor, 0);
        const std::int64_t expect = day_by_day_charge(b, p, ctx.today(), diff);
        const auto charge = upgrade_charge(b, to, ctx);
        if (expect > max_amount.minor) {
            RC_ASSERT(fails_with(charge, Error::charge_out_of_range));
        } else {
            RC_ASSERT(charge.has_value());
            RC_ASSERT(charge->minor == expect);
        }
    });
}

}  // namespace props

// Properties (rapidcheck) of renewal: inside the window one anchored term, outside it a 400,
// no drift of the anchor over many renewals (against tests/exhaustive/oracle.hpp's calendar).
#include "support.hpp"

namespace props {

namespace {

const date::sys_days first_1900 = date::sys_days{date::year{1900} / 1 / 1};
const date::sys_days last_2400 = date::sys_days{date::year{2400} / 12 / 31};

}  // namespace

void renewal_in_window_moves_one_term() {
    property("a renewal inside the window moves expiry exactly one anchored term", [] {
        const RenewalPolicy p = *gen::policy();
        const Bundle b = *gen::bundle(p);
        const RenewalWindow w = renewal_window(b, p);
        Context ctx = make_context(*gen::day_between(w.first, w.last), p).value();
        const auto r = renew(b, ctx);
        // Independently: clamp keeps created_on's day, clamped; overflow rolls from expires_on.
        const oracle::Ymd e = ymd(b.expires_on());
        const oracle::Ymd expect = p.month_end() == MonthEnd::clamp
                                       ? oracle::add_term_clamped(e, p.term_months(), ymd(b.created_on()).d,
                                                                   p.renew_days_before() + p.renew_days_after())
                                       : oracle::add_overflow(e, p.term_months());
        if (expect.y > 9999) {  // the next term would end after 9999-12-31
            RC_ASSERT(fails_with(r, Error::date_out_of_range));
            return;
        }
        RC_ASSERT(r.has_value());
        RC_ASSERT(ymd(r->bundle.expires_on()) == expect);
        // Nothing else moves; early or late, the same result.
        RC_ASSERT(r->bundle.created_on() == b.created_on());
        RC_ASSERT(r->bundle.uuid() == b.uuid());
        RC_ASSERT(r->bundle.bundle_type() == b.bundle_type());
        RC_ASSERT(r->bundle.auto_renew() == b.auto_renew());
        ctx = *ctx.with_today(w.first);
        RC_ASSERT(renew(b, ctx)->bundle == r->bundle);
        // The renewal leaves the window it was made in: a second one the same day is too early.
        ctx = *ctx.with_today(*gen::day_between(w.first, w.last));
        RC_ASSERT(fails_with(renew(r->bundle, ctx), Error::outside_renewal_window));
    });
}

void renewal_outside_window_refused() {
    property("renewal outside the window is a 400 outside_renewal_window, inside never is", [] {
        const RenewalPolicy p = *gen::policy();
        const Bundle b = *gen::bundle(p);
        const Context ctx = make_context(*gen::day_near(b.expires_on(), p), p).value();
        const auto r = renew(b, ctx);
        const bool inside = b.expires_on() - date::days{p.renew_days_before()} <= ctx.today() &&
                            ctx.today() <= b.expires_on() + date::days{p.renew_days_after()};
        if (inside) {  // a success, unless the next expiry would pass 9999-12-31
            RC_ASSERT(r.has_value() == next_expiry(b, p).has_value());
            if (!r) RC_ASSERT(r.error() == Error::date_out_of_range);
        } else {
            RC_ASSERT(fails_with(r, Error::outside_renewal_window));
            RC_ASSERT(status(r.error()) == Status::bad_request);
        }
    });
}

void anchor_never_drifts() {
    property("the anchor never drifts: after n renewals, expiry = created_on + (n+1) terms", [] {
        const RenewalPolicy p = *gen::policy();
        Context ctx = make_context(*gen::day_between(first_1900, last_2400), p).value();
        auto r = create(*gen::request(), *gen::uuid(), ctx);
        RC_ASSERT(r.has_value());
        Bundle b = r->bundle;
        const oracle::Ymd start = ymd(b.created_on());
        oracle::Ymd chained = ymd(b.expires_on());
        const int n = *rc::gen::inRange(1, 60);
        for (int k = 1; k <= n; ++k) {
            const RenewalWindow w = renewal_window(b, p);
            ctx = *ctx.with_today(*gen::day_between(w.first, w.last));  // early, on time or late
            r = renew(b, ctx);
            RC_ASSERT(r.has_value());
            b = r->bundle;
            if (p.month_end() == MonthEnd::clamp) {
                RC_ASSERT(ymd(b.expires_on()) == oracle::add_clamped(start, (k + 1) * p.term_months(), start.d));
            } else {
                chained = oracle::add_overflow(chained, p.term_months());
                RC_ASSERT(ymd(b.expires_on()) == chained);
            }
        }
    });
}

}  // namespace props

// Properties (rapidcheck) of off-chain bundles: an expiry that no create() and renew() made,
// as decoders accept one (any created_on < expires_on in range). The window, the state, the
// sweep, the renew quote and the envelopes must answer for them as they do for on-chain ones.
#include "support.hpp"

#include <voip/bundle_json.hpp>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace props {

namespace {

// Whether `e` is on the chain of terms from `c`, in the oracle's calendar (rules.md 3): clamp
// = c + n terms with c's day clamped; overflow = chained from each boundary.
bool on_oracle_chain(date::sys_days c, date::sys_days e, const RenewalPolicy& p) {
    const oracle::Ymd start = ymd(c), end = ymd(e);
    oracle::Ymd t = start;
    for (int n = 1; t < end; ++n)
        t = p.month_end() == MonthEnd::clamp ? oracle::add_clamped(start, n * p.term_months(), start.d)
                                             : oracle::add_overflow(t, p.term_months());
    return t == end;
}

}  // namespace

void off_chain_bundles_are_off_chain() {
    property("off-chain bundles: in range, after created_on, off the chain of terms; stored form round-trips", [] {
        const RenewalPolicy p = *gen::policy();
        const Bundle b = *gen::off_chain_bundle(p);
        RC_ASSERT(in_range(b.created_on()) && in_range(b.expires_on()));
        RC_ASSERT(b.created_on() < b.expires_on());
        RC_ASSERT(!on_oracle_chain(b.created_on(), b.expires_on(), p));
        RC_ASSERT((decode_bundle(encode_bundle(b)) == tl::expected<Bundle, Error>(b)));
    });
}

void off_chain_states_agree() {
    property("off-chain bundles: state, window, can_renew, allowed operations, sweep action and update agree", [] {
        const RenewalPolicy p = *gen::policy();
        const Bundle b = *gen::off_chain_bundle(p);
        const date::sys_days d = *rc::gen::weightedOneOf<date::sys_days>({{3, gen::day_near(b.expires_on(), p)}, {1, gen::day()}});
        const Context ctx = *gen::context(d, p);
        const State s = state_on(b, ctx);
        const RenewalWindow w = renewal_window(b, ctx);
        RC_ASSERT(s == state_on(ExpiresOn{b.expires_on()}, d, p));
        RC_ASSERT(w == renewal_window(b.expires_on(), p));
        RC_ASSERT(in_service(s) == (d < b.expires_on()));
        RC_ASSERT(renewable(s) == w.contains(d));
        RC_ASSERT(can_renew(b, ctx).has_value() == renewable(s));
        const OperationSet ops = allowed_operations(s);
        RC_ASSERT(ops.has(Operation::renew) == renewable(s));
        RC_ASSERT(ops.has(Operation::update) == in_service(s));
        const SweepAction a = sweep_action(b, ctx);
        RC_ASSERT(a == sweep_action(ExpiresOn{b.expires_on()}, b.auto_renew(), d, p));
        RC_ASSERT((a == SweepAction::renew) == (b.auto_renew() && renewable(s)));
        RC_ASSERT((a == SweepAction::lapsed) == (s == State::lapsed));
        // Update: refused exactly out of service; in service a charge (or one past max_amount),
        // the dates kept, whatever the term.
        const Result u = quote_update(b, *gen::request(), ctx);
        RC_ASSERT(fails_with(u, Error::not_in_service) == !in_service(s));
        if (in_service(s)) RC_ASSERT(u.has_value() || u.error() == Error::charge_out_of_range);
        if (u) RC_ASSERT(u->bundle.expires_on() == b.expires_on() && u->bundle.created_on() == b.created_on());
        RC_ASSERT(fails_with(quote_renew(b, ctx), Error::outside_renewal_window) == !renewable(s));
    });
}

void off_chain_sweep_agrees() {
    property("off-chain bundles: the sweep's three forms agree with per-bundle calls", [] {
        const RenewalPolicy p = *gen::policy();
        const date::sys_days today = *gen::day();
        const int n = *rc::gen::inRange(0, 30);
        std::vector<Bundle> bundles;
        std::vector<date::sys_days> expiries;
        std::unique_ptr<bool[]> flags(new bool[static_cast<std::size_t>(n) + 1]);
        SweepTotals expect;
        std::vector<Bundle> expect_reported;
        const Context ctx = make_context(today, p).value();
        for (int i = 0; i < n; ++i) {
            const Bundle b = *gen::off_chain_bundle_near(today, p);
            bundles.push_back(b);
            expiries.push_back(b.expires_on());
            flags[static_cast<std::size_t>(i)] = b.auto_renew();
            const SweepAction a = sweep_action(b, today, p);
            expect.add(a);
            if (a != SweepAction::none) expect_reported.push_back(b);
            // renew exactly when renew() passes its window check today.
            const Result r = renew(b, ctx);
            RC_ASSERT(!fails_with(r, Error::outside_renewal_window) == (renewable(state_on(b, ctx))));
            if (a == SweepAction::renew) RC_ASSERT(r.has_value() || r.error() == Error::date_out_of_range);
        }
        std::vector<Bundle> reported;
        RC_ASSERT(sweep(bundles.begin(), bundles.end(), today, p, [&](const Bundle& b, SweepAction) { reported.push_back(b); }) ==
                  expect);
        RC_ASSERT(reported == expect_reported);
        RC_ASSERT(sweep_totals(bundles.data(), bundles.size(), today, p) == expect);
        RC_ASSERT(sweep_totals(expiries.data(), flags.get(), bundles.size(), today, p) == expect);
        RC_ASSERT(expect.total() == static_cast<std::uint64_t>(n));
    });
}

void off_chain_renew_quote_agrees() {
    property("off-chain bundles: the renew quote, renew() and the envelope agree with the window", [] {
        const RenewalPolicy p = *gen::policy();
        const Bundle b = *gen::off_chain_bundle(p);
        const Context ctx = *gen::context(*gen::day_near(b.expires_on(), p), p);
        const Result q = quote_renew(b, ctx);
        const Result r = renew(b, ctx);
        const auto next = next_expiry(b, p);
        if (!can_renew(b, ctx)) {
            RC_ASSERT(fails_with(q, Error::outside_renewal_window) && fails_with(r, Error::outside_renewal_window));
        } else if (!next) {
            RC_ASSERT(fails_with(q, Error::date_out_of_range) && fails_with(r, Error::date_out_of_range));
        } else {
            RC_ASSERT(q.has_value());
            // One term from the old expiry, as the oracle counts it: created_on's day, clamped,
            // a month later when that is within a window's length; or expires_on's day rolled over.
            const oracle::Ymd e = ymd(b.expires_on());
            RC_ASSERT(ymd(q->bundle.expires_on()) == (p.month_end() == MonthEnd::clamp
                                                          ? oracle::add_term_clamped(e, p.term_months(), ymd(b.created_on()).d,
                                                                                     p.renew_days_before() + p.renew_days_after())
                                                          : oracle::add_overflow(e, p.term_months())));
            // Renewed inside its window, a bundle is in service again and not renewable again
            // in that window: its new expiry is more than before + after days after the old.
            RC_ASSERT(q->bundle.expires_on() > ctx.today());
            RC_ASSERT(fails_with(quote_renew(q->bundle, ctx), Error::outside_renewal_window));
            RC_ASSERT(q->bundle.expires_on() == *next);
            RC_ASSERT(q->bundle.created_on() == b.created_on() && q->bundle.uuid() == b.uuid());
            RC_ASSERT(q->bundle.bundle_type() == b.bundle_type() && q->bundle.auto_renew() == b.auto_renew());
            RC_ASSERT(q->charge == (ctx.prices() ? *ctx.prices()->at(b.bundle_type()) : Money{0}));
            RC_ASSERT(r.has_value() == affordable(q->charge, ctx));
            if (r) RC_ASSERT(*r == *q);
            else RC_ASSERT(fails_with(r, Error::insufficient_funds));
            // Early or late, the same quote.
            const RenewalWindow w = renewal_window(b, p);
            RC_ASSERT((quote_renew(b, *ctx.with_today(w.first)) == q));
            RC_ASSERT((quote_renew(b, *ctx.with_today(w.last)) == q));
        }
        // The envelope holds the renewed bundle exactly on success; its text says the same.
        const Envelope env = make_envelope(Operation::renew, r);
        RC_ASSERT((env.bundle() != nullptr) == r.has_value());
        RC_ASSERT(env.status() == (r ? Status::ok : status(r.error())));
        const auto j = nlohmann::json::parse(to_string(env, ErrorDetail::on));
        RC_ASSERT(j.at("status_code").get<int>() == code(env.status()));
        if (r) {
            RC_ASSERT(j.at("result").at("expires_on").get<std::string>() == to_iso_string(r->bundle.expires_on()));
            RC_ASSERT((decode_bundle(encode_bundle(r->bundle)) == tl::expected<Bundle, Error>(r->bundle)));
        } else {
            RC_ASSERT(j.at("result").empty() && j.at("error").get<std::string>() == std::string(name(r.error())));
        }
    });
}

}  // namespace props

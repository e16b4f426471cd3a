// The sandbox's clock: moving an account's today runs the daily sweep (RULES 6) for each day passed.
#include <algorithm>

#include "sandbox.hpp"

namespace voip_sandbox {

// Day by day, in order: the bundles whose window closed the day before lapse (once: the
// lapsed flag takes them out of the index), then every auto-renew bundle whose window is
// open is renewed and charged; short funds leave it due for the next day. Both sets come
// from the range queries on the index of expires_on with voip::sweep_ranges' bounds, so a
// day costs in proportion to the bundles due, not to the store. Days on which nothing can
// happen are skipped: the next day anything is due is the earliest window opening of an
// auto-renew bundle or the day after the earliest window closes.
Sandbox::SweepCounts Sandbox::advance(const Caller& c, date::sys_days to) {
    SweepCounts n;
    AccountState s = store_.account(c.id);
    const voip::PriceList& prices = c.account->config.prices;
    for (date::sys_days day = s.today + date::days{1}; day <= to; day += date::days{1}) {
        const auto renewing = store_.first_expiry(c.id, true);
        const auto other = store_.first_expiry(c.id, false);
        if (!renewing && !other) break;
        const date::sys_days earliest = renewing && other ? std::min(*renewing, *other) : renewing ? *renewing : *other;
        // The windows are clipped at 9999-12-31: a window closing there lapses after any `to`.
        date::sys_days next = voip::renewal_window(earliest, config_.policy).last + date::days{1};
        if (renewing) next = std::min(next, voip::renewal_window(*renewing, config_.policy).first);
        if (next > to) break;
        if (next > day) day = next;
        const auto ranges = voip::sweep_ranges(day, config_.policy);
        if (!ranges) throw std::runtime_error("sweep_ranges refused the configured policy");
        for (StoredBundle& b : store_.lapsing(c.id, ranges->lapsed_before)) {
            b.lapsed = true;
            store_.update(c.id, b);
            store_.add_event(c.id, Event{0, day, b.bundle.uuid(), b.customer, EventKind::lapsed, voip::Money{0}, s.balance});
            ++n.lapsed;
        }
        for (StoredBundle& b : store_.due_for_renewal(c.id, ranges->renew_first, ranges->renew_last)) {
            const auto ctx = voip::make_context(day, config_.policy, prices, s.balance);
            if (!ctx) throw std::runtime_error("account state out of range: " + std::string(voip::name(ctx.error())));
            const voip::Result r = voip::renew(b.bundle, *ctx);
            if (!r) {
                store_.add_event(c.id, Event{0, day, b.bundle.uuid(), b.customer, EventKind::renewal_failed, voip::Money{0},
                                             s.balance, std::string(voip::name(r.error()))});
                ++n.renewal_failed;
                continue;
            }
            b.bundle = r->bundle;
            b.updated_on = day;
            store_.update(c.id, b);
            s.balance = store_.charge(c.id, s.balance, Event{0, day, b.bundle.uuid(), b.customer, EventKind::renewed, r->charge, {}});
            ++n.renewed;
        }
    }
    store_.set_today(c.id, to);
    return n;
}

}  // namespace voip_sandbox

// The sandbox's clock: moving an account's today runs the daily sweep (rules.md 6) for each day passed.
#include <algorithm>

#include "sandbox.hpp"

namespace voip_sandbox {

namespace {
// A day's bundles are read this many at a time, so no single read holds the store for long
// when thousands fall due on one day.
constexpr std::int64_t sweep_rows = 64;
}  // namespace

// Day by day, in order: the bundles whose window closed the day before lapse (once: the
// lapsed flag takes them out of the index), then every auto-renew bundle whose window is
// open is renewed and charged; short funds leave it due for the next day. Both sets come
// from the range queries on the index of expires_on with voip::sweep_ranges' bounds, so a
// day costs in proportion to the bundles due, not to the store. Days on which nothing can
// happen are skipped: the next day anything is due is the earliest window opening of an
// auto-renew bundle or the day after the earliest window closes.
//
// The work is committed in short transactions: once a transaction has run for the slice,
// it commits with the clock at the last day swept whole (and, inside a day, the key of the
// last bundle renewed) and `breathe` lets the store's lock go, so other accounts' requests
// are answered. This account's own requests wait for the whole move (its busy mutex), so
// nothing it reads between two transactions changes. A crash between them leaves that
// prefix; the next move starts on the day after the clock, from the mark (or from the day's
// start when another write of the account cleared it, sandbox.cpp). A stop (stop_moves)
// ends the move at a slice's end the same way, its prefix committed.
class Sandbox::Sweep {
public:
    struct Stopped {};

    Sweep(Sandbox& s, const Caller& c, std::function<void()> breathe)
        : store_(s.store_), policy_(s.config_.policy), prices_(c.account->config.prices), account_(c.id),
          slice_(s.options_.sweep_slice), stopping_(s.stopping_), breathe_(std::move(breathe)) {}

    SweepCounts run(date::sys_days to) {
        const AccountState s = store_.account(account_);
        if (to <= s.today) return n_;
        balance_ = s.balance;
        std::optional<SweepMark> mark = store_.sweep_mark(account_);
        if (mark && mark->day != s.today + date::days{1}) mark.reset();  // not this clock's day: not ours
        slice_end_ = std::chrono::steady_clock::now() + slice_;
        for (date::sys_days day = s.today + date::days{1}; day <= to; day += date::days{1}) {
            if (!mark) {
                const auto next = next_day(day, to);
                if (!next) break;
                day = *next;
            }
            const auto ranges = voip::sweep_ranges(day, policy_);
            if (!ranges) throw std::runtime_error("sweep_ranges refused the configured policy");
            if (!mark) lapse(day, ranges->lapsed_before);
            renew(day, ranges->renew_last, mark ? mark->after : SweepKey{ranges->renew_first, {}, {}});
            mark.reset();
            pause_if_spent(day, std::nullopt);
        }
        store_.set_progress(account_, to, std::nullopt);
        return n_;
    }

private:
    // The first day from `day` on which anything is due, if it comes by `to`. The windows are
    // clipped at 9999-12-31: a window closing there lapses after any `to`.
    std::optional<date::sys_days> next_day(date::sys_days day, date::sys_days to) {
        const auto renewing = store_.first_expiry(account_, true);
        const auto other = store_.first_expiry(account_, false);
        if (!renewing && !other) return std::nullopt;
        const date::sys_days earliest = renewing && other ? std::min(*renewing, *other) : renewing ? *renewing : *other;
        date::sys_days next = voip::renewal_window(earliest, policy_).last + date::days{1};
        if (renewing) next = std::min(next, voip::renewal_window(*renewing, policy_).first);
        if (next > to) return std::nullopt;
        return std::max(next, day);
    }

    void lapse(date::sys_days day, date::sys_days before) {
        for (;;) {
            std::vector<StoredBundle> rows = store_.lapsing(account_, before, sweep_rows);
            for (StoredBundle& b : rows) {
                b.lapsed = true;
                store_.update(account_, b);
                store_.add_event(account_, Event{0, day, b.bundle.uuid(), b.customer, EventKind::lapsed, voip::Money{0}, balance_});
                ++n_.lapsed;
                pause_if_spent(day - date::days{1}, std::nullopt);  // the rest lapse on the day's next sweep
            }
            if (static_cast<std::int64_t>(rows.size()) < sweep_rows) return;
        }
    }

    // The day's renewals after `after`, in order, each bundle at most once: the model renews
    // the bundles due when the day begins. A renewed bundle leaves the range: the library puts
    // its new expiry more than before + after days past the old one (add_term, off its chain
    // too), beyond any window holding the day. renewed_on makes the once a day the store's own as well: a row
    // renewed this day is skipped, after a crash and a resume too, whatever a write between
    // them did (a PUT rewrites updated_on, never renewed_on). One refused stays in the range,
    // behind the key the next read starts from.
    void renew(date::sys_days day, date::sys_days last, SweepKey after) {
        for (;;) {
            std::vector<StoredBundle> rows = store_.due_after(account_, after, last, sweep_rows);
            for (StoredBundle& b : rows) {
                after = SweepKey{b.bundle.expires_on(), voip::to_string(b.bundle.uuid()), b.customer};
                if (b.renewed_on == day) continue;
                renew_one(day, b);
                pause_if_spent(day - date::days{1}, SweepMark{day, after});
            }
            if (static_cast<std::int64_t>(rows.size()) < sweep_rows) return;
        }
    }

    void renew_one(date::sys_days day, StoredBundle& b) {
        const auto ctx = voip::make_context(day, policy_, prices_, balance_);
        if (!ctx) throw std::runtime_error("account state out of range: " + std::string(voip::name(ctx.error())));
        const voip::Result r = voip::renew(b.bundle, *ctx);
        if (!r) {
            store_.add_event(account_, Event{0, day, b.bundle.uuid(), b.customer, EventKind::renewal_failed, voip::Money{0},
                                             balance_, std::string(voip::name(r.error()))});
            ++n_.renewal_failed;
            return;
        }
        b.bundle = r->bundle;
        b.updated_on = day;
        b.renewed_on = day;
        store_.update(account_, b);
        balance_ = store_.charge(account_, balance_, Event{0, day, b.bundle.uuid(), b.customer, EventKind::renewed, r->charge, {}});
        ++n_.renewed;
    }

    // `swept`: the last day swept whole; `mark`: how far the day after it has come.
    void pause_if_spent(date::sys_days swept, const std::optional<SweepMark>& mark) {
        if (std::chrono::steady_clock::now() < slice_end_) return;
        store_.set_progress(account_, swept, mark);
        if (stopping_) throw Stopped{};  // the request's transaction commits the progress
        breathe_();
        slice_end_ = std::chrono::steady_clock::now() + slice_;
    }

    Store& store_;
    const voip::RenewalPolicy& policy_;
    const voip::PriceList& prices_;
    const std::int64_t account_;
    const std::chrono::milliseconds slice_;
    const std::atomic<bool>& stopping_;
    const std::function<void()> breathe_;
    voip::Money balance_{0};
    SweepCounts n_;
    std::chrono::steady_clock::time_point slice_end_;
};

Sandbox::SweepCounts Sandbox::advance(const Caller& c, date::sys_days to, const std::function<void()>& breathe) {
    try {
        return Sweep(*this, c, breathe).run(to);
    } catch (const Sweep::Stopped&) {
        SweepCounts n;
        n.stopped = true;
        return n;
    }
}

}  // namespace voip_sandbox

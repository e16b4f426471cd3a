// Inputs of kinds term (every month end and leap day of several years, both month-end
// modes), window (every day from the window's edge - 1 to its end + 1), feature and sweep.
#include "gen.hpp"

namespace voip_conformance {

namespace {

const int term_years[] = {1900, 2000, 2019, 2020, 2023, 2024, 2100};

void first_expiries(Vectors& out) {
    for (const voip::RenewalPolicy& p : seed_policies())
        for (const int y : term_years)
            for (const date::sys_days d : month_end_days(y))
                out.push_back({"term", "first_expiry", Json{{"start", day_json(d)}, {"policy", policy_json(p)}}});
    for (const voip::MonthEnd m : {voip::MonthEnd::clamp, voip::MonthEnd::overflow})
        for (const int term : {3, 12})
            for (const int y : {2020, 2023})
                for (const date::sys_days d : month_end_days(y))
                    out.push_back({"term", "first_expiry",
                                   Json{{"start", day_json(d)}, {"policy", policy_json(policy(m, term, 10, 10))}}});
    // The range's ends: the first day, and terms that would end after 9999-12-31.
    for (const voip::RenewalPolicy& p : {seed_policies()[0], seed_policies()[1], other_policies()[3]})
        for (const date::sys_days d : {ymd(1, 1, 1), ymd(9998, 12, 31), ymd(9999, 11, 30), ymd(9999, 12, 1), ymd(9999, 12, 31)})
            out.push_back({"term", "first_expiry", Json{{"start", day_json(d)}, {"policy", policy_json(p)}}});
}

// add_term along the chain of an anchor on a month end: the 2nd and 3rd terms.
void add_terms(Vectors& out) {
    for (const voip::RenewalPolicy& p : seed_policies())
        for (const int y : {2019, 2020, 2100})
            for (const date::sys_days anchor : month_end_days(y)) {
                date::sys_days from = *voip::first_expiry(anchor, p);
                for (int k = 0; k < 2; ++k) {
                    out.push_back({"term", "add_term",
                                   Json{{"from", day_json(from)}, {"anchor", day_json(anchor)}, {"policy", policy_json(p)}}});
                    from = *voip::add_term(from, voip::CreatedOn{anchor}, p);
                }
            }
    // Another anchor than the chain's, days past the anchor's (clamp: the anchor's day of the
    // month after when the next is within before + after days: 9 days on, then 8, then 1),
    // and the range's end.
    const voip::RenewalPolicy clamp = seed_policies()[0];
    for (const auto& [from, anchor] : {std::pair{ymd(2019, 2, 28), ymd(2019, 1, 31)}, {ymd(2019, 2, 28), ymd(2019, 1, 30)},
                                       {ymd(2020, 2, 29), ymd(2019, 12, 31)}, {ymd(2019, 4, 30), ymd(2019, 1, 15)},
                                       {ymd(2019, 1, 23), ymd(2018, 3, 1)}, {ymd(2019, 1, 24), ymd(2018, 3, 1)},
                                       {ymd(2019, 1, 31), ymd(2018, 3, 1)}, {ymd(9999, 11, 30), ymd(9999, 1, 1)},
                                       {ymd(9999, 12, 5), ymd(9999, 1, 5)}, {ymd(9999, 11, 30), ymd(9999, 1, 31)}})
        for (const voip::RenewalPolicy& p : {clamp, seed_policies()[1]})
            out.push_back({"term", "add_term", Json{{"from", day_json(from)}, {"anchor", day_json(anchor)}, {"policy", policy_json(p)}}});
}

void next_expiries(Vectors& out) {
    int n = 0;
    for (const voip::RenewalPolicy& p : seed_policies())
        for (const int y : {2000, 2023, 2024})
            for (const date::sys_days d : month_end_days(y))
                out.push_back({"term", "next_expiry",
                               Json{{"bundle", bundle_json(chain_bundle(++n, d, y == 2024 ? 1 : 0, p))}, {"policy", policy_json(p)}}});
    // Off the chain (made under the other mode), and a renewal past 9999-12-31.
    for (const voip::RenewalPolicy& p : seed_policies()) {
        const voip::Bundle other = chain_bundle(++n, ymd(2019, 1, 31), 1, p == seed_policies()[0] ? seed_policies()[1] : seed_policies()[0]);
        out.push_back({"term", "next_expiry", Json{{"bundle", bundle_json(other)}, {"policy", policy_json(p)}}});
        const voip::Bundle last = bundle(++n, ymd(9999, 10, 31), ymd(9999, 12, 31), 1, false);
        out.push_back({"term", "next_expiry", Json{{"bundle", bundle_json(last)}, {"policy", policy_json(p)}}});
    }
}

void term_starts(Vectors& out) {
    for (const voip::RenewalPolicy& p : seed_policies())
        for (const int y : {2020, 2021})
            for (const date::sys_days created : month_end_days(y)) {
                date::sys_days end = created;
                for (int k = 0; k < 3; ++k) {
                    end = *voip::add_term(end, voip::CreatedOn{created}, p);
                    out.push_back({"term", "term_start", Json{{"created_on", day_json(created)}, {"term_end", day_json(end)}, {"policy", policy_json(p)}}});
                }
                // An end off the chain: one day later.
                out.push_back({"term", "term_start", Json{{"created_on", day_json(created)}, {"term_end", day_json(plus(end, 1))}, {"policy", policy_json(p)}}});
            }
}

}  // namespace

void gen_terms(Vectors& out) {
    first_expiries(out);
    add_terms(out);
    next_expiries(out);
    term_starts(out);
}

namespace {

const date::sys_days window_expiries[] = {ymd(2018, 9, 1), ymd(2019, 3, 1), ymd(2020, 3, 1), ymd(2020, 12, 31), ymd(1, 1, 3), ymd(9999, 12, 31)};

// The days around the window of `expires`: every day for the seed's -4..+6, the edges otherwise.
std::vector<int> offsets(const voip::RenewalPolicy& p) {
    const int b = p.renew_days_before(), a = p.renew_days_after();
    if (b == 3 && a == 5) return {-4, -3, -2, -1, 0, 1, 2, 3, 4, 5, 6};
    return {-b - 1, -b, -1, 0, a, a + 1};
}

void window_days(Vectors& out) {
    int n = 100;
    std::vector<voip::RenewalPolicy> ps = {seed_policies()[0]};
    for (const voip::RenewalPolicy& p : other_policies()) ps.push_back(p);
    for (const voip::RenewalPolicy& p : ps)
        for (const date::sys_days e : window_expiries) {
            const Json pj = policy_json(p);
            out.push_back({"window", "renewal_window", Json{{"expires_on", day_json(e)}, {"policy", pj}}});
            const date::sys_days created = std::max(ymd(1, 1, 1), plus(e, -400));
            const voip::Bundle b = bundle(++n, created, e, 2, true);
            for (const int o : offsets(p)) {
                const date::sys_days day = plus(e, o);
                if (!in_range(day)) continue;
                out.push_back({"window", "state_on", Json{{"expires_on", day_json(e)}, {"day", day_json(day)}, {"policy", pj}}});
                out.push_back({"window", "can_renew", Json{{"bundle", bundle_json(b)}, {"day", day_json(day)}, {"policy", pj}}});
                for (const bool flag : {false, true})
                    out.push_back({"sweep", "sweep_action",
                                   Json{{"expires_on", day_json(e)}, {"auto_renew", flag}, {"day", day_json(day)}, {"policy", pj}}});
            }
        }
}

void features(Vectors& out) {
    const voip::RenewalPolicy p = seed_policies()[0];
    const char* const names[] = {"sip_accounts", "audio", "phone_numbers", "call_records", "short_codes", "efax",
                                 "voicemail", "caller_id", "sip_trunks", "wallboard", "phone_provisioning", "call_queueing"};
    for (int t = 1; t <= 5; ++t) {
        const voip::Bundle b = bundle(200 + t, ymd(2018, 8, 1), ymd(2018, 9, 1), t, false);
        for (const date::sys_days day : {ymd(2018, 8, 1), ymd(2018, 8, 31), ymd(2018, 9, 1), ymd(2018, 9, 7)})
            out.push_back({"feature", "features_on", Json{{"bundle", bundle_json(b)}, {"day", day_json(day)}, {"policy", policy_json(p)}}});
        for (const char* f : names)
            out.push_back({"feature", "check_feature",
                           Json{{"bundle", bundle_json(b)}, {"feature", f}, {"day", "2018-08-17"}, {"policy", policy_json(p)}}});
        out.push_back({"feature", "check_feature",
                       Json{{"bundle", bundle_json(b)}, {"feature", "caller_id"}, {"day", "2018-09-01"}, {"policy", policy_json(p)}}});
    }
    out.push_back({"feature", "check_feature", Json{{"bundle", nullptr}, {"feature", "efax"}, {"day", "2018-08-17"}, {"policy", policy_json(p)}}});
}

void sweeps(Vectors& out) {
    std::vector<voip::RenewalPolicy> ps = seed_policies();
    for (const voip::RenewalPolicy& p : other_policies()) ps.push_back(p);
    for (const voip::RenewalPolicy& p : ps)
        for (const date::sys_days day : {ymd(1, 1, 1), ymd(2018, 9, 1), ymd(2020, 2, 29), ymd(9999, 12, 31)})
            out.push_back({"sweep", "sweep_ranges", Json{{"day", day_json(day)}, {"policy", policy_json(p)}}});
    const voip::RenewalPolicy seed = ps[0];
    for (int size = 0; size <= 40; size += 8) {
        Json bundles = Json::array();
        for (int i = 0; i < size; ++i)
            bundles.push_back(bundle_json(bundle(300 + i, ymd(2018, 7, 1), plus(ymd(2018, 8, 20), i), 1 + i % 5, i % 3 != 0)));
        for (const date::sys_days day : {ymd(2018, 8, 25), ymd(2018, 9, 2)})
            out.push_back({"sweep", "sweep_totals", Json{{"bundles", bundles}, {"day", day_json(day)}, {"policy", policy_json(seed)}}});
    }
}

}  // namespace

void gen_windows(Vectors& out) {
    window_days(out);
    features(out);
    sweeps(out);
}

}  // namespace voip_conformance

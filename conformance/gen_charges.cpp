// Inputs of kind charge: create, update and renew as decisions (each quote_* and the
// operation with its funds check), and upgrade_charge_breakdown, on bundles renewed early,
// off their chain of terms, and around every edge of the window.
#include "gen.hpp"

namespace voip_conformance {

namespace {

// The bundles of the charge and call vectors: created on these days, renewed 0..2 times early.
const date::sys_days created_days[] = {ymd(2018, 8, 1), ymd(2018, 8, 17), ymd(2019, 1, 31), ymd(2020, 1, 30), ymd(2020, 2, 29)};

// The balances around a charge: none, short by one, exactly, plenty, owed.
std::vector<std::optional<std::int64_t>> balances_around(std::int64_t charge) {
    return {std::nullopt, charge - 1, charge, 100000, -1};
}

void creates(Vectors& out) {
    const voip::RenewalPolicy clamp = seed_policies()[0];
    const std::pair<date::sys_days, voip::RenewalPolicy> days[] = {
        {ymd(2018, 8, 1), clamp}, {ymd(2019, 1, 31), clamp}, {ymd(2019, 1, 31), seed_policies()[1]},
        {ymd(2020, 2, 29), other_policies()[3]}, {ymd(9999, 11, 30), clamp}, {ymd(9999, 12, 15), clamp}};
    int n = 400;
    for (const auto& [day, p] : days)
        for (const int type : {0, 1, 2, 5, 6}) {
            const Json req{{"bundle_type", type}, {"auto_renew", type % 2 == 0}};
            for (const bool priced : {false, true}) {
                const std::string uuid = voip::to_string(uuid_n(++n));
                out.push_back({"charge", "quote_create", Json{{"request", req}, {"uuid", uuid}, {"context", context(day, p, priced, std::nullopt)}}});
                const std::int64_t price = priced && type >= 1 && type <= 5 ? seed_prices().at(static_cast<voip::BundleType>(type))->minor : 0;
                // Without prices the balance is not looked at: one of them is enough.
                const auto balances = priced ? balances_around(price) : std::vector<std::optional<std::int64_t>>{0};
                for (const auto& balance : balances)
                    out.push_back({"charge", "create", Json{{"request", req}, {"uuid", uuid}, {"context", context(day, p, priced, balance)}}});
            }
        }
}

}  // namespace

std::vector<date::sys_days> update_days(const voip::Bundle& b, const voip::RenewalPolicy& p) {
    const date::sys_days first_end = *voip::first_expiry(b.created_on(), p);
    std::vector<date::sys_days> days = {b.created_on(), plus(first_end, -p.renew_days_before()), plus(first_end, -1)};
    if (first_end < b.expires_on()) days.push_back(first_end);
    days.push_back(plus(b.expires_on(), -1));
    days.push_back(b.expires_on());  // out of service: not_in_service
    return days;
}

namespace {

void updates(Vectors& out) {
    int n = 500;
    for (const voip::RenewalPolicy& p : seed_policies())
        for (const date::sys_days created : created_days)
            for (int renewals = 0; renewals <= 2; ++renewals) {
                const voip::Bundle b = chain_bundle(++n, created, renewals, p, 2, renewals == 1);
                for (const date::sys_days today : update_days(b, p)) {
                    for (const int to : {1, 5}) {
                        const Json req{{"bundle_type", to}, {"auto_renew", to != 5}};
                        out.push_back({"charge", "quote_update", Json{{"bundle", bundle_json(b)}, {"request", req}, {"context", context(today, p, true, std::nullopt)}}});
                    }
                    out.push_back({"charge", "upgrade_charge_breakdown", Json{{"bundle", bundle_json(b)}, {"to", 4}, {"context", context(today, p, true, std::nullopt)}}});
                    // The funds check around the upgrade to Business.
                    const voip::Context c = context_of(context(today, p, true, std::nullopt));
                    const auto charge = voip::upgrade_charge(b, voip::BundleType::business, c);
                    if (!charge || charge->minor == 0) continue;
                    const Json req{{"bundle_type", 1}, {"auto_renew", false}};
                    for (const std::int64_t balance : {charge->minor - 1, charge->minor})
                        out.push_back({"charge", "update", Json{{"bundle", bundle_json(b)}, {"request", req}, {"context", context(today, p, true, balance)}}});
                }
            }
}

// Off the chain: a bundle made under the other month-end mode, or with a hand-picked expiry;
// a type out of range; no prices; and a charge beyond max_amount.
void odd_upgrades(Vectors& out) {
    int n = 700;
    for (const voip::RenewalPolicy& p : seed_policies()) {
        const voip::RenewalPolicy other = p == seed_policies()[0] ? seed_policies()[1] : seed_policies()[0];
        for (const date::sys_days created : {ymd(2019, 1, 31), ymd(2020, 1, 31), ymd(2019, 3, 31)}) {
            const voip::Bundle b = chain_bundle(++n, created, 2, other, 5);
            for (const date::sys_days today : update_days(b, p))
                out.push_back({"charge", "upgrade_charge_breakdown", Json{{"bundle", bundle_json(b)}, {"to", 1}, {"context", context(today, p, true, std::nullopt)}}});
        }
        const voip::Bundle cut = bundle(++n, ymd(2018, 8, 1), ymd(2018, 10, 15), 3, false);
        for (const date::sys_days today : {ymd(2018, 8, 1), ymd(2018, 9, 1), ymd(2018, 10, 1), ymd(2018, 10, 14)})
            out.push_back({"charge", "upgrade_charge_breakdown", Json{{"bundle", bundle_json(cut)}, {"to", 4}, {"context", context(today, p, true, std::nullopt)}}});
    }
    const voip::RenewalPolicy clamp = seed_policies()[0];
    const voip::Bundle b = chain_bundle(++n, ymd(2018, 8, 1), 1, clamp, 2);
    for (const int to : {0, 2, 3, 6})
        out.push_back({"charge", "upgrade_charge_breakdown", Json{{"bundle", bundle_json(b)}, {"to", to}, {"context", context(ymd(2018, 8, 29), clamp, true, std::nullopt)}}});
    out.push_back({"charge", "upgrade_charge_breakdown", Json{{"bundle", bundle_json(b)}, {"to", 1}, {"context", context(ymd(2018, 8, 29), clamp, false, std::nullopt)}}});
    // A century prepaid at a large difference: charge_out_of_range.
    const voip::Bundle century = bundle(++n, ymd(2018, 8, 1), ymd(2118, 8, 1), 5, false);
    Json big = context(ymd(2018, 8, 17), clamp, true, std::nullopt);
    big["prices"]["1"] = 1'000'000'000'000'000;
    out.push_back({"charge", "upgrade_charge_breakdown", Json{{"bundle", bundle_json(century)}, {"to", 1}, {"context", big}}});
    out.push_back({"charge", "quote_update", Json{{"bundle", bundle_json(century)}, {"request", Json{{"bundle_type", 1}, {"auto_renew", false}}}, {"context", big}}});
    out.push_back({"charge", "quote_update", Json{{"bundle", bundle_json(b)}, {"request", Json{{"bundle_type", 6}, {"auto_renew", false}}}, {"context", big}}});
}

void renewals(Vectors& out) {
    int n = 800;
    std::vector<voip::RenewalPolicy> ps = seed_policies();
    ps.push_back(other_policies()[2]);
    for (const voip::RenewalPolicy& p : ps)
        for (const date::sys_days created : created_days)
            for (int renewals = 0; renewals <= 1; ++renewals) {
                const voip::Bundle b = chain_bundle(++n, created, renewals, p, 1 + renewals * 3, false);
                const date::sys_days e = b.expires_on();
                const int before = p.renew_days_before(), after = p.renew_days_after();
                for (const int o : {-before - 1, -before, 0, after, after + 1})
                    out.push_back({"charge", "quote_renew", Json{{"bundle", bundle_json(b)}, {"context", context(plus(e, o), p, true, std::nullopt)}}});
                const std::int64_t price = seed_prices().at(b.bundle_type())->minor;
                for (const auto& balance : balances_around(price))
                    out.push_back({"charge", "renew", Json{{"bundle", bundle_json(b)}, {"context", context(plus(e, -before), p, true, balance)}}});
                out.push_back({"charge", "renew", Json{{"bundle", bundle_json(b)}, {"context", context(e, p, false, 0)}}});
            }
    // A renewal that would end after 9999-12-31.
    const voip::Bundle last = bundle(++n, ymd(9999, 11, 1), ymd(9999, 12, 1), 2, true);
    for (const voip::RenewalPolicy& p : seed_policies())
        out.push_back({"charge", "quote_renew", Json{{"bundle", bundle_json(last)}, {"context", context(ymd(9999, 12, 1), p, true, std::nullopt)}}});
}

}  // namespace

void gen_charges(Vectors& out) {
    creates(out);
    updates(out);
    odd_upgrades(out);
    renewals(out);
}

}  // namespace voip_conformance

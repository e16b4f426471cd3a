// voip_conformance_generate: writes conformance/vectors.json (conformance/README.md) on
// standard output, every expected answer computed by the library. Deterministic: the same
// library gives the same bytes, which CI checks (scripts/check.d/75-conformance.sh).
#include <cstdio>
#include <exception>
#include <iostream>
#include <map>
#include <string>

#include "eval.hpp"
#include "gen.hpp"

namespace voip_conformance {

date::sys_days ymd(int y, unsigned m, unsigned d) { return date::sys_days{date::year{y} / date::month{m} / date::day{d}}; }
date::sys_days plus(date::sys_days d, int days) { return d + date::days{days}; }
bool in_range(date::sys_days d) { return voip::in_range(d); }

voip::RenewalPolicy policy(voip::MonthEnd m, int term, int before, int after) {
    return *voip::make_renewal_policy(m, voip::TermMonths{term}, voip::DaysBefore{before}, voip::DaysAfter{after});
}
std::vector<voip::RenewalPolicy> seed_policies() { return {policy(voip::MonthEnd::clamp), policy(voip::MonthEnd::overflow)}; }
std::vector<voip::RenewalPolicy> other_policies() {
    return {policy(voip::MonthEnd::clamp, 1, 0, 0), policy(voip::MonthEnd::overflow, 1, 13, 14),
            policy(voip::MonthEnd::clamp, 3, 10, 10), policy(voip::MonthEnd::overflow, 12, 30, 30)};
}
voip::PriceList seed_prices() {
    using T = voip::BundleType;
    return *voip::make_price_list({{T::business, voip::Money{1500}},
                                   {T::residential, voip::Money{900}},
                                   {T::fax_only, voip::Money{500}},
                                   {T::trunk_only, voip::Money{2000}},
                                   {T::forward_only, voip::Money{300}}});
}

voip::Uuid uuid_n(int n) {
    voip::Uuid u = *voip::parse_uuid("0fba8c48-99fc-4727-8ca7-c847376da415");
    u.bytes[14] = static_cast<std::uint8_t>(n >> 8);
    u.bytes[15] = static_cast<std::uint8_t>(n & 0xFF);
    return u;
}

voip::Bundle bundle(int n, date::sys_days created, date::sys_days expires, int type, bool auto_renew) {
    return *voip::make_bundle(uuid_n(n), voip::CreatedOn{created}, voip::ExpiresOn{expires},
                              static_cast<voip::BundleType>(type), auto_renew ? voip::AutoRenew::on : voip::AutoRenew::off);
}

voip::Bundle chain_bundle(int n, date::sys_days created, int renewals, const voip::RenewalPolicy& p, int type,
                          bool auto_renew) {
    voip::Bundle b = bundle(n, created, *voip::first_expiry(created, p), type, auto_renew);
    for (int i = 0; i < renewals; ++i) b = *b.renewed_until(voip::ExpiresOn{*voip::next_expiry(b, p)});
    return b;
}

Json context(date::sys_days today, const voip::RenewalPolicy& p, bool priced, std::optional<std::int64_t> balance) {
    return Json{{"today", day_json(today)},
                {"policy", policy_json(p)},
                {"prices", priced ? prices_json(seed_prices()) : Json(nullptr)},
                {"balance", balance ? Json(*balance) : Json(nullptr)}};
}

std::vector<date::sys_days> month_end_days(int year) {
    std::vector<date::sys_days> out;
    for (unsigned m = 1; m <= 12; ++m) {
        const date::year_month_day_last last{date::year{year}, date::month_day_last{date::month{m}}};
        out.push_back(date::sys_days{last});
    }
    const bool leap = date::year{year}.is_leap();
    if (leap) out.push_back(ymd(year, 2, 28));
    for (const unsigned d : {29u, 30u}) out.push_back(ymd(year, 1, d));
    out.push_back(ymd(year, 3, 30));
    return out;
}

namespace {

const char* const kinds[] = {"term", "window", "feature", "sweep", "charge", "call", "decode", "envelope", "value"};

void write(const Vectors& vs) {
    std::map<std::string, int> per_kind, per_op;
    for (const Vector& v : vs) ++per_kind[v.kind];
    Json counts = Json::object();
    for (const char* k : kinds) counts[k] = per_kind[k];
    std::cout << "{\"format\": \"voip-bundle conformance vectors\", \"version\": 1, \"library\": \""
              << voip::version_major << '.' << voip::version_minor << '.' << voip::version_patch
              << "\", \"generator\": \"conformance/generate.cpp\",\n \"count\": " << vs.size()
              << ", \"counts\": " << counts.dump() << ",\n \"vectors\": [\n";
    for (std::size_t i = 0; i < vs.size(); ++i) {
        const Vector& v = vs[i];
        char id[16];
        std::snprintf(id, sizeof id, "%04d", ++per_op[v.kind + "." + v.op]);
        Json j{{"id", v.kind + "." + v.op + "." + id}, {"kind", v.kind}, {"op", v.op}, {"input", v.input}};
        j["expect"] = evaluate(j);
        std::cout << "  " << j.dump(-1, ' ', true) << (i + 1 < vs.size() ? ",\n" : "\n");
    }
    std::cout << "]}\n";
}

}  // namespace

}  // namespace voip_conformance

int main() {
    using namespace voip_conformance;
    try {
        Vectors vs;
        gen_terms(vs);
        gen_windows(vs);
        gen_charges(vs);
        gen_calls(vs);
        gen_decoding(vs);
        gen_values(vs);
        write(vs);
        std::cout.flush();
        if (!std::cout) throw std::runtime_error("cannot write standard output");
    } catch (const std::exception& e) {
        std::cerr << "voip_conformance_generate: " << e.what() << '\n';
        return 1;
    }
    return 0;
}

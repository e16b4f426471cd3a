// The conformance vectors' wire forms (conformance/README.md): values of the library to and
// from JSON, shared by the generator (generate.cpp) and the C++ runner (check.cpp).
#pragma once
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>
#include <voip/bundle.hpp>
#include <voip/bundle_json.hpp>

namespace voip_conformance {

using Json = nlohmann::ordered_json;

// A vector's input that the library's own factories refuse is a broken vector, not an answer.
struct BadVector : std::runtime_error {
    using std::runtime_error::runtime_error;
};

inline date::sys_days day_of(const Json& j) {
    const auto d = voip::parse_iso_date(j.get<std::string>());
    if (!d) throw BadVector("not a day: " + j.dump());
    return *d;
}
inline Json day_json(date::sys_days d) { return voip::to_iso_string(d); }
inline std::int64_t day_count(date::sys_days d) { return d.time_since_epoch().count(); }

inline Json error_json(voip::Error e) {
    return Json{{"error", std::string(voip::name(e))}, {"status", voip::code(voip::status(e))}};
}
inline Json result_json(Json value) { return Json{{"result", std::move(value)}}; }

// Every operation's answer: {"result": value} or {"error": name, "status": code}.
template <class T, class F>
Json outcome(const tl::expected<T, voip::Error>& r, F&& to_json) {
    if (!r) return error_json(r.error());
    return result_json(to_json(*r));
}
inline Json outcome(const tl::expected<void, voip::Error>& r) {
    return r ? result_json(nullptr) : error_json(r.error());
}

inline voip::MonthEnd month_end_of(const Json& j) {
    const std::string s = j.get<std::string>();
    if (s == "clamp") return voip::MonthEnd::clamp;
    if (s == "overflow") return voip::MonthEnd::overflow;
    throw BadVector("not a month-end mode: " + j.dump());
}
inline const char* month_end_name(voip::MonthEnd m) { return m == voip::MonthEnd::clamp ? "clamp" : "overflow"; }

inline tl::expected<voip::RenewalPolicy, voip::Error> make_policy(const Json& j) {
    return voip::make_renewal_policy(month_end_of(j.at("month_end")), voip::TermMonths{j.at("term_months").get<int>()},
                                     voip::DaysBefore{j.at("renew_days_before").get<int>()},
                                     voip::DaysAfter{j.at("renew_days_after").get<int>()});
}
inline voip::RenewalPolicy policy_of(const Json& j) {
    const auto p = make_policy(j);
    if (!p) throw BadVector("not a policy: " + j.dump());
    return *p;
}
inline Json policy_json(const voip::RenewalPolicy& p) {
    return Json{{"month_end", month_end_name(p.month_end())},
                {"term_months", p.term_months()},
                {"renew_days_before", p.renew_days_before()},
                {"renew_days_after", p.renew_days_after()}};
}

inline voip::BundleType type_of(const Json& j) { return static_cast<voip::BundleType>(j.get<int>()); }

inline voip::Uuid uuid_of(const Json& j) {
    const auto u = voip::parse_uuid(j.get<std::string>());
    if (!u) throw BadVector("not a uuid: " + j.dump());
    return *u;
}

// {"1": price, ..., "5": price}
inline voip::PriceList prices_of(const Json& j) {
    const auto at = [&](const char* k) { return voip::Money{j.at(k).get<std::int64_t>()}; };
    using T = voip::BundleType;
    const auto p = voip::make_price_list({{T::business, at("1")},
                                          {T::residential, at("2")},
                                          {T::fax_only, at("3")},
                                          {T::trunk_only, at("4")},
                                          {T::forward_only, at("5")}});
    if (!p) throw BadVector("not a price list: " + j.dump());
    return *p;
}
inline Json prices_json(const voip::PriceList& p) {
    Json j = Json::object();
    for (int t = 1; t <= 5; ++t) j[std::to_string(t)] = p.at(static_cast<voip::BundleType>(t))->minor;
    return j;
}

inline tl::expected<voip::Context, voip::Error> make_context_of(const Json& j) {
    std::optional<voip::PriceList> prices;
    std::optional<voip::Money> balance;
    if (!j.at("prices").is_null()) prices = prices_of(j.at("prices"));
    if (!j.at("balance").is_null()) balance = voip::Money{j.at("balance").get<std::int64_t>()};
    return voip::make_context(day_of(j.at("today")), policy_of(j.at("policy")), prices, balance);
}
inline voip::Context context_of(const Json& j) {
    const auto c = make_context_of(j);
    if (!c) throw BadVector("not a context: " + j.dump());
    return *c;
}
inline Json context_json(const voip::Context& c) {
    return Json{{"today", day_json(c.today())},
                {"policy", policy_json(c.policy())},
                {"prices", c.prices() ? prices_json(*c.prices()) : Json(nullptr)},
                {"balance", c.balance() ? Json(c.balance()->minor) : Json(nullptr)}};
}

// A bundle in the members' order of a stored line (voip::schema::bundle).
inline Json bundle_json(const voip::Bundle& b) {
    return Json{{"auto_renew", b.auto_renew()},
                {"bundle_type", voip::code(b.bundle_type())},
                {"expires_on", day_json(b.expires_on())},
                {"uuid", voip::to_string(b.uuid())},
                {"created_on", day_json(b.created_on())}};
}
inline voip::Bundle bundle_of(const Json& j) {
    const auto b = voip::make_bundle(uuid_of(j.at("uuid")), voip::CreatedOn{day_of(j.at("created_on"))},
                                     voip::ExpiresOn{day_of(j.at("expires_on"))}, type_of(j.at("bundle_type")),
                                     j.at("auto_renew").get<bool>() ? voip::AutoRenew::on : voip::AutoRenew::off);
    if (!b) throw BadVector("not a bundle: " + j.dump());
    return *b;
}

inline Json request_json(const voip::Request& r) {
    return Json{{"bundle_type", voip::code(r.bundle_type)}, {"auto_renew", r.auto_renew}};
}
inline voip::Request request_of(const Json& j) {
    return voip::Request{j.at("auto_renew").get<bool>(), type_of(j.at("bundle_type"))};
}
inline Json decision_json(const voip::Decision& d) {
    return Json{{"bundle", bundle_json(d.bundle)}, {"charge", d.charge.minor}};
}

// A body or text: "body" when it is UTF-8, else "body_base64" (conformance/README.md).
std::string text_of(const Json& input, const char* name);
void put_text(Json& input, const char* name, std::string_view bytes);

}  // namespace voip_conformance

// Reading the sandbox's configuration file (config.hpp); every refusal names its place.
#include "config.hpp"

#include <algorithm>
#include <random>
#include <set>
#include <utility>

#include <nlohmann/json.hpp>
#include <voip/bundle_json.hpp>

namespace voip_sandbox {

namespace {

using nlohmann::json;

struct Refused {
    std::string why;
};

const json& member(const json& object, const char* name, const std::string& where) {
    const auto it = object.find(name);
    if (it == object.end()) throw Refused{where + ": \"" + name + "\" is missing"};
    return *it;
}

void only_members(const json& object, std::initializer_list<const char*> known, const std::string& where) {
    for (const auto& item : object.items()) {
        const std::string& key = item.key();
        if (std::none_of(known.begin(), known.end(), [&](const char* k) { return key == k; }))
            throw Refused{where + ": unknown member \"" + key + "\""};
    }
}

std::string text_member(const json& object, const char* name, const std::string& where) {
    const json& v = member(object, name, where);
    if (!v.is_string() || v.get_ref<const std::string&>().empty())
        throw Refused{where + "." + name + ": want a non-empty string"};
    return v.get<std::string>();
}

int small_integer(const json& v, const std::string& where) {
    if (!v.is_number_integer() || v.get<std::int64_t>() < 0 || v.get<std::int64_t>() > 366)
        throw Refused{where + ": want an integer in [0, 366]"};
    return static_cast<int>(v.get<std::int64_t>());
}

AccountConfig account(const json& a, const std::string& where) {
    if (!a.is_object()) throw Refused{where + ": want an object"};
    only_members(a, {"reseller", "user", "password", "balance", "prices", "customers"}, where);
    const json& balance = member(a, "balance", where);
    if (!balance.is_number_integer() || !voip::ok(voip::Money{balance.get<std::int64_t>()}))
        throw Refused{where + ".balance: want an integer in [0, 10^15] (minor units)"};
    // The library's price-list decoder, so the sandbox refuses what every host refuses.
    const auto prices = voip::decode_prices(member(a, "prices", where).dump());
    if (!prices)
        throw Refused{where + ".prices: " + std::string(voip::name(prices.error())) +
                      R"( (want {"1": price, ..., "5": price}, integers in minor units))"};
    AccountConfig out{text_member(a, "reseller", where), text_member(a, "user", where),
                      text_member(a, "password", where), voip::Money{balance.get<std::int64_t>()}, *prices, {}};
    if (const auto it = a.find("customers"); it != a.end()) {
        if (!it->is_array()) throw Refused{where + ".customers: want an array of names"};
        std::set<std::string> seen;
        for (const json& c : *it) {
            if (!c.is_string() || c.get_ref<const std::string&>().empty())
                throw Refused{where + ".customers: want non-empty strings"};
            if (!seen.insert(c.get<std::string>()).second)
                throw Refused{where + ".customers: \"" + c.get<std::string>() + "\" twice"};
            out.customers.push_back(c.get<std::string>());
        }
    }
    return out;
}

voip::RenewalPolicy policy(const json& p) {
    if (!p.is_object()) throw Refused{"policy: want an object"};
    only_members(p, {"month_end", "term_months", "renew_days_before", "renew_days_after"}, "policy");
    const voip::RenewalPolicy seed;
    voip::MonthEnd month_end = seed.month_end();
    if (const auto it = p.find("month_end"); it != p.end()) {
        if (*it == "clamp") month_end = voip::MonthEnd::clamp;
        else if (*it == "overflow") month_end = voip::MonthEnd::overflow;
        else throw Refused{R"(policy.month_end: want "clamp" or "overflow")"};
    }
    const auto number = [&p](const char* name, int fallback) {
        const auto it = p.find(name);
        return it == p.end() ? fallback : small_integer(*it, std::string("policy.") + name);
    };
    const auto out = voip::make_renewal_policy(month_end, voip::TermMonths{number("term_months", seed.term_months())},
                                               voip::DaysBefore{number("renew_days_before", seed.renew_days_before())},
                                               voip::DaysAfter{number("renew_days_after", seed.renew_days_after())});
    if (!out) throw Refused{"policy: not a valid renewal policy (term_months in [1, 12], windows shorter than a term)"};
    return *out;
}

}  // namespace

tl::expected<Config, std::string> parse_config(std::string_view text) {
    try {
        const json root = json::parse(text.begin(), text.end());
        if (!root.is_object()) throw Refused{"want an object {\"accounts\": [...], \"policy\": {...}}"};
        only_members(root, {"accounts", "policy"}, "config");
        const json& accounts = member(root, "accounts", "config");
        if (!accounts.is_array() || accounts.empty()) throw Refused{"accounts: want a non-empty array"};
        Config c;
        std::set<std::pair<std::string, std::string>> logins;
        for (std::size_t i = 0; i < accounts.size(); ++i) {
            AccountConfig a = account(accounts[i], "accounts[" + std::to_string(i) + "]");
            if (!logins.emplace(a.reseller, a.user).second)
                throw Refused{"accounts[" + std::to_string(i) + "]: reseller \"" + a.reseller + "\" and user \"" + a.user +
                              "\" twice"};
            c.accounts.push_back(std::move(a));
        }
        if (const auto it = root.find("policy"); it != root.end()) c.policy = policy(*it);
        return c;
    } catch (const Refused& r) {
        return tl::make_unexpected(r.why);
    } catch (const json::exception& e) {
        return tl::make_unexpected(std::string("not JSON: ") + e.what());
    }
}

Config generated_config() {
    static constexpr char alphabet[] = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    std::random_device seed;
    std::uniform_int_distribution<std::size_t> pick(0, sizeof alphabet - 2);
    std::string password;
    for (int i = 0; i < 20; ++i) password += alphabet[pick(seed)];
    using voip::BundleType;
    using voip::Money;
    const auto prices = voip::make_price_list({{BundleType::business, Money{1500}},
                                               {BundleType::residential, Money{900}},
                                               {BundleType::fax_only, Money{500}},
                                               {BundleType::trunk_only, Money{2000}},
                                               {BundleType::forward_only, Money{300}}});
    Config c;
    c.accounts.push_back({"sandbox", "test", password, Money{10000}, *prices, {"acme"}});
    c.generated = true;
    return c;
}

}  // namespace voip_sandbox

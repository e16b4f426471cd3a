// The control API's accounts: the balance set or topped up at runtime, accounts made and
// deleted at runtime, and the registry's start (the configuration's and the database's).
#include <algorithm>
#include <random>
#include <set>

#include <voip/bundle_nlohmann.hpp>

#include "sandbox.hpp"

namespace voip_sandbox {

namespace {

using nlohmann::ordered_json;

// A member that must be an amount in minor units: an integer in [0, max_amount]. None with
// the refusal's name: `bad` for what is no non-negative integer, amount_out_of_range above.
tl::expected<voip::Money, std::string_view> amount_of(const ordered_json& v, std::string_view bad) {
    if (!v.is_number_integer()) return tl::make_unexpected(bad);
    if (v.is_number_unsigned() && v.get<std::uint64_t>() > static_cast<std::uint64_t>(voip::max_amount.minor))
        return tl::make_unexpected(voip::name(voip::Error::amount_out_of_range));
    const std::int64_t n = v.get<std::int64_t>();
    if (n < 0) return tl::make_unexpected(bad);
    if (!voip::ok(voip::Money{n})) return tl::make_unexpected(voip::name(voip::Error::amount_out_of_range));
    return voip::Money{n};
}

// Accounts made at runtime, at most: each is a row and an entry of the registry.
constexpr std::size_t max_runtime_accounts = 10000;
constexpr std::size_t max_customers = 100;

std::string random_text(std::size_t n) {
    static constexpr char alphabet[] = "abcdefghijkmnopqrstuvwxyz23456789";
    std::random_device seed;
    std::uniform_int_distribution<std::size_t> pick(0, sizeof alphabet - 2);
    std::string out;
    for (std::size_t i = 0; i < n; ++i) out += alphabet[pick(seed)];
    return out;
}

// What a runtime account keeps besides its login: {"balance", "prices", "customers"}.
std::string settings_text(const AccountConfig& a) {
    return nlohmann::json{{"balance", a.balance.minor}, {"prices", a.prices}, {"customers", a.customers}}.dump();
}

// The stored account back, or none if its settings were edited into something else.
std::optional<AccountConfig> account_of(const StoredAccount& s) {
    const auto j = nlohmann::json::parse(s.settings, nullptr, false);
    if (!j.is_object() || !j.contains("balance") || !j["balance"].is_number_integer() || !j.contains("prices") ||
        !j.contains("customers") || !j["customers"].is_array())
        return std::nullopt;
    const auto prices = voip::decode_prices(j["prices"].dump());
    if (!prices) return std::nullopt;
    AccountConfig a{s.reseller, s.user, s.password, voip::Money{j["balance"].get<std::int64_t>()}, *prices, {}};
    for (const auto& c : j["customers"])
        if (c.is_string()) a.customers.push_back(c.get<std::string>());
    return a;
}

// The new account's settings from the body, each omitted member the asking account's; or the refusal.
tl::expected<AccountConfig, HttpResponse> new_account(const ordered_json& body, const AccountConfig& asking) {
    const auto refuse = [](std::string_view rule) { return tl::make_unexpected(refusal(400, rule)); };
    AccountConfig a{"", "", "", asking.balance, asking.prices, asking.customers};
    for (const auto& [name, v] : body.items()) {
        if (name == "balance") {
            const auto amount = amount_of(v, "account_body");
            if (!amount) return refuse(amount.error());
            a.balance = *amount;
        } else if (name == "prices") {
            const auto prices = voip::decode_prices(v.dump());
            if (!prices) return refuse(voip::name(prices.error()));
            a.prices = *prices;
        } else if (name == "customers") {
            if (!v.is_array() || v.size() > max_customers) return refuse("account_body");
            std::set<std::string> seen;
            a.customers.clear();
            for (const auto& c : v) {
                if (!c.is_string() || c.get_ref<const std::string&>().empty() || c.get_ref<const std::string&>().size() > 255 ||
                    !seen.insert(c.get<std::string>()).second)
                    return refuse("account_body");
                a.customers.push_back(c.get<std::string>());
            }
        } else if (name != "today") {
            return refuse("account_body");
        }
    }
    return a;
}

}  // namespace

void Sandbox::load_accounts(date::sys_days start) {
    Transaction t(store_.database());
    for (AccountConfig& a : config_.accounts) {
        account_ids_.push_back(store_.ensure_account(a.reseller, a.user, a.balance, start));
        // A generated password is kept by the database: a restart on the same file keeps it.
        if (config_.generated) a.password = store_.kept_password(account_ids_.back(), a.password, Origin::generated);
        accounts_.add(std::make_shared<Account>(account_ids_.back(), a, config_.generated ? Origin::generated : Origin::configured));
    }
    // Accounts made at runtime, unless the configuration now has their login.
    for (const StoredAccount& s : store_.runtime_accounts())
        if (const auto a = account_of(s)) accounts_.add(std::make_shared<Account>(s.id, *a, Origin::runtime));
    t.commit();
}

// An isolated account: its own clock, balance, customers and keys; its password shown this once.
HttpResponse Sandbox::create_account(const Caller& c, const HttpRequest& request) {
    auto parsed = json_object(request.body);
    if (!parsed) return std::move(parsed.error());
    auto made = new_account(*parsed, c.account->config);
    if (!made) return std::move(made.error());
    date::sys_days today = options_.start_day ? *options_.start_day : date::floor<date::days>(std::chrono::system_clock::now());
    if (const auto it = parsed->find("today"); it != parsed->end()) {
        if (!it->is_string()) return refusal(400, "account_body");
        const auto day = voip::parse_iso_date(it->get_ref<const std::string&>());
        if (!day) return refusal(400, voip::name(day.error()));
        today = *day;
    }
    if (accounts_.count(Origin::runtime) >= max_runtime_accounts) return refusal(400, "account_limit_reached");
    AccountConfig& a = *made;
    do a.reseller = "sandbox-" + random_text(12);
    while (accounts_.has_reseller(a.reseller));
    a.user = "test";
    a.password = random_text(24);
    const std::int64_t id = store_.add_runtime_account({0, a.reseller, a.user, a.password, settings_text(a)}, a.balance, today);
    auto account = std::make_shared<Account>(id, a, Origin::runtime);
    after_commit_.emplace_back([this, account] { accounts_.add(account); });
    return envelope(201, {{"reseller", a.reseller},
                          {"user", a.user},
                          {"password", a.password},
                          {"balance", a.balance.minor},
                          {"today", iso(today)},
                          {"customers", a.customers}});
}

// The caller's own account, if made at runtime, and all it owns. Another reseller is
// answered as one that does not exist.
HttpResponse Sandbox::delete_account(const Caller& c, const std::string& reseller) {
    if (reseller != c.account->config.reseller) return refusal(404, "unknown_account");
    if (c.account->origin != Origin::runtime || !c.customer.empty()) return refusal(400, "account_not_deletable");
    store_.delete_account(c.id);
    after_commit_.emplace_back([this, account = c.account] {
        accounts_.remove(account);
        faults_.erase(account->id);
    });
    return envelope(200, ordered_json::object());
}

// {"balance": N} sets the balance, {"add": N} tops it up; an event records the change, so
// balance = start - charges + amounts holds event by event.
HttpResponse Sandbox::set_balance(const Caller& c, const HttpRequest& request) {
    auto parsed = json_object(request.body);
    if (!parsed) return std::move(parsed.error());
    const ordered_json& body = *parsed;
    const bool set = body.contains("balance");
    if (body.size() != 1 || !(set || body.contains("add"))) return refusal(400, "balance_body");
    const auto amount = amount_of(body.begin().value(), "balance_body");
    if (!amount) return refusal(400, amount.error());
    const AccountState s = store_.account(c.id);
    const voip::Money after = set ? *amount : voip::Money{s.balance.minor + amount->minor};
    if (!voip::ok(after)) return refusal(400, voip::name(voip::Error::amount_out_of_range));
    store_.adjust(c.id, s.balance,
                  Event{0, s.today, std::nullopt, c.customer, set ? EventKind::balance_set : EventKind::balance_added,
                        voip::Money{0}, after});
    return account(c);
}

}  // namespace voip_sandbox

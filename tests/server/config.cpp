// The configuration file: what it accepts and the reason it gives for what it refuses.
#include <doctest/doctest.h>

#include <config.hpp>

using namespace voip_sandbox;

namespace {
const char* const good = R"({"accounts": [{"reseller": "r", "user": "u", "password": "p", "balance": 10000,
  "prices": {"1": 1500, "2": 900, "3": 500, "4": 2000, "5": 300}, "customers": ["acme"]}], "policy": {"month_end": "clamp"}})";

std::string refusal(const std::string& text) {
    const auto c = parse_config(text);
    REQUIRE(!c.has_value());
    return c.error();
}
std::string with(const std::string& from, const std::string& to) {
    std::string s = good;
    const auto at = s.find(from);
    REQUIRE(at != std::string::npos);
    return s.replace(at, from.size(), to);
}
}  // namespace

TEST_CASE("the issue's example configuration") {
    const auto c = parse_config(good);
    REQUIRE(c.has_value());
    REQUIRE(c->accounts.size() == 1);
    CHECK(c->accounts[0].reseller == "r");
    CHECK(c->accounts[0].balance == voip::Money{10000});
    CHECK(*c->accounts[0].prices.at(voip::BundleType::trunk_only) == voip::Money{2000});
    CHECK(c->accounts[0].customers == std::vector<std::string>{"acme"});
    CHECK(c->policy == voip::RenewalPolicy{});
    CHECK(!c->generated);
    const auto overflow = parse_config(with(R"("clamp")", R"("overflow", "renew_days_before": 2)"));
    REQUIRE(overflow.has_value());
    CHECK(overflow->policy == voip::make_renewal_policy(voip::MonthEnd::overflow, voip::TermMonths{1}, voip::DaysBefore{2}, voip::DaysAfter{5}).value());
}

TEST_CASE("each refusal names its place") {
    CHECK(refusal("{").find("not JSON") == 0);
    CHECK(refusal("[]").find("want an object") != std::string::npos);
    CHECK(refusal(R"({"accounts": []})") == "accounts: want a non-empty array");
    CHECK(refusal(with(R"("user": "u", )", "")) == R"(accounts[0]: "user" is missing)");
    CHECK(refusal(with(R"("password": "p")", R"("password": "")")) == "accounts[0].password: want a non-empty string");
    CHECK(refusal(with("10000", "-1")).find("accounts[0].balance") == 0);
    CHECK(refusal(with(R"("5": 300)", R"("6": 300)")).find("accounts[0].prices: ") == 0);
    CHECK(refusal(with(R"(["acme"])", R"(["acme", "acme"])")) == R"(accounts[0].customers: "acme" twice)");
    CHECK(refusal(with(R"("clamp")", R"("sideways")")) == R"(policy.month_end: want "clamp" or "overflow")");
    CHECK(refusal(with(R"("clamp")", R"("clamp", "renew_days_before": 20, "renew_days_after": 20)")).find("policy: ") == 0);
    CHECK(refusal(with(R"("policy")", R"("polic")")) == R"(config: unknown member "polic")");
    const std::string two = std::string(good).replace(std::string(good).find("}]"), 2,
                                                      R"(}, {"reseller": "r", "user": "u", "password": "q", "balance": 1,
        "prices": {"1": 1, "2": 1, "3": 1, "4": 1, "5": 1}}])");
    CHECK(refusal(two) == R"(accounts[1]: reseller "r" and user "u" twice)");
}

TEST_CASE("the generated account") {
    const Config a = generated_config();
    const Config b = generated_config();
    REQUIRE(a.accounts.size() == 1);
    CHECK(a.generated);
    CHECK(a.accounts[0].password.size() == 20);
    CHECK(a.accounts[0].password != b.accounts[0].password);
    CHECK(a.accounts[0].balance == voip::Money{10000});
}

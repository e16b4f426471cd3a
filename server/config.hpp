// The sandbox's configuration: accounts (credentials, balance, prices, customers) and policy.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include <tl/expected.hpp>
#include <voip/bundle.hpp>

namespace voip_sandbox {

struct AccountConfig {
    std::string reseller;
    std::string user;
    std::string password;
    voip::Money balance;  // the balance a new database, or POST /sandbox/reset, starts from
    voip::PriceList prices;
    std::vector<std::string> customers;  // names X-Auth-For may give
};

struct Config {
    std::vector<AccountConfig> accounts;  // at least one; (reseller, user) unique
    voip::RenewalPolicy policy;
    bool generated = false;  // made up because no --config was given: print the credentials
};

// The file's text to a Config, or one line saying what is wrong and where.
[[nodiscard]] tl::expected<Config, std::string> parse_config(std::string_view text);

// The account `voip-bundle serve` starts with when no --config is given: reseller
// "sandbox", user "test", a random password, balance 10000, the price list of the issue.
[[nodiscard]] Config generated_config();

}  // namespace voip_sandbox

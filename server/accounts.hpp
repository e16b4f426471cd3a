// The accounts a request may authenticate as: the configuration's (or the generated one) and
// those made at runtime by POST /sandbox/accounts, found by login on every request.
#pragma once
// Read without the sandbox's lock (credentials are checked before it is taken), changed only
// after the transaction that stores the change has committed; a shared mutex guards the map.
#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <string_view>

#include "config.hpp"
#include "store.hpp"

namespace voip_sandbox {

struct Account {
    Account(std::int64_t id_, AccountConfig config_, Origin origin_)
        : id(id_), config(std::move(config_)), origin(origin_) {}
    const std::int64_t id;        // the accounts row
    const AccountConfig config;   // credentials, the balance a reset restores, prices, customers
    const Origin origin;
    std::atomic<bool> removed{false};  // deleted while a request of it waited for the lock
    // Held by each of its requests for their whole work, so a clock move, which lets the
    // store's lock go between its transactions, is never seen half done by its own account.
    std::mutex busy;
};

class Accounts {
public:
    // False, and nothing added, when the login is taken.
    bool add(std::shared_ptr<Account> a);
    [[nodiscard]] std::shared_ptr<Account> find(std::string_view reseller, std::string_view user) const;
    [[nodiscard]] bool has_reseller(std::string_view reseller) const;
    void remove(const std::shared_ptr<Account>& a);
    [[nodiscard]] std::size_t count(Origin origin) const;

private:
    mutable std::shared_mutex mutex_;
    std::map<std::pair<std::string, std::string>, std::shared_ptr<Account>> by_login_;
};

}  // namespace voip_sandbox

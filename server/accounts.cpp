// The account registry (accounts.hpp).
#include "accounts.hpp"

#include <algorithm>
#include <mutex>

namespace voip_sandbox {

bool Accounts::add(std::shared_ptr<Account> a) {
    const std::unique_lock<std::shared_mutex> lock(mutex_);
    auto key = std::make_pair(a->config.reseller, a->config.user);
    return by_login_.emplace(std::move(key), std::move(a)).second;
}

std::shared_ptr<Account> Accounts::find(std::string_view reseller, std::string_view user) const {
    const std::shared_lock<std::shared_mutex> lock(mutex_);
    const auto it = by_login_.find(std::make_pair(std::string(reseller), std::string(user)));
    return it == by_login_.end() ? nullptr : it->second;
}

bool Accounts::has_reseller(std::string_view reseller) const {
    const std::shared_lock<std::shared_mutex> lock(mutex_);
    const auto it = by_login_.lower_bound(std::make_pair(std::string(reseller), std::string()));
    return it != by_login_.end() && it->first.first == reseller;
}

void Accounts::remove(const std::shared_ptr<Account>& a) {
    const std::unique_lock<std::shared_mutex> lock(mutex_);
    a->removed = true;
    by_login_.erase(std::make_pair(a->config.reseller, a->config.user));
}

std::size_t Accounts::count(Origin origin) const {
    const std::shared_lock<std::shared_mutex> lock(mutex_);
    return static_cast<std::size_t>(
        std::count_if(by_login_.begin(), by_login_.end(), [origin](const auto& e) { return e.second->origin == origin; }));
}

}  // namespace voip_sandbox

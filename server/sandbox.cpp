// The sandbox's front door (sandbox.hpp): target, route, credentials, customer, idempotency key,
// then the route's handler: a write inside one transaction, a clock move in several.
#include "sandbox.hpp"

#include <algorithm>
#include <chrono>
#include <exception>
#include <iostream>
#include <mutex>
#include <utility>
#include <variant>

namespace voip_sandbox {

namespace {

// Locks m, trying for a few microseconds before sleeping on it: a request holds a lock for
// microseconds, and a sleep and the wake that ends it cost more (two threads serving one
// account slept on each other about once a request).
// Not for the store's FairMutex: a thread that tries is not in its queue, so another
// account's request could miss its turn during a clock move.
void lock_soon(std::mutex& m) {
    constexpr std::chrono::microseconds patience{20};
    const auto until = std::chrono::steady_clock::now() + patience;
    do {
        if (m.try_lock()) return;
#if defined(__x86_64__) || defined(__i386__)
        __builtin_ia32_pause();
#endif
    } while (std::chrono::steady_clock::now() < until);
    m.lock();
}

// The writes after which a day cut short must be swept again from its start.
bool changes_the_sweep(Route r) noexcept {
    return r == Route::create || r == Route::update || r == Route::renew || r == Route::set_balance;
}

constexpr std::int64_t key_lifetime_seconds = 24 * 60 * 60;

std::int64_t system_seconds() {
    using namespace std::chrono;
    return duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
}

date::sys_days utc_today() { return date::floor<date::days>(std::chrono::system_clock::now()); }

// The same time whatever the first difference, so a wrong password's length or prefix
// cannot be read off the answer's timing.
bool same_secret(std::string_view given, std::string_view expected) {
    unsigned diff = given.size() == expected.size() ? 0u : 1u;
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const unsigned char g = i < given.size() ? static_cast<unsigned char>(given[i]) : 0u;
        diff |= g ^ static_cast<unsigned char>(expected[i]);
    }
    return diff == 0;
}

bool valid_key(std::string_view key) {
    if (key.empty() || key.size() > 255) return false;
    for (const char c : key)
        if (c < 0x20 || c > 0x7e) return false;
    return true;
}

std::string_view target_error_name(TargetError e) {
    switch (e) {
        case TargetError::malformed: return "malformed_target";
        case TargetError::bad_percent_encoding: return "bad_percent_encoding";
        case TargetError::dot_segment: return "dot_segment_in_path";
    }
    return "malformed_target";
}

}  // namespace

Sandbox::Sandbox(Config config, SandboxOptions options)
    : config_(std::move(config)), options_(std::move(options)), store_(options_.db), random_(std::random_device{}()) {
    if (!options_.now_seconds) options_.now_seconds = system_seconds;
    const date::sys_days start = options_.start_day ? *options_.start_day : utc_today();
    if (!voip::in_range(start)) throw std::runtime_error("the start day is outside 0001-01-01..9999-12-31");
    load_accounts(start);
    if (options_.db != ":memory:" && !options_.db.empty()) {
        checkpointer_.emplace(options_.db);
        checkpointer_->watch(store_.database().handle());
    }
}

date::sys_days Sandbox::today(std::size_t account) {
    const std::lock_guard<FairMutex> lock(mutex_);
    return store_.account(account_ids_.at(account)).today;
}

voip::Context Sandbox::context(const Caller& c, const AccountState& s) const {
    const auto ctx = voip::make_context(s.today, config_.policy, c.account->config.prices, s.balance);
    if (!ctx) throw std::runtime_error("account state out of range: " + std::string(voip::name(ctx.error())));
    return *ctx;
}

HttpResponse Sandbox::handle(const HttpRequest& request) noexcept {
    try {
        // What needs no state runs outside the lock (the configuration never changes), so
        // the lock is held only for the store's work.
        std::variant<HttpResponse, Admitted> admitted = admit(request);
        if (auto* refused = std::get_if<HttpResponse>(&admitted)) return std::move(*refused);
        const Admitted& a = std::get<Admitted>(admitted);
        if (a.match.entry->open) return answer(a.match, a.target, a.caller, request);
        lock_soon(a.caller.account->busy);
        const std::lock_guard<std::mutex> busy(a.caller.account->busy, std::adopt_lock);
        StoreLock lock(mutex_);
        return handle_locked(a, request, lock);
    } catch (const std::exception& e) {
        // The cause goes to the operator's stderr, not to the client (it may hold SQL).
        try {
            std::cerr << "voip-bundle serve: internal error: " << e.what() << '\n';
            return refusal(500, "internal_error");
        } catch (...) {
            return HttpResponse{500, {}, {}};  // nothing left to allocate with: an empty 500
        }
    } catch (...) {
        try {
            return refusal(500, "internal_error");
        } catch (...) {
            return HttpResponse{500, {}, {}};
        }
    }
}

std::variant<HttpResponse, Sandbox::Admitted> Sandbox::admit(const HttpRequest& request) const {
    auto target = parse_target(request.target);
    if (!target) return refusal(400, target_error_name(target.error()));
    auto m = match_route(request.method, target->path);
    if (!m) return refusal(404, "unknown_route");
    if (m->entry == nullptr) {
        HttpResponse r = refusal(405, "method_not_allowed");
        r.headers.emplace_back("Allow", m->allow);
        return r;
    }
    if (m->entry->open) return Admitted{std::move(*m), std::move(*target), Caller{nullptr, 0, {}}};

    // Credentials: the provider's three headers; a wrong one is indistinguishable from a missing one.
    const std::string* reseller = header(request, "X-Auth-Reseller");
    const std::string* user = header(request, "X-Auth-User");
    const std::string* password = header(request, "X-Auth-Password");
    std::shared_ptr<Account> found = reseller && user ? accounts_.find(*reseller, *user) : nullptr;
    if (!found || password == nullptr || !same_secret(*password, found->config.password))
        return refusal(401, "unauthorized");
    Caller caller{found, found->id, {}};
    if (const std::string* for_customer = header(request, "X-Auth-For")) {
        const auto& customers = found->config.customers;
        if (std::find(customers.begin(), customers.end(), *for_customer) == customers.end())
            return refusal(400, "unknown_customer");
        caller.customer = *for_customer;
    }
    if (m->entry->method != Method::get) {
        const std::string* key = header(request, "Idempotency-Key");
        if (key && !valid_key(*key)) return refusal(400, "invalid_idempotency_key");
    }
    return Admitted{std::move(*m), std::move(*target), std::move(caller)};
}

HttpResponse Sandbox::handle_locked(const Admitted& a, const HttpRequest& request, StoreLock& lock) {
    // Deleted (DELETE /sandbox/accounts) while this request waited for the lock.
    if (a.caller.account->removed) return refusal(401, "unauthorized");
    const std::optional<Fault> fault = fire_fault(a);
    if (fault && fault->kind == FaultKind::error_before_commit) return refusal(500, "fault_injected");
    HttpResponse r = a.match.entry->method == Method::get ? answer(a.match, a.target, a.caller, request) : write(a, request, lock);
    if (fault) {
        r.drop = fault->kind == FaultKind::drop_after_commit;
        r.delay_ms = fault->kind == FaultKind::delay ? fault->delay_ms : 0;
    }
    return r;
}

// A write: one transaction for the bundle, the balance, the event and the key's record (a
// clock move commits several on the way, through `breathe`; the key's record is in its last).
HttpResponse Sandbox::write(const Admitted& a, const HttpRequest& request, StoreLock& lock) {
    const std::string* key = header(request, "Idempotency-Key");
    const std::int64_t now = options_.now_seconds();
    after_commit_.clear();
    Transaction t(store_.database());
    store_.forget_keys_before(now - key_lifetime_seconds);
    // Everything the answer depends on besides the state: method, path, customer, the
    // uuid a create was asked to take, and the body.
    const std::string* chosen = header(request, "X-Sandbox-Uuid");
    const std::string fingerprint = request.method + ' ' + a.target.path + '\n' + a.caller.customer + '\n' +
                                    (chosen ? *chosen : std::string()) + '\n' + request.body;
    if (key) {
        if (const auto first = store_.replay(a.caller.id, a.caller.customer, *key)) {
            if (first->fingerprint != fingerprint) return refusal(400, "idempotency_key_reused");
            HttpResponse replayed{first->status, first->body, {{"Idempotent-Replayed", "true"}}};
            if (!first->rule.empty()) replayed.headers.emplace_back("X-Sandbox-Error", first->rule);
            return replayed;
        }
    }
    // What a commit makes true for the rest of the server is done after it, never before.
    const auto commit = [this, &t] {
        t.commit();
        for (const auto& then : after_commit_) then();
        after_commit_.clear();
    };
    const auto breathe = [this, &t, &lock, &commit] {
        commit();
        if (options_.after_move_commit) options_.after_move_commit();
        lock.unlock();
        if (checkpointer_) checkpointer_->relieve();
        lock.lock();
        t.begin();
    };
    HttpResponse r = answer(a.match, a.target, a.caller, request, breathe);
    // The sweep mark resumes a day cut short over the state the crash left; a write that
    // changed a bundle or the balance may change what that day does, so the next move sweeps
    // the day again from its start (bundles renewed on it are skipped, clock.cpp). A refusal
    // changed nothing and keeps the mark.
    if (r.status < 300 && changes_the_sweep(a.match.entry->route)) store_.clear_sweep_mark(a.caller.id);
    // A deleted account's keys went with it: nothing to remember them by.
    const bool deleted = a.match.entry->route == Route::delete_account && r.status == 200;
    if (key && r.status < 500 && !deleted) {
        std::string rule;
        for (const auto& [name, value] : r.headers)
            if (name == "X-Sandbox-Error") rule = value;
        store_.remember(a.caller.id, a.caller.customer, *key, Replay{fingerprint, r.status, r.body, rule}, now);
    }
    commit();
    return r;
}

HttpResponse Sandbox::answer(const Match& m, const Target& t, const Caller& c, const HttpRequest& request,
                             const std::function<void()>& breathe) {
    switch (m.entry->route) {
        case Route::list_bundles: return list(c, t);
        case Route::create: return create(c, request);
        case Route::get_bundle: return get(c, m.segment);
        case Route::update: return update(c, m.segment, request);
        case Route::renew: return renew(c, m.segment);
        case Route::bundle_state: return state(c, m.segment);
        case Route::get_clock: return clock(c);
        case Route::move_clock: return move_clock(c, request, breathe);
        case Route::events: return events(c, t);
        case Route::account: return account(c);
        case Route::set_balance: return set_balance(c, request);
        case Route::create_account: return create_account(c, request);
        case Route::delete_account: return delete_account(c, m.segment);
        case Route::arm_fault: return arm_fault(c, request);
        case Route::list_faults: return list_faults(c);
        case Route::reset: return reset(c);
        case Route::health: return envelope(200, {{"status", "ok"}, {"version", VOIP_BUNDLE_CLI_VERSION}});
        case Route::openapi: return HttpResponse{200, options_.openapi, {}};
    }
    return refusal(404, "unknown_route");
}

}  // namespace voip_sandbox

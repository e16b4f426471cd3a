// The sandbox's queries (store.hpp); the schema and its migrations are in store_schema.cpp.
#include "store.hpp"

#include <iterator>
#include <optional>

#include <sqlite3.h>

namespace voip_sandbox {

namespace {

constexpr const char* bundle_columns =
    "uuid, customer, created_on, updated_on, expires_on, bundle_type, auto_renew, lapsed, renewed_on";

date::sys_days day_of(std::int64_t n) { return date::sys_days{date::days{n}}; }
std::int64_t count(date::sys_days d) { return d.time_since_epoch().count(); }

// A day column: a count from 1970-01-01 within 0001..9999, or nothing (an edited file).
std::optional<date::sys_days> stored_day(std::int64_t n) {
    if (n < count(voip::min_day) || n > count(voip::max_day)) return std::nullopt;
    return day_of(n);
}

// A row the sandbox wrote; a row that is not a valid bundle means the file was edited. Every
// column is checked before make_bundle: a day count beyond 32 bits would otherwise wrap into
// the range, and a flag other than 0 or 1 is not one the sandbox writes.
StoredBundle read_bundle(const Statement& s) {
    const auto uuid = voip::parse_uuid(s.text(0));
    const auto created_on = stored_day(s.integer(2));
    const auto updated_on = stored_day(s.integer(3));
    const auto expires_on = stored_day(s.integer(4));
    const auto type = s.integer(5);
    const auto flag = s.integer(6);
    const auto lapsed = s.integer(7);
    const auto renewed_on = s.is_null(8) ? std::nullopt : stored_day(s.integer(8));
    const bool columns_ok = uuid && created_on && updated_on && expires_on && type >= 1 && type <= 5 &&
                            (flag == 0 || flag == 1) && (lapsed == 0 || lapsed == 1) && (s.is_null(8) || renewed_on);
    const auto b = columns_ok ? voip::make_bundle(*uuid, voip::CreatedOn{*created_on}, voip::ExpiresOn{*expires_on},
                                                  static_cast<voip::BundleType>(type),
                                                  flag == 1 ? voip::AutoRenew::on : voip::AutoRenew::off)
                              : tl::expected<voip::Bundle, voip::Error>(tl::unexpect, voip::Error::invalid_bundle);
    if (!b) throw SqliteError("bundle row " + s.text(0) + " is not a valid bundle: " + std::string(voip::name(b.error())));
    return {*b, s.text(1), *updated_on, lapsed == 1, renewed_on};
}

std::string select_bundles(const char* where) { return std::string("SELECT ") + bundle_columns + " FROM bundles " + where; }

}  // namespace

struct Store::Statements {
    explicit Statements(sqlite3* db)
        : find_account(db, "SELECT id FROM accounts WHERE reseller = ?1 AND user = ?2"),
          insert_account(db, "INSERT INTO accounts(reseller, user, balance, today) VALUES (?1, ?2, ?3, ?4)"),
          account(db, "SELECT balance, today FROM accounts WHERE id = ?1"),
          password(db, "SELECT password FROM accounts WHERE id = ?1"),
          set_password(db, "UPDATE accounts SET password = ?2, origin = ?3 WHERE id = ?1"),
          insert_runtime(db, "INSERT INTO accounts(reseller, user, balance, today, password, origin, settings) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, 2, ?6)"),
          runtime(db, "SELECT id, reseller, user, password, settings FROM accounts WHERE origin = 2 ORDER BY id"),
          delete_account(db, "DELETE FROM accounts WHERE id = ?1"),
          set_balance(db, "UPDATE accounts SET balance = ?2 WHERE id = ?1"),
          set_progress(db, "UPDATE accounts SET today = ?2, sweep_day = ?3, sweep_expires = ?4, sweep_uuid = ?5, "
                           "sweep_customer = ?6 WHERE id = ?1"),
          sweep_mark(db, "SELECT sweep_day, sweep_expires, sweep_uuid, sweep_customer FROM accounts WHERE id = ?1 "
                         "AND sweep_day IS NOT NULL"),
          bundle(db, select_bundles("WHERE uuid = ?1 AND account = ?2 AND customer = ?3")),
          exists(db, "SELECT 1 FROM bundles WHERE account = ?2 AND customer = ?3 AND uuid = ?1"),
          insert(db, "INSERT INTO bundles(uuid, account, customer, created_on, updated_on, expires_on, bundle_type, "
                     "auto_renew, lapsed) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"),
          update(db, "UPDATE bundles SET updated_on = ?2, expires_on = ?3, bundle_type = ?4, auto_renew = ?5, "
                     "lapsed = ?6, renewed_on = COALESCE(?9, renewed_on) WHERE account = ?7 AND customer = ?8 AND uuid = ?1"),
          list(db, select_bundles("WHERE account = ?1 AND customer = ?2 AND (created_on, uuid) > (?3, ?4) "
                                  "ORDER BY created_on, uuid LIMIT ?5")),
          due(db, select_bundles("WHERE account = ?1 AND lapsed = 0 AND auto_renew = 1 AND expires_on <= ?3 "
                                 "AND (expires_on, uuid, customer) > (?2, ?4, ?5) ORDER BY expires_on, uuid, customer "
                                 "LIMIT ?6")),
          // One ordered read of the index for each auto_renew, merged (a single read with
          // auto_renew IN (0, 1) would sort the whole set for every few rows taken).
          lapsing(db, select_bundles("WHERE account = ?1 AND lapsed = 0 AND auto_renew = 0 AND expires_on < ?2") +
                          " UNION ALL " +
                          select_bundles("WHERE account = ?1 AND lapsed = 0 AND auto_renew = 1 AND expires_on < ?2") +
                          " ORDER BY expires_on, uuid, customer LIMIT ?3"),
          first_expiry(db, "SELECT MIN(expires_on) FROM bundles WHERE account = ?1 AND lapsed = 0 AND auto_renew = ?2"),
          add_event(db, "INSERT INTO events(account, day, uuid, customer, kind, charge, balance, rule, amount) "
                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"),
          events(db, "SELECT seq, day, uuid, customer, kind, charge, balance, rule, amount FROM events "
                     "WHERE account = ?1 AND seq > ?2 AND (?4 IS NULL OR customer = ?4) "
                     "AND (?5 IS NULL OR uuid IN (SELECT value FROM json_each(?5))) "
                     "AND (?6 IS NULL OR kind IN (SELECT value FROM json_each(?6))) ORDER BY seq LIMIT ?3"),
          charged(db, "SELECT COALESCE(SUM(charge), 0) FROM events WHERE account = ?1"),
          adjusted(db, "SELECT COALESCE(SUM(amount), 0) FROM events WHERE account = ?1"),
          replay(db, "SELECT fingerprint, status, body, rule FROM idempotency WHERE account = ?1 AND customer = ?3 "
                     "AND key = ?2"),
          remember(db, "INSERT INTO idempotency(account, key, fingerprint, status, body, rule, created_at, customer) "
                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"),
          forget(db, "DELETE FROM idempotency WHERE created_at < ?1"),
          reset_bundles(db, "DELETE FROM bundles WHERE account = ?1"),
          reset_events(db, "DELETE FROM events WHERE account = ?1"),
          reset_keys(db, "DELETE FROM idempotency WHERE account = ?1"),
          reset_mark(db, "UPDATE accounts SET sweep_day = NULL WHERE id = ?1 AND sweep_day IS NOT NULL") {}

    Statement find_account, insert_account, account, password, set_password, insert_runtime, runtime, delete_account;
    Statement set_balance, set_progress, sweep_mark;
    Statement bundle, exists, insert, update, list, due, lapsing, first_expiry;
    Statement add_event, events, charged, adjusted;
    Statement replay, remember, forget;
    Statement reset_bundles, reset_events, reset_keys, reset_mark;
};


Store::Store(const std::string& path) : db_(path) {
    migrate(db_);
    s_ = std::make_unique<Statements>(db_.handle());
}

Store::~Store() = default;

std::int64_t Store::ensure_account(std::string_view reseller, std::string_view user, voip::Money balance,
                                   date::sys_days today) {
    {
        Run f(s_->find_account);
        f->bind(1, reseller).bind(2, user);
        if (f->step()) return f->integer(0);
    }
    Run i(s_->insert_account);
    i->bind(1, reseller).bind(2, user).bind(3, balance.minor).bind(4, count(today));
    i->step();
    return sqlite3_last_insert_rowid(db_.handle());
}

AccountState Store::account(std::int64_t id) {
    Run a(s_->account);
    a->bind(1, id);
    if (!a->step()) throw SqliteError("no account " + std::to_string(id));
    return {voip::Money{a->integer(0)}, day_of(a->integer(1))};
}

std::string Store::kept_password(std::int64_t id, std::string_view fallback, Origin origin) {
    {
        Run p(s_->password);
        p->bind(1, id);
        if (p->step() && !p->is_null(0)) return p->text(0);
    }
    Run s(s_->set_password);
    s->bind(1, id).bind(2, fallback).bind(3, static_cast<std::int64_t>(origin));
    s->step();
    return std::string(fallback);
}

std::int64_t Store::add_runtime_account(const StoredAccount& a, voip::Money balance, date::sys_days today) {
    Run i(s_->insert_runtime);
    i->bind(1, a.reseller).bind(2, a.user).bind(3, balance.minor).bind(4, count(today)).bind(5, a.password);
    i->bind(6, a.settings);
    i->step();
    return sqlite3_last_insert_rowid(db_.handle());
}

std::vector<StoredAccount> Store::runtime_accounts() {
    Run r(s_->runtime);
    std::vector<StoredAccount> out;
    while (r->step()) out.push_back({r->integer(0), r->text(1), r->text(2), r->text(3), r->text(4)});
    return out;
}

void Store::delete_account(std::int64_t id) {
    reset(id);
    Run d(s_->delete_account);
    d->bind(1, id);
    d->step();
}

void Store::set_balance(std::int64_t id, voip::Money balance) {
    Run s(s_->set_balance);
    s->bind(1, id).bind(2, balance.minor);
    s->step();
}

void Store::set_progress(std::int64_t id, date::sys_days today, const std::optional<SweepMark>& mark) {
    Run s(s_->set_progress);
    s->bind(1, id).bind(2, count(today));
    if (mark) s->bind(3, count(mark->day)).bind(4, count(mark->after.expires_on)).bind(5, mark->after.uuid).bind(6, mark->after.customer);
    else s->bind_null(3).bind_null(4).bind_null(5).bind_null(6);
    s->step();
}

std::optional<SweepMark> Store::sweep_mark(std::int64_t id) {
    Run s(s_->sweep_mark);
    s->bind(1, id);
    if (!s->step()) return std::nullopt;
    const auto day = stored_day(s->integer(0));
    const auto expires = stored_day(s->integer(1));
    if (!day || !expires) throw SqliteError("account " + std::to_string(id) + ": its sweep mark is not valid");
    return SweepMark{*day, {*expires, s->text(2), s->text(3)}};
}

std::optional<StoredBundle> Store::bundle(std::int64_t account, std::string_view customer, const voip::Uuid& uuid) {
    Run s(s_->bundle);
    s->bind(1, voip::to_string(uuid)).bind(2, account).bind(3, customer);
    if (!s->step()) return std::nullopt;
    return read_bundle(*s);
}

bool Store::exists(std::int64_t account, std::string_view customer, const voip::Uuid& uuid) {
    Run s(s_->exists);
    s->bind(1, voip::to_string(uuid)).bind(2, account).bind(3, customer);
    return s->step();
}

void Store::insert(std::int64_t account, const StoredBundle& b) {
    Run s(s_->insert);
    s->bind(1, voip::to_string(b.bundle.uuid())).bind(2, account).bind(3, b.customer);
    s->bind(4, count(b.bundle.created_on())).bind(5, count(b.updated_on)).bind(6, count(b.bundle.expires_on()));
    s->bind(7, static_cast<std::int64_t>(b.bundle.bundle_type())).bind(8, b.bundle.auto_renew() ? 1 : 0).bind(9, b.lapsed ? 1 : 0);
    s->step();
}

void Store::update(std::int64_t account, const StoredBundle& b) {
    Run s(s_->update);
    s->bind(7, account).bind(8, b.customer);
    s->bind(1, voip::to_string(b.bundle.uuid())).bind(2, count(b.updated_on)).bind(3, count(b.bundle.expires_on()));
    s->bind(4, static_cast<std::int64_t>(b.bundle.bundle_type())).bind(5, b.bundle.auto_renew() ? 1 : 0).bind(6, b.lapsed ? 1 : 0);
    if (b.renewed_on) s->bind(9, count(*b.renewed_on));
    else s->bind_null(9);
    s->step();
}

namespace {
std::vector<StoredBundle> all_rows(Statement& s) {
    std::vector<StoredBundle> out;
    while (s.step()) out.push_back(read_bundle(s));
    return out;
}
}  // namespace

std::vector<StoredBundle> Store::list(std::int64_t account, std::string_view customer, const std::optional<ListKey>& after,
                                     std::int64_t limit) {
    Run s(s_->list);
    s->bind(1, account).bind(2, customer).bind(5, limit);
    // From the first: a day before any stored one (0001-01-01 at the earliest).
    if (after) s->bind(3, count(after->created_on)).bind(4, after->uuid);
    else s->bind(3, count(voip::min_day) - 1).bind(4, std::string_view());
    return all_rows(*s);
}

std::vector<StoredBundle> Store::due_for_renewal(std::int64_t account, date::sys_days first, date::sys_days last) {
    // Every key with expires_on == first sorts after (first, "", ""): no uuid is empty.
    return due_after(account, SweepKey{first, {}, {}}, last, -1);
}

std::vector<StoredBundle> Store::due_after(std::int64_t account, const SweepKey& after, date::sys_days last,
                                           std::int64_t limit) {
    Run s(s_->due);
    s->bind(1, account).bind(2, count(after.expires_on)).bind(3, count(last)).bind(4, after.uuid);
    s->bind(5, after.customer).bind(6, limit);
    return all_rows(*s);
}

std::vector<StoredBundle> Store::lapsing(std::int64_t account, date::sys_days before, std::int64_t limit) {
    Run s(s_->lapsing);
    s->bind(1, account).bind(2, count(before)).bind(3, limit);
    return all_rows(*s);
}

std::optional<date::sys_days> Store::first_expiry(std::int64_t account, bool auto_renew) {
    Run s(s_->first_expiry);
    s->bind(1, account).bind(2, auto_renew ? 1 : 0);
    if (!s->step() || s->is_null(0)) return std::nullopt;
    return day_of(s->integer(0));
}

std::int64_t Store::add_event(std::int64_t account, const Event& e) {
    Run s(s_->add_event);
    s->bind(1, account).bind(2, count(e.day)).bind(3, e.uuid ? voip::to_string(*e.uuid) : std::string()).bind(4, e.customer);
    s->bind(5, static_cast<std::int64_t>(e.kind)).bind(6, e.charge.minor).bind(7, e.balance.minor).bind(8, e.rule);
    s->bind(9, e.amount.minor);
    s->step();
    return sqlite3_last_insert_rowid(db_.handle());
}

voip::Money Store::charge(std::int64_t account, voip::Money balance, Event e) {
    // A charge is taken only when affordable() (0 <= charge <= balance <= max_amount), or is
    // 0, so the new balance is in [-max_amount, max_amount]; value() would throw, and the
    // request answer 500, only if that stopped being so.
    e.balance = voip::subtract(balance, e.charge).value();
    set_balance(account, e.balance);
    add_event(account, e);
    return e.balance;
}

void Store::adjust(std::int64_t account, voip::Money before, Event e) {
    // Both in [0, max_amount] (the route checked), so the difference cannot overflow.
    e.amount = voip::Money{e.balance.minor - before.minor};
    set_balance(account, e.balance);
    add_event(account, e);
}

namespace {
// A JSON array of the values, for json_each(); the uuids' and kinds' texts need no escaping.
template <class T, class F>
std::string json_array(const std::vector<T>& values, F text) {
    std::string out = "[";
    for (const T& v : values) out += (out.size() > 1 ? "," : "") + text(v);
    return out + "]";
}
}  // namespace

std::vector<Event> Store::events(std::int64_t account, std::int64_t after, std::int64_t limit, const EventFilter& filter) {
    Run s(s_->events);
    s->bind(1, account).bind(2, after).bind(3, limit);
    if (filter.customer) s->bind(4, *filter.customer);
    else s->bind_null(4);
    if (filter.uuids.empty()) s->bind_null(5);
    else s->bind(5, json_array(filter.uuids, [](const voip::Uuid& u) { return '"' + voip::to_string(u) + '"'; }));
    if (filter.kinds.empty()) s->bind_null(6);
    else s->bind(6, json_array(filter.kinds, [](EventKind k) { return std::to_string(static_cast<int>(k)); }));
    std::vector<Event> out;
    while (s->step()) {
        const std::string text = s->text(2);
        const auto uuid = voip::parse_uuid(text);
        const auto kind = s->integer(4);
        if ((!uuid && !text.empty()) || kind < 0 || kind >= static_cast<std::int64_t>(std::size(event_kind_names)))
            throw SqliteError("event " + std::to_string(s->integer(0)) + " is not valid");
        out.push_back({s->integer(0), day_of(s->integer(1)), uuid ? std::optional<voip::Uuid>(*uuid) : std::nullopt,
                       s->text(3), static_cast<EventKind>(kind), voip::Money{s->integer(5)}, voip::Money{s->integer(6)},
                       s->text(7), voip::Money{s->integer(8)}});
    }
    return out;
}

voip::Money Store::charged(std::int64_t account) {
    Run s(s_->charged);
    s->bind(1, account);
    s->step();
    return voip::Money{s->integer(0)};
}

voip::Money Store::adjusted(std::int64_t account) {
    Run s(s_->adjusted);
    s->bind(1, account);
    s->step();
    return voip::Money{s->integer(0)};
}

std::optional<Replay> Store::replay(std::int64_t account, std::string_view customer, std::string_view key) {
    Run s(s_->replay);
    s->bind(1, account).bind(2, key).bind(3, customer);
    if (!s->step()) return std::nullopt;
    return Replay{s->text(0), static_cast<int>(s->integer(1)), s->text(2), s->text(3)};
}

void Store::remember(std::int64_t account, std::string_view customer, std::string_view key, const Replay& r,
                     std::int64_t now_seconds) {
    Run s(s_->remember);
    s->bind(1, account).bind(2, key).bind(3, r.fingerprint).bind(4, r.status).bind(5, r.body).bind(6, r.rule);
    s->bind(7, now_seconds).bind(8, customer);
    s->step();
}

void Store::forget_keys_before(std::int64_t seconds) {
    Run s(s_->forget);
    s->bind(1, seconds);
    s->step();
}

void Store::clear_sweep_mark(std::int64_t id) {
    Run s(s_->reset_mark);
    s->bind(1, id);
    s->step();
}

void Store::reset(std::int64_t account) {
    for (Statement* st : {&s_->reset_bundles, &s_->reset_events, &s_->reset_keys, &s_->reset_mark}) {
        Run s(*st);
        s->bind(1, account);
        s->step();
    }
}

}  // namespace voip_sandbox

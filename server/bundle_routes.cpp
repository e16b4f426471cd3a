// The seed's operations (create, update, renew) and the public list and get, on the store.
#include <charconv>
#include <chrono>

#include <voip/bundle_json.hpp>

#include <voip_app/json_out.hpp>
#include <voip_app/lines.hpp>
#include <voip_app/result_members.hpp>

#include "sandbox.hpp"

namespace voip_sandbox {

namespace {

using voip::schema::Field;

// The public API's view of a bundle: {"created_on", "updated_on", "uuid"}, as `key`'s value
// (none: an array's element).
void put_public_view(voip_app::JsonOut& j, std::string_view key, const StoredBundle& b) {
    j.open_object(key)
        .date(voip_app::lines::bundle_name(Field::created_on), b.bundle.created_on())
        .date(updated_on_name, b.updated_on)
        .string(voip_app::lines::bundle_name(Field::uuid), voip::to_string(b.bundle.uuid()))
        .close_object();
}

constexpr std::int64_t default_list_limit = 100;
constexpr std::int64_t max_list_limit = 1000;

struct ListQuery {
    std::int64_t limit = default_list_limit;
    std::optional<Store::ListKey> after;
};

// The cursor names the last bundle of a page: its creation day and uuid, "YYYY-MM-DD.uuid".
// Clients are told it is opaque, so its form can change; it is read back only exactly as
// written (the canonical, lowercase uuid), since the order compares the stored text.
std::string list_cursor(const StoredBundle& b) {
    return iso(b.bundle.created_on()) + '.' + voip::to_string(b.bundle.uuid());
}

std::optional<Store::ListKey> parse_cursor(std::string_view text) {
    constexpr std::size_t day_size = 10;
    if (text.size() <= day_size || text[day_size] != '.') return std::nullopt;
    const auto day = voip::parse_iso_date(text.substr(0, day_size));
    const auto uuid = voip::parse_uuid(text.substr(day_size + 1));
    if (!day || !uuid || voip::to_string(*uuid) != text.substr(day_size + 1)) return std::nullopt;
    return Store::ListKey{*day, voip::to_string(*uuid)};
}

// limit (1..1000) and cursor, once each; anything else is refused rather than ignored, so a
// misspelt parameter cannot pass for the first page.
std::optional<ListQuery> list_query(std::string_view query) {
    const auto pairs = query_pairs(query);
    if (!pairs) return std::nullopt;
    ListQuery q;
    bool limit = false;
    for (const auto& [name, value] : *pairs) {
        if (name == "limit" && !limit) {
            std::int64_t n = 0;
            const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
            if (value.empty() || ec != std::errc{} || end != value.data() + value.size() || n < 1 || n > max_list_limit)
                return std::nullopt;
            q.limit = n;
            limit = true;
        } else if (name == "cursor" && !q.after) {
            q.after = parse_cursor(value);
            if (!q.after) return std::nullopt;
        } else {
            return std::nullopt;
        }
    }
    return q;
}

}  // namespace

std::optional<StoredBundle> Sandbox::owned(const Caller& c, const voip::Uuid& uuid) {
    // Another customer's bundle is not in this customer's namespace: answered as one that does not exist.
    return store_.bundle(c.id, c.customer, uuid);
}

HttpResponse Sandbox::create(const Caller& c, const HttpRequest& request) {
    const auto body = voip::parse_create(request.body);
    if (!body) return seed_envelope(voip::error_envelope(body.error()));
    voip::Uuid uuid;
    if (const std::string* chosen = header(request, "X-Sandbox-Uuid")) {
        const auto u = voip::parse_uuid(*chosen);
        if (!u) return refusal(400, "malformed_sandbox_uuid");
        // Only the caller's own bundles can take it: another customer's or account's uuid is free here.
        if (store_.exists(c.id, c.customer, *u)) return refusal(400, "sandbox_uuid_taken");
        uuid = *u;
    } else {
        // Time-ordered: a create adds at the end of the store's indexes on uuid, instead of
        // on a random page of each (docs/benchmarks.md, "Sandbox 3").
        const auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
            std::chrono::system_clock::now().time_since_epoch());
        do uuid = voip::make_uuid_v7(now, random_);
        while (store_.exists(c.id, c.customer, uuid));
    }
    const AccountState s = store_.account(c.id);
    const voip::Result r = voip::create(*body, uuid, context(c, s));
    if (r) {
        store_.insert(c.id, StoredBundle{r->bundle, c.customer, s.today, false});
        store_.charge(c.id, s.balance, Event{0, s.today, uuid, c.customer, EventKind::created, r->charge, {}});
    }
    return seed_envelope(voip::make_envelope(voip::Operation::create, r));
}

HttpResponse Sandbox::update(const Caller& c, const std::string& uuid_text, const HttpRequest& request) {
    const auto call = voip::parse_update(uuid_text, request.body);
    if (!call) return seed_envelope(voip::error_envelope(call.error()));
    const AccountState s = store_.account(c.id);
    std::optional<StoredBundle> found = owned(c, call->uuid);
    const auto find = [&](const voip::Uuid&) { return found ? &found->bundle : nullptr; };
    const voip::Result r = voip::handle_update(call->uuid, call->request, find, context(c, s));
    if (r) {
        store_.update(c.id, StoredBundle{r->bundle, c.customer, s.today, found->lapsed});
        store_.charge(c.id, s.balance, Event{0, s.today, call->uuid, c.customer, EventKind::updated, r->charge, {}});
    }
    return seed_envelope(voip::make_envelope(voip::Operation::update, r));
}

HttpResponse Sandbox::renew(const Caller& c, const std::string& uuid_text) {
    const auto uuid = voip::parse_renew(uuid_text);
    if (!uuid) return seed_envelope(voip::error_envelope(uuid.error()));
    const AccountState s = store_.account(c.id);
    std::optional<StoredBundle> found = owned(c, *uuid);
    const auto find = [&](const voip::Uuid&) { return found ? &found->bundle : nullptr; };
    const voip::Result r = voip::handle_renew(*uuid, find, context(c, s));
    if (r) {
        store_.update(c.id, StoredBundle{r->bundle, c.customer, s.today, found->lapsed});
        store_.charge(c.id, s.balance, Event{0, s.today, *uuid, c.customer, EventKind::renewed, r->charge, {}});
    }
    return seed_envelope(voip::make_envelope(voip::Operation::renew, r));
}

// A page of the caller's bundles. The result stays the public API's array, and the envelope
// the seed's, so where the next page starts is told in a header: X-Sandbox-Next-Cursor,
// absent on the last page.
HttpResponse Sandbox::list(const Caller& c, const Target& t) {
    const auto q = list_query(t.query);
    if (!q) return refusal(400, "invalid_query");
    std::vector<StoredBundle> page = store_.list(c.id, c.customer, q->after, q->limit + 1);
    const bool more = static_cast<std::int64_t>(page.size()) > q->limit;
    if (more) page.pop_back();
    voip_app::JsonOut j(false);
    j.open_object().open_array(voip::schema::envelope[0].name);
    for (const StoredBundle& b : page) put_public_view(j, {}, b);
    voip_app::end_envelope(j.close_array(), voip::Status::ok);
    HttpResponse r{200, j.text(), {}};
    if (more) r.headers.emplace_back("X-Sandbox-Next-Cursor", list_cursor(page.back()));
    return r;
}

HttpResponse Sandbox::get(const Caller& c, const std::string& uuid_text) {
    const auto uuid = voip::parse_uuid(uuid_text);
    if (!uuid) return seed_envelope(voip::error_envelope(uuid.error()));
    const auto b = owned(c, *uuid);
    if (!b) return seed_envelope(voip::error_envelope(voip::Error::unknown_bundle));
    voip_app::JsonOut j(false);
    put_public_view(j.open_object(), voip::schema::envelope[0].name, *b);
    voip_app::end_envelope(j, voip::Status::ok);
    return HttpResponse{200, j.text(), {}};
}

// The status the command answers too (voip_app/result_members.hpp) of the stored bundle, then what the sandbox adds.
HttpResponse Sandbox::state(const Caller& c, const std::string& uuid_text) {
    const auto uuid = voip::parse_uuid(uuid_text);
    if (!uuid) return seed_envelope(voip::error_envelope(uuid.error()));
    const auto b = owned(c, *uuid);
    if (!b) return seed_envelope(voip::error_envelope(voip::Error::unknown_bundle));
    voip_app::JsonOut j(false);
    j.open_object().open_object(voip::schema::envelope[0].name);
    voip_app::add_status_members(j, b->bundle, context(c, store_.account(c.id)));
    j.date(updated_on_name, b->updated_on);
    if (b->customer.empty()) j.null(customer_name);
    else j.any_text(customer_name, b->customer);
    j.boolean(lapsed_name, b->lapsed);
    voip_app::close_envelope(j, voip::Status::ok);
    return HttpResponse{200, j.text(), {}};
}

}  // namespace voip_sandbox

// The create, update and renew commands of voip-bundle, and their quotes.
#include <cstdint>
#include <optional>
#include <random>
#include <string>

#include <voip/bundle.hpp>
#include <voip/bundle_json.hpp>

#include "answers.hpp"
#include "commands.hpp"
#include "failure.hpp"
#include "inputs.hpp"
#include "store.hpp"

namespace voip_cli {

namespace {

// What the options alone make a usage error, before the body is read.
void check_operation_options(voip::Operation op, const Options& o) {
    if (o.commit && o.store.empty()) throw Failure{"--commit needs --store"};
    if (op != voip::Operation::create) {
        if (o.uuid.empty()) throw Failure{"--uuid is required for update and renew"};
        // Without a store there is nowhere to look the bundle up: a 404 would be a guess.
        if (o.store.empty()) throw Failure{"--store is required for update and renew (the bundle is looked up there)"};
    }
}

// The operation's input, decoded once, in the rules' order (uuid, then body), before the
// store is looked at. A call that does not decode is a 400 envelope, later.
struct DecodedCall {
    // The uuid acted on: given (update, renew; create may choose it) or new (create).
    std::optional<voip::Uuid> wanted;
    tl::expected<voip::Request, voip::Error> create_call = voip::fail(voip::Error::invalid_json);
    tl::expected<voip::UpdateCall, voip::Error> update_call = voip::fail(voip::Error::invalid_json);
    tl::expected<voip::Uuid, voip::Error> renew_call = voip::fail(voip::Error::invalid_json);
};

// The new bundle's uuid: --uuid, checked, or a random one.
voip::Uuid uuid_to_create(const Options& o) {
    if (!o.uuid.empty()) {
        const auto u = voip::parse_uuid(o.uuid);
        if (!u) throw Failure{"--uuid " + o.uuid + ": malformed_uuid (want 8-4-4-4-12 hex digits)"};
        return *u;
    }
    std::random_device rd;  // a proper random source for real identifiers
    return voip::make_uuid_v4(rd);
}

DecodedCall decode_call(voip::Operation op, const Options& o, const std::string& body) {
    DecodedCall d;
    switch (op) {
        case voip::Operation::create:
            d.wanted = uuid_to_create(o);
            d.create_call = voip::parse_create(body);
            break;
        case voip::Operation::update:
            d.update_call = voip::parse_update(o.uuid, body);
            if (d.update_call) d.wanted = d.update_call->uuid;  // otherwise a 400 envelope, below
            break;
        case voip::Operation::renew:
            d.renew_call = voip::parse_renew(o.uuid);
            if (d.renew_call) d.wanted = *d.renew_call;
            break;
    }
    return d;
}

// The rules' answer, with the bundle the scan found (if any) as the only one stored.
voip::Result decide_operation(voip::Operation op, const DecodedCall& d, const StoreScan& scan,
                              const voip::Context& ctx) {
    const auto find = [&](const voip::Uuid& u) -> const voip::Bundle* {
        return scan.found && scan.found->uuid() == u ? &*scan.found : nullptr;
    };
    voip::Result r = voip::fail(voip::Error::invalid_json);
    switch (op) {
        case voip::Operation::create:
            r = d.create_call ? voip::create(*d.create_call, *d.wanted, ctx) : voip::fail(d.create_call.error());
            break;
        case voip::Operation::update:
            r = d.update_call ? voip::handle_update(d.update_call->uuid, d.update_call->request, find, ctx)
                              : voip::fail(d.update_call.error());
            break;
        case voip::Operation::renew:
            r = d.renew_call ? voip::handle_renew(*d.renew_call, find, ctx) : voip::fail(d.renew_call.error());
            break;
    }
    return r;
}

}  // namespace

int run_operation(voip::Operation op, const Options& o, bool quote) {
    voip::Context ctx = context_from(o);
    check_operation_options(op, o);
    std::string body;
    if (op != voip::Operation::renew) body = read_request_body();
    const DecodedCall call = decode_call(op, o, body);

    // A commit works on the file the path really names (a symbolic link stays a link) and
    // holds the store's lock from the scan to the rename, so concurrent commits serialise
    // and none is lost. Readers take no lock: a store only ever changes by rename, so a
    // reader sees the old file or the new one, whole.
    const bool committing = o.commit && !quote;
    const std::string store = committing ? resolve_store_path(o.store) : o.store;
    std::optional<StoreLock> lock;
    if (committing) lock.emplace(store);
    StoreScan scan;
    if (!store.empty()) scan = scan_store(store, o.store, call.wanted, op == voip::Operation::create && committing);
    ctx = ctx.with_policy(policy_for(month_end_for(o, scan.month_end, o.store)));
    if (op == voip::Operation::create && scan.found) {
        if (!o.uuid.empty()) throw Failure{"--uuid " + o.uuid + ": already in store " + o.store};
        throw Failure{"the random uuid is already in the store: run again"};  // 2^-122: practically never
    }

    // A quote shows the cost; it does not check funds.
    const voip::Context decide = quote ? *ctx.with_balance(std::nullopt) : ctx;
    const voip::Result r = decide_operation(op, call, scan, decide);

    if (quote) {
        print(quote_text(op, r, ctx, o.prices, o.pretty));
    } else if (r && o.commit) {
        std::optional<std::uint64_t> replace;
        if (op != voip::Operation::create) replace = scan.found_line;
        commit_store(store, scan, replace, r->bundle, ctx.policy().month_end());
        lock.reset();  // the new store is in place: let the next committer in
        print(envelope_text(voip::make_envelope(op, r), o.pretty), " (the store was changed: the commit was made)");
    } else {
        print(envelope_text(voip::make_envelope(op, r), o.pretty));
    }
    if (!quote) note_unpriced(r, ctx);  // a quote says it in its answer
    explain(o.explain, r);
    return 0;
}

}  // namespace voip_cli

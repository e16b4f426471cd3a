// Properties (rapidcheck) of envelopes: their text parses back (nlohmann) in the seed's
// member order; every error has one status; a result's envelope holds a bundle exactly on success.
#include "support.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace props {

namespace {

// The text without whitespace outside strings (envelope strings hold no escapes).
std::string squeeze(const std::string& text) {
    std::string out;
    bool in_string = false;
    for (const char ch : text) {
        if (ch == '"') in_string = !in_string;
        if (in_string || (ch != ' ' && ch != '\n')) out += ch;
    }
    return out;
}

}  // namespace

void envelope_text_round_trips() {
    property("envelope text parses back (nlohmann) to the same values, members in the seed's order", [] {
        const Operation op = arbitrary<Operation>();
        const WriteOptions o{*rc::gen::arbitrary<bool>() ? Layout::pretty : Layout::compact,
                             *rc::gen::arbitrary<bool>() ? ErrorDetail::on : ErrorDetail::off};
        const bool success = *rc::gen::arbitrary<bool>();
        const Error e = arbitrary<Error>();
        const Bundle b = *gen::bundle(*gen::policy());
        const Envelope env = success ? success_envelope(op, b) : error_envelope(e);
        char buf[max_envelope_size];
        const auto n = write_envelope(buf, buf + sizeof buf, env, o);
        RC_ASSERT(n.has_value());
        const std::string text(buf, *n);
        RC_ASSERT(to_string(env, o) == text);
        const auto j = nlohmann::ordered_json::parse(text);  // throws (fails the property) if not JSON
        std::vector<std::string> keys;
        for (const auto& item : j.items()) keys.push_back(item.key());
        std::vector<std::string> expect_keys{"result", "status_code", "status_message"};
        if (!success && o.detail == ErrorDetail::on) expect_keys.push_back("error");
        RC_ASSERT(keys == expect_keys);
        RC_ASSERT(j["status_code"].get<int>() == code(env.status()));
        RC_ASSERT(j["status_message"].get<std::string>() == std::string(status_message(env.status())));
        if (success) {
            RC_ASSERT(env.status() == (op == Operation::create ? Status::created : Status::ok));
            const auto& r = j["result"];
            std::vector<std::string> rkeys;
            for (const auto& item : r.items()) rkeys.push_back(item.key());
            RC_ASSERT(rkeys == (std::vector<std::string>{"auto_renew", "bundle_type", "expires_on", "uuid"}));
            RC_ASSERT(r["auto_renew"].get<bool>() == b.auto_renew());
            RC_ASSERT(r["bundle_type"].get<int>() == code(b.bundle_type()));
            const auto expires = parse_iso_date(r["expires_on"].get<std::string>());
            RC_ASSERT(expires.has_value() && *expires == b.expires_on());
            const auto u = parse_uuid(r["uuid"].get<std::string>());
            RC_ASSERT(u.has_value() && *u == b.uuid());
            RC_ASSERT(r["uuid"].get<std::string>() == to_string(b.uuid()));  // lowercase
        } else {
            RC_ASSERT(j["result"].is_object() && j["result"].empty());
            RC_ASSERT(env.status() == status(e));
            if (o.detail == ErrorDetail::on) RC_ASSERT(j["error"].get<std::string>() == std::string(name(e)));
        }
        // Compact has no whitespace outside strings; pretty differs from it only by such whitespace.
        const std::string compact = to_string(env, {Layout::compact, o.detail});
        const std::string pretty = to_string(env, {Layout::pretty, o.detail});
        RC_ASSERT(squeeze(compact) == compact);
        RC_ASSERT(squeeze(pretty) == compact);
        RC_ASSERT(nlohmann::ordered_json::parse(compact) == j);
    });
}

void every_error_has_one_status() {
    property("every error maps to exactly one status, the one RULES gives, through every path", [] {
        const Error e = arbitrary<Error>();
        const Status s = status(e);
        const Status expect = e == Error::unknown_bundle                                       ? Status::not_found
                              : (e == Error::insufficient_funds || e == Error::not_in_service) ? Status::payment_required
                              : e == Error::buffer_too_small                                   ? Status::internal_server_error
                                                                                               : Status::bad_request;
        RC_ASSERT(s == expect);
        RC_ASSERT(name(e) != "unknown_error");
        const Operation op = arbitrary<Operation>();
        const Envelope env = make_envelope(op, Result(fail(e)));
        RC_ASSERT(env.bundle() == nullptr);
        RC_ASSERT(env.status() == s);
        RC_ASSERT(fails_with(env.outcome(), e));
        RC_ASSERT((env == error_envelope(e)));
        // Names are distinct, so an error is recoverable from its envelope detail.
        const Error other = arbitrary<Error>();
        RC_ASSERT((name(e) == name(other)) == (e == other));
    });
}

void envelope_of_any_result() {
    property("the envelope of any result holds a bundle exactly when the result is a success", [] {
        const RenewalPolicy p = *gen::policy();
        const Bundle b = *gen::bundle(p);
        const Context ctx = *gen::context(*gen::day_near(b.expires_on(), p), p);
        const Operation op = arbitrary<Operation>();
        const int source = *rc::gen::inRange(0, 3);
        Result r = fail(Error::invalid_json);
        switch (source) {
            case 0: r = op == Operation::create ? create(*gen::request(), *gen::uuid(), ctx)
                        : op == Operation::update ? update(b, *gen::request(), ctx) : renew(b, ctx); break;
            case 1: r = Decision{*gen::bundle(p), *gen::money()}; break;
            case 2: r = fail(arbitrary<Error>()); break;
            default: break;
        }
        const Envelope env = make_envelope(op, r);
        for (const Layout layout : {Layout::compact, Layout::pretty})
            for (const ErrorDetail detail : {ErrorDetail::off, ErrorDetail::on})
                RC_ASSERT(!to_string(env, {layout, detail}).empty());
        RC_ASSERT((env.bundle() != nullptr) == env.outcome().has_value());
        RC_ASSERT((env.bundle() != nullptr) == r.has_value());
        if (r) {
            RC_ASSERT(*env.bundle() == r->bundle);
            RC_ASSERT(env.status() == (op == Operation::create ? Status::created : Status::ok));
            RC_ASSERT((env == success_envelope(op, r->bundle)));
        } else {
            RC_ASSERT(fails_with(env.outcome(), r.error()));
            RC_ASSERT(env.status() == status(r.error()));
        }
    });
}

}  // namespace props

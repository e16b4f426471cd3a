// The demo command of voip-bundle: replays every example of the seed page and prints each envelope.
//
// The examples go through the same path as the commands - the request text through
// parse_create/parse_update/parse_renew, then create/handle_update/handle_renew - and each envelope is printed in the
// seed's layout, after a "# ..." line saying what was asked. The page shows one envelope
// per status; the scenario behind each is ours (the page gives none), chosen so that the
// seed's result comes out: e.g. its renew 200 shows expires_on 2018-09-01, so the demo
// renews a bundle that expired on 2018-08-01.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include <voip/bundle.hpp>
#include <voip/bundle_json.hpp>

#include "answers.hpp"
#include "commands.hpp"

namespace voip_cli {

namespace {

// A request body of the demo: the members' JSON values, in the seed's layout (one member a
// line) or on one line. The names are the schema's (voip::schema::request).
struct Body {
    std::string_view auto_renew;   // empty: no body (renew)
    std::string_view bundle_type;
    bool seed_layout;
};

std::string text_of(const Body& b) {
    if (b.auto_renew.empty()) return {};
    const std::string_view sep = b.seed_layout ? "\n" : " ";
    std::string out = "{";
    out += b.seed_layout ? "\n" : "";
    out += "\"" + std::string(voip::schema::request[0].name) + "\" : " + std::string(b.auto_renew) + ",";
    out += sep;
    out += "\"" + std::string(voip::schema::request[1].name) + "\" : " + std::string(b.bundle_type);
    out += b.seed_layout ? "\n}" : "}";
    return out;
}

// The seed's request body (create and update show the same one).
constexpr Body seed_body{"true", "1", true};
constexpr Body no_body{"", "", false};
constexpr std::string_view seed_uuid = "0fba8c48-99fc-4727-8ca7-c847376da415";
constexpr std::string_view other_uuid = "2c5e7a52-3c8f-4e0b-9d0e-6a1f0b7d9e41";  // in no store

struct Scenario {
    std::string_view title;
    voip::Operation op;
    std::string_view today;
    std::string_view uuid;  // of the request (update, renew) or the new bundle (create)
    Body body;
    // The one stored bundle, when there is one: created_on, expires_on, type, auto_renew.
    std::string_view created_on;
    std::string_view expires_on;
    int bundle_type;
    bool auto_renew;
    bool priced;               // with the demo price list
    std::optional<long> balance;
    voip::Status expected;
};

// [demo] 1500 Business, 900 Residential, 500 Fax Only, 2000 Trunk Only, 300 Forward Only.
voip::PriceList demo_prices() {
    using voip::BundleType;
    using voip::Money;
    return *voip::make_price_list({{BundleType::business, Money{1500}},
                                   {BundleType::residential, Money{900}},
                                   {BundleType::fax_only, Money{500}},
                                   {BundleType::trunk_only, Money{2000}},
                                   {BundleType::forward_only, Money{300}}});
}

constexpr Scenario scenarios[] = {
    {"create on 2018-08-01 with the seed's body", voip::Operation::create, "2018-08-01", seed_uuid, seed_body, "", "", 0,
     false, false, std::nullopt, voip::Status::created},
    {"create with bundle_type 6", voip::Operation::create, "2018-08-01", seed_uuid,
     Body{"true", "6", false}, "", "", 0, false, false, std::nullopt, voip::Status::bad_request},
    {"update a Residential bundle (2018-08-01..2018-09-01) on 2018-08-17 with the seed's body",
     voip::Operation::update, "2018-08-17", seed_uuid, seed_body, "2018-08-01", "2018-09-01", 2, false, false,
     std::nullopt, voip::Status::ok},
    {"update with bundle_type \"1\" (a string)", voip::Operation::update, "2018-08-17", seed_uuid,
     Body{"true", R"("1")", false}, "2018-08-01", "2018-09-01", 2, false, false, std::nullopt,
     voip::Status::bad_request},
    {"update Residential (900) to Business (1500) on 2018-08-17 with a balance of 100: "
     "the upgrade costs 600 x 15 / 31 = 290",
     voip::Operation::update, "2018-08-17", seed_uuid, seed_body, "2018-08-01", "2018-09-01", 2, false, true, 100,
     voip::Status::payment_required},
    {"update a uuid no bundle has", voip::Operation::update, "2018-08-17", other_uuid, seed_body, "2018-08-01",
     "2018-09-01", 2, false, false, std::nullopt, voip::Status::not_found},
    {"renew a bundle expiring 2018-08-01, on 2018-08-01", voip::Operation::renew, "2018-08-01", seed_uuid, no_body,
     "2018-07-01", "2018-08-01", 1, true, false, std::nullopt, voip::Status::ok},
    {"renew a bundle expiring 2018-09-01 on 2018-08-17 (the window opens 2018-08-29)", voip::Operation::renew,
     "2018-08-17", seed_uuid, no_body, "2018-08-01", "2018-09-01", 1, true, false, std::nullopt, voip::Status::bad_request},
    {"renew a Business bundle (1500) on 2018-08-01 with a balance of 1000", voip::Operation::renew, "2018-08-01",
     seed_uuid, no_body, "2018-07-01", "2018-08-01", 1, true, true, 1000, voip::Status::payment_required},
    {"renew a uuid no bundle has", voip::Operation::renew, "2018-08-01", other_uuid, no_body, "2018-07-01", "2018-08-01", 1,
     true, false, std::nullopt, voip::Status::not_found},
};

std::string_view verb(voip::Operation op) {
    switch (op) {
        case voip::Operation::create: return "POST /bundle";
        case voip::Operation::update: return "PUT /bundle/{uuid}";
        case voip::Operation::renew: return "POST /bundle/{uuid}/renew";
    }
    return "";
}

// Appends every scenario's answer to `out`; returns how many answered otherwise than
// the seed's status (0 unless the rules are broken).
int replay_seed_page(std::string& out) {
    int failures = 0;
    int number = 0;
    for (const Scenario& s : scenarios) {
        const voip::Context c =
            *voip::make_context(*voip::parse_iso_date(s.today), {}, s.priced ? std::optional(demo_prices()) : std::nullopt,
                                s.balance ? std::optional(voip::Money{*s.balance}) : std::nullopt);
        std::optional<voip::Bundle> stored;
        if (!s.created_on.empty()) {
            stored = *voip::make_bundle(*voip::parse_uuid(seed_uuid), voip::CreatedOn{*voip::parse_iso_date(s.created_on)},
                                        voip::ExpiresOn{*voip::parse_iso_date(s.expires_on)},
                                        *voip::bundle_type_from_code(s.bundle_type),
                                        s.auto_renew ? voip::AutoRenew::on : voip::AutoRenew::off);
        }
        const auto find = [&](const voip::Uuid& u) -> const voip::Bundle* {
            return stored && stored->uuid() == u ? &*stored : nullptr;
        };
        voip::Result r = voip::fail(voip::Error::invalid_json);
        switch (s.op) {
            case voip::Operation::create: {
                const auto call = voip::parse_create(text_of(s.body));
                r = call ? voip::create(*call, *voip::parse_uuid(s.uuid), c) : voip::fail(call.error());
                break;
            }
            case voip::Operation::update: {
                const auto call = voip::parse_update(s.uuid, text_of(s.body));
                r = call ? voip::handle_update(call->uuid, call->request, find, c) : voip::fail(call.error());
                break;
            }
            case voip::Operation::renew: {
                const auto call = voip::parse_renew(s.uuid);
                r = call ? voip::handle_renew(*call, find, c) : voip::fail(call.error());
                break;
            }
        }
        const voip::Envelope e = voip::make_envelope(s.op, r);
        if (e.status() != s.expected) ++failures;
        out += "# ";
        out += std::to_string(++number);
        out += ". ";
        out += verb(s.op);
        out += ": ";
        out += s.title;
        out += " -> ";
        out += std::to_string(voip::code(e.status()));
        out += ' ';
        out += voip::status_message(e.status());
        if (!r) {
            out += " (";
            out += voip::name(r.error());
            out += ')';
        }
        out += '\n';
        out += voip::to_string(e, voip::WriteOptions{voip::Layout::pretty});
        out += '\n';
    }
    return failures;
}

}  // namespace

int run_demo() {
    std::string text;
    const int failures = replay_seed_page(text);
    write_stdout(text);
    return failures == 0 ? 0 : 1;
}

}  // namespace voip_cli

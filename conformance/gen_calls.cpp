// Inputs of kind call: the API's three calls as a host receives them (a uuid text, a body,
// the stored bundles) under the seed's policy in both month-end modes, so that the command
// and the sandbox can replay them (conformance/README.md).
#include <cctype>

#include "gen.hpp"

namespace voip_conformance {

namespace {

std::string body(int type, bool auto_renew) {
    return "{\"bundle_type\": " + std::to_string(type) + ", \"auto_renew\": " + (auto_renew ? "true" : "false") + "}";
}

Json call_input(const std::string& uuid, const Json& stored, const Json& ctx) {
    return Json{{"uuid", uuid}, {"stored", stored}, {"context", ctx}};
}

std::int64_t price(int type) { return seed_prices().at(static_cast<voip::BundleType>(type))->minor; }

void call_creates(Vectors& out) {
    int n = 1000;
    for (const voip::RenewalPolicy& p : seed_policies())
        for (const date::sys_days today : {ymd(2018, 8, 1), ymd(2019, 1, 31), ymd(2020, 2, 29), ymd(9999, 12, 15)})
            for (const int type : {1, 2, 5}) {
                const std::string uuid = voip::to_string(uuid_n(++n));
                std::vector<std::pair<bool, std::optional<std::int64_t>>> ctxs = {{false, std::nullopt}, {true, std::nullopt}};
                for (const std::int64_t b : {price(type) - 1, price(type), std::int64_t{-1}}) ctxs.emplace_back(true, b);
                for (const auto& [priced, balance] : ctxs) {
                    Json in = call_input(uuid, Json::array(), context(today, p, priced, balance));
                    put_text(in, "body", body(type, type != 2));
                    out.push_back({"call", "create", in});
                }
            }
    // Every hostile body, on a create that would otherwise succeed.
    for (const std::string& text : hostile_bodies()) {
        Json in = call_input(voip::to_string(uuid_n(++n)), Json::array(), context(ymd(2018, 8, 1), seed_policies()[0], true, 100000));
        put_text(in, "body", text);
        out.push_back({"call", "create", in});
    }
}

std::string upper(std::string s) {
    for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

void call_updates(Vectors& out) {
    int n = 1200;
    for (const voip::RenewalPolicy& p : seed_policies())
        for (const date::sys_days created : {ymd(2018, 8, 1), ymd(2019, 1, 31), ymd(2020, 2, 29)})
            for (int renewals = 0; renewals <= 2; ++renewals) {
                const voip::Bundle b = chain_bundle(++n, created, renewals, p, 2, renewals == 2);
                const Json stored = Json::array({bundle_json(b)});
                const std::string uuid = voip::to_string(b.uuid());
                for (const date::sys_days today : update_days(b, p)) {
                    const voip::Context c = context_of(context(today, p, true, std::nullopt));
                    const auto charge = voip::upgrade_charge(b, voip::BundleType::business, c);
                    const std::int64_t due = charge ? charge->minor : 0;
                    // Around the charge; 0 when there is none to pay (not_in_service).
                    const std::vector<std::int64_t> balances = due > 0 ? std::vector<std::int64_t>{due - 1, due} : std::vector<std::int64_t>{0};
                    for (const std::int64_t balance : balances) {
                        Json in = call_input(renewals == 1 ? upper(uuid) : uuid, stored, context(today, p, true, balance));
                        put_text(in, "body", body(1, renewals != 0));
                        out.push_back({"call", "update", in});
                    }
                    Json in = call_input(uuid, stored, context(today, p, false, std::nullopt));
                    put_text(in, "body", "{\"bundle_type\": 5}");
                    out.push_back({"call", "update", in});
                }
            }
}

// Unknown and malformed uuids, and a bad body on a known bundle.
void call_refusals(Vectors& out) {
    const voip::RenewalPolicy p = seed_policies()[0];
    const voip::Bundle b = chain_bundle(1400, ymd(2018, 8, 1), 0, p, 2, false);
    const Json stored = Json::array({bundle_json(b)});
    const Json ctx = context(ymd(2018, 8, 17), p, true, 100000);
    const std::string known = voip::to_string(b.uuid());
    const std::string unknown = voip::to_string(uuid_n(1401));
    const std::string malformed[] = {"0fba8c48-99fc-4727-8ca7-c847376da41",  "0fba8c48-99fc-4727-8ca7-c847376da4150",
                                     "0fba8c4899fc47278ca7c847376da415",     "{0fba8c48-99fc-4727-8ca7-c847376da415}",
                                     "0fba8c48-99fc-4727-8ca7_c847376da415", "0fba8c48-99fc-4727-8ca7-c847376da41g",
                                     "urn:uuid:0fba8c48-99fc-4727-8ca7-c8473", "not-a-uuid"};
    for (const char* op : {"update", "renew"}) {
        std::vector<std::string> uuids = {unknown};
        for (const std::string& m : malformed) uuids.push_back(m);
        for (const std::string& u : uuids) {
            Json in = call_input(u, stored, ctx);
            if (std::string(op) == "update") put_text(in, "body", "{\"bundle_type\": 1, \"auto_renew\": true, \"auto_renew\": 1}");
            out.push_back({"call", op, in});
        }
    }
    for (const std::string& text : {std::string("{\"bundle_type\": 9}"), std::string("[]"), std::string("{\"bundle_type\": 1, \"auto_renew\": \"yes\"}")}) {
        Json in = call_input(known, stored, ctx);
        put_text(in, "body", text);
        out.push_back({"call", "update", in});
    }
}

void call_renewals(Vectors& out) {
    int n = 1500;
    for (const voip::RenewalPolicy& p : seed_policies())
        for (const date::sys_days created : {ymd(2018, 8, 1), ymd(2019, 1, 31), ymd(2020, 2, 29)})
            for (int renewals = 0; renewals <= 1; ++renewals) {
                const voip::Bundle b = chain_bundle(++n, created, renewals, p, 4 - renewals * 2, renewals == 1);
                const Json stored = Json::array({bundle_json(b)});
                const std::string uuid = voip::to_string(b.uuid());
                for (const int o : {-4, -3, -1, 0, 5, 6})
                    out.push_back({"call", "renew", call_input(uuid, stored, context(plus(b.expires_on(), o), p, true, 100000))});
                const std::int64_t due = price(voip::code(b.bundle_type()));
                for (const std::optional<std::int64_t> balance : {std::optional<std::int64_t>(due - 1), std::optional<std::int64_t>(due), std::optional<std::int64_t>()})
                    out.push_back({"call", "renew", call_input(uuid, stored, context(plus(b.expires_on(), -3), p, true, balance))});
                out.push_back({"call", "renew", call_input(uuid, stored, context(b.expires_on(), p, false, std::nullopt))});
            }
    // A renewal past 9999-12-31.
    const voip::Bundle last = bundle(1600, ymd(9999, 11, 1), ymd(9999, 12, 1), 2, false);
    out.push_back({"call", "renew", call_input(voip::to_string(last.uuid()), Json::array({bundle_json(last)}),
                                               context(ymd(9999, 11, 28), seed_policies()[0], true, 100000))});
}

}  // namespace

void gen_calls(Vectors& out) {
    call_creates(out);
    call_updates(out);
    call_refusals(out);
    call_renewals(out);
}

}  // namespace voip_conformance

// The operations of the conformance vectors that touch the wire or charge: kinds charge,
// decode, envelope, call, and the codecs of kind value. Also the vectors' text fields.
#include <array>
#include <vector>

#include "eval.hpp"

namespace voip_conformance {

namespace {

constexpr std::string_view base64_digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

std::string base64(std::string_view bytes) {
    std::string out;
    for (std::size_t i = 0; i < bytes.size(); i += 3) {
        std::uint32_t v = static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i])) << 16;
        if (i + 1 < bytes.size()) v |= static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i + 1])) << 8;
        if (i + 2 < bytes.size()) v |= static_cast<unsigned char>(bytes[i + 2]);
        for (std::size_t k = 0; k < 4; ++k)
            out += i + k <= bytes.size() ? base64_digits[(v >> (18 - 6 * k)) & 63] : '=';
    }
    return out;
}

std::string unbase64(const std::string& text) {
    std::string out;
    std::uint32_t v = 0;
    int bits = 0;
    for (const char c : text) {
        if (c == '=') break;
        const std::size_t d = base64_digits.find(c);
        if (d == std::string_view::npos) throw BadVector("not base64: " + text);
        v = (v << 6) | static_cast<std::uint32_t>(d);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += static_cast<char>((v >> bits) & 0xFF);
        }
    }
    return out;
}

voip::Operation operation_of(const Json& j) {
    const std::string s = j.get<std::string>();
    if (s == "create") return voip::Operation::create;
    if (s == "update") return voip::Operation::update;
    if (s == "renew") return voip::Operation::renew;
    throw BadVector("not an operation: " + j.dump());
}

voip::Error error_of(const Json& j) {
    for (auto e = static_cast<int>(voip::first_error); e <= static_cast<int>(voip::last_error); ++e)
        if (voip::name(static_cast<voip::Error>(e)) == j.get<std::string>()) return static_cast<voip::Error>(e);
    throw BadVector("not an error: " + j.dump());
}

void add_charge_ops(Ops& ops) {
    ops["quote_create"] = [](const Json& in) {
        return outcome(voip::quote_create(request_of(in.at("request")), uuid_of(in.at("uuid")), context_of(in.at("context"))),
                       decision_json);
    };
    ops["create"] = [](const Json& in) {
        return outcome(voip::create(request_of(in.at("request")), uuid_of(in.at("uuid")), context_of(in.at("context"))),
                       decision_json);
    };
    ops["quote_update"] = [](const Json& in) {
        return outcome(
            voip::quote_update(bundle_of(in.at("bundle")), request_of(in.at("request")), context_of(in.at("context"))),
            decision_json);
    };
    ops["update"] = [](const Json& in) {
        return outcome(voip::update(bundle_of(in.at("bundle")), request_of(in.at("request")), context_of(in.at("context"))),
                       decision_json);
    };
    ops["quote_renew"] = [](const Json& in) {
        return outcome(voip::quote_renew(bundle_of(in.at("bundle")), context_of(in.at("context"))), decision_json);
    };
    ops["renew"] = [](const Json& in) {
        return outcome(voip::renew(bundle_of(in.at("bundle")), context_of(in.at("context"))), decision_json);
    };
    ops["upgrade_charge_breakdown"] = [](const Json& in) {
        const auto u = voip::upgrade_charge_breakdown(bundle_of(in.at("bundle")), type_of(in.at("to")),
                                                      context_of(in.at("context")));
        return outcome(u, [](const voip::UpgradeCharge& c) {
            return Json{{"difference", c.difference.minor},
                        {"current", Json{{"first", day_json(c.current.first)}, {"end", day_json(c.current.end)}}},
                        {"days_left", c.days_left},
                        {"prepaid_terms", c.prepaid_terms},
                        {"cut_days", c.cut_days},
                        {"cut_term_days", c.cut_term_days},
                        {"total", c.total.minor}};
        });
    };
}

Json uuid_json(const voip::Uuid& u) { return voip::to_string(u); }

void add_decode_ops(Ops& ops) {
    ops["parse_create"] = [](const Json& in) { return outcome(voip::parse_create(text_of(in, "body")), request_json); };
    ops["parse_update"] = [](const Json& in) {
        return outcome(voip::parse_update(in.at("uuid").get<std::string>(), text_of(in, "body")),
                       [](const voip::UpdateCall& c) { return Json{{"uuid", uuid_json(c.uuid)}, {"request", request_json(c.request)}}; });
    };
    ops["parse_renew"] = [](const Json& in) { return outcome(voip::parse_renew(in.at("uuid").get<std::string>()), uuid_json); };
    ops["parse_iso_date"] = [](const Json& in) { return outcome(voip::parse_iso_date(in.at("text").get<std::string>()), day_json); };
    ops["parse_uuid"] = [](const Json& in) { return outcome(voip::parse_uuid(in.at("text").get<std::string>()), uuid_json); };
    ops["decode_prices"] = [](const Json& in) { return outcome(voip::decode_prices(text_of(in, "body")), prices_json); };
    ops["decode_bundle"] = [](const Json& in) { return outcome(voip::decode_bundle(text_of(in, "body")), bundle_json); };
    ops["encode_bundle"] = [](const Json& in) { return result_json(voip::encode_bundle(bundle_of(in.at("bundle")))); };
}

voip::WriteOptions options_of(const Json& in) {
    return voip::WriteOptions{in.at("layout") == "pretty" ? voip::Layout::pretty : voip::Layout::compact,
                              in.at("detail") == "on" ? voip::ErrorDetail::on : voip::ErrorDetail::off};
}

// An API call as a host makes it (the sandbox, the command): decode in the rules' order
// (uuid, then body), find the bundle among the stored ones, decide, answer an envelope.
Json call(voip::Operation op, const Json& in) {
    std::vector<voip::Bundle> stored;
    for (const Json& b : in.at("stored")) stored.push_back(bundle_of(b));
    const auto find = [&](const voip::Uuid& u) -> const voip::Bundle* {
        for (const voip::Bundle& b : stored)
            if (b.uuid() == u) return &b;
        return nullptr;
    };
    const voip::Context c = context_of(in.at("context"));
    const std::string uuid_text = in.at("uuid").get<std::string>();
    voip::Result r = voip::fail(voip::Error::invalid_json);
    if (op == voip::Operation::create) {
        const auto req = voip::parse_create(text_of(in, "body"));
        r = req ? voip::create(*req, uuid_of(in.at("uuid")), c) : voip::fail(req.error());
    } else if (op == voip::Operation::update) {
        const auto u = voip::parse_update(uuid_text, text_of(in, "body"));
        r = u ? voip::handle_update(u->uuid, u->request, find, c) : voip::fail(u.error());
    } else {
        const auto u = voip::parse_renew(uuid_text);
        r = u ? voip::handle_renew(*u, find, c) : voip::fail(u.error());
    }
    const voip::Envelope e = voip::make_envelope(op, r);
    return result_json(Json{{"status", voip::code(e.status())},
                            {"error", r ? Json(nullptr) : Json(std::string(voip::name(r.error())))},
                            {"envelope", voip::to_string(e)},
                            {"charge", r ? Json(r->charge.minor) : Json(nullptr)},
                            {"bundle", r ? bundle_json(r->bundle) : Json(nullptr)}});
}

void add_envelope_and_call_ops(Ops& ops) {
    ops["to_string"] = [](const Json& in) {
        const voip::Envelope e = in.contains("error") ? voip::error_envelope(error_of(in.at("error")))
                                                      : voip::success_envelope(operation_of(in.at("operation")),
                                                                               bundle_of(in.at("bundle")));
        return result_json(voip::to_string(e, options_of(in)));
    };
    for (const char* name : {"create", "update", "renew"}) {
        const voip::Operation op = operation_of(name);
        ops[std::string("call_") + name] = [op](const Json& in) { return call(op, in); };
    }
}

}  // namespace

std::string text_of(const Json& input, const char* name) {
    if (const auto it = input.find(name); it != input.end()) return it->get<std::string>();
    return unbase64(input.at(std::string(name) + "_base64").get<std::string>());
}

void put_text(Json& input, const char* name, std::string_view bytes) {
    try {
        const Json text = std::string(bytes);
        (void)text.dump();  // throws for bytes that are not UTF-8
        input[name] = text;
    } catch (const nlohmann::json::type_error&) {
        input[std::string(name) + "_base64"] = base64(bytes);
    }
}

void add_wire_ops(Ops& ops) {
    add_charge_ops(ops);
    add_decode_ops(ops);
    add_envelope_and_call_ops(ops);
}

const Ops& all_ops() {
    static const Ops ops = [] {
        Ops o;
        add_rule_ops(o);
        add_wire_ops(o);
        return o;
    }();
    return ops;
}

Json evaluate(const Json& vector) {
    // A call's op is create, update or renew, as the decisions of kind charge: told apart by kind.
    const std::string op = (vector.at("kind") == "call" ? "call_" : "") + vector.at("op").get<std::string>();
    const auto it = all_ops().find(op);
    if (it == all_ops().end()) throw BadVector("unknown op " + op);
    return it->second(vector.at("input"));
}

}  // namespace voip_conformance

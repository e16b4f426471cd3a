// Request decoding: body text -> validated voip::Request. The library's strict decoder
// (voip/bundle_json.hpp, when present) vs nlohmann::json parse + the same field checks,
// vs simdjson on-demand + the same checks.
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>
#include <simdjson.h>
#include <tl/expected.hpp>

#include <voip/bundle.hpp>

#include "common.hpp"
#include "strict_decoder.hpp"

namespace {

using Decoded = tl::expected<voip::Request, voip::Error>;

// The bound every decoder here applies to the body size.
constexpr std::size_t max_body = 4096;

// ---- nlohmann: parse into a DOM, then look at the two members -----------------------

voip::RawField nlohmann_field(const nlohmann::json& j, const char* key) {
    const auto it = j.find(key);
    if (it == j.end()) return voip::RawField::absent();
    const nlohmann::json& v = *it;
    switch (v.type()) {
        case nlohmann::json::value_t::null: return voip::RawField::null();
        case nlohmann::json::value_t::boolean: return voip::RawField::of(v.get<bool>());
        case nlohmann::json::value_t::number_integer: return voip::RawField::of(v.get<std::int64_t>());
        case nlohmann::json::value_t::number_unsigned: {
            const auto u = v.get<std::uint64_t>();
            if (u > static_cast<std::uint64_t>(INT64_MAX)) return voip::RawField::of(voip::JsonKind::big_integer);
            return voip::RawField::of(static_cast<std::int64_t>(u));
        }
        case nlohmann::json::value_t::number_float: return voip::RawField::of(voip::JsonKind::number);
        case nlohmann::json::value_t::string: return voip::RawField::of(voip::JsonKind::string);
        case nlohmann::json::value_t::array: return voip::RawField::of(voip::JsonKind::array);
        default: return voip::RawField::of(voip::JsonKind::object);
    }
}

// What a developer with nlohmann would write: size bound, parse without exceptions, object
// check, the members' types and ranges (validate()). nlohmann keeps the last of two equal
// member names, so duplicates pass: the peer checks less than the library's decoder does.
Decoded nlohmann_decode(std::string_view body) {
    if (body.size() > max_body) return tl::make_unexpected(voip::Error::body_too_large);
    const auto j = nlohmann::json::parse(body.begin(), body.end(), nullptr, false);
    if (j.is_discarded()) return tl::make_unexpected(voip::Error::invalid_json);
    if (!j.is_object()) return tl::make_unexpected(voip::Error::body_not_object);
    return voip::validate({nlohmann_field(j, "auto_renew"), nlohmann_field(j, "bundle_type")});
}

// ---- simdjson on-demand -------------------------------------------------------------------

// The body must be followed by SIMDJSON_PADDING readable bytes; the copy into a padded
// buffer is what a server holding the body in a std::string would have to do.
class SimdjsonDecoder {
public:
    Decoded operator()(std::string_view body) {
        if (body.size() > max_body) return tl::make_unexpected(voip::Error::body_too_large);
        std::memcpy(buf_.data(), body.data(), body.size());
        simdjson::ondemand::document doc;
        if (parser_.iterate(simdjson::padded_string_view(buf_.data(), body.size(), buf_.size())).get(doc))
            return tl::make_unexpected(voip::Error::invalid_json);
        simdjson::ondemand::object obj;
        if (doc.get_object().get(obj)) return tl::make_unexpected(voip::Error::body_not_object);
        voip::RawRequest raw;
        for (auto member : obj) {
            std::string_view key;
            if (member.unescaped_key().get(key)) return tl::make_unexpected(voip::Error::invalid_json);
            voip::RawField* slot = key == "bundle_type" ? &raw.bundle_type : key == "auto_renew" ? &raw.auto_renew : nullptr;
            simdjson::ondemand::value v;
            if (member.value().get(v)) return tl::make_unexpected(voip::Error::invalid_json);
            if (slot == nullptr) {
                // Unknown member: still make the parser step over it.
                continue;
            }
            if (slot->kind != voip::JsonKind::absent) return tl::make_unexpected(voip::Error::duplicate_member);
            simdjson::ondemand::json_type t;
            if (v.type().get(t)) return tl::make_unexpected(voip::Error::invalid_json);
            switch (t) {
                case simdjson::ondemand::json_type::null:
                    if (!v.is_null()) return tl::make_unexpected(voip::Error::invalid_json);
                    *slot = voip::RawField::null();
                    break;
                case simdjson::ondemand::json_type::boolean: {
                    bool b = false;
                    if (v.get_bool().get(b)) return tl::make_unexpected(voip::Error::invalid_json);
                    *slot = voip::RawField::of(b);
                    break;
                }
                case simdjson::ondemand::json_type::number: {
                    simdjson::ondemand::number_type nt;
                    if (v.get_number_type().get(nt)) {
                        *slot = voip::RawField::of(voip::JsonKind::big_integer);
                    } else if (nt == simdjson::ondemand::number_type::signed_integer) {
                        std::int64_t i = 0;
                        if (v.get_int64().get(i)) return tl::make_unexpected(voip::Error::invalid_json);
                        *slot = voip::RawField::of(i);
                    } else if (nt == simdjson::ondemand::number_type::unsigned_integer) {
                        *slot = voip::RawField::of(voip::JsonKind::big_integer);
                    } else {
                        *slot = voip::RawField::of(voip::JsonKind::number);
                    }
                    break;
                }
                case simdjson::ondemand::json_type::string: *slot = voip::RawField::of(voip::JsonKind::string); break;
                case simdjson::ondemand::json_type::array: *slot = voip::RawField::of(voip::JsonKind::array); break;
                default: *slot = voip::RawField::of(voip::JsonKind::object); break;
            }
        }
        // simdjson 3.0.1 has no document::at_end(): text after the object goes unnoticed.
        return voip::validate(raw);
    }

private:
    simdjson::ondemand::parser parser_{max_body};
    std::vector<char> buf_ = std::vector<char>(max_body + simdjson::SIMDJSON_PADDING, '\0');
};

// The DOM API of libsimdjson.so picks the best kernel for the CPU at run time (the
// on-demand API above is compiled into this file for the build's baseline, x86-64, i.e.
// simdjson's "fallback" kernel). Big integers fail the whole parse here (still a 400).
class SimdjsonDomDecoder {
public:
    Decoded operator()(std::string_view body) {
        if (body.size() > max_body) return tl::make_unexpected(voip::Error::body_too_large);
        std::memcpy(buf_.data(), body.data(), body.size());
        simdjson::dom::element root;
        if (parser_.parse(reinterpret_cast<const std::uint8_t*>(buf_.data()), body.size(), false).get(root))
            return tl::make_unexpected(voip::Error::invalid_json);
        simdjson::dom::object obj;
        if (root.get_object().get(obj)) return tl::make_unexpected(voip::Error::body_not_object);
        voip::RawRequest raw;
        for (const auto member : obj) {
            voip::RawField* slot = member.key == "bundle_type" ? &raw.bundle_type
                                   : member.key == "auto_renew" ? &raw.auto_renew
                                                                : nullptr;
            if (slot == nullptr) continue;
            if (slot->kind != voip::JsonKind::absent) return tl::make_unexpected(voip::Error::duplicate_member);
            const simdjson::dom::element v = member.value;
            switch (v.type()) {
                case simdjson::dom::element_type::NULL_VALUE: *slot = voip::RawField::null(); break;
                case simdjson::dom::element_type::BOOL: *slot = voip::RawField::of(bool(v.get_bool().value_unsafe())); break;
                case simdjson::dom::element_type::INT64: *slot = voip::RawField::of(std::int64_t(v.get_int64().value_unsafe())); break;
                case simdjson::dom::element_type::UINT64: *slot = voip::RawField::of(voip::JsonKind::big_integer); break;
                case simdjson::dom::element_type::DOUBLE: *slot = voip::RawField::of(voip::JsonKind::number); break;
                case simdjson::dom::element_type::STRING: *slot = voip::RawField::of(voip::JsonKind::string); break;
                case simdjson::dom::element_type::ARRAY: *slot = voip::RawField::of(voip::JsonKind::array); break;
                default: *slot = voip::RawField::of(voip::JsonKind::object); break;
            }
        }
        return voip::validate(raw);
    }

private:
    simdjson::dom::parser parser_{max_body};
    std::vector<char> buf_ = std::vector<char>(max_body + simdjson::SIMDJSON_PADDING, '\0');
};

// ---- inputs ---------------------------------------------------------------------------

// The seed's create body as printed on the page, and variants with the other values and
// layouts an API sees.
const std::vector<std::string>& bodies() {
    static const std::vector<std::string> v = {
        "{\n\"auto_renew\" : true,\n\"bundle_type\" : 1\n}",
        R"({"auto_renew":false,"bundle_type":2})",
        R"({"bundle_type": 3})",
        "{\n    \"bundle_type\": 4,\n    \"auto_renew\": true\n}",
        R"({"auto_renew": true, "bundle_type": 5})",
        R"({"bundle_type":1,"auto_renew":false})",
        "{ \"auto_renew\" : false , \"bundle_type\" : 2 }",
        R"({"bundle_type":5})",
    };
    return v;
}
constexpr std::size_t body_count = 8;

template <class Decode>
void run(benchmark::State& state, Decode&& decode) {
    const auto& texts = bodies();
    std::size_t i = 0;
    std::size_t bytes = 0;
    for (auto _ : state) {
        const std::string& body = texts[i++ % body_count];
        bytes += body.size();
        const auto r = decode(std::string_view(body));
        benchmark::DoNotOptimize(r);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
}

#if VOIP_BENCH_HAVE_STRICT_DECODER
void decode_library(benchmark::State& state) { run(state, [](std::string_view b) { return bench::strict_decode(b); }); }
BENCHMARK(decode_library)->Name("decode/library_strict");
#endif

void decode_nlohmann(benchmark::State& state) { run(state, nlohmann_decode); }
BENCHMARK(decode_nlohmann)->Name("decode/nlohmann_parse_checks");

void decode_simdjson(benchmark::State& state) {
    SimdjsonDecoder decoder;
    run(state, [&](std::string_view b) { return decoder(b); });
}
BENCHMARK(decode_simdjson)->Name("decode/simdjson_ondemand_checks");

void decode_simdjson_dom(benchmark::State& state) {
    SimdjsonDomDecoder decoder;
    run(state, [&](std::string_view b) { return decoder(b); });
}
BENCHMARK(decode_simdjson_dom)->Name("decode/simdjson_dom_checks");

}  // namespace

namespace bench {

tl::expected<voip::Request, voip::Error> nlohmann_decode_request(std::string_view body) { return nlohmann_decode(body); }

bool have_strict_decoder() { return VOIP_BENCH_HAVE_STRICT_DECODER != 0; }

std::string check_decoders() {
    SimdjsonDecoder simd;
    SimdjsonDomDecoder dom;
    // Every decoder must give the same answer on the timed bodies and reject these.
    const std::vector<std::string> bad = {R"([1])", R"({"bundle_type":"1"})", R"({"bundle_type":1.5})",
                                          R"({"bundle_type":6})", R"({"bundle_type":1,"auto_renew":null})",
                                          R"({"bundle_type":1)", R"({"auto_renew":true})"};
    for (const auto& body : bodies()) {
        const auto n = nlohmann_decode(body);
        const auto s = simd(body);
        const auto d = dom(body);
        if (!n || !s || !d || *n != *s || *n != *d) return "decoders disagree on " + body;
#if VOIP_BENCH_HAVE_STRICT_DECODER
        const auto l = strict_decode(body);
        if (!l || *l != *n) return "strict decoder disagrees on " + body;
#endif
    }
    for (const auto& body : bad) {
        if (nlohmann_decode(body) || simd(body) || dom(body)) return "a peer accepted " + body;
#if VOIP_BENCH_HAVE_STRICT_DECODER
        if (strict_decode(body)) return "the strict decoder accepted " + body;
#endif
    }
    return {};
}

}  // namespace bench

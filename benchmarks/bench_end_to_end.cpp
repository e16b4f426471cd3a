// End to end, as a server would run it: request text in, envelope text out.
//   create: body text -> decode + validate -> decision -> 201 envelope text
//   renew:  uuid text from the URL -> lookup -> window check + new expiry -> 200 envelope text
// The library path vs the same work done with nlohmann::json, Boost.Uuid and the bare date
// library. Outputs are compared byte for byte at start-up.
#include <cstring>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <benchmark/benchmark.h>
#include <boost/uuid/string_generator.hpp>
#include <boost/uuid/uuid.hpp>
#include <boost/uuid/uuid_hash.hpp>
#include <nlohmann/json.hpp>

#include <voip/bundle.hpp>
#include <voip/bundle_json.hpp>

#include "common.hpp"
#include "strict_decoder.hpp"

namespace {

using bench::ring;

const voip::Uuid new_uuid = *voip::parse_uuid("0fba8c48-99fc-4727-8ca7-c847376da415");
const date::sys_days create_day = date::sys_days{date::year{2018} / 8 / 1};
const date::sys_days renew_day = date::sys_days{date::year{2018} / 8 / 30};

const std::vector<std::string>& create_bodies() {
    static const std::vector<std::string> v = {
        "{\n\"auto_renew\" : true,\n\"bundle_type\" : 1\n}",
        R"({"auto_renew":false,"bundle_type":2})",
        R"({"bundle_type": 3})",
        "{\n    \"bundle_type\": 4,\n    \"auto_renew\": true\n}",
    };
    return v;
}
constexpr std::size_t body_count = 4;

// `ring` stored bundles, keyed by the sample UUIDs; all in their renewal window on renew_day.
voip::Bundle stored(const voip::Uuid& u, std::size_t i) {
    const voip::Bundle s = bench::seed_bundle();
    return *voip::make_bundle(u, voip::CreatedOn{s.created_on()}, voip::ExpiresOn{s.expires_on()},
                              static_cast<voip::BundleType>(1 + i % 5), i % 2 == 0 ? voip::AutoRenew::on : voip::AutoRenew::off);
}

// The peer's own record of a bundle: a host without the library keeps a plain struct.
struct PeerBundle {
    voip::Uuid uuid;
    date::sys_days created_on;
    date::sys_days expires_on;
    voip::BundleType bundle_type;
    bool auto_renew;
};
PeerBundle peer_record(const voip::Bundle& b) {
    return {b.uuid(), b.created_on(), b.expires_on(), b.bundle_type(), b.auto_renew()};
}
const std::unordered_map<voip::Uuid, voip::Bundle>& library_store() {
    static const auto m = [] {
        std::unordered_map<voip::Uuid, voip::Bundle> r;
        for (std::size_t i = 0; i < ring; ++i) r.emplace(bench::sample_uuids()[i], stored(bench::sample_uuids()[i], i));
        return r;
    }();
    return m;
}
const std::unordered_map<boost::uuids::uuid, PeerBundle>& boost_store() {
    static const auto m = [] {
        std::unordered_map<boost::uuids::uuid, PeerBundle> r;
        for (std::size_t i = 0; i < ring; ++i) {
            boost::uuids::uuid k{};
            std::memcpy(k.data, bench::sample_uuids()[i].bytes.data(), 16);
            r.emplace(k, peer_record(stored(bench::sample_uuids()[i], i)));
        }
        return r;
    }();
    return m;
}

voip::Context context(date::sys_days today) { return voip::make_context(today).value(); }

// ---- the library ----------------------------------------------------------------------

#if VOIP_BENCH_HAVE_STRICT_DECODER
std::size_t library_create(std::string_view body, char* out, std::size_t cap) {
    static const voip::Context c = context(create_day);
    const auto call = voip::parse_create(body);
    const auto r = call ? voip::create(*call, new_uuid, c) : voip::Result(voip::fail(call.error()));
    const auto n = voip::write_envelope(out, out + cap, voip::make_envelope(voip::Operation::create, r));
    return n ? *n : 0;
}
#endif

std::size_t library_renew(std::string_view uuid_text, char* out, std::size_t cap) {
    static const voip::Context c = context(renew_day);
    const auto& store = library_store();
    const auto find = [&](const voip::Uuid& u) -> const voip::Bundle* {
        const auto it = store.find(u);
        return it == store.end() ? nullptr : &it->second;
    };
    const auto call = voip::parse_renew(uuid_text);
    const auto r = call ? voip::handle_renew(*call, find, c) : voip::Result(voip::fail(call.error()));
    const auto n = voip::write_envelope(out, out + cap, voip::make_envelope(voip::Operation::renew, r));
    return n ? *n : 0;
}

// ---- the peer ---------------------------------------------------------------------------

date::sys_days bare_clamp(date::sys_days from, date::day anchor) {
    const date::year_month_day f{from};
    const date::year_month target = f.year() / f.month() + date::months{1};
    const date::day last = (target / date::last).day();
    return date::sys_days{target / (anchor < last ? anchor : last)};
}

std::string nlohmann_answer(int status, const char* message, const PeerBundle* b) {
    nlohmann::json j;
    if (b != nullptr) {
        j["result"] = {{"auto_renew", b->auto_renew},
                       {"bundle_type", voip::code(b->bundle_type)},
                       {"expires_on", voip::to_iso_string(b->expires_on)},
                       {"uuid", voip::to_string(b->uuid)}};
    } else {
        j["result"] = nlohmann::json::object();
    }
    j["status_code"] = status;
    j["status_message"] = message;
    return j.dump();
}

std::string peer_create(std::string_view body) {
    const auto r = bench::nlohmann_decode_request(body);
    if (!r) return nlohmann_answer(400, "Bad Request", nullptr);
    PeerBundle b;  // by hand, as a host without the library would
    b.uuid = new_uuid;
    b.created_on = create_day;
    b.expires_on = bare_clamp(create_day, date::year_month_day{create_day}.day());
    b.bundle_type = r->bundle_type;
    b.auto_renew = r->auto_renew;
    return nlohmann_answer(201, "Created", &b);
}

std::string peer_renew(const std::string& uuid_text) {
    boost::uuids::uuid u{};
    try {
        u = boost::uuids::string_generator()(uuid_text);
    } catch (const std::exception&) {
        return nlohmann_answer(400, "Bad Request", nullptr);
    }
    const auto& store = boost_store();
    const auto it = store.find(u);
    if (it == store.end()) return nlohmann_answer(404, "Not Found", nullptr);
    PeerBundle b = it->second;
    if (renew_day < b.expires_on - date::days{3} || renew_day > b.expires_on + date::days{5})
        return nlohmann_answer(400, "Bad Request", nullptr);
    b.expires_on = bare_clamp(b.expires_on, date::year_month_day{b.created_on}.day());
    return nlohmann_answer(200, "OK", &b);
}

// ---- benchmarks ---------------------------------------------------------------------------

#if VOIP_BENCH_HAVE_STRICT_DECODER
void create_library(benchmark::State& state) {
    char buf[voip::max_envelope_size];
    std::size_t i = 0;
    for (auto _ : state) {
        const auto n = library_create(create_bodies()[i++ % body_count], buf, sizeof buf);
        benchmark::DoNotOptimize(n);
        benchmark::DoNotOptimize(buf);
        benchmark::ClobberMemory();
    }
}
BENCHMARK(create_library)->Name("end_to_end_create/library");
#endif

void create_peer(benchmark::State& state) {
    std::size_t i = 0;
    for (auto _ : state) {
        auto s = peer_create(create_bodies()[i++ % body_count]);
        benchmark::DoNotOptimize(s);
    }
}
BENCHMARK(create_peer)->Name("end_to_end_create/nlohmann_date_peer");

void renew_library(benchmark::State& state) {
    char buf[voip::max_envelope_size];
    std::size_t i = 0;
    for (auto _ : state) {
        const auto n = library_renew(bench::sample_uuid_texts()[i++ % ring], buf, sizeof buf);
        benchmark::DoNotOptimize(n);
        benchmark::DoNotOptimize(buf);
        benchmark::ClobberMemory();
    }
}
BENCHMARK(renew_library)->Name("end_to_end_renew/library");

void renew_peer(benchmark::State& state) {
    std::size_t i = 0;
    for (auto _ : state) {
        auto s = peer_renew(bench::sample_uuid_texts()[i++ % ring]);
        benchmark::DoNotOptimize(s);
    }
}
BENCHMARK(renew_peer)->Name("end_to_end_renew/boost_nlohmann_date_peer");

}  // namespace

namespace bench {

std::string check_end_to_end() {
    char buf[voip::max_envelope_size];
    for (std::size_t i = 0; i < ring; ++i) {
        const auto& text = sample_uuid_texts()[i];
        const std::string lib(buf, library_renew(text, buf, sizeof buf));
        const std::string peer = peer_renew(text);
        if (lib != peer || lib.find("\"status_code\":200") == std::string::npos)
            return "renew answers differ:\n  library: " + lib + "\n  peer:    " + peer;
    }
#if VOIP_BENCH_HAVE_STRICT_DECODER
    for (const auto& body : create_bodies()) {
        const std::string lib(buf, library_create(body, buf, sizeof buf));
        const std::string peer = peer_create(body);
        if (lib != peer || lib.find("\"status_code\":201") == std::string::npos)
            return "create answers differ:\n  library: " + lib + "\n  peer:    " + peer;
    }
#endif
    return {};
}

}  // namespace bench

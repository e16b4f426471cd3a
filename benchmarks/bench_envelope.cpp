// Envelope text: the library's writer vs building the same JSON with nlohmann::json and
// dump(). The outputs are checked byte for byte at start-up, before anything is timed.
#include <string>

#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>

#include <voip/bundle.hpp>

#include "common.hpp"

namespace {

// What a developer with nlohmann would write. The date and uuid text come from the
// library's own (fast) functions, so the peer pays only for the JSON: a conservative peer.
std::string nlohmann_envelope(const voip::Envelope& e) {
    nlohmann::json j;
    if (const voip::Bundle* b = e.bundle()) {
        j["result"] = {{"auto_renew", b->auto_renew()},
                       {"bundle_type", voip::code(b->bundle_type())},
                       {"expires_on", voip::to_iso_string(b->expires_on())},
                       {"uuid", voip::to_string(b->uuid())}};
    } else {
        j["result"] = nlohmann::json::object();
    }
    j["status_code"] = voip::code(e.status());
    j["status_message"] = std::string(voip::status_message(e.status()));
    return j.dump();
}

voip::Envelope created() { return voip::success_envelope(voip::Operation::create, bench::seed_bundle()); }
voip::Envelope bad_request() { return voip::error_envelope(voip::Error::outside_renewal_window); }

template <voip::Envelope (*Make)()>
void writer_library(benchmark::State& state) {
    const voip::Envelope e = Make();
    char buf[voip::max_envelope_size];
    for (auto _ : state) {
        benchmark::DoNotOptimize(e);
        const auto n = voip::write_envelope(buf, buf + sizeof buf, e);
        benchmark::DoNotOptimize(n);
        benchmark::DoNotOptimize(buf);
        benchmark::ClobberMemory();
    }
}
BENCHMARK_TEMPLATE(writer_library, created)->Name("envelope_201/library_caller_buffer");
BENCHMARK_TEMPLATE(writer_library, bad_request)->Name("envelope_400/library_caller_buffer");

template <voip::Envelope (*Make)()>
void writer_library_string(benchmark::State& state) {
    const voip::Envelope e = Make();
    for (auto _ : state) {
        benchmark::DoNotOptimize(e);
        auto s = voip::to_string(e);
        benchmark::DoNotOptimize(s);
    }
}
BENCHMARK_TEMPLATE(writer_library_string, created)->Name("envelope_201/library_to_string");

template <voip::Envelope (*Make)()>
void writer_nlohmann(benchmark::State& state) {
    const voip::Envelope e = Make();
    for (auto _ : state) {
        benchmark::DoNotOptimize(e);
        auto s = nlohmann_envelope(e);
        benchmark::DoNotOptimize(s);
    }
}
BENCHMARK_TEMPLATE(writer_nlohmann, created)->Name("envelope_201/nlohmann_build_dump");
BENCHMARK_TEMPLATE(writer_nlohmann, bad_request)->Name("envelope_400/nlohmann_build_dump");

}  // namespace

namespace bench {

std::string check_envelopes() {
    for (const auto& e : {created(), bad_request()}) {
        char buf[voip::max_envelope_size];
        const auto n = voip::write_envelope(buf, buf + sizeof buf, e);
        if (!n) return "library writer failed";
        const std::string lib(buf, *n);
        const std::string peer = nlohmann_envelope(e);
        if (lib != peer) return "envelopes differ:\n  library:  " + lib + "\n  nlohmann: " + peer;
    }
    const std::string seed_201 =
        R"({"result":{"auto_renew":true,"bundle_type":1,"expires_on":"2018-09-01",)"
        R"("uuid":"0fba8c48-99fc-4727-8ca7-c847376da415"},"status_code":201,"status_message":"Created"})";
    if (voip::to_string(created()) != seed_201) return "201 envelope is not the seed's: " + voip::to_string(created());
    return {};
}

}  // namespace bench

// UUID text: the library vs Boost.Uuid (string_generator, to_string).
#include <cstring>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>
#include <boost/uuid/string_generator.hpp>
#include <boost/uuid/uuid.hpp>
#include <boost/uuid/uuid_io.hpp>

#include <voip/bundle.hpp>

#include "common.hpp"

namespace {

using bench::ring;

boost::uuids::uuid to_boost(const voip::Uuid& u) {
    boost::uuids::uuid b{};
    std::memcpy(b.data, u.bytes.data(), 16);
    return b;
}

const std::vector<boost::uuids::uuid>& boost_uuids() {
    static const auto v = [] {
        std::vector<boost::uuids::uuid> r;
        for (const auto& u : bench::sample_uuids()) r.push_back(to_boost(u));
        return r;
    }();
    return v;
}

void parse_library(benchmark::State& state) {
    const auto& texts = bench::sample_uuid_texts();
    std::size_t i = 0;
    unsigned sum = 0;  // the answers are added up, as in bench_date.cpp
    for (auto _ : state) {
        const auto u = voip::parse_uuid(texts[i++ % ring]);
        sum += u ? static_cast<unsigned>(u->bytes[0] ^ u->bytes[15]) : 0u;
    }
    benchmark::DoNotOptimize(sum);
}
BENCHMARK(parse_library)->Name("uuid_parse/library");

void parse_boost(benchmark::State& state) {
    const auto& texts = bench::sample_uuid_texts();
    const boost::uuids::string_generator gen;
    std::size_t i = 0;
    unsigned sum = 0;
    for (auto _ : state) {
        const auto u = gen(texts[i++ % ring]);  // throws on bad text; the inputs are good
        sum += static_cast<unsigned>(u.data[0] ^ u.data[15]);
    }
    benchmark::DoNotOptimize(sum);
}
BENCHMARK(parse_boost)->Name("uuid_parse/boost_string_generator");

void format_library(benchmark::State& state) {
    const auto& uuids = bench::sample_uuids();
    char buf[voip::uuid_text_size];
    std::size_t i = 0;
    for (auto _ : state) {
        voip::write_uuid(buf, uuids[i++ % ring]);
        benchmark::DoNotOptimize(buf);
        benchmark::ClobberMemory();
    }
}
BENCHMARK(format_library)->Name("uuid_format/library");

void format_library_string(benchmark::State& state) {
    const auto& uuids = bench::sample_uuids();
    std::size_t i = 0;
    for (auto _ : state) {
        auto s = voip::to_string(uuids[i++ % ring]);
        benchmark::DoNotOptimize(s);
    }
}
BENCHMARK(format_library_string)->Name("uuid_format/library_to_string");

void format_boost(benchmark::State& state) {
    const auto& uuids = boost_uuids();
    std::size_t i = 0;
    for (auto _ : state) {
        auto s = boost::uuids::to_string(uuids[i++ % ring]);
        benchmark::DoNotOptimize(s);
    }
}
BENCHMARK(format_boost)->Name("uuid_format/boost_to_string");

}  // namespace

namespace bench {

std::string check_uuids() {
    const boost::uuids::string_generator gen;
    for (std::size_t i = 0; i < ring; ++i) {
        const auto& text = sample_uuid_texts()[i];
        const auto lib = voip::parse_uuid(text);
        if (!lib || *lib != sample_uuids()[i]) return "library uuid parse of " + text;
        if (gen(text) != boost_uuids()[i]) return "boost uuid parse of " + text;
        if (voip::to_string(*lib) != boost::uuids::to_string(boost_uuids()[i])) return "uuid format of " + text;
    }
    return {};
}

}  // namespace bench

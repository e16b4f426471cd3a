// Why "a function returning tl::expected measured 2.6x slower than an out-parameter":
// the same parsing code behind a call (noinline), returning tl::expected vs writing an
// out-parameter, for a small payload (sys_days: 8-byte expected) and a large one (Uuid:
// 17-byte expected, above the 16 bytes the x86-64 SysV ABI returns in registers).
// See docs/benchmarks.md.
#include <string>
#include <type_traits>

#include <benchmark/benchmark.h>
#include <tl/expected.hpp>

#include <voip/bundle.hpp>

#include "common.hpp"

namespace {

using bench::ring;

// Trivially copyable and destructible T and E make tl::expected trivially copyable, so the
// ABI may return it in registers when it is small enough.
static_assert(std::is_trivially_copyable_v<tl::expected<date::sys_days, voip::Error>>);
static_assert(std::is_trivially_copyable_v<tl::expected<voip::Uuid, voip::Error>>);
static_assert(std::is_trivially_copyable_v<voip::Result>);
static_assert(sizeof(tl::expected<date::sys_days, voip::Error>) == 8);
static_assert(sizeof(tl::expected<voip::Uuid, voip::Error>) == 17);

__attribute__((noinline)) tl::expected<date::sys_days, voip::Error> date_expected(std::string_view s) noexcept {
    return voip::parse_iso_date(s);
}
__attribute__((noinline)) bool date_out(std::string_view s, date::sys_days& out) noexcept {
    const auto r = voip::parse_iso_date(s);
    if (r) out = *r;
    return r.has_value();
}
__attribute__((noinline)) tl::expected<voip::Uuid, voip::Error> uuid_expected(std::string_view s) noexcept {
    return voip::parse_uuid(s);
}
__attribute__((noinline)) bool uuid_out(std::string_view s, voip::Uuid& out) noexcept {
    const auto r = voip::parse_uuid(s);
    if (r) out = *r;
    return r.has_value();
}

void call_date_expected(benchmark::State& state) {
    const auto& texts = bench::sample_date_texts();
    std::size_t i = 0;
    for (auto _ : state) {
        const auto r = date_expected(texts[i++ % ring]);
        benchmark::DoNotOptimize(r);
    }
}
BENCHMARK(call_date_expected)->Name("expected_abi/date_return_expected");

void call_date_out(benchmark::State& state) {
    const auto& texts = bench::sample_date_texts();
    std::size_t i = 0;
    for (auto _ : state) {
        date::sys_days d{};
        const bool ok = date_out(texts[i++ % ring], d);
        benchmark::DoNotOptimize(ok);
        benchmark::DoNotOptimize(d);
    }
}
BENCHMARK(call_date_out)->Name("expected_abi/date_out_parameter");

void call_uuid_expected(benchmark::State& state) {
    const auto& texts = bench::sample_uuid_texts();
    std::size_t i = 0;
    for (auto _ : state) {
        const auto r = uuid_expected(texts[i++ % ring]);
        benchmark::DoNotOptimize(r);
    }
}
BENCHMARK(call_uuid_expected)->Name("expected_abi/uuid_return_expected");

void call_uuid_out(benchmark::State& state) {
    const auto& texts = bench::sample_uuid_texts();
    std::size_t i = 0;
    for (auto _ : state) {
        voip::Uuid u{};
        const bool ok = uuid_out(texts[i++ % ring], u);
        benchmark::DoNotOptimize(ok);
        benchmark::DoNotOptimize(u);
    }
}
BENCHMARK(call_uuid_out)->Name("expected_abi/uuid_out_parameter");

}  // namespace

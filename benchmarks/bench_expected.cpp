// Why "a function returning tl::expected measured 2.6x slower than an out-parameter" under
// g++ (docs/benchmarks.md). The same work (the library's date parsing, detail::parse_day)
// behind a call that is never inlined, handing its answer back three ways:
//   tl::expected<sys_days, Error>  8 bytes, trivially copyable: returned in RAX
//   a plain struct {sys_days, Error}, the same 8 bytes, no union: returned in RAX
//   an out-parameter and an Error
// and the same for a Uuid (tl::expected<Uuid, Error> is 17 bytes: returned through memory,
// as the out-parameter is).
#include <string>
#include <type_traits>

#include <benchmark/benchmark.h>
#include <tl/expected.hpp>

#include <voip/bundle.hpp>

#include "common.hpp"

namespace {

using bench::ring;

// Trivially copyable T and E make tl::expected trivially copyable, so the x86-64 SysV ABI
// returns it in registers when it is at most 16 bytes: the ABI is not the cause.
static_assert(std::is_trivially_copyable_v<tl::expected<date::sys_days, voip::Error>>);
static_assert(std::is_trivially_copyable_v<tl::expected<voip::Uuid, voip::Error>>);
static_assert(std::is_trivially_copyable_v<voip::Result>);
static_assert(sizeof(tl::expected<date::sys_days, voip::Error>) == 8);
static_assert(sizeof(voip::detail::DayOrError) == 8);
static_assert(sizeof(tl::expected<voip::Uuid, voip::Error>) == 17);

__attribute__((noinline)) tl::expected<date::sys_days, voip::Error> date_expected(std::string_view s) noexcept {
    const auto r = voip::detail::parse_day(s);
    if (r.error != voip::Error{}) return voip::fail(r.error);
    return r.day;
}
__attribute__((noinline)) voip::detail::DayOrError date_plain(std::string_view s) noexcept {
    return voip::detail::parse_day(s);
}
__attribute__((noinline)) voip::Error date_out(std::string_view s, date::sys_days& out) noexcept {
    const auto r = voip::detail::parse_day(s);
    out = r.day;
    return r.error;
}
__attribute__((noinline)) tl::expected<voip::Uuid, voip::Error> uuid_expected(std::string_view s) noexcept {
    return voip::parse_uuid(s);
}
__attribute__((noinline)) bool uuid_out(std::string_view s, voip::Uuid& out) noexcept {
    const auto r = voip::parse_uuid(s);
    if (r) out = *r;
    return r.has_value();
}

// Each loop adds the answers up, so the result is used as a caller would use it.
void call_date_expected(benchmark::State& state) {
    const auto& texts = bench::sample_date_texts();
    std::size_t i = 0;
    long sum = 0;
    for (auto _ : state) {
        const auto r = date_expected(texts[i++ % ring]);
        sum += r ? r->time_since_epoch().count() : 0;
    }
    benchmark::DoNotOptimize(sum);
}
BENCHMARK(call_date_expected)->Name("expected_abi/date_return_expected");

void call_date_plain(benchmark::State& state) {
    const auto& texts = bench::sample_date_texts();
    std::size_t i = 0;
    long sum = 0;
    for (auto _ : state) {
        const auto r = date_plain(texts[i++ % ring]);
        sum += r.error == voip::Error{} ? r.day.time_since_epoch().count() : 0;
    }
    benchmark::DoNotOptimize(sum);
}
BENCHMARK(call_date_plain)->Name("expected_abi/date_return_plain_struct");

void call_date_out(benchmark::State& state) {
    const auto& texts = bench::sample_date_texts();
    std::size_t i = 0;
    long sum = 0;
    for (auto _ : state) {
        date::sys_days d{};
        const voip::Error e = date_out(texts[i++ % ring], d);
        sum += e == voip::Error{} ? d.time_since_epoch().count() : 0;
    }
    benchmark::DoNotOptimize(sum);
}
BENCHMARK(call_date_out)->Name("expected_abi/date_out_parameter");

void call_uuid_expected(benchmark::State& state) {
    const auto& texts = bench::sample_uuid_texts();
    std::size_t i = 0;
    unsigned sum = 0;
    for (auto _ : state) {
        const auto r = uuid_expected(texts[i++ % ring]);
        sum += r ? r->bytes[15] : 0u;
    }
    benchmark::DoNotOptimize(sum);
}
BENCHMARK(call_uuid_expected)->Name("expected_abi/uuid_return_expected");

void call_uuid_out(benchmark::State& state) {
    const auto& texts = bench::sample_uuid_texts();
    std::size_t i = 0;
    unsigned sum = 0;
    for (auto _ : state) {
        voip::Uuid u{};
        sum += uuid_out(texts[i++ % ring], u) ? u.bytes[15] : 0u;
    }
    benchmark::DoNotOptimize(sum);
}
BENCHMARK(call_uuid_out)->Name("expected_abi/uuid_out_parameter");

}  // namespace

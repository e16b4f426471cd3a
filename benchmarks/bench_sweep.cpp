// The nightly auto-renew sweep over 10 million bundles: as an array of Bundle, and as
// columns (expiry days + auto-renew flags), against a plain streaming read of the same
// bytes: the memory-bandwidth limit of the machine.
#include <cstdint>
#include <cstring>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>
#include <immintrin.h>

#include <voip/bundle.hpp>

#include "common.hpp"

namespace {

constexpr std::size_t bundle_count = 10'000'000;

struct Store {
    std::vector<voip::Bundle> bundles;
    std::vector<date::sys_days> expires_on;
    std::unique_ptr<bool[]> auto_renew;
};

// Expiry days spread evenly over [today - 10, today + 30]: mostly active bundles, some in
// the renewal window or in grace, some lapsed and not yet archived; 70 % auto-renew.
// A fixed seed: every run sweeps the same store. Built on first use only (330 MB).
const Store& store() {
    static const Store s = [] {
        Store r;
        r.bundles.reserve(bundle_count);
        r.expires_on.resize(bundle_count);
        r.auto_renew = std::make_unique<bool[]>(bundle_count);
        std::mt19937_64 gen(20261127);
        std::uniform_int_distribution<int> offset(-10, 30);
        std::bernoulli_distribution renew(0.7);
        for (std::size_t i = 0; i < bundle_count; ++i) {
            const voip::Uuid u = voip::make_uuid_v4(gen);
            const date::sys_days e = bench::today + date::days{offset(gen)};
            const voip::Bundle& b = r.bundles.emplace_back(*voip::make_bundle(
                u, voip::CreatedOn{e - date::days{31}}, voip::ExpiresOn{e}, static_cast<voip::BundleType>(1 + i % 5),
                renew(gen) ? voip::AutoRenew::on : voip::AutoRenew::off));
            r.expires_on[i] = b.expires_on();
            r.auto_renew[i] = b.auto_renew();
        }
        return r;
    }();
    return s;
}

// The fastest plain read of [p, p + n): 32-byte loads, four independent sums. Built for
// AVX2 when the CPU has it (the library code is not: this is the machine's limit).
__attribute__((target("avx2"))) std::uint64_t stream_read_avx2(const unsigned char* p, std::size_t n) {
    __m256i a = _mm256_setzero_si256(), b = a, c = a, d = a;
    std::size_t i = 0;
    for (; i + 128 <= n; i += 128) {
        a = _mm256_add_epi64(a, _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + i)));
        b = _mm256_add_epi64(b, _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + i + 32)));
        c = _mm256_add_epi64(c, _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + i + 64)));
        d = _mm256_add_epi64(d, _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + i + 96)));
    }
    const __m256i s = _mm256_add_epi64(_mm256_add_epi64(a, b), _mm256_add_epi64(c, d));
    alignas(32) std::uint64_t lanes[4];
    _mm256_store_si256(reinterpret_cast<__m256i*>(lanes), s);
    std::uint64_t sum = lanes[0] + lanes[1] + lanes[2] + lanes[3];
    for (; i < n; ++i) sum += p[i];
    return sum;
}

std::uint64_t stream_read_scalar(const unsigned char* p, std::size_t n) {
    std::uint64_t s[4] = {};
    std::size_t i = 0;
    for (; i + 32 <= n; i += 32) {
        for (std::size_t k = 0; k < 4; ++k) {
            std::uint64_t w = 0;
            std::memcpy(&w, p + i + 8 * k, 8);
            s[k] += w;
        }
    }
    std::uint64_t sum = s[0] + s[1] + s[2] + s[3];
    for (; i < n; ++i) sum += p[i];
    return sum;
}

// The fastest plain read of the two columns together, as a sweep must read them: 128 bytes
// of days and the 32 bytes of flags of the same 32 rows an iteration.
__attribute__((target("avx2"))) std::uint64_t read_together_avx2(const unsigned char* days, const unsigned char* flags,
                                                                  std::size_t rows) {
    __m256i a = _mm256_setzero_si256(), b = a, c = a, d = a, f = a;
    std::size_t i = 0;
    for (; i + 32 <= rows; i += 32) {
        a = _mm256_add_epi64(a, _mm256_loadu_si256(reinterpret_cast<const __m256i*>(days + 4 * i)));
        b = _mm256_add_epi64(b, _mm256_loadu_si256(reinterpret_cast<const __m256i*>(days + 4 * i + 32)));
        c = _mm256_add_epi64(c, _mm256_loadu_si256(reinterpret_cast<const __m256i*>(days + 4 * i + 64)));
        d = _mm256_add_epi64(d, _mm256_loadu_si256(reinterpret_cast<const __m256i*>(days + 4 * i + 96)));
        f = _mm256_add_epi64(f, _mm256_loadu_si256(reinterpret_cast<const __m256i*>(flags + i)));
    }
    const __m256i s = _mm256_add_epi64(_mm256_add_epi64(_mm256_add_epi64(a, b), _mm256_add_epi64(c, d)), f);
    alignas(32) std::uint64_t lanes[4];
    _mm256_store_si256(reinterpret_cast<__m256i*>(lanes), s);
    std::uint64_t sum = lanes[0] + lanes[1] + lanes[2] + lanes[3];
    for (std::size_t k = 4 * i; k < 4 * rows; ++k) sum += days[k];
    for (; i < rows; ++i) sum += flags[i];
    return sum;
}

std::uint64_t stream_read(const void* p, std::size_t n) {
    static const bool avx2 = __builtin_cpu_supports("avx2");
    const auto* bytes = static_cast<const unsigned char*>(p);
    return avx2 ? stream_read_avx2(bytes, n) : stream_read_scalar(bytes, n);
}

void account(benchmark::State& state, std::size_t bytes) {
    state.SetItemsProcessed(static_cast<std::int64_t>(static_cast<std::size_t>(state.iterations()) * bundle_count));
    state.SetBytesProcessed(static_cast<std::int64_t>(static_cast<std::size_t>(state.iterations()) * bytes));
}

const voip::RenewalPolicy policy{};

void sweep_array(benchmark::State& state) {
    const Store& s = store();
    for (auto _ : state) {
        const auto t = voip::sweep_totals(s.bundles.data(), bundle_count, bench::today, policy);
        benchmark::DoNotOptimize(t);
    }
    account(state, bundle_count * sizeof(voip::Bundle));
}
BENCHMARK(sweep_array)->Name("sweep/array_library")->Unit(benchmark::kMillisecond);

void read_array(benchmark::State& state) {
    const Store& s = store();
    for (auto _ : state) {
        const auto sum = stream_read(s.bundles.data(), bundle_count * sizeof(voip::Bundle));
        benchmark::DoNotOptimize(sum);
    }
    account(state, bundle_count * sizeof(voip::Bundle));
}
BENCHMARK(read_array)->Name("sweep/array_streaming_read")->Unit(benchmark::kMillisecond);

void sweep_columns(benchmark::State& state) {
    const Store& s = store();
    for (auto _ : state) {
        const auto t = voip::sweep_totals(s.expires_on.data(), s.auto_renew.get(), bundle_count, bench::today, policy);
        benchmark::DoNotOptimize(t);
    }
    account(state, bundle_count * (sizeof(date::sys_days) + sizeof(bool)));
}
BENCHMARK(sweep_columns)->Name("sweep/columns_library")->Unit(benchmark::kMillisecond);

void read_columns(benchmark::State& state) {
    const Store& s = store();
    for (auto _ : state) {
        auto sum = stream_read(s.expires_on.data(), bundle_count * sizeof(date::sys_days));
        sum += stream_read(s.auto_renew.get(), bundle_count * sizeof(bool));
        benchmark::DoNotOptimize(sum);
    }
    account(state, bundle_count * (sizeof(date::sys_days) + sizeof(bool)));
}
BENCHMARK(read_columns)->Name("sweep/columns_streaming_read")->Unit(benchmark::kMillisecond);

// Both columns in one pass, the order a sweep reads them in (AVX2 only: the row is reported
// only where the CPU has it).
void read_columns_together(benchmark::State& state) {
    if (!__builtin_cpu_supports("avx2")) {
        state.SkipWithError("no AVX2");
        return;
    }
    const Store& s = store();
    for (auto _ : state) {
        const auto sum = read_together_avx2(reinterpret_cast<const unsigned char*>(s.expires_on.data()),
                                            reinterpret_cast<const unsigned char*>(s.auto_renew.get()), bundle_count);
        benchmark::DoNotOptimize(sum);
    }
    account(state, bundle_count * (sizeof(date::sys_days) + sizeof(bool)));
}
BENCHMARK(read_columns_together)->Name("sweep/columns_read_together")->Unit(benchmark::kMillisecond);

// Each block form of the column sweep over the first 100,000 rows (500 KB, in cache):
// the compute that the 10-million-row runs above hide behind memory. The AVX2 form is kept
// for this figure (docs/benchmarks.md).
void column_blocks_in_cache(benchmark::State& state) {
    const auto& forms = voip::detail::column_blocks();
    const auto k = static_cast<std::size_t>(state.range(0));
    if (k >= forms.size) {
        state.SkipWithError("no such form on this CPU");
        return;
    }
    const Store& s = store();
    const voip::detail::SweepBounds bounds = voip::detail::sweep_bounds(bench::today, policy);
    constexpr std::size_t rows = 100'000;
    for (auto _ : state) {
        voip::detail::BlockCounts t;
        const std::size_t taken = forms.forms[k].run(s.expires_on.data(), reinterpret_cast<const unsigned char*>(s.auto_renew.get()),
                                                     rows, bounds, t);
        benchmark::DoNotOptimize(taken);
        benchmark::DoNotOptimize(t);
    }
    state.SetLabel(std::to_string(forms.forms[k].rows) + " rows a step");
    state.SetItemsProcessed(static_cast<std::int64_t>(static_cast<std::size_t>(state.iterations()) * rows));
}
BENCHMARK(column_blocks_in_cache)->Name("sweep/column_blocks_in_cache")->DenseRange(0, 2)->Unit(benchmark::kMicrosecond);

}  // namespace

namespace bench {

// The totals of both forms equal the per-bundle sweep_action() counts, for many policies
// and days (the range's ends and a day count outside it among them), before anything is timed.
std::string check_sweep() {
    std::mt19937 gen(11);
    std::uniform_int_distribution<int> offset(-400, 400);
    const int offsets[] = {-1, 0, 1, 2, 3, 5, 27, 366};
    const date::sys_days days[] = {voip::min_day, bench::today, voip::max_day, date::sys_days{date::days{0}}};
    for (const auto day : days) {
        std::vector<voip::Bundle> bundles;
        std::vector<date::sys_days> expires;
        std::unique_ptr<bool[]> flags = std::make_unique<bool[]>(1000);
        for (std::size_t i = 0; i < 1000; ++i) {
            // A column may hold any day; a Bundle only one in range.
            const date::sys_days e = day + date::days{offset(gen)};
            flags[i] = gen() % 3 != 0;
            expires.push_back(e);
            const auto b = voip::make_bundle(voip::Uuid{}, voip::CreatedOn{e - date::days{1 + i % 40}}, voip::ExpiresOn{e},
                                             voip::BundleType::business, flags[i] ? voip::AutoRenew::on : voip::AutoRenew::off);
            bundles.push_back(b ? *b : bench::seed_bundle());
        }
        for (const int before : offsets) {
            for (const int after : offsets) {
                const auto made = voip::make_renewal_policy(voip::MonthEnd::clamp, voip::TermMonths{12},
                                                            voip::DaysBefore{before}, voip::DaysAfter{after});
                if (!made) continue;  // a negative offset, or a window as long as the term: never made
                const voip::RenewalPolicy p = *made;
                for (const std::size_t n : {std::size_t{0}, std::size_t{255}, std::size_t{256}, std::size_t{1000}}) {
                    voip::SweepTotals expected, expected_columns;
                    for (std::size_t i = 0; i < n; ++i) {
                        expected.add(voip::sweep_action(bundles[i], day, p));
                        expected_columns.add(voip::sweep_action(voip::ExpiresOn{expires[i]}, flags[i], day, p));
                    }
                    if (voip::sweep_totals(bundles.data(), n, day, p) != expected ||
                        voip::sweep_totals(expires.data(), flags.get(), n, day, p) != expected_columns)
                        return "sweep totals differ from sweep_action() with before " + std::to_string(before) +
                               ", after " + std::to_string(after) + ", n " + std::to_string(n);
                }
            }
        }
    }
    const Store& s = store();
    const auto a = voip::sweep_totals(s.bundles.data(), bundle_count, bench::today, policy);
    const auto c = voip::sweep_totals(s.expires_on.data(), s.auto_renew.get(), bundle_count, bench::today, policy);
    if (a != c || a.total() != bundle_count || a.renew == 0 || a.lapsed == 0 || a.none == 0)
        return "the 10-million sweep's forms disagree";
    return {};
}

}  // namespace bench

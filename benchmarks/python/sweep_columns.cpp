// SPDX-License-Identifier: MIT
// The C++ side of bench_quote.py's batch comparison: voip::sweep_totals over the same two
// columns (int32 day counts, bool flags) that the Python run sweeps, read from the files
// bench_quote.py writes; prints the median nanoseconds of `repetitions` sweeps and the totals.
// Usage: sweep_columns EXPIRES_FILE FLAGS_FILE TODAY_DAY_COUNT REPETITIONS
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <vector>

#include <voip/bundle.hpp>

namespace {

std::vector<char> read_file(const char* path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 5) {
        std::fprintf(stderr, "usage: sweep_columns EXPIRES_FILE FLAGS_FILE TODAY_DAY_COUNT REPETITIONS\n");
        return 2;
    }
    const std::vector<char> e = read_file(argv[1]);
    const std::vector<char> f = read_file(argv[2]);
    const std::size_t n = f.size();
    if (e.size() != 4 * n) return 2;
    std::vector<date::sys_days> expires(n);
    std::vector<char> flags_storage(f);
    for (std::size_t i = 0; i < n; ++i) {
        std::int32_t d = 0;
        std::copy(e.data() + 4 * i, e.data() + 4 * i + 4, reinterpret_cast<char*>(&d));
        expires[i] = date::sys_days{date::days{d}};
    }
    const auto* flags = reinterpret_cast<const bool*>(flags_storage.data());
    const date::sys_days today{date::days{std::atoi(argv[3])}};
    const int repetitions = std::atoi(argv[4]);
    std::vector<double> ns;
    voip::SweepTotals t;
    for (int r = 0; r < repetitions; ++r) {
        const auto start = std::chrono::steady_clock::now();
        t = voip::sweep_totals(expires.data(), flags, n, today, voip::RenewalPolicy{});
        const auto end = std::chrono::steady_clock::now();
        asm volatile("" : : "g"(&t) : "memory");
        ns.push_back(std::chrono::duration<double, std::nano>(end - start).count());
    }
    std::sort(ns.begin(), ns.end());
    std::printf("%.0f %llu %llu %llu %llu\n", ns[ns.size() / 2], static_cast<unsigned long long>(t.none),
                static_cast<unsigned long long>(t.renew), static_cast<unsigned long long>(t.lapsed),
                static_cast<unsigned long long>(t.invalid));
}

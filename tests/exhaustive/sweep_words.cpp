// sweep_totals over more bundles than one counting word a way can hold: the array form
// counts four ways in lockstep in 64-bit words (lapsed in the low 21 bits), the column form in
// blocks; both must empty their counts before 2^21 - 1 bundles a way. 4 x (2^21 + 4) + 3
// bundles (about 240 MB as Bundles), against the renewal window itself (window_action,
// tests/common.hpp) over one period of each pattern.
#include <voip/bundle.hpp>

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <cstdio>
#include <memory>
#include <vector>

#include "../common.hpp"

namespace {

int failures = 0;
void check(bool ok, const char* what, std::uint64_t got, std::uint64_t want) {
    if (!ok && ++failures <= 20)
        std::fprintf(stderr, "FAIL: %s: %llu, want %llu\n", what, static_cast<unsigned long long>(got),
                     static_cast<unsigned long long>(want));
}

void check_totals(const char* form, const voip::SweepTotals& got, const voip::SweepTotals& want) {
    std::fprintf(stderr, "%s: renew %llu, lapsed %llu, none %llu\n", form, static_cast<unsigned long long>(got.renew),
                 static_cast<unsigned long long>(got.lapsed), static_cast<unsigned long long>(got.none));
    check(got.renew == want.renew, "renew", got.renew, want.renew);
    check(got.lapsed == want.lapsed, "lapsed", got.lapsed, want.lapsed);
    check(got.none == want.none, "none", got.none, want.none);
}

// One pattern: bundle k's expiry offset from today and auto_renew.
struct Pattern {
    const char* name;
    std::size_t period;  // the pattern repeats every `period` bundles
    int (*offset)(std::size_t);
    bool (*renew)(std::size_t);
};

void run(const Pattern& pattern, std::vector<voip::Bundle>& bundles, std::vector<date::sys_days>& expiries,
         bool* flags) {
    using namespace voip;
    const std::size_t n = bundles.size();
    const date::sys_days today = *parse_iso_date("2018-09-06");
    const RenewalPolicy p;
    SweepTotals one_array, rest_array;
    for (std::size_t k = 0; k < n; ++k) {
        const date::sys_days e = today + date::days{pattern.offset(k)};
        bundles[k] = *make_bundle(bundles[k].uuid(), CreatedOn{e - date::days{31}}, ExpiresOn{e}, BundleType::business,
                                  pattern.renew(k) ? AutoRenew::on : AutoRenew::off);
        const Bundle& b = bundles[k];
        expiries[k] = e;
        flags[k] = b.auto_renew();
        if (k < pattern.period) one_array.add(voip_test::window_action(b, today, p));
        if (k < n % pattern.period) rest_array.add(voip_test::window_action(b, today, p));
    }
    const std::uint64_t times = n / pattern.period;
    const auto scaled = [times](const SweepTotals& one, const SweepTotals& rest) {
        SweepTotals t;
        t.renew = one.renew * times + rest.renew;
        t.lapsed = one.lapsed * times + rest.lapsed;
        t.none = one.none * times + rest.none;
        return t;
    };
    std::fprintf(stderr, "%s:\n", pattern.name);
    check_totals("  array", sweep_totals(bundles.data(), n, today, p), scaled(one_array, rest_array));
    check_totals("  columns", sweep_totals(expiries.data(), flags, n, today, p), scaled(one_array, rest_array));
}

}  // namespace

int main() {
    using namespace voip;
    constexpr std::size_t way = (std::size_t{1} << 21) - 1;  // the most a way counts before emptying
    const std::size_t n = 4 * (way + 5) + 3;
    const Uuid id = *parse_uuid("0fba8c48-99fc-4727-8ca7-c847376da415");
    std::vector<Bundle> bundles(n, *make_bundle(id, CreatedOn{min_day}, ExpiresOn{max_day}, BundleType::business,
                                                AutoRenew::off));
    std::vector<date::sys_days> expiries(n);
    const std::unique_ptr<bool[]> flags(new bool[n]);
    // Each uniform pattern fills one count of every way past 2^21 - 1: a count not emptied
    // in time would spill into the next field (or out of the word). The mixed one takes every
    // action: expiries -7..+5 days every 7, auto_renew but every third.
    const Pattern patterns[] = {
        {"mixed", 21, [](std::size_t k) { return static_cast<int>(k % 7) * 2 - 7; },
         [](std::size_t k) { return k % 3 != 0; }},
        {"all renew", 1, [](std::size_t) { return 1; }, [](std::size_t) { return true; }},
        {"all lapsed", 1, [](std::size_t) { return -7; }, [](std::size_t) { return true; }},
        {"all none", 1, [](std::size_t) { return 20; }, [](std::size_t) { return true; }},
    };
    for (const Pattern& pattern : patterns) run(pattern, bundles, expiries, flags.get());
    std::printf("%zu bundles, both forms, %zu patterns: %s\n", n, std::size(patterns), failures == 0 ? "ok" : "FAILED");
    return failures == 0 ? 0 : 1;
}

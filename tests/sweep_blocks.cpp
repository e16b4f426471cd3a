// The sweep's block kernels (sweep_blocks.hpp): every form this machine has, array and
// columns, against sweep_action(), with the rows each must take.
#include <voip/bundle/operations.hpp>
#include <voip/bundle/sweep.hpp>

#include <doctest/doctest.h>

#include <iterator>
#include <limits>
#include <memory>
#include <random>
#include <vector>

#include "common.hpp"

using namespace voip;
using voip_test::day;
using voip_test::make_bundle;

namespace {
// One of the column sweep's block forms, then the per-bundle tail, as sweep_totals takes them.
// A flag is its byte's low bit, in every form.
SweepTotals column_totals(detail::ColumnBlocks blocks, const date::sys_days* expiries, const unsigned char* flags,
                          std::size_t n, date::sys_days day, const RenewalPolicy& p) {
    detail::BlockCounts c;
    std::size_t i = blocks.run(expiries, flags, n, detail::sweep_bounds(day, p), c);
    CHECK(i % blocks.rows == 0);  // whole blocks only, and all of them: the tail is shorter
    CHECK(i <= n);
    CHECK(n - i < blocks.rows);
    CHECK(c.lapsed + c.renew <= i);
    SweepTotals t = detail::totals_of(c, i);
    for (; i < n; ++i) t.add(sweep_action(ExpiresOn{expiries[i]}, (flags[i] & 1) != 0, day, p));
    return t;
}
SweepTotals column_totals(detail::ColumnBlocks blocks, const date::sys_days* expiries, const bool* flags, std::size_t n,
                          date::sys_days day, const RenewalPolicy& p) {
    return column_totals(blocks, expiries, reinterpret_cast<const unsigned char*>(flags), n, day, p);
}
}  // namespace

TEST_CASE("column_blocks: the forms this machine runs, the best first, the plain one always and last") {
    const detail::ColumnBlockList& forms = detail::column_blocks();
    CHECK(&forms == &detail::column_blocks());  // built once
    REQUIRE(forms.size >= 1);
    CHECK((forms.end()[-1].run == &detail::sweep_column_blocks_plain));
    CHECK(forms.end()[-1].rows == 256);
#if defined(__x86_64__) && defined(__SSE2__) && (defined(__GNUC__) || defined(__clang__))
    __builtin_cpu_init();
    const bool avx2 = __builtin_cpu_supports("avx2") != 0;
    REQUIRE(forms.size == (avx2 ? 3u : 2u));
    if (avx2) {
        CHECK((forms.forms[0].run == &detail::sweep_column_blocks_avx2));
        CHECK(forms.forms[0].rows == 32);
    } else {
        MESSAGE("this CPU has no AVX2: the AVX2 column form is not tested here");
    }
    CHECK((forms.forms[avx2 ? 1 : 0].run == &detail::sweep_column_blocks_sse2));
    CHECK(forms.forms[avx2 ? 1 : 0].rows == 16);
#else
    CHECK(forms.size == 1);
#endif
}

TEST_CASE("sweep_totals over a column of any day counts, blocks and tail: as sweep_action") {
    // More rows than one block, with int's ends and days in range in both the blocks and the
    // tail: a column is not bundles, so its days may lie anywhere. The lengths cross each
    // form's step (16, 32 rows) and block (256 rows), and a byte lane's 255 steps of 32 rows.
    const RenewalPolicy p;
    constexpr int lo = std::numeric_limits<int>::min();
    constexpr int hi = std::numeric_limits<int>::max();
    const int pattern[] = {lo, hi, 0, -719162, 2932896, lo + 1, hi - 1, 17774, 17776, 17800};
    constexpr std::size_t steps = 32 * 255;
    std::vector<date::sys_days> expiries;
    for (std::size_t i = 0; i < 3 * steps + 45; ++i) expiries.emplace_back(date::days{pattern[i % std::size(pattern)]});
    const auto flags = std::make_unique<bool[]>(expiries.size());
    for (std::size_t i = 0; i < expiries.size(); ++i) flags[i] = i % 3 != 0;
    for (const date::sys_days day : {date::sys_days{date::days{17775}}, date::sys_days{date::days{-719161}},
                                     date::sys_days{date::days{2932895}}})
    for (const std::size_t n : {std::size_t{0}, std::size_t{1}, std::size_t{31}, std::size_t{32}, std::size_t{33},
                                std::size_t{63}, std::size_t{64}, std::size_t{600}, steps - 1, steps, steps + 31,
                                steps + 32 + 17, 2 * steps + 16, 3 * steps + 45}) {
        SweepTotals expected;
        for (std::size_t i = 0; i < n; ++i) expected.add(sweep_action(ExpiresOn{expiries[i]}, flags[i], day, p));
        CAPTURE(day.time_since_epoch().count());
        CAPTURE(n);
        REQUIRE(detail::sweep_bounds(day, p).usable);
        CHECK(sweep_totals(expiries.data(), flags.get(), n, day, p) == expected);
        for (const detail::ColumnBlocks blocks : detail::column_blocks())
            CHECK(column_totals(blocks, expiries.data(), flags.get(), n, day, p) == expected);
    }
}

TEST_CASE("the column blocks over random days and flag bytes: each row in its place, a flag's low bit") {
    // Days around the window, so neighbouring rows differ: a form that paired a row's day with
    // another row's flag would count differently. Flag bytes other than 0 and 1 count by
    // their low bit, as the plain form reads them.
    const RenewalPolicy p;
    const date::sys_days day{date::days{17775}};
    const auto b = detail::sweep_bounds(day, p);
    std::mt19937 gen(20261207);
    std::uniform_int_distribution<int> near(b.first - 3, b.last + 3);
    std::uniform_int_distribution<int> byte(0, 255);
    const std::size_t n = 32 * 255 * 2 + 32 * 7 + 29;
    std::vector<date::sys_days> expiries;
    std::vector<unsigned char> flags;
    for (std::size_t i = 0; i < n; ++i) {
        expiries.emplace_back(date::days{near(gen)});
        flags.push_back(static_cast<unsigned char>(byte(gen)));
    }
    SweepTotals expected;
    for (std::size_t i = 0; i < n; ++i) expected.add(sweep_action(ExpiresOn{expiries[i]}, (flags[i] & 1) != 0, day, p));
    CHECK(expected.renew > 0);
    CHECK(expected.lapsed > 0);
    CHECK(expected.none > 0);
    for (const detail::ColumnBlocks blocks : detail::column_blocks()) {
        CAPTURE(blocks.rows);
        CHECK(column_totals(blocks, expiries.data(), flags.data(), n, day, p) == expected);
    }
}

TEST_CASE("sweep_totals over columns where every row counts the same: no count wraps") {
    // The blocks count in narrow lanes, emptied before they fill: rows that all land in one
    // count, more of them than any lane or block holds, must all be counted.
    const RenewalPolicy p;
    const date::sys_days day{date::days{17775}};
    const auto b = detail::sweep_bounds(day, p);
    // Past three counts of 255 steps of 16 rows, a tail of 17; then whole steps and blocks
    // only; then one and two counts of 255 steps of 32 rows, with a step and a tail after.
    for (const std::size_t n : {std::size_t{16 * 256 * 3 + 17}, std::size_t{16 * 255 * 2 + 16}, std::size_t{256 * 17},
                                std::size_t{32 * 255}, std::size_t{32 * 255 * 2 + 32 + 31}})
    for (const int e : {b.first - 1, b.first, b.last, b.last + 1}) {
        CAPTURE(n);
        CAPTURE(e);
        const auto on = std::make_unique<bool[]>(n);
        for (std::size_t i = 0; i < n; ++i) on[i] = true;
        const std::vector<date::sys_days> expiries(n, date::sys_days{date::days{e}});
        SweepTotals expected;
        for (std::size_t i = 0; i < n; ++i) expected.add(sweep_action(ExpiresOn{expiries[i]}, true, day, p));
        CHECK(expected.lapsed + expected.renew + expected.none == n);
        CHECK((expected.lapsed == n || expected.renew == n || expected.none == n));
        CHECK(sweep_totals(expiries.data(), on.get(), n, day, p) == expected);
        for (const detail::ColumnBlocks blocks : detail::column_blocks())
            CHECK(column_totals(blocks, expiries.data(), on.get(), n, day, p) == expected);
    }
}

namespace {
// One of the array sweep's forms, then the per-bundle tail, as sweep_totals takes them.
SweepTotals array_totals(detail::ArrayBlocks blocks, const Bundle* bundles, std::size_t n, date::sys_days day,
                         const RenewalPolicy& p) {
    detail::BlockCounts c;
    std::size_t i = blocks.run(bundles, n, detail::sweep_bounds(day, p), c);
    CHECK(i % blocks.rows == 0);  // whole steps only, and all of them: the tail is shorter
    CHECK(i <= n);
    CHECK(n - i < blocks.rows);
    CHECK(c.lapsed + c.renew <= i);
    SweepTotals t = detail::totals_of(c, i);
    for (; i < n; ++i) t.add(sweep_action(bundles[i], day, p));
    return t;
}
}  // namespace

TEST_CASE("array_blocks: the forms this target has, the best first, the plain one always and last") {
    const auto& forms = detail::array_blocks;
    CHECK((std::end(forms)[-1].run == &detail::sweep_array_blocks_plain));
    CHECK(std::end(forms)[-1].rows == 1);
#if defined(__x86_64__) && defined(__SSE2__) && (defined(__GNUC__) || defined(__clang__))
    REQUIRE(std::size(forms) == 2);
    CHECK((forms[0].run == &detail::sweep_array_blocks_sse2));
    CHECK(forms[0].rows == 4);
#else
    CHECK(std::size(forms) == 1);
#endif
}

TEST_CASE("every array form, as sweep_action: random bundles, every length to 41, the ends of 0001..9999") {
    std::mt19937 gen(20261207);
    std::uniform_int_distribution<int> offset(-45, 45);
    const date::sys_days today = day("2018-09-01");
    std::vector<Bundle> bundles;
    for (int i = 0; i < 997; ++i) {
        const date::sys_days e = today + date::days{offset(gen)};
        bundles.push_back(*voip::make_bundle(voip_test::seed_uuid(), CreatedOn{e - date::days{1 + gen() % 40}},
                                             ExpiresOn{e}, static_cast<BundleType>(1 + gen() % 5),
                                             gen() % 3 != 0 ? AutoRenew::on : AutoRenew::off));
    }
    // The farthest expires_on - first can be, either way, among the others.
    bundles[5] = make_bundle("0001-01-01", "0001-02-01", BundleType::business, true);
    bundles[10] = make_bundle("9999-11-30", "9999-12-31", BundleType::forward_only, true);
    for (const RenewalPolicy& p : {RenewalPolicy{}, make_renewal_policy(MonthEnd::clamp, TermMonths{1}, DaysBefore{0},
                                                                       DaysAfter{0}).value()})
    for (const date::sys_days d : {today, today - date::days{4}, today + date::days{6}, date::sys_days{date::days{(1 << 30) - 400}},
                                   date::sys_days{date::days{-(1 << 30) + 400}}}) {
        CAPTURE(d.time_since_epoch().count());
        REQUIRE(detail::sweep_bounds(d, p).usable);
        std::vector<std::size_t> lengths(42);
        for (std::size_t n = 0; n < lengths.size(); ++n) lengths[n] = n;
        lengths.push_back(bundles.size());
        for (const std::size_t n : lengths) {
            CAPTURE(n);
            SweepTotals expected;
            for (std::size_t i = 0; i < n; ++i) expected.add(sweep_action(bundles[i], d, p));
            for (const detail::ArrayBlocks blocks : detail::array_blocks) CHECK(array_totals(blocks, bundles.data(), n, d, p) == expected);
            CHECK(sweep_totals(bundles.data(), n, d, p) == expected);
        }
    }
}

namespace {
// 20 bundles expiring 1970-01-11 .. 1970-01-30, every other one auto-renewing, as constants.
constexpr Bundle constant_bundle(int i) {
    return *voip::make_bundle(Uuid{}, CreatedOn{date::sys_days{date::days{i}}}, ExpiresOn{date::sys_days{date::days{10 + i}}},
                              BundleType::business, i % 2 == 0 ? AutoRenew::on : AutoRenew::off);
}
struct ConstantStore {
    Bundle bundles[20] = {constant_bundle(1),  constant_bundle(2),  constant_bundle(3),  constant_bundle(4),
                          constant_bundle(5),  constant_bundle(6),  constant_bundle(7),  constant_bundle(8),
                          constant_bundle(9),  constant_bundle(10), constant_bundle(11), constant_bundle(12),
                          constant_bundle(13), constant_bundle(14), constant_bundle(15), constant_bundle(16),
                          constant_bundle(17), constant_bundle(18), constant_bundle(19), constant_bundle(20)};
    date::sys_days days[20] = {};
    bool flags[20] = {};
    constexpr ConstantStore() {
        for (int i = 0; i < 20; ++i) {
            days[i] = bundles[i].expires_on();
            flags[i] = bundles[i].auto_renew();
        }
    }
};
constexpr ConstantStore constants;
// Day 20 is in the default window (3 days before, 5 after) of expiries 15..23: 11..14 have
// lapsed, the even ones of 15..23 renew (4), 24..30 wait.
constexpr date::sys_days constant_day{date::days{20}};
constexpr SweepTotals constant_expected = [] {
    SweepTotals t;
    for (const Bundle& b : constants.bundles) t.add(sweep_action(b, constant_day, RenewalPolicy{}));
    return t;
}();
}  // namespace

// More bundles than a vector form's step: a constant expression takes the plain form.
static_assert(constant_expected == SweepTotals{12, 4, 4});
static_assert(sweep_totals(constants.bundles, 20, constant_day, RenewalPolicy{}) == constant_expected);
static_assert(sweep_totals(constants.days, constants.flags, 20, constant_day, RenewalPolicy{}) == constant_expected);

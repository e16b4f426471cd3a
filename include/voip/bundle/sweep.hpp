// SPDX-License-Identifier: MIT
#pragma once
// The daily auto-renew sweep (RULES 6): which bundles to renew today, which have lapsed.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <ostream>
#include <string_view>
#include <type_traits>

#include <date/date.h>
#include <tl/expected.hpp>

#include "bundle.hpp"
#include "context.hpp"
#include "error.hpp"
#include "iso_date.hpp"
#include "renewal_policy.hpp"
#include "renewal_window.hpp"
#include "state.hpp"

namespace voip {

enum class SweepAction : std::uint8_t {
    none,    // nothing to do today
    renew,   // auto_renew is on and the window is open: try a renewal (retried daily until it works)
    lapsed,  // past the window, whatever the flag: the host archives it
};

[[nodiscard]] constexpr std::string_view name(SweepAction a) noexcept {
    switch (a) {
        case SweepAction::none: return "none";
        case SweepAction::renew: return "renew";
        case SweepAction::lapsed: return "lapsed";
    }
    return "unknown";  // only for a value outside the enumeration
}

inline std::ostream& operator<<(std::ostream& os, SweepAction a) { return os << name(a); }

[[nodiscard]] constexpr SweepAction sweep_action(ExpiresOn expires_on, bool auto_renew, date::sys_days day,
                                                 const RenewalPolicy& p) noexcept {
    const State s = state_on(expires_on, day, p);
    if (s == State::lapsed) return SweepAction::lapsed;
    return auto_renew && renewable(s) ? SweepAction::renew : SweepAction::none;
}
[[nodiscard]] constexpr SweepAction sweep_action(const Bundle& b, date::sys_days day, const RenewalPolicy& p) noexcept {
    return sweep_action(ExpiresOn{b.expires_on()}, b.auto_renew(), day, p);
}
// sweep_action(b, c.today(), c.policy()).
[[nodiscard]] constexpr SweepAction sweep_action(const Bundle& b, const Context& c) noexcept {
    return sweep_action(b, c.today(), c.policy());
}

struct SweepTotals {
    std::uint64_t none = 0;
    std::uint64_t renew = 0;
    std::uint64_t lapsed = 0;

    [[nodiscard]] constexpr std::uint64_t total() const noexcept { return none + renew + lapsed; }
    constexpr void add(SweepAction a) noexcept {
        none += a == SweepAction::none;
        renew += a == SweepAction::renew;
        lapsed += a == SweepAction::lapsed;
    }
};

[[nodiscard]] constexpr bool operator==(const SweepTotals& a, const SweepTotals& b) noexcept {
    return a.none == b.none && a.renew == b.renew && a.lapsed == b.lapsed;
}
[[nodiscard]] constexpr bool operator!=(const SweepTotals& a, const SweepTotals& b) noexcept { return !(a == b); }

inline std::ostream& operator<<(std::ostream& os, const SweepTotals& t) {
    return os << "{none: " << t.none << ", renew: " << t.renew << ", lapsed: " << t.lapsed << '}';
}

// Calls on_action(bundle, action) for every bundle that needs action and returns the totals.
template <class ForwardIt, class OnAction>
constexpr SweepTotals sweep(ForwardIt first, ForwardIt last, date::sys_days day, const RenewalPolicy& p,
                            OnAction&& on_action) {
    SweepTotals t;
    for (; first != last; ++first) {
        const Bundle& b = *first;
        const SweepAction a = sweep_action(b, day, p);
        t.add(a);
        if (a != SweepAction::none) on_action(b, a);
    }
    return t;
}

// The daily sweep's two predicates as ranges of expires_on, for a host that keeps its
// bundles in a database and selects the due ones through an index (a sorted column):
// on `day`, [renew_first, renew_last] are the expiries whose renewal window contains `day`
// (detail::expiries_open_on), and
//   sweep_action(b, day) == renew   <=>  b.auto_renew() && renew_first <= b.expires_on() <= renew_last
//   sweep_action(b, day) == lapsed  <=>  b.expires_on() < lapsed_before
// and none otherwise. The bounds may fall outside 0001..9999 near
// its ends (compare them as day counts). A bundle newly lapsed on `day` has
// expires_on == lapsed_before - 1 day.
struct SweepRanges {
    date::sys_days renew_first;    // inclusive: the earliest expiry whose window contains day
    date::sys_days renew_last;     // inclusive: the latest one
    date::sys_days lapsed_before;  // exclusive: renew_first, whose window closes on day
};

[[nodiscard]] constexpr bool operator==(const SweepRanges& a, const SweepRanges& b) noexcept {
    return a.renew_first == b.renew_first && a.renew_last == b.renew_last && a.lapsed_before == b.lapsed_before;
}
[[nodiscard]] constexpr bool operator!=(const SweepRanges& a, const SweepRanges& b) noexcept { return !(a == b); }

inline std::ostream& operator<<(std::ostream& os, const SweepRanges& r) {
    return os << "{renew: [" << IsoDate{r.renew_first} << ", " << IsoDate{r.renew_last}
              << "], lapsed: < " << IsoDate{r.lapsed_before} << '}';
}

// date_out_of_range for a day outside 0001..9999.
[[nodiscard]] constexpr tl::expected<SweepRanges, Error> sweep_ranges(date::sys_days day,
                                                                      const RenewalPolicy& p) noexcept {
    if (!in_range(day)) return fail(Error::date_out_of_range);
    // Both offsets are within 366 days and `day` is in range: both ends fit an int.
    const detail::DaySpan e = detail::expiries_open_on(day, p);
    const date::sys_days first{date::days{static_cast<int>(e.first)}};
    const date::sys_days last{date::days{static_cast<int>(e.last)}};
    return SweepRanges{first, last, first};
}

namespace detail {
// sweep_action() for one day, as two comparisons of expires_on with the bounds of
// expiries_open_on(day), so the totals need no branch per bundle (docs/benchmarks.md).
// With the window's ends on either side of its expiry (first <= e <= last for the window
// of e, that is, both offsets >= 0):
//   lapsed  <=> day is past e's window            <=> expires_on < first
//   renew   <=> auto_renew && e's window holds day <=> auto_renew && first <= expires_on <= last
struct SweepBounds {
    bool usable = false;  // false: bounds outside [-2^30, 2^30]; take the plain loop
    int first = 0;        // below it, lapsed
    int last = 0;
};
[[nodiscard]] constexpr SweepBounds sweep_bounds(date::sys_days day, const RenewalPolicy& p) noexcept {
    const DaySpan e = expiries_open_on(day, p);
    // Within 2^30 of the epoch, expires_on - first of any bundle (a day in 0001..9999) fits
    // an int, and its sign says lapsed. A policy's offsets are never negative, so `day` is
    // inside its own span, as the comparisons above need.
    constexpr std::int64_t lo = -(std::int64_t{1} << 30);
    constexpr std::int64_t hi = std::int64_t{1} << 30;
    if (e.first < lo || e.last > hi) return {};
    return {true, static_cast<int>(e.first), static_cast<int>(e.last)};
}

// True while a constant expression is evaluated (std::is_constant_evaluated in C++20, the
// compiler's builtin in C++17); true where neither is known, which keeps the plain loops.
[[nodiscard]] constexpr bool constant_evaluation() noexcept {
#if defined(__cpp_lib_is_constant_evaluated)
    return std::is_constant_evaluated();
#elif defined(__has_builtin)
#if __has_builtin(__builtin_is_constant_evaluated)
    return __builtin_is_constant_evaluated();
#else
    return true;
#endif
#else
    return true;
#endif
}
}  // namespace detail

// Totals only, over an array of bundles.
[[nodiscard]] constexpr SweepTotals sweep_totals(const Bundle* first, std::size_t n, date::sys_days day,
                                                 const RenewalPolicy& p) noexcept {
    SweepTotals t;
    const detail::SweepBounds b = detail::sweep_bounds(day, p);
    if (!b.usable) {
        for (std::size_t i = 0; i < n; ++i) t.add(sweep_action(first[i], day, p));
        return t;
    }
    // sweep_action() without a branch. The two counts share one 64-bit word a way, 21 bits
    // for lapsed, emptied before it could reach 2^21 (docs/benchmarks.md).
    // With d = expires_on - first (in int: a bundle's day is in 0001..9999 and sweep_bounds
    // keeps first within 2^30 of the epoch): lapsed is d's sign bit, and
    // first <= expires_on <= last is one unsigned compare, d <= last - first.
    constexpr int renew_shift = 21;
    const auto first_day = static_cast<std::uint32_t>(b.first);
    const auto span = static_cast<std::uint32_t>(b.last) - first_day;
    const auto count = [first_day, span](const Bundle& x) -> std::uint64_t {
        const std::uint32_t d = static_cast<std::uint32_t>(x.expires_on().time_since_epoch().count()) - first_day;
        const std::uint64_t late = d >> 31;
        const std::uint64_t renew = static_cast<unsigned>(x.auto_renew()) & static_cast<unsigned>(d <= span);
        return late | renew << renew_shift;
    };
    const auto unpack = [&t](std::uint64_t w) {
        constexpr std::uint64_t mask = (std::uint64_t{1} << renew_shift) - 1;
        t.lapsed += w & mask;
        t.renew += w >> renew_shift;
    };
    // Four quarters in lockstep: four streams of reads in flight (docs/benchmarks.md).
    constexpr std::size_t ways = 4;
    constexpr std::size_t chunk = (std::size_t{1} << renew_shift) - 1;  // per way, before a word is emptied
    const std::size_t part = n / ways;
    for (std::size_t from = 0; from < part; from += chunk) {
        const std::size_t to = part - from < chunk ? part : from + chunk;
        std::uint64_t w0 = 0, w1 = 0, w2 = 0, w3 = 0;
        for (std::size_t i = from; i < to; ++i) {
            w0 += count(first[i]);
            w1 += count(first[part + i]);
            w2 += count(first[2 * part + i]);
            w3 += count(first[3 * part + i]);
        }
        unpack(w0);
        unpack(w1);
        unpack(w2);
        unpack(w3);
    }
    std::uint64_t rest = 0;
    for (std::size_t i = part * ways; i < n; ++i) rest += count(first[i]);  // fewer than four
    unpack(rest);
    t.none = n - t.lapsed - t.renew;
    return t;
}

namespace detail {
// The column sweep's blocks in plain C++, for any target: fixed-length blocks, 32-bit
// counts, flags read as bytes (docs/benchmarks.md). Returns the rows taken.
inline std::size_t sweep_column_blocks_plain(const date::sys_days* expires_on, const unsigned char* flags,
                                             std::size_t n, SweepBounds b, SweepTotals& t) noexcept {
    constexpr std::size_t block = 256;
    std::size_t i = 0;
    for (; n - i >= block; i += block) {
        std::uint32_t lapsed = 0;
        std::uint32_t renew = 0;
        for (std::size_t j = i; j < i + block; ++j) {
            const int e = expires_on[j].time_since_epoch().count();
            const auto late = static_cast<std::uint32_t>(e < b.first);  // lapsed
            const auto ahead = static_cast<std::uint32_t>(e > b.last);  // window not open yet
            lapsed += late;
            renew += flags[j] & (1u ^ (late | ahead));  // a bool's byte is 0 or 1
        }
        t.lapsed += lapsed;
        t.renew += renew;
        t.none += block - lapsed - renew;
    }
    return i;
}

#if defined(__x86_64__) && defined(__SSE2__) && (defined(__GNUC__) || defined(__clang__))
// The column sweep's blocks with SSE2, baseline on x86-64, through the compilers' vector
// types and the builtins <emmintrin.h> wraps, so the umbrella header parses no intrinsics
// header (docs/benchmarks.md: 10-15 % faster than the compiler's own vectors of the plain
// blocks, which widen each flag byte to 32 bits). 16 rows a step: the eight 32-bit compare
// masks are packed to bytes (a mask is 0 or -1, so saturation keeps it), which count in
// byte lanes, emptied before they reach 256.
using V4i = int __attribute__((vector_size(16)));
using V16u = unsigned char __attribute__((vector_size(16)));
inline V16u to_bytes(V4i a, V4i b, V4i c, V4i d) noexcept {
    return reinterpret_cast<V16u>(__builtin_ia32_packsswb128(__builtin_ia32_packssdw128(a, b),
                                                             __builtin_ia32_packssdw128(c, d)));
}
// Returns the rows taken: a multiple of 16.
inline std::size_t sweep_column_blocks_sse2(const date::sys_days* expires_on, const unsigned char* flags,
                                            std::size_t n, SweepBounds b, SweepTotals& t) noexcept {
    static_assert(sizeof(date::sys_days) == sizeof(int), "a day is one int");
    const V4i first = {b.first, b.first, b.first, b.first};
    const V4i last = {b.last, b.last, b.last, b.last};
    const V16u one = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};  // a flag is a bool's low bit
    constexpr std::size_t rows = 16;
    constexpr std::size_t steps_per_count = 255;  // a byte lane's count stays below 256
    std::size_t i = 0;
    while (n - i >= rows) {
        const std::size_t steps = (n - i) / rows < steps_per_count ? (n - i) / rows : steps_per_count;
        V16u lapsed = {};
        V16u renew = {};
        for (std::size_t s = 0; s < steps; ++s, i += rows) {
            // Written out, not as arrays and a loop: g++ -O2 keeps arrays on the stack.
            V4i e0, e1, e2, e3;
            V16u f;
            std::memcpy(&e0, expires_on + i, sizeof e0);
            std::memcpy(&e1, expires_on + i + 4, sizeof e1);
            std::memcpy(&e2, expires_on + i + 8, sizeof e2);
            std::memcpy(&e3, expires_on + i + 12, sizeof e3);
            std::memcpy(&f, flags + i, sizeof f);
            const V4i late0 = e0 < first, late1 = e1 < first, late2 = e2 < first, late3 = e3 < first;
            // outside the window: lapsed, or not open yet
            const V4i out0 = late0 | (e0 > last), out1 = late1 | (e1 > last);
            const V4i out2 = late2 | (e2 > last), out3 = late3 | (e3 > last);
            lapsed -= to_bytes(late0, late1, late2, late3);  // a set lane is 255: minus one adds one
            renew += f & one & ~to_bytes(out0, out1, out2, out3);
        }
        std::uint32_t l = 0;
        std::uint32_t r = 0;
        for (int k = 0; k < 16; ++k) {
            l += lapsed[k];
            r += renew[k];
        }
        t.lapsed += l;
        t.renew += r;
        t.none += steps * rows - l - r;
    }
    return i;
}

// 32 rows a step with AVX2, compiled for it alone and taken only where the CPU has it
// (column_blocks()). The 32-byte vectors stay inside this function: no function built for
// the baseline passes or returns one. The 256-bit packs work within 128-bit lanes, so the
// packed masks hold rows 0-3, 8-11, 16-19, 24-27, 4-7, 12-15, 20-23, 28-31: one vpermd puts
// them back in row order before they meet the flags; the lapsed counts are summed, in any order.
using V8i = int __attribute__((vector_size(32)));
using V32u = unsigned char __attribute__((vector_size(32)));
__attribute__((target("avx2"))) inline std::size_t sweep_column_blocks_avx2(const date::sys_days* expires_on,
                                                                            const unsigned char* flags, std::size_t n,
                                                                            SweepBounds b, SweepTotals& t) noexcept {
    const V8i first = {b.first, b.first, b.first, b.first, b.first, b.first, b.first, b.first};
    const V8i last = {b.last, b.last, b.last, b.last, b.last, b.last, b.last, b.last};
    const V8i order = {0, 4, 1, 5, 2, 6, 3, 7};
    V32u one;  // a flag is a bool's low bit
    std::memset(&one, 1, sizeof one);
    constexpr std::size_t rows = 32;
    constexpr std::size_t steps_per_count = 255;  // a byte lane's count stays below 256
    std::size_t i = 0;
    while (n - i >= rows) {
        const std::size_t steps = (n - i) / rows < steps_per_count ? (n - i) / rows : steps_per_count;
        V32u lapsed = {};
        V32u renew = {};
        for (std::size_t s = 0; s < steps; ++s, i += rows) {
            V8i e0, e1, e2, e3;
            V32u f;
            std::memcpy(&e0, expires_on + i, sizeof e0);
            std::memcpy(&e1, expires_on + i + 8, sizeof e1);
            std::memcpy(&e2, expires_on + i + 16, sizeof e2);
            std::memcpy(&e3, expires_on + i + 24, sizeof e3);
            std::memcpy(&f, flags + i, sizeof f);
            const V8i late0 = e0 < first, late1 = e1 < first, late2 = e2 < first, late3 = e3 < first;
            const V8i out0 = late0 | (e0 > last), out1 = late1 | (e1 > last);
            const V8i out2 = late2 | (e2 > last), out3 = late3 | (e3 > last);
            const auto late = __builtin_ia32_packsswb256(__builtin_ia32_packssdw256(late0, late1),
                                                         __builtin_ia32_packssdw256(late2, late3));
            const auto out = __builtin_ia32_packsswb256(__builtin_ia32_packssdw256(out0, out1),
                                                        __builtin_ia32_packssdw256(out2, out3));
            lapsed -= reinterpret_cast<V32u>(late);  // a set lane is 255: minus one adds one
            renew += f & one & ~reinterpret_cast<V32u>(__builtin_ia32_permvarsi256(reinterpret_cast<V8i>(out), order));
        }
        std::uint32_t l = 0;
        std::uint32_t r = 0;
        for (int k = 0; k < 32; ++k) {
            l += lapsed[k];
            r += renew[k];
        }
        t.lapsed += l;
        t.renew += r;
        t.none += steps * rows - l - r;
    }
    return i;
}
#endif

// The block forms this machine runs, the one the sweep takes first; the tests run each. A
// form takes a multiple of `rows` rows and leaves fewer than `rows` to the per-bundle loop.
struct ColumnBlocks {
    std::size_t (*run)(const date::sys_days*, const unsigned char*, std::size_t, SweepBounds, SweepTotals&) noexcept;
    std::size_t rows;
};
struct ColumnBlockList {
    ColumnBlocks forms[3];
    std::size_t size;
    [[nodiscard]] const ColumnBlocks* begin() const noexcept { return forms; }
    [[nodiscard]] const ColumnBlocks* end() const noexcept { return forms + size; }
};
// Built once: the library is built for the baseline, so the CPU is asked at run time.
inline const ColumnBlockList& column_blocks() noexcept {
    static const ColumnBlockList list = [] {
        ColumnBlockList l{};
#if defined(__x86_64__) && defined(__SSE2__) && (defined(__GNUC__) || defined(__clang__))
        __builtin_cpu_init();  // may run before the constructor that would call it
        if (__builtin_cpu_supports("avx2")) l.forms[l.size++] = {sweep_column_blocks_avx2, 32};
        l.forms[l.size++] = {sweep_column_blocks_sse2, 16};
#endif
        l.forms[l.size++] = {sweep_column_blocks_plain, 256};
        return l;
    }();
    return list;
}
}  // namespace detail

// Totals over a column of expiry days and a column of auto_renew flags (structure of
// arrays): the form for sweeps over millions of bundles. Its blocks compare days signed,
// not through the array form's difference: a column may hold any day count, so
// expires_on - first may not fit an int.
[[nodiscard]] constexpr SweepTotals sweep_totals(const date::sys_days* expires_on, const bool* auto_renew,
                                                 std::size_t n, date::sys_days day, const RenewalPolicy& p) noexcept {
    SweepTotals t;
    const detail::SweepBounds b = detail::sweep_bounds(day, p);
    std::size_t i = 0;
    if (b.usable && !detail::constant_evaluation()) {
        // Any object may be read through unsigned char.
        i = detail::column_blocks().begin()->run(expires_on, reinterpret_cast<const unsigned char*>(auto_renew), n, b, t);
    }
    for (; i < n; ++i) t.add(sweep_action(ExpiresOn{expires_on[i]}, auto_renew[i], day, p));
    return t;
}

}  // namespace voip

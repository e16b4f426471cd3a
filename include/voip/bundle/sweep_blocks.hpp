// SPDX-License-Identifier: MIT
#pragma once
// The sweep's block kernels: sweep_totals() counts many bundles a step, in plain C++ for any
// target and, on x86-64, in SSE2 and AVX2 (docs/benchmarks.md). sweep.hpp holds the rule
// they count and calls them; tests/sweep_blocks.cpp runs every form against sweep_action().
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <type_traits>

#include <date/date.h>

#include "bundle.hpp"

namespace voip::detail {
// sweep_action() for one day as two comparisons of expires_on with the bounds that
// sweep_bounds() (sweep.hpp) takes from expiries_open_on(day):
//   lapsed <=> expires_on < first;   renew <=> auto_renew && first <= expires_on <= last
struct SweepBounds {
    bool usable = false;  // false: bounds outside [-2^30, 2^30]; take the plain loop
    int first = 0;        // below it, lapsed
    int last = 0;
};

// What a kernel counted among the rows it took; the others of them are none.
struct BlockCounts {
    std::uint64_t lapsed = 0;
    std::uint64_t renew = 0;
};

// Where a Bundle keeps the two members the array kernels read (Bundle's friend).
struct BundleBytes {
    static_assert(std::is_standard_layout<Bundle>::value, "offsetof needs a standard-layout Bundle");
    static constexpr std::size_t expires_on = offsetof(Bundle, expires_on_);
    static constexpr std::size_t auto_renew = offsetof(Bundle, auto_renew_);
};

// The array sweep in plain C++, every row taken; a constant expression takes this form.
[[nodiscard]] constexpr std::size_t sweep_array_blocks_plain(const Bundle* first, std::size_t n, SweepBounds b,
                                                             BlockCounts& c) noexcept {
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
    const auto unpack = [&c](std::uint64_t w) {
        constexpr std::uint64_t mask = (std::uint64_t{1} << renew_shift) - 1;
        c.lapsed += w & mask;
        c.renew += w >> renew_shift;
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
    return n;
}

#if defined(__x86_64__) && defined(__SSE2__) && (defined(__GNUC__) || defined(__clang__))
using V4u = unsigned __attribute__((vector_size(16)));
using V2q = unsigned long long __attribute__((vector_size(16)));
using V4f = float __attribute__((vector_size(16)));
// The array sweep with SSE2, 4 bundles a step, counted as the plain form counts them: the 8
// bytes from each one's expires_on (the day, then bundle_type, auto_renew and padding) make
// two vectors, the days and the rest (docs/benchmarks.md: the scalar form spent 10
// instructions a bundle). Returns the rows taken: a multiple of 4.
inline std::size_t sweep_array_blocks_sse2(const Bundle* first, std::size_t n, SweepBounds b, BlockCounts& c) noexcept {
    constexpr std::size_t at = BundleBytes::expires_on;
    static_assert(sizeof(date::sys_days) == 4 && at + 8 <= sizeof(Bundle), "8 bytes from expires_on, inside the bundle");
    static_assert(BundleBytes::auto_renew >= at + 4 && BundleBytes::auto_renew < at + 8, "auto_renew in the rest");
    static_assert(sizeof(bool) == 1, "a flag is one byte");
    constexpr unsigned flag_shift = 8 * (BundleBytes::auto_renew - at - 4);
    const auto first_day = static_cast<unsigned>(b.first);
    const unsigned span = static_cast<unsigned>(b.last) - first_day;
    const V4u firsts = {first_day, first_day, first_day, first_day};
    const V4u spans = {span, span, span, span};
    const V4u one = {1, 1, 1, 1};  // a flag is a bool's low bit
    const auto word = [first](std::size_t row) {  // row's 8 bytes from expires_on
        unsigned long long w{};
        std::memcpy(&w, reinterpret_cast<const unsigned char*>(first + row) + at, sizeof w);
        return w;
    };
    constexpr std::size_t rows = 4;
    constexpr std::size_t steps_per_count = 0xFFFFFFFF;  // a 32-bit lane counts at most one a step
    std::size_t i = 0;
    while (n - i >= rows) {
        const std::size_t steps = (n - i) / rows < steps_per_count ? (n - i) / rows : steps_per_count;
        V4u lapsed = {};
        V4u renew = {};
        for (std::size_t s = 0; s < steps; ++s, i += rows) {
            const V4f x01 = reinterpret_cast<V4f>(V2q{word(i), word(i + 1)});
            const V4f x23 = reinterpret_cast<V4f>(V2q{word(i + 2), word(i + 3)});
            // shufps (the builtin <xmmintrin.h> wraps, in both compilers): the days are lanes 0
            // and 2 of each pair (0x88), the rest lanes 1 and 3 (0xDD). With d = expires_on -
            // first, lapsed is d's sign bit and the window is d <= span, unsigned.
            const V4u d = reinterpret_cast<V4u>(__builtin_ia32_shufps(x01, x23, 0x88)) - firsts;
            const V4u rest = reinterpret_cast<V4u>(__builtin_ia32_shufps(x01, x23, 0xDD));
            lapsed += d >> 31;
            renew += (rest >> flag_shift) & one & ~reinterpret_cast<V4u>(d > spans);
        }
        std::uint64_t l = 0;
        std::uint64_t r = 0;
        for (int k = 0; k < 4; ++k) {
            l += lapsed[k];
            r += renew[k];
        }
        c.lapsed += l;
        c.renew += r;
    }
    return i;
}
#endif

// The array forms this target has, the one the sweep takes first; the tests run each. A
// form takes a multiple of `rows` rows and leaves fewer than `rows` to the per-bundle loop.
struct ArrayBlocks {
    std::size_t (*run)(const Bundle*, std::size_t, SweepBounds, BlockCounts&) noexcept;
    std::size_t rows;
};
#if defined(__x86_64__) && defined(__SSE2__) && (defined(__GNUC__) || defined(__clang__))
inline constexpr ArrayBlocks array_blocks[] = {{sweep_array_blocks_sse2, 4}, {sweep_array_blocks_plain, 1}};
#else
inline constexpr ArrayBlocks array_blocks[] = {{sweep_array_blocks_plain, 1}};
#endif

// The column sweep's blocks in plain C++, for any target: fixed-length blocks, 32-bit
// counts, flags read as bytes (docs/benchmarks.md). Returns the rows taken.
inline std::size_t sweep_column_blocks_plain(const date::sys_days* expires_on, const unsigned char* flags,
                                             std::size_t n, SweepBounds b, BlockCounts& c) noexcept {
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
        c.lapsed += lapsed;
        c.renew += renew;
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
                                            std::size_t n, SweepBounds b, BlockCounts& c) noexcept {
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
        c.lapsed += l;
        c.renew += r;
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
// The rows this far ahead are asked for into the outer caches (prefetcht1): the hardware's
// own prefetch leaves the AVX2 loop at 63-81 % of a plain read of the columns, this at 76-95 %
// (docs/benchmarks.md, "The column sweep's prefetch").
inline constexpr std::size_t prefetch_rows = 2048;
__attribute__((target("avx2"))) inline std::size_t sweep_column_blocks_avx2(const date::sys_days* expires_on,
                                                                            const unsigned char* flags, std::size_t n,
                                                                            SweepBounds b, BlockCounts& c) noexcept {
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
            // Near the end, the rows at hand (a pointer never passes the end).
            const std::size_t ahead = n - i >= prefetch_rows + rows ? i + prefetch_rows : i;
            __builtin_prefetch(expires_on + ahead, 0, 2);
            __builtin_prefetch(expires_on + ahead + 16, 0, 2);  // the second 64-byte line
            if (i % 64 == 0) __builtin_prefetch(flags + ahead, 0, 2);
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
        c.lapsed += l;
        c.renew += r;
    }
    return i;
}
#endif

// The block forms this machine runs, the one the sweep takes first; the tests run each. A
// form takes a multiple of `rows` rows and leaves fewer than `rows` to the per-bundle loop.
struct ColumnBlocks {
    std::size_t (*run)(const date::sys_days*, const unsigned char*, std::size_t, SweepBounds, BlockCounts&) noexcept;
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
}  // namespace voip::detail

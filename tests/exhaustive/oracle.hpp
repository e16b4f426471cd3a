#pragma once
// A deliberately simple calendar, written for the tests and sharing nothing with the
// library or with Howard Hinnant's date: its own leap-year rule, its own days-in-month
// table, and day serials obtained by counting days one at a time. When the library and
// this oracle agree on millions of days, both would have to be wrong the same way.
#include <cstdint>
#include <string>

namespace oracle {

struct Ymd {
    int y;
    int m;  // 1..12
    int d;  // 1..31
};

inline bool operator==(const Ymd& a, const Ymd& b) { return a.y == b.y && a.m == b.m && a.d == b.d; }
inline bool operator!=(const Ymd& a, const Ymd& b) { return !(a == b); }
inline bool operator<(const Ymd& a, const Ymd& b) {
    if (a.y != b.y) return a.y < b.y;
    if (a.m != b.m) return a.m < b.m;
    return a.d < b.d;
}

// Gregorian: every 4th year, except centuries, except every 4th century.
inline bool leap(int y) {
    if (y % 400 == 0) return true;
    if (y % 100 == 0) return false;
    return y % 4 == 0;
}

inline int days_in_month(int y, int m) {
    static const int table[13] = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && leap(y)) return 29;
    return table[m];
}

inline bool valid(int y, int m, int d) { return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m); }

inline Ymd next_day(Ymd t) {
    if (t.d < days_in_month(t.y, t.m)) return {t.y, t.m, t.d + 1};
    if (t.m < 12) return {t.y, t.m + 1, 1};
    return {t.y + 1, 1, 1};
}

// Year and month `k` months after (y, m).
inline void add_months(int& y, int& m, int k) {
    const int index = y * 12 + (m - 1) + k;
    y = index / 12;
    m = index % 12 + 1;
}

// Clamp mode: `months` after `from`'s month, on `anchor_day` or the month's last day.
inline Ymd add_clamped(Ymd from, int months, int anchor_day) {
    int y = from.y, m = from.m;
    add_months(y, m, months);
    const int dim = days_in_month(y, m);
    return {y, m, anchor_day < dim ? anchor_day : dim};
}

// Clamp mode's term after `from` (add_term): on `anchor_day` as above, unless that day is
// not more than `window_days` (a policy's before + after) past `from`, counted a day at a
// time: then the anchor's day of the month after.
inline Ymd add_term_clamped(Ymd from, int months, int anchor_day, int window_days) {
    const Ymd anchored = add_clamped(from, months, anchor_day);
    Ymd past = from;
    for (int i = 0; i <= window_days; ++i) past = next_day(past);  // from + window + 1
    return anchored < past ? add_clamped(from, months + 1, anchor_day) : anchored;
}

// Overflow mode, PHP's "+N month": the same day number, rolling into the next month
// when the month is too short (01-31 + 1 month = 03-03, or 03-02 in a leap year).
inline Ymd add_overflow(Ymd from, int months) {
    int y = from.y, m = from.m;
    add_months(y, m, months);
    int d = from.d;
    const int dim = days_in_month(y, m);
    if (d > dim) {
        d -= dim;
        add_months(y, m, 1);
    }
    return {y, m, d};
}

// YYYY-MM-DD for y in [0, 9999], m and d in [0, 99].
inline void format(char* out, int y, int m, int d) {
    const int v[3] = {y, m, d};
    const int width[3] = {4, 2, 2};
    int pos = 0;
    for (int i = 0; i < 3; ++i) {
        if (i) out[pos++] = '-';
        int x = v[i];
        for (int k = width[i] - 1; k >= 0; --k) {
            out[pos + k] = static_cast<char>('0' + x % 10);
            x /= 10;
        }
        pos += width[i];
    }
}

inline std::string text(const Ymd& t) {
    char buf[10];
    format(buf, t.y, t.m, t.d);
    return std::string(buf, 10);
}

// Days from 1970-01-01 to 0001-01-01, counted independently: 1969 years of 365 days plus
// the leap days among years 1..1969 (492 multiples of 4, less 19 centuries, plus 4 of 400).
inline constexpr std::int64_t serial_0001_01_01 = -(1969LL * 365 + (492 - 19 + 4));  // -719162

}  // namespace oracle

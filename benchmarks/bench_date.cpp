// ISO dates (parse, format) and month arithmetic: the library vs what a C++ developer
// would otherwise write: date::parse/date::format with a stream, sscanf/snprintf,
// std::get_time/std::put_time, Boost.Date_Time, and mktime normalisation.
// g++ 12 warns "'S' may be used uninitialized" inside date::from_stream (date.h 7261)
// once it is inlined here: a false positive in the dependency, not in this code.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <iomanip>
#include <sstream>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>
#include <boost/date_time/gregorian/gregorian.hpp>
#include <date/date.h>

#include <voip/bundle.hpp>

#include "common.hpp"

namespace {

using bench::ring;

// ---- peers, each as a user would write it -------------------------------------------

// date::parse with a new stream per call (the usual way to read one field).
bool peer_date_parse(const std::string& text, date::sys_days& out) {
    std::istringstream in(text);
    in >> date::parse("%F", out);
    return !in.fail();
}

bool peer_sscanf(const std::string& text, date::sys_days& out) {
    int y = 0;
    unsigned m = 0;
    unsigned d = 0;
    if (std::sscanf(text.c_str(), "%4d-%2u-%2u", &y, &m, &d) != 3) return false;
    const date::year_month_day ymd{date::year{y}, date::month{m}, date::day{d}};
    if (!ymd.ok()) return false;
    out = date::sys_days{ymd};
    return true;
}

bool peer_get_time(const std::string& text, date::sys_days& out) {
    std::istringstream in(text);
    std::tm tm{};
    in >> std::get_time(&tm, "%Y-%m-%d");
    if (in.fail()) return false;
    const date::year_month_day ymd{date::year{tm.tm_year + 1900}, date::month{static_cast<unsigned>(tm.tm_mon + 1)},
                                   date::day{static_cast<unsigned>(tm.tm_mday)}};
    if (!ymd.ok()) return false;
    out = date::sys_days{ymd};
    return true;
}

// The library's own parse as first written: digits by hand, then the date library's
// year_month_day::ok() and sys_days conversion. Kept to show what the hand-written civil
// conversion in iso_date.hpp buys (docs/benchmarks.md).
bool peer_digits_then_date(const std::string& text, date::sys_days& out) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
    int v[8] = {};
    constexpr std::size_t pos[8] = {0, 1, 2, 3, 5, 6, 8, 9};
    for (std::size_t k = 0; k < 8; ++k) {
        const char c = text[pos[k]];
        if (c < '0' || c > '9') return false;
        v[k] = c - '0';
    }
    const int y = v[0] * 1000 + v[1] * 100 + v[2] * 10 + v[3];
    const date::year_month_day ymd{date::year{y}, date::month{static_cast<unsigned>(v[4] * 10 + v[5])},
                                   date::day{static_cast<unsigned>(v[6] * 10 + v[7])}};
    if (y < 1 || !ymd.ok()) return false;
    out = date::sys_days{ymd};
    return true;
}

// Boost's day number is the Julian day; 1970-01-01 is 2440588.
constexpr long boost_epoch = 2440588;

bool peer_boost_parse(const std::string& text, date::sys_days& out) {
    try {
        const boost::gregorian::date d = boost::gregorian::from_simple_string(text);
        out = date::sys_days{date::days{static_cast<long>(d.day_number()) - boost_epoch}};
        return true;
    } catch (const std::exception&) {
        return false;
    }
}

boost::gregorian::date to_boost(date::sys_days d) {
    const date::year_month_day ymd{d};
    return boost::gregorian::date(static_cast<unsigned short>(static_cast<int>(ymd.year())),
                                  static_cast<unsigned short>(static_cast<unsigned>(ymd.month())),
                                  static_cast<unsigned short>(static_cast<unsigned>(ymd.day())));
}
date::sys_days from_boost(const boost::gregorian::date& d) {
    return date::sys_days{date::days{static_cast<long>(d.day_number()) - boost_epoch}};
}

std::tm to_tm(date::sys_days d) {
    const date::year_month_day ymd{d};
    std::tm tm{};
    tm.tm_year = static_cast<int>(ymd.year()) - 1900;
    tm.tm_mon = static_cast<int>(static_cast<unsigned>(ymd.month())) - 1;
    tm.tm_mday = static_cast<int>(static_cast<unsigned>(ymd.day()));
    tm.tm_hour = 12;  // noon: no daylight-saving edge can move the day
    tm.tm_isdst = -1;
    return tm;
}
date::sys_days from_tm(const std::tm& tm) {
    return date::sys_days{date::year{tm.tm_year + 1900} / date::month{static_cast<unsigned>(tm.tm_mon + 1)} /
                          date::day{static_cast<unsigned>(tm.tm_mday)}};
}

// "+1 month" with the day clamped to the month's end, written directly with the date
// library: the bare rule, without the range checks and the error channel.
date::sys_days bare_clamp(date::sys_days from, date::day anchor) {
    const date::year_month_day f{from};
    const date::year_month target = f.year() / f.month() + date::months{1};
    const date::day last = (target / date::last).day();
    return date::sys_days{target / (anchor < last ? anchor : last)};
}

boost::gregorian::date boost_add_month(const boost::gregorian::date& d) { return d + boost::gregorian::months(1); }

std::tm mktime_add_month(std::tm tm) {
    tm.tm_mon += 1;
    std::mktime(&tm);  // normalises 02-31 into 03-03, as PHP's "+1 month" does
    return tm;
}

// ---- inputs ---------------------------------------------------------------------------

const std::vector<boost::gregorian::date>& boost_days() {
    static const auto v = [] {
        std::vector<boost::gregorian::date> r;
        for (const auto d : bench::sample_days()) r.push_back(to_boost(d));
        return r;
    }();
    return v;
}
const std::vector<std::tm>& tm_days() {
    static const auto v = [] {
        std::vector<std::tm> r;
        for (const auto d : bench::sample_days()) r.push_back(to_tm(d));
        return r;
    }();
    return v;
}

// ---- parse ----------------------------------------------------------------------------

// The per-call benchmarks add the answers up and keep only the sum, as a caller uses an
// answer; DoNotOptimize on each answer would force it through memory, a cost of its own
// (see expected_abi and docs/benchmarks.md).
void parse_library(benchmark::State& state) {
    const auto& texts = bench::sample_date_texts();
    std::size_t i = 0;
    long sum = 0;
    for (auto _ : state) {
        const auto d = voip::parse_iso_date(texts[i++ % ring]);
        sum += d ? d->time_since_epoch().count() : -1;
    }
    benchmark::DoNotOptimize(sum);
}
BENCHMARK(parse_library)->Name("date_parse/library");

template <bool (*Peer)(const std::string&, date::sys_days&)>
void parse_peer(benchmark::State& state) {
    const auto& texts = bench::sample_date_texts();
    std::size_t i = 0;
    long sum = 0;
    for (auto _ : state) {
        date::sys_days d{};
        const bool ok = Peer(texts[i++ % ring], d);
        sum += ok ? d.time_since_epoch().count() : -1;
    }
    benchmark::DoNotOptimize(sum);
}
BENCHMARK_TEMPLATE(parse_peer, peer_date_parse)->Name("date_parse/date_parse_new_stream");
BENCHMARK_TEMPLATE(parse_peer, peer_sscanf)->Name("date_parse/sscanf");
BENCHMARK_TEMPLATE(parse_peer, peer_get_time)->Name("date_parse/std_get_time");
BENCHMARK_TEMPLATE(parse_peer, peer_boost_parse)->Name("date_parse/boost_from_simple_string");
BENCHMARK_TEMPLATE(parse_peer, peer_digits_then_date)->Name("date_parse/digits_then_date_library");

// ---- format ---------------------------------------------------------------------------

void format_library(benchmark::State& state) {
    const auto& days = bench::sample_days();
    char buf[voip::iso_date_size];
    std::size_t i = 0;
    for (auto _ : state) {
        voip::write_iso_date(buf, days[i++ % ring]);
        benchmark::DoNotOptimize(buf);
        benchmark::ClobberMemory();
    }
}
BENCHMARK(format_library)->Name("date_format/library");

void format_library_string(benchmark::State& state) {
    const auto& days = bench::sample_days();
    std::size_t i = 0;
    for (auto _ : state) {
        auto s = voip::to_iso_string(days[i++ % ring]);
        benchmark::DoNotOptimize(s);
    }
}
BENCHMARK(format_library_string)->Name("date_format/library_to_string");

// The library's digit table after the date library's civil conversion: what the
// hand-written conversion in iso_date.hpp is measured against.
void format_date_civil_then_digits(benchmark::State& state) {
    const auto& days = bench::sample_days();
    char buf[voip::iso_date_size];
    std::size_t i = 0;
    for (auto _ : state) {
        const date::year_month_day ymd{days[i++ % ring]};
        const auto y = static_cast<std::uint32_t>(static_cast<int>(ymd.year()));
        voip::detail::put_two_digits(buf, y / 100 % 100);  // the same digit table as the library
        voip::detail::put_two_digits(buf + 2, y % 100);
        buf[4] = '-';
        voip::detail::put_two_digits(buf + 5, static_cast<unsigned>(ymd.month()));
        buf[7] = '-';
        voip::detail::put_two_digits(buf + 8, static_cast<unsigned>(ymd.day()));
        benchmark::DoNotOptimize(buf);
        benchmark::ClobberMemory();
    }
}
BENCHMARK(format_date_civil_then_digits)->Name("date_format/date_civil_then_digits");

void format_date_format(benchmark::State& state) {
    const auto& days = bench::sample_days();
    std::size_t i = 0;
    for (auto _ : state) {
        auto s = date::format("%F", days[i++ % ring]);
        benchmark::DoNotOptimize(s);
    }
}
BENCHMARK(format_date_format)->Name("date_format/date_format");

void format_snprintf(benchmark::State& state) {
    const auto& days = bench::sample_days();
    char buf[16];
    std::size_t i = 0;
    for (auto _ : state) {
        const date::year_month_day ymd{days[i++ % ring]};
        std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                      static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
        benchmark::DoNotOptimize(buf);
        benchmark::ClobberMemory();
    }
}
BENCHMARK(format_snprintf)->Name("date_format/snprintf");

void format_put_time(benchmark::State& state) {
    const auto& tms = tm_days();
    std::size_t i = 0;
    for (auto _ : state) {
        std::ostringstream out;
        out << std::put_time(&tms[i++ % ring], "%Y-%m-%d");
        auto s = out.str();
        benchmark::DoNotOptimize(s);
    }
}
BENCHMARK(format_put_time)->Name("date_format/std_put_time");

void format_boost(benchmark::State& state) {
    const auto& days = boost_days();
    std::size_t i = 0;
    for (auto _ : state) {
        auto s = boost::gregorian::to_iso_extended_string(days[i++ % ring]);
        benchmark::DoNotOptimize(s);
    }
}
BENCHMARK(format_boost)->Name("date_format/boost_to_iso_extended_string");

// ---- month arithmetic -----------------------------------------------------------------

void month_first_expiry(benchmark::State& state) {
    const auto& days = bench::sample_days();
    const voip::RenewalPolicy policy{};
    std::size_t i = 0;
    long sum = 0;
    for (auto _ : state) {
        const auto e = voip::first_expiry(days[i++ % ring], policy);
        sum += e ? e->time_since_epoch().count() : -1;
    }
    benchmark::DoNotOptimize(sum);
}
BENCHMARK(month_first_expiry)->Name("month_add/library_first_expiry");

void month_add_term(benchmark::State& state) {
    const auto& days = bench::sample_days();
    const voip::RenewalPolicy policy{};
    std::size_t i = 0;
    long sum = 0;
    for (auto _ : state) {
        const auto d = days[i++ % ring];
        const auto e = voip::add_term(d, voip::CreatedOn{d}, policy);
        sum += e ? e->time_since_epoch().count() : -1;
    }
    benchmark::DoNotOptimize(sum);
}
BENCHMARK(month_add_term)->Name("month_add/library_add_term");

void month_bare_clamp(benchmark::State& state) {
    const auto& days = bench::sample_days();
    std::size_t i = 0;
    long sum = 0;
    for (auto _ : state) {
        const auto d = days[i++ % ring];
        sum += bare_clamp(d, date::year_month_day{d}.day()).time_since_epoch().count();
    }
    benchmark::DoNotOptimize(sum);
}
BENCHMARK(month_bare_clamp)->Name("month_add/date_bare_clamp");

void month_boost(benchmark::State& state) {
    const auto& days = boost_days();
    std::size_t i = 0;
    long sum = 0;
    for (auto _ : state) sum += static_cast<long>(boost_add_month(days[i++ % ring]).day_number());
    benchmark::DoNotOptimize(sum);
}
BENCHMARK(month_boost)->Name("month_add/boost_months");

void month_mktime(benchmark::State& state) {
    const auto& tms = tm_days();
    std::size_t i = 0;
    long sum = 0;
    for (auto _ : state) {
        const auto e = mktime_add_month(tms[i++ % ring]);
        sum += e.tm_year * 512 + e.tm_mon * 32 + e.tm_mday;
    }
    benchmark::DoNotOptimize(sum);
}
BENCHMARK(month_mktime)->Name("month_add/mktime_normalise");

}  // namespace

namespace bench {

std::string check_dates() {
    const auto& days = sample_days();
    const auto& texts = sample_date_texts();
    for (std::size_t i = 0; i < ring; ++i) {
        const auto lib = voip::parse_iso_date(texts[i]);
        if (!lib || *lib != days[i]) return "library parse of " + texts[i];
        date::sys_days d{};
        if (!peer_date_parse(texts[i], d) || d != days[i]) return "date::parse of " + texts[i];
        if (!peer_sscanf(texts[i], d) || d != days[i]) return "sscanf of " + texts[i];
        if (!peer_get_time(texts[i], d) || d != days[i]) return "std::get_time of " + texts[i];
        if (!peer_boost_parse(texts[i], d) || d != days[i]) return "boost parse of " + texts[i];
        if (voip::to_iso_string(days[i]) != texts[i]) return "library format of " + texts[i];
        if (date::format("%F", days[i]) != texts[i]) return "date::format of " + texts[i];
        if (boost::gregorian::to_iso_extended_string(to_boost(days[i])) != texts[i]) return "boost format of " + texts[i];
        std::ostringstream out;
        out << std::put_time(&tm_days()[i], "%Y-%m-%d");
        if (out.str() != texts[i]) return "std::put_time of " + texts[i];
        const auto e = voip::first_expiry(days[i], voip::RenewalPolicy{});
        if (!e || *e != bare_clamp(days[i], date::year_month_day{days[i]}.day())) return "month add of " + texts[i];
    }
    return {};
}

Disagreements count_disagreements() {
    Disagreements n;
    const voip::RenewalPolicy policy{};
    const date::sys_days first{date::year{2000} / 1 / 1};
    const date::sys_days last{date::year{2100} / 12 / 31};
    for (date::sys_days d = first; d <= last; d += date::days{1}) {
        ++n.days;
        const date::sys_days lib = *voip::first_expiry(d, policy);
        n.date_clamp += bare_clamp(d, date::year_month_day{d}.day()) != lib;
        n.boost += from_boost(boost_add_month(to_boost(d))) != lib;
        n.mktime += from_tm(mktime_add_month(to_tm(d))) != lib;
        // Twelve renewals: the library keeps created_on's day; the peers chain from the
        // previous expiry, as code without an anchor does.
        voip::Bundle b = *voip::make_bundle(voip::Uuid{}, voip::CreatedOn{d}, voip::ExpiresOn{lib},
                                            voip::BundleType::business, voip::AutoRenew::off);
        date::sys_days by_date = lib;
        auto by_boost = boost_add_month(to_boost(d));
        auto by_tm = mktime_add_month(to_tm(d));
        for (int k = 1; k < 12; ++k) {
            b = *b.renewed_until(voip::ExpiresOn{*voip::next_expiry(b, policy)});
            by_date = bare_clamp(by_date, date::year_month_day{by_date}.day());
            by_boost = boost_add_month(by_boost);
            by_tm = mktime_add_month(by_tm);
        }
        n.chained_date += by_date != b.expires_on();
        n.chained_boost += from_boost(by_boost) != b.expires_on();
        n.chained_mktime += from_tm(by_tm) != b.expires_on();
    }
    return n;
}

}  // namespace bench

// The day of a request: --today checked, or the civil date in an IANA zone (Howard Hinnant's tz on the system's tzdata).
#include "today.hpp"

#include <chrono>
#include <cstdlib>
#include <exception>
#include <string>
#include <string_view>

#include <date/tz.h>
#include <voip/bundle.hpp>

#include <voip_app/date_shape.hpp>

#include "failure.hpp"

// The tz library must read the system's /usr/share/zoneinfo: its other mode downloads
// the IANA database at run time, which a command must never do.
#if !defined(USE_OS_TZDB) || !USE_OS_TZDB
#error "voip-bundle needs Howard Hinnant's tz built with USE_OS_TZDB=1 (Debian's libhowardhinnant-date-dev)"
#endif

namespace voip_cli {

using voip_app::date_problem;

namespace {

constexpr const char* now_variable = "VOIP_BUNDLE_NOW";

// Two digits at s[at], at most `max`; -1 otherwise.
int two_digits(std::string_view s, std::size_t at, int max) {
    const char a = s[at];
    const char b = s[at + 1];
    if (a < '0' || a > '9' || b < '0' || b > '9') return -1;
    const int v = (a - '0') * 10 + (b - '0');
    return v <= max ? v : -1;
}

// VOIP_BUNDLE_NOW's instant: exactly YYYY-MM-DDTHH:MM:SSZ, in UTC.
date::sys_seconds parse_now(std::string_view s) {
    const Failure bad{std::string(now_variable) + " " + std::string(s) +
                      ": want YYYY-MM-DDTHH:MM:SSZ (an instant in UTC, standing in for the clock in tests)"};
    if (s.size() != 20 || s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[19] != 'Z') throw bad;
    const auto day = voip::parse_iso_date(s.substr(0, 10));
    const int h = two_digits(s, 11, 23);
    const int m = two_digits(s, 14, 59);
    const int sec = two_digits(s, 17, 59);
    if (!day || h < 0 || m < 0 || sec < 0) throw bad;
    return *day + std::chrono::hours{h} + std::chrono::minutes{m} + std::chrono::seconds{sec};
}

date::sys_seconds now() {
    if (const char* pinned = std::getenv(now_variable)) return parse_now(pinned);
    return date::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

const date::time_zone* find_zone(const std::string& name) {
    try {
        return date::locate_zone(name);
    } catch (const std::exception&) {  // the library's only way to say "no such zone"
        throw Failure{"--zone " + name + ": unknown time zone (want an IANA name such as America/Los_Angeles, " +
                      "from /usr/share/zoneinfo)"};
    }
}

}  // namespace

date::sys_days request_day(const Options& o) {
    if (!o.today.empty()) {
        const auto day = voip::parse_iso_date(o.today);
        if (!day) throw Failure{"--today " + o.today + ": " + std::string(date_problem(o.today))};
        return *day;
    }
    const std::string zone = o.zone.empty() ? "UTC" : o.zone;
    const date::zoned_seconds here{find_zone(zone), now()};
    const date::local_days local = date::floor<date::days>(here.get_local_time());
    return date::sys_days{local.time_since_epoch()};
}

}  // namespace voip_cli

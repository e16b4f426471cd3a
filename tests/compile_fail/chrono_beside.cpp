// C++20: the library beside <chrono>'s calendar types, with `using namespace std::chrono;`
// in scope before and after its headers, and `using namespace voip;` too. The headers
// qualify every date:: name, so nothing here is ambiguous; std::chrono::sys_days values
// convert to the library's date::sys_days. Compiled and run as a test.
#include <chrono>
using namespace std::chrono;  // before the library: its headers must not pick these up

#include <voip/bundle.hpp>
#if __has_include(<voip/bundle_json.hpp>)
#include <voip/bundle_json.hpp>
#endif

#include <cstdio>

using namespace voip;

int main() {
    int failures = 0;
    const auto check = [&failures](bool ok_, const char* what) {
        if (!ok_) {
            std::fprintf(stderr, "FAIL: %s\n", what);
            ++failures;
        }
    };
    // std::chrono's own calendar, unqualified.
    constexpr year_month_day seed_day = 2018y / August / 1d;
    const sys_days today = seed_day;
    const days one_day{1};

    // Unqualified calls into voip with std::chrono arguments: ADL also looks in std::chrono
    // and std (C++20's std::in_range is there) and must find nothing better.
    check(in_range(today), "in_range(std::chrono::sys_days)");
    check(state_on(ExpiresOn{today + days{31}}, today, RenewalPolicy{}) == State::active, "state_on");
    const auto expires = first_expiry(today, RenewalPolicy{});
    check(expires.has_value() && *expires == sys_days{2018y / September / 1d}, "first_expiry");

    const Context ctx = make_context(today + one_day * 30).value();  // 2018-08-31: renewal window open
    const auto b = make_bundle(Uuid{}, CreatedOn{today}, ExpiresOn{*expires}, BundleType::business, AutoRenew::off);
    check(b.has_value(), "make_bundle");
    const auto r = renew(*b, ctx);
    check(r.has_value() && year_month_day{r->bundle.expires_on()} == 2018y / October / 1d, "renew");
    check(to_iso_string(r->bundle.expires_on()) == "2018-10-01", "to_iso_string");
    // The library's dates and std::chrono's compare directly.
    check(*parse_iso_date("2018-08-01") == today, "parse_iso_date == std::chrono::sys_days");
    check(name(Error::outside_renewal_window) == "outside_renewal_window", "name(Error)");
#if __has_include(<voip/bundle_json.hpp>)
    check(parse_request(R"({"bundle_type":1})").has_value(), "parse_request");
#endif
    if (failures == 0) std::puts("library and std::chrono agree, no ambiguity");
    return failures == 0 ? 0 : 1;
}

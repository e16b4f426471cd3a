// The day of a request: --today as given, or today's date in --zone, from the clock or VOIP_BUNDLE_NOW.
#pragma once
#include <date/date.h>

#include "options.hpp"

namespace voip_cli {

// --today when given ("not YYYY-MM-DD" and "not a calendar day" told apart); otherwise
// the civil date in --zone (an IANA name, default UTC) at the instant the clock reads, or
// at VOIP_BUNDLE_NOW (YYYY-MM-DDTHH:MM:SSZ, for tests) when that is set. An unknown zone
// or a malformed VOIP_BUNDLE_NOW is a Failure.
[[nodiscard]] date::sys_days request_day(const Options& o);

}  // namespace voip_cli

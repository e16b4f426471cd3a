// The inputs of voip-bundle's commands: the decision context from the options, the request body.
#pragma once
#include <string>

#include <voip/bundle.hpp>
#include <voip/bundle_json.hpp>

#include "options.hpp"

namespace voip_cli {

// --today (or --zone), --month-end, --prices (a file) and --balance as a checked voip::Context.
// The request's context from the options: today, the seed's policy under --month-end
// (clamp when not given), --prices and --balance.
voip::Context context_from(const Options& o);

// The seed's policy under month-end mode m, one of the two enumerators.
inline voip::RenewalPolicy policy_for(voip::MonthEnd m) { return *voip::make_renewal_policy(m); }

// The request body from standard input (at most voip::max_body_size + 1 bytes, enough to
// tell a body is too large); a terminal there is a usage error.
std::string read_request_body();

}  // namespace voip_cli

// The inputs of voip-bundle's commands: the decision context from the options, the request body.
#pragma once
#include <string>

#include <voip/bundle.hpp>
#include <voip/bundle_json.hpp>

#include "options.hpp"

namespace voip_cli {

// --today (or --zone), --month-end, --prices (a file) and --balance as a checked voip::Context.
voip::Context make_context(const Options& o);

// The request body from standard input (at most voip::max_body_size + 1 bytes, enough to
// tell a body is too large); a terminal there is a usage error.
std::string read_request_body();

}  // namespace voip_cli

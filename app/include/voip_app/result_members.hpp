// The results the command and the sandbox (server/) write alike: a bundle's members and its status.
#pragma once
#include <voip/bundle.hpp>

#include <voip_app/json_out.hpp>

namespace voip_app {

// A bundle's members in the envelope's order (status and quote answers).
void add_bundle_members(JsonOut& j, const voip::Bundle& b);

// The status of `b` on ctx.today(), into an open result object: the bundle's members, then
// lines::status (state, in_service, renewable, actions, renewal_window and next_expiry but
// for a lapsed bundle, features).
void add_status_members(JsonOut& j, const voip::Bundle& b, const voip::Context& ctx);

// After the result: "status_code" and "status_message", and the envelope's close.
void end_envelope(JsonOut& j, voip::Status s);
// Closes the result object, then end_envelope().
void close_envelope(JsonOut& j, voip::Status s);

}  // namespace voip_app

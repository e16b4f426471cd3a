// The status command of voip-bundle: state, renewal window, next expiry and features of a bundle.
#include <iostream>
#include <optional>

#include <voip/bundle.hpp>

#include <voip_app/json_out.hpp>
#include <voip_app/result_members.hpp>

#include "answers.hpp"
#include "commands.hpp"
#include "inputs.hpp"
#include "store.hpp"

namespace voip_cli {

using voip_app::add_status_members;
using voip_app::close_envelope;
using voip_app::JsonOut;

int run_status(const Options& o) {
    voip::Context ctx = context_from(o);
    const auto uuid = voip::parse_uuid(o.uuid);
    const StoreScan scan = scan_store(o.store, o.store, uuid ? std::optional<voip::Uuid>(*uuid) : std::nullopt, false);
    ctx = ctx.with_policy(policy_for(month_end_for(o, scan.month_end, o.store)));
    if (!uuid || !scan.found) {
        const voip::Error e = uuid ? voip::Error::unknown_bundle : voip::Error::malformed_uuid;
        print(envelope_text(voip::error_envelope(e), o.pretty));
        if (o.explain) std::cerr << voip::name(e) << '\n';
        return 0;
    }
    JsonOut j(o.pretty);
    j.open_object().open_object(voip::schema::envelope[0].name);
    add_status_members(j, *scan.found, ctx);
    close_envelope(j, voip::Status::ok);
    print(j.text());
    return 0;
}

}  // namespace voip_cli

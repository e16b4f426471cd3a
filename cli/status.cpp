// The status command of voip-bundle: state, renewal window, next expiry and features of a bundle.
#include <cstddef>
#include <iostream>
#include <optional>

#include <voip/bundle.hpp>

#include "answers.hpp"
#include "commands.hpp"
#include "inputs.hpp"
#include "json_out.hpp"
#include "store.hpp"

namespace voip_cli {

int run_status(const Options& o) {
    const voip::Context ctx = make_context(o);
    const auto uuid = voip::parse_uuid(o.uuid);
    const StoreScan scan = scan_store(o.store, o.store, uuid ? std::optional<voip::Uuid>(*uuid) : std::nullopt, false);
    if (!uuid || !scan.found) {
        const voip::Error e = uuid ? voip::Error::unknown_bundle : voip::Error::malformed_uuid;
        print(envelope_text(voip::error_envelope(e), o.pretty));
        if (o.explain) std::cerr << voip::name(e) << '\n';
        return 0;
    }
    const voip::Bundle& b = *scan.found;
    const voip::State state = voip::state_on(b, ctx.today, ctx.policy);
    const voip::RenewalWindow window = voip::renewal_window(b, ctx.policy);
    JsonOut j(o.pretty);
    j.open_object().open_object("result");
    add_bundle_members(j, b);
    j.string("state", voip::name(state))
        .boolean("in_service", voip::in_service(state))
        .boolean("renewable", voip::renewable(state));
    j.open_object("renewal_window").date("first", window.first).date("last", window.last).close_object();
    if (const auto next = voip::next_expiry(b, ctx.policy)) j.date("next_expiry", *next);
    j.open_array("features");
    const voip::FeatureSet features = voip::features_on(b, ctx.today, ctx.policy);
    for (std::size_t i = 0; i < voip::feature_count; ++i)
        if (features.has(static_cast<voip::Feature>(i))) j.string("", voip::name(static_cast<voip::Feature>(i)));
    j.close_array().close_object().integer("status_code", 200).string("status_message", "OK").close_object();
    print(j.text());
    return 0;
}

}  // namespace voip_cli

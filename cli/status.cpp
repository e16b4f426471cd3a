// The status command of voip-bundle: state, renewal window, next expiry and features of a bundle.
#include <cstddef>
#include <iostream>
#include <optional>

#include <voip/bundle.hpp>

#include "answers.hpp"
#include "commands.hpp"
#include "inputs.hpp"
#include "json_out.hpp"
#include "lines.hpp"
#include "store.hpp"

namespace voip_cli {

int run_status(const Options& o) {
    voip::Context ctx = make_context(o);
    const auto uuid = voip::parse_uuid(o.uuid);
    const StoreScan scan = scan_store(o.store, o.store, uuid ? std::optional<voip::Uuid>(*uuid) : std::nullopt, false);
    ctx.policy.month_end = month_end_for(o, scan.month_end, o.store);
    if (!uuid || !scan.found) {
        const voip::Error e = uuid ? voip::Error::unknown_bundle : voip::Error::malformed_uuid;
        print(envelope_text(voip::error_envelope(e), o.pretty));
        if (o.explain) std::cerr << voip::name(e) << '\n';
        return 0;
    }
    const voip::Bundle& b = *scan.found;
    const auto state = voip::state_on(b, ctx.today, ctx.policy);
    const auto window = voip::renewal_window(b, ctx.policy);
    if (!state || !window) {  // the store's decoder refuses such a line; kept for any other source
        print(envelope_text(voip::error_envelope(voip::Error::invalid_bundle), o.pretty));
        return 0;
    }
    using lines::status;
    JsonOut j(o.pretty);
    j.open_object().open_object(voip::schema::envelope[0].name);
    add_bundle_members(j, b);
    j.string(status[0].name, voip::name(*state))
        .boolean(status[1].name, voip::in_service(*state))
        .boolean(status[2].name, voip::renewable(*state));
    j.open_array(status[3].name);
    for (const std::string_view action : lines::status_actions(*state))
        if (!action.empty()) j.string("", action);
    j.close_array();
    // A lapsed bundle has no window left and no next expiry: showing them would invite a
    // renewal the API refuses (RULES 5: create a new bundle).
    if (*state != voip::State::lapsed) {
        j.open_object(status[4].name)
            .date(lines::window[0].name, window->first)
            .date(lines::window[1].name, window->last)
            .close_object();
        if (const auto next = voip::next_expiry(b, ctx.policy)) j.date(status[5].name, *next);
    }
    j.open_array(status[6].name);
    const voip::FeatureSet features = voip::features_on(b, ctx.today, ctx.policy);
    for (std::size_t i = 0; i < voip::feature_count; ++i)
        if (features.has(static_cast<voip::Feature>(i))) j.string("", voip::name(static_cast<voip::Feature>(i)));
    j.close_array();
    close_envelope(j, voip::Status::ok);
    print(j.text());
    return 0;
}

}  // namespace voip_cli

// The bundle and status members of result_members.hpp, written once for the command and the sandbox.
#include <voip_app/result_members.hpp>

#include <cstddef>
#include <type_traits>

#include <voip_app/lines.hpp>

namespace voip_app {

void add_bundle_members(JsonOut& j, const voip::Bundle& b) {
    voip::schema::visit_bundle_json<voip::schema::bundle.size()>(b, [&j](std::string_view name, const auto& value) {
        using V = std::decay_t<decltype(value)>;
        if constexpr (std::is_same_v<V, bool>) j.boolean(name, value);
        else if constexpr (std::is_same_v<V, int>) j.integer(name, value);
        else j.string(name, value);
    });
}

void add_status_members(JsonOut& j, const voip::Bundle& b, const voip::Context& ctx) {
    const voip::State state = voip::state_on(b, ctx);
    const voip::RenewalWindow window = voip::renewal_window(b, ctx);
    using lines::status;
    add_bundle_members(j, b);
    j.string(status[0].name, voip::name(state))
        .boolean(status[1].name, voip::in_service(state))
        .boolean(status[2].name, voip::renewable(state));
    j.open_array(status[3].name);
    const voip::OperationSet allowed = voip::allowed_operations(state);
    for (std::size_t i = 0; i < voip::operation_count; ++i) {
        const auto op = static_cast<voip::Operation>(i);
        // The only creation left for a lapsed bundle is a new bundle in its place.
        if (allowed.has(op)) j.string("", op == voip::Operation::create ? "create_new_bundle" : voip::name(op));
    }
    j.close_array();
    // A lapsed bundle has no window left and no next expiry: showing them would invite a
    // renewal the API refuses (rules.md 5: create a new bundle).
    if (state != voip::State::lapsed) {
        j.open_object(status[4].name)
            .date(lines::window[0].name, window.first)
            .date(lines::window[1].name, window.last)
            .close_object();
        if (const auto next = voip::next_expiry(b, ctx.policy())) j.date(status[5].name, *next);
    }
    j.open_array(status[6].name);
    const voip::FeatureSet features = voip::features_on(b, ctx);
    for (std::size_t i = 0; i < voip::feature_count; ++i)
        if (features.has(static_cast<voip::Feature>(i))) j.string("", voip::name(static_cast<voip::Feature>(i)));
    j.close_array();
}

void end_envelope(JsonOut& j, voip::Status s) {
    j.integer(voip::schema::envelope[1].name, voip::code(s))
        .string(voip::schema::envelope[2].name, voip::status_message(s))
        .close_object();
}

void close_envelope(JsonOut& j, voip::Status s) { end_envelope(j.close_object(), s); }

}  // namespace voip_app

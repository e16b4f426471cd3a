// SPDX-License-Identifier: MIT
// The npm package's WebAssembly: the rules of <voip/bundle.hpp> and the codecs of
// <voip/bundle_json.hpp> bound with embind. One translation unit, compiled once by emcc
// (js/CMakeLists.txt). Each function reads its arguments from the Io block (io.hpp), calls
// the library and answers 0 or the voip::Error's value; js/src/*.js turn that into plain
// JavaScript values or a thrown RuleError. The names below are the C++ names.
#include <emscripten/bind.h>

#include <string>

#include "operations.hpp"

namespace vbjs {

// The library's tables, read once by the JS side at load: names, statuses, labels.
inline std::string error_name(int e) { return std::string(voip::name(static_cast<voip::Error>(e))); }
inline int error_status(int e) { return voip::code(voip::status(static_cast<voip::Error>(e))); }
inline std::string status_message(int s) { return std::string(voip::status_message(static_cast<voip::Status>(s))); }
inline std::string state_name(int s) { return std::string(voip::name(static_cast<voip::State>(s))); }
inline std::string operation_name(int o) { return std::string(voip::name(static_cast<voip::Operation>(o))); }
inline std::string sweep_action_name(int a) { return std::string(voip::name(static_cast<voip::SweepAction>(a))); }
inline std::string feature_name(int f) { return std::string(voip::name(static_cast<voip::Feature>(f))); }
inline std::string json_kind_name(int k) { return std::string(voip::name(static_cast<voip::JsonKind>(k))); }
inline std::string label(int t) { return std::string(voip::label(static_cast<voip::BundleType>(t))); }
inline int allowed_operations(int s) { return voip::allowed_operations(static_cast<voip::State>(s)).bits(); }
inline bool in_service(int s) { return voip::in_service(static_cast<voip::State>(s)); }
inline bool renewable(int s) { return voip::renewable(static_cast<voip::State>(s)); }
inline int default_features(int t) { return voip::default_feature_table().by_type[static_cast<std::size_t>(t - 1)].bits(); }
// The status of a success envelope for an operation (201 for create, 200 otherwise).
inline int success_status(int op) {
    const auto b = voip::make_bundle(voip::Uuid{}, voip::CreatedOn{voip::min_day}, voip::ExpiresOn{voip::max_day},
                                     voip::BundleType::business, voip::AutoRenew::off);
    return voip::code(voip::success_envelope(static_cast<voip::Operation>(op), *b).status());
}
inline int day_limit(bool max) { return put_day(0, max ? voip::max_day : voip::min_day), 0; }
inline double max_amount() { return static_cast<double>(voip::max_amount.minor); }
inline int io_address() { return static_cast<int>(reinterpret_cast<std::uintptr_t>(&io)); }
inline int counts(int which) {
    switch (which) {
        case 0: return static_cast<int>(voip::last_error);
        case 1: return static_cast<int>(voip::operation_count);
        case 2: return static_cast<int>(voip::feature_count);
        case 3: return VOIP_BUNDLE_VERSION_MAJOR * 10000 + VOIP_BUNDLE_VERSION_MINOR * 100 + VOIP_BUNDLE_VERSION_PATCH;
        default: return static_cast<int>(voip::bundle_type_count);
    }
}

}  // namespace vbjs

EMSCRIPTEN_BINDINGS(voip_bundle) {
    using emscripten::function;
    function("io_address", &vbjs::io_address);
    function("counts", &vbjs::counts);
    function("error_name", &vbjs::error_name);
    function("error_status", &vbjs::error_status);
    function("status_message", &vbjs::status_message);
    function("state_name", &vbjs::state_name);
    function("operation_name", &vbjs::operation_name);
    function("sweep_action_name", &vbjs::sweep_action_name);
    function("feature_name", &vbjs::feature_name);
    function("json_kind_name", &vbjs::json_kind_name);
    function("label", &vbjs::label);
    function("allowed_operations", &vbjs::allowed_operations);
    function("in_service", &vbjs::in_service);
    function("renewable", &vbjs::renewable);
    function("default_features", &vbjs::default_features);
    function("success_status", &vbjs::success_status);
    function("day_limit", &vbjs::day_limit);
    function("max_amount", &vbjs::max_amount);
    // rules.hpp
    function("make_bundle", &vbjs::make_bundle);
    function("with_type", &vbjs::with_type);
    function("renewed_until", &vbjs::renewed_until);
    function("make_renewal_policy", &vbjs::make_renewal_policy);
    function("make_price_list", &vbjs::make_price_list);
    function("make_context", &vbjs::make_context);
    function("make_request", &vbjs::make_request);
    function("parse_uuid", &vbjs::parse_uuid);
    function("parse_iso_date", &vbjs::parse_iso_date);
    function("add_term", &vbjs::add_term);
    function("first_expiry", &vbjs::first_expiry);
    function("next_expiry", &vbjs::next_expiry);
    function("term_start_days", &vbjs::term_start_days);
    function("term_start_bundle", &vbjs::term_start_bundle);
    function("renewal_window_day", &vbjs::renewal_window_day);
    function("renewal_window_bundle", &vbjs::renewal_window_bundle);
    function("renewal_window_context", &vbjs::renewal_window_context);
    function("can_renew_context", &vbjs::can_renew_context);
    function("can_renew_day", &vbjs::can_renew_day);
    function("state_on_day", &vbjs::state_on_day);
    function("state_on_bundle", &vbjs::state_on_bundle);
    function("state_on_context", &vbjs::state_on_context);
    function("sweep_action_raw", &vbjs::sweep_action_raw);
    function("sweep_action_bundle", &vbjs::sweep_action_bundle);
    function("sweep_action_context", &vbjs::sweep_action_context);
    // operations.hpp
    function("quote_create", &vbjs::quote_create);
    function("create", &vbjs::create);
    function("quote_update", &vbjs::quote_update);
    function("update", &vbjs::update);
    function("quote_renew", &vbjs::quote_renew);
    function("renew", &vbjs::renew);
    function("handle_update", &vbjs::handle_update);
    function("handle_renew", &vbjs::handle_renew);
    function("upgrade_charge", &vbjs::upgrade_charge);
    function("affordable", &vbjs::affordable);
    function("to_decimal_string", &vbjs::to_decimal_string);
    function("features_on", &vbjs::features_on);
    function("check_feature", &vbjs::check_feature);
    function("envelope_text", &vbjs::envelope_text);
    function("decode_request", &vbjs::decode_request);
    function("parse_request", &vbjs::parse_request);
    function("check_json_object", &vbjs::check_json_object);
    function("parse_create", &vbjs::parse_create);
    function("parse_update", &vbjs::parse_update);
    function("parse_renew", &vbjs::parse_renew);
    function("validate", &vbjs::validate);
    function("decode_bundle", &vbjs::decode_bundle);
    function("encode_bundle", &vbjs::encode_bundle);
    function("decode_prices", &vbjs::decode_prices);
}

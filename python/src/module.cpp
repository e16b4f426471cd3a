// SPDX-License-Identifier: MIT
// voip_bundle._voip_bundle: the rules of <voip/bundle.hpp> and the codecs of
// <voip/bundle_json.hpp> for Python. One translation unit, so the extension compiles once;
// each bind_*.hpp binds one header's names. Every rule is the library's: this file and
// those only convert values and raise voip_bundle.RuleError for a failed tl::expected.
#include <random>
#include <string>

#include "bind_charges.hpp"
#include "bind_context.hpp"
#include "bind_enums.hpp"
#include "bind_json.hpp"
#include "bind_rules.hpp"
#include "bind_sweep_api.hpp"
#include "bind_values.hpp"
#include "convert.hpp"
#include "fast_calls.hpp"

namespace vb {

inline void bind_days_and_uuids(py::module_& m) {
    m.attr("min_day") = date_object(voip::min_day);
    m.attr("max_day") = date_object(voip::max_day);
    m.attr("iso_date_size") = voip::iso_date_size;
    m.attr("uuid_text_size") = voip::uuid_text_size;
    m.def("parse_iso_date", [](std::string_view s) { return checked(voip::parse_iso_date(s)); }, py::arg("text"),
          "Exactly 'YYYY-MM-DD' naming a real day in 0001..9999; RuleError malformed_date.");
    m.def("to_iso_string", [](date::sys_days d) { return voip::to_iso_string(d); }, py::arg("day"), "The day as 'YYYY-MM-DD'.");
    m.def("day_count", [](date::sys_days d) { return d.time_since_epoch().count(); }, py::arg("day"),
          "Days from 1970-01-01 (negative before): the unit of the sweep's columns and ranges.");
    m.def("from_day_count", [](int n) { return date::sys_days{date::days{n}}; }, py::arg("count"),
          "The day `count` days after 1970-01-01; ValueError outside 0001-01-01..9999-12-31.");
    m.def("in_range", [](std::int64_t n) { return n >= INT32_MIN && n <= INT32_MAX && voip::in_range(date::sys_days{date::days{static_cast<int>(n)}}); },
          py::arg("count"), "Whether a day count names a day in 0001-01-01..9999-12-31.");
    m.def("parse_uuid", [](std::string_view s) { return checked(voip::parse_uuid(s)); }, py::arg("text"),
          "Canonical 8-4-4-4-12 hex text in either case, to uuid.UUID; RuleError malformed_uuid.");
    m.def("make_uuid_v4", [](const std::optional<std::uint64_t>& seed) {
        if (seed) {
            std::mt19937_64 gen(*seed);
            return voip::make_uuid_v4(gen);
        }
        std::random_device gen;
        return voip::make_uuid_v4(gen);
    }, py::arg("seed") = py::none(), "A random version 4 UUID; a seed gives a reproducible one (for tests).");
}

inline void bind_codes(py::module_& m) {
    m.attr("bundle_type_count") = voip::bundle_type_count;
    m.def("bundle_type_from_code", [](std::int64_t c) { return checked(voip::bundle_type_from_code(c)); }, py::arg("code"),
          "The BundleType of a wire code; RuleError bundle_type_out_of_range outside 1..5.");
    m.def("label", [](voip::BundleType t) { return std::string(voip::label(t)); }, py::arg("bundle_type"),
          "The seed's label: 'Business', 'Residential', 'Fax Only', 'Trunk Only', 'Forward Only'.");
    m.def("status", [](const py::handle& e) { return voip::status(error_of(e)); }, py::arg("error"),
          "The Status an error (an Error or its name) answers with.");
    m.def("status_message", &voip::status_message, py::arg("status"), "The seed's status_message: 'OK', 'Payment Required', ...");
    m.attr("version_major") = VOIP_BUNDLE_VERSION_MAJOR;
    m.attr("version_minor") = VOIP_BUNDLE_VERSION_MINOR;
    m.attr("version_patch") = VOIP_BUNDLE_VERSION_PATCH;
}

}  // namespace vb

PYBIND11_MODULE(_voip_bundle, m) {
    PyDateTime_IMPORT;
    if (PyDateTimeAPI == nullptr) throw py::error_already_set();
    m.doc() = "The voip-bundle rules, compiled from the C++ headers.";
    vb::bind_rule_error(m);
    vb::bind_enums(m);
    vb::bind_codes(m);
    vb::bind_days_and_uuids(m);
    vb::bind_bundle(m);
    vb::bind_policy(m);
    vb::bind_prices(m);
    vb::bind_context(m);
    vb::bind_request(m);
    vb::bind_terms(m);
    vb::bind_window(m);
    vb::bind_states(m);
    vb::bind_decision(m);
    vb::bind_operations(m);
    vb::bind_charges(m);
    vb::bind_money(m);
    vb::bind_features(m);
    vb::bind_envelope(m);
    vb::bind_raw(m);
    vb::bind_codecs(m);
    vb::bind_sweep_types(m);
    vb::bind_sweep(m);
    vb::speed_up_calls(m);
}

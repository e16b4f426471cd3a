// SPDX-License-Identifier: MIT
#pragma once
// The envelope writer and the JSON codecs of <voip/bundle_json.hpp>.
#include <string>
#include <string_view>

#include <voip/bundle_json.hpp>

#include "bind_values.hpp"
#include "convert.hpp"

namespace vb {

// An Error member, its value, or its name.
inline voip::Error error_of(const py::handle& h) {
    if (PyUnicode_Check(h.ptr())) {
        const std::string text = h.cast<std::string>();
        for (int i = static_cast<int>(voip::first_error); i <= static_cast<int>(voip::last_error); ++i)
            if (voip::name(static_cast<voip::Error>(i)) == text) return static_cast<voip::Error>(i);
        throw py::value_error("no voip_bundle.Error is named '" + text + "'");
    }
    return h.cast<voip::Error>();
}

// A Decision, or the RuleError a failed call raised.
inline voip::Result result_of(const py::handle& h) {
    if (py::isinstance<voip::Decision>(h)) return h.cast<voip::Decision>();
    if (py::isinstance(h, classes().rule_error)) return voip::fail(error_of(h.attr("error")));
    throw py::type_error("a result is a Decision or a RuleError, not " + type_name(h));
}

inline voip::WriteOptions options(voip::Layout l, voip::ErrorDetail d) { return voip::WriteOptions{l, d}; }

inline void bind_envelope(py::module_& m) {
    using voip::Envelope;
    py::class_<Envelope>(m, "Envelope", "One answer of the API: the bundle (200, 201) or the error (400, 402, 404).")
        .def_property_readonly("status", &Envelope::status, "The Status.")
        .def_property_readonly("bundle", [](const Envelope& e) { return e.outcome() ? std::optional<voip::Bundle>(*e.outcome()) : std::nullopt; },
                               "The Bundle of a success; None for an error.")
        .def_property_readonly("error", [](const Envelope& e) { return e.outcome() ? py::object(py::none()) : py::str(std::string(voip::name(e.outcome().error()))); },
                               "The error's name; None for a success.")
        .def("__eq__", [](const Envelope& a, const Envelope& b) { return a == b; }, py::is_operator())
        .def("__hash__", [](const Envelope& e) { return std::hash<std::string>{}(voip::to_string(e, voip::ErrorDetail::on)); })
        .def("__str__", [](const Envelope& e) { return voip::to_string(e, voip::ErrorDetail::on); }, "The compact text with the error's name.")
        .def("__repr__", [](const Envelope& e) { return "Envelope(" + std::string(py::repr(py::str(voip::to_string(e, voip::ErrorDetail::on)))) + ")"; });
    m.def("error_envelope", [](const py::handle& e) { return voip::error_envelope(error_of(e)); }, py::arg("error"),
          "The envelope of a failure (an Error or its name), with its status.");
    m.def("success_envelope", &voip::success_envelope, py::arg("operation"), py::arg("bundle"), "201 for create, 200 otherwise.");
    m.def("make_envelope", [](voip::Operation op, const voip::Decision& d) { return voip::make_envelope(op, voip::Result{d}); },
          py::arg("operation"), py::arg("result"), "The envelope of a Decision, or of the RuleError a call raised.");
    m.def("make_envelope", [](voip::Operation op, const py::handle& r) { return voip::make_envelope(op, result_of(r)); },
          py::arg("operation"), py::arg("result"), "The envelope of a Decision, or of the RuleError a call raised.");
    m.attr("max_envelope_size") = voip::max_envelope_size;
    m.def("to_string", [](const Envelope& e, voip::Layout l, voip::ErrorDetail d) { return voip::to_string(e, options(l, d)); },
          py::arg("envelope"), py::arg("layout") = voip::Layout::compact, py::arg("detail") = voip::ErrorDetail::off,
          "The envelope's JSON text, members in the seed's order.");
    m.def("write_envelope", [](const Envelope& e, voip::Layout l, voip::ErrorDetail d) {
        char buf[voip::max_envelope_size];
        return py::bytes(buf, checked(voip::write_envelope(buf, buf + sizeof buf, e, options(l, d))));
    }, py::arg("envelope"), py::arg("layout") = voip::Layout::compact, py::arg("detail") = voip::ErrorDetail::off,
          "The envelope's text as UTF-8 bytes, written by the library's writer.");
}

inline std::string field_repr(const voip::RawField& f) {
    return call_repr("RawField", {{"kind", enum_repr(f.kind)}, {"boolean", bool_repr(f.boolean)}, {"integer", std::to_string(f.integer)}});
}

inline void bind_raw(py::module_& m) {
    using voip::RawField;
    using voip::RawRequest;
    py::class_<RawField>(m, "RawField", "What a JSON member held: its kind, and its value when a boolean or a 64-bit integer.")
        .def(py::init([](voip::JsonKind k, bool b, std::int64_t i) { return RawField{k, b, i}; }),
             py::arg("kind") = voip::JsonKind::absent, py::arg("boolean").noconvert() = false, py::arg("integer") = 0)
        .def_readonly("kind", &RawField::kind, "The JsonKind.")
        .def_readonly("boolean", &RawField::boolean, "The value of a boolean.")
        .def_readonly("integer", &RawField::integer, "The value of an integer.")
        .def("__eq__", [](const RawField& a, const RawField& b) { return a.kind == b.kind && a.boolean == b.boolean && a.integer == b.integer; }, py::is_operator())
        .def("__hash__", [](const RawField& f) { return mix(mix(static_cast<std::size_t>(f.kind), f.boolean), static_cast<std::size_t>(f.integer)); })
        .def("__repr__", &field_repr);
    py::class_<RawRequest>(m, "RawRequest", "A request body's two members as decoded, before validate().")
        .def(py::init([](const RawField& a, const RawField& t) { return RawRequest{a, t}; }),
             py::arg("auto_renew") = RawField{}, py::arg("bundle_type") = RawField{})
        .def_readonly("auto_renew", &RawRequest::auto_renew, "The auto_renew member.")
        .def_readonly("bundle_type", &RawRequest::bundle_type, "The bundle_type member.")
        .def("__repr__", [](const RawRequest& r) {
            return call_repr("RawRequest", {{"auto_renew", field_repr(r.auto_renew)}, {"bundle_type", field_repr(r.bundle_type)}});
        });
    m.def("validate", [](const RawRequest& r) { return checked(voip::validate(r)); }, py::arg("raw"),
          "The rules of rules.md 2 on a decoded body: bundle_type first, then auto_renew.");
    py::class_<voip::UpdateCall>(m, "UpdateCall", "PUT /bundle/{uuid}: the bundle named and the body's request.")
        .def_readonly("uuid", &voip::UpdateCall::uuid, "The uuid.UUID.")
        .def_readonly("request", &voip::UpdateCall::request, "The Request.")
        .def("__repr__", [](const voip::UpdateCall& c) {
            return call_repr("UpdateCall", {{"uuid", '\'' + voip::to_string(c.uuid) + '\''}, {"request", py_repr(c.request)}});
        });
}

inline void bind_codecs(py::module_& m) {
    using Text = std::string_view;  // str (as UTF-8) or bytes
    m.attr("max_body_size") = voip::max_body_size;
    m.attr("max_nesting") = voip::max_nesting;
    m.attr("max_bundle_json_size") = voip::max_bundle_json_size;
    m.def("decode_request", [](Text t) { return checked(voip::decode_request(t)); }, py::arg("text"),
          "The strict decoder: what each known member of a request body held; RuleError for the JSON rules only.");
    m.def("parse_request", [](Text t) { return checked(voip::parse_request(t)); }, py::arg("text"),
          "decode_request then validate: a body to a valid Request.");
    m.def("check_json_object", [](Text t) { return checked(voip::check_json_object(t)); }, py::arg("text"),
          "True when the text passes the JSON rules; otherwise RuleError.");
    m.def("decode_bundle", [](Text t) { return checked(voip::decode_bundle(t)); }, py::arg("line"),
          "A stored bundle from its JSON line (the result members plus created_on).");
    m.def("encode_bundle", [](const voip::Bundle& b) { return voip::encode_bundle(b); }, py::arg("bundle"),
          "The bundle's JSON line, as decode_bundle reads it.");
    m.def("decode_prices", [](Text t) { return checked(voip::decode_prices(t)); }, py::arg("text"),
          "A price list from {\"1\": 1500, ...}; RuleError invalid_policy unless every type is priced once.");
    m.def("parse_create", [](Text t) { return checked(voip::parse_create(t)); }, py::arg("body"), "POST /bundle: parse_request(body).");
    m.def("parse_update", [](Text u, Text t) { return checked(voip::parse_update(u, t)); }, py::arg("uuid_text"), py::arg("body"),
          "PUT /bundle/{uuid}: malformed_uuid first, then the body's first failed rule.");
    m.def("parse_renew", [](Text u) { return checked(voip::parse_renew(u)); }, py::arg("uuid_text"), "POST /bundle/{uuid}/renew: the uuid.");
}

}  // namespace vb

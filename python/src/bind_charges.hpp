// SPDX-License-Identifier: MIT
#pragma once
// Upgrade charges, money arithmetic and features.
#include <string>

#include "bind_values.hpp"
#include "convert.hpp"

namespace vb {

inline void bind_charges(py::module_& m) {
    using voip::Term;
    using voip::UpgradeCharge;
    py::class_<Term>(m, "Term", "A term of a bundle, [first, end).")
        .def_property_readonly("first", [](const Term& t) { return t.first; }, "Its first day.")
        .def_property_readonly("end", [](const Term& t) { return t.end; }, "The first day after it.")
        .def("days", &Term::days, "Its length in days.")
        .def("__eq__", [](const Term& a, const Term& b) { return a == b; }, py::is_operator())
        .def("__hash__", [](const Term& t) { return mix(day_hash(t.first), day_hash(t.end)); })
        .def("__repr__", [](const Term& t) { return call_repr("Term", {{"first", py_repr(t.first)}, {"end", py_repr(t.end)}}); });
    py::class_<UpgradeCharge>(m, "UpgradeCharge", "What an upgrade costs, term by term, as an invoice would show it.")
        .def_property_readonly("difference", [](const UpgradeCharge& u) { return u.difference; }, "Per term: new price - old, 0 when not dearer.")
        .def_property_readonly("current", [](const UpgradeCharge& u) { return u.current; }, "The Term containing today.")
        .def_readonly("days_left", &UpgradeCharge::days_left, "Days of current from today to its end or expires_on.")
        .def_readonly("prepaid_terms", &UpgradeCharge::prepaid_terms, "Whole terms after current, up to expires_on.")
        .def_readonly("cut_days", &UpgradeCharge::cut_days, "Days of a last term cut short by expires_on (off the chain only).")
        .def_readonly("cut_term_days", &UpgradeCharge::cut_term_days, "Days of the whole term that one is part of.")
        .def_property_readonly("total", [](const UpgradeCharge& u) { return u.total; }, "The charge in minor units.")
        .def("__eq__", [](const UpgradeCharge& a, const UpgradeCharge& b) { return a == b; }, py::is_operator())
        .def("__hash__", [](const UpgradeCharge& u) { return mix(static_cast<std::size_t>(u.total.minor), static_cast<std::size_t>(u.days_left)); })
        .def("__repr__", [](const UpgradeCharge& u) {
            return call_repr("UpgradeCharge", {{"difference", std::to_string(u.difference.minor)},
                                               {"current", py_repr(u.current)},
                                               {"days_left", std::to_string(u.days_left)},
                                               {"prepaid_terms", std::to_string(u.prepaid_terms)},
                                               {"cut_days", std::to_string(u.cut_days)},
                                               {"cut_term_days", std::to_string(u.cut_term_days)},
                                               {"total", std::to_string(u.total.minor)}});
        });
    m.def("upgrade_charge_breakdown", [](const voip::Bundle& b, voip::BundleType to, const voip::Context& c) {
        return checked(voip::upgrade_charge_breakdown(b, to, c));
    }, py::arg("bundle"), py::arg("to"), py::arg("context"), "The charge for moving the bundle to type `to` today, term by term.");
    m.def("upgrade_charge", [](const voip::Bundle& b, voip::BundleType to, const voip::Context& c) {
        return checked(voip::upgrade_charge(b, to, c));
    }, py::arg("bundle"), py::arg("to"), py::arg("context"), "upgrade_charge_breakdown(...).total.");
}

inline void bind_money(py::module_& m) {
    m.attr("max_amount") = voip::max_amount.minor;
    m.def("add", [](voip::Money a, voip::Money b) { return checked(voip::add(a, b)); }, py::arg("a"), py::arg("b"),
          "a + b, exact, or RuleError amount_out_of_range outside -max_amount..max_amount.");
    m.def("subtract", [](voip::Money a, voip::Money b) { return checked(voip::subtract(a, b)); }, py::arg("a"), py::arg("b"),
          "a - b, exact, or RuleError amount_out_of_range.");
    m.def("pro_rata", [](voip::Money amount, std::int64_t part, std::int64_t whole) { return checked(voip::pro_rata(amount, part, whole)); },
          py::arg("amount"), py::arg("part"), py::arg("whole"),
          "amount x part / whole rounded half up; RuleError amount_out_of_range or fraction_out_of_range.");
    m.def("to_decimal_string", [](voip::Money amount, int digits) {
        return voip::to_decimal_string(amount, checked(voip::make_minor_digits(digits)));
    }, py::arg("amount"), py::arg("minor_digits") = 2,
          "Minor units as decimal text: 1234 -> '12.34'; RuleError invalid_policy for minor_digits outside 0..18.");
}

// A table from {BundleType: iterable of Feature}; types left out have none.
inline voip::FeatureTable feature_table(const std::optional<py::dict>& d) {
    if (!d) return voip::default_feature_table();
    voip::FeatureTable t;
    for (const auto& [key, features] : *d) {
        const auto type = key.cast<voip::BundleType>();
        if (!voip::ok(type)) throw RuleFailure{voip::Error::bundle_type_out_of_range};
        for (const py::handle f : features) t.by_type[voip::index(type)] = t.by_type[voip::index(type)].with(f.cast<voip::Feature>());
    }
    return t;
}

inline py::frozenset feature_set(voip::FeatureSet s) {
    py::list out;
    for (int i = 0; i < static_cast<int>(voip::feature_count); ++i)
        if (s.has(static_cast<voip::Feature>(i))) out.append(py::cast(static_cast<voip::Feature>(i)));
    return py::frozenset(out);
}

inline void bind_features(py::module_& m) {
    using Table = std::optional<py::dict>;
    using voip::Bundle;
    m.def("default_feature_table", [] {
        py::dict d;
        const voip::FeatureTable t = voip::default_feature_table();
        for (int c = 1; c <= 5; ++c) d[py::cast(static_cast<voip::BundleType>(c))] = feature_set(t.by_type[static_cast<std::size_t>(c - 1)]);
        return d;
    }, "This project's table: {BundleType: frozenset of Feature}.");
    m.def("features_on", [](const Bundle& b, date::sys_days d, const voip::RenewalPolicy& p, const Table& t) {
        return feature_set(voip::features_on(b, d, p, feature_table(t)));
    }, py::arg("bundle"), py::arg("day"), py::arg("policy"), py::arg("table") = py::none(),
          "The type's features while the bundle is in service on day; none after.");
    m.def("check_feature", [](const std::optional<Bundle>& b, voip::Feature f, date::sys_days d, const voip::RenewalPolicy& p, const Table& t) {
        return checked(voip::check_feature(b ? &*b : nullptr, f, d, p, feature_table(t)));
    }, py::arg("bundle"), py::arg("feature"), py::arg("day"), py::arg("policy"), py::arg("table") = py::none(),
          "True, or RuleError: unknown_bundle (None), not_in_service, feature_not_in_type.");
    m.def("can_create_sip_account", [](const std::optional<Bundle>& b, date::sys_days d, const voip::RenewalPolicy& p, const Table& t) {
        return checked(voip::can_create_sip_account(b ? &*b : nullptr, d, p, feature_table(t)));
    }, py::arg("bundle"), py::arg("day"), py::arg("policy"), py::arg("table") = py::none(), "check_feature(bundle, Feature.sip_accounts, ...).");
    m.def("can_create_number", [](const std::optional<Bundle>& b, date::sys_days d, const voip::RenewalPolicy& p, const Table& t) {
        return checked(voip::can_create_number(b ? &*b : nullptr, d, p, feature_table(t)));
    }, py::arg("bundle"), py::arg("day"), py::arg("policy"), py::arg("table") = py::none(), "check_feature(bundle, Feature.phone_numbers, ...).");
}

}  // namespace vb

// SPDX-License-Identifier: MIT
#pragma once
// The value types a caller builds: Bundle, RenewalPolicy, PriceList, Context, Request.
// Each is immutable, compares by value, hashes, and prints as the call that makes it.
#include <functional>
#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include "convert.hpp"

namespace vb {

// "Name(a=..., b=...)" from already printed fields.
inline std::string call_repr(const char* name, std::initializer_list<std::pair<const char*, std::string>> fields) {
    std::string s = std::string(name) + '(';
    bool first = true;
    for (const auto& [k, v] : fields) {
        s += (first ? "" : ", ") + std::string(k) + '=' + v;
        first = false;
    }
    return s + ')';
}
template <class T>
std::string py_repr(const T& v) {
    return py::repr(py::cast(v));
}
template <class E>
std::string enum_repr(E e) {  // BundleType.business
    const py::object member = py::cast(e);
    if (!py::hasattr(member, "name")) return py::repr(member);
    return std::string(py::str(enum_class<E>().cls.attr("__name__"))) + '.' + std::string(py::str(member.attr("name")));
}
inline std::string bool_repr(bool b) { return b ? "True" : "False"; }

inline std::size_t mix(std::size_t h, std::size_t v) noexcept { return h ^ (v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2)); }
inline std::size_t day_hash(date::sys_days d) noexcept { return std::hash<int>{}(d.time_since_epoch().count()); }

inline std::string bundle_repr(const voip::Bundle& b) {
    return call_repr("Bundle", {{"uuid", '\'' + voip::to_string(b.uuid()) + '\''},
                                {"created_on", py_repr(b.created_on())},
                                {"expires_on", py_repr(b.expires_on())},
                                {"bundle_type", enum_repr(b.bundle_type())},
                                {"auto_renew", bool_repr(b.auto_renew())}});
}

inline voip::Bundle make_bundle(const voip::Uuid& u, date::sys_days c, date::sys_days e, voip::BundleType t, bool a) {
    return checked(voip::make_bundle(u, voip::CreatedOn{c}, voip::ExpiresOn{e}, t, a ? voip::AutoRenew::on : voip::AutoRenew::off));
}

inline void bind_bundle(py::module_& m) {
    using voip::Bundle;
    py::class_<Bundle>(m, "Bundle",
                       "One customer's subscription, valid by construction (make_bundle's checks); immutable and hashable.")
        .def(py::init(&make_bundle), py::kw_only(), py::arg("uuid"), py::arg("created_on"), py::arg("expires_on"),
             py::arg("bundle_type"), py::arg("auto_renew").noconvert(),
             "make_bundle() by keyword; RuleError bundle_type_out_of_range or invalid_bundle (expires_on not after created_on).")
        .def_property_readonly("uuid", &Bundle::uuid, "The bundle's uuid.UUID.")
        .def_property_readonly("created_on", &Bundle::created_on, "First day of the first term; the month-end anchor.")
        .def_property_readonly("expires_on", &Bundle::expires_on, "First day not in service unless renewed.")
        .def_property_readonly("bundle_type", &Bundle::bundle_type, "The BundleType.")
        .def_property_readonly("auto_renew", &Bundle::auto_renew, "Whether the sweep renews it.")
        .def("__eq__", [](const Bundle& a, const Bundle& b) { return a == b; }, py::is_operator())
        .def("__ne__", [](const Bundle& a, const Bundle& b) { return a != b; }, py::is_operator())
        .def("__hash__", [](const Bundle& b) {
            std::size_t h = std::hash<voip::Uuid>{}(b.uuid());
            h = mix(mix(h, day_hash(b.created_on())), day_hash(b.expires_on()));
            return mix(mix(h, static_cast<std::size_t>(voip::code(b.bundle_type()))), b.auto_renew() ? 1 : 0);
        })
        .def("__repr__", &bundle_repr)
        .def(py::pickle(
            [](const Bundle& b) {
                return py::make_tuple(b.uuid(), b.created_on(), b.expires_on(), b.bundle_type(), b.auto_renew());
            },
            [](const py::tuple& t) {
                return make_bundle(t[0].cast<voip::Uuid>(), t[1].cast<date::sys_days>(), t[2].cast<date::sys_days>(),
                                   t[3].cast<voip::BundleType>(), t[4].cast<bool>());
            }));
    m.def("make_bundle", &make_bundle, py::arg("uuid"), py::arg("created_on"), py::arg("expires_on"), py::arg("bundle_type"),
          py::arg("auto_renew").noconvert(),
          "A Bundle, or RuleError: bundle_type_out_of_range, invalid_bundle (expires_on not after created_on).");
}

inline std::string policy_repr(const voip::RenewalPolicy& p) {
    return call_repr("RenewalPolicy", {{"month_end", enum_repr(p.month_end())},
                                       {"term_months", std::to_string(p.term_months())},
                                       {"renew_days_before", std::to_string(p.renew_days_before())},
                                       {"renew_days_after", std::to_string(p.renew_days_after())}});
}

inline voip::RenewalPolicy make_renewal_policy(voip::MonthEnd month_end, int term_months, int before, int after) {
    return checked(voip::make_renewal_policy(month_end, voip::TermMonths{term_months}, voip::DaysBefore{before},
                                             voip::DaysAfter{after}));
}

inline void bind_policy(py::module_& m) {
    using voip::RenewalPolicy;
    const char* make_doc =
        "A renewal policy, or RuleError invalid_policy: term_months outside 1..12, a negative offset, or a window "
        "(before + after) as long as the shortest term. The defaults are the seed's rules.";
    py::class_<RenewalPolicy>(m, "RenewalPolicy", "The knobs of the term and renewal rules; immutable and hashable.")
        .def(py::init(&make_renewal_policy), py::kw_only(), py::arg("month_end") = voip::MonthEnd::clamp,
             py::arg("term_months") = 1, py::arg("renew_days_before") = 3, py::arg("renew_days_after") = 5, make_doc)
        .def_property_readonly("month_end", &voip::RenewalPolicy::month_end, "MonthEnd.clamp or MonthEnd.overflow.")
        .def_property_readonly("term_months", &voip::RenewalPolicy::term_months, "Months per term, 1..12.")
        .def_property_readonly("renew_days_before", &voip::RenewalPolicy::renew_days_before, "The window opens this many days before expires_on.")
        .def_property_readonly("renew_days_after", &voip::RenewalPolicy::renew_days_after, "And closes this many days after it, both inclusive.")
        .def("__eq__", [](const RenewalPolicy& a, const RenewalPolicy& b) { return a == b; }, py::is_operator())
        .def("__ne__", [](const RenewalPolicy& a, const RenewalPolicy& b) { return a != b; }, py::is_operator())
        .def("__hash__", [](const RenewalPolicy& p) {
            return mix(mix(mix(static_cast<std::size_t>(p.month_end()), static_cast<std::size_t>(p.term_months())),
                           static_cast<std::size_t>(p.renew_days_before())),
                       static_cast<std::size_t>(p.renew_days_after()));
        })
        .def("__repr__", &policy_repr)
        .def(py::pickle([](const RenewalPolicy& p) { return py::make_tuple(p.month_end(), p.term_months(), p.renew_days_before(), p.renew_days_after()); },
                        [](const py::tuple& t) {
                            return make_renewal_policy(t[0].cast<voip::MonthEnd>(), t[1].cast<int>(), t[2].cast<int>(), t[3].cast<int>());
                        }));
    m.def("make_renewal_policy", &make_renewal_policy, py::arg("month_end"), py::arg("term_months"),
          py::arg("renew_days_before"), py::arg("renew_days_after"), make_doc);
    m.def("shortest_term_days", &voip::shortest_term_days, py::arg("months"),
          "The fewest days a term of `months` months can have: 28 for one month.");
}

}  // namespace vb

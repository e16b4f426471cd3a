// SPDX-License-Identifier: MIT
#pragma once
// PriceList, Context and Request: what a decision depends on besides the bundle.
#include <optional>
#include <string>
#include <vector>

#include "bind_values.hpp"
#include "convert.hpp"

namespace vb {

// make_price_list() takes an initializer_list: the entries are passed through a switch on
// their count. Six or more always repeat a type or name none (a Python mapping has distinct
// keys), so the first six are enough for the library to refuse them.
inline voip::PriceList price_list_of(const std::vector<voip::TypePrice>& e) {
    switch (e.size()) {
        case 0: return checked(voip::make_price_list({}));
        case 1: return checked(voip::make_price_list({e[0]}));
        case 2: return checked(voip::make_price_list({e[0], e[1]}));
        case 3: return checked(voip::make_price_list({e[0], e[1], e[2]}));
        case 4: return checked(voip::make_price_list({e[0], e[1], e[2], e[3]}));
        case 5: return checked(voip::make_price_list({e[0], e[1], e[2], e[3], e[4]}));
        default: return checked(voip::make_price_list({e[0], e[1], e[2], e[3], e[4], e[5]}));
    }
}

inline voip::PriceList make_price_list(const py::dict& prices) {
    std::vector<voip::TypePrice> entries;
    for (const auto& [key, price] : prices) {
        std::int64_t code = 0;
        if (!int_value(key, code, "a bundle type"))
            throw py::type_error("a price list's keys are BundleType (or int) codes, not " + type_name(key));
        const auto type = static_cast<voip::BundleType>(code >= 0 && code <= 255 ? code : 0);  // 0: no type, refused
        entries.push_back(voip::TypePrice{type, price.cast<voip::Money>()});
    }
    return price_list_of(entries);
}

inline std::string prices_repr(const voip::PriceList& p) {
    std::string s = "PriceList({";
    for (int c = 1; c <= static_cast<int>(voip::bundle_type_count); ++c) {
        const auto t = static_cast<voip::BundleType>(c);
        s += (c > 1 ? ", " : "") + enum_repr(t) + ": " + std::to_string(checked(p.at(t)).minor);
    }
    return s + "})";
}

inline void bind_prices(py::module_& m) {
    using voip::PriceList;
    py::class_<PriceList>(m, "PriceList", "A price per term for each of the five types, in minor units; immutable.")
        .def("at", [](const PriceList& p, voip::BundleType t) { return checked(p.at(t)); }, py::arg("bundle_type"),
             "The price of one term of the type; RuleError bundle_type_out_of_range.")
        .def("__eq__", [](const PriceList& a, const PriceList& b) { return a == b; }, py::is_operator())
        .def("__ne__", [](const PriceList& a, const PriceList& b) { return a != b; }, py::is_operator())
        .def("__hash__", [](const PriceList& p) {
            std::size_t h = 0;
            for (int c = 1; c <= 5; ++c) h = mix(h, std::hash<std::int64_t>{}(checked(p.at(static_cast<voip::BundleType>(c))).minor));
            return h;
        })
        .def("__repr__", &prices_repr)
        .def(py::pickle(
            [](const PriceList& p) {
                py::dict d;
                for (int c = 1; c <= 5; ++c) d[py::int_(c)] = checked(p.at(static_cast<voip::BundleType>(c))).minor;
                return py::make_tuple(d);
            },
            [](const py::tuple& t) { return make_price_list(t[0].cast<py::dict>()); }));
    m.def("make_price_list", &make_price_list, py::arg("prices"),
          "A PriceList from {BundleType: minor units}; RuleError invalid_policy unless each of the five types is priced "
          "once in 0..max_amount.");
}

inline voip::Context context_of(date::sys_days today, const std::optional<voip::RenewalPolicy>& policy,
                                  const std::optional<voip::PriceList>& prices, const std::optional<voip::Money>& balance) {
    return checked(voip::make_context(today, policy.value_or(voip::RenewalPolicy{}), prices, balance));
}

inline std::string context_repr(const voip::Context& c) {
    const auto& prices = c.prices();
    const auto& balance = c.balance();
    return call_repr("Context", {{"today", py_repr(c.today())},
                                 {"policy", policy_repr(c.policy())},
                                 {"prices", prices ? prices_repr(*prices) : "None"},
                                 {"balance", balance ? std::to_string(balance->minor) : "None"}});
}

inline void bind_context(py::module_& m) {
    using voip::Context;
    const char* doc =
        "Everything a decision depends on besides the bundle and the request: today, the policy (default: the seed's), "
        "the price list (None: nothing is charged) and the balance (None: funds are not checked). RuleError "
        "amount_out_of_range for a balance outside -max_amount..max_amount.";
    py::class_<Context>(m, "Context", "Today, the policy, the prices and the balance; immutable.")
        .def(py::init(&context_of), py::arg("today"), py::arg("policy") = py::none(), py::arg("prices") = py::none(),
             py::arg("balance") = py::none(), doc)
        .def_property_readonly("today", &voip::Context::today, "The day decisions are made on.")
        .def_property_readonly("policy", &voip::Context::policy, "The RenewalPolicy.")
        .def_property_readonly("prices", &voip::Context::prices, "The PriceList, or None.")
        .def_property_readonly("balance", &voip::Context::balance, "The reseller's balance in minor units, or None.")
        .def("__repr__", &context_repr);
    m.def("make_context", &context_of, py::arg("today"), py::arg("policy") = py::none(), py::arg("prices") = py::none(),
          py::arg("balance") = py::none(), doc);
    m.def("affordable", &voip::affordable, py::arg("charge"), py::arg("context"),
          "Whether the reseller can pay `charge`: always without prices or balance, and for a charge of 0 or less.");
}

inline voip::Request make_request(voip::BundleType t, bool auto_renew) {
    return voip::Request{auto_renew, checked(voip::bundle_type_from_code(voip::code(t)))};
}

inline void bind_request(py::module_& m) {
    using voip::Request;
    py::class_<Request>(m, "Request", "A valid create or update body; immutable and hashable.")
        .def(py::init(&make_request), py::arg("bundle_type"), py::arg("auto_renew").noconvert() = false,
             "RuleError bundle_type_out_of_range for a code outside 1..5.")
        .def_property_readonly("bundle_type", [](const Request& r) { return r.bundle_type; }, "The BundleType.")
        .def_property_readonly("auto_renew", [](const Request& r) { return r.auto_renew; }, "The flag (omitted: False).")
        .def("__eq__", [](const Request& a, const Request& b) { return a == b; }, py::is_operator())
        .def("__ne__", [](const Request& a, const Request& b) { return a != b; }, py::is_operator())
        .def("__hash__", [](const Request& r) { return mix(static_cast<std::size_t>(voip::code(r.bundle_type)), r.auto_renew); })
        .def("__repr__", [](const Request& r) {
            return call_repr("Request", {{"bundle_type", enum_repr(r.bundle_type)}, {"auto_renew", bool_repr(r.auto_renew)}});
        });
}

}  // namespace vb

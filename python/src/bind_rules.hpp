// SPDX-License-Identifier: MIT
#pragma once
// The rules: terms, the renewal window, states, create/update/renew and their quotes.
#include <string>

#include "bind_values.hpp"
#include "convert.hpp"

namespace vb {

using voip::Bundle;
using voip::Context;
using voip::RenewalPolicy;

inline void bind_terms(py::module_& m) {
    m.def("add_term", [](Day from, Day anchor, const RenewalPolicy& p) { return checked(voip::add_term(from, voip::CreatedOn{anchor}, p)); },
          py::kw_only(), py::arg("from_day"), py::arg("anchor"), py::arg("policy"),
          "Keywords only (two days side by side cannot be swapped unseen). One term after from_day (clamp: anchor's day of month, clamped, a month later when that is within before + after days of from_day; overflow: from_day's, rolling over). "
          "RuleError date_out_of_range past 9999-12-31.");
    m.def("first_expiry", [](Day start, const RenewalPolicy& p) { return checked(voip::first_expiry(start, p)); },
          py::arg("start"), py::arg("policy"), "The expiry of a bundle created on start; RuleError date_out_of_range.");
    m.def("next_expiry", [](const Bundle& b, const RenewalPolicy& p) { return checked(voip::next_expiry(b, p)); },
          py::arg("bundle"), py::arg("policy"), "The expiry after one renewal; RuleError date_out_of_range.");
    m.def("term_start", [](Day created_on, Day term_end, const RenewalPolicy& p) { return checked(voip::term_start(voip::CreatedOn{created_on}, term_end, p)); },
          py::kw_only(), py::arg("created_on"), py::arg("term_end"), py::arg("policy"),
          "Keywords only. The boundary of the chain of terms from created_on before term_end, never before created_on.");
    m.def("term_start", [](const Bundle& b, const RenewalPolicy& p) { return voip::term_start(b, p); },
          py::arg("bundle"), py::arg("policy"), "The first day of the bundle's last term.");
}

inline void bind_window(py::module_& m) {
    using voip::RenewalWindow;
    py::class_<RenewalWindow>(m, "RenewalWindow", "The days a renewal is allowed, both ends inclusive.")
        .def_property_readonly("first", [](const RenewalWindow& w) { return w.first; }, "The first day (expires_on - before).")
        .def_property_readonly("last", [](const RenewalWindow& w) { return w.last; }, "The last day (expires_on + after).")
        .def("contains", [](const RenewalWindow& w, Day d) { return w.contains(d); }, py::arg("day"), "first <= day <= last.")
        .def("__contains__", [](const RenewalWindow& w, Day d) { return w.contains(d); })
        .def("__eq__", [](const RenewalWindow& a, const RenewalWindow& b) { return a.first == b.first && a.last == b.last; }, py::is_operator())
        .def("__hash__", [](const RenewalWindow& w) { return mix(day_hash(w.first), day_hash(w.last)); })
        .def("__repr__", [](const RenewalWindow& w) { return call_repr("RenewalWindow", {{"first", py_repr(w.first)}, {"last", py_repr(w.last)}}); });
    const char* doc = "[expires_on - renew_days_before, expires_on + renew_days_after], clipped to 0001..9999.";
    m.def("renewal_window", [](Day e, const RenewalPolicy& p) { return voip::renewal_window(e, p); }, py::arg("expires_on"), py::arg("policy"), doc);
    m.def("renewal_window", [](const Bundle& b, const RenewalPolicy& p) { return voip::renewal_window(b, p); },
          py::arg("bundle"), py::arg("policy"), doc);
    m.def("renewal_window", [](const Bundle& b, const Context& c) { return voip::renewal_window(b, c); },
          py::arg("bundle"), py::arg("context"), doc);
    const char* can_doc = "True when renew() passes its window check today; otherwise RuleError outside_renewal_window.";
    m.def("can_renew", [](const Bundle& b, const Context& c) { return checked(voip::can_renew(b, c)); },
          py::arg("bundle"), py::arg("context"), can_doc);
    m.def("can_renew", [](const Bundle& b, Day d, const RenewalPolicy& p) { return checked(voip::can_renew(b, d, p)); },
          py::arg("bundle"), py::arg("day"), py::arg("policy"), can_doc);
}

inline void bind_states(py::module_& m) {
    const char* doc = "active, renewal_open, grace or lapsed: the four states partition the days.";
    m.def("state_on", [](Day e, Day d, const RenewalPolicy& p) { return voip::state_on(voip::ExpiresOn{e}, d, p); },
          py::kw_only(), py::arg("expires_on"), py::arg("day"), py::arg("policy"), doc);
    m.def("state_on", [](const Bundle& b, Day d, const RenewalPolicy& p) { return voip::state_on(b, d, p); },
          py::arg("bundle"), py::arg("day"), py::arg("policy"), doc);
    m.def("state_on", [](const Bundle& b, const Context& c) { return voip::state_on(b, c); },
          py::arg("bundle"), py::arg("context"), doc);
    m.def("in_service", &voip::in_service, py::arg("state"), "active or renewal_open.");
    m.def("renewable", &voip::renewable, py::arg("state"), "renewal_open or grace.");
    m.def("allowed_operations", [](voip::State s) {
        const voip::OperationSet ops = voip::allowed_operations(s);
        py::list out;
        for (int i = 0; i < static_cast<int>(voip::operation_count); ++i)
            if (ops.has(static_cast<voip::Operation>(i))) out.append(py::cast(static_cast<voip::Operation>(i)));
        return py::frozenset(out);
    }, py::arg("state"), "What a caller can still do in that state, funds aside; never empty.");
}

inline void bind_decision(py::module_& m) {
    using voip::Decision;
    py::class_<Decision>(m, "Decision", "A decision: the bundle as it would be stored afterwards and what it costs.")
        .def_property_readonly("bundle", [](const Decision& d) { return d.bundle; }, "The Bundle afterwards.")
        .def_property_readonly("charge", [](const Decision& d) { return d.charge; }, "The charge in minor units (0 without prices).")
        .def("__eq__", [](const Decision& a, const Decision& b) { return a == b; }, py::is_operator())
        .def("__hash__", [](const Decision& d) { return mix(std::hash<voip::Uuid>{}(d.bundle.uuid()), static_cast<std::size_t>(d.charge.minor)); })
        .def("__repr__", [](const Decision& d) {
            return call_repr("Decision", {{"bundle", bundle_repr(d.bundle)}, {"charge", std::to_string(d.charge.minor)}});
        });
}

inline void bind_operations(py::module_& m) {
    using voip::Request;
    using voip::Uuid;
    m.def("quote_create", [](const Request& r, const Uuid& u, const Context& c) { return checked(voip::quote_create(r, u, c)); },
          py::arg("request"), py::arg("uuid"), py::arg("context"), "create() without the funds check.");
    m.def("create", [](const Request& r, const Uuid& u, const Context& c) { return checked(voip::create(r, u, c)); },
          py::arg("request"), py::arg("uuid"), py::arg("context"),
          "The bundle starts today and expires one term later; one term's price (short funds: insufficient_funds_on_create).");
    m.def("quote_update", [](const Bundle& b, const Request& r, const Context& c) { return checked(voip::quote_update(b, r, c)); },
          py::arg("bundle"), py::arg("request"), py::arg("context"), "update() without the funds check.");
    m.def("update", [](const Bundle& b, const Request& r, const Context& c) { return checked(voip::update(b, r, c)); },
          py::arg("bundle"), py::arg("request"), py::arg("context"),
          "Replaces bundle_type and auto_renew; charges the upgrade; RuleError not_in_service, insufficient_funds, ...");
    m.def("quote_renew", [](const Bundle& b, const Context& c) { return checked(voip::quote_renew(b, c)); },
          py::arg("bundle"), py::arg("context"), "renew() without the funds check.");
    m.def("renew", [](const Bundle& b, const Context& c) { return checked(voip::renew(b, c)); },
          py::arg("bundle"), py::arg("context"),
          "One term after the old expiry, inside the window only; RuleError outside_renewal_window, insufficient_funds, ...");
    m.def("handle_update", [](const Uuid& u, const Request& r, const py::function& find, const Context& c) {
        std::optional<Bundle> found;
        const auto lookup = [&](const Uuid& key) -> const Bundle* {
            found = find(key).cast<std::optional<Bundle>>();
            return found ? &*found : nullptr;
        };
        return checked(voip::handle_update(u, r, lookup, c));
    }, py::arg("uuid"), py::arg("request"), py::arg("find"), py::arg("context"),
          "update() of the bundle find(uuid) returns; RuleError unknown_bundle when it returns None.");
    m.def("handle_renew", [](const Uuid& u, const py::function& find, const Context& c) {
        std::optional<Bundle> found;
        const auto lookup = [&](const Uuid& key) -> const Bundle* {
            found = find(key).cast<std::optional<Bundle>>();
            return found ? &*found : nullptr;
        };
        return checked(voip::handle_renew(u, lookup, c));
    }, py::arg("uuid"), py::arg("find"), py::arg("context"),
          "renew() of the bundle find(uuid) returns; RuleError unknown_bundle when it returns None.");
}

}  // namespace vb

// SPDX-License-Identifier: MIT
#pragma once
// sweep_action, sweep, sweep_totals, sweep_actions and sweep_ranges as Python names.
#include <string>
#include <vector>

#include "bind_sweep.hpp"

namespace vb {

inline void bind_sweep_types(py::module_& m) {
    using voip::SweepRanges;
    using voip::SweepTotals;
    py::class_<SweepTotals>(m, "SweepTotals", "How many bundles got each action.")
        .def(py::init([](std::uint64_t n, std::uint64_t r, std::uint64_t l) { return SweepTotals{n, r, l}; }),
             py::kw_only(), py::arg("none") = 0, py::arg("renew") = 0, py::arg("lapsed") = 0)
        .def_readonly("none", &SweepTotals::none, "Nothing to do today.")
        .def_readonly("renew", &SweepTotals::renew, "auto_renew on and the window open: try a renewal.")
        .def_readonly("lapsed", &SweepTotals::lapsed, "Past the window: archive.")
        .def("total", &SweepTotals::total, "The sum of the three.")
        .def("__eq__", [](const SweepTotals& a, const SweepTotals& b) { return a == b; }, py::is_operator())
        .def("__hash__", [](const SweepTotals& t) { return mix(mix(t.none, t.renew), t.lapsed); })
        .def("__repr__", [](const SweepTotals& t) {
            return call_repr("SweepTotals", {{"none", std::to_string(t.none)}, {"renew", std::to_string(t.renew)},
                                             {"lapsed", std::to_string(t.lapsed)}});
        });
    const auto count = [](date::sys_days d) { return d.time_since_epoch().count(); };
    py::class_<SweepRanges>(m, "SweepRanges", "The sweep's predicates as ranges of expires_on, in day counts from 1970-01-01.")
        .def_property_readonly("renew_first", [count](const SweepRanges& r) { return count(r.renew_first); }, "Inclusive: the earliest expiry to renew.")
        .def_property_readonly("renew_last", [count](const SweepRanges& r) { return count(r.renew_last); }, "Inclusive: the latest one.")
        .def_property_readonly("lapsed_before", [count](const SweepRanges& r) { return count(r.lapsed_before); }, "Exclusive: expiries before it lapsed.")
        .def("__eq__", [](const SweepRanges& a, const SweepRanges& b) { return a == b; }, py::is_operator())
        .def("__repr__", [count](const SweepRanges& r) {
            return call_repr("SweepRanges", {{"renew_first", std::to_string(count(r.renew_first))},
                                             {"renew_last", std::to_string(count(r.renew_last))},
                                             {"lapsed_before", std::to_string(count(r.lapsed_before))}});
        });
}

inline void bind_sweep(py::module_& m) {
    m.def("sweep_action", [](const voip::Bundle& b, Day d, const voip::RenewalPolicy& p) { return voip::sweep_action(b, d, p); },
          py::arg("bundle"), py::arg("day"), py::arg("policy"), "none, renew or lapsed on day.");
    m.def("sweep_action", [](Day e, bool a, Day d, const voip::RenewalPolicy& p) { return voip::sweep_action(voip::ExpiresOn{e}, a, d, p); },
          py::kw_only(), py::arg("expires_on"), py::arg("auto_renew").noconvert(), py::arg("day"), py::arg("policy"),
          "none, renew or lapsed on day (keywords only: two days side by side).");
    m.def("sweep", [](const py::iterable& bundles, Day d, const voip::RenewalPolicy& p, const std::optional<py::function>& on_action) {
        std::vector<py::object> objects;
        std::vector<voip::Bundle> values;
        for (const py::handle b : bundles) {
            values.push_back(b.cast<voip::Bundle>());
            objects.push_back(py::reinterpret_borrow<py::object>(b));
        }
        return voip::sweep(values.begin(), values.end(), d, p, [&](const voip::Bundle& b, voip::SweepAction a) {
            if (on_action) (*on_action)(objects[static_cast<std::size_t>(&b - values.data())], a);
        });
    }, py::arg("bundles"), py::arg("day"), py::arg("policy"), py::arg("on_action") = py::none(),
          "Calls on_action(bundle, action) for each bundle needing action, in order; returns the SweepTotals.");
    m.def("sweep_totals", [](const py::buffer& e, const py::buffer& a, Day d, const voip::RenewalPolicy& p) {
        return column_totals(columns(e, a), d, p);
    }, py::arg("expires_on"), py::arg("auto_renew"), py::arg("day"), py::arg("policy"),
          "The totals over columns (numpy arrays or array.array): expiry day counts (int32 read in place), flags "
          "(bool or uint8). The GIL is released.");
    m.def("sweep_totals", [](const std::vector<voip::Bundle>& bundles, Day d, const voip::RenewalPolicy& p) {
        return voip::sweep_totals(bundles.data(), bundles.size(), d, p);
    }, py::arg("bundles"), py::arg("day"), py::arg("policy"), "The totals over a sequence of Bundle.");
    m.def("sweep_actions", [](const py::buffer& e, const py::buffer& a, Day d, const voip::RenewalPolicy& p,
                              const std::optional<py::buffer>& out) {
        const Columns s = columns(e, a);
        py::object result = out ? py::object(*out) : py::reinterpret_steal<py::object>(PyByteArray_FromStringAndSize(nullptr, static_cast<Py_ssize_t>(s.n)));
        const py::buffer_info o = py::buffer(result).request(true);
        if (o.itemsize != 1 || o.ndim != 1 || static_cast<std::size_t>(o.shape[0]) != s.n || (s.n > 1 && o.strides[0] != 1))
            throw py::value_error("out: a writable one-dimensional contiguous buffer of one byte per bundle");
        column_actions(s, d, p, static_cast<unsigned char*>(o.ptr));
        return result;
    }, py::arg("expires_on"), py::arg("auto_renew"), py::arg("day"), py::arg("policy"), py::kw_only(),
          py::arg("out") = py::none(), "Each row's SweepAction value (0 none, 1 renew, 2 lapsed) into out, or a new bytearray.");
    m.def("sweep_ranges", [](Day d, const voip::RenewalPolicy& p) { return checked(voip::sweep_ranges(d, p)); },
          py::arg("day"), py::arg("policy"), "The day-count ranges of expires_on to renew and lapsed on day.");
}

}  // namespace vb

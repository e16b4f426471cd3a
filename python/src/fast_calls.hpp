// SPDX-License-Identifier: MIT
#pragma once
// Fast entries for the calls a quoting host makes on every request: quote_renew,
// quote_update, make_envelope and to_string. Each is a METH_FASTCALL function that converts
// its positional arguments with the same casters and calls the same library function as the
// pybind11 binding; for anything else (keywords, other overloads, a wrong type) it hands
// the call to that binding, which reports errors as usual. It saves pybind11's dispatcher
// (argument vectors on the heap, overload loop): about half the cost of a short call.
#include <string>

#include "convert.hpp"

namespace vb {

// The instance behind `o` when it is a T (a pybind11 class), else null.
template <class T>
const T* instance_of(PyObject* o) {
    py::detail::make_caster<T> c;
    if (!c.load(o, false)) return nullptr;
    return &py::detail::cast_op<const T&>(c);
}

template <class E>
bool enum_arg(PyObject* o, E& out) {
    py::detail::make_caster<E> c;
    if (!c.load(o, false)) return false;
    out = py::detail::cast_op<E&>(c);
    return true;
}

inline PyObject* raise_rule_error(voip::Error e) {
    const py::object x = classes().rule_error(std::string(voip::name(e)), voip::code(voip::status(e)));
    PyErr_SetObject(classes().rule_error.ptr(), x.ptr());
    return nullptr;
}

// The value of a tl::expected as a new reference, or RuleError.
template <class T>
PyObject* result_or_raise(const tl::expected<T, voip::Error>& r) {
    if (!r) return raise_rule_error(r.error());
    return py::cast(*r).release().ptr();
}

// Fast(args, n) returns a new reference, or null with an error set, or null without one:
// "not mine", and the pybind11 binding (`slow`) takes the call.
using FastBody = PyObject* (*)(PyObject* const*, Py_ssize_t);
template <FastBody Fast>
struct FastEntry {
    static inline py::object* slow = nullptr;  // set once by speed_up(), never destroyed
    static inline PyMethodDef def{};
    static inline std::string doc;
    static PyObject* call(PyObject*, PyObject* const* args, Py_ssize_t n, PyObject* kwnames) {
        if (kwnames == nullptr) {
            try {
                if (PyObject* r = Fast(args, n)) return r;
                if (PyErr_Occurred() != nullptr) return nullptr;
            } catch (const RuleFailure& f) {
                return raise_rule_error(f.error);
            } catch (py::error_already_set& e) {
                e.restore();
                return nullptr;
            } catch (const py::builtin_exception& e) {  // value_error, type_error: as the binding raises them
                e.set_error();
                return nullptr;
            } catch (const py::cast_error& e) {
                PyErr_SetString(PyExc_TypeError, e.what());
                return nullptr;
            } catch (const std::exception& e) {
                PyErr_SetString(PyExc_RuntimeError, e.what());
                return nullptr;
            }
        }
        return PyObject_Vectorcall(slow->ptr(), args, static_cast<std::size_t>(n), kwnames);
    }
};

inline PyObject* quote_renew_fast(PyObject* const* a, Py_ssize_t n) {
    const voip::Bundle* b = n == 2 ? instance_of<voip::Bundle>(a[0]) : nullptr;
    const voip::Context* c = b ? instance_of<voip::Context>(a[1]) : nullptr;
    return c ? result_or_raise(voip::quote_renew(*b, *c)) : nullptr;
}

inline PyObject* quote_update_fast(PyObject* const* a, Py_ssize_t n) {
    const voip::Bundle* b = n == 3 ? instance_of<voip::Bundle>(a[0]) : nullptr;
    const voip::Request* r = b ? instance_of<voip::Request>(a[1]) : nullptr;
    const voip::Context* c = r ? instance_of<voip::Context>(a[2]) : nullptr;
    return c ? result_or_raise(voip::quote_update(*b, *r, *c)) : nullptr;
}

inline PyObject* make_envelope_fast(PyObject* const* a, Py_ssize_t n) {
    voip::Operation op{};
    const voip::Decision* d = n == 2 && enum_arg(a[0], op) ? instance_of<voip::Decision>(a[1]) : nullptr;
    return d ? py::cast(voip::make_envelope(op, voip::Result{*d})).release().ptr() : nullptr;
}

inline PyObject* to_string_fast(PyObject* const* a, Py_ssize_t n) {
    const voip::Envelope* e = n >= 1 && n <= 3 ? instance_of<voip::Envelope>(a[0]) : nullptr;
    voip::Layout layout = voip::Layout::compact;
    voip::ErrorDetail detail = voip::ErrorDetail::off;
    if (!e || (n >= 2 && !enum_arg(a[1], layout)) || (n == 3 && !enum_arg(a[2], detail))) return nullptr;
    char buf[voip::max_envelope_size];
    const auto size = voip::write_envelope(buf, buf + sizeof buf, *e, voip::WriteOptions{layout, detail});
    if (!size) return raise_rule_error(size.error());
    return PyUnicode_DecodeUTF8(buf, static_cast<Py_ssize_t>(*size), nullptr);
}

// Replaces m.<name> (the pybind11 binding, kept as the fallback) with its fast entry,
// the binding's docstring included.
template <FastBody Fast>
void speed_up(py::module_& m, const char* name) {
    using E = FastEntry<Fast>;
    E::slow = new py::object(m.attr(name));
    E::doc = py::str(E::slow->attr("__doc__"));
    E::def = PyMethodDef{name, reinterpret_cast<PyCFunction>(reinterpret_cast<void (*)()>(&E::call)),
                         METH_FASTCALL | METH_KEYWORDS, E::doc.c_str()};
    m.attr(name) = py::reinterpret_steal<py::object>(PyCFunction_NewEx(&E::def, nullptr, py::str("voip_bundle").ptr()));
}

inline void speed_up_calls(py::module_& m) {
    speed_up<&quote_renew_fast>(m, "quote_renew");
    speed_up<&quote_update_fast>(m, "quote_update");
    speed_up<&make_envelope_fast>(m, "make_envelope");
    speed_up<&to_string_fast>(m, "to_string");
}

}  // namespace vb

// SPDX-License-Identifier: MIT
#pragma once
// Python <-> C++ values: datetime.date <-> date::sys_days, int <-> voip::Money,
// uuid.UUID (or its text) <-> voip::Uuid, enum.IntEnum <-> the library's enumerations, and a
// failed tl::expected <-> voip_bundle.RuleError. Conversions only: no rule is decided here.
#include <Python.h>
#include <datetime.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <voip/bundle.hpp>

namespace py = pybind11;

namespace vb {

using Day = date::sys_days;

// A rule's failure on its way to Python: the translator raises voip_bundle.RuleError.
struct RuleFailure {
    voip::Error error;
};

template <class T>
T checked(tl::expected<T, voip::Error>&& r) {
    if (!r) throw RuleFailure{r.error()};
    return std::move(*r);
}
inline bool checked(tl::expected<void, voip::Error>&& r) {
    if (!r) throw RuleFailure{r.error()};
    return true;
}

// The classes made at import: voip_bundle.RuleError, uuid.UUID and each IntEnum, with
// each enum's members by value, so a C++ value becomes its member without a Python call.
struct EnumClass {
    py::object cls;
    std::vector<py::object> by_value;  // None where the value names no member
};
struct Classes {
    py::object rule_error, uuid;
    EnumClass bundle_type, state, month_end, operation, sweep_action, feature, error, status, json_kind, layout, error_detail;
};
inline Classes& classes() {
    static Classes* c = new Classes();  // never destroyed: Python may be gone at exit
    return *c;
}

template <class E>
EnumClass& enum_class();  // specialised beside each caster below

inline std::string type_name(py::handle h) { return py::str(py::type::handle_of(h).attr("__qualname__")); }

// An int (an IntEnum member is one; a bool is not) that fits in 64 bits.
inline bool int_value(py::handle src, std::int64_t& out, const char* what) {
    if (!PyLong_Check(src.ptr()) || PyBool_Check(src.ptr())) return false;
    int overflow = 0;
    const long long v = PyLong_AsLongLongAndOverflow(src.ptr(), &overflow);
    if (overflow != 0) throw py::value_error(std::string(what) + " does not fit in 64 bits: " + std::string(py::repr(src)));
    if (v == -1 && PyErr_Occurred()) throw py::error_already_set();
    out = v;
    return true;
}

inline date::sys_days day_from_ymd(int y, unsigned m, unsigned d) noexcept {
    return date::sys_days{date::year{y} / date::month{m} / date::day{d}};
}

inline py::object date_object(date::sys_days d) {
    if (!voip::in_range(d))
        throw py::value_error("day " + std::to_string(d.time_since_epoch().count()) +
                              " (days from 1970-01-01) is outside 0001-01-01..9999-12-31");
    const date::year_month_day ymd{d};
    return py::reinterpret_steal<py::object>(PyDate_FromDate(static_cast<int>(ymd.year()),
                                                             static_cast<int>(static_cast<unsigned>(ymd.month())),
                                                             static_cast<int>(static_cast<unsigned>(ymd.day()))));
}

}  // namespace vb

namespace pybind11::detail {

template <>
struct type_caster<date::sys_days> {
    PYBIND11_TYPE_CASTER(date::sys_days, const_name("datetime.date"));
    bool load(handle src, bool) {  // a date, not a datetime: a time of day would be dropped silently
        if (!PyDate_Check(src.ptr()) || PyDateTime_Check(src.ptr())) return false;
        value = vb::day_from_ymd(PyDateTime_GET_YEAR(src.ptr()), static_cast<unsigned>(PyDateTime_GET_MONTH(src.ptr())),
                                 static_cast<unsigned>(PyDateTime_GET_DAY(src.ptr())));
        return true;
    }
    static handle cast(date::sys_days d, return_value_policy, handle) { return vb::date_object(d).release(); }
};

template <>
struct type_caster<voip::Money> {
    PYBIND11_TYPE_CASTER(voip::Money, const_name("int"));
    bool load(handle src, bool) {
        std::int64_t v = 0;
        if (!vb::int_value(src, v, "an amount of minor units")) return false;
        value = voip::Money{v};
        return true;
    }
    static handle cast(voip::Money m, return_value_policy, handle) { return PyLong_FromLongLong(m.minor); }
};

template <>
struct type_caster<voip::Uuid> {
    PYBIND11_TYPE_CASTER(voip::Uuid, const_name("uuid.UUID | str"));
    bool load(handle src, bool) {
        if (PyUnicode_Check(src.ptr())) {  // the text, parsed by the library: malformed_uuid
            value = vb::checked(voip::parse_uuid(src.cast<std::string>()));
            return true;
        }
        if (!py::isinstance(src, vb::classes().uuid)) return false;
        const std::string bytes = src.attr("bytes").cast<std::string>();
        if (bytes.size() != 16) throw py::value_error("a uuid.UUID whose bytes are not 16");
        for (std::size_t i = 0; i < 16; ++i) value.bytes[i] = static_cast<std::uint8_t>(bytes[i]);
        return true;
    }
    static handle cast(const voip::Uuid& u, return_value_policy, handle) {
        const py::bytes raw(reinterpret_cast<const char*>(u.bytes.data()), u.bytes.size());
        return vb::classes().uuid(py::none(), raw).release();
    }
};

// An IntEnum member or a plain int naming one: ValueError for an int naming none. BundleType
// alone takes any int that fits in a byte, so the rules answer bundle_type_out_of_range.
template <class E, bool AnyByte = false>
struct int_enum_caster {
    bool load(handle src, bool) {
        std::int64_t v = 0;
        if (!vb::int_value(src, v, "an enumeration's value")) return false;
        const auto& members = vb::enum_class<E>().by_value;
        if constexpr (AnyByte) {
            if (v < 0 || v > 255) throw vb::RuleFailure{voip::Error::bundle_type_out_of_range};
        } else if (v < 0 || static_cast<std::uint64_t>(v) >= members.size() || members[static_cast<std::size_t>(v)].is_none()) {
            throw py::value_error(std::to_string(v) + " is not a " +
                                  std::string(py::str(vb::enum_class<E>().cls.attr("__name__"))));
        }
        value = static_cast<E>(v);
        return true;
    }
    static handle cast(E e, return_value_policy, handle) {
        const auto& members = vb::enum_class<E>().by_value;
        const auto i = static_cast<std::size_t>(e);
        if (i < members.size() && !members[i].is_none()) return members[i].inc_ref();
        return PyLong_FromLong(static_cast<long>(e));  // outside the enumeration: the number
    }
    E value{};
    template <typename T>
    using cast_op_type = movable_cast_op_type<T>;
    operator E&() { return value; }        // NOLINT(google-explicit-constructor)
    operator E&&() && { return std::move(value); }  // NOLINT(google-explicit-constructor)
};

#define VB_INT_ENUM(E, field, pyname, any_byte)                                                    \
    template <>                                                                                   \
    struct type_caster<E> : int_enum_caster<E, any_byte> {                                        \
        static constexpr auto name = const_name("voip_bundle." pyname);                           \
    };                                                                                            \
    }                                                                                             \
    namespace vb {                                                                                \
    template <>                                                                                   \
    inline EnumClass& enum_class<E>() { return classes().field; }                                 \
    }                                                                                             \
    namespace pybind11::detail {

VB_INT_ENUM(voip::BundleType, bundle_type, "BundleType", true)
VB_INT_ENUM(voip::State, state, "State", false)
VB_INT_ENUM(voip::MonthEnd, month_end, "MonthEnd", false)
VB_INT_ENUM(voip::Operation, operation, "Operation", false)
VB_INT_ENUM(voip::SweepAction, sweep_action, "SweepAction", false)
VB_INT_ENUM(voip::Feature, feature, "Feature", false)
VB_INT_ENUM(voip::Error, error, "Error", false)
VB_INT_ENUM(voip::Status, status, "Status", false)
VB_INT_ENUM(voip::JsonKind, json_kind, "JsonKind", false)
VB_INT_ENUM(voip::Layout, layout, "Layout", false)
VB_INT_ENUM(voip::ErrorDetail, error_detail, "ErrorDetail", false)
#undef VB_INT_ENUM

}  // namespace pybind11::detail

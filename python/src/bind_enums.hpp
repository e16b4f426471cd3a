// SPDX-License-Identifier: MIT
#pragma once
// The library's enumerations as enum.IntEnum classes, their member names from the
// library's own name()/label()/status_message(), and the RuleError translator.
#include <cctype>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "convert.hpp"

namespace vb {

// "Fax Only" -> "fax_only", "Bad Request" -> "bad_request": a label as a Python name.
inline std::string identifier(std::string_view label) {
    std::string s;
    for (const char c : label) s += c == ' ' ? '_' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

template <class E>
void add_enum(py::module_& m, const char* name, const std::vector<std::pair<std::string, E>>& members, const char* doc) {
    py::list items;
    int top = 0;
    for (const auto& [n, v] : members) {
        items.append(py::make_tuple(n, static_cast<int>(v)));
        top = std::max(top, static_cast<int>(v));
    }
    EnumClass& e = enum_class<E>();
    e.cls = py::module_::import("enum").attr("IntEnum")(name, items, py::arg("module") = "voip_bundle");
    e.cls.attr("__doc__") = doc;
    e.by_value.assign(static_cast<std::size_t>(top) + 1, py::none());
    for (const auto& [n, v] : members) e.by_value[static_cast<std::size_t>(v)] = e.cls.attr(n.c_str());
    m.attr(name) = e.cls;
}

// Each enumerator from first to last, named by `name_of`.
template <class E, class NameOf>
std::vector<std::pair<std::string, E>> enumerators(int first, int last, NameOf&& name_of) {
    std::vector<std::pair<std::string, E>> out;
    for (int i = first; i <= last; ++i) out.emplace_back(std::string(name_of(static_cast<E>(i))), static_cast<E>(i));
    return out;
}

inline void bind_enums(py::module_& m) {
    using namespace voip;
    const auto named = [](auto e) { return name(e); };
    add_enum(m, "BundleType", enumerators<BundleType>(1, 5, [](BundleType t) { return identifier(label(t)); }),
             "The five bundle types of the seed, by wire code (label() gives the seed's label).");
    add_enum(m, "State", enumerators<State>(0, 3, named), "Where a bundle stands on a day (rules.md 5).");
    add_enum(m, "MonthEnd", std::vector<std::pair<std::string, MonthEnd>>{{"clamp", MonthEnd::clamp}, {"overflow", MonthEnd::overflow}},
             "What 'one month later' means when the day does not exist in the target month.");
    add_enum(m, "Operation", enumerators<Operation>(0, 2, named), "The three calls of the API.");
    add_enum(m, "SweepAction", enumerators<SweepAction>(0, 2, named), "What the daily sweep does with a bundle.");
    add_enum(m, "Feature", enumerators<Feature>(0, static_cast<int>(feature_count) - 1, named),
             "The seed page's feature sections, in its order.");
    add_enum(m, "Error", enumerators<Error>(static_cast<int>(first_error), static_cast<int>(last_error), named),
             "Every way a request can fail; RuleError.error is one of these names.");
    std::vector<std::pair<std::string, Status>> statuses;
    for (const Status s : {Status::ok, Status::created, Status::bad_request, Status::payment_required, Status::not_found,
                           Status::internal_server_error})
        statuses.emplace_back(identifier(status_message(s)), s);
    add_enum(m, "Status", statuses, "The HTTP statuses the API answers with.");
    add_enum(m, "JsonKind", enumerators<JsonKind>(0, 8, named), "What a JSON member held, as far as the rules care.");
    add_enum(m, "Layout", std::vector<std::pair<std::string, Layout>>{{"compact", Layout::compact}, {"pretty", Layout::pretty}},
             "compact: no whitespace; pretty: the seed's layout, one member a line.");
    add_enum(m, "ErrorDetail", std::vector<std::pair<std::string, ErrorDetail>>{{"off", ErrorDetail::off}, {"on", ErrorDetail::on}},
             "on: a failure's envelope adds \"error\": \"<name>\" after status_message.");
}

inline void bind_rule_error(py::module_& m) {
    classes().rule_error = py::module_::import("voip_bundle._errors").attr("RuleError");
    classes().uuid = py::module_::import("uuid").attr("UUID");
    m.attr("RuleError") = classes().rule_error;
    py::register_exception_translator([](std::exception_ptr p) {
        try {
            if (p) std::rethrow_exception(p);
        } catch (const RuleFailure& f) {
            const py::object e = classes().rule_error(std::string(voip::name(f.error)), voip::code(voip::status(f.error)));
            PyErr_SetObject(classes().rule_error.ptr(), e.ptr());
        } catch (const py::cast_error& e) {  // a value of the wrong type inside a container or callback's result
            PyErr_SetString(PyExc_TypeError, e.what());
        }
    });
}

}  // namespace vb

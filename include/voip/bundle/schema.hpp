// SPDX-License-Identifier: MIT
#pragma once
// The wire objects of the API (rules.md 2, 8, 10), each written once: its members' names,
// order, JSON kinds and whether they are required. Every writer and decoder of the library
// (the envelope, the store codec, the nlohmann adapter) and the command's answers are
// derived from these tables; no other file names a member.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <type_traits>
#include <utility>

#include <date/date.h>

#include "bundle.hpp"
#include "bundle_type.hpp"
#include "iso_date.hpp"
#include "uuid.hpp"

namespace voip::schema {

// What a member holds on the wire.
enum class Kind : std::uint8_t {
    boolean,
    integer,
    date,     // "YYYY-MM-DD"
    uuid,     // canonical, lowercase
    text,     // any string
    object,
    array,
};

// The C++ member a wire member stands for, in the object it belongs to.
enum class Field : std::uint8_t {
    auto_renew,
    bundle_type,
    expires_on,
    uuid,
    created_on,
    none,  // a member of an object that is not a Bundle
};

struct Member {
    std::string_view name;
    Kind kind;
    bool required;
    Field field = Field::none;
};

// A stored bundle: one line of a store, the envelope's result members first (the seed's
// order), then created_on. Every member is required.
inline constexpr std::array<Member, 5> bundle{{
    {"auto_renew", Kind::boolean, true, Field::auto_renew},
    {"bundle_type", Kind::integer, true, Field::bundle_type},
    {"expires_on", Kind::date, true, Field::expires_on},
    {"uuid", Kind::uuid, true, Field::uuid},
    {"created_on", Kind::date, true, Field::created_on},
}};

// The envelope's result: the first members of a stored bundle, as the seed prints them.
inline constexpr std::size_t result_size = 4;

// The body of create and update: bundle_type required, auto_renew optional (false).
inline constexpr std::array<Member, 2> request{{
    {bundle[0].name, Kind::boolean, false, Field::auto_renew},
    {bundle[1].name, Kind::integer, true, Field::bundle_type},
}};

// The envelope, then the optional error detail.
inline constexpr std::array<Member, 4> envelope{{
    {"result", Kind::object, true},
    {"status_code", Kind::integer, true},
    {"status_message", Kind::text, true},
    {"error", Kind::text, false},  // the Error's name, only when asked for and only on failure
}};

// A price list: one member per bundle type, named by its code, each required.
inline constexpr std::array<Member, bundle_type_count> price_list{{
    {"1", Kind::integer, true},
    {"2", Kind::integer, true},
    {"3", Kind::integer, true},
    {"4", Kind::integer, true},
    {"5", Kind::integer, true},
}};

// The names of a table, in order, for the decoders.
template <std::size_t N>
[[nodiscard]] constexpr std::array<std::string_view, N> names(const std::array<Member, N>& table) noexcept {
    std::array<std::string_view, N> out{};
    for (std::size_t i = 0; i < N; ++i) out[i] = table[i].name;
    return out;
}

// The position of the member standing for `f` in `table`; N when there is none.
template <std::size_t N>
[[nodiscard]] constexpr std::size_t position(const std::array<Member, N>& table, Field f) noexcept {
    for (std::size_t i = 0; i < N; ++i)
        if (table[i].field == f) return i;
    return N;
}

// The value of field F of a bundle: bool, int (the type's code), date::sys_days or Uuid.
template <Field F>
[[nodiscard]] constexpr auto value_of(const Bundle& b) noexcept {
    if constexpr (F == Field::auto_renew) return b.auto_renew();
    else if constexpr (F == Field::bundle_type) return code(b.bundle_type());
    else if constexpr (F == Field::expires_on) return b.expires_on();
    else if constexpr (F == Field::uuid) return b.uuid();
    else {
        static_assert(F == Field::created_on, "a Bundle has no such field");
        return b.created_on();
    }
}

namespace detail {
template <std::size_t... I, class Visit>
constexpr void visit_bundle(const Bundle& b, Visit& visit, std::index_sequence<I...>) {
    (visit(std::integral_constant<std::size_t, I>{}, value_of<bundle[I].field>(b)), ...);
}
}  // namespace detail

// Calls visit(index, value) for the first N members of schema::bundle, in order, where
// index is a std::integral_constant (so schema::bundle[index] is a constant expression)
// and value as value_of(). N = bundle.size() for a stored line, result_size for a result.
template <std::size_t N, class Visit>
constexpr void visit_bundle(const Bundle& b, Visit&& visit) {
    static_assert(N <= bundle.size());
    detail::visit_bundle(b, visit, std::make_index_sequence<N>{});
}

// As visit_bundle, calling visit(name, value) with each value as JSON holds it: bool, int,
// or a string member's text (a day's "YYYY-MM-DD", a uuid's 36 characters) as a
// std::string_view valid during the call. The one place a writer other than the text writer
// turns a bundle's member types into JSON's (the nlohmann adapter, the programs' JsonOut).
template <std::size_t N, class Visit>
constexpr void visit_bundle_json(const Bundle& b, Visit&& visit) {
    visit_bundle<N>(b, [&visit](auto i, const auto& value) {
        const std::string_view name = bundle[decltype(i)::value].name;
        using V = std::decay_t<decltype(value)>;
        if constexpr (std::is_same_v<V, date::sys_days>) {
            char text[iso_date_size] = {};
            write_iso_date(text, value);
            visit(name, std::string_view(text, iso_date_size));
        } else if constexpr (std::is_same_v<V, Uuid>) {
            char text[uuid_text_size] = {};
            write_uuid(text, value);
            visit(name, std::string_view(text, uuid_text_size));
        } else {
            visit(name, value);
        }
    });
}

}  // namespace voip::schema

// SPDX-License-Identifier: MIT
#pragma once
// nlohmann::json for users who already hold JSON values. Optional: the umbrella
// voip/bundle.hpp does not include this header; including it needs nlohmann-json3-dev.
//
// Three things, the first two in voip/bundle/nlohmann/ (dom.hpp, sax.hpp):
//  1. decode_request_json(const json&): a DOM value to a RawRequest, as strict as a DOM
//     allows (noexcept). The text rules a DOM has already lost cannot be checked: a name
//     given twice was merged by the parser (the last wins), and an integer too big for 64
//     bits became a float, so it reads as not integral. What it does check: the value is
//     an object, nesting <= max_nesting, every string (names included) valid UTF-8 (a DOM
//     built in code can hold anything), and the member kinds as decode_request does.
//  2. parse_request_nlohmann(text): a body text through nlohmann's parser with every rule
//     of voip/bundle_json.hpp (size, UTF-8, nesting, duplicates, not an object), by a SAX
//     handler. It accepts and rejects the texts decode_request does, but for one known
//     difference from nlohmann's lexer: a number beyond the range of a double (1e999) is
//     rejected here (invalid_json) where decode_request reads it as a number (so
//     bundle_type_not_integral, or ignored in an unknown member). For a rejected text the
//     error kind can differ when the text breaks several rules at once: nlohmann's lexer
//     reads a whole token before its parser sees the token is misplaced, so {"a""\xff
//     is invalid_utf8 here and invalid_json (the misplaced quote) for decode_request; and
//     a non-ASCII byte outside strings is always invalid_json here. Slower than
//     decode_request (it allocates): it exists for callers who want one JSON library and
//     for comparison in the benchmarks.
//  3. ADL to_json / from_json for the value types. from_json throws, as nlohmann's own
//     conversions do: voip::json_decode_error (a std::invalid_argument holding the
//     voip::Error) when the value breaks a rule, nlohmann::json::type_error when it is of
//     the wrong JSON type for get<>(); to_json throws voip::json_encode_error for a
//     value with no wire form (an IsoDate outside 0001..9999). The members of every object
//     come from voip/bundle/schema.hpp, and the decoders share json/member_values.hpp
//     with decode_bundle and decode_prices: the same value or the same Error.
#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>
#include <tl/expected.hpp>

#include "bundle/bundle.hpp"
#include "bundle/bundle_type.hpp"
#include "bundle/envelope.hpp"
#include "bundle/error.hpp"
#include "bundle/features.hpp"
#include "bundle/iso_date.hpp"
#include "bundle/money.hpp"
#include "bundle/price_list.hpp"
#include "bundle/schema.hpp"
#include "bundle/request.hpp"
#include "bundle/state.hpp"
#include "bundle/sweep.hpp"
#include "bundle/uuid.hpp"
#include "bundle_json.hpp"

#include "bundle/nlohmann/dom.hpp"
#include "bundle/nlohmann/sax.hpp"

namespace voip {

class json_decode_error : public std::invalid_argument {
public:
    explicit json_decode_error(Error e)
        : std::invalid_argument("voip: " + std::string(name(e))), error_(e) {}
    [[nodiscard]] Error error() const noexcept { return error_; }

private:
    Error error_;
};

// What to_json throws for a value that has no wire form (an IsoDate outside 0001..9999).
class json_encode_error : public std::invalid_argument {
public:
    explicit json_encode_error(Error e)
        : std::invalid_argument("voip: cannot encode: " + std::string(name(e))), error_(e) {}
    [[nodiscard]] Error error() const noexcept { return error_; }

private:
    Error error_;
};

namespace detail {

template <class Json>
[[nodiscard]] Uuid uuid_from(const Json& j) {
    const auto u = parse_uuid(j.template get_ref<const typename Json::string_t&>());
    if (!u) throw json_decode_error(u.error());
    return *u;
}

template <class Json>
[[nodiscard]] date::sys_days day_from(const Json& j) {
    const auto d = parse_iso_date(j.template get_ref<const typename Json::string_t&>());
    if (!d) throw json_decode_error(d.error());
    return *d;
}

}  // namespace detail

// 3. ADL conversions. The JSON forms are the wire's: codes and names, dates as
// "YYYY-MM-DD", UUIDs lowercase.

template <class Json>
void to_json(Json& j, BundleType t) { j = code(t); }
template <class Json>
void from_json(const Json& j, BundleType& t) {
    const auto r = validate(RawRequest{RawField::absent(), detail::dom_raw_field(j)});
    if (!r) throw json_decode_error(r.error());
    t = r->bundle_type;
}

template <class Json>
void to_json(Json& j, const Uuid& u) { j = to_string(u); }
template <class Json>
void from_json(const Json& j, Uuid& u) { u = detail::uuid_from(j); }

template <class Json>
void to_json(Json& j, IsoDate d) {
    if (!in_range(d.day)) throw json_encode_error(Error::date_out_of_range);
    j = to_iso_string(d.day);
}
template <class Json>
void from_json(const Json& j, IsoDate& d) { d.day = detail::day_from(j); }

template <class Json>
void to_json(Json& j, Money m) { j = m.minor; }
template <class Json>
void from_json(const Json& j, Money& m) {
    const RawField f = detail::dom_raw_field(j);
    if (f.kind != JsonKind::integer || !ok_balance(Money{f.integer})) throw json_decode_error(Error::invalid_policy);
    m = Money{f.integer};  // within +-max_amount: a price or a balance
}

// {"1": 1500, ...} (schema::price_list): every type priced, each in [0, max_amount], as
// decode_prices. A PriceList has no default, so from_json is nlohmann::adl_serializer's
// (below): j.get<voip::PriceList>() works.
template <class Json>
void to_json(Json& j, const PriceList& p) {
    j = Json::object();
    for (std::size_t i = 0; i < schema::price_list.size(); ++i)
        j[std::string(schema::price_list[i].name)] = p.at(*bundle_type_from_code(static_cast<std::int64_t>(i) + 1))->minor;
}
template <class Json>
[[nodiscard]] PriceList price_list_from_json(const Json& j) {
    if (const detail::Scanned s = detail::check_tree(j); !s) throw json_decode_error(s.error());
    const auto* object = j.template get_ptr<const typename Json::object_t*>();
    if (object == nullptr) throw json_decode_error(Error::body_not_object);  // as decode_prices
    std::size_t unknown = 0;
    const auto members = detail::dom_members<Json>(*object, schema::price_list, unknown);  // sets unknown
    const auto p = prices_from_members(members, unknown);
    if (!p) throw json_decode_error(p.error());
    return *p;
}

template <class Json>
void to_json(Json& j, const Request& r) {
    j = Json::object();
    for (const schema::Member& m : schema::request) {
        if (m.field == schema::Field::auto_renew) j[std::string(m.name)] = r.auto_renew;
        else j[std::string(m.name)] = code(r.bundle_type);
    }
}
// The rules of rules.md 2 (decode_request_json then validate).
template <class Json>
void from_json(const Json& j, Request& r) {
    const auto raw = decode_request_json(j);
    if (!raw) throw json_decode_error(raw.error());
    const auto v = validate(*raw);
    if (!v) throw json_decode_error(v.error());
    r = *v;
}

namespace detail {
// The first N members of schema::bundle into a DOM object, in order (an ordered_json keeps
// it; nlohmann::json sorts its members by name, which JSON allows).
template <std::size_t N, class Json>
void bundle_members_to_json(Json& j, const Bundle& b) {
    schema::visit_bundle_json<N>(b, [&j](std::string_view name, const auto& value) {
        using V = std::decay_t<decltype(value)>;
        Json& member = j[std::string(name)];
        if constexpr (std::is_same_v<V, std::string_view>) member = std::string(value);
        else member = value;
    });
}
}  // namespace detail

// The stored form, as write_bundle_json: the members of schema::bundle.
template <class Json>
void to_json(Json& j, const Bundle& b) {
    j = Json::object();
    detail::bundle_members_to_json<schema::bundle.size()>(j, b);
}
// As decode_bundle (bundle_from_members): the same value or the same Error, thrown as
// json_decode_error. A DOM cannot show duplicate names or a text's size. A Bundle has no
// default, so j.get<Bundle>() comes through nlohmann::adl_serializer's specialisation below.
template <class Json>
[[nodiscard]] Bundle bundle_from_json(const Json& j) {
    if (const detail::Scanned s = detail::check_tree(j); !s) throw json_decode_error(s.error());
    const auto* object = j.template get_ptr<const typename Json::object_t*>();
    if (object == nullptr) throw json_decode_error(Error::body_not_object);
    std::size_t unknown = 0;
    const auto decoded = bundle_from_members(detail::dom_members<Json>(*object, schema::bundle, unknown));
    if (!decoded) throw json_decode_error(decoded.error());
    return *decoded;
}

// The seed's envelope (rules.md 10), from schema::envelope and the first members of
// schema::bundle. To JSON only: an envelope does not carry created_on.
template <class Json>
void to_json(Json& j, const Envelope& e) {
    j = Json::object();
    Json result = Json::object();
    if (const Bundle* b = e.bundle()) detail::bundle_members_to_json<schema::result_size>(result, *b);
    j[std::string(schema::envelope[0].name)] = std::move(result);
    j[std::string(schema::envelope[1].name)] = code(e.status());
    j[std::string(schema::envelope[2].name)] = std::string(status_message(e.status()));
}

template <class Json>
void to_json(Json& j, Status s) { j = code(s); }
template <class Json>
void to_json(Json& j, Error e) { j = std::string(name(e)); }
template <class Json>
void to_json(Json& j, State s) { j = std::string(name(s)); }
template <class Json>
void to_json(Json& j, SweepAction a) { j = std::string(name(a)); }
template <class Json>
void to_json(Json& j, Feature f) { j = std::string(name(f)); }
template <class Json>
void to_json(Json& j, FeatureSet s) {
    j = Json::array();
    for (std::size_t i = 0; i < feature_count; ++i)
        if (s.has(static_cast<Feature>(i))) j.push_back(std::string(name(static_cast<Feature>(i))));
}

}  // namespace voip

namespace nlohmann {
template <>
struct adl_serializer<voip::Bundle> {
    template <class Json>
    static voip::Bundle from_json(const Json& j) {
        return voip::bundle_from_json(j);
    }
    template <class Json>
    static void to_json(Json& j, const voip::Bundle& b) {
        voip::to_json(j, b);
    }
};
template <>
struct adl_serializer<voip::PriceList> {
    template <class Json>
    static voip::PriceList from_json(const Json& j) {
        return voip::price_list_from_json(j);
    }
    template <class Json>
    static void to_json(Json& j, const voip::PriceList& p) {
        voip::to_json(j, p);
    }
};
}  // namespace nlohmann

// SPDX-License-Identifier: MIT
#pragma once
// nlohmann::json for users who already hold JSON values. Optional: the umbrella
// voip/bundle.hpp does not include this header; including it needs nlohmann-json3-dev.
//
// Three things:
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
//     value with no wire form (a Bundle that is not ok()). The members of every object
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

namespace voip {

// What from_json throws when a value breaks a rule of the library.
class json_decode_error : public std::invalid_argument {
public:
    explicit json_decode_error(Error e)
        : std::invalid_argument("voip: " + std::string(name(e))), error_(e) {}
    [[nodiscard]] Error error() const noexcept { return error_; }

private:
    Error error_;
};

// What to_json throws for a value that has no wire form (a Bundle that is not ok()).
class json_encode_error : public std::invalid_argument {
public:
    explicit json_encode_error(Error e)
        : std::invalid_argument("voip: cannot encode: " + std::string(name(e))), error_(e) {}
    [[nodiscard]] Error error() const noexcept { return error_; }

private:
    Error error_;
};

namespace detail {

inline bool valid_utf8(const std::string& s) noexcept {
    const char* p = s.data();
    const char* const end = p + s.size();
    while (p != end) {
        if (static_cast<unsigned char>(*p) < 0x80) {
            ++p;
            continue;
        }
        const std::size_t n = utf8_sequence(p, end);
        if (n == 0) return false;
        p += n;
    }
    return true;
}

// What a DOM value holds, as RawField. get_ptr, not get_ref: it cannot throw. (Not named
// raw_field: that is the scanners' Value -> RawField, json/members.hpp.)
template <class Json>
[[nodiscard]] RawField dom_raw_field(const Json& v) noexcept {
    if (v.is_null()) return RawField::null();
    if (const auto* b = v.template get_ptr<const typename Json::boolean_t*>()) return RawField::of(static_cast<bool>(*b));
    if (const auto* i = v.template get_ptr<const typename Json::number_integer_t*>())
        return RawField::of(static_cast<std::int64_t>(*i));
    if (const auto* u = v.template get_ptr<const typename Json::number_unsigned_t*>()) {
        if (*u > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
            return RawField::of(JsonKind::big_integer);
        return RawField::of(static_cast<std::int64_t>(*u));
    }
    if (v.is_number_float()) return RawField::of(JsonKind::number);
    if (v.is_string()) return RawField::of(JsonKind::string);
    if (v.is_object()) return RawField::of(JsonKind::object);
    return RawField::of(JsonKind::array);  // arrays, and binary or discarded values: no kind the rules accept
}

// What a DOM value holds, as member_values.hpp takes it: strings are views of the DOM's.
template <class Json>
[[nodiscard]] MemberValue dom_member_value(const Json& v) noexcept {
    const RawField f = dom_raw_field(v);
    MemberValue m{f.kind, f.boolean, f.integer, {}, false};
    if (const auto* s = v.template get_ptr<const typename Json::string_t*>()) m.text = std::string_view(*s);
    return m;
}

// The members of a DOM object named in `table`, in its order, and how many others it has.
template <class Json, std::size_t N>
[[nodiscard]] std::array<MemberValue, N> dom_members(const typename Json::object_t& object,
                                                     const std::array<schema::Member, N>& table,
                                                     std::size_t& unknown) noexcept {
    std::array<MemberValue, N> out{};
    unknown = 0;
    for (const auto& [key, value] : object) {  // std::string against string_view: no allocation, no throw
        std::size_t i = 0;
        while (i < N && table[i].name != std::string_view(key)) ++i;
        if (i < N) out[i] = dom_member_value(value);
        else ++unknown;
    }
    return out;
}

// Depth and UTF-8 of a whole DOM value, iteratively (a DOM can be deeper than any stack).
// Walks the containers through get_ptr, so nothing here can throw.
template <class Json>
[[nodiscard]] Error check_tree(const Json& root) noexcept {
    using object_t = typename Json::object_t;
    using array_t = typename Json::array_t;
    struct Frame {
        const object_t* object = nullptr;  // one of object and array is set
        typename object_t::const_iterator next_member{};
        const array_t* array = nullptr;
        typename array_t::const_iterator next_element{};
    };
    std::array<Frame, max_nesting> stack{};
    std::size_t depth = 0;
    const auto enter = [&](const Json& v) noexcept -> Error {
        if (const auto* s = v.template get_ptr<const typename Json::string_t*>())
            return valid_utf8(*s) ? Error{} : Error::invalid_utf8;
        if (v.is_binary() || v.is_discarded()) return Error::invalid_json;
        const auto* object = v.template get_ptr<const object_t*>();
        const auto* array = v.template get_ptr<const array_t*>();
        if (object == nullptr && array == nullptr) return Error{};
        if (depth == max_nesting) return Error::nesting_too_deep;
        Frame& f = stack[depth++];
        f = Frame{};
        if (object != nullptr) {
            f.object = object;
            f.next_member = object->cbegin();
        } else {
            f.array = array;
            f.next_element = array->cbegin();
        }
        return Error{};
    };
    if (const Error e = enter(root); e != Error{}) return e;
    while (depth > 0) {
        Frame& f = stack[depth - 1];
        const Json* child = nullptr;
        if (f.object != nullptr) {
            if (f.next_member == f.object->cend()) {
                --depth;
                continue;
            }
            if (!valid_utf8(f.next_member->first)) return Error::invalid_utf8;
            child = &f.next_member->second;
            ++f.next_member;
        } else {
            if (f.next_element == f.array->cend()) {
                --depth;
                continue;
            }
            child = &*f.next_element;
            ++f.next_element;
        }
        if (const Error e = enter(*child); e != Error{}) return e;
    }
    return Error{};
}

static_assert(schema::request[0].field == schema::Field::auto_renew && schema::request[1].field == schema::Field::bundle_type,
              "StrictSax::key maps schema::request by position");

// The SAX handler behind parse_request_nlohmann.
template <class Json>
class StrictSax {
public:
    using number_integer_t = typename Json::number_integer_t;
    using number_unsigned_t = typename Json::number_unsigned_t;
    using number_float_t = typename Json::number_float_t;
    using string_t = typename Json::string_t;
    using binary_t = typename Json::binary_t;

    [[nodiscard]] Error error() const noexcept { return error_; }
    [[nodiscard]] bool top_is_object() const noexcept { return top_is_object_; }
    [[nodiscard]] const RawRequest& request() const noexcept { return request_; }

    bool null() { return scalar(RawField::null()); }
    bool boolean(bool b) { return scalar(RawField::of(b)); }
    bool number_integer(number_integer_t i) { return scalar(RawField::of(static_cast<std::int64_t>(i))); }
    bool number_unsigned(number_unsigned_t u) {
        if (u > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
            return scalar(RawField::of(JsonKind::big_integer));
        return scalar(RawField::of(static_cast<std::int64_t>(u)));
    }
    bool number_float(number_float_t /*value*/, const string_t& token) {
        // nlohmann turns an integer token beyond 64 bits into a float; the token tells.
        const bool integral = token.find_first_of(".eE") == string_t::npos;
        return scalar(RawField::of(integral ? JsonKind::big_integer : JsonKind::number));
    }
    bool string(string_t& /*value*/) { return scalar(RawField::of(JsonKind::string)); }
    bool binary(binary_t& /*value*/) { return fail(Error::invalid_json); }
    bool start_object(std::size_t /*elements*/) { return open(true); }
    bool end_object() {
        names_.pop_back();
        --depth_;
        return true;
    }
    bool start_array(std::size_t /*elements*/) { return open(false); }
    bool end_array() {
        --depth_;
        return true;
    }
    bool key(string_t& k) {
        auto& seen = names_.back();
        for (const auto& n : seen)
            if (n == k) return fail(Error::duplicate_member);
        seen.push_back(k);
        pending_ = nullptr;
        if (depth_ == 1) {
            if (k == schema::request[0].name) pending_ = &request_.auto_renew;
            else if (k == schema::request[1].name) pending_ = &request_.bundle_type;
        }
        return true;
    }
    template <class Exception>
    bool parse_error(std::size_t /*position*/, const std::string& /*token*/, const Exception& ex) {
        // The lexer's fixed text comes before "; last read: '<the input>'": look only there,
        // or a body containing the words would pass for a UTF-8 error.
        std::string_view what = ex.what();
        what = what.substr(0, what.find("; last read:"));
        const bool utf8 = what.find("ill-formed UTF-8") != std::string_view::npos ||
                          what.find("invalid string: surrogate") != std::string_view::npos;
        return fail(utf8 ? Error::invalid_utf8 : Error::invalid_json);
    }

private:
    bool fail(Error e) {
        if (error_ == Error{}) error_ = e;
        return false;
    }
    bool scalar(RawField f) {
        if (pending_ != nullptr && depth_ == 1) *pending_ = f;
        pending_ = nullptr;
        return true;
    }
    bool open(bool object) {
        if (depth_ == 0) top_is_object_ = object;
        if (pending_ != nullptr && depth_ == 1) *pending_ = RawField::of(object ? JsonKind::object : JsonKind::array);
        pending_ = nullptr;
        if (static_cast<std::size_t>(depth_) == max_nesting) return fail(Error::nesting_too_deep);
        ++depth_;
        if (object) names_.emplace_back();
        return true;
    }

    Error error_{};
    bool top_is_object_ = false;
    RawRequest request_{};
    int depth_ = 0;
    RawField* pending_ = nullptr;
    std::vector<std::vector<string_t>> names_;
};

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

// 1. A DOM value to a RawRequest (see the top of this file for what a DOM cannot show).
template <class Json = nlohmann::json>
[[nodiscard]] tl::expected<RawRequest, Error> decode_request_json(const Json& body) noexcept {
    if (const Error e = detail::check_tree(body); e != Error{}) return fail(e);
    const auto* object = body.template get_ptr<const typename Json::object_t*>();
    if (object == nullptr) return fail(Error::body_not_object);
    std::size_t unknown = 0;
    return request_from_members(detail::dom_members<Json>(*object, schema::request, unknown));
}

// 2. A body text through nlohmann's SAX parser with every rule. Only std::bad_alloc can
// escape.
[[nodiscard]] inline tl::expected<RawRequest, Error> parse_request_nlohmann(std::string_view text) {
    if (text.size() > max_body_size) return fail(Error::body_too_large);
    // nlohmann's lexer takes a NUL byte for the end of the input, so "{...}\0junk" would
    // pass. A NUL is never valid JSON (raw in a string it is an unescaped control
    // character): parse up to it, and if that much is fine the NUL itself is the error.
    const std::size_t nul = text.find('\0');
    const std::string_view parsed = text.substr(0, nul);
    detail::StrictSax<nlohmann::json> sax;
    bool ok = false;
    try {
        ok = nlohmann::json::sax_parse(parsed.begin(), parsed.end(), &sax, nlohmann::json::input_format_t::json, true);
    } catch (const std::bad_alloc&) {
        throw;
    } catch (const std::exception&) {  // not expected from sax_parse with a handler; be safe
        return fail(Error::invalid_json);
    }
    if (!ok) {
        const Error e = sax.error() != Error{} ? sax.error() : Error::invalid_json;
        // Input cut at the NUL ends early: that is the NUL's fault, reported as invalid_json.
        return fail(nul != std::string_view::npos && e != Error::invalid_utf8 &&
                            e != Error::nesting_too_deep && e != Error::duplicate_member
                        ? Error::invalid_json
                        : e);
    }
    if (nul != std::string_view::npos) return fail(Error::invalid_json);
    if (!sax.top_is_object()) return fail(Error::body_not_object);
    return sax.request();
}

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
    if (f.kind != JsonKind::integer) throw json_decode_error(Error::invalid_policy);
    m = Money{f.integer};
}

// {"1": 1500, ...} (schema::price_list): every type priced, each in [0, max_amount], as
// decode_prices. A PriceList has no default, so from_json is nlohmann::adl_serializer's
// (below): j.get<voip::PriceList>() works.
template <class Json>
void to_json(Json& j, const PriceList& p) {
    j = Json::object();
    for (std::size_t i = 0; i < schema::price_list.size(); ++i)
        j[std::string(schema::price_list[i].name)] = p[*bundle_type_from_code(static_cast<std::int64_t>(i) + 1)].minor;
}
template <class Json>
[[nodiscard]] PriceList price_list_from_json(const Json& j) {
    if (const Error e = detail::check_tree(j); e != Error{}) throw json_decode_error(e);
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
// The rules of RULES 2 (decode_request_json then validate).
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
    schema::visit_bundle<N>(b, [&j](auto i, const auto& value) {
        using V = std::decay_t<decltype(value)>;
        Json& member = j[std::string(schema::bundle[decltype(i)::value].name)];
        if constexpr (std::is_same_v<V, date::sys_days>) member = to_iso_string(value);
        else if constexpr (std::is_same_v<V, Uuid>) member = to_string(value);
        else member = value;
    });
}
}  // namespace detail

// The stored form, as write_bundle_json: the members of schema::bundle. A bundle that is
// not ok() has none: json_encode_error(invalid_bundle).
template <class Json>
void to_json(Json& j, const Bundle& b) {
    if (!ok(b)) throw json_encode_error(Error::invalid_bundle);
    j = Json::object();
    detail::bundle_members_to_json<schema::bundle.size()>(j, b);
}
// As decode_bundle (bundle_from_members): the same value or the same Error, thrown as
// json_decode_error. A DOM cannot show duplicate names or a text's size.
template <class Json>
void from_json(const Json& j, Bundle& b) {
    if (const Error e = detail::check_tree(j); e != Error{}) throw json_decode_error(e);
    const auto* object = j.template get_ptr<const typename Json::object_t*>();
    if (object == nullptr) throw json_decode_error(Error::body_not_object);
    std::size_t unknown = 0;
    const auto decoded = bundle_from_members(detail::dom_members<Json>(*object, schema::bundle, unknown));
    if (!decoded) throw json_decode_error(decoded.error());
    b = *decoded;
}

// The seed's envelope (RULES 10), from schema::envelope and the first members of
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

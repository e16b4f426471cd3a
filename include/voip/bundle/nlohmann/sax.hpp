// SPDX-License-Identifier: MIT
#pragma once
// A body text through nlohmann's SAX parser with every rule of voip/bundle_json.hpp:
// parse_request_nlohmann. Part of voip/bundle_nlohmann.hpp.
#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>
#include <nlohmann/json.hpp>
#include <tl/expected.hpp>
#include "../error.hpp"
#include "../schema.hpp"
#include "../request.hpp"
#include "../../bundle_json.hpp"

#include "dom.hpp"

namespace voip {

namespace detail {

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

    [[nodiscard]] std::optional<Error> error() const noexcept { return error_; }
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
        if (!error_) error_ = e;
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

    std::optional<Error> error_;  // the first rule broken, if any
    bool top_is_object_ = false;
    RawRequest request_{};
    int depth_ = 0;
    RawField* pending_ = nullptr;
    std::vector<std::vector<string_t>> names_;
};

}  // namespace detail

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
        const Error e = sax.error().value_or(Error::invalid_json);
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

}  // namespace voip

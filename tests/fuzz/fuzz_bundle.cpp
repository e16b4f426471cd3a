// Stored-bundle decoding (voip/bundle_json.hpp) on any bytes: never a crash or UB; what it
// accepts is ok() and encodes to a line that decodes to the same bundle; the nlohmann
// adapter's from_json gives the same bundle or the same Error wherever a DOM can tell
// (the cross-path rule, tests/json/cross_path.cpp); the price-list decoder likewise.
#include <voip/bundle.hpp>
#include <voip/bundle_json.hpp>

#if defined(__cpp_exceptions)  // the adapter's from_json throws; -fno-exceptions builds skip the cross-check
#include <voip/bundle_nlohmann.hpp>
#endif

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.hpp"

#if defined(__cpp_exceptions)
namespace {
// Errors of the text itself that a parsed DOM no longer shows (a repeated name was merged,
// the size is gone) or that nlohmann's parser reports differently (it stops at its own
// first error): there the two paths need not agree.
bool text_only(voip::Error e) {
    return e == voip::Error::duplicate_member || e == voip::Error::body_too_large || e == voip::Error::invalid_json ||
           e == voip::Error::invalid_utf8;
}

template <class T>
tl::expected<T, voip::Error> through_nlohmann(const nlohmann::json& j) {
    try {
        return j.get<T>();
    } catch (const voip::json_decode_error& e) {
        return tl::unexpected<voip::Error>(e.error());
    }
}

// An integer token beyond 64 bits is a float in a DOM: "not integral" there, "out of
// range" for the text decoder (documented in voip/bundle_nlohmann.hpp).
bool has_big_integer(std::string_view text) {
    std::size_t run = 0;
    for (const char c : text) {
        run = c >= '0' && c <= '9' ? run + 1 : 0;
        if (run > 18) return true;
    }
    return false;
}
}  // namespace
#endif

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);

    const auto prices = voip::decode_prices(text);
    if (prices) FUZZ_CHECK(prices->at(voip::BundleType::business)->minor >= 0);  // made by make_price_list: ok()
    const auto b = voip::decode_bundle(text);

#if defined(__cpp_exceptions)
    const auto j = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
    if (!j.is_discarded() && !has_big_integer(text)) {  // nlohmann rejects some valid JSON (1e999)
        if (b || !text_only(b.error())) FUZZ_CHECK(through_nlohmann<voip::Bundle>(j) == b);
        if (prices || !text_only(prices.error())) FUZZ_CHECK(through_nlohmann<voip::PriceList>(j) == prices);
    }
#endif
    if (!b) return 0;
    FUZZ_CHECK(b->created_on() < b->expires_on());
    const std::string line = voip::encode_bundle(*b);
    FUZZ_CHECK(line.size() <= voip::max_bundle_json_size);
    const auto again = voip::decode_bundle(line);
    FUZZ_CHECK(again.has_value() && *again == *b);

    // A stored bundle feeds the rules: renew and update it on its expiry and the day before.
    for (int offset : {-1, 0}) {
        const auto made = voip::make_context(b->expires_on() + date::days{offset});
        FUZZ_CHECK(made.has_value());  // expires_on - 1 is on or after created_on: in range
        if (!made) continue;
        const voip::Context& ctx = *made;
        const auto r = voip::renew(*b, ctx);
        if (r) FUZZ_CHECK(r->bundle.expires_on() > b->expires_on());
        const auto u = voip::update(*b, voip::Request{true, voip::BundleType::fax_only}, ctx);
        if (u) FUZZ_CHECK(u->bundle.expires_on() == b->expires_on());
    }
    return 0;
}

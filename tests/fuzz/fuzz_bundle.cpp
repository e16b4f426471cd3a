// Stored-bundle decoding (voip/bundle_json.hpp) on any bytes: never a crash or UB; what it
// accepts is ok(), encodes to a line that decodes to the same bundle, and agrees with
// nlohmann::json on every member; the store's price-list decoder on the same bytes.
#include <voip/bundle.hpp>
#include <voip/bundle_json.hpp>

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);

    const auto prices = voip::decode_prices(text);
    if (prices) FUZZ_CHECK(voip::ok(*prices));

    const auto b = voip::decode_bundle(text);
    if (!b) return 0;
    FUZZ_CHECK(voip::ok(*b));
    const std::string line = voip::encode_bundle(*b);
    FUZZ_CHECK(!line.empty() && line.size() <= voip::max_bundle_json_size);
    const auto again = voip::decode_bundle(line);
    FUZZ_CHECK(again.has_value() && *again == *b);

    const auto j = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
    if (!j.is_discarded()) {  // nlohmann rejects some valid JSON (1e999): compare when it can
        FUZZ_CHECK(j.is_object());
        FUZZ_CHECK(j["uuid"].is_string() && voip::parse_uuid(j["uuid"].get<std::string>()) == tl::expected<voip::Uuid, voip::Error>(b->uuid));
        FUZZ_CHECK(j["created_on"].is_string() && voip::parse_iso_date(j["created_on"].get<std::string>()) == tl::expected<date::sys_days, voip::Error>(b->created_on));
        FUZZ_CHECK(j["expires_on"].is_string() && voip::parse_iso_date(j["expires_on"].get<std::string>()) == tl::expected<date::sys_days, voip::Error>(b->expires_on));
        FUZZ_CHECK(j["bundle_type"].is_number_integer() && j["bundle_type"].get<int>() == voip::code(b->bundle_type));
        FUZZ_CHECK(j["auto_renew"].is_boolean() && j["auto_renew"].get<bool>() == b->auto_renew);
    }

    // A stored bundle feeds the rules: renew and update it on its expiry and the day before.
    voip::Context ctx;
    for (int offset : {-1, 0}) {
        ctx.today = b->expires_on + date::days{offset};
        if (!voip::in_range(ctx.today)) continue;
        const auto r = voip::renew(*b, ctx);
        if (r) FUZZ_CHECK(voip::ok(r->bundle) && r->bundle.expires_on > b->expires_on);
        const auto u = voip::update(*b, voip::Request{true, voip::BundleType::fax_only}, ctx);
        if (u) FUZZ_CHECK(u->bundle.expires_on == b->expires_on);
    }
    return 0;
}

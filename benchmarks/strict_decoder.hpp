#pragma once
// The library's strict request decoder (include/voip/bundle_json.hpp) behind one name, so
// the benchmarks build before that header exists and pick it up when it does.
#include <string_view>

#include <tl/expected.hpp>

#include <voip/bundle.hpp>

#if __has_include(<voip/bundle_json.hpp>)
#include <voip/bundle_json.hpp>
#define VOIP_BENCH_HAVE_STRICT_DECODER 1
#else
#define VOIP_BENCH_HAVE_STRICT_DECODER 0
#endif

namespace bench {

#if VOIP_BENCH_HAVE_STRICT_DECODER
// Body text -> validated request, through the library's decoder.
inline tl::expected<voip::Request, voip::Error> strict_decode(std::string_view body) noexcept {
    const auto raw = voip::decode_request(body);
    if (!raw) return tl::make_unexpected(raw.error());
    return voip::validate(*raw);
}
#endif

// nlohmann parse + the same checks (bench_decode.cpp).
tl::expected<voip::Request, voip::Error> nlohmann_decode_request(std::string_view body);

}  // namespace bench

#include <voip/bundle/bundle_type.hpp>

#include <doctest/doctest.h>

#include <cstdint>
#include <limits>
#include <sstream>
#include <type_traits>

using namespace voip;

TEST_CASE("bundle types from wire codes: 1..5 and nothing else") {
    const struct {
        std::int64_t code;
        bool valid;
    } cases[] = {{std::numeric_limits<std::int64_t>::min(), false}, {-1, false}, {0, false}, {1, true}, {2, true},
                 {3, true}, {4, true}, {5, true}, {6, false}, {255, false}, {256 + 1, false},
                 {std::numeric_limits<std::int64_t>::max(), false}};
    for (const auto& c : cases) {
        CAPTURE(c.code);
        const auto t = bundle_type_from_code(c.code);
        CHECK(static_cast<bool>(t) == c.valid);
        if (t) {
            CHECK(code(*t) == c.code);
            CHECK(ok(*t));
        } else {
            CHECK(t.error() == Error::bundle_type_out_of_range);
        }
    }
}

TEST_CASE("labels are the seed's") {
    CHECK(label(BundleType::business) == "Business");
    CHECK(label(BundleType::residential) == "Residential");
    CHECK(label(BundleType::fax_only) == "Fax Only");
    CHECK(label(BundleType::trunk_only) == "Trunk Only");
    CHECK(label(BundleType::forward_only) == "Forward Only");
    std::ostringstream os;
    os << BundleType::fax_only;
    CHECK(os.str() == "3 (Fax Only)");
}

TEST_CASE("hash") {
    CHECK(std::hash<BundleType>{}(BundleType::trunk_only) == std::hash<BundleType>{}(BundleType::trunk_only));
}

static_assert(!std::is_convertible_v<int, BundleType>, "a raw int never stands in for a BundleType");
static_assert(index(BundleType::business) == 0 && index(BundleType::forward_only) == 4);
static_assert(!ok(static_cast<BundleType>(0)) && !ok(static_cast<BundleType>(6)));
static_assert(*bundle_type_from_code(5) == BundleType::forward_only);
static_assert(!bundle_type_from_code(6));
static_assert(sizeof(BundleType) == 1);

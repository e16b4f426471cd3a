#include <voip/bundle/request.hpp>

#include <doctest/doctest.h>

#include <cstdint>
#include <limits>
#include <sstream>

using namespace voip;

namespace {
RawRequest body(RawField bundle_type, RawField auto_renew = RawField::absent()) { return {auto_renew, bundle_type}; }
}  // namespace

TEST_CASE("valid bodies") {
    CHECK(*validate(body(RawField::of(std::int64_t{1}), RawField::of(true))) == Request{true, BundleType::business});
    CHECK(*validate(body(RawField::of(std::int64_t{5}), RawField::of(false))) ==
          Request{false, BundleType::forward_only});
    // auto_renew omitted -> false, on create and update alike
    CHECK(*validate(body(RawField::of(std::int64_t{3}))) == Request{false, BundleType::fax_only});
}

TEST_CASE("every 400 input of RULES section 2, as typed values") {
    const std::int64_t max = std::numeric_limits<std::int64_t>::max();
    const struct {
        const char* what;
        RawRequest raw;
        Error error;
    } cases[] = {
        {"bundle_type missing", body(RawField::absent(), RawField::of(true)), Error::bundle_type_missing},
        {"bundle_type null", body(RawField::null()), Error::bundle_type_null},
        {"bundle_type \"1\"", body(RawField::of(JsonKind::string)), Error::bundle_type_not_integer},
        {"bundle_type true", body(RawField::of(true)), Error::bundle_type_not_integer},
        {"bundle_type []", body(RawField::of(JsonKind::array)), Error::bundle_type_not_integer},
        {"bundle_type {}", body(RawField::of(JsonKind::object)), Error::bundle_type_not_integer},
        {"bundle_type 1.5", body(RawField::of(JsonKind::number)), Error::bundle_type_not_integral},
        {"bundle_type 0", body(RawField::of(std::int64_t{0})), Error::bundle_type_out_of_range},
        {"bundle_type 6", body(RawField::of(std::int64_t{6})), Error::bundle_type_out_of_range},
        {"bundle_type -1", body(RawField::of(std::int64_t{-1})), Error::bundle_type_out_of_range},
        {"bundle_type 2^63-1", body(RawField::of(max)), Error::bundle_type_out_of_range},
        {"bundle_type 2^63", body(RawField::of(JsonKind::big_integer)), Error::bundle_type_out_of_range},
        {"auto_renew null", body(RawField::of(std::int64_t{1}), RawField::null()), Error::auto_renew_null},
        {"auto_renew 1", body(RawField::of(std::int64_t{1}), RawField::of(std::int64_t{1})),
         Error::auto_renew_not_boolean},
        {"auto_renew \"true\"", body(RawField::of(std::int64_t{1}), RawField::of(JsonKind::string)),
         Error::auto_renew_not_boolean},
        {"auto_renew 1.0", body(RawField::of(std::int64_t{1}), RawField::of(JsonKind::number)),
         Error::auto_renew_not_boolean},
        {"auto_renew {}", body(RawField::of(std::int64_t{1}), RawField::of(JsonKind::object)),
         Error::auto_renew_not_boolean},
    };
    for (const auto& c : cases) {
        CAPTURE(c.what);
        const auto r = validate(c.raw);
        REQUIRE_FALSE(r);
        CHECK(r.error() == c.error);
        CHECK(status(r.error()) == Status::bad_request);
    }
}

TEST_CASE("every kind of each member, and a kind outside the enumeration") {
    const RawField one = RawField::of(std::int64_t{1});
    const JsonKind outside = static_cast<JsonKind>(9);  // a RawField filled by memcpy or a newer decoder
    CHECK(validate(body(RawField::of(outside))).error() == Error::bundle_type_not_integer);
    CHECK(validate(body(one, RawField::of(outside))).error() == Error::auto_renew_not_boolean);
    for (const JsonKind k : {JsonKind::integer, JsonKind::big_integer, JsonKind::array}) {
        CAPTURE(name(k));
        CHECK(validate(body(one, RawField::of(k))).error() == Error::auto_renew_not_boolean);
    }
    CHECK(validate(body(one, RawField::absent())) == Request{false, BundleType::business});
    CHECK(validate(body(one, RawField::of(false))) == Request{false, BundleType::business});
}

TEST_CASE("bundle_type is checked before auto_renew") {
    CHECK(validate(body(RawField::null(), RawField::null())).error() == Error::bundle_type_null);
    CHECK(validate(body(RawField::of(std::int64_t{9}), RawField::of(JsonKind::string))).error() ==
          Error::bundle_type_out_of_range);
}

TEST_CASE("printing") {
    std::ostringstream os;
    os << Request{true, BundleType::trunk_only} << ' ' << JsonKind::big_integer;
    CHECK(os.str() == "{auto_renew: true, bundle_type: 4 (Trunk Only)} big_integer");
    std::ostringstream raw;
    raw << RawRequest{RawField::null(), RawField::of(std::int64_t{7})} << ' '
        << RawRequest{RawField::of(false), RawField::of(JsonKind::string)};
    CHECK(raw.str() == "{auto_renew: null, bundle_type: 7} {auto_renew: false, bundle_type: string}");
}

static_assert((*validate(RawRequest{RawField::absent(), RawField::of(std::int64_t{2})})).bundle_type ==
              BundleType::residential);
static_assert(validate(RawRequest{}).error() == Error::bundle_type_missing);
static_assert(noexcept(validate(RawRequest{})));

// Found by mutation testing: the factories leave the members they do not set at zero.
TEST_CASE("RawField factories: the members they do not set are zero") {
    CHECK(RawField::absent().integer == 0);
    CHECK(RawField::null().integer == 0);
    CHECK(RawField::of(true).integer == 0);
    CHECK(RawField::of(JsonKind::string).integer == 0);
    CHECK_FALSE(RawField::of(std::int64_t{7}).boolean);
}

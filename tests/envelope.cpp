#include <voip/bundle/envelope.hpp>

#include <doctest/doctest.h>

#include "common.hpp"

#include <sstream>
#include <string>
#include <utility>

#include "seed_examples.hpp"

using namespace voip;
using voip_test::read_seed;
using voip_test::squeeze;
using voip_test::unindent;

namespace {
// The seed's bundle: created 2018-08-01, expires 2018-09-01, Business, auto-renew.
Bundle seed_bundle() { return voip_test::make_bundle("2018-08-01", "2018-09-01"); }

void check_seed(const Envelope& e, const std::string& example) {
    const std::string seed = read_seed(example);
    REQUIRE(!seed.empty());
    const std::string pretty = to_string(e, Layout::pretty);
    const std::string compact = to_string(e, WriteOptions{});
    CHECK(unindent(pretty) == seed);  // byte for byte once the page's lost indentation is ignored
    CHECK(squeeze(pretty) == squeeze(seed));
    CHECK(compact == squeeze(seed));
}
}  // namespace

TEST_CASE("every seed example is reproduced exactly") {
    check_seed(success_envelope(Operation::create, seed_bundle()), "create_201");
    check_seed(success_envelope(Operation::update, seed_bundle()), "update_200");
    check_seed(success_envelope(Operation::renew, seed_bundle()), "renew_200");
    for (const char* name : {"create_400", "update_400", "renew_400"})
        check_seed(error_envelope(Error::outside_renewal_window), name);
    for (const char* name : {"update_402", "renew_402"}) check_seed(error_envelope(Error::insufficient_funds), name);
    for (const char* name : {"update_404", "renew_404"}) check_seed(error_envelope(Error::unknown_bundle), name);
}

TEST_CASE("the compact 201 envelope, spelled out") {
    CHECK(to_string(success_envelope(Operation::create, seed_bundle())) ==
          R"({"result":{"auto_renew":true,"bundle_type":1,"expires_on":"2018-09-01",)"
          R"("uuid":"0fba8c48-99fc-4727-8ca7-c847376da415"},"status_code":201,"status_message":"Created"})");
    const Bundle b = *seed_bundle().with_type(BundleType::forward_only, AutoRenew::off);
    CHECK(to_string(success_envelope(Operation::update, b)) ==
          R"({"result":{"auto_renew":false,"bundle_type":5,"expires_on":"2018-09-01",)"
          R"("uuid":"0fba8c48-99fc-4727-8ca7-c847376da415"},"status_code":200,"status_message":"OK"})");
}

TEST_CASE("error detail goes in only when asked") {
    const Envelope e = error_envelope(Error::outside_renewal_window);
    CHECK(to_string(e) == R"({"result":{},"status_code":400,"status_message":"Bad Request"})");
    CHECK(to_string(e, ErrorDetail::on) ==
          R"({"result":{},"status_code":400,"status_message":"Bad Request","error":"outside_renewal_window"})");
    CHECK(to_string(e, {Layout::pretty, ErrorDetail::on}) ==
          "{\n    \"result\" : {},\n    \"status_code\" : 400,\n    \"status_message\" : \"Bad Request\",\n"
          "    \"error\" : \"outside_renewal_window\"\n}");
    // a success never carries an error member
    CHECK(to_string(success_envelope(Operation::renew, seed_bundle()), ErrorDetail::on).find("error") ==
          std::string::npos);
}

TEST_CASE("make_envelope picks the status from the operation or the error") {
    const Decision d{seed_bundle(), Money{0}};
    CHECK(make_envelope(Operation::create, Result{d}).status() == Status::created);
    CHECK(make_envelope(Operation::update, Result{d}).status() == Status::ok);
    CHECK(make_envelope(Operation::renew, Result{d}).status() == Status::ok);
    CHECK(make_envelope(Operation::renew, tl::make_unexpected(Error::insufficient_funds)).status() ==
          Status::payment_required);
    CHECK(make_envelope(Operation::update, tl::make_unexpected(Error::unknown_bundle)).status() == Status::not_found);
    CHECK(make_envelope(Operation::update, tl::make_unexpected(Error::unknown_bundle)).bundle() == nullptr);
    CHECK(make_envelope(Operation::update, tl::make_unexpected(Error::unknown_bundle)).outcome().error() ==
          Error::unknown_bundle);
    REQUIRE(make_envelope(Operation::create, Result{d}).bundle() != nullptr);
    CHECK(*make_envelope(Operation::create, Result{d}).bundle() == seed_bundle());
}

TEST_CASE("writing into a caller buffer") {
    const Envelope e = success_envelope(Operation::create, seed_bundle());
    const std::string expected = to_string(e);
    char buf[max_envelope_size];
    const auto n = write_envelope(buf, buf + sizeof buf, e);
    REQUIRE(n);
    CHECK(std::string(buf, *n) == expected);
    SUBCASE("every buffer one byte short fails cleanly, never writing past its end") {
        for (std::size_t cap = 0; cap < expected.size(); ++cap) {
            char small[max_envelope_size + 1];
            small[cap] = '#';
            const auto r = write_envelope(small, small + cap, e);
            REQUIRE_FALSE(r);
            CHECK(r.error() == Error::buffer_too_small);
            CHECK(small[cap] == '#');
        }
    }
    SUBCASE("an exact fit succeeds") {
        const auto r = write_envelope(buf, buf + expected.size(), e);
        REQUIRE(r);
        CHECK(*r == expected.size());
    }
}

TEST_CASE("the largest envelope fits max_envelope_size") {
    Envelope worst = error_envelope(Error::bundle_type_not_integral);
    std::size_t longest = 0;
    for (auto err = static_cast<int>(first_error); err <= static_cast<int>(last_error); ++err) {
        worst = error_envelope(static_cast<Error>(err));
        longest = std::max(longest, to_string(worst, {Layout::pretty, ErrorDetail::on}).size());
    }
    const Bundle b = *seed_bundle().renewed_until(ExpiresOn{max_day});
    longest = std::max(longest, to_string(success_envelope(Operation::create, b), {Layout::pretty, ErrorDetail::on}).size());
    CHECK(longest <= max_envelope_size);
    CHECK(longest > 0);
}

TEST_CASE("an envelope holds a bundle or an error, and every envelope writes") {
    const Envelope e = success_envelope(Operation::renew, seed_bundle());
    CHECK(e.status() == Status::ok);
    REQUIRE(e.bundle() != nullptr);
    CHECK(*e.bundle() == seed_bundle());
    CHECK(error_envelope(Error::buffer_too_small).status() == Status::internal_server_error);
    CHECK(to_string(error_envelope(Error::buffer_too_small)) ==
          R"({"result":{},"status_code":500,"status_message":"Internal Server Error"})");
    // Every envelope writes: to_string never returns an empty text.
    for (auto err = static_cast<int>(first_error); err <= static_cast<int>(last_error); ++err)
        CHECK_FALSE(to_string(error_envelope(static_cast<Error>(err)), {Layout::pretty, ErrorDetail::on}).empty());
}

static_assert(!std::is_default_constructible_v<Envelope>, "no envelope without an outcome");
static_assert(std::is_trivially_copyable_v<Envelope>);
static_assert(error_envelope(Error::unknown_bundle).status() == Status::not_found);

TEST_CASE("printing operations and options") {
    std::ostringstream os;
    os << Operation::create << ' ' << Operation::update << ' ' << Operation::renew << ' ' << WriteOptions{Layout::pretty};
    CHECK(os.str() == "create update renew {layout: pretty, detail: off}");
    std::ostringstream detail;
    detail << WriteOptions{ErrorDetail::on} << ' ' << WriteOptions{};
    CHECK(detail.str() == "{layout: compact, detail: on} {layout: compact, detail: off}");
    // Named options: the same option spelled three ways is one value, and the two never swap.
    CHECK(WriteOptions{Layout::pretty, ErrorDetail::on} == WriteOptions{Layout::pretty, ErrorDetail::on});
    CHECK(WriteOptions{ErrorDetail::on} == WriteOptions{Layout::compact, ErrorDetail::on});
    CHECK(WriteOptions{Layout::pretty} == WriteOptions{Layout::pretty, ErrorDetail::off});
    CHECK(WriteOptions{Layout::pretty} != WriteOptions{ErrorDetail::on});
    // One member equal, the other not: unequal either way round.
    CHECK(WriteOptions{Layout::pretty, ErrorDetail::on} != WriteOptions{Layout::pretty, ErrorDetail::off});
    CHECK(WriteOptions{Layout::compact, ErrorDetail::on} != WriteOptions{Layout::pretty, ErrorDetail::on});
    CHECK_FALSE(WriteOptions{Layout::pretty, ErrorDetail::on} == WriteOptions{Layout::pretty, ErrorDetail::off});
    std::ostringstream env;
    env << error_envelope(Error::unknown_bundle);
    CHECK(env.str() == R"({"result":{},"status_code":404,"status_message":"Not Found","error":"unknown_bundle"})");
}

static_assert(noexcept(write_envelope(nullptr, nullptr, std::declval<const Envelope&>())));

// Found by mutation testing: == needs the status and the outcome alike; a reversed range is
// refused before anything is written.
TEST_CASE("envelopes with the same status and another bundle differ, a reversed range is buffer_too_small") {
    const Bundle a = voip_test::make_bundle("2018-08-01", "2018-09-01");
    const Bundle b = voip_test::make_bundle("2018-08-01", "2018-10-01");
    CHECK(success_envelope(Operation::update, a) != success_envelope(Operation::update, b));
    CHECK_FALSE(success_envelope(Operation::update, a) == success_envelope(Operation::update, b));
    CHECK_FALSE(success_envelope(Operation::update, a) != success_envelope(Operation::update, a));
    // Another status with the same bundle (201 and 200), and two errors of one status.
    CHECK(success_envelope(Operation::create, a) != success_envelope(Operation::update, a));
    CHECK(error_envelope(Error::bundle_type_null) != error_envelope(Error::bundle_type_missing));
    CHECK(error_envelope(Error::bundle_type_null) == error_envelope(Error::bundle_type_null));
    CHECK(error_envelope(Error::unknown_bundle) != success_envelope(Operation::update, a));
    char buf[max_envelope_size] = {};
    const auto r = write_envelope(buf + 10, buf, success_envelope(Operation::update, a));
    REQUIRE_FALSE(r);
    CHECK(r.error() == Error::buffer_too_small);
}

#include <voip/bundle/error.hpp>

#include <doctest/doctest.h>

#include <set>
#include <sstream>
#include <string>

using namespace voip;

TEST_CASE("every error has a unique, stable snake_case name") {
    std::set<std::string> names;
    for (int i = static_cast<int>(first_error); i <= static_cast<int>(last_error); ++i) {
        const auto n = std::string(name(static_cast<Error>(i)));
        CAPTURE(i);
        CHECK(n != "unknown_error");
        CHECK(n.find_first_not_of("abcdefghijklmnopqrstuvwxyz_0123456789") == std::string::npos);
        names.insert(n);
    }
    CHECK(names.size() == static_cast<std::size_t>(last_error) - static_cast<std::size_t>(first_error) + 1);
    // Names are API: a few pinned so a rename fails here.
    CHECK(name(Error::outside_renewal_window) == "outside_renewal_window");
    CHECK(name(Error::unknown_bundle) == "unknown_bundle");
    CHECK(name(Error::insufficient_funds) == "insufficient_funds");
    CHECK(name(Error::bundle_type_out_of_range) == "bundle_type_out_of_range");
}

TEST_CASE("each error answers with exactly one of the seed's statuses") {
    for (int i = static_cast<int>(first_error); i <= static_cast<int>(last_error); ++i) {
        const auto e = static_cast<Error>(i);
        CAPTURE(e);
        const Status s = status(e);
        // A writer's short buffer is the caller's mistake, not the request's: 500.
        if (e == Error::buffer_too_small) CHECK(s == Status::internal_server_error);
        else CHECK((s == Status::bad_request || s == Status::payment_required || s == Status::not_found));
    }
    CHECK(status(Error::unknown_bundle) == Status::not_found);
    CHECK(status(Error::insufficient_funds) == Status::payment_required);
    CHECK(status(Error::not_in_service) == Status::payment_required);
    CHECK(status(Error::insufficient_funds_on_create) == Status::bad_request);  // the seed's create has no 402
    CHECK(status(Error::outside_renewal_window) == Status::bad_request);
    CHECK(status(Error::malformed_uuid) == Status::bad_request);
    CHECK(status(Error::date_out_of_range) == Status::bad_request);
}

TEST_CASE("status codes and the seed's messages") {
    CHECK(code(Status::ok) == 200);
    CHECK(code(Status::created) == 201);
    CHECK(code(Status::bad_request) == 400);
    CHECK(code(Status::payment_required) == 402);
    CHECK(code(Status::not_found) == 404);
    CHECK(status_message(Status::ok) == "OK");
    CHECK(status_message(Status::created) == "Created");
    CHECK(status_message(Status::bad_request) == "Bad Request");
    CHECK(status_message(Status::payment_required) == "Payment Required");
    CHECK(status_message(Status::not_found) == "Not Found");
}

TEST_CASE("operator<< prints names") {
    std::ostringstream os;
    os << Error::malformed_uuid << ' ' << Status::not_found;
    CHECK(os.str() == "malformed_uuid 404 Not Found");
}

static_assert(status(Error::unknown_bundle) == Status::not_found);
static_assert(status(Error::insufficient_funds) == Status::payment_required);
static_assert(status(Error::outside_renewal_window) == Status::bad_request);
static_assert(noexcept(name(Error::invalid_json)));

#if defined(__cpp_exceptions)
TEST_CASE("a failed value() names the error it held") {
    const tl::expected<int, Error> failed = fail(Error::insufficient_funds);
    bool thrown = false;
    try {
        (void)failed.value();
    } catch (const tl::bad_expected_access<Error>& e) {
        thrown = true;
        CHECK(std::string(e.what()) == "insufficient_funds");
        CHECK(e.error() == Error::insufficient_funds);
    }
    CHECK(thrown);
    for (int i = static_cast<int>(first_error); i <= static_cast<int>(last_error); ++i) {
        const auto e = static_cast<Error>(i);
        CHECK(std::string(tl::bad_expected_access<Error>(e).what()) == name(e));
    }
}
#endif

#include <voip/bundle/operation_set.hpp>
#include <voip/bundle/operations.hpp>

#include <doctest/doctest.h>

#include <sstream>
#include <type_traits>

#include "common.hpp"

using namespace voip;

TEST_CASE("allowed_operations: update in service, renew while renewable, create once lapsed") {
    const struct {
        State state;
        bool create;
        bool update;
        bool renew;
    } cases[] = {
        {State::active, false, true, false},
        {State::renewal_open, false, true, true},
        {State::grace, false, false, true},
        {State::lapsed, true, false, false},
    };
    for (const auto& c : cases) {
        CAPTURE(c.state);
        const OperationSet ops = allowed_operations(c.state);
        CHECK(ops.has(Operation::create) == c.create);
        CHECK(ops.has(Operation::update) == c.update);
        CHECK(ops.has(Operation::renew) == c.renew);
        CHECK(ops.has(Operation::update) == in_service(c.state));
        CHECK(ops.has(Operation::renew) == renewable(c.state));
        CHECK_FALSE(ops.empty());
        CHECK(ops.size() == static_cast<std::size_t>(c.create) + c.update + c.renew);
    }
}

TEST_CASE("allowed_operations agrees with the decisions on every day around a window") {
    const Bundle b = voip_test::make_bundle("2018-08-01", "2018-09-01");
    const Request r{true, BundleType::residential};
    for (int offset = -6; offset <= 8; ++offset) {
        const Context c = make_context(b.expires_on() + date::days{offset}).value();
        CAPTURE(offset);
        const OperationSet ops = allowed_operations(state_on(b, c));
        CHECK(ops.has(Operation::update) == quote_update(b, r, c).has_value());
        CHECK(ops.has(Operation::renew) == quote_renew(b, c).has_value());
        CHECK(ops.has(Operation::renew) == can_renew(b, c).has_value());
    }
}

TEST_CASE("an OperationSet: with, bits, equality and printing") {
    const OperationSet none;
    CHECK(none.empty());
    CHECK(none.size() == 0);
    CHECK(none.bits() == 0);
    const OperationSet two = none.with(Operation::update).with(Operation::renew);
    CHECK(two.bits() == 6);
    CHECK(two.size() == 2);
    CHECK(two == allowed_operations(State::renewal_open));
    CHECK(two != allowed_operations(State::active));
    CHECK_FALSE(two == none);
    CHECK(two.with(Operation::renew) == two);
    std::ostringstream os;
    os << two << ' ' << allowed_operations(State::lapsed) << ' ' << none << ' ' << Operation::create;
    CHECK(os.str() == "[update, renew] [create] [] create");
}

TEST_CASE("operation_count: every Operation below it has a name, the first value past it none") {
    for (std::size_t i = 0; i < operation_count; ++i) CHECK(name(static_cast<Operation>(i)) != "invalid");
    CHECK(name(static_cast<Operation>(operation_count)) == "invalid");
}

static_assert(std::is_trivially_copyable_v<OperationSet>);
static_assert(allowed_operations(State::grace) == OperationSet{}.with(Operation::renew));
static_assert(allowed_operations(State::active).bits() == 2);
static_assert(name(Operation::update) == "update");

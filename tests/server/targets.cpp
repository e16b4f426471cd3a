// Request targets: percent-decoding, refused encodings and dot segments, the route table.
#include <doctest/doctest.h>

#include <routes.hpp>

using namespace voip_sandbox;

TEST_CASE("parse_target decodes the path and keeps the query as sent") {
    const auto t = parse_target("/voip/bundle/0fba8c48-99fc-4727-8ca7-c847376da41%35?after=1&x=%41");
    REQUIRE(t.has_value());
    CHECK(t->path == "/voip/bundle/0fba8c48-99fc-4727-8ca7-c847376da415");
    CHECK(t->query == "after=1&x=%41");
    CHECK(query_value(t->query, "x") == "A");
    CHECK(query_value(t->query, "after") == "1");
    CHECK(!query_value(t->query, "before").has_value());
    CHECK(!query_value("a=%zz", "a").has_value());
}

TEST_CASE("parse_target refuses what would change a path's meaning") {
    CHECK(parse_target("").error() == TargetError::malformed);
    CHECK(parse_target("voip/bundle").error() == TargetError::malformed);
    CHECK(parse_target("http://x/voip").error() == TargetError::malformed);
    CHECK(parse_target("/voip/%zz").error() == TargetError::bad_percent_encoding);
    CHECK(parse_target("/voip/%4").error() == TargetError::bad_percent_encoding);
    CHECK(parse_target("/voip/%").error() == TargetError::bad_percent_encoding);
    CHECK(parse_target("/voip/a%2Fb").error() == TargetError::bad_percent_encoding);  // an encoded '/'
    CHECK(parse_target("/voip/a%00").error() == TargetError::bad_percent_encoding);
    CHECK(parse_target("/voip/../sandbox/reset").error() == TargetError::dot_segment);
    CHECK(parse_target("/voip/%2e%2e/sandbox").error() == TargetError::dot_segment);
    CHECK(parse_target("/./voip").error() == TargetError::dot_segment);
    CHECK(parse_target("/voip/bundle/..").error() == TargetError::dot_segment);
    CHECK(parse_target("/voip/..x").has_value());
}

TEST_CASE("match_route: the table's paths and methods, 405 with Allow, 404 for other paths") {
    const auto list = match_route("GET", "/voip/bundle");
    REQUIRE(list.has_value());
    REQUIRE(list->entry != nullptr);
    CHECK(list->entry->route == Route::list_bundles);
    CHECK(list->allow == "GET, POST");
    const auto renew = match_route("POST", "/voip/bundle/abc/renew");
    REQUIRE((renew && renew->entry));
    CHECK(renew->entry->route == Route::renew);
    CHECK(renew->segment == "abc");
    const auto head = match_route("HEAD", "/sandbox/health");
    REQUIRE((head && head->entry));
    CHECK(head->entry->route == Route::health);
    const auto wrong = match_route("DELETE", "/voip/bundle/abc");
    REQUIRE(wrong.has_value());
    CHECK(wrong->entry == nullptr);
    CHECK(wrong->allow == "GET, PUT");
    CHECK(!match_route("GET", "/voip/bundle/").has_value());
    CHECK(!match_route("GET", "/voip/bundle//renew").has_value());
    CHECK(!match_route("GET", "/voip/bundles").has_value());
    CHECK(!match_route("GET", "/").has_value());
    CHECK(!match_route("POST", "/voip/bundle/a/b/renew").has_value());
}

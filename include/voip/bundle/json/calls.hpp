// SPDX-License-Identifier: MIT
#pragma once
// A call as it arrives, read in the rules' order (rules.md 2, 4, 7): the uuid in the path,
// then the body. What comes out is decoded and valid, so nothing that failed to decode
// reaches a decision (operations.hpp: find, then decide), and the uuid is parsed once.
#include <string_view>

#include <tl/expected.hpp>

#include "../error.hpp"
#include "../request.hpp"
#include "../uuid.hpp"
#include "request_codec.hpp"

namespace voip {

// PUT /bundle/{uuid}: the bundle named and the body's request.
struct UpdateCall {
    Uuid uuid;
    Request request;
};

// POST /bundle: the body. The first failed rule of rules.md 2.
[[nodiscard]] inline tl::expected<Request, Error> parse_create(std::string_view body) noexcept {
    return parse_request(body);
}

// PUT /bundle/{uuid}: malformed_uuid first, then the body's first failed rule.
[[nodiscard]] inline tl::expected<UpdateCall, Error> parse_update(std::string_view uuid_text,
                                                                  std::string_view body) noexcept {
    const auto uuid = parse_uuid(uuid_text);
    if (!uuid) return fail(uuid.error());
    const auto request = parse_request(body);
    if (!request) return fail(request.error());
    return UpdateCall{*uuid, *request};
}

// POST /bundle/{uuid}/renew: the uuid; renew takes no body.
[[nodiscard]] constexpr tl::expected<Uuid, Error> parse_renew(std::string_view uuid_text) noexcept {
    return parse_uuid(uuid_text);
}

}  // namespace voip

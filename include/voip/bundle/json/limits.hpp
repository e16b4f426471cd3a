// SPDX-License-Identifier: MIT
#pragma once
// The bounds of every JSON text the library reads - its size and its nesting - and the
// fixed scratch sizes that follow from them.
#include <cstddef>

namespace voip {

// [decided] A request body is two members, about 40 bytes; 16 KiB leaves ample room for
// clients that add members of their own while bounding the work per request and the
// general scanner's fixed scratch (see detail::Scanner in json/scanner.hpp).
inline constexpr std::size_t max_body_size = std::size_t{16} * 1024;
// [decided] Objects and arrays open at once, the body's own object included. The body
// needs 1; unknown members may nest a little. Deep nesting has crashed parsers before.
inline constexpr std::size_t max_nesting = 32;

namespace detail {

// The most member names a text of max_body_size bytes can hold: each costs at least
// four bytes ("":0), so the general scanner's name scratch can never overflow.
inline constexpr std::size_t max_names = max_body_size / 4 + 1;
// String values of known members are kept, decoded, up to this length; longer ones are
// flagged. Enough for a UUID (36) and a date (10).
inline constexpr std::size_t max_kept_text = 40;

}  // namespace detail

}  // namespace voip

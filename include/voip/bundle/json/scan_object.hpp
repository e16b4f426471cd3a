// SPDX-License-Identifier: MIT
#pragma once
// scan_object, the one entry the codecs use: the size bound, then the fast path, then the
// general scanner for anything the fast path declines (unknown members, escapes, nested
// values, any error). The general scanner re-reads from the start and is the reference:
// both agree on every text (see tests/json/).
#include <array>
#include <cstddef>
#include <string_view>

#include "../error.hpp"
#include "fast_scan.hpp"
#include "limits.hpp"
#include "members.hpp"
#include "scanner.hpp"

namespace voip::detail {

// The known members of a top-level object, every rule checked.
template <std::size_t N>
inline Scanned scan_object(const char* data, std::size_t size, const std::array<std::string_view, N>& names,
                         Members<N>& out) noexcept {
    if (size > max_body_size) return fail(Error::body_too_large);
    if (data == nullptr) data = "";  // an empty view may carry a null pointer
    if (scan_fast(data, data + size, names, out)) return {};
    return scan_general(data, data + size, names, out);
}

}  // namespace voip::detail

// docs/openapi.json, compiled in (CMake embeds it), so GET /openapi.json serves what is committed.
#pragma once
#include <string_view>

namespace voip_sandbox {
[[nodiscard]] std::string_view openapi_text() noexcept;
}

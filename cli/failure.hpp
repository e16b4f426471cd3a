// The one-line failure every part of voip-bundle throws for exit 2, and errno as text for it.
#pragma once
#include <cerrno>
#include <cstring>
#include <string>

namespace voip_cli {

// A failure the program reports in one line and exits 2 for.
struct Failure {
    std::string message;
};

inline std::string errno_text() { return std::strerror(errno); }
inline std::string errno_text(int e) { return std::strerror(e); }

}  // namespace voip_cli

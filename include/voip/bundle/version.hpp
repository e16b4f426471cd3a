// SPDX-License-Identifier: MIT
#pragma once
// Kept equal to project(VERSION) in CMakeLists.txt; a test checks it.
#define VOIP_BUNDLE_VERSION_MAJOR 0
#define VOIP_BUNDLE_VERSION_MINOR 1
#define VOIP_BUNDLE_VERSION_PATCH 0

namespace voip {
inline constexpr int version_major = VOIP_BUNDLE_VERSION_MAJOR;
inline constexpr int version_minor = VOIP_BUNDLE_VERSION_MINOR;
inline constexpr int version_patch = VOIP_BUNDLE_VERSION_PATCH;
}  // namespace voip

# Install rules: headers, a CMake package (find_package(voip_bundle CONFIG) -> voip::bundle)
# and a pkg-config file. Included by the top CMakeLists.txt when VOIP_BUNDLE_INSTALL is ON
# (the default only when this is the top-level project). Tested by tests/consumers/.
include(CMakePackageConfigHelpers)

# The target is voip_bundle in this tree (voip::bundle is its alias); exported, it is
# voip::bundle too.
set_target_properties(voip_bundle PROPERTIES EXPORT_NAME bundle)

# Header-only and architecture independent: the package goes under share/, which
# find_package searches on every platform, and pkg-config under share/pkgconfig.
set(VOIP_BUNDLE_INSTALL_CMAKEDIR "${CMAKE_INSTALL_DATADIR}/cmake/voip_bundle"
    CACHE STRING "Where to install voip_bundleConfig.cmake, relative to the prefix")
set(VOIP_BUNDLE_INSTALL_PKGCONFIGDIR "${CMAKE_INSTALL_DATADIR}/pkgconfig"
    CACHE STRING "Where to install voip_bundle.pc, relative to the prefix")
mark_as_advanced(VOIP_BUNDLE_INSTALL_CMAKEDIR VOIP_BUNDLE_INSTALL_PKGCONFIGDIR)

# All of include/: the core, the split headers and the optional adapters (JSON, nlohmann,
# fmt). The single header is not installed: it would take the same path as the umbrella.
install(DIRECTORY "${PROJECT_SOURCE_DIR}/include/"
        DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}"
        COMPONENT voip_bundle_development
        FILES_MATCHING PATTERN "*.hpp" PATTERN "*.h")

install(TARGETS voip_bundle EXPORT voip_bundleTargets)
install(EXPORT voip_bundleTargets
        NAMESPACE voip::
        FILE voip_bundleTargets.cmake
        DESTINATION "${VOIP_BUNDLE_INSTALL_CMAKEDIR}"
        COMPONENT voip_bundle_development)

configure_package_config_file(
  "${CMAKE_CURRENT_LIST_DIR}/voip_bundleConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/voip_bundleConfig.cmake"
  INSTALL_DESTINATION "${VOIP_BUNDLE_INSTALL_CMAKEDIR}")

# Before 1.0 a minor release may break the API (semantic versioning), so 0.x packages
# only satisfy requests for the same minor version.
if(PROJECT_VERSION_MAJOR EQUAL 0)
  set(_voip_bundle_compat SameMinorVersion)
else()
  set(_voip_bundle_compat SameMajorVersion)
endif()
write_basic_package_version_file(
  "${PROJECT_BINARY_DIR}/voip_bundleConfigVersion.cmake"
  VERSION "${PROJECT_VERSION}"
  COMPATIBILITY ${_voip_bundle_compat}
  ARCH_INDEPENDENT)
unset(_voip_bundle_compat)

install(FILES "${PROJECT_BINARY_DIR}/voip_bundleConfig.cmake"
              "${PROJECT_BINARY_DIR}/voip_bundleConfigVersion.cmake"
        DESTINATION "${VOIP_BUNDLE_INSTALL_CMAKEDIR}"
        COMPONENT voip_bundle_development)

# pkg-config: the prefix is found from the .pc file's own place (${pcfiledir}), so the
# file stays right after `cmake --install --prefix`, DESTDIR staging or moving the tree.
if(IS_ABSOLUTE "${VOIP_BUNDLE_INSTALL_PKGCONFIGDIR}" OR IS_ABSOLUTE "${CMAKE_INSTALL_INCLUDEDIR}")
  set(VOIP_BUNDLE_PC_PREFIX "${CMAKE_INSTALL_PREFIX}")
  if(IS_ABSOLUTE "${CMAKE_INSTALL_INCLUDEDIR}")
    set(VOIP_BUNDLE_PC_INCLUDEDIR "${CMAKE_INSTALL_INCLUDEDIR}")
  else()
    set(VOIP_BUNDLE_PC_INCLUDEDIR "\${prefix}/${CMAKE_INSTALL_INCLUDEDIR}")
  endif()
else()
  file(RELATIVE_PATH _voip_bundle_up "/root/${VOIP_BUNDLE_INSTALL_PKGCONFIGDIR}" "/root")
  string(REGEX REPLACE "/$" "" _voip_bundle_up "${_voip_bundle_up}")
  set(VOIP_BUNDLE_PC_PREFIX "\${pcfiledir}/${_voip_bundle_up}")
  set(VOIP_BUNDLE_PC_INCLUDEDIR "\${prefix}/${CMAKE_INSTALL_INCLUDEDIR}")
  unset(_voip_bundle_up)
endif()
configure_file("${CMAKE_CURRENT_LIST_DIR}/voip_bundle.pc.in" "${PROJECT_BINARY_DIR}/voip_bundle.pc" @ONLY)
install(FILES "${PROJECT_BINARY_DIR}/voip_bundle.pc"
        DESTINATION "${VOIP_BUNDLE_INSTALL_PKGCONFIGDIR}"
        COMPONENT voip_bundle_development)

install(FILES "${PROJECT_SOURCE_DIR}/LICENSE" DESTINATION "${CMAKE_INSTALL_DATADIR}/doc/voip_bundle")

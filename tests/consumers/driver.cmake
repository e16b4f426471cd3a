# Runs one consumer test in a scratch folder (cmake -P, started by ctest; see CMakeLists.txt).
#   -DMODE=find_package|add_subdirectory|fetchcontent|single_header|vcpkg_manifest
#   -DWORK=<scratch dir, emptied first> -DSOURCE=<checkout> -DCONSUMERS=<this folder>
#   -DCXX=<compiler> -DGENERATOR=<generator> -DSTD=<17|20> -DVERSION=<project version>
#   -DPKG_CONFIG=<pkg-config or empty> -DFMT_FOUND=<bool>
# Everything is built and run from WORK; nothing is downloaded.
cmake_minimum_required(VERSION 3.16)
foreach(v MODE WORK SOURCE CONSUMERS CXX GENERATOR STD VERSION)
  if(NOT DEFINED ${v} OR "${${v}}" STREQUAL "")
    message(FATAL_ERROR "driver.cmake: -D${v}=... is required")
  endif()
endforeach()
string(REGEX MATCH "^([0-9]+)\\.([0-9]+)" _ "${VERSION}")
set(VERSION_MAJOR "${CMAKE_MATCH_1}")
set(VERSION_MINOR "${CMAKE_MATCH_2}")

# Runs a command, echoing it; fails the test when its exit status is not `expect`.
function(run expect)
  string(REPLACE ";" " " shown "${ARGN}")
  message(STATUS "$ ${shown}")
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc)
  if(expect STREQUAL "0" AND NOT rc STREQUAL "0")
    message(FATAL_ERROR "failed (${rc}): ${shown}")
  elseif(expect STREQUAL "fail" AND rc STREQUAL "0")
    message(FATAL_ERROR "succeeded but must fail: ${shown}")
  endif()
endfunction()

# Configures, builds and runs a consumer project (its program is voip_consumer).
function(consumer project_dir binary_dir)
  # -Werror=dev: voip-bundle's CMake code must not put warnings in its users' configure.
  run(0 ${CMAKE_COMMAND} -S "${project_dir}" -B "${binary_dir}" -G "${GENERATOR}" -Wdev -Werror=dev
      "-DCMAKE_CXX_COMPILER=${CXX}" "-DCMAKE_CXX_STANDARD=${STD}" -DCMAKE_CXX_STANDARD_REQUIRED=ON
      -DCMAKE_CXX_EXTENSIONS=OFF -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF
      "-DVOIP_BUNDLE_CONSUMERS=${CONSUMERS}" "-DVOIP_BUNDLE_EXPECTED_VERSION=${VERSION}" ${ARGN})
  run(0 ${CMAKE_COMMAND} --build "${binary_dir}")
  run(0 "${binary_dir}/voip_consumer")
endfunction()

# A plain compiler command, no CMake: compile and link the consumer, then run it.
function(plain_compile expect exe)
  run(0 ${CXX} -std=c++${STD} -Wall -Wextra -Werror ${ARGN} -o "${exe}")
  run(${expect} "${exe}")
endfunction()

file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")
set(program "${CONSUMERS}/consumer.cpp" "${CONSUMERS}/consumer_tu2.cpp")

if(MODE STREQUAL "find_package")
  # 1. Configure the checkout as a user would for a package (tests and CLI off) with an
  #    install prefix elsewhere, then install it into WORK/prefix with --prefix.
  run(0 ${CMAKE_COMMAND} -S "${SOURCE}" -B "${WORK}/library" -G "${GENERATOR}"
      "-DCMAKE_CXX_COMPILER=${CXX}" -DVOIP_BUNDLE_TESTS=OFF -DVOIP_BUNDLE_CLI=OFF
      -DVOIP_BUNDLE_BENCHMARKS=OFF -DVOIP_BUNDLE_INSTALL=ON "-DCMAKE_INSTALL_PREFIX=${WORK}/not-here")
  run(0 ${CMAKE_COMMAND} --install "${WORK}/library" --prefix "${WORK}/prefix")
  set(prefix "${WORK}/prefix")
  foreach(f include/voip/bundle.hpp include/voip/bundle/version.hpp
            share/cmake/voip_bundle/voip_bundleConfig.cmake
            share/cmake/voip_bundle/voip_bundleConfigVersion.cmake
            share/cmake/voip_bundle/voip_bundleTargets.cmake share/pkgconfig/voip_bundle.pc)
    if(NOT EXISTS "${prefix}/${f}")
      message(FATAL_ERROR "not installed: ${f}")
    endif()
  endforeach()
  # Every header of include/ is installed, and nothing else under include/.
  file(GLOB_RECURSE wanted RELATIVE "${SOURCE}/include" "${SOURCE}/include/*.hpp")
  file(GLOB_RECURSE got RELATIVE "${prefix}/include" "${prefix}/include/*")
  list(SORT wanted)
  list(SORT got)
  if(NOT wanted STREQUAL got)
    message(FATAL_ERROR "installed headers differ from include/:\n  want ${wanted}\n  got  ${got}")
  endif()
  if(EXISTS "${WORK}/not-here")
    message(FATAL_ERROR "--prefix ignored: files went to the configure-time prefix")
  endif()

  # 2. The version file: same minor series only (0.x), any architecture (header-only).
  function(version_file_accepts requested sizeof_void_p expect)
    set(PACKAGE_FIND_VERSION "${requested}")
    string(REGEX MATCH "^([0-9]+)\\.([0-9]+)" _ "${requested}")
    set(PACKAGE_FIND_VERSION_MAJOR "${CMAKE_MATCH_1}")
    set(PACKAGE_FIND_VERSION_MINOR "${CMAKE_MATCH_2}")
    set(PACKAGE_FIND_VERSION_COUNT 2)
    set(CMAKE_SIZEOF_VOID_P ${sizeof_void_p})
    include("${prefix}/share/cmake/voip_bundle/voip_bundleConfigVersion.cmake")
    if(PACKAGE_VERSION_COMPATIBLE AND NOT PACKAGE_VERSION_UNSUITABLE)
      set(accepted TRUE)
    else()
      set(accepted FALSE)
    endif()
    if(NOT accepted STREQUAL expect)
      message(FATAL_ERROR "version file: request ${requested} (void* ${sizeof_void_p} bytes): "
                          "accepted=${accepted}, want ${expect}")
    endif()
    message(STATUS "version file: request ${requested}, void* ${sizeof_void_p} bytes: accepted=${accepted}")
  endfunction()
  math(EXPR next_minor "${VERSION_MINOR} + 1")
  math(EXPR next_major "${VERSION_MAJOR} + 1")
  version_file_accepts("${VERSION_MAJOR}.${VERSION_MINOR}" 8 TRUE)
  version_file_accepts("${VERSION_MAJOR}.${VERSION_MINOR}" 4 TRUE)  # ARCH_INDEPENDENT
  version_file_accepts("${VERSION_MAJOR}.${next_minor}" 8 FALSE)
  version_file_accepts("${next_major}.0" 8 FALSE)

  # 3. A CMake project: find_package(voip_bundle CONFIG) with the prefix on CMAKE_PREFIX_PATH.
  consumer("${CONSUMERS}/find_package" "${WORK}/consumer"
           "-DCMAKE_PREFIX_PATH=${prefix}" "-DVOIP_BUNDLE_PREFIX=${prefix}")

  # 4. pkg-config: the flags from the installed voip_bundle.pc, then a plain compile.
  if(PKG_CONFIG)
    set(ENV{PKG_CONFIG_PATH} "${prefix}/share/pkgconfig")
    execute_process(COMMAND "${PKG_CONFIG}" --modversion voip_bundle OUTPUT_VARIABLE pc_version
                    OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0 OR NOT pc_version STREQUAL VERSION)
      message(FATAL_ERROR "pkg-config --modversion voip_bundle: '${pc_version}' (${rc}), want ${VERSION}")
    endif()
    execute_process(COMMAND "${PKG_CONFIG}" --cflags voip_bundle OUTPUT_VARIABLE pc_cflags
                    OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0 OR NOT pc_cflags MATCHES "^-I")
      message(FATAL_ERROR "pkg-config --cflags voip_bundle: '${pc_cflags}' (${rc})")
    endif()
    separate_arguments(pc_cflags UNIX_COMMAND "${pc_cflags}")
    plain_compile(0 "${WORK}/pkg_config_consumer" ${pc_cflags}
                  "-DVOIP_BUNDLE_EXPECTED_VERSION=\"${VERSION}\"" ${program})
  else()
    message(STATUS "pkg-config not found: the .pc file is installed but not exercised")
  endif()

elseif(MODE STREQUAL "add_subdirectory")
  consumer("${CONSUMERS}/add_subdirectory" "${WORK}/consumer" "-DVOIP_BUNDLE_SOURCE=${SOURCE}")

elseif(MODE STREQUAL "fetchcontent")
  # A release archive of the checkout, as a user would download it (top folder included).
  set(stage "${WORK}/stage/voip-bundle-${VERSION}")
  file(MAKE_DIRECTORY "${stage}")
  foreach(entry CMakeLists.txt cmake include single_include LICENSE README.md)
    if(EXISTS "${SOURCE}/${entry}")
      file(COPY "${SOURCE}/${entry}" DESTINATION "${stage}")
    endif()
  endforeach()
  set(archive "${WORK}/voip-bundle-${VERSION}.tar.gz")
  execute_process(COMMAND ${CMAKE_COMMAND} -E tar czf "${archive}" "voip-bundle-${VERSION}"
                  WORKING_DIRECTORY "${WORK}/stage" RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "could not make ${archive}")
  endif()
  file(SHA256 "${archive}" sha256)
  consumer("${CONSUMERS}/fetchcontent" "${WORK}/consumer"
           "-DVOIP_BUNDLE_ARCHIVE=file://${archive}" "-DVOIP_BUNDLE_ARCHIVE_SHA256=${sha256}")

elseif(MODE STREQUAL "single_header")
  set(single "${SOURCE}/single_include")
  # The core single header: two translation units, the compiler's defaults otherwise.
  plain_compile(0 "${WORK}/single_header_consumer" -I "${single}"
                "-DVOIP_BUNDLE_EXPECTED_VERSION=\"${VERSION}\"" ${program})
  # The same program must notice a version that is not the project's.
  run(fail "${WORK}/single_header_consumer" 9999.0.0)
  # Every optional adapter single header together with the core in one program.
  file(GLOB adapters RELATIVE "${single}" "${single}/voip/bundle_*.hpp")
  list(SORT adapters)
  set(libs "")
  set(tu "// generated by tests/consumers/driver.cmake\n#include <voip/bundle.hpp>\n")
  foreach(a IN LISTS adapters)
    if(a STREQUAL "voip/bundle_fmt.hpp")
      if(NOT FMT_FOUND)
        continue()
      endif()
      list(APPEND libs -lfmt)
    endif()
    if(a STREQUAL "voip/bundle_rapidcheck.hpp")
      find_file(RAPIDCHECK_H rapidcheck.h)
      if(NOT RAPIDCHECK_H)
        continue()
      endif()
    endif()
    string(APPEND tu "#include <${a}>\n")
  endforeach()
  string(APPEND tu "#include <voip/bundle.hpp>\nint main() { return voip::version_major == VOIP_BUNDLE_VERSION_MAJOR ? 0 : 1; }\n")
  file(WRITE "${WORK}/adapters.cpp" "${tu}")
  message(STATUS "adapters compiled with the core: ${adapters}")
  plain_compile(0 "${WORK}/single_header_adapters" -I "${single}" "${WORK}/adapters.cpp" ${libs})

elseif(MODE STREQUAL "vcpkg_manifest")
  # vcpkg.json: valid JSON, the project's version, and a dependency (core or feature) for
  # every package the project's CMake files find.
  file(READ "${SOURCE}/vcpkg.json" manifest)
  string(JSON name GET "${manifest}" name)
  string(JSON manifest_version GET "${manifest}" version-semver)
  if(NOT manifest_version STREQUAL VERSION)
    message(FATAL_ERROR "vcpkg.json version-semver ${manifest_version} != project version ${VERSION}")
  endif()
  string(JSON n LENGTH "${manifest}" dependencies)
  set(core_deps "")
  math(EXPR last "${n} - 1")
  foreach(i RANGE ${last})
    string(JSON d GET "${manifest}" dependencies ${i})
    list(APPEND core_deps "${d}")
  endforeach()
  foreach(required date tl-expected)
    if(NOT required IN_LIST core_deps)
      message(FATAL_ERROR "vcpkg.json: ${required} must be a dependency of the library itself")
    endif()
  endforeach()
  set(all_deps ${core_deps})
  string(JSON nf LENGTH "${manifest}" features)
  math(EXPR last "${nf} - 1")
  foreach(i RANGE ${last})
    string(JSON feature MEMBER "${manifest}" features ${i})
    string(JSON nd LENGTH "${manifest}" features ${feature} dependencies)
    math(EXPR dlast "${nd} - 1")
    foreach(j RANGE ${dlast})
      string(JSON d GET "${manifest}" features ${feature} dependencies ${j})
      list(APPEND all_deps "${d}")
    endforeach()
  endforeach()
  file(GLOB cmake_files "${SOURCE}/CMakeLists.txt" "${SOURCE}/cmake/*.cmake" "${SOURCE}/*/CMakeLists.txt"
                        "${SOURCE}/*/*/CMakeLists.txt")
  set(found_packages "")
  foreach(f IN LISTS cmake_files)
    file(RELATIVE_PATH rel "${SOURCE}" "${f}")
    if(rel MATCHES "^build" OR rel MATCHES "^tests/consumers/")  # consumers find voip_bundle itself
      continue()
    endif()
    file(STRINGS "${f}" calls REGEX "^[ \t]*find_package\\([A-Za-z0-9_.-]+")  # calls, not comments
    foreach(call IN LISTS calls)
      string(REGEX MATCH "find_package\\(([A-Za-z0-9_.-]+)(.*)" _ "${call}")
      set(package "${CMAKE_MATCH_1}")
      if(package MATCHES "^(Python3?|Threads|PkgConfig|Git|Doxygen)$")  # tools, not libraries
        continue()
      endif()
      if(package STREQUAL "Boost")  # Boost components are ports of their own: boost-date-time
        string(REGEX MATCHALL "[a-z_]+" words "${CMAKE_MATCH_2}")
        list(FILTER words INCLUDE REGEX "^date_time$|^[a-z]+_[a-z]+$")
        set(ports "")
        foreach(w IN LISTS words)
          string(REPLACE "_" "-" w "${w}")
          list(APPEND ports "boost-${w}")
        endforeach()
      else()
        string(TOLOWER "${package}" port)
        string(REPLACE "_" "-" ports "${port}")
      endif()
      foreach(port IN LISTS ports)
        if(NOT port IN_LIST all_deps)
          message(FATAL_ERROR "${rel} finds ${package}, but vcpkg.json names no port ${port}")
        endif()
        list(APPEND found_packages "${package}->${port}")
      endforeach()
    endforeach()
  endforeach()
  list(REMOVE_DUPLICATES found_packages)
  message(STATUS "vcpkg.json (${name} ${manifest_version}) covers: ${found_packages}")

else()
  message(FATAL_ERROR "driver.cmake: unknown MODE ${MODE}")
endif()
message(STATUS "consumer ${MODE}: passed")

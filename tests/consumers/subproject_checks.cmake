# Shared by the add_subdirectory and FetchContent consumers: what a parent project may
# expect from voip-bundle as a subproject. Fails the consumer's configure on any breach.
function(voip_bundle_check_subproject dir)
  # Tests, CLI, benchmarks, install rules and -Werror are the top-level project's business.
  foreach(opt TESTS CLI BENCHMARKS INSTALL WERROR)
    if(VOIP_BUNDLE_${opt})
      message(FATAL_ERROR "VOIP_BUNDLE_${opt} is ON in a subproject; it must default to OFF")
    endif()
  endforeach()
  # Nothing but the library's own folder is added: no tests/, cli/, benchmarks/.
  get_directory_property(subdirs DIRECTORY "${dir}" SUBDIRECTORIES)
  if(subdirs)
    message(FATAL_ERROR "the subproject added folders: ${subdirs}")
  endif()
  # Only INTERFACE libraries: nothing of the subproject is compiled into the parent's build.
  get_directory_property(targets DIRECTORY "${dir}" BUILDSYSTEM_TARGETS)
  foreach(t IN LISTS targets)
    get_target_property(type ${t} TYPE)
    if(NOT type STREQUAL "INTERFACE_LIBRARY")
      message(FATAL_ERROR "the subproject defines a built target: ${t} (${type})")
    endif()
  endforeach()
  if(NOT TARGET voip::bundle)
    message(FATAL_ERROR "no target voip::bundle")
  endif()
  # The project's warnings stay on the project's own targets.
  get_target_property(options voip_bundle INTERFACE_COMPILE_OPTIONS)
  if(options)
    message(FATAL_ERROR "voip::bundle forces compile options on its users: ${options}")
  endif()
  message(STATUS "voip-bundle as a subproject: targets ${targets}; no options forced")
endfunction()

# The consumer program, built with the consumer's own strict-but-ordinary warnings.
function(voip_bundle_add_consumer src)
  add_executable(voip_consumer "${src}/consumer.cpp" "${src}/consumer_tu2.cpp" "${src}/consumer_lenient.cpp")
  target_compile_options(voip_consumer PRIVATE -Wall -Wextra -Werror)
  target_compile_definitions(voip_consumer PRIVATE VOIP_BUNDLE_EXPECTED_VERSION="${VOIP_BUNDLE_EXPECTED_VERSION}")
  target_link_libraries(voip_consumer PRIVATE voip::bundle)
endfunction()

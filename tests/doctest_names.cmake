# ctest's test list is a CMake list: doctest_discover_tests cuts a test case's name at its
# first ';', and the cut name then selects no test case, which doctest reports as a pass.
# Usage: cmake -DBINARY=<doctest binary> [-DEMULATOR=<cross emulator>] -P doctest_names.cmake
# (a POST_BUILD step)
execute_process(COMMAND ${EMULATOR} "${BINARY}" --list-test-cases --no-colors --no-version
                OUTPUT_VARIABLE listed RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "${BINARY} --list-test-cases failed (${status})")
endif()
string(FIND "${listed}" ";" at)
if(NOT at EQUAL -1)
  string(REPLACE ";" "<;>" shown "${listed}")
  message(FATAL_ERROR "a test case name holds ';' (ctest would never run it):\n${shown}")
endif()

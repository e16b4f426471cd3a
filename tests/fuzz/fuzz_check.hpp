#pragma once
// A check that stays on in every build type (assert() is off under NDEBUG) and that
// libFuzzer reports as a crash with the failed condition.
#include <cstdio>
#include <cstdlib>

#define FUZZ_CHECK(...)                                                                          \
    do {                                                                                         \
        if (!(__VA_ARGS__)) {                                                                      \
            std::fprintf(stderr, "%s:%d: FUZZ_CHECK failed: %s\n", __FILE__, __LINE__, #__VA_ARGS__); \
            std::abort();                                                                        \
        }                                                                                        \
    } while (false)

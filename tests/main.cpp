// doctest's implementation and main, compiled once (voip_doctest_main) for every doctest suite.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

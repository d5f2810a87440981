// Catch2's main for the server test binaries.
// Compiled once as an object library and linked into both.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

// Catch2 entry point for the core tests.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

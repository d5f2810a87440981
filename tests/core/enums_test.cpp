// Wire names of enums: what the API and URLs carry must round-trip and reject typos.
#include "core/model.hpp"

#include <catch2/catch.hpp>

using namespace dongelek;

TEMPLATE_TEST_CASE("every enum value round-trips through its wire name", "[core][enums]", Currency, Country, Body,
                   Fuel, Transmission, Drive, SellerKind, Sort)
{
    for (TestType v : allValues<TestType>()) {
        const auto name = toString(v);
        REQUIRE_FALSE(name.empty());
        REQUIRE(parseEnum<TestType>(name) == v);
    }
}

TEST_CASE("unknown or differently cased wire names are rejected", "[core][enums]")
{
    CHECK_FALSE(parseEnum<Sort>("cheapest").has_value());
    CHECK_FALSE(parseEnum<Body>("Sedan").has_value());
    CHECK_FALSE(parseEnum<Currency>("kzt").has_value());
    CHECK_FALSE(parseEnum<Fuel>("").has_value());
}

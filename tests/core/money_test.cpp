// Prices as buyers in each market read them, and the common scale used to compare them.
#include "core/money.hpp"

#include <catch2/catch.hpp>

using namespace dongelek;

TEST_CASE("tenge prices are grouped with spaces and end with the tenge sign", "[core][money]")
{
    CHECK(formatMoney({1'250'000'000, Currency::KZT}) == "12\xC2\xA0" "500\xC2\xA0" "000\xC2\xA0\xE2\x82\xB8");
    CHECK(formatMoney({0, Currency::KZT}) == "0\xC2\xA0\xE2\x82\xB8");
    CHECK(formatMoney({150, Currency::KZT}) == "1,50\xC2\xA0\xE2\x82\xB8");
}

TEST_CASE("dinar prices start with BD, use commas, and show fils only when present", "[core][money]")
{
    CHECK(formatMoney({8'750'000, Currency::BHD}) == "BD\xC2\xA0" "8,750");
    CHECK(formatMoney({8'750'500, Currency::BHD}) == "BD\xC2\xA0" "8,750.500");
    CHECK(formatMoney({1'005, Currency::BHD}) == "BD\xC2\xA0" "1.005");
}

TEST_CASE("prices in both currencies compare on one tenge scale", "[core][money]")
{
    CHECK(toKztWhole({1'250'000'000, Currency::KZT}) == 12'500'000);
    CHECK(toKztWhole({8'000'000, Currency::BHD}) == 8'000 * kKztPerBhd);
    CHECK(boundToKztWhole(10'000, Currency::BHD) == 10'000 * kKztPerBhd);
    CHECK(boundToKztWhole(5'000'000, Currency::KZT) == 5'000'000);
}

TEST_CASE("digit grouping handles edge values", "[core][money]")
{
    CHECK(groupDigits(999, ",") == "999");
    CHECK(groupDigits(1000, ",") == "1,000");
    CHECK(groupDigits(-1234567, ",") == "-1,234,567");
    CHECK(groupDigits(INT64_MIN, ",") == "-9,223,372,036,854,775,808");
}

// The one percent-decoder and query splitter every side uses: strict escapes, '+' as a
// space only in query strings, and the first-match parameter lookup the app relies on.
#include "core/url.hpp"

#include <catch2/catch.hpp>

#include <utility>
#include <vector>

using namespace dongelek;

TEST_CASE("percent decoding", "[core][url]")
{
    std::string out;
    CHECK(percentDecode("%D0%90%20b+c", out, Plus::Space));
    CHECK(out == "А b c");
    CHECK_FALSE(percentDecode("%4", out, Plus::Space));
    CHECK_FALSE(percentDecode("%", out, Plus::Space));
    CHECK(percentEncode("a b/Ә") == "a%20b%2F%D3%98");
}

TEST_CASE("'+' is a space in query strings and itself in paths", "[core][url]")
{
    std::string out;
    REQUIRE(percentDecode("/a+b%2Bc", out));
    CHECK(out == "/a+b+c");
    REQUIRE(percentDecode("a+b%2Bc", out, Plus::Space));
    CHECK(out == "a b+c");
    REQUIRE(percentDecode("%e2%82%AC", out)); // either hex case
    CHECK(out == "€");
    CHECK_FALSE(percentDecode("/x%G1", out));
    CHECK_FALSE(percentDecode("/x%0", out));
    CHECK_FALSE(percentDecode("%%41", out));
    REQUIRE(percentDecode("", out));
    CHECK(out.empty());
}

TEST_CASE("encoding keeps only unreserved characters and round-trips", "[core][url]")
{
    const std::string text = "Land Cruiser & Қазақ 100%+=?#/";
    const std::string encoded = percentEncode(text);
    CHECK(encoded.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~%") ==
          std::string::npos);
    std::string back;
    REQUIRE(percentDecode(encoded, back, Plus::Space));
    CHECK(back == text);
}

TEST_CASE("the query splitter yields raw pairs in order and skips empty ones", "[core][url]")
{
    std::vector<std::pair<std::string, std::string>> seen;
    forEachQueryParam("a=1&&b&c=x%20y&=v&d=", [&](std::string_view k, std::string_view v) {
        seen.emplace_back(std::string(k), std::string(v));
    });
    const std::vector<std::pair<std::string, std::string>> expected = {
        {"a", "1"}, {"b", ""}, {"c", "x%20y"}, {"", "v"}, {"d", ""}};
    CHECK(seen == expected);
}

TEST_CASE("queryParam finds the first parameter by its decoded name", "[core][url]")
{
    CHECK(queryParam("q=land+cruiser&q=other", "q") == std::optional<std::string>("land cruiser"));
    CHECK(queryParam("%71=%D0%90", "q") == std::optional<std::string>("А"));
    CHECK(queryParam("make=3", "q") == std::nullopt);
    CHECK(queryParam("q=%ZZ", "q") == std::nullopt);
    CHECK(queryParam("q", "q") == std::optional<std::string>(""));
}

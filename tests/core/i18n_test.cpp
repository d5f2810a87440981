// Text lookup: a missing translation falls back to English, never to a blank label.
#include "core/i18n.hpp"

#include <catch2/catch.hpp>

using namespace dongelek;

TEST_CASE("a language falls back to English key by key", "[core][i18n]")
{
    Strings s;
    REQUIRE(s.load("ru", R"({"app.title": "Донгелек"})", R"({"app.title": "Dongelek", "browse.sort": "Sort"})"));
    CHECK(std::string(s.get("app.title")) == "Донгелек");
    CHECK(std::string(s.get("browse.sort")) == "Sort");
    CHECK(s.language() == "ru");
}

TEST_CASE("a missing key shows itself, not an empty string", "[core][i18n]")
{
    Strings s;
    s.load("en", "", R"({})");
    CHECK(std::string(s.get("no.such.key")) == "no.such.key");
}

TEST_CASE("placeholders are replaced, repeatedly and with Cyrillic", "[core][i18n]")
{
    Strings s;
    s.load("kk", R"({"browse.total": "{count} көлік · {count}"})", "");
    CHECK(s.format("browse.total", {{"count", "5 000"}}) == "5 000 көлік · 5 000");
    CHECK(placeholdersOf("{b} and {a} {b}") == std::vector<std::string>{"a", "b", "b"});
}

TEST_CASE("values go in as they are: a value holding a placeholder is not filled again", "[core][i18n]")
{
    Strings s;
    s.load("en", "", R"({"t": "{title}, {year} {other} {open"})");
    CHECK(s.format("t", {{"title", "Camry {year} {title}"}, {"year", "2018"}}) == "Camry {year} {title}, 2018 {other} {open");
}

TEST_CASE("a malformed locale file is reported and English still works", "[core][i18n]")
{
    Strings s;
    std::string error;
    CHECK_FALSE(s.load("ru", "{broken", R"({"k": "v"})", &error));
    CHECK_FALSE(error.empty());
    CHECK(std::string(s.get("k")) == "v");
}

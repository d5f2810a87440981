// UTF-8 validation guards every text a client sends; truncation must never split a letter.
#include "core/utf8.hpp"

#include <catch2/catch.hpp>

using namespace dongelek;

TEST_CASE("valid UTF-8 including Kazakh letters is accepted", "[core][utf8]")
{
    CHECK(utf8::isValid("Toyota Camry"));
    CHECK(utf8::isValid("Қазақстан ӘҒҚҢӨҰҮҺІ"));
    CHECK(utf8::isValid("\xE2\x82\xB8")); // ₸
    CHECK(utf8::isValid("\xF0\x9F\x9A\x97")); // 🚗
    CHECK(utf8::isValid(""));
}

TEST_CASE("malformed UTF-8 is rejected", "[core][utf8]")
{
    CHECK_FALSE(utf8::isValid("\xFF\xFE"));
    CHECK_FALSE(utf8::isValid("\xC0\xAF"));         // overlong '/'
    CHECK_FALSE(utf8::isValid("\xED\xA0\x80"));     // UTF-16 surrogate
    CHECK_FALSE(utf8::isValid("\xF4\x90\x80\x80")); // past U+10FFFF
    CHECK_FALSE(utf8::isValid("abc\xD0"));          // truncated sequence
}

TEST_CASE("length and truncate count code points, not bytes", "[core][utf8]")
{
    CHECK(utf8::length("Алматы") == 6);
    CHECK(utf8::truncate("Алматы", 3) == "Алм");
    CHECK(utf8::truncate("abc", 10) == "abc");
    CHECK(utf8::truncate("Ә", 0).empty());
}

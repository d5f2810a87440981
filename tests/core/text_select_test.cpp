// What a double-click or a long press selects: whole words of any script, numbers with their point.
#include "core/text_select.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <string_view>

using namespace dongelek;

namespace {
std::string wordOf(std::string_view s, std::string_view inside)
{
    const text::Range r = text::wordAt(s, s.find(inside));
    return std::string(s.substr(r.begin, r.end - r.begin));
}
} // namespace

TEST_CASE("a double-click selects the word under it, in Latin, Cyrillic and Kazakh letters", "[text_select]")
{
    CHECK(wordOf("Toyota Camry 2.5", "amry") == "Camry");
    CHECK(wordOf("Toyota Camry 2.5", "Toy") == "Toyota");
    CHECK(wordOf("Продаю Тойоту, не бита", "йоту") == "Тойоту");
    CHECK(wordOf("Қазақстан бойынша жеткізу", "ақстан") == "Қазақстан");
    CHECK(wordOf("VIN JTDBR32E720123456", "R32") == "JTDBR32E720123456");
}

TEST_CASE("a number keeps its decimal point, spaces, dashes and currency signs stand alone", "[text_select]")
{
    CHECK(wordOf("engine 2.5 l", "2.5") == "2.5");
    CHECK(wordOf("end of sentence. Next", "sentence") == "sentence");
    const std::string price = "12\u202F500\u202F000 \u20B8";
    CHECK(wordOf(price, "500") == "500");
    CHECK(wordOf(price, "\u20B8") == "\u20B8");
    CHECK(wordOf("Almaty \u2014 Astana", "\u2014") == "\u2014");
    CHECK(wordOf("a  b", " ") == " ");
}

TEST_CASE("offsets inside a letter, past the end or in empty text are safe", "[text_select]")
{
    const std::string s = "Жол";
    CHECK(text::snapToCodePoint(s, 1) == 0);
    CHECK(text::nextCodePoint(s, 0) == 2);
    const text::Range end = text::wordAt(s, 99);
    CHECK(end.begin == 0);
    CHECK(end.end == s.size());
    CHECK(text::wordAt("", 0).empty());
}

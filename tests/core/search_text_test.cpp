// How free text is folded and matched: both scripts meet, typos within a budget.
#include "core/search_text.hpp"

#include <catch2/catch.hpp>

using namespace dongelek::search;

TEST_CASE("Latin and Cyrillic spellings of a name fold to one key", "[core][search]")
{
    CHECK(foldWord("Toyota") == foldWord("Тойота"));
    CHECK(foldWord("Camry") == foldWord("Камри"));
    CHECK(foldWord("kamri") == foldWord("Camry"));
    CHECK(foldWord("КАМРИ") == foldWord("camry"));
    CHECK(foldWord("Jeep") == foldWord("Джип"));
    CHECK(foldWord("Honda") == foldWord("Хонда"));
    CHECK(foldWord("Lexus") == foldWord("Лексус"));
    CHECK(foldWord("Škoda") == "skoda");
    CHECK(withinEdits(foldWord("Škoda"), foldWord("Шкода"), 1)); // "shkoda": one letter, within a typo
    // Kazakh letters.
    CHECK(foldWord("Қазақстан") == "kazakstan");
    CHECK(foldWord("Өскемен") == "oskemen");
    CHECK(foldWord("ұзын") == foldWord("үзын"));
}

TEST_CASE("numbers stay numbers, words split at punctuation", "[core][search]")
{
    CHECK(tokens("Toyota Camry 2.5, 2018 г.") == std::vector<std::string>{"toiota", "kamri", "2.5", "2018", "g"});
    CHECK(tokens("Land-Cruiser/Prado") == std::vector<std::string>{"land", "kruiser", "prado"});
    CHECK(foldWord("2000") == "2000"); // doubled letters collapse, digits do not
    CHECK(foldWord("Mitsubishi") == "mitsubishi");
    CHECK(tokens("").empty());
    CHECK(tokens("  - * () ").empty());
    CHECK(tokens("\xff\xfe camry").size() == 1); // invalid bytes are dropped, not crashed on
}

TEST_CASE("typos: a budget by length, swaps count once", "[core][search]")
{
    CHECK(typoBudget(3) == 0);
    CHECK(typoBudget(5) == 1);
    CHECK(typoBudget(9) == 2);
    CHECK(withinEdits(foldWord("toyta"), foldWord("toyota"), 1));  // a missing letter
    CHECK(withinEdits(foldWord("kamry"), foldWord("camry"), 0));   // the folding already agrees
    CHECK(withinEdits("hnoda", "honda", 1));                        // two letters swapped
    CHECK(withinEdits("mersedes", "merkedes", 1));
    CHECK_FALSE(withinEdits("kia", "kio", 0));
    CHECK_FALSE(withinEdits("nissan", "mazda", 2));
    CHECK_FALSE(withinEdits("a", "abcd", 2)); // lengths too far apart
    CHECK(withinEdits("volksvagen", "folksvagen", 2));
}

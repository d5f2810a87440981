// How free text is matched: one folding of words shared by the search index (what
// listings contain) and the query (what the user typed), so "Камри", "kamri" and "Camry"
// become the same key, and a bounded edit distance for typos ("toyta", "kamry").
//
// Folding, in order:
// 1. lower case (ASCII, Latin-1 accents dropped, Cyrillic with the Kazakh letters);
// 2. Cyrillic to Latin by sound (ж zh, ш sh, ч ch, ц ts, х h, й/ы/и i, ю iu, я ia; Kazakh
//    ә a, ғ g, қ k, ң n, ө o, ұ ү u, һ h, і i), ъ ь dropped;
// 3. Latin spellings that sound alike made one: c/q/ck -> k (but ch stays), y -> i, w -> v,
//    x -> ks, ph -> f, dzh -> j, ee -> i, oo -> u;
// 4. a doubled letter written once.
// So "Тойота" and "Toyota" -> "toiota", "Джип" and "Jeep" -> "jip", "Хонда" -> "honda".
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace dongelek::search {

// The folded key of one word (no spaces in it). Digits and '.' between digits stay ("2.5").
std::string foldWord(std::string_view word);

// The words of `text` as written (views into it), split as tokens() splits them.
std::vector<std::string_view> rawWords(std::string_view text);

// Splits text into words at spaces and punctuation (a '.' between digits is kept, so
// "2.5" is one word), folds each, and drops empty ones. Invalid UTF-8 bytes are dropped.
std::vector<std::string> tokens(std::string_view text);

// How many typos a folded word of this length may carry and still match: none under 4
// letters ("kia" must not find "kio"), 1 up to 7, 2 from 8 on.
int typoBudget(std::size_t foldedLength);

// True when the optimal-string-alignment distance (insert, delete, replace, swap two
// neighbours) between a and b is at most maxEdits. Stops early; O(len * maxEdits).
bool withinEdits(std::string_view a, std::string_view b, int maxEdits);

// True for a word of digits only (years, "2.5" is not one).
bool isNumber(std::string_view folded);

} // namespace dongelek::search

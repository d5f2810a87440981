// What a double-click (or a long press) on text selects: the word under it, in any script.
// Byte offsets into UTF-8 text; platform-free so the rules are unit-tested natively.
#pragma once

#include <cstddef>
#include <string_view>

namespace dongelek::text {

struct Range {
    std::size_t begin = 0, end = 0; // [begin, end) in bytes
    bool empty() const { return begin >= end; }
};

// The start of the code point that byte `at` is in (never inside a UTF-8 sequence).
std::size_t snapToCodePoint(std::string_view s, std::size_t at);
// The byte offset of the code point after the one starting at `at`.
std::size_t nextCodePoint(std::string_view s, std::size_t at);
// The word around byte `at`: a run of letters and digits of any script ("Camry", "Тойота",
// "Қазақстан", "2.5": a point or comma between digits belongs to the number). On a space or a
// punctuation mark, just that one character. At the end of the text, the last word.
Range wordAt(std::string_view s, std::size_t at);

} // namespace dongelek::text

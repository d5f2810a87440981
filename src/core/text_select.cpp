#include "core/text_select.hpp"

#include <cstdint>

namespace dongelek::text {

namespace {

bool continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

std::uint32_t decodeAt(std::string_view s, std::size_t at)
{
    const auto c = static_cast<unsigned char>(s[at]);
    if (c < 0x80) return c;
    const std::size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    std::uint32_t cp = c & (n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07);
    for (std::size_t i = 1; i < n && at + i < s.size(); ++i) cp = (cp << 6) | (static_cast<unsigned char>(s[at + i]) & 0x3F);
    return cp;
}

// Letters and digits: ASCII ones, and every non-ASCII code point except spaces, dashes, quotes,
// bullets and the other punctuation our texts carry (prices use thin no-break spaces).
bool wordChar(std::uint32_t cp)
{
    if (cp < 0x80) return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || cp == '_';
    if (cp == 0x00A0 || cp == 0x00AB || cp == 0x00BB || cp == 0x00B7 || cp == 0x00A9 || cp == 0x00AE) return false;
    if (cp >= 0x2000 && cp <= 0x206F) return false; // general punctuation: spaces, dashes, quotes, …
    if (cp >= 0x20A0 && cp <= 0x20CF) return false; // currency signs (₸, €)
    if (cp == 0x3000) return false;
    return true;
}

bool digit(std::uint32_t cp) { return cp >= '0' && cp <= '9'; }

std::size_t prevCodePoint(std::string_view s, std::size_t at)
{
    if (at == 0) return 0;
    std::size_t i = at - 1;
    while (i > 0 && continuation(static_cast<unsigned char>(s[i]))) --i;
    return i;
}

// Whether the code point at `i` is inside a word: a letter or digit, or a '.' or ',' between digits.
bool inWord(std::string_view s, std::size_t i)
{
    const std::uint32_t cp = decodeAt(s, i);
    if (wordChar(cp)) return true;
    if ((cp == '.' || cp == ',') && i > 0 && i + 1 < s.size())
        return digit(decodeAt(s, prevCodePoint(s, i))) && digit(decodeAt(s, i + 1));
    return false;
}

} // namespace

std::size_t snapToCodePoint(std::string_view s, std::size_t at)
{
    if (at >= s.size()) return s.size();
    while (at > 0 && continuation(static_cast<unsigned char>(s[at]))) --at;
    return at;
}

std::size_t nextCodePoint(std::string_view s, std::size_t at)
{
    if (at >= s.size()) return s.size();
    ++at;
    while (at < s.size() && continuation(static_cast<unsigned char>(s[at]))) ++at;
    return at;
}

Range wordAt(std::string_view s, std::size_t at)
{
    if (s.empty()) return {};
    at = snapToCodePoint(s, at);
    if (at >= s.size()) at = prevCodePoint(s, s.size());
    if (!inWord(s, at)) return {at, nextCodePoint(s, at)};
    std::size_t begin = at;
    while (begin > 0) {
        const std::size_t p = prevCodePoint(s, begin);
        if (!inWord(s, p)) break;
        begin = p;
    }
    std::size_t end = nextCodePoint(s, at);
    while (end < s.size() && inWord(s, end)) end = nextCodePoint(s, end);
    return {begin, end};
}

} // namespace dongelek::text

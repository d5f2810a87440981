// Word folding and typo distance for the free-text search; see search_text.hpp.

#include "search_text.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>

namespace dongelek::search {

namespace {

// Decodes one code point at s[i] and advances i; invalid bytes give 0 (dropped).
char32_t nextCodePoint(std::string_view s, std::size_t& i)
{
    const auto b = static_cast<unsigned char>(s[i]);
    int extra = 0;
    char32_t cp = 0;
    if (b < 0x80) {
        ++i;
        return b;
    } else if ((b & 0xE0) == 0xC0) {
        extra = 1;
        cp = b & 0x1F;
    } else if ((b & 0xF0) == 0xE0) {
        extra = 2;
        cp = b & 0x0F;
    } else if ((b & 0xF8) == 0xF0) {
        extra = 3;
        cp = b & 0x07;
    } else {
        ++i;
        return 0;
    }
    std::size_t j = i + 1;
    for (int k = 0; k < extra; ++k, ++j) {
        if (j >= s.size() || (static_cast<unsigned char>(s[j]) & 0xC0) != 0x80) {
            i = j;
            return 0;
        }
        cp = (cp << 6) | (static_cast<unsigned char>(s[j]) & 0x3F);
    }
    i = j;
    return cp;
}

// Russian lower-case letters а..я (U+0430..U+044F) by sound.
constexpr std::array<const char*, 32> kRussian{
    "a", "b", "v", "g", "d", "e", "zh", "z", "i", "i", "k",  "l",  "m",  "n", "o",  "p",
    "r", "s", "t", "u", "f", "h", "ts", "ch", "sh", "sh", "", "i", "", "e", "iu", "ia"};

// The Latin spelling of one lower-cased code point: letters, digits or nothing (a separator
// is reported through `separator`).
std::string_view latinOf(char32_t cp, bool& separator)
{
    separator = false;
    if (cp >= 'A' && cp <= 'Z') cp += 32;
    if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) {
        static const std::string ascii = "abcdefghijklmnopqrstuvwxyz0123456789";
        const std::size_t at = cp >= 'a' ? cp - 'a' : 26 + (cp - '0');
        return std::string_view(ascii).substr(at, 1);
    }
    // Cyrillic capitals to lower case.
    if (cp >= 0x0410 && cp <= 0x042F) cp += 0x20;
    else if (cp >= 0x0400 && cp <= 0x040F) cp += 0x50;
    else if (cp >= 0x0490 && cp <= 0x04FF && (cp & 1) == 0) cp += 1; // Kazakh pairs: capital even
    if (cp >= 0x0430 && cp <= 0x044F) return kRussian[cp - 0x0430];
    switch (cp) {
    case 0x0451: return "e";  // ё
    case 0x0456: return "i";  // і
    case 0x04D9: return "a";  // ә
    case 0x0493: return "g";  // ғ
    case 0x049B: return "k";  // қ
    case 0x04A3: return "n";  // ң
    case 0x04E9: return "o";  // ө
    case 0x04B1: return "u";  // ұ
    case 0x04AF: return "u";  // ү
    case 0x04BB: return "h";  // һ
    // Latin letters with accents (German, French, Turkish spellings of makes).
    case 0xE0: case 0xE1: case 0xE2: case 0xE3: case 0xE4: case 0xE5: case 0xC0: case 0xC1: case 0xC2: case 0xC3: case 0xC4: case 0xC5: return "a";
    case 0xE7: case 0xC7: case 0x010D: case 0x010C: return "c";
    case 0xE8: case 0xE9: case 0xEA: case 0xEB: case 0xC8: case 0xC9: case 0xCA: case 0xCB: return "e";
    case 0xEC: case 0xED: case 0xEE: case 0xEF: case 0xCC: case 0xCD: case 0xCE: case 0xCF: case 0x0131: return "i";
    case 0xF1: case 0xD1: return "n";
    case 0xF2: case 0xF3: case 0xF4: case 0xF5: case 0xF6: case 0xF8: case 0xD2: case 0xD3: case 0xD4: case 0xD5: case 0xD6: case 0xD8: return "o";
    case 0xF9: case 0xFA: case 0xFB: case 0xFC: case 0xD9: case 0xDA: case 0xDB: case 0xDC: return "u";
    case 0xFD: case 0xFF: case 0xDD: return "y";
    case 0xDF: return "ss";
    case 0x0161: case 0x0160: case 0x015F: case 0x015E: return "s";
    case 0x017E: case 0x017D: return "z";
    case 0x011F: case 0x011E: return "g";
    default: break;
    }
    separator = true;
    return {};
}

bool isLetter(char c)
{
    return c >= 'a' && c <= 'z';
}

// Step 3 and 4 of the folding on a lower-case Latin word.
std::string soundAlike(const std::string& w)
{
    std::string out;
    out.reserve(w.size());
    for (std::size_t i = 0; i < w.size(); ++i) {
        const char c = w[i];
        const char n = i + 1 < w.size() ? w[i + 1] : '\0';
        if (c == 'd' && n == 'z' && i + 2 < w.size() && w[i + 2] == 'h') {
            out += 'j';
            i += 2;
        } else if (c == 'c' && n == 'h') {
            out += "ch";
            ++i;
        } else if (c == 'c' && n == 'k') {
            out += 'k';
            ++i;
        } else if (c == 'c' || c == 'q') {
            out += 'k';
        } else if (c == 'p' && n == 'h') {
            out += 'f';
            ++i;
        } else if (c == 'x') {
            out += "ks";
        } else if (c == 'w') {
            out += 'v';
        } else if (c == 'y') {
            out += 'i';
        } else if (c == 'e' && n == 'e') {
            out += 'i';
            ++i;
        } else if (c == 'o' && n == 'o') {
            out += 'u';
            ++i;
        } else {
            out += c;
        }
    }
    // A doubled letter once (digits stay: "2000").
    std::string folded;
    folded.reserve(out.size());
    for (char c : out)
        if (folded.empty() || c != folded.back() || !isLetter(c)) folded += c;
    return folded;
}

} // namespace

std::string foldWord(std::string_view word)
{
    std::string latin;
    latin.reserve(word.size());
    std::size_t i = 0;
    while (i < word.size()) {
        const char32_t cp = nextCodePoint(word, i);
        bool separator = false;
        const std::string_view l = latinOf(cp, separator);
        if (!separator) latin += l;
        else if (cp == '.') latin += '.';
    }
    // '.' only between digits.
    std::string clean;
    for (std::size_t k = 0; k < latin.size(); ++k) {
        if (latin[k] != '.') {
            clean += latin[k];
            continue;
        }
        const bool digitBefore = !clean.empty() && clean.back() >= '0' && clean.back() <= '9';
        const bool digitAfter = k + 1 < latin.size() && latin[k + 1] >= '0' && latin[k + 1] <= '9';
        if (digitBefore && digitAfter) clean += '.';
    }
    return soundAlike(clean);
}

std::vector<std::string_view> rawWords(std::string_view text)
{
    std::vector<std::string_view> out;
    std::size_t start = std::string_view::npos; // start of the current word
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t at = i;
        const char32_t cp = nextCodePoint(text, i);
        bool separator = false;
        latinOf(cp, separator);
        const bool digitDot = cp == '.' && start != std::string_view::npos && at > 0 && text[at - 1] >= '0' &&
                              text[at - 1] <= '9' && i < text.size() && text[i] >= '0' && text[i] <= '9';
        if (separator && !digitDot) {
            if (start != std::string_view::npos) out.push_back(text.substr(start, at - start));
            start = std::string_view::npos;
            continue;
        }
        if (start == std::string_view::npos) start = at;
    }
    if (start != std::string_view::npos) out.push_back(text.substr(start));
    return out;
}

std::vector<std::string> tokens(std::string_view text)
{
    std::vector<std::string> out;
    for (std::string_view w : rawWords(text)) {
        std::string folded = foldWord(w);
        if (!folded.empty()) out.push_back(std::move(folded));
    }
    return out;
}

int typoBudget(std::size_t n)
{
    return n < 4 ? 0 : n < 8 ? 1 : 2;
}

bool withinEdits(std::string_view a, std::string_view b, int maxEdits)
{
    const int la = static_cast<int>(a.size()), lb = static_cast<int>(b.size());
    if (std::abs(la - lb) > maxEdits) return false;
    if (maxEdits == 0) return a == b;
    if (la > 40 || lb > 40) return false; // no word in a car listing is that long
    // Three rows of the optimal-string-alignment table.
    std::array<int, 42> prev2{}, prev{}, cur{};
    for (int j = 0; j <= lb; ++j)
        prev[j] = j;
    for (int i = 1; i <= la; ++i) {
        cur[0] = i;
        int rowMin = cur[0];
        for (int j = 1; j <= lb; ++j) {
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            int v = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) v = std::min(v, prev2[j - 2] + 1);
            cur[j] = v;
            rowMin = std::min(rowMin, v);
        }
        if (rowMin > maxEdits) return false;
        prev2 = prev;
        prev = cur;
    }
    return prev[lb] <= maxEdits;
}

bool isNumber(std::string_view folded)
{
    return !folded.empty() && std::all_of(folded.begin(), folded.end(), [](char c) { return c >= '0' && c <= '9'; });
}

} // namespace dongelek::search

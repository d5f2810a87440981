// Escaping walks the text once by code point: a strict UTF-8 decoder (no overlong forms, no
// surrogates, nothing above U+10FFFF) decides what is kept, replaced or dropped.

#include "server/features/pages/markup.hpp"

#include <cstdint>

namespace dongelek::server::pages {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD"; // U+FFFD

// The code point starting at s[i] and its length in bytes; length 0 for an invalid sequence.
struct Decoded {
    std::uint32_t cp = 0;
    std::size_t length = 0;
};

Decoded decodeAt(std::string_view s, std::size_t i)
{
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char b0 = byte(i);
    if (b0 < 0x80) return {b0, 1};
    std::size_t n = 0;
    std::uint32_t cp = 0, min = 0;
    if ((b0 & 0xE0) == 0xC0) {
        n = 2, cp = b0 & 0x1F, min = 0x80;
    } else if ((b0 & 0xF0) == 0xE0) {
        n = 3, cp = b0 & 0x0F, min = 0x800;
    } else if ((b0 & 0xF8) == 0xF0) {
        n = 4, cp = b0 & 0x07, min = 0x10000;
    } else {
        return {};
    }
    if (i + n > s.size()) return {};
    for (std::size_t k = 1; k < n; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) return {};
        cp = (cp << 6) | (byte(i + k) & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return {};
    return {cp, n};
}

enum class Dialect { Html, Xml };

void appendEscaped(std::string& out, std::string_view text, Dialect dialect)
{
    out.reserve(out.size() + text.size() + text.size() / 8);
    std::size_t i = 0;
    while (i < text.size()) {
        const Decoded d = decodeAt(text, i);
        if (d.length == 0) {
            out += kReplacement;
            ++i;
            continue;
        }
        const std::uint32_t cp = d.cp;
        switch (cp) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default:
            if (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') break; // not allowed in HTML or XML text
            if (dialect == Dialect::Xml && (cp == 0xFFFE || cp == 0xFFFF)) break;
            out.append(text.substr(i, d.length));
        }
        i += d.length;
    }
}

bool isSpace(std::uint32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' || cp == 0xA0;
}

} // namespace

void appendHtml(std::string& out, std::string_view text)
{
    appendEscaped(out, text, Dialect::Html);
}

std::string html(std::string_view text)
{
    std::string out;
    appendEscaped(out, text, Dialect::Html);
    return out;
}

void appendXml(std::string& out, std::string_view text)
{
    appendEscaped(out, text, Dialect::Xml);
}

std::string jsonForScript(const nlohmann::json& value)
{
    const std::string json = value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    std::string out;
    out.reserve(json.size() + 16);
    for (std::size_t i = 0; i < json.size(); ++i) {
        const char c = json[i];
        if (c == '<') {
            out += "\\u003c";
        } else if (c == '>') {
            out += "\\u003e";
        } else if (c == '&') {
            out += "\\u0026";
        } else if (c == '\xE2' && i + 2 < json.size() && json[i + 1] == '\x80' &&
                   (json[i + 2] == '\xA8' || json[i + 2] == '\xA9')) {
            // U+2028 and U+2029 end a line in older JavaScript parsers.
            out += json[i + 2] == '\xA8' ? "\\u2028" : "\\u2029";
            i += 2;
        } else {
            out += c;
        }
    }
    return out;
}

std::string summarize(std::string_view text, std::size_t maxCodePoints)
{
    std::string out;
    std::size_t count = 0;
    std::size_t lastSpace = std::string::npos; // byte offset in `out` of the last space written
    std::size_t countAtSpace = 0;
    bool pendingSpace = false;
    bool cut = false;
    std::size_t i = 0;
    while (i < text.size()) {
        Decoded d = decodeAt(text, i);
        std::string_view bytes = d.length ? text.substr(i, d.length) : kReplacement;
        i += d.length ? d.length : 1;
        if (d.length && isSpace(d.cp)) {
            pendingSpace = !out.empty();
            continue;
        }
        if (d.length && d.cp < 0x20) continue;
        const std::size_t needed = (pendingSpace ? 1 : 0) + 1;
        if (count + needed > maxCodePoints) {
            cut = true;
            break;
        }
        if (pendingSpace) {
            lastSpace = out.size();
            countAtSpace = count;
            out += ' ';
            ++count;
            pendingSpace = false;
        }
        out.append(bytes);
        ++count;
    }
    if (!cut) return out;
    // Room for the ellipsis, and a cut at a word boundary unless that loses too much.
    if (lastSpace != std::string::npos && countAtSpace + 1 >= maxCodePoints * 2 / 3 && countAtSpace < maxCodePoints) {
        out.resize(lastSpace);
    } else {
        // Drop one code point to make room for the ellipsis.
        std::size_t end = out.size();
        while (end > 0 && (static_cast<unsigned char>(out[end - 1]) & 0xC0) == 0x80)
            --end;
        if (end > 0) out.resize(end - 1);
    }
    while (!out.empty() && (out.back() == ' ' || out.back() == ',' || out.back() == '.' || out.back() == ';'))
        out.pop_back();
    out += "\xE2\x80\xA6";
    return out;
}

} // namespace dongelek::server::pages

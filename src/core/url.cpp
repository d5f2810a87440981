// The percent-decoder and -encoder. Decoding reserves the input size once and never
// allocates again, since the server runs it on every path and query parameter.

#include "url.hpp"

namespace dongelek {

namespace {
int hexValue(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}
} // namespace

bool percentDecode(std::string_view raw, std::string& out, Plus plus)
{
    out.clear();
    out.reserve(raw.size());
    for (std::size_t i = 0; i < raw.size(); ++i) {
        const char c = raw[i];
        if (c == '%') {
            if (i + 2 >= raw.size()) return false; // fewer than two hex digits left
            const int hi = hexValue(raw[i + 1]), lo = hexValue(raw[i + 2]);
            if (hi < 0 || lo < 0) return false;
            out.push_back(static_cast<char>(hi * 16 + lo));
            i += 2;
        } else if (c == '+' && plus == Plus::Space) {
            out.push_back(' ');
        } else {
            out.push_back(c);
        }
    }
    return true;
}

std::string percentEncode(std::string_view s)
{
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(s.size());
    for (unsigned char c : s) {
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
            c == '.' || c == '~') {
            out.push_back(static_cast<char>(c));
        } else {
            out.push_back('%');
            out.push_back(kHex[c >> 4]);
            out.push_back(kHex[c & 15]);
        }
    }
    return out;
}

std::optional<std::string> queryParam(std::string_view queryString, std::string_view name)
{
    std::optional<std::string> found;
    std::string key;
    bool done = false;
    forEachQueryParam(queryString, [&](std::string_view rawKey, std::string_view rawValue) {
        if (done || !percentDecode(rawKey, key, Plus::Space) || key != name) return;
        done = true;
        std::string value;
        if (percentDecode(rawValue, value, Plus::Space)) found = std::move(value);
    });
    return found;
}

} // namespace dongelek

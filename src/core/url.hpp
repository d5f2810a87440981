// URL pieces shared by the server, both apps and the tests: the one percent-decoder, the
// one percent-encoder and the one query-string splitter (RFC 3986 + HTML form '+').
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace dongelek {

// What a '+' means while decoding: a literal '+' in paths, a space in query strings
// (application/x-www-form-urlencoded, which is what browsers and our app send).
enum class Plus { Literal, Space };

// Decodes %XX escapes (either hex case) into `out`. Returns false on a malformed escape
// ("%4", "%G1", a trailing "%"); `out` is then unspecified. Bytes are not checked for
// UTF-8 here: callers that need text check it themselves and name their field.
bool percentDecode(std::string_view raw, std::string& out, Plus plus = Plus::Literal);

// Percent-encoding for query components: RFC 3986 unreserved characters are kept,
// every other byte becomes %XX (upper case), so a space is "%20", never '+'.
std::string percentEncode(std::string_view s);

// Calls visit(rawKey, rawValue) for each non-empty "key=value" pair of a query string (no
// leading '?'), in order, still percent-encoded; a pair without '=' has an empty value.
template <typename Visit> void forEachQueryParam(std::string_view queryString, Visit&& visit)
{
    while (!queryString.empty()) {
        const auto amp = queryString.find('&');
        const std::string_view pair = queryString.substr(0, amp);
        queryString = amp == std::string_view::npos ? std::string_view{} : queryString.substr(amp + 1);
        if (pair.empty()) continue;
        const auto eq = pair.find('=');
        visit(pair.substr(0, eq), eq == std::string_view::npos ? std::string_view{} : pair.substr(eq + 1));
    }
}

// The decoded value of the first parameter whose decoded name is `name` ('+' is a space).
// nullopt when there is no such parameter or its value has a malformed escape.
std::optional<std::string> queryParam(std::string_view queryString, std::string_view name);

// The query-component spellings the app and the filter codec have always used.
inline std::string urlEncode(std::string_view s)
{
    return percentEncode(s);
}
inline bool urlDecode(std::string_view s, std::string& out)
{
    return percentDecode(s, out, Plus::Space);
}

} // namespace dongelek

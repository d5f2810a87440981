// Escaping for everything the pages feature writes from database text: HTML text and
// attribute values, XML (sitemaps), and JSON inside <script type="application/ld+json">.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace dongelek::server::pages {

// Appends `text` escaped for HTML text and for a double- or single-quoted attribute value
// (& < > " '). Invalid UTF-8 becomes U+FFFD and control characters other than tab,
// newline and carriage return are dropped, so the output is always well-formed UTF-8.
void appendHtml(std::string& out, std::string_view text);
std::string html(std::string_view text);

// The same escaping, for XML 1.0 (sitemaps), which also forbids U+FFFE and U+FFFF.
void appendXml(std::string& out, std::string_view text);

// `value` as JSON that can sit inside <script>: '<', '>' and '&' are written as \u003c,
// \u003e and \u0026 (they can only occur inside JSON strings, so the JSON means the
// same), which makes "</script>" and "<!--" impossible; invalid UTF-8 becomes U+FFFD.
std::string jsonForScript(const nlohmann::json& value);

// Valid UTF-8 of at most `maxCodePoints` code points: whitespace runs collapsed to one
// space, cut at a word boundary when one is near, with "…" when anything was cut. For
// meta descriptions, which search engines show at about 160 characters.
std::string summarize(std::string_view text, std::size_t maxCodePoints);

} // namespace dongelek::server::pages

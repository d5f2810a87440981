// The languages pages are rendered in: locales/manifest.json and each <code>.json, read
// once at start-up from --locales-dir, every language loaded over the default (English).
#pragma once

#include "core/i18n.hpp"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dongelek::server::pages {

class PageLocales {
public:
    // Reads `dir`/manifest.json and the files it names. Returns nullopt with `error` set
    // when the manifest, or the default language's file, cannot be read or parsed.
    static std::optional<PageLocales> load(const std::string& dir, std::string& error);
    // From JSON texts (tests): `files` maps a code to its locale file's text.
    static std::optional<PageLocales> fromJson(std::string_view manifest, const std::map<std::string, std::string>& files,
                                               std::string& error);

    // The language a request asks for with ?lang=, when it is one of ours; else the default.
    const std::string& pick(const std::optional<std::string>& requested) const;
    const Strings& strings(std::string_view code) const;
    // Codes in manifest order; the default first.
    const std::vector<std::string>& languages() const { return m_codes; }
    const std::string& defaultLanguage() const { return m_codes.front(); }

private:
    PageLocales() = default;
    std::vector<std::string> m_codes;
    std::map<std::string, Strings, std::less<>> m_strings;
};

} // namespace dongelek::server::pages

// User-visible text lookup backed by locales/<lang>.json (flat dotted keys), with
// English as the fallback, so no screen has to change when a language is added.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace dongelek {

class Strings {
public:
    // Loads `lang` over the English `fallback`. Either JSON may be empty; a malformed
    // document is reported in `error` and skipped, never thrown.
    bool load(std::string_view lang, std::string_view langJson, std::string_view fallbackJson,
              std::string* error = nullptr);

    // The text for `key`, or the key itself when no language has it (visible, not blank).
    // The pointer stays valid until the next load().
    const char* get(std::string_view key) const;

    // get() with {name} placeholders replaced: format("browse.total", {{"count", "12"}}).
    std::string format(std::string_view key,
                       std::initializer_list<std::pair<std::string_view, std::string>> args) const;

    const std::string& language() const { return m_language; }
    bool has(std::string_view key) const { return m_text.count(std::string(key)) != 0; }
    std::vector<std::string> keys() const;

private:
    std::string m_language;
    std::unordered_map<std::string, std::string> m_text;
};

// The {placeholders} used in one text, sorted; a test checks every language agrees.
std::vector<std::string> placeholdersOf(std::string_view text);

} // namespace dongelek

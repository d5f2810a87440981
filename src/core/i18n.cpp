// String lookup with English fallback. Values are stored once; get() returns pointers
// into the map, which is why load() is the only mutation.

#include "i18n.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace dongelek {

namespace {
bool merge(std::string_view json, std::unordered_map<std::string, std::string>& into, std::string* error)
{
    if (json.empty()) return true;
    const auto doc = nlohmann::json::parse(json.begin(), json.end(), nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) {
        if (error) *error = "locale file is not a JSON object";
        return false;
    }
    for (const auto& [key, value] : doc.items())
        if (value.is_string() && key.rfind("_", 0) != 0) into[key] = value.get<std::string>();
    return true;
}
} // namespace

bool Strings::load(std::string_view lang, std::string_view langJson, std::string_view fallbackJson,
                   std::string* error)
{
    m_text.clear();
    m_language = std::string(lang);
    const bool okFallback = merge(fallbackJson, m_text, error);
    const bool okLang = merge(langJson, m_text, error);
    return okFallback && okLang;
}

const char* Strings::get(std::string_view key) const
{
    const auto it = m_text.find(std::string(key));
    if (it != m_text.end()) return it->second.c_str();
    // Missing keys show up as themselves; remember them so the pointer stays valid.
    static thread_local std::unordered_map<std::string, std::string> missing;
    return missing.emplace(std::string(key), std::string(key)).first->second.c_str();
}

std::string Strings::format(std::string_view key,
                            std::initializer_list<std::pair<std::string_view, std::string>> args) const
{
    // One pass over the text: a value is never searched for placeholders itself, so a
    // listing titled "{year}" or a search for "{count}" comes out as typed.
    const std::string_view text = get(key);
    std::string out;
    out.reserve(text.size() + 32);
    std::size_t i = 0;
    while (i < text.size()) {
        const auto open = text.find('{', i);
        const auto close = open == std::string_view::npos ? open : text.find('}', open);
        if (close == std::string_view::npos) {
            out.append(text.substr(i));
            break;
        }
        out.append(text.substr(i, open - i));
        const std::string_view name = text.substr(open + 1, close - open - 1);
        const std::string* value = nullptr;
        for (const auto& arg : args)
            if (arg.first == name) value = &arg.second;
        if (value)
            out += *value;
        else
            out.append(text.substr(open, close - open + 1)); // not ours to fill: left as it is
        i = close + 1;
    }
    return out;
}

std::vector<std::string> Strings::keys() const
{
    std::vector<std::string> out;
    out.reserve(m_text.size());
    for (const auto& kv : m_text) out.push_back(kv.first);
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<std::string> placeholdersOf(std::string_view text)
{
    std::vector<std::string> out;
    for (std::size_t open = text.find('{'); open != std::string_view::npos; open = text.find('{', open + 1)) {
        const auto close = text.find('}', open);
        if (close == std::string_view::npos) break;
        out.emplace_back(text.substr(open + 1, close - open - 1));
    }
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace dongelek

// The manifest's "default" language is the fallback of every other one, as in the app.

#include "server/features/pages/page_locales.hpp"

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

namespace dongelek::server::pages {

namespace {
bool readFile(const std::string& path, std::string& out)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::ostringstream buf;
    buf << in.rdbuf();
    out = buf.str();
    return true;
}
} // namespace

std::optional<PageLocales> PageLocales::load(const std::string& dir, std::string& error)
{
    std::string manifest;
    if (!readFile(dir + "/manifest.json", manifest)) {
        error = "cannot read " + dir + "/manifest.json";
        return std::nullopt;
    }
    const auto doc = nlohmann::json::parse(manifest, nullptr, false);
    std::map<std::string, std::string> files;
    if (!doc.is_discarded() && doc.contains("languages") && doc["languages"].is_array()) {
        for (const auto& l : doc["languages"]) {
            if (!l.is_object() || !l.contains("code") || !l["code"].is_string()) continue;
            const std::string code = l["code"].get<std::string>();
            std::string text;
            if (readFile(dir + "/" + code + ".json", text)) files[code] = std::move(text);
        }
    }
    return fromJson(manifest, files, error);
}

std::optional<PageLocales> PageLocales::fromJson(std::string_view manifest,
                                                 const std::map<std::string, std::string>& files, std::string& error)
{
    const auto doc = nlohmann::json::parse(manifest, nullptr, false);
    if (doc.is_discarded() || !doc.is_object() || !doc.contains("languages") || !doc["languages"].is_array()) {
        error = "manifest.json has no \"languages\" list";
        return std::nullopt;
    }
    const std::string fallback = doc.value("default", std::string("en"));
    const auto fallbackFile = files.find(fallback);
    if (fallbackFile == files.end()) {
        error = "no " + fallback + ".json for the default language";
        return std::nullopt;
    }
    PageLocales out;
    out.m_codes.push_back(fallback);
    for (const auto& l : doc["languages"]) {
        if (!l.is_object() || !l.contains("code") || !l["code"].is_string()) continue;
        const std::string code = l["code"].get<std::string>();
        const auto file = files.find(code);
        if (file == files.end()) continue; // listed but not shipped: not offered
        Strings s;
        std::string why;
        if (!s.load(code, code == fallback ? "" : file->second, fallbackFile->second, &why)) {
            error = code + ".json: " + why;
            return std::nullopt;
        }
        if (code != fallback) out.m_codes.push_back(code);
        out.m_strings.emplace(code, std::move(s));
    }
    if (out.m_strings.find(fallback) == out.m_strings.end()) {
        error = "the default language " + fallback + " is not in the manifest's list";
        return std::nullopt;
    }
    return out;
}

const std::string& PageLocales::pick(const std::optional<std::string>& requested) const
{
    if (requested)
        for (const std::string& code : m_codes)
            if (code == *requested) return code;
    return defaultLanguage();
}

const Strings& PageLocales::strings(std::string_view code) const
{
    const auto it = m_strings.find(code);
    return it != m_strings.end() ? it->second : m_strings.find(defaultLanguage())->second;
}

} // namespace dongelek::server::pages

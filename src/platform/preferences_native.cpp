// preferences.hpp on the desktop: one small JSON object in $XDG_CONFIG_HOME/dongelek/preferences.json
// (~/.config/dongelek/ when the variable is unset), written whole to a temporary file and renamed
// over the old one, so a crash mid-write never leaves half a file. A missing, unreadable or broken
// file reads as "nothing remembered"; the languages come from the POSIX locale variables.

#include "platform/preferences.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

namespace dongelek::platform {

namespace {

namespace fs = std::filesystem;

std::string env(const char* name)
{
    const char* v = std::getenv(name);
    return v ? v : "";
}

// "" when the desktop gives no home for settings: then nothing is remembered.
fs::path preferencesFile()
{
    fs::path base = env("XDG_CONFIG_HOME");
    if (base.empty() || !base.is_absolute()) { // the XDG spec: a relative value is ignored
        const std::string home = env("HOME");
        if (home.empty()) return {};
        base = fs::path(home) / ".config";
    }
    return base / "dongelek" / "preferences.json";
}

nlohmann::json readAll(const fs::path& file)
{
    std::ifstream in(file, std::ios::binary);
    if (!in) return nlohmann::json::object();
    std::ostringstream text;
    text << in.rdbuf();
    auto doc = nlohmann::json::parse(text.str(), nullptr, false);
    return doc.is_object() ? doc : nlohmann::json::object();
}

} // namespace

std::string loadPreference(const std::string& key)
{
    const fs::path file = preferencesFile();
    if (file.empty()) return {};
    const nlohmann::json doc = readAll(file);
    const auto it = doc.find(key);
    return it != doc.end() && it->is_string() ? it->get<std::string>() : std::string();
}

bool savePreference(const std::string& key, const std::string& value)
{
    const fs::path file = preferencesFile();
    if (file.empty()) return false;
    std::error_code ec;
    fs::create_directories(file.parent_path(), ec);
    if (ec) return false;
    nlohmann::json doc = readAll(file); // keep what other keys hold
    doc[key] = value;
    fs::path temp = file;
    temp += ".tmp";
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        if (!out) return false;
        out << doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
        if (!out.flush()) {
            fs::remove(temp, ec);
            return false;
        }
    }
    fs::rename(temp, file, ec);
    if (!ec) return true;
    fs::remove(temp, ec);
    return false;
}

std::vector<std::string> preferredLanguages()
{
    // gettext's order: LANGUAGE is a list ("kk:ru:en"); then the locale in force.
    std::vector<std::string> out;
    const std::string list = env("LANGUAGE");
    std::size_t start = 0;
    while (start < list.size()) {
        const std::size_t end = std::min(list.find(':', start), list.size());
        if (end > start) out.push_back(list.substr(start, end - start));
        start = end + 1;
    }
    for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        const std::string v = env(name);
        if (!v.empty()) {
            out.push_back(v);
            break; // the first one set is the locale in force
        }
    }
    return out;
}

} // namespace dongelek::platform

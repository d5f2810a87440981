// preferences.hpp on the desktop: one small JSON object in $XDG_CONFIG_HOME/dongelek/preferences.json
// (~/.config/dongelek/ when the variable is unset), written whole to a temporary file and renamed
// over the old one, so a crash mid-write never leaves half a file. A missing, unreadable or broken
// file reads as "nothing remembered"; the languages come from the POSIX locale variables.
// Private values (the refresh cookie) go to private.json beside it, created with mode 0600.

#include "platform/preferences.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace dongelek::platform {

namespace {

namespace fs = std::filesystem;

std::string env(const char* name)
{
    const char* v = std::getenv(name);
    return v ? v : "";
}

// "" when the desktop gives no home for settings: then nothing is remembered.
fs::path preferencesFile(const char* name = "preferences.json")
{
    fs::path base = env("XDG_CONFIG_HOME");
    if (base.empty() || !base.is_absolute()) { // the XDG spec: a relative value is ignored
        const std::string home = env("HOME");
        if (home.empty()) return {};
        base = fs::path(home) / ".config";
    }
    return base / "dongelek" / name;
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

namespace {

std::string load(const fs::path& file, const std::string& key)
{
    if (file.empty()) return {};
    const nlohmann::json doc = readAll(file);
    const auto it = doc.find(key);
    return it != doc.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// Writes `doc` whole to a temporary file (mode 0600 when `privateFile`) and renames it over `file`.
bool writeAll(const fs::path& file, const nlohmann::json& doc, bool privateFile)
{
    std::error_code ec;
    fs::create_directories(file.parent_path(), ec);
    if (ec) return false;
    fs::path temp = file;
    temp += ".tmp";
    const std::string text = doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, privateFile ? 0600 : 0666);
    if (fd < 0) return false;
    if (privateFile) ::fchmod(fd, 0600); // an old temporary file keeps its mode otherwise
    std::size_t done = 0;
    while (done < text.size()) {
        const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n <= 0) break;
        done += static_cast<std::size_t>(n);
    }
    const bool ok = done == text.size() && ::close(fd) == 0;
    if (!ok) {
        fs::remove(temp, ec);
        return false;
    }
    fs::rename(temp, file, ec);
    if (!ec) return true;
    fs::remove(temp, ec);
    return false;
}

bool save(const fs::path& file, const std::string& key, const std::string& value, bool privateFile)
{
    if (file.empty()) return false;
    nlohmann::json doc = readAll(file); // keep what other keys hold
    doc[key] = value;
    return writeAll(file, doc, privateFile);
}

} // namespace

std::string loadPreference(const std::string& key) { return load(preferencesFile(), key); }
bool savePreference(const std::string& key, const std::string& value)
{
    return save(preferencesFile(), key, value, false);
}
std::string loadPrivatePreference(const std::string& key) { return load(preferencesFile("private.json"), key); }
bool savePrivatePreference(const std::string& key, const std::string& value)
{
    return save(preferencesFile("private.json"), key, value, true);
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

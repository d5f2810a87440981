// The desktop's preferences (src/platform/preferences_native.cpp) against a real file system: a
// remembered value survives to the next run, other keys are kept, a broken or missing file reads
// as nothing remembered, and the languages come from LANGUAGE / LC_ALL / LC_MESSAGES / LANG.
#define CATCH_CONFIG_MAIN
#include "platform/preferences.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

using namespace dongelek;
namespace fs = std::filesystem;

namespace {

// A fresh config home for one test, with the locale variables cleared; restored afterwards.
struct TempConfig {
    fs::path dir;
    TempConfig()
    {
        dir = fs::temp_directory_path() / ("dongelek-prefs-" + std::to_string(std::rand()) + "-" +
                                           std::to_string(reinterpret_cast<std::uintptr_t>(this)));
        fs::create_directories(dir);
        setenv("XDG_CONFIG_HOME", dir.c_str(), 1);
        for (const char* v : {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"}) unsetenv(v);
    }
    ~TempConfig()
    {
        std::error_code ec;
        fs::permissions(dir, fs::perms::owner_all, fs::perm_options::add, ec);
        fs::remove_all(dir, ec);
    }
    fs::path file() const { return dir / "dongelek" / "preferences.json"; }
};

} // namespace

TEST_CASE("a saved preference is read back by the next run, from $XDG_CONFIG_HOME/dongelek", "[native][prefs]")
{
    TempConfig cfg;
    CHECK(platform::loadPreference("lang").empty()); // never saved: nothing, and no file made
    CHECK_FALSE(fs::exists(cfg.file()));
    REQUIRE(platform::savePreference("lang", "kk"));
    CHECK(fs::exists(cfg.file()));
    CHECK(platform::loadPreference("lang") == "kk");
    REQUIRE(platform::savePreference("lang", "ru"));
    CHECK(platform::loadPreference("lang") == "ru");
    CHECK_FALSE(fs::exists(cfg.dir / "dongelek" / "preferences.json.tmp")); // written whole, then renamed
}

TEST_CASE("saving one preference keeps the others", "[native][prefs]")
{
    TempConfig cfg;
    REQUIRE(platform::savePreference("lang", "kk"));
    REQUIRE(platform::savePreference("theme", "dark"));
    CHECK(platform::loadPreference("lang") == "kk");
    CHECK(platform::loadPreference("theme") == "dark");
}

TEST_CASE("a broken or foreign preferences file reads as nothing remembered and is replaced on save",
          "[native][prefs]")
{
    TempConfig cfg;
    fs::create_directories(cfg.file().parent_path());
    for (const char* text : {"{\"lang\": \"kk\"", "not json", "[\"kk\"]", "{\"lang\": 5}", ""}) {
        INFO(text);
        std::ofstream(cfg.file()) << text;
        CHECK(platform::loadPreference("lang").empty());
    }
    REQUIRE(platform::savePreference("lang", "ru"));
    CHECK(platform::loadPreference("lang") == "ru");
}

TEST_CASE("without a place to keep preferences, saving fails quietly", "[native][prefs]")
{
    TempConfig cfg;
    SECTION("the config home is a file")
    {
        const fs::path notDir = cfg.dir / "plain-file";
        std::ofstream(notDir) << "x";
        setenv("XDG_CONFIG_HOME", notDir.c_str(), 1);
        CHECK_FALSE(platform::savePreference("lang", "kk"));
        CHECK(platform::loadPreference("lang").empty());
    }
    SECTION("no XDG_CONFIG_HOME and no HOME")
    {
        const char* home = std::getenv("HOME");
        const std::string saved = home ? home : "";
        unsetenv("XDG_CONFIG_HOME");
        unsetenv("HOME");
        CHECK_FALSE(platform::savePreference("lang", "kk"));
        CHECK(platform::loadPreference("lang").empty());
        if (home) setenv("HOME", saved.c_str(), 1);
    }
}

TEST_CASE("a relative XDG_CONFIG_HOME is ignored for ~/.config, as the XDG spec says", "[native][prefs]")
{
    TempConfig cfg;
    const char* home = std::getenv("HOME");
    const std::string saved = home ? home : "";
    setenv("HOME", cfg.dir.c_str(), 1);
    setenv("XDG_CONFIG_HOME", "relative/dir", 1);
    REQUIRE(platform::savePreference("lang", "kk"));
    CHECK(fs::exists(cfg.dir / ".config" / "dongelek" / "preferences.json"));
    CHECK(platform::loadPreference("lang") == "kk");
    if (home) setenv("HOME", saved.c_str(), 1);
    else unsetenv("HOME");
}

TEST_CASE("the desktop's languages: LANGUAGE's list first, then the locale in force", "[native][prefs]")
{
    TempConfig cfg;
    CHECK(platform::preferredLanguages().empty());
    setenv("LANG", "ru_RU.UTF-8", 1);
    CHECK(platform::preferredLanguages() == std::vector<std::string>{"ru_RU.UTF-8"});
    setenv("LC_MESSAGES", "kk_KZ.UTF-8", 1);
    CHECK(platform::preferredLanguages() == std::vector<std::string>{"kk_KZ.UTF-8"});
    setenv("LC_ALL", "en_US.UTF-8", 1);
    CHECK(platform::preferredLanguages() == std::vector<std::string>{"en_US.UTF-8"});
    setenv("LANGUAGE", "kk:ru::en", 1);
    CHECK(platform::preferredLanguages() == std::vector<std::string>{"kk", "ru", "en", "en_US.UTF-8"});
}

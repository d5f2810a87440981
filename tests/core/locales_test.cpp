// The shipped locale files: every language is valid JSON, uses only keys English has,
// and keeps the same {placeholders}, so a translation can never break a screen.
#include "core/i18n.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

using namespace dongelek;
namespace fs = std::filesystem;

namespace {
// CLDR plural forms ("browse.total.few"): a language may have forms English lacks, as
// long as English has the same text in some plural form.
std::string englishKeyFor(const nlohmann::json& en, const std::string& key)
{
    if (en.contains(key)) return key;
    for (const char* form : {".zero", ".one", ".two", ".few", ".many"}) {
        const std::string suffix = form;
        if (key.size() > suffix.size() && key.compare(key.size() - suffix.size(), suffix.size(), suffix) == 0) {
            const std::string other = key.substr(0, key.size() - suffix.size()) + ".other";
            if (en.contains(other)) return other;
        }
    }
    return {};
}

nlohmann::json readJson(const fs::path& p)
{
    std::ifstream in(p);
    std::stringstream ss;
    ss << in.rdbuf();
    return nlohmann::json::parse(ss.str());
}
} // namespace

TEST_CASE("every locale matches English keys and placeholders", "[core][locales]")
{
    const fs::path dir = DONGELEK_LOCALES_DIR;
    REQUIRE(fs::exists(dir / "en.json"));
    const auto en = readJson(dir / "en.json");
    REQUIRE(en.is_object());
    REQUIRE(en.size() > 20);
    for (const auto& [key, value] : en.items()) {
        INFO("en: " << key);
        if (key.rfind("_", 0) == 0) continue; // metadata such as "_comment"
        REQUIRE(value.is_string());
        CHECK_FALSE(value.get<std::string>().empty());
    }
    int languages = 0;
    for (const auto& entry : fs::directory_iterator(dir)) {
        const auto name = entry.path().filename().string();
        if (entry.path().extension() != ".json" || name == "en.json" || name == "manifest.json") continue;
        ++languages;
        const auto other = readJson(entry.path());
        REQUIRE(other.is_object());
        for (const auto& [key, value] : other.items()) {
            if (key.rfind("_", 0) == 0) continue;
            INFO(name << ": " << key);
            const std::string enKey = englishKeyFor(en, key);
            REQUIRE_FALSE(enKey.empty()); // a key English does not have is a typo or dead text
            REQUIRE(value.is_string());
            CHECK(placeholdersOf(value.get<std::string>()) == placeholdersOf(en[enKey].get<std::string>()));
        }
    }
    CHECK(languages >= 2); // Russian and Kazakh
}

TEST_CASE("Russian and Kazakh translate every English key, so nothing falls back to English on screen",
          "[core][locales]")
{
    const fs::path dir = DONGELEK_LOCALES_DIR;
    const auto en = readJson(dir / "en.json");
    for (const char* lang : {"ru", "kk"}) {
        const auto other = readJson(dir / (std::string(lang) + ".json"));
        for (const auto& item : en.items()) {
            if (item.key().rfind("_", 0) == 0) continue;
            INFO(lang << ": " << item.key());
            CHECK(other.contains(item.key()));
        }
    }
}

TEST_CASE("the Russian and Kazakh files load over English", "[core][locales]")
{
    const fs::path dir = DONGELEK_LOCALES_DIR;
    std::ifstream enIn(dir / "en.json"), ruIn(dir / "ru.json");
    std::stringstream en, ru;
    en << enIn.rdbuf();
    ru << ruIn.rdbuf();
    Strings s;
    REQUIRE(s.load("ru", ru.str(), en.str()));
    const auto enJson = readJson(dir / "en.json");
    const auto ruJson = readJson(dir / "ru.json");
    for (const auto& item : enJson.items()) {
        if (item.key().rfind("_", 0) == 0) continue;
        INFO(item.key());
        CHECK(s.has(item.key())); // every English key still resolves in Russian
        const auto& expected = ruJson.contains(item.key()) ? ruJson[item.key()] : item.value();
        CHECK(std::string(s.get(item.key())) == expected.get<std::string>());
    }
}

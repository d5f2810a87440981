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
            REQUIRE(en.contains(key));
            REQUIRE(value.is_string());
            CHECK(placeholdersOf(value.get<std::string>()) == placeholdersOf(en[key].get<std::string>()));
        }
    }
    CHECK(languages >= 2); // Russian and Kazakh
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
    std::size_t visibleKeys = 0;
    for (const auto& item : readJson(dir / "en.json").items()) visibleKeys += item.key().rfind("_", 0) != 0;
    CHECK(s.keys().size() == visibleKeys); // nothing lost, nothing extra
}

// The shipped locale files: every language is valid JSON, uses only keys English has,
// and keeps the same {placeholders}, so a translation can never break a screen.
#include "core/i18n.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <regex>
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

namespace {

// Every string literal of the app's and the server's sources (where keys are named).
std::set<std::string> sourceLiterals(std::string& all)
{
    std::set<std::string> out;
    for (const char* root : {DONGELEK_SOURCE_DIR "/src", DONGELEK_SOURCE_DIR "/web"}) {
        for (const auto& e : fs::recursive_directory_iterator(root)) {
            const auto ext = e.path().extension();
            if (ext != ".cpp" && ext != ".hpp" && ext != ".js") continue;
            std::ifstream in(e.path());
            std::stringstream ss;
            ss << in.rdbuf();
            const std::string text = ss.str();
            all += text;
            for (std::size_t i = text.find('"'); i != std::string::npos; i = text.find('"', i + 1)) {
                const std::size_t end = text.find('"', i + 1);
                if (end == std::string::npos) break;
                out.insert(text.substr(i + 1, end - i - 1));
                i = end;
            }
        }
    }
    return out;
}

std::string pluralBase(const std::string& key)
{
    for (const char* form : {".zero", ".one", ".two", ".few", ".many", ".other"}) {
        const std::string f = form;
        if (key.size() > f.size() && key.compare(key.size() - f.size(), f.size(), f) == 0)
            return key.substr(0, key.size() - f.size());
    }
    return {};
}

} // namespace

TEST_CASE("every English key is used by the code, by name or by a family the code builds", "[core][locales]")
{
    // Families whose keys the code puts together at run time from a value: an error code
    // from the server, an enum's wire name, a month, a currency, a city or colour name, a cost
    // engine's problem, an insurance region of the tariff files.
    const std::vector<std::string> families = {"account.error.", "account.role.", "account.strength.",
                                               "account.reset.", "date.month", "enum.", "format.price.",
                                               "city.", "color.", "listing.specs.", "listing.report.reason.",
                                               "finance.problem.", "finance.region.", "editor.field.",
                                               "editor.problem.", "editor.step.", "editor.photos.failed.",
                                               "editor.photos.refused.", "dashboard.status.", "vin.region.",
                                               "vin.problem.", "vin.warning.", "vin.contradiction."};
    std::string all;
    const std::set<std::string> literals = sourceLiterals(all);
    for (const std::string& family : families) {
        INFO("family " << family);
        CHECK(all.find("\"" + family) != std::string::npos); // the code still builds keys of it
    }
    const auto en = readJson(fs::path(DONGELEK_LOCALES_DIR) / "en.json");
    for (const auto& item : en.items()) {
        const std::string& key = item.key();
        if (key.rfind("_", 0) == 0) continue;
        INFO("unused key: " << key);
        const std::string base = pluralBase(key);
        const bool byName = literals.count(key) || (!base.empty() && literals.count(base));
        const bool byFamily = std::any_of(families.begin(), families.end(),
                                          [&](const std::string& f) { return key.rfind(f, 0) == 0; });
        CHECK((byName || byFamily));
    }
}

TEST_CASE("plural keys have every form the language needs", "[core][locales]")
{
    const fs::path dir = DONGELEK_LOCALES_DIR;
    const auto en = readJson(dir / "en.json");
    // CLDR cardinal categories for whole numbers.
    const std::map<std::string, std::vector<std::string>> forms = {
        {"en", {"one", "other"}}, {"ru", {"one", "few", "many", "other"}}, {"kk", {"one", "other"}}};
    std::set<std::string> bases;
    // A plural is a key with both ".one" and ".other" in English ("errors.hint.other" is a category).
    for (const auto& item : en.items())
        if (item.key().size() > 6 && item.key().compare(item.key().size() - 6, 6, ".other") == 0 &&
            en.contains(item.key().substr(0, item.key().size() - 6) + ".one"))
            bases.insert(item.key().substr(0, item.key().size() - 6));
    REQUIRE(bases.size() > 5);
    for (const auto& [lang, needed] : forms) {
        const auto loc = readJson(dir / (lang + ".json"));
        for (const std::string& base : bases)
            for (const std::string& form : needed) {
                INFO(lang << ": " << base << "." << form);
                CHECK(loc.contains(base + "." + form));
            }
    }
}

TEST_CASE("Russian and Kazakh are translations, not copies of English", "[core][locales]")
{
    // Texts that are the same in every language: the name, codes, formats, "VIN".
    const std::set<std::string> same = {"app.name", "title.listing", "listing.specs.vin", "page.site_title",
                                        "format.date", "format.month_year", "format.price.KZT", "enum.currency.KZT",
                                        "enum.currency.BHD", "listing.contact.whatsapp", "listing.contact.telegram",
                                        "listing.price.approx", "listing.history.change", "editor.field.vin",
                                        "editor.step.vin", "dashboard.stats.bucket", "dashboard.import.summary"};
    const fs::path dir = DONGELEK_LOCALES_DIR;
    const auto en = readJson(dir / "en.json");
    for (const char* lang : {"ru", "kk"}) {
        const auto loc = readJson(dir / (std::string(lang) + ".json"));
        for (const auto& item : en.items()) {
            if (item.key().rfind("_", 0) == 0 || same.count(item.key()) || !loc.contains(item.key())) continue;
            const std::string text = item.value().get<std::string>();
            // Only texts with a word in them: "{count}" or "·" are the same everywhere.
            const bool hasWord = std::regex_search(text, std::regex("[A-Za-z]{3,}"));
            INFO(lang << ": " << item.key() << " = " << text);
            if (hasWord) CHECK(loc[item.key()].get<std::string>() != text);
        }
    }
}

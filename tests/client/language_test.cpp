// Which language the app opens in, and what it remembers: the address's "?lang=" first, then the
// language picked on this device before, then the browser's languages in order, then English; a
// pick in the switcher is remembered, a shared link is not; <html lang> follows what is shown.
#include "client_harness.hpp"

#include <catch2/catch.hpp>

using namespace dongelek;
using namespace dongelek::test;

// [SECTION] Matching system language tags

TEST_CASE("browser and desktop language tags name our languages by their primary subtag", "[client][lang]")
{
    const std::vector<LanguageInfo> ours = testLocales().languages;
    CHECK(matchLanguage("ru-RU", ours) == "ru");
    CHECK(matchLanguage("ru", ours) == "ru");
    CHECK(matchLanguage("RU", ours) == "ru");
    CHECK(matchLanguage("kk-KZ", ours) == "kk");
    CHECK(matchLanguage("kk", ours) == "kk");
    CHECK(matchLanguage("kk-Cyrl-KZ", ours) == "kk");
    CHECK(matchLanguage("en-US", ours) == "en");
    CHECK(matchLanguage("ru_RU.UTF-8", ours) == "ru"); // POSIX LANG
    CHECK(matchLanguage("kk_KZ@cyrillic", ours) == "kk");
    CHECK(matchLanguage("de-DE", ours).empty());
    CHECK(matchLanguage("kz", ours).empty()); // a country code, not Kazakh's language code
    CHECK(matchLanguage("C.UTF-8", ours).empty());
    CHECK(matchLanguage("POSIX", ours).empty());
    CHECK(matchLanguage("", ours).empty());
    CHECK(matchLanguage("-RU", ours).empty());
}

// [SECTION] The first visit

TEST_CASE("a first visit follows the browser's languages, the first one we have", "[client][lang]")
{
    SECTION("a Russian browser gets Russian, named in the address and in <html lang>")
    {
        ClientHarness h;
        h.device.languages = {"ru-RU", "en-US"};
        h.start("/");
        CHECK(h.shared().lang == "ru");
        CHECK(h.history.current() == "/?lang=ru"); // a copied address opens in Russian for anyone
        CHECK(h.history.documentLanguage() == "ru");
        CHECK(h.history.title() == "Автомобили");
        CHECK(h.device.saves.empty()); // following the browser is not a choice to remember
    }
    SECTION("Kazakh from kk-KZ and from a bare kk")
    {
        for (const char* tag : {"kk-KZ", "kk"}) {
            INFO(tag);
            ClientHarness h;
            h.device.languages = {tag, "ru-RU"};
            h.start("/listing/5");
            CHECK(h.shared().lang == "kk");
            CHECK(h.history.current() == "/listing/5?lang=kk");
        }
    }
    SECTION("languages we do not have are skipped")
    {
        ClientHarness h;
        h.device.languages = {"de-DE", "tr", "kk-KZ", "ru"};
        h.start("/");
        CHECK(h.shared().lang == "kk");
    }
    SECTION("none of ours: English, and the address stays as it was")
    {
        ClientHarness h;
        h.device.languages = {"de-DE", "fr"};
        h.start("/?make=3");
        CHECK(h.shared().lang == "en");
        CHECK(h.history.current() == "/?make=3");
        CHECK(h.history.documentLanguage() == "en");
    }
    SECTION("an English browser before Russian gets English")
    {
        ClientHarness h;
        h.device.languages = {"en-GB", "ru-RU"};
        h.start("/");
        CHECK(h.shared().lang == "en");
        CHECK(h.history.current() == "/");
    }
}

// [SECTION] The order of the sources

TEST_CASE("the remembered language beats the browser's, the address beats both, the flag beats all",
          "[client][lang]")
{
    SECTION("remembered over browser")
    {
        ClientHarness h;
        h.device.languages = {"ru-RU"};
        h.device.stored = "kk";
        h.start("/");
        CHECK(h.shared().lang == "kk");
        CHECK(h.history.current() == "/?lang=kk");
    }
    SECTION("a shared link's language over the remembered one, which it leaves alone")
    {
        ClientHarness h;
        h.device.languages = {"kk-KZ"};
        h.device.stored = "kk";
        h.start("/listing/5?lang=ru");
        CHECK(h.shared().lang == "ru");
        CHECK(h.history.current() == "/listing/5?lang=ru");
        CHECK(h.history.documentLanguage() == "ru");
        CHECK(h.device.stored == "kk");
        CHECK(h.device.saves.empty());
    }
    SECTION("the desktop's --lang over everything")
    {
        ClientHarness h;
        h.device.languages = {"kk-KZ"};
        h.device.stored = "kk";
        h.start("/?lang=kk", "ru");
        CHECK(h.shared().lang == "ru");
        CHECK(h.device.saves.empty());
    }
    SECTION("a remembered value we do not offer (an old version, another site's key) is ignored")
    {
        ClientHarness h;
        h.device.languages = {"ru-RU"};
        h.device.stored = "de";
        h.start("/");
        CHECK(h.shared().lang == "ru");
    }
    SECTION("an unknown ?lang= falls back to the device's language")
    {
        ClientHarness h;
        h.device.stored = "kk";
        h.start("/?make=3&lang=xx");
        CHECK(h.shared().lang == "kk");
        CHECK(h.history.current() == "/?make=3&lang=kk");
    }
}

// [SECTION] Remembering a pick

TEST_CASE("a language picked in the switcher is remembered and opens the next tab", "[client][lang]")
{
    FakeDevice device; // the browser profile both tabs share
    device.languages = {"ru-RU"};
    {
        ClientHarness tab;
        tab.device = device;
        tab.start("/");
        REQUIRE(tab.shared().lang == "ru");
        tab.app.setLanguage("kk");
        CHECK(tab.shared().lang == "kk");
        CHECK(tab.history.current() == "/?lang=kk");
        CHECK(tab.history.documentLanguage() == "kk");
        CHECK(tab.device.saves == std::vector<std::string>{"kk"});
        device = tab.device;
    }
    ClientHarness next; // a new tab, no ?lang= in its address
    next.device = device;
    next.start("/listing/7");
    CHECK(next.shared().lang == "kk");
    CHECK(next.history.current() == "/listing/7?lang=kk");
}

TEST_CASE("English picked on a Russian browser is remembered and needs no parameter", "[client][lang]")
{
    ClientHarness h;
    h.device.languages = {"ru-RU"};
    h.start("/?make=3");
    REQUIRE(h.history.current() == "/?make=3&lang=ru");
    h.app.setLanguage("en");
    CHECK(h.shared().lang == "en");
    CHECK(h.history.current() == "/?make=3"); // English is now this device's own: no parameter
    CHECK(h.history.documentLanguage() == "en");
    CHECK(h.device.stored == "en");

    ClientHarness next;
    next.device = h.device;
    next.start("/");
    CHECK(next.shared().lang == "en");
    CHECK(next.history.current() == "/");
}

TEST_CASE("picking the language already shown remembers it without touching the address", "[client][lang]")
{
    ClientHarness h;
    h.device.languages = {"ru-RU"};
    h.start("/");
    const auto logged = h.history.log().size();
    h.app.setLanguage("ru");
    CHECK(h.device.saves == std::vector<std::string>{"ru"}); // now it beats a later browser change
    CHECK(h.history.log().size() == logged);
    h.app.setLanguage("ru");
    CHECK(h.device.saves.size() == 1); // nothing new to remember
}

TEST_CASE("a shared English link stays English on a device that remembers Kazakh", "[client][lang]")
{
    ClientHarness h;
    h.device.stored = "kk";
    h.start("/listing/5?lang=en");
    CHECK(h.shared().lang == "en");
    CHECK(h.history.documentLanguage() == "en");
    // This device would open a bare address in Kazakh, so the English is kept in the address:
    // a reload, or the link passed on again, stays English.
    CHECK(h.history.current() == "/listing/5?lang=en");
    h.app.navigate("/");
    CHECK(h.history.current() == "/?lang=en");
    CHECK(h.device.stored == "kk"); // opening a link is not a choice

    ClientHarness reload;
    reload.device = h.device;
    reload.start(h.history.current());
    CHECK(reload.shared().lang == "en");

    h.app.setLanguage("en"); // now the user picks English themselves
    CHECK(h.device.stored == "en");
    CHECK(h.history.current() == "/");
}

TEST_CASE("<html lang> follows Back to an entry that names another language", "[client][lang]")
{
    ClientHarness h;
    h.start("/?lang=ru");
    h.openListing(25);
    h.app.setLanguage("kk");
    CHECK(h.history.documentLanguage() == "kk");
    h.browserBack(); // the entry behind still says ru
    CHECK(h.shared().lang == "ru");
    CHECK(h.history.documentLanguage() == "ru");
}

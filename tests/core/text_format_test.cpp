// Locale-aware text as the user reads it: CLDR plural forms (1 автомобиль / 2 автомобиля /
// 5 автомобилей), digit grouping, km, engine size, dates and enum labels in en, ru and kk.
#include "core/text_format.hpp"

#include <catch2/catch.hpp>

#include "core/money.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <tuple>
#include <string>
#include <utility>
#include <vector>

using namespace dongelek;

namespace {
const std::string kNbsp = "\xC2\xA0"; // ru and kk group digits with a no-break space

std::string readLocale(const std::string& code)
{
    std::ifstream in(std::string(DONGELEK_LOCALES_DIR) + "/" + code + ".json");
    REQUIRE(in.good());
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// The shipped locale over English, as the app loads it.
Strings shipped(const std::string& code)
{
    Strings s;
    const std::string en = readLocale("en");
    REQUIRE(s.load(code, code == "en" ? std::string() : readLocale(code), en));
    return s;
}
} // namespace

// [SECTION] Plural categories

TEST_CASE("Russian plural categories follow CLDR, including the teens and large numbers", "[client][text]")
{
    const std::vector<std::pair<std::int64_t, const char*>> cases = {
        {1, "one"},    {21, "one"},   {101, "one"},  {1001, "one"},   {2, "few"},    {3, "few"},
        {4, "few"},    {22, "few"},   {34, "few"},   {102, "few"},    {0, "many"},   {5, "many"},
        {9, "many"},   {10, "many"},  {11, "many"},  {12, "many"},    {14, "many"},  {15, "many"},
        {111, "many"}, {112, "many"}, {114, "many"}, {1000, "many"},  {5000, "many"}};
    for (const auto& [n, category] : cases) {
        INFO("n = " << n);
        CHECK(pluralCategory("ru", n) == category);
    }
}

TEST_CASE("English and Kazakh have only 'one' (exactly 1) and 'other'", "[client][text]")
{
    for (const char* lang : {"en", "kk"}) {
        INFO(lang);
        CHECK(pluralCategory(lang, 1) == "one");
        for (std::int64_t n : {0, 2, 5, 11, 21, 101, 1000}) {
            INFO("n = " << n);
            CHECK(pluralCategory(lang, n) == "other");
        }
    }
}

// [SECTION] Counts with the shipped locales

TEST_CASE("a Russian car count agrees with its number", "[client][text]")
{
    const Strings ru = shipped("ru");
    CHECK(formatCount(ru, "browse.total", 1) == "1 автомобиль");
    CHECK(formatCount(ru, "browse.total", 21) == "21 автомобиль");
    CHECK(formatCount(ru, "browse.total", 2) == "2 автомобиля");
    CHECK(formatCount(ru, "browse.total", 24) == "24 автомобиля");
    CHECK(formatCount(ru, "browse.total", 5) == "5 автомобилей");
    CHECK(formatCount(ru, "browse.total", 11) == "11 автомобилей");
    CHECK(formatCount(ru, "browse.total", 0) == "0 автомобилей");
    CHECK(formatCount(ru, "browse.total", 1000) == "1" + kNbsp + "000 автомобилей");
}

TEST_CASE("English and Kazakh car counts use their own forms and separators", "[client][text]")
{
    const Strings en = shipped("en");
    CHECK(formatCount(en, "browse.total", 1) == "1 car");
    CHECK(formatCount(en, "browse.total", 0) == "0 cars");
    CHECK(formatCount(en, "browse.total", 5000) == "5,000 cars");

    const Strings kk = shipped("kk");
    CHECK(formatCount(kk, "browse.total", 1) == "1 көлік");
    CHECK(formatCount(kk, "browse.total", 5000) == "5" + kNbsp + "000 көлік");
}

TEST_CASE("a language without a text for the number's category falls back to '.other'", "[client][text]")
{
    Strings s;
    s.load("ru", R"({"items.other": "{count} шт."})", "");
    CHECK(formatCount(s, "items", 1) == "1 шт."); // no "items.one": never the raw key
    CHECK(formatCount(s, "items", 3) == "3 шт.");
}

// [SECTION] Numbers, distances, engine size

TEST_CASE("numbers are grouped in threes with the language's separator", "[client][text]")
{
    const Strings en = shipped("en");
    CHECK(formatNumber(en, 0) == "0");
    CHECK(formatNumber(en, 999) == "999");
    CHECK(formatNumber(en, 1000) == "1,000");
    CHECK(formatNumber(en, 1234567) == "1,234,567");
    CHECK(formatNumber(en, -45000) == "-45,000");

    for (const char* lang : {"ru", "kk"}) {
        INFO(lang);
        const Strings s = shipped(lang);
        CHECK(formatNumber(s, 999) == "999");
        CHECK(formatNumber(s, 1234567) == "1" + kNbsp + "234" + kNbsp + "567");
    }
}

TEST_CASE("without a separator in the locale, numbers are still grouped", "[client][text]")
{
    Strings bare;
    bare.load("en", "", "{}");
    CHECK(formatNumber(bare, 1234567) == "1,234,567");
}

TEST_CASE("mileage reads as km in each language", "[client][text]")
{
    CHECK(formatKm(shipped("en"), 87000) == "87,000 km");
    CHECK(formatKm(shipped("ru"), 87000) == "87" + kNbsp + "000 км");
    CHECK(formatKm(shipped("kk"), 0) == "0 км");
}

TEST_CASE("engine size has one decimal with the language's decimal mark, and electric cars show none",
          "[client][text]")
{
    CHECK(formatEngine(shipped("en"), 2.5) == "2.5 L");
    CHECK(formatEngine(shipped("en"), 3.0) == "3.0 L");
    CHECK(formatEngine(shipped("ru"), 2.5) == "2,5 л");
    CHECK(formatEngine(shipped("kk"), 1.6) == "1,6 л");
    CHECK(formatEngine(shipped("en"), 0).empty());
    CHECK(formatEngine(shipped("ru"), -1).empty());
}

// [SECTION] Dates

TEST_CASE("a listing date reads as day, short month and year in the language's order", "[client][text]")
{
    CHECK(formatDate(shipped("en"), "2024-11-12") == "12 Nov 2024");
    CHECK(formatDate(shipped("en"), "2024-11-05T08:30:00Z") == "5 Nov 2024"); // timestamps too, no leading zero
    CHECK(formatDate(shipped("ru"), "2024-11-12") == "12 нояб. 2024");
    CHECK(formatDate(shipped("kk"), "2024-11-12") == "2024 ж. 12 қар.");
}

TEST_CASE("'member since' reads as month and year", "[client][text]")
{
    CHECK(formatMonthYear(shipped("en"), "2019-03-01") == "March 2019");
    CHECK(formatMonthYear(shipped("en"), "2019-03") == "March 2019");
    CHECK(formatMonthYear(shipped("ru"), "2019-03-01") == "март 2019");
    CHECK(formatMonthYear(shipped("kk"), "2019-03-01") == "2019 ж. наурыз");
}

TEST_CASE("a full date puts the month in the form a day takes: genitive in Russian", "[client][text]")
{
    CHECK(formatLongDate(shipped("en"), "2024-11-12") == "12 November 2024");
    CHECK(formatLongDate(shipped("ru"), "2024-11-12") == "12 ноября 2024 г.");
    CHECK(formatLongDate(shipped("ru"), "2024-05-01T10:00:00Z") == "1 мая 2024 г.");
    CHECK(formatLongDate(shipped("ru"), "2024-03-08") == "8 марта 2024 г.");
    CHECK(formatLongDate(shipped("kk"), "2024-11-12") == "2024 жылғы 12 қараша");
    CHECK(formatLongDate(shipped("kk"), "2024-06-05") == "2024 жылғы 5 маусым");
}

TEST_CASE("'member since' is grammatical: «с июня 2018 г.», «2018 жылғы маусымнан бері»", "[client][text]")
{
    const auto since = [](const char* lang, const char* iso) {
        const Strings s = shipped(lang);
        return s.format("listing.seller.member_since", {{"date", formatSinceMonthYear(s, iso)}});
    };
    CHECK(since("en", "2018-06-01") == "On Dongelek since June 2018");
    CHECK(since("ru", "2018-06-01") == "На Dongelek с июня 2018 г.");
    CHECK(since("ru", "2019-03") == "На Dongelek с марта 2019 г.");
    CHECK(since("kk", "2018-06-01") == "2018 жылғы маусымнан бері Dongelek-те");
    CHECK(since("kk", "2019-03-15") == "2019 жылғы наурыздан бері Dongelek-те");
}

TEST_CASE("every month has its forms in every language, and Russian ones after a day or «с» are genitive",
          "[client][text]")
{
    // The genitive of each Russian month: what «12 …» and «с …» need (never «с июнь»).
    const char* genitive[] = {"января", "февраля", "марта",    "апреля",  "мая",    "июня",
                              "июля",   "августа", "сентября", "октября", "ноября", "декабря"};
    // Kazakh ablative before «бері»: -нан/-нен after м and н, -тан/-тен after к, -дан/-ден otherwise,
    // back or front by the last vowel.
    const char* ablative[] = {"қаңтардан", "ақпаннан", "наурыздан", "сәуірден",    "мамырдан", "маусымнан",
                              "шілдеден",  "тамыздан", "қыркүйектен", "қазаннан", "қарашадан", "желтоқсаннан"};
    const Strings ru = shipped("ru"), kk = shipped("kk"), en = shipped("en");
    for (int m = 1; m <= 12; ++m) {
        INFO("month " << m);
        const std::string n = std::to_string(m);
        CHECK(std::string(ru.get("date.month_with_day." + n)) == genitive[m - 1]);
        CHECK(std::string(ru.get("date.month_since." + n)) == genitive[m - 1]);
        CHECK(std::string(kk.get("date.month_since." + n)) == ablative[m - 1]);
        CHECK(std::string(kk.get("date.month_with_day." + n)) == kk.get("date.month." + n)); // «12 қараша»
        CHECK(std::string(en.get("date.month_with_day." + n)) == en.get("date.month." + n));
        CHECK(std::string(en.get("date.month_since." + n)) == en.get("date.month." + n));
    }
}

TEST_CASE("an unparsable date shows nothing rather than garbage", "[client][text]")
{
    const Strings en = shipped("en");
    for (const char* bad : {"", "2024", "2024/11/12", "2024-13-01", "2024-00-10", "abcd-11-12", "yesterday"}) {
        INFO('"' << bad << '"');
        CHECK(formatDate(en, bad).empty());
        CHECK(formatMonthYear(en, bad).empty());
        CHECK(formatLongDate(en, bad).empty());
        CHECK(formatSinceMonthYear(en, bad).empty());
    }
    CHECK(formatLongDate(en, "2019-03").empty()); // a full date needs a day
    CHECK_FALSE(formatSinceMonthYear(en, "2019-03").empty());
    CHECK(formatDate(en, "2019-03").empty()); // a full date needs a day
    CHECK(formatDate(en, "2024-11-45").empty()); // no 45th of November
    CHECK(formatDate(en, "2024-04-31").empty());
    CHECK_FALSE(formatDate(en, "2024-02-29").empty());
}

// [SECTION] Enum labels

namespace {
template <typename E> void checkLabels(const Strings& s, const char* group)
{
    for (E v : allValues<E>()) {
        const std::string key = std::string("enum.") + group + "." + std::string(toString(v));
        INFO(s.language() << ": " << key);
        const std::string text = label(s, v);
        CHECK_FALSE(text.empty());
        CHECK(text != key); // a raw key would mean a missing label
    }
}
} // namespace

TEST_CASE("every filter and detail value has a label in every language", "[client][text]")
{
    for (const char* lang : {"en", "ru", "kk"}) {
        const Strings s = shipped(lang);
        checkLabels<Body>(s, "body");
        checkLabels<Fuel>(s, "fuel");
        checkLabels<Transmission>(s, "transmission");
        checkLabels<Drive>(s, "drive");
        checkLabels<SellerKind>(s, "seller_kind");
        checkLabels<Sort>(s, "sort");
        checkLabels<Country>(s, "country");
        checkLabels<Currency>(s, "currency");
    }
}

TEST_CASE("labels come from the chosen language", "[client][text]")
{
    CHECK(std::string(label(shipped("en"), Body::Suv)) == "SUV");
    CHECK(std::string(label(shipped("ru"), Body::Suv)) == "Внедорожник");
    CHECK(std::string(label(shipped("en"), Sort::PriceAsc)) == "Price: low to high");
}

// [SECTION] Prices

TEST_CASE("prices group digits as the language does, so BD 23,400 never reads as 23.4 in Russian",
          "[client][text]")
{
    const Money tenge{1'381'000'000, Currency::KZT}; // 13,810,000.00 ₸
    const Money dinars{23'400'000, Currency::BHD};   // 23,400.000 BD
    const Money withFils{23'400'500, Currency::BHD};
    CHECK(formatPrice(shipped("en"), tenge) == "13,810,000" + kNbsp + "₸");
    CHECK(formatPrice(shipped("en"), dinars) == "BD" + kNbsp + "23,400");
    CHECK(formatPrice(shipped("en"), withFils) == "BD" + kNbsp + "23,400.500");
    for (const char* lang : {"ru", "kk"}) {
        INFO(lang);
        CHECK(formatPrice(shipped(lang), tenge) == "13" + kNbsp + "810" + kNbsp + "000" + kNbsp + "₸");
        CHECK(formatPrice(shipped(lang), dinars) == "23" + kNbsp + "400" + kNbsp + "BD");
        CHECK(formatPrice(shipped(lang), withFils) == "23" + kNbsp + "400,500" + kNbsp + "BD");
    }
    Strings bare;
    bare.load("en", "", "{}");
    CHECK(formatPrice(bare, dinars) == formatMoney(dinars)); // no price formats: core's own
}

// [SECTION] Values from the server

TEST_CASE("a city's key is its English name in lowercase ASCII words", "[client][text]")
{
    CHECK(cityKey("Almaty") == "almaty");
    CHECK(cityKey("Ust-Kamenogorsk") == "ust_kamenogorsk");
    CHECK(cityKey("Isa Town") == "isa_town");
    CHECK(cityKey("  Hamad  Town ") == "hamad_town");
    CHECK(cityKey("Алматы").empty()); // already not English: nothing to look up
    CHECK(cityKey("").empty());
}

TEST_CASE("every demo city and colour is translated into real Russian and Kazakh", "[client][text]")
{
    const Strings en = shipped("en"), ru = shipped("ru"), kk = shipped("kk");
    // The names the demo catalog (src/server/demo/catalog.cpp) sends.
    const std::vector<std::tuple<const char*, const char*, const char*>> cities = {
        {"Almaty", "Алматы", "Алматы"},       {"Astana", "Астана", "Астана"},
        {"Shymkent", "Шымкент", "Шымкент"},   {"Karaganda", "Караганда", "Қарағанды"},
        {"Aktobe", "Актобе", "Ақтөбе"},       {"Atyrau", "Атырау", "Атырау"},
        {"Pavlodar", "Павлодар", "Павлодар"}, {"Ust-Kamenogorsk", "Усть-Каменогорск", "Өскемен"},
        {"Kostanay", "Костанай", "Қостанай"}, {"Taraz", "Тараз", "Тараз"},
        {"Manama", "Манама", "Манама"},       {"Muharraq", "Мухаррак", "Мухаррак"},
        {"Riffa", "Эр-Рифа", "Эр-Рифа"},      {"Isa Town", "Иса-Таун", "Иса-Таун"},
        {"Hamad Town", "Хамад-Таун", "Хамад-Таун"}, {"Sitra", "Ситра", "Ситра"}};
    for (const auto& [name, inRussian, inKazakh] : cities) {
        INFO(name);
        CHECK(cityName(en, name) == name);
        CHECK(cityName(ru, name) == inRussian);
        CHECK(cityName(kk, name) == inKazakh);
    }
    const std::vector<std::tuple<const char*, const char*, const char*, const char*>> colors = {
        {"white", "White", "Белый", "Ақ"},          {"black", "Black", "Чёрный", "Қара"},
        {"silver", "Silver", "Серебристый", "Күміс түсті"}, {"grey", "Grey", "Серый", "Сұр"},
        {"blue", "Blue", "Синий", "Көк"},           {"red", "Red", "Красный", "Қызыл"},
        {"cherry", "Cherry", "Вишнёвый", "Шие түсті"}, {"brown", "Brown", "Коричневый", "Қоңыр"},
        {"beige", "Beige", "Бежевый", "Беж"},       {"green", "Green", "Зелёный", "Жасыл"},
        {"gold", "Gold", "Золотистый", "Алтын түсті"}};
    for (const auto& [wire, inEnglish, inRussian, inKazakh] : colors) {
        INFO(wire);
        CHECK(colorName(en, wire) == inEnglish);
        CHECK(colorName(ru, wire) == inRussian);
        CHECK(colorName(kk, wire) == inKazakh);
    }
}

TEST_CASE("a city or colour the locales do not know is shown as the server sent it", "[client][text]")
{
    const Strings ru = shipped("ru");
    CHECK(cityName(ru, "Zhanaozen") == "Zhanaozen");
    CHECK(cityName(ru, "Жанаозен") == "Жанаозен");
    CHECK(cityName(ru, "") == "");
    CHECK(colorName(ru, "turquoise") == "turquoise");
    CHECK(colorName(ru, "") == "");
}

TEST_CASE("names sort by the language's alphabet, not by code point", "[client][text]")
{
    const auto sorted = [](const char* lang, std::vector<std::string> names) {
        const Strings s = shipped(lang);
        std::sort(names.begin(), names.end(), [&s](const std::string& a, const std::string& b) { return nameLess(s, a, b); });
        return names;
    };
    // Kazakh letters sit inside the alphabet: Қ between К and Л (so Ақтөбе before Алматы), Ө after О.
    CHECK(sorted("kk", {"Өскемен", "Тараз", "Қостанай", "Қарағанды", "Павлодар", "Ақтөбе", "Алматы", "Караганда"}) ==
          std::vector<std::string>{"Ақтөбе", "Алматы", "Караганда", "Қарағанды", "Қостанай", "Өскемен", "Павлодар",
                                   "Тараз"});
    // Ё is a letter after Е, not after Я; case does not matter.
    CHECK(sorted("ru", {"ёлка", "Жук", "Ель", "яма", "Эр-Рифа", "Иса-Таун"}) ==
          std::vector<std::string>{"Ель", "ёлка", "Жук", "Иса-Таун", "Эр-Рифа", "яма"});
    CHECK(sorted("en", {"Taraz", "almaty", "Astana", "Isa Town", "Isa"}) ==
          std::vector<std::string>{"almaty", "Astana", "Isa", "Isa Town", "Taraz"});
    const Strings ru = shipped("ru");
    CHECK_FALSE(nameLess(ru, "Алматы", "Алматы"));
    CHECK(nameLess(ru, "Алматы", "алматы") != nameLess(ru, "алматы", "Алматы")); // still a strict order
}

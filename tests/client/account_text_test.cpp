// The account screens' texts made from server values: when a session was last seen, in each
// language's plural forms; phone numbers and TOTP secrets grouped for reading.
#include "client/features/account/account_text.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

using namespace dongelek;
using namespace dongelek::account;

namespace {
Strings load(const std::string& lang)
{
    const auto read = [](const std::string& code) {
        std::ifstream in(std::string(DONGELEK_LOCALES_DIR) + "/" + code + ".json");
        std::stringstream ss;
        ss << in.rdbuf();
        return ss.str();
    };
    Strings s;
    s.load(lang, lang == "en" ? std::string() : read(lang), read("en"));
    return s;
}
} // namespace

TEST_CASE("ISO timestamps from the server become seconds since 1970", "[client][account_text]")
{
    CHECK(parseIsoSeconds("1970-01-01T00:00:00Z") == 0);
    CHECK(parseIsoSeconds("2026-12-01T10:05:00Z") == 1796119500);
    CHECK(parseIsoSeconds("2026-12-01T10:05:00.500Z") == 1796119500.5);
    CHECK(parseIsoSeconds("2026-12-01T10:05:00+00:00") == 1796119500);
    CHECK_FALSE(parseIsoSeconds("2026-12-01"));
    CHECK_FALSE(parseIsoSeconds("2026-13-01T10:05:00Z"));
    CHECK_FALSE(parseIsoSeconds("2026-12-01T10:05:00+05:00")); // the server writes UTC only
}

TEST_CASE("last seen: minutes, hours and days ago with each language's plural forms", "[client][account_text]")
{
    const double t = *parseIsoSeconds("2026-12-01T10:00:00Z");
    const Strings en = load("en"), ru = load("ru"), kk = load("kk");
    CHECK(formatAgo(en, t + 30, "2026-12-01T10:00:00Z") == "just now");
    CHECK(formatAgo(en, t + 60, "2026-12-01T10:00:00Z") == "1 minute ago");
    CHECK(formatAgo(en, t + 5 * 60, "2026-12-01T10:00:00Z") == "5 minutes ago");
    CHECK(formatAgo(ru, t + 21 * 60, "2026-12-01T10:00:00Z") == "21 минуту назад");
    CHECK(formatAgo(ru, t + 3 * 3600, "2026-12-01T10:00:00Z") == "3 часа назад");
    CHECK(formatAgo(ru, t + 11 * 86400, "2026-12-01T10:00:00Z") == "11 дней назад");
    CHECK(formatAgo(kk, t + 2 * 86400, "2026-12-01T10:00:00Z") == "2 күн бұрын");
    CHECK(formatAgo(en, t + 40 * 86400, "2026-12-01T10:00:00Z") == "1 Dec 2026"); // then the date
    CHECK(formatAgo(en, t, "yesterday").empty());
}

TEST_CASE("phone numbers and secrets are grouped for reading", "[client][account_text]")
{
    CHECK(formatPhone("+77011234567") == "+7 701 123 45 67");
    CHECK(formatPhone("+97336123456") == "+973 3612 3456");
    CHECK(formatPhone("+4420") == "+4420");
    CHECK(groupSecret("JBSWY3DPEHPK3PXP") == "JBSW Y3DP EHPK 3PXP");
}

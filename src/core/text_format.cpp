// Number, count, price, date, enum and server-value formatting through the locale files.
// The only hard-coded rules are the plural-category formulas (CLDR) per language and the case
// pairs of the letters our alphabets use (for ordering names).

#include "core/text_format.hpp"

#include "core/money.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <vector>

namespace dongelek {

std::string_view pluralCategory(std::string_view lang, std::int64_t n)
{
    const std::int64_t a = n < 0 ? -n : n;
    if (lang == "ru") {
        const auto d = a % 10, h = a % 100;
        if (d == 1 && h != 11) return "one";
        if (d >= 2 && d <= 4 && (h < 12 || h > 14)) return "few";
        return "many";
    }
    return a == 1 ? "one" : "other"; // en, kk
}

std::string formatNumber(const Strings& s, std::int64_t n)
{
    const char* sep = s.has("format.group_separator") ? s.get("format.group_separator") : ",";
    return groupDigits(n, sep);
}

std::string formatCount(const Strings& s, std::string_view keyBase, std::int64_t n)
{
    std::string key = std::string(keyBase) + "." + std::string(pluralCategory(s.language(), n));
    if (!s.has(key)) key = std::string(keyBase) + ".other";
    return s.format(key, {{"count", formatNumber(s, n)}});
}

std::string formatKm(const Strings& s, std::int64_t km) { return s.format("format.km", {{"count", formatNumber(s, km)}}); }

std::string formatEngine(const Strings& s, double litres)
{
    if (litres <= 0) return {};
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", litres);
    std::string text = buf;
    const char* dec = s.has("format.decimal_separator") ? s.get("format.decimal_separator") : ".";
    if (const auto dot = text.find('.'); dot != std::string::npos) text.replace(dot, 1, dec);
    return s.format("format.engine", {{"litres", text}});
}

namespace {
bool parseYmd(std::string_view iso, int& y, int& m, int& d)
{
    if (iso.size() < 7) return false;
    const auto num = [](std::string_view t, int& out) {
        const auto [p, ec] = std::from_chars(t.data(), t.data() + t.size(), out);
        return ec == std::errc() && p == t.data() + t.size();
    };
    if (!num(iso.substr(0, 4), y) || iso[4] != '-' || !num(iso.substr(5, 2), m) || m < 1 || m > 12) return false;
    d = 0;
    if (iso.size() >= 10 && iso[7] == '-' && !num(iso.substr(8, 2), d)) d = 0;
    static constexpr int kDaysIn[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (d < 0 || d > kDaysIn[m - 1]) d = 0; // not a day of that month: treated as no day
    return true;
}
} // namespace

namespace {
// A day, month and year through one of the date formats and one set of month forms.
std::string dayMonthYear(const Strings& s, std::string_view iso, const char* format, const char* months)
{
    int y = 0, m = 0, d = 0;
    if (!parseYmd(iso, y, m, d) || d == 0) return {};
    return s.format(format, {{"day", std::to_string(d)},
                             {"month", s.get(std::string(months) + std::to_string(m))},
                             {"year", std::to_string(y)}});
}
std::string monthYear(const Strings& s, std::string_view iso, const char* format, const char* months)
{
    int y = 0, m = 0, d = 0;
    if (!parseYmd(iso, y, m, d)) return {};
    return s.format(format, {{"month", s.get(std::string(months) + std::to_string(m))}, {"year", std::to_string(y)}});
}
} // namespace

std::string formatDate(const Strings& s, std::string_view iso)
{
    return dayMonthYear(s, iso, "format.date", "date.month_short.");
}

std::string formatLongDate(const Strings& s, std::string_view iso)
{
    return dayMonthYear(s, iso, "format.date_long", "date.month_with_day.");
}

std::string formatMonthYear(const Strings& s, std::string_view iso)
{
    return monthYear(s, iso, "format.month_year", "date.month.");
}

std::string formatSinceMonthYear(const Strings& s, std::string_view iso)
{
    return monthYear(s, iso, "format.since_month_year", "date.month_since.");
}

std::string formatPrice(const Strings& s, const Money& m)
{
    const std::string key = "format.price." + std::string(toString(m.currency));
    if (!s.has(key)) return formatMoney(m);
    const int digits = minorDigits(m.currency);
    std::int64_t scale = 1;
    for (int i = 0; i < digits; ++i) scale *= 10;
    std::string amount = formatNumber(s, m.amountMinor / scale);
    if (const std::int64_t frac = std::llabs(m.amountMinor % scale); frac != 0) {
        std::string text = std::to_string(frac);
        text.insert(0, static_cast<std::size_t>(digits) - text.size(), '0');
        amount += (s.has("format.decimal_separator") ? s.get("format.decimal_separator") : ".") + text;
    }
    return s.format(key, {{"amount", amount}});
}

// [SECTION] Values from the server

std::string cityKey(std::string_view serverName)
{
    std::string key;
    bool gap = false;
    for (const char c : serverName) {
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0x80) return {}; // not an English name: nothing to look up
        if (std::isalnum(u)) {
            if (gap && !key.empty()) key += '_';
            key += static_cast<char>(std::tolower(u));
            gap = false;
        } else {
            gap = true;
        }
    }
    return key;
}

std::string cityName(const Strings& s, std::string_view serverName)
{
    const std::string key = cityKey(serverName);
    if (key.empty() || !s.has("city." + key)) return std::string(serverName);
    return s.get("city." + key);
}

std::string colorName(const Strings& s, std::string_view wire)
{
    const std::string key = "color." + std::string(wire);
    if (wire.empty() || !s.has(key)) return std::string(wire);
    return s.get(key);
}

namespace {
// The next code point of valid-enough UTF-8 (a stray byte is taken as itself).
char32_t nextCodePoint(std::string_view text, std::size_t& i)
{
    const auto b = static_cast<unsigned char>(text[i]);
    const std::size_t n = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 1;
    if (n == 1 || i + n > text.size()) {
        ++i;
        return b;
    }
    char32_t c = b & (0x7F >> n);
    for (std::size_t k = 1; k < n; ++k) c = (c << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    i += n;
    return c;
}

// Lowercase for the letters our languages use: Latin, Russian and the Kazakh additions.
char32_t lower(char32_t c)
{
    if (c >= 'A' && c <= 'Z') return c + 32;
    if (c >= 0x0410 && c <= 0x042F) return c + 0x20; // А-Я
    if (c >= 0x0400 && c <= 0x040F) return c + 0x50; // Ё, І, ...
    if (c >= 0x04C1 && c <= 0x04CE) return (c % 2) ? c + 1 : c; // this block pairs odd-even
    if (c >= 0x0460 && c <= 0x052F && c != 0x04C0 && c % 2 == 0) return c + 1; // Ғ Қ Ң Ү Ұ Һ Ә Ө
    return c;
}

std::vector<std::uint32_t> collationKey(std::string_view text, const std::vector<char32_t>& alphabet)
{
    std::vector<std::uint32_t> key;
    for (std::size_t i = 0; i < text.size();) {
        const char32_t c = lower(nextCodePoint(text, i));
        const auto at = std::find(alphabet.begin(), alphabet.end(), c);
        if (at != alphabet.end()) key.push_back(1000 + static_cast<std::uint32_t>(at - alphabet.begin()));
        else if (c >= '0' && c <= '9') key.push_back(500 + static_cast<std::uint32_t>(c - '0'));
        else if (c < 0x80 && !(c >= 'a' && c <= 'z')) key.push_back(static_cast<std::uint32_t>(c)); // space, "-"
        else key.push_back(100000 + static_cast<std::uint32_t>(c)); // a letter of another alphabet
    }
    return key;
}
} // namespace

bool nameLess(const Strings& s, std::string_view a, std::string_view b)
{
    std::vector<char32_t> alphabet;
    if (s.has("format.alphabet")) {
        const std::string_view letters = s.get("format.alphabet");
        for (std::size_t i = 0; i < letters.size();) alphabet.push_back(lower(nextCodePoint(letters, i)));
    }
    const auto ka = collationKey(a, alphabet), kb = collationKey(b, alphabet);
    if (ka != kb) return ka < kb;
    return a < b; // the same letters in another case: still a strict order
}

namespace {
template <typename E> const char* enumLabel(const Strings& s, const char* group, E v)
{
    return s.get(std::string("enum.") + group + "." + std::string(toString(v)));
}
} // namespace

const char* label(const Strings& s, Body v) { return enumLabel(s, "body", v); }
const char* label(const Strings& s, Fuel v) { return enumLabel(s, "fuel", v); }
const char* label(const Strings& s, Transmission v) { return enumLabel(s, "transmission", v); }
const char* label(const Strings& s, Drive v) { return enumLabel(s, "drive", v); }
const char* label(const Strings& s, SellerKind v) { return enumLabel(s, "seller_kind", v); }
const char* label(const Strings& s, Sort v) { return enumLabel(s, "sort", v); }
const char* label(const Strings& s, Country v) { return enumLabel(s, "country", v); }
const char* label(const Strings& s, Currency v) { return enumLabel(s, "currency", v); }
const char* label(const Strings& s, Condition v) { return enumLabel(s, "condition", v); }
const char* label(const Strings& s, Steering v) { return enumLabel(s, "steering", v); }

// [SECTION] Wire timestamps

namespace {
std::string twoDigitsOf(int v)
{
    return std::string(1, static_cast<char>('0' + v / 10)) + static_cast<char>('0' + v % 10);
}
} // namespace

std::int64_t daysFromCivil(std::int64_t y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

std::optional<std::int64_t> parseIsoTimestamp(std::string_view text)
{
    if (text.size() != 20 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' ||
        text[16] != ':' || text[19] != 'Z')
        return std::nullopt;
    const auto num = [&](std::size_t at, std::size_t n, int& out) {
        out = 0;
        for (std::size_t i = at; i < at + n; ++i) {
            if (text[i] < '0' || text[i] > '9') return false;
            out = out * 10 + (text[i] - '0');
        }
        return true;
    };
    int y, mo, d, h, mi, s;
    if (!num(0, 4, y) || !num(5, 2, mo) || !num(8, 2, d) || !num(11, 2, h) || !num(14, 2, mi) || !num(17, 2, s))
        return std::nullopt;
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return std::nullopt;
    const std::int64_t days = daysFromCivil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d));
    if (daysFromCivil(y, static_cast<unsigned>(mo), 1) + d - 1 != days) return std::nullopt;
    // The day must exist in its month (no February 30).
    const std::int64_t nextMonth = mo == 12 ? daysFromCivil(y + 1, 1, 1) : daysFromCivil(y, mo + 1, 1);
    if (days >= nextMonth) return std::nullopt;
    return days * 86400 + h * 3600 + mi * 60 + s;
}

std::string isoTimestamp(std::int64_t t)
{
    // Howard Hinnant's civil_from_days: exact integer arithmetic, no time zone database.
    std::int64_t days = t / 86400, secs = t % 86400;
    if (secs < 0) {
        secs += 86400;
        --days;
    }
    days += 719468;
    const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    const std::int64_t doe = days - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    std::int64_t y = yoe + era * 400;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    if (m <= 2) ++y;
    return std::to_string(y) + "-" + twoDigitsOf(m) + "-" + twoDigitsOf(d) + "T" +
           twoDigitsOf(static_cast<int>(secs / 3600)) + ":" + twoDigitsOf(static_cast<int>(secs / 60 % 60)) + ":" +
           twoDigitsOf(static_cast<int>(secs % 60)) + "Z";
}

} // namespace dongelek

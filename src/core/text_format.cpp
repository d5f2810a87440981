// Number, count, date and enum formatting through the locale files.
// The only hard-coded rules are the plural-category formulas (CLDR) per language.

#include "core/text_format.hpp"

#include "core/money.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>

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

std::string formatDate(const Strings& s, std::string_view iso)
{
    int y = 0, m = 0, d = 0;
    if (!parseYmd(iso, y, m, d) || d == 0) return {};
    return s.format("format.date", {{"day", std::to_string(d)},
                                    {"month", s.get("date.month_short." + std::to_string(m))},
                                    {"year", std::to_string(y)}});
}

std::string formatMonthYear(const Strings& s, std::string_view iso)
{
    int y = 0, m = 0, d = 0;
    if (!parseYmd(iso, y, m, d)) return {};
    return s.format("format.month_year",
                    {{"month", s.get("date.month." + std::to_string(m))}, {"year", std::to_string(y)}});
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

} // namespace dongelek

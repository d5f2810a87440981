// Locale-aware text for numbers, counts, dates and enum values, built on core's Strings
// so the rules (plural forms, separators, month names) live in the locale files.
#pragma once

#include "core/i18n.hpp"
#include "core/model.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace dongelek {

// CLDR plural category for a whole number: "one", "few", "many" or "other".
std::string_view pluralCategory(std::string_view lang, std::int64_t n);
// "1,234" / "1 234": digits grouped with the locale's "format.group_separator".
std::string formatNumber(const Strings& s, std::int64_t n);
// keyBase + "." + category (falling back to ".other") with {count} filled in:
// formatCount(s, "browse.total", 5000) -> "5,000 cars".
std::string formatCount(const Strings& s, std::string_view keyBase, std::int64_t n);
std::string formatKm(const Strings& s, std::int64_t km);
// "2.5 L" / "2,5 л"; litres <= 0 (electric) gives "".
std::string formatEngine(const Strings& s, double litres);
// A price with the language's digit grouping and decimal mark, the currency placed by
// "format.price.<CODE>": "13,810,000 ₸" / "13 810 000 ₸", "BD 23,400" / "BD 23 400".
std::string formatPrice(const Strings& s, const Money& m);

// From an ISO date ("2024-11-12" or a full timestamp); "" when unparsable. The month's form is
// each language's business (locales: date.month*, format.*), so the grammar lives in data.
// Short, for cards: "12 Nov 2024" / "12 нояб. 2024" / "2024 ж. 12 қар.".
std::string formatDate(const Strings& s, std::string_view iso);
// In full: "12 November 2024" / "12 ноября 2024 г." (genitive) / "2024 жылғы 12 қараша".
std::string formatLongDate(const Strings& s, std::string_view iso);
// Month and year on their own (nominative): "March 2019" / "март 2019" / "2019 ж. наурыз".
std::string formatMonthYear(const Strings& s, std::string_view iso);
// Month and year after "since", for "listing.seller.member_since": "June 2018" / "июня 2018 г."
// (genitive after «с») / "2018 жылғы маусымнан" (ablative before «бері»).
std::string formatSinceMonthYear(const Strings& s, std::string_view iso);

// [SECTION] Values from the server, in the language
// The locale key of a city from the server's English name: lowercase ASCII letters and digits,
// other runs as one "_" ("Ust-Kamenogorsk" -> "ust_kamenogorsk"); "" for a name that is not ASCII.
std::string cityKey(std::string_view serverName);
// "city.<key>" ("Almaty" -> "Алматы"); a city the locales do not know keeps the server's name.
std::string cityName(const Strings& s, std::string_view serverName);
// "color.<wire value>" ("cherry" -> "Вишнёвый"); an unknown colour is shown as it came.
std::string colorName(const Strings& s, std::string_view wire);
// Orders two names as the language's alphabet does ("format.alphabet", lowercase letters in
// order; case is ignored), so Kazakh sorts Қ between К and Л and Russian Ё after Е, where code
// points would put them last or first.
// Letters outside the alphabet come after it by code point; spaces and punctuation first.
bool nameLess(const Strings& s, std::string_view a, std::string_view b);

// Localized enum names: "enum.body.sedan", "enum.fuel.petrol", ...
const char* label(const Strings& s, Body v);
const char* label(const Strings& s, Fuel v);
const char* label(const Strings& s, Transmission v);
const char* label(const Strings& s, Drive v);
const char* label(const Strings& s, SellerKind v);
const char* label(const Strings& s, Sort v);
const char* label(const Strings& s, Country v);
const char* label(const Strings& s, Currency v);
const char* label(const Strings& s, Condition v);
const char* label(const Strings& s, Steering v);

// [SECTION] Wire timestamps

// "2026-08-14T09:31:05Z" for seconds since 1970-01-01 UTC (proleptic Gregorian): how the API
// writes every time (the demo data, sessions, the audit log).
std::string isoTimestamp(std::int64_t unixSeconds);
// The reverse for exactly that form ("2026-08-14T09:31:05Z", a day that exists); nullopt otherwise.
std::optional<std::int64_t> parseIsoTimestamp(std::string_view text);
// Days from 1970-01-01 to y-m-d (proleptic Gregorian; Howard Hinnant's days_from_civil).
std::int64_t daysFromCivil(std::int64_t y, unsigned m, unsigned d);

} // namespace dongelek

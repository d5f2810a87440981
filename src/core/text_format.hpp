// Locale-aware text for numbers, counts, dates and enum values, built on core's Strings
// so the rules (plural forms, separators, month names) live in the locale files.
#pragma once

#include "core/i18n.hpp"
#include "core/model.hpp"

#include <cstdint>
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
// From an ISO date ("2024-11-12" or a full timestamp): "12 Nov 2024" / "March 2019"; "" when unparsable.
std::string formatDate(const Strings& s, std::string_view iso);
std::string formatMonthYear(const Strings& s, std::string_view iso);

// Localized enum names: "enum.body.sedan", "enum.fuel.petrol", ...
const char* label(const Strings& s, Body v);
const char* label(const Strings& s, Fuel v);
const char* label(const Strings& s, Transmission v);
const char* label(const Strings& s, Drive v);
const char* label(const Strings& s, SellerKind v);
const char* label(const Strings& s, Sort v);
const char* label(const Strings& s, Country v);
const char* label(const Strings& s, Currency v);

} // namespace dongelek

// Money formatting and the reference exchange rate used to filter and sort listings
// priced in different currencies on one scale.
#pragma once

#include "model.hpp"

#include <cstdint>
#include <string>

namespace dongelek {

// Reference rate for comparing prices across the two markets (not for payments):
// 1 BHD = 1350 KZT. Listings keep their own currency; only search uses the rate.
inline constexpr std::int64_t kKztPerBhd = 1350;

// Minor units in one whole unit: 100 tiyn in a tenge, 1000 fils in a dinar.
std::int64_t minorPerWhole(Currency c);

// A listing price on the common scale: whole tenge.
std::int64_t toKztWhole(const Money& m);
// A user's bound in whole units of `currency` on the common scale (whole tenge).
std::int64_t boundToKztWhole(std::int64_t wholeUnits, Currency currency);

// "12 500 000 ₸" (no-break spaces) or "BD 8,750" / "BD 8,750.500" (fils shown only when present).
std::string formatMoney(const Money& m);
// Digits grouped by three with `separator` ("45 000" with a no-break space by default).
std::string groupDigits(std::int64_t n, const char* separator = "\xC2\xA0");

} // namespace dongelek

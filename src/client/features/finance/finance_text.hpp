// The loan calculator's words built from numbers (pure, unit-tested): the effective rate as
// each country discloses it, the listing page's "from … /month" line, months and dates.
#pragma once

#include "core/finance/loan.hpp"
#include "core/i18n.hpp"
#include "core/model.hpp"

#include <cstdint>
#include <string>

namespace dongelek {

// "21.4" / "21,4": a whole number of hundredths or tenths with the language's decimal mark.
std::string decimalText(const Strings& s, std::int64_t value, int decimals);
// Kazakhstan: the ГЭСВ to one decimal ("GESV 21.4%", «ГЭСВ 21,4 %», «ЖТСМ 21,4%»); Bahrain: the
// CBB's APR to two ("APR 6.49%").
std::string effectiveRateText(const Strings& s, Country country, const finance::EffectiveRate& rate);
// "from 123,457 ₸/month": the listing page's link to the calculator.
std::string monthlyFromText(const Strings& s, const Money& payment);
// "60 months" / «60 месяцев» / «60 ай», plural per language.
std::string monthsText(const Strings& s, int months);
// A payment date as the schedule shows it: "15 Feb 2026".
std::string scheduleDate(const Strings& s, finance::CivilDate d);

} // namespace dongelek

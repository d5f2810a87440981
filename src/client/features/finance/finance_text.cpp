// The loan calculator's words (see the header).

#include "client/features/finance/finance_text.hpp"

#include "core/text_format.hpp"

#include <cstdio>

namespace dongelek {

std::string decimalText(const Strings& s, std::int64_t value, int decimals)
{
    std::int64_t scale = 1;
    for (int i = 0; i < decimals; ++i) scale *= 10;
    std::string out = formatNumber(s, value / scale);
    if (decimals > 0) {
        std::string frac = std::to_string(value % scale);
        frac.insert(0, static_cast<std::size_t>(decimals) - frac.size(), '0');
        out += (s.has("format.decimal_separator") ? s.get("format.decimal_separator") : ".") + frac;
    }
    return out;
}

std::string effectiveRateText(const Strings& s, Country country, const finance::EffectiveRate& rate)
{
    if (country == Country::KZ)
        return s.format("finance.effective.gesv", {{"rate", decimalText(s, rate.gesvTenths, 1)}});
    return s.format("finance.effective.apr", {{"rate", decimalText(s, rate.aprHundredths, 2)}});
}

std::string monthlyFromText(const Strings& s, const Money& payment)
{
    return s.format("finance.listing.from", {{"price", formatPrice(s, payment)}});
}

std::string monthsText(const Strings& s, int months) { return formatCount(s, "finance.months", months); }

std::string scheduleDate(const Strings& s, finance::CivilDate d)
{
    char iso[16];
    std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", d.year, d.month, d.day);
    return formatDate(s, iso);
}

} // namespace dongelek

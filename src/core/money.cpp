// Money formatting for the two markets. Kazakhstan writes the tenge sign after the
// amount with spaces between thousands; Bahrain writes "BD" first with commas.

#include "money.hpp"

namespace dongelek {

std::int64_t minorPerWhole(Currency c)
{
    std::int64_t m = 1;
    for (int i = 0; i < minorDigits(c); ++i) m *= 10;
    return m;
}

std::int64_t toKztWhole(const Money& m)
{
    if (m.currency == Currency::KZT) return m.amountMinor / 100;
    return m.amountMinor * kKztPerBhd / 1000;
}

std::int64_t boundToKztWhole(std::int64_t wholeUnits, Currency currency)
{
    return currency == Currency::KZT ? wholeUnits : wholeUnits * kKztPerBhd;
}

std::string groupDigits(std::int64_t n, const char* separator)
{
    const bool negative = n < 0;
    // Work on the unsigned magnitude so INT64_MIN does not overflow.
    std::uint64_t u = negative ? 0 - static_cast<std::uint64_t>(n) : static_cast<std::uint64_t>(n);
    std::string digits = std::to_string(u);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += separator;
        out += digits[i];
    }
    return negative ? "-" + out : out;
}

std::string formatMoney(const Money& m)
{
    const int digits = minorDigits(m.currency);
    std::int64_t scale = 1;
    for (int i = 0; i < digits; ++i) scale *= 10;
    const std::int64_t whole = m.amountMinor / scale;
    std::int64_t frac = m.amountMinor % scale;
    if (frac < 0) frac = -frac;
    std::string fracText;
    if (frac != 0) {
        fracText = std::to_string(frac);
        fracText.insert(0, static_cast<std::size_t>(digits) - fracText.size(), '0');
    }
    if (m.currency == Currency::KZT) {
        std::string s = groupDigits(whole);
        if (!fracText.empty()) s += "," + fracText;
        return s + "\xC2\xA0\xE2\x82\xB8"; // NBSP + U+20B8 TENGE SIGN
    }
    std::string s = "BD\xC2\xA0" + groupDigits(whole, ",");
    if (!fracText.empty()) s += "." + fracText;
    return s;
}

} // namespace dongelek

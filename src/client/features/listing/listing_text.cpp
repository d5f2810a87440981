// Listing page text from data: converted prices, contact links and messages, price history.

#include "client/features/listing/listing_text.hpp"

#include "core/money.hpp"
#include "core/text_format.hpp"
#include "core/url.hpp"

#include <cmath>
#include <cstdlib>

namespace dongelek {

Money convertAtReferenceRate(const Money& price, Currency to)
{
    if (price.currency == to) return price;
    const std::int64_t kzt = toKztWhole(price);
    if (to == Currency::BHD) {
        const auto dinars = static_cast<std::int64_t>(std::llround(static_cast<double>(kzt) / kKztPerBhd));
        return Money{dinars * 1000, Currency::BHD};
    }
    const auto thousands = static_cast<std::int64_t>(std::llround(static_cast<double>(kzt) / 1000.0));
    return Money{thousands * 1000 * 100, Currency::KZT};
}

std::string convertedPriceText(const Strings& s, const Money& price, Currency buyer)
{
    if (price.currency == buyer) return {};
    return s.format("listing.price.approx", {{"price", formatPrice(s, convertAtReferenceRate(price, buyer))}});
}

std::string referenceRateText(const Strings& s)
{
    return s.format("listing.price.rate", {{"bhd", formatPrice(s, Money{1000, Currency::BHD})},
                                           {"kzt", formatPrice(s, Money{kKztPerBhd * 100, Currency::KZT})}});
}

std::string carName(const ListingSummary& item)
{
    std::string name = item.make;
    if (!item.model.empty()) name += (name.empty() ? "" : " ") + item.model;
    if (name.empty()) name = item.title;
    if (item.year > 0) name += " " + std::to_string(item.year);
    return name;
}

std::string contactMessage(const Strings& s, const ListingSummary& item, const std::string& link)
{
    return s.format("listing.contact.message", {{"car", carName(item)}, {"link", link}});
}

std::string withTextParam(const std::string& base, const std::string& message)
{
    if (base.empty()) return {};
    return base + (base.find('?') == std::string::npos ? "?" : "&") + "text=" + percentEncode(message);
}

std::string telHref(const std::string& phone)
{
    std::string out = "tel:";
    for (char c : phone)
        if ((c >= '0' && c <= '9') || (c == '+' && out.size() == 4)) out += c;
    return out;
}

std::string basedOnText(const Strings& s, int comparables) { return formatCount(s, "listing.insight.based_on", comparables); }

std::vector<PriceStep> priceSteps(const std::vector<PricePoint>& history)
{
    std::vector<PriceStep> out;
    for (std::size_t i = 0; i < history.size(); ++i) {
        PriceStep step;
        step.at = history[i].at;
        step.price = history[i].price;
        step.first = i == 0;
        if (i > 0) {
            const Money& before = history[i - 1].price;
            if (before.currency == step.price.currency && before.amountMinor > 0) {
                const double pct = (static_cast<double>(step.price.amountMinor) - static_cast<double>(before.amountMinor)) * 100.0 /
                                   static_cast<double>(before.amountMinor);
                step.changePercent = static_cast<int>(std::lround(pct));
            }
        }
        out.push_back(step);
    }
    return out;
}

std::string changeText(const Strings& s, int percent)
{
    // An en dash for the minus: Noto Sans (the app's font) has no U+2212.
    const std::string sign = percent < 0 ? "\xE2\x80\x93" : percent > 0 ? "+" : "";
    return s.format("listing.history.change", {{"sign", sign}, {"percent", std::to_string(std::abs(percent))}});
}

} // namespace dongelek

// The listing page's words and links built from data (pure, unit-tested): the price in the
// buyer's currency, the contact links with a message that names the car, the price history's
// changes and the insight's lines.
#pragma once

#include "core/i18n.hpp"
#include "core/model.hpp"

#include <string>
#include <vector>

namespace dongelek {

// `price` in `buyer`'s currency at the reference rate (core/money.hpp), rounded to whole
// dinars or to 1,000 tenge; nullopt-like "" when it already is in that currency.
// "≈ BD 8,750" / "≈ 11 810 000 ₸".
std::string convertedPriceText(const Strings& s, const Money& price, Currency buyer);
Money convertAtReferenceRate(const Money& price, Currency to);
// "Reference rate: BD 1 = 1,350 ₸".
std::string referenceRateText(const Strings& s);

// "Toyota Camry 2018": what the message calls the car.
std::string carName(const ListingSummary& item);
// "Hello! I'm interested in your Toyota Camry 2018 on Dongelek: <link>" in the language.
std::string contactMessage(const Strings& s, const ListingSummary& item, const std::string& link);
// `base` with `text=<message>` appended as a query parameter (percent-encoded).
std::string withTextParam(const std::string& base, const std::string& message);
// "tel:+77012345678" from "+7 701 234 56 78".
std::string telHref(const std::string& phone);

// "based on 12 similar cars", plural per language.
std::string basedOnText(const Strings& s, int comparables);

// One earlier price and how the next one differs from it.
struct PriceStep {
    std::string at;         // when this price was set
    Money price;
    int changePercent = 0;  // against the previous price, rounded; 0 for the first
    bool first = true;
};
// The history oldest first, each with its change against the one before (only prices in one
// currency are compared).
std::vector<PriceStep> priceSteps(const std::vector<PricePoint>& history);
// "–5 %" / "+3 %" with the language's spacing ("listing.history.change").
std::string changeText(const Strings& s, int percent);

} // namespace dongelek

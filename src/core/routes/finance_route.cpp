// The loan calculator's address <-> its inputs (see the header for the parameters).

#include "core/routes/finance_route.hpp"

#include "core/routes/listing_route.hpp"
#include "core/url.hpp"

#include <charconv>

namespace dongelek {

namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }

// A whole number of at most `maxDigits` digits.
std::optional<int> parseInt(std::string_view text, int maxDigits)
{
    if (text.empty() || static_cast<int>(text.size()) > maxDigits) return std::nullopt;
    int v = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || ptr != text.data() + text.size() || v < 0) return std::nullopt;
    return v;
}

std::optional<bool> parseFlag(std::string_view text)
{
    if (text == "1") return true;
    if (text == "0") return false;
    return std::nullopt;
}

} // namespace

// [SECTION] Decimal

std::optional<Decimal> Decimal::parse(std::string_view text)
{
    std::int64_t whole = 0;
    int wholeDigits = 0;
    std::size_t i = 0;
    bool saturated = false;
    for (; i < text.size() && isDigit(text[i]); ++i) {
        if (wholeDigits == 0 && text[i] == '0') { // leading zeros add nothing
            wholeDigits = 0;
            continue;
        }
        if (++wholeDigits > 15) saturated = true;
        else whole = whole * 10 + (text[i] - '0');
    }
    const bool hadWhole = i > 0;
    std::int64_t frac = 0;
    int fracDigits = 0;
    if (i < text.size() && (text[i] == '.' || text[i] == ',')) {
        ++i;
        for (; i < text.size() && isDigit(text[i]); ++i) {
            if (++fracDigits > 3) return std::nullopt;
            frac = frac * 10 + (text[i] - '0');
        }
        if (!hadWhole && fracDigits == 0) return std::nullopt; // "." alone
    } else if (!hadWhole) {
        return std::nullopt;
    }
    if (i != text.size()) return std::nullopt;
    if (saturated) return Decimal{kMaxUnits * 1000};
    for (int d = fracDigits; d < 3; ++d) frac *= 10;
    return Decimal{whole * 1000 + frac};
}

std::string Decimal::text() const
{
    std::string out = std::to_string(milli / 1000);
    std::int64_t frac = milli % 1000;
    if (frac == 0) return out;
    std::string digits = std::to_string(frac);
    digits.insert(0, 3 - digits.size(), '0');
    while (!digits.empty() && digits.back() == '0') digits.pop_back();
    return out + "." + digits;
}

std::optional<DecimalShare> DecimalShare::parse(std::string_view text)
{
    const bool percent = !text.empty() && text.back() == 'p';
    if (percent) text.remove_suffix(1);
    const std::optional<Decimal> v = Decimal::parse(text);
    if (!v) return std::nullopt;
    return DecimalShare{percent, *v};
}

std::string DecimalShare::text() const { return value.text() + (percent ? "p" : ""); }

// [SECTION] Type

std::string_view toString(FinanceType t)
{
    switch (t) {
    case FinanceType::Annuity: return "annuity";
    case FinanceType::Differentiated: return "differentiated";
    case FinanceType::Murabaha: return "murabaha";
    }
    return "annuity";
}

std::optional<FinanceType> financeTypeFrom(std::string_view s)
{
    for (FinanceType t : {FinanceType::Annuity, FinanceType::Differentiated, FinanceType::Murabaha})
        if (toString(t) == s) return t;
    return std::nullopt;
}

// [SECTION] The address

std::optional<FinanceRoute> FinanceRoute::parse(const AppUrl& url)
{
    constexpr std::string_view kSuffix = "/finance";
    std::string_view path(url.path);
    if (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
    if (path.size() <= kSuffix.size() || path.substr(path.size() - kSuffix.size()) != kSuffix) return std::nullopt;
    const std::optional<ListingRoute> listing =
        ListingRoute::parse(AppUrl{std::string(path.substr(0, path.size() - kSuffix.size())), {}});
    if (!listing) return std::nullopt;
    FinanceRoute r;
    r.listingId = listing->id;
    const auto param = [&](const char* name) { return queryParam(url.query, name); };
    const auto decimal = [&](const char* name) -> std::optional<Decimal> {
        const auto v = param(name);
        return v ? Decimal::parse(*v) : std::nullopt;
    };
    const auto share = [&](const char* name) -> std::optional<DecimalShare> {
        const auto v = param(name);
        return v ? DecimalShare::parse(*v) : std::nullopt;
    };
    const auto integer = [&](const char* name, int digits) -> std::optional<int> {
        const auto v = param(name);
        return v ? parseInt(*v, digits) : std::nullopt;
    };
    const auto flag = [&](const char* name) -> std::optional<bool> {
        const auto v = param(name);
        return v ? parseFlag(*v) : std::nullopt;
    };
    r.price = decimal("price");
    r.down = share("down");
    r.tradeIn = decimal("trade");
    r.termMonths = integer("term", 4);
    r.rateBp = integer("rate", 7);
    if (const auto t = param("type")) r.type = financeTypeFrom(*t);
    r.fee = share("fee");
    r.feeFinanced = flag("feefin");
    r.monthlyFee = decimal("mfee");
    r.insurance = decimal("ins");
    r.insuranceFinanced = flag("insfin");
    r.earlyMonth = integer("early", 4);
    r.lump = decimal("lump");
    return r;
}

std::string FinanceRoute::url() const
{
    std::string q;
    const auto add = [&q](const char* name, const std::string& value) {
        q += (q.empty() ? "" : "&") + std::string(name) + "=" + urlEncode(value);
    };
    if (price) add("price", price->text());
    if (down) add("down", down->text());
    if (tradeIn) add("trade", tradeIn->text());
    if (termMonths) add("term", std::to_string(*termMonths));
    if (rateBp) add("rate", std::to_string(*rateBp));
    if (type) add("type", std::string(toString(*type)));
    if (fee) add("fee", fee->text());
    if (feeFinanced) add("feefin", *feeFinanced ? "1" : "0");
    if (monthlyFee) add("mfee", monthlyFee->text());
    if (insurance) add("ins", insurance->text());
    if (insuranceFinanced) add("insfin", *insuranceFinanced ? "1" : "0");
    if (earlyMonth) add("early", std::to_string(*earlyMonth));
    if (lump) add("lump", lump->text());
    return joinAppUrl(ListingRoute{listingId}.url() + "/finance", q);
}

bool FinanceRoute::operator==(const FinanceRoute& o) const
{
    return listingId == o.listingId && price == o.price && down == o.down && tradeIn == o.tradeIn &&
           termMonths == o.termMonths && rateBp == o.rateBp && type == o.type && fee == o.fee &&
           feeFinanced == o.feeFinanced && monthlyFee == o.monthlyFee && insurance == o.insurance &&
           insuranceFinanced == o.insuranceFinanced && earlyMonth == o.earlyMonth && lump == o.lump;
}

} // namespace dongelek

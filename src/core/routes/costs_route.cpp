// "/listing/<id>/costs" and its query (core/routes/costs_route.hpp).

#include "core/routes/costs_route.hpp"

#include "core/routes/listing_route.hpp"
#include "core/url.hpp"

#include <algorithm>

namespace dongelek {

namespace {

bool idText(std::string_view s, std::size_t max, bool upper)
{
    if (s.empty() || s.size() > max) return false;
    return std::all_of(s.begin(), s.end(), [upper](char c) {
        return upper ? ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) : ((c >= 'a' && c <= 'z') || c == '_');
    });
}

} // namespace

std::optional<CostsRoute> CostsRoute::parse(const AppUrl& url)
{
    constexpr std::string_view kSuffix = "/costs";
    std::string_view path(url.path);
    if (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
    if (path.size() <= kSuffix.size() || path.substr(path.size() - kSuffix.size()) != kSuffix) return std::nullopt;
    const std::optional<ListingRoute> listing =
        ListingRoute::parse(AppUrl{std::string(path.substr(0, path.size() - kSuffix.size())), {}});
    if (!listing) return std::nullopt;
    CostsRoute r(listing->id);
    const auto decimal = [&](const char* name) -> std::optional<Decimal> {
        const auto v = queryParam(url.query, name);
        return v ? Decimal::parse(*v) : std::nullopt;
    };
    r.customsValue = decimal("value");
    r.engineCm3 = decimal("cm3");
    r.emptyWeightKg = decimal("kg");
    if (const auto v = queryParam(url.query, "reg")) {
        if (*v == "first") r.registration = CostsRegistration::First;
        else if (*v == "transfer") r.registration = CostsRegistration::Transfer;
    }
    r.yearlyKm = decimal("km");
    r.consumption = decimal("cons");
    r.driverAge = decimal("age");
    r.experienceYears = decimal("exp");
    if (const auto v = queryParam(url.query, "region"); v && idText(*v, 40, false)) r.region = *v;
    if (const auto v = queryParam(url.query, "bm"); v && idText(*v, 3, true)) r.bonusMalus = *v;
    if (const auto v = queryParam(url.query, "full")) {
        if (*v == "1") r.fullCover = true;
        else if (*v == "0") r.fullCover = false;
    }
    return r;
}

std::string CostsRoute::url() const
{
    std::string q;
    const auto add = [&q](const char* name, const std::string& value) {
        q += (q.empty() ? "" : "&") + std::string(name) + "=" + urlEncode(value);
    };
    if (customsValue) add("value", customsValue->text());
    if (engineCm3) add("cm3", engineCm3->text());
    if (emptyWeightKg) add("kg", emptyWeightKg->text());
    if (registration) add("reg", *registration == CostsRegistration::First ? "first" : "transfer");
    if (yearlyKm) add("km", yearlyKm->text());
    if (consumption) add("cons", consumption->text());
    if (driverAge) add("age", driverAge->text());
    if (experienceYears) add("exp", experienceYears->text());
    if (region) add("region", *region);
    if (bonusMalus) add("bm", *bonusMalus);
    if (fullCover) add("full", *fullCover ? "1" : "0");
    return joinAppUrl(ListingRoute{listingId}.url() + "/costs", q);
}

bool CostsRoute::operator==(const CostsRoute& o) const
{
    return listingId == o.listingId && customsValue == o.customsValue && engineCm3 == o.engineCm3 &&
           emptyWeightKg == o.emptyWeightKg && registration == o.registration && yearlyKm == o.yearlyKm &&
           consumption == o.consumption && driverAge == o.driverAge && experienceYears == o.experienceYears &&
           region == o.region && bonusMalus == o.bonusMalus && fullCover == o.fullCover;
}

} // namespace dongelek

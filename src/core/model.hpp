// Domain types shared by the web app, the native app, the server and the tests.
// One contract: the JSON mapping for these lives in json_mapping.cpp, nowhere else.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dongelek {

// [SECTION] Enumerations (wire names are lowercase snake_case, see enums.cpp)

enum class Currency { KZT, BHD };
enum class Country { KZ, BH };
enum class Body { Sedan, Hatchback, Suv, Crossover, Wagon, Coupe, Minivan, Pickup };
enum class Fuel { Petrol, Diesel, Hybrid, Electric, Gas };
enum class Transmission { Automatic, Manual, Cvt, Robot };
enum class Drive { Fwd, Rwd, Awd };
enum class SellerKind { Private, Dealer };
enum class Sort { Newest, PriceAsc, PriceDesc, MileageAsc, YearDesc };
enum class Condition { New, Used };
enum class Steering { Left, Right }; // the wheel's side: right-hand-drive imports are common in Kazakhstan
enum class DealRating { Great, Good, Fair, High, Unknown };

template <typename E> struct EnumInfo; // specialised in enums.cpp for each enum above

// Wire name of an enum value ("sedan", "price_asc", "KZT").
std::string_view toString(Currency v);
std::string_view toString(Country v);
std::string_view toString(Body v);
std::string_view toString(Fuel v);
std::string_view toString(Transmission v);
std::string_view toString(Drive v);
std::string_view toString(SellerKind v);
std::string_view toString(Sort v);
std::string_view toString(Condition v);
std::string_view toString(Steering v);
std::string_view toString(DealRating v);

// Parse a wire name; std::nullopt when unknown.
template <typename E> std::optional<E> parseEnum(std::string_view s);
// Every value of an enum in declaration order (for filter combos and validation messages).
template <typename E> const std::vector<E>& allValues();

// [SECTION] Money

// Amounts are integers in minor units: KZT has 2 decimals (tiyn), BHD has 3 (fils).
struct Money {
    std::int64_t amountMinor = 0;
    Currency currency = Currency::KZT;
    bool operator==(const Money& o) const { return amountMinor == o.amountMinor && currency == o.currency; }
};
int minorDigits(Currency c);

// [SECTION] Catalog

struct ModelInfo {
    std::int64_t id = 0;
    std::string name;
    std::int64_t count = 0; // active listings
};
struct MakeInfo {
    std::int64_t id = 0;
    std::string name;
    std::int64_t count = 0;
    std::vector<ModelInfo> models;
};
struct City {
    std::int64_t id = 0;
    std::string name;
    Country country = Country::KZ;
    std::int64_t count = 0;
};

// [SECTION] Listings

struct Photo {
    std::string thumbUrl; // ~320x240 JPEG
    std::string largeUrl; // ~1280x960 JPEG
};

struct Seller {
    std::int64_t id = 0;
    std::string name;
    SellerKind kind = SellerKind::Private;
    std::string city;
    std::string phone;
    std::string memberSince; // ISO date
};

struct ListingSummary {
    std::int64_t id = 0;
    std::string title; // "Toyota Camry 2.5"
    std::string make;
    std::string model;
    int year = 0;
    Money price;
    int mileageKm = 0;
    std::string city;
    Country country = Country::KZ;
    Body body = Body::Sedan;
    Fuel fuel = Fuel::Petrol;
    Transmission transmission = Transmission::Automatic;
    std::string thumbUrl;
    std::string createdAt; // ISO 8601 UTC
    // Badges and card facts (the search index has them for every listing).
    Condition condition = Condition::Used;
    SellerKind sellerKind = SellerKind::Private;
    double engineLitres = 0; // 0 for electric
    int photoCount = 0;
    bool hasSpin = false;     // a 360° exterior spin exists
    bool vinVerified = false; // the VIN decoded and matches the listing
    bool sellerVerified = false; // the seller's email and phone are confirmed ("verified seller")
};

struct ListingDetails {
    ListingSummary summary;
    Drive drive = Drive::Fwd;
    double engineLitres = 0; // 0 for electric
    int powerHp = 0;
    std::string color;
    std::string vin;
    std::string description;
    std::vector<Photo> photos;
    Seller seller;
    std::string trim;        // "Prestige", "" when none
    int owners = 0;          // previous owners in the registration document; 0 for new cars
    Steering steering = Steering::Left;
    bool customsCleared = true; // cleared in Kazakhstan (always true for Bahrain)
    int accidents = 0;          // reported accidents
};

// [SECTION] Search

// Every field is optional; an unset field does not filter. Shared by the URL of the
// browse screen, the API query string and the server's SQL builder.
struct ListingFilter {
    std::string query; // free text over make, model, trim, title, description (prefix, typos, both scripts)
    // Lists are "any of", kept sorted and without repeats (parseListingQuery does that).
    std::vector<std::int64_t> makeIds;
    std::vector<std::int64_t> modelIds;
    std::optional<int> yearFrom;
    std::optional<int> yearTo;
    // Price bounds in whole units of `currency` (tenge or dinars); compared against
    // every listing's price converted at the reference rate, see money.hpp.
    std::optional<std::int64_t> priceFrom;
    std::optional<std::int64_t> priceTo;
    Currency currency = Currency::KZT;
    std::optional<int> mileageMax;
    std::optional<int> engineFrom; // engine volume in decilitres (16 = 1.6 l)
    std::optional<int> engineTo;
    std::optional<int> powerFrom; // horsepower
    std::optional<int> powerTo;
    std::vector<Body> bodies;
    std::vector<Fuel> fuels;
    std::vector<Transmission> transmissions;
    std::vector<Drive> drives;
    std::vector<std::string> colors; // wire names ("white"), sorted
    std::optional<Condition> condition;
    std::optional<int> ownersMax; // at most this many previous owners
    std::optional<Steering> steering;
    std::optional<SellerKind> sellerKind;
    bool customsCleared = false; // only cars cleared in Kazakhstan
    bool noAccidents = false;
    bool withPhotos = false;
    bool withSpin = false;
    bool vinVerified = false;
    bool sellerVerified = false; // only verified sellers
    std::optional<int> postedWithinDays; // 1, 3, 7 or 30
    // "Monthly payment up to", whole units of `currency`, with the buyer's loan terms (unset:
    // the market's defaults, core/finance/loan_filter.hpp): the cars whose annuity payment at
    // those terms is at most this (the search turns it into the price bound it implies).
    std::optional<std::int64_t> monthlyMax;
    std::optional<int> loanDownPercent; // 0..90
    std::optional<int> loanTermMonths;  // 1..120
    std::optional<int> loanRateBp;      // nominal yearly rate, 1850 = 18.50 %
    std::optional<std::int64_t> cityId;
    std::optional<Country> country;
    Sort sort = Sort::Newest;
    int page = 1;
    int pageSize = 20;

    bool operator==(const ListingFilter& o) const;
    bool operator!=(const ListingFilter& o) const { return !(*this == o); }
};

struct ListingPage {
    std::vector<ListingSummary> items;
    std::int64_t total = 0;
    int page = 1;
    int pageSize = 20;
};

// GET /api/v1/search/facets: how many listings each option would leave, given the other
// filters. facets[parameter][value]: parameters and values are the query string's
// ("make" -> "3", "body" -> "suv", "photos" -> "1", "posted_within" -> "7").
struct SearchFacets {
    std::int64_t total = 0; // listings matching the whole filter
    std::vector<std::pair<std::string, std::vector<std::pair<std::string, std::int64_t>>>> facets;
    // The count for one option, 0 when the server sent none.
    std::int64_t count(std::string_view parameter, std::string_view value) const;
};

// GET /api/v1/search/suggest?q=: what the user may mean while typing.
enum class SuggestionKind { Make, Model, Search };
struct Suggestion {
    SuggestionKind kind = SuggestionKind::Make;
    std::string text;  // "Toyota Camry", or a popular search as typed
    std::string query; // the search it opens, a query string ("make=3&model=12", "q=camry 2.5")
    std::int64_t count = 0; // active listings it finds
};
struct SuggestionList {
    std::vector<Suggestion> items;
};
std::string_view toString(SuggestionKind v);

// [SECTION] Listing page extras

// GET /api/v1/listings/{id}/insight: the market price from comparable listings (see
// core/price_insight.hpp for the method) and the listing's own price history.
struct PricePoint {
    std::string at; // ISO 8601 UTC: when this price was set
    Money price;
};
struct PriceInsight {
    DealRating rating = DealRating::Unknown;
    bool available = false; // an estimate exists (enough comparables)
    Money estimate;         // in the listing's currency, rounded
    Money low;              // the fair range
    Money high;
    int comparables = 0;
    std::vector<PricePoint> history; // earlier prices, oldest first, then the current one
};

// POST /api/v1/listings/{id}/contact: the seller's phone, after the rate limit.
struct ContactReveal {
    std::string phone;    // "+7 701 234 56 78"
    std::string whatsapp; // https://wa.me/77012345678?text=... with the car named
    std::string telegram; // https://t.me/+77012345678
};

// [SECTION] Saved searches and notifications (signed-in users)

// GET/POST /api/v1/me/saved-searches: a search the user named, optionally with an alert
// when a new listing matches it.
struct SavedSearch {
    std::int64_t id = 0;
    std::string name;
    std::string query;     // the listing query string (core's toQueryString, canonical)
    bool alert = false;    // notify (in the app and by mail) about new matches
    std::string createdAt; // ISO 8601 UTC
    std::int64_t total = 0;    // listings it finds now
    std::int64_t unread = 0;   // new matches not yet seen
};
struct SavedSearchList {
    std::vector<SavedSearch> items;
};

// GET /api/v1/me/notifications: new listings for the user's saved searches, newest first.
struct Notification {
    std::int64_t id = 0;
    std::int64_t savedSearchId = 0;
    std::string savedSearchName;
    std::string createdAt;
    bool read = false;
    ListingSummary listing; // id 0 and no title when the listing is gone
};
struct NotificationList {
    std::vector<Notification> items;
    std::int64_t unread = 0;
};

// [SECTION] Health

// GET /api/v1/health: {"status": "ok", "listings": N, "version": "0.1.0"}.
struct HealthReport {
    std::string status; // "ok" whenever the server answers
    std::int64_t listings = 0; // active listings
    std::string version;
};

// [SECTION] Errors

// The API's error body: {"error": {"code": "...", "field": "...", "message": "..."}}.
struct ApiError {
    std::string code;    // invalid_parameter, not_found, uri_too_long, method_not_allowed, payload_too_large, internal
    std::string field;   // the offending parameter, empty when none
    std::string message; // English, for developers and logs; the UI shows a localized text
};

// [SECTION] Favorites and comparison

// Where a listing stands: still for sale, sold, or taken down by its seller.
enum class ListingStatus { Active, Sold, Removed };
std::string_view toString(ListingStatus v);

// GET /api/v1/me/favorites: one saved car, with its price then and now.
struct Favorite {
    std::int64_t listingId = 0;
    std::string savedAt; // ISO 8601 UTC
    Money savedPrice;    // the asking price when it was saved
    Money price;         // the asking price now (the last one once sold or removed)
    ListingStatus status = ListingStatus::Active;
    std::optional<ListingSummary> listing; // absent once removed
};
struct FavoriteList {
    std::vector<Favorite> items; // newest saved first
};

// GET /api/v1/compare?ids=: the listings in the order asked, and the ids nobody has.
struct Comparison {
    std::vector<ListingDetails> items;
    std::vector<std::int64_t> unknownIds;
};

} // namespace dongelek

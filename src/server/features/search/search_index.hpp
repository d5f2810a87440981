// The in-memory search index: every active listing as a compact row, built from the
// repository in one pass and then read-only (many threads search one snapshot at once;
// a newer snapshot replaces it whole, see search_service.hpp).
//
// What it answers, with no database access:
// - search(): the filter, the sort, one page of summaries and the total;
// - facets(): for each filter option, how many listings it would leave given the other
//   filters (one pass over the rows; a row that fails two or more filters counts nowhere);
// - suggest(): makes, models and popular searches for text being typed.
//
// Free text: each listing's make, model (with their other spellings), trim, title and
// description are split into words and folded (core/search_text.hpp), so Latin and Cyrillic
// spellings meet. A query word matches a listing when the listing has a word equal to it,
// starting with it (from two letters), or, for names (make, model, trim), within the
// word's typo budget; a year ("2018") also matches the listing's year. Every query word
// must match.
#pragma once

#include "server/features/listings/listing_repository.hpp"

#include "core/model.hpp"

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace dongelek::server {

class SearchIndex {
public:
    SearchIndex(std::vector<SearchDocument> documents, const SearchCatalog& catalog, std::uint64_t dataVersion);

    std::uint64_t dataVersion() const { return m_dataVersion; }
    std::size_t size() const { return m_rows.size(); }

    // `filter` must be valid (parseListingQuery); "posted within" counts back from nowUnix.
    SearchResult search(const ListingFilter& filter, std::int64_t nowUnix) const;
    SearchFacets facets(const ListingFilter& filter, std::int64_t nowUnix) const;
    // Makes and models the text may mean (prefix of the last word, typos, both scripts),
    // most listings first, then the popular searches given (already matching the text).
    SuggestionList suggest(std::string_view text, std::size_t limit) const;

    // Listing ids with id > afterId that match `filter`, ascending (saved-search alerts).
    std::vector<std::int64_t> newMatches(const ListingFilter& filter, std::int64_t afterId, std::int64_t nowUnix) const;
    std::int64_t maxListingId() const { return m_maxId; }
    // The summary of one listing in the index (favorites, comparison), if it is active.
    std::optional<ListingSummary> summary(std::int64_t listingId, std::int64_t* coverPhotoId = nullptr) const;
    // Active listings of the same model with a year within `years`, in the same country,
    // excluding `listingId` (price insight and "similar cars"); the compact facts only.
    struct Comparable {
        std::int64_t id;
        int year;
        int mileageKm;
        std::int64_t priceKzt;
    };
    std::vector<Comparable> comparables(std::int64_t modelId, int year, int years, Country country,
                                        std::int64_t listingId) const;

    // What the price insight and "similar cars" need of one listing.
    struct Facts {
        std::int64_t modelId = 0;
        std::int64_t sellerId = 0;
        int year = 0;
        int mileageKm = 0;
        std::int64_t priceKzt = 0;
        Country country = Country::KZ;
        Body body = Body::Sedan;
    };
    std::optional<Facts> facts(std::int64_t listingId) const;
    // Up to `limit` other listings like this one: the same model nearest in year first, then
    // the same body in the same market within ±25 % of the price, nearest in price.
    SearchResult similar(std::int64_t listingId, std::size_t limit) const;
    // The seller's active listings, newest first, one page (excluding `exceptId`).
    SearchResult bySeller(std::int64_t sellerId, std::int64_t exceptId, int page, int pageSize) const;


private:
    // One listing in 48 bytes: dense small indices instead of ids and wire names.
    struct Row {
        std::int64_t priceKzt;
        std::int32_t created; // seconds since 2000-01-01 UTC (kEpoch2000)
        std::int32_t mileage;
        std::uint32_t index;  // position in id order: the side arrays and text bits
        std::uint16_t make, model, city; // dense indices into m_makes / m_models / m_cities
        std::int16_t year;
        std::uint16_t engine; // decilitres
        std::uint16_t power;
        std::uint8_t body, fuel, transmission, drive, color, condition, owners, steering, seller, country, currency;
        std::uint8_t flags; // customs, no accidents, photos, spin, VIN, verified seller (kFlag* in the .cpp)
    };
    struct Compiled; // a filter turned into dense lookups, in the .cpp
    struct Names {
        std::int64_t id;
        std::string name;
        std::vector<std::string> words; // folded name and aliases
        std::int64_t count = 0;         // active listings
        std::uint16_t make = 0;         // models: the make's dense index
    };

    Compiled compile(const ListingFilter& f, std::int64_t nowUnix) const;
    std::uint32_t failMask(const Row& r, const Compiled& c) const;
    bool passes(const Row& r, const Compiled& c) const;
    bool textMatches(const std::vector<std::string>& words, std::vector<std::uint64_t>& bits) const;
    ListingSummary summaryOf(std::uint32_t index) const;
    SearchFacets countFacets(const ListingFilter& f, std::int64_t nowUnix) const;
    SearchResult resultOf(const std::vector<std::uint32_t>& indices, std::int64_t total) const;
    // Counts the matching rows of [begin, end) and keeps the indices of matches number
    // [skip, skip + take) in `page`.
    std::int64_t walk(const Row* begin, const Row* end, const Compiled& c, std::size_t skip, std::size_t take,
                      std::vector<std::uint32_t>& page) const;

    std::uint64_t m_dataVersion = 0;
    std::int64_t m_maxId = 0;
    std::vector<Row> m_rows; // by listing id (Row::index is the position)
    // Side arrays by Row::index: what only the answer needs.
    std::vector<std::int64_t> m_ids;
    std::vector<std::int64_t> m_priceMinor;
    std::vector<std::string> m_titles;
    std::vector<std::int64_t> m_covers; // cover photo id, 0 without
    std::vector<std::uint16_t> m_photoCounts;
    std::vector<std::int64_t> m_sellerIds;
    std::unordered_map<std::int64_t, std::vector<std::uint32_t>> m_rowsBySeller; // newest first
    std::vector<Names> m_makes, m_models;
    std::vector<std::string> m_cityNames;
    std::vector<std::int64_t> m_cityIds;
    std::unordered_map<std::int64_t, std::uint16_t> m_makeIndex, m_modelIndex, m_cityIndex;
    std::vector<std::string> m_colors; // dense colour index -> wire name
    std::vector<std::vector<std::uint32_t>> m_rowsByModel; // Row::index values per model
    // Copies of the rows for each Sort value, so a search reads memory in order: all rows
    // in the sort's order, and the same grouped by make (each group in the sort's order;
    // m_makeStart[make] .. m_makeStart[make + 1] is the make's group in every copy).
    std::vector<std::vector<Row>> m_sorted, m_sortedByMake;
    std::vector<std::size_t> m_makeStart;
    std::vector<std::vector<std::uint32_t>> m_orderIndex; // per Sort value: Row::index in that order
    // Free text: sorted folded words, each with its rows (ascending Row::index); names
    // separately, since only they are matched with typos.
    std::vector<std::string> m_words;
    std::vector<std::vector<std::uint32_t>> m_postings;
    std::vector<std::uint32_t> m_nameWords; // indices into m_words of words from names
    // The counts without filters, computed on first use.
    mutable std::mutex m_unfilteredMutex;
    mutable std::shared_ptr<const SearchFacets> m_unfiltered;
    mutable std::int64_t m_unfilteredAt = 0;
    // Bitmaps by Row::index, one per value of the small dimensions and per flag.
    std::vector<std::vector<std::uint64_t>> m_bodyBits, m_fuelBits, m_transmissionBits, m_driveBits, m_colorBits,
        m_conditionBits, m_steeringBits, m_sellerBits, m_countryBits, m_flagBits;
};

} // namespace dongelek::server

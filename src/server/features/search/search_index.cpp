// The in-memory search index; see search_index.hpp for what it answers and why.
//
// [SECTION] Dimensions and the compiled filter
// [SECTION] Building
// [SECTION] Matching
// [SECTION] Search
// [SECTION] Facets
// [SECTION] Suggestions and lookups

#include "server/features/search/search_index.hpp"

#include "core/finance/loan_filter.hpp"
#include "core/money.hpp"
#include "core/search_text.hpp"
#include "core/text_format.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace dongelek::server {

// [SECTION] Dimensions and the compiled filter

namespace {

// One bit per filter: a row's fail mask has the bits of the filters it fails.
enum Dim : std::uint32_t {
    kMake = 1u << 0,
    kModel = 1u << 1,
    kYear = 1u << 2,
    kPrice = 1u << 3,
    kMileage = 1u << 4,
    kEngine = 1u << 5,
    kPower = 1u << 6,
    kBody = 1u << 7,
    kFuel = 1u << 8,
    kTransmission = 1u << 9,
    kDrive = 1u << 10,
    kColor = 1u << 11,
    kCondition = 1u << 12,
    kOwners = 1u << 13,
    kSteering = 1u << 14,
    kSeller = 1u << 15,
    kCustoms = 1u << 16,
    kNoAccidents = 1u << 17,
    kPhotos = 1u << 18,
    kSpin = 1u << 19,
    kVin = 1u << 20,
    kPosted = 1u << 21,
    kCity = 1u << 22,
    kCountry = 1u << 23,
    kText = 1u << 24,
    kSellerVerified = 1u << 25,
};

constexpr std::int64_t kEpoch2000 = 946684800; // Row::created counts from here

// Row flag bits.
constexpr std::uint8_t kFlagCustoms = 1, kFlagNoAccidents = 2, kFlagPhotos = 4, kFlagSpin = 8, kFlagVin = 16,
                         kFlagSellerVerified = 32;
constexpr std::size_t kFlagCount = 6; // the kFlag* bits, in this order

template <typename E> std::uint8_t ordinal(E v)
{
    const auto& all = allValues<E>();
    return static_cast<std::uint8_t>(std::find(all.begin(), all.end(), v) - all.begin());
}
template <typename E> std::uint32_t maskOf(const std::vector<E>& values)
{
    std::uint32_t m = 0;
    for (E v : values) m |= 1u << ordinal(v);
    return m;
}

// "2026-11-01T12:00:00Z" -> Unix seconds (days from the civil calendar; UTC only).
std::int64_t parseIsoSeconds(std::string_view s)
{
    const auto num = [&](std::size_t at, std::size_t n) {
        std::int64_t v = 0;
        for (std::size_t i = at; i < at + n && i < s.size(); ++i) v = v * 10 + (s[i] - '0');
        return v;
    };
    if (s.size() < 19) return 0;
    std::int64_t y = num(0, 4);
    const std::int64_t m = num(5, 2), d = num(8, 2);
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t yoe = y - era * 400;
    const std::int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    const std::int64_t days = era * 146097 + doe - 719468;
    return days * 86400 + num(11, 2) * 3600 + num(14, 2) * 60 + num(17, 2);
}

// More than two bits set (no popcnt instruction on baseline x86-64).
bool moreThanTwoBits(std::uint32_t v)
{
    v &= v - 1;
    v &= v - 1;
    return v != 0;
}

} // namespace

// The SQL ORDER BY of each sort: the key, then the id (rows are in id order, so the index)
// in the key's direction.
template <typename R> bool ranksBefore(Sort sort, const R& x, const R& y)
{
    switch (sort) {
    case Sort::Newest: return x.created != y.created ? x.created > y.created : x.index > y.index;
    case Sort::PriceAsc: return x.priceKzt != y.priceKzt ? x.priceKzt < y.priceKzt : x.index < y.index;
    case Sort::PriceDesc: return x.priceKzt != y.priceKzt ? x.priceKzt > y.priceKzt : x.index > y.index;
    case Sort::MileageAsc: return x.mileage != y.mileage ? x.mileage < y.mileage : x.index < y.index;
    case Sort::YearDesc: return x.year != y.year ? x.year > y.year : x.index > y.index;
    }
    return x.index < y.index;
}

struct SearchIndex::Compiled {
    std::uint32_t active = 0; // dims with a filter
    std::vector<std::uint8_t> makeOk, modelOk, colorOk;
    int yearLo = 0, yearHi = 0;
    std::int64_t priceLo = 0, priceHi = 0;
    int mileageMax = 0, engineLo = 0, engineHi = 0, powerLo = 0, powerHi = 0;
    std::uint32_t bodies = 0, fuels = 0, transmissions = 0, drives = 0;
    std::uint8_t condition = 0, steering = 0, seller = 0, country = 0;
    int ownersMax = 0;
    std::int64_t postedAfter = 0;
    int city = -1; // dense index; -1 with kCity active: an unknown city
    std::vector<std::uint64_t> textBits; // rows matching the free text
    std::int64_t now = 0;
    // Rows that pass every filter with a bitmap of its own (the enum lists, flags, text),
    // when any is set: a selective combination reads only these rows.
    bool hasCandidates = false;
    std::vector<std::uint64_t> candidates;
};

// [SECTION] Building

namespace {

void addWords(std::vector<std::string>& out, std::string_view text)
{
    for (std::string& w : search::tokens(text)) out.push_back(std::move(w));
}

} // namespace

SearchIndex::SearchIndex(std::vector<SearchDocument> docs, const SearchCatalog& catalog, std::uint64_t dataVersion)
    : m_dataVersion(dataVersion)
{
    std::sort(docs.begin(), docs.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
    for (const MakeRecord& m : catalog.makes) {
        Names n{m.id, m.name, {}, 0, 0};
        addWords(n.words, m.name);
        addWords(n.words, m.searchAliases);

        m_makeIndex[m.id] = static_cast<std::uint16_t>(m_makes.size());
        m_makes.push_back(std::move(n));
    }
    for (const ModelRecord& m : catalog.models) {
        Names n{m.id, m.name, {}, 0, 0};
        addWords(n.words, m.name);
        addWords(n.words, m.searchAliases);

        const auto make = m_makeIndex.find(m.makeId);
        n.make = make == m_makeIndex.end() ? 0 : make->second;
        m_modelIndex[m.id] = static_cast<std::uint16_t>(m_models.size());
        m_models.push_back(std::move(n));
    }
    for (const CityRecord& c : catalog.cities) {
        m_cityIndex[c.id] = static_cast<std::uint16_t>(m_cityNames.size());
        m_cityNames.push_back(c.name);
        m_cityIds.push_back(c.id);
    }
    m_rows.reserve(docs.size());
    m_rowsByModel.assign(m_models.size(), {});
    std::unordered_map<std::string, std::uint8_t> colorIndex;
    // Words as numbered terms while building: each written form is folded and looked up
    // once (descriptions repeat their words), and a document's words are then integers.
    std::vector<std::string> terms;
    std::vector<std::vector<std::uint32_t>> termRows;
    std::unordered_map<std::string, std::uint32_t> termOf;
    const auto term = [&](const std::string& folded) {
        auto [it, added] = termOf.emplace(folded, static_cast<std::uint32_t>(terms.size()));
        if (added) {
            terms.push_back(folded);
            termRows.emplace_back();
        }
        return it->second;
    };
    std::unordered_map<std::string_view, std::int64_t> rawTerm; // -1: folds to nothing
    std::vector<std::uint32_t> words;
    const auto addFolded = [&](std::string_view text) {
        for (std::string_view w : search::rawWords(text)) {
            auto it = rawTerm.find(w);
            if (it == rawTerm.end()) {
                const std::string f = search::foldWord(w);
                it = rawTerm.emplace(w, f.empty() ? -1 : std::int64_t{term(f)}).first;
            }
            if (it->second >= 0) words.push_back(static_cast<std::uint32_t>(it->second));
        }
    };
    std::vector<std::vector<std::uint32_t>> makeTerms(m_makes.size()), modelTerms(m_models.size());
    for (std::size_t i = 0; i < m_makes.size(); ++i)
        for (const std::string& w : m_makes[i].words) makeTerms[i].push_back(term(w));
    for (std::size_t i = 0; i < m_models.size(); ++i)
        for (const std::string& w : m_models[i].words) modelTerms[i].push_back(term(w));
    std::vector<std::uint8_t> isName; // by term
    for (const SearchDocument& d : docs) {
        const auto make = m_makeIndex.find(d.makeId);
        const auto model = m_modelIndex.find(d.modelId);
        const auto city = m_cityIndex.find(d.cityId);
        if (make == m_makeIndex.end() || model == m_modelIndex.end() || city == m_cityIndex.end())
            continue; // the foreign keys make this impossible; never index a half row
        const auto index = static_cast<std::uint32_t>(m_rows.size());
        Row r{};
        r.index = index;
        r.priceKzt = d.priceKzt;
        r.created = static_cast<std::int32_t>(std::clamp<std::int64_t>(parseIsoSeconds(d.createdAt) - kEpoch2000, 0, INT32_MAX));
        r.mileage = d.mileageKm;
        r.make = make->second;
        r.model = model->second;
        r.city = city->second;
        r.year = static_cast<std::int16_t>(d.year);
        r.engine = static_cast<std::uint16_t>(std::lround(d.engineLitres * 10));
        r.power = static_cast<std::uint16_t>(std::clamp(d.powerHp, 0, 65535));
        r.body = ordinal(d.body);
        r.fuel = ordinal(d.fuel);
        r.transmission = ordinal(d.transmission);
        r.drive = ordinal(d.drive);
        auto [color, added] =
            colorIndex.emplace(d.color, static_cast<std::uint8_t>(std::min<std::size_t>(colorIndex.size(), 255)));
        if (added && m_colors.size() < 256) m_colors.push_back(d.color);
        r.color = color->second;
        r.condition = ordinal(d.condition);
        r.owners = static_cast<std::uint8_t>(std::clamp(d.owners, 0, 255));
        r.steering = ordinal(d.steering);
        r.seller = ordinal(d.sellerKind);
        r.country = ordinal(d.country);
        r.currency = ordinal(d.price.currency);
        r.flags = static_cast<std::uint8_t>((d.customsCleared ? kFlagCustoms : 0) |
                                            (d.accidents == 0 ? kFlagNoAccidents : 0) |
                                            (d.photoCount > 0 ? kFlagPhotos : 0) | (d.hasSpin ? kFlagSpin : 0) |
                                            (d.vinVerified ? kFlagVin : 0) |
                                            (d.sellerVerified ? kFlagSellerVerified : 0));
        m_rows.push_back(r);
        m_ids.push_back(d.id);
        m_priceMinor.push_back(d.price.amountMinor);
        m_titles.push_back(d.title);
        m_covers.push_back(d.coverPhotoId);
        m_photoCounts.push_back(static_cast<std::uint16_t>(std::clamp(d.photoCount, 0, 65535)));
        m_sellerIds.push_back(d.sellerId);
        m_rowsBySeller[d.sellerId].push_back(index);
        m_rowsByModel[r.model].push_back(index);
        ++m_makes[r.make].count;
        ++m_models[r.model].count;
        m_maxId = std::max(m_maxId, d.id);

        words.clear();
        words.insert(words.end(), makeTerms[r.make].begin(), makeTerms[r.make].end());
        words.insert(words.end(), modelTerms[r.model].begin(), modelTerms[r.model].end());
        const std::size_t trimStart = words.size();
        addFolded(d.trim);
        if (isName.size() < terms.size()) isName.resize(terms.size(), 0);
        for (std::size_t i = trimStart; i < words.size(); ++i) isName[words[i]] = 1; // a trim is a name
        addFolded(d.title);
        addFolded(d.description);
        std::sort(words.begin(), words.end());
        words.erase(std::unique(words.begin(), words.end()), words.end());
        for (std::uint32_t t : words)
            termRows[t].push_back(index);
    }
    isName.resize(terms.size(), 0);
    for (const auto& list : {std::cref(makeTerms), std::cref(modelTerms)})
        for (const auto& ts : list.get())
            for (std::uint32_t t : ts) isName[t] = 1;

    // The vocabulary in sorted order (prefix matching is a range), only words some row has.
    std::vector<std::uint32_t> order;
    for (std::uint32_t t = 0; t < terms.size(); ++t)
        if (!termRows[t].empty()) order.push_back(t);
    std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return terms[a] < terms[b]; });
    m_words.reserve(order.size());
    m_postings.reserve(order.size());
    for (std::uint32_t t : order) {
        if (isName[t]) m_nameWords.push_back(static_cast<std::uint32_t>(m_words.size()));
        m_words.push_back(std::move(terms[t]));
        m_postings.push_back(std::move(termRows[t]));
    }

    for (auto& [seller, rows] : m_rowsBySeller)
        std::sort(rows.begin(), rows.end(), [&](std::uint32_t a, std::uint32_t b) {
            return ranksBefore(Sort::Newest, m_rows[a], m_rows[b]);
        });

    // The sorted copies: one per Sort value, the same order as the SQL ORDER BY (the id,
    // here its index, breaks ties in the key's direction).
    m_makeStart.assign(m_makes.size() + 1, 0);
    for (const Row& r : m_rows) ++m_makeStart[r.make + 1u];
    for (std::size_t i = 1; i < m_makeStart.size(); ++i) m_makeStart[i] += m_makeStart[i - 1];
    const auto& sorts = allValues<Sort>();
    m_sorted.assign(sorts.size(), {});
    m_sortedByMake.assign(sorts.size(), {});
    m_orderIndex.assign(sorts.size(), {});
    for (std::size_t k = 0; k < sorts.size(); ++k) {
        const Sort sort = sorts[k];
        std::vector<Row>& all = m_sorted[k];
        all = m_rows;
        std::sort(all.begin(), all.end(), [sort](const Row& x, const Row& y) { return ranksBefore(sort, x, y); });
        std::vector<Row>& byMake = m_sortedByMake[k];
        byMake.resize(m_rows.size());
        std::vector<std::size_t> next(m_makeStart.begin(), m_makeStart.end() - 1);
        for (const Row& r : all) byMake[next[r.make]++] = r; // stable: each group keeps the order
        m_orderIndex[k].reserve(all.size());
        for (const Row& r : all) m_orderIndex[k].push_back(r.index);
    }

    // One bitmap per value of each small dimension (a few hundred KB in all).
    const std::size_t bitWords = (m_rows.size() + 63) / 64;
    const auto bitmaps = [&](std::size_t values, auto valueOf) {
        std::vector<std::vector<std::uint64_t>> out(values, std::vector<std::uint64_t>(bitWords, 0));
        for (const Row& r : m_rows) {
            const std::size_t v = valueOf(r);
            if (v < values) out[v][r.index >> 6] |= std::uint64_t{1} << (r.index & 63);
        }
        return out;
    };
    m_bodyBits = bitmaps(allValues<Body>().size(), [](const Row& r) { return r.body; });
    m_fuelBits = bitmaps(allValues<Fuel>().size(), [](const Row& r) { return r.fuel; });
    m_transmissionBits = bitmaps(allValues<Transmission>().size(), [](const Row& r) { return r.transmission; });
    m_driveBits = bitmaps(allValues<Drive>().size(), [](const Row& r) { return r.drive; });
    m_colorBits = bitmaps(m_colors.size(), [](const Row& r) { return r.color; });
    m_conditionBits = bitmaps(2, [](const Row& r) { return r.condition; });
    m_steeringBits = bitmaps(2, [](const Row& r) { return r.steering; });
    m_sellerBits = bitmaps(2, [](const Row& r) { return r.seller; });
    m_countryBits = bitmaps(2, [](const Row& r) { return r.country; });
    m_flagBits.assign(kFlagCount, std::vector<std::uint64_t>(bitWords, 0));
    for (const Row& r : m_rows)
        for (std::size_t f = 0; f < kFlagCount; ++f)
            if (r.flags >> f & 1) m_flagBits[f][r.index >> 6] |= std::uint64_t{1} << (r.index & 63);
}

// [SECTION] Matching

bool SearchIndex::textMatches(const std::vector<std::string>& queryWords, std::vector<std::uint64_t>& bits) const
{
    const std::size_t wordsOfBits = (m_rows.size() + 63) / 64;
    bits.assign(wordsOfBits, ~std::uint64_t{0});
    std::vector<std::uint64_t> one(wordsOfBits);
    const auto addRows = [&](const std::vector<std::uint32_t>& rows) {
        for (std::uint32_t r : rows) one[r >> 6] |= std::uint64_t{1} << (r & 63);
    };
    for (const std::string& q : queryWords) {
        std::fill(one.begin(), one.end(), 0);
        // Equal or starting with it (from two letters).
        auto it = std::lower_bound(m_words.begin(), m_words.end(), q);
        if (q.size() >= 2) {
            for (; it != m_words.end() && it->compare(0, q.size(), q) == 0; ++it)
                addRows(m_postings[static_cast<std::size_t>(it - m_words.begin())]);
        } else if (it != m_words.end() && *it == q) {
            addRows(m_postings[static_cast<std::size_t>(it - m_words.begin())]);
        }
        // Names within the typo budget.
        const int budget = search::isNumber(q) ? 0 : search::typoBudget(q.size());
        if (budget > 0) {
            for (std::uint32_t w : m_nameWords)
                if (search::withinEdits(q, m_words[w], budget)) addRows(m_postings[w]);
        }
        // A year.
        if (q.size() == 4 && search::isNumber(q)) {
            const int year = std::stoi(q);
            for (std::uint32_t r = 0; r < m_rows.size(); ++r)
                if (m_rows[r].year == year) one[r >> 6] |= std::uint64_t{1} << (r & 63);
        }
        bool any = false;
        for (std::size_t i = 0; i < wordsOfBits; ++i) {
            bits[i] &= one[i];
            any = any || bits[i] != 0;
        }
        if (!any) return false;
    }
    return true;
}

SearchIndex::Compiled SearchIndex::compile(const ListingFilter& f, std::int64_t nowUnix) const
{
    Compiled c;
    c.now = nowUnix;
    const auto dense = [](const std::vector<std::int64_t>& ids, const std::unordered_map<std::int64_t, std::uint16_t>& index,
                          std::size_t size) {
        std::vector<std::uint8_t> ok(size, 0);
        for (std::int64_t id : ids)
            if (auto it = index.find(id); it != index.end()) ok[it->second] = 1;
        return ok;
    };
    if (!f.makeIds.empty()) {
        c.active |= kMake;
        c.makeOk = dense(f.makeIds, m_makeIndex, m_makes.size());
    }
    if (!f.modelIds.empty()) {
        c.active |= kModel;
        c.modelOk = dense(f.modelIds, m_modelIndex, m_models.size());
    }
    if (f.yearFrom || f.yearTo) {
        c.active |= kYear;
        c.yearLo = f.yearFrom.value_or(0);
        c.yearHi = f.yearTo.value_or(1 << 15);
    }
    // "Monthly payment up to" is the price bound it implies (core/finance/loan_filter.hpp).
    const std::optional<std::int64_t> priceTo = finance::effectivePriceTo(f);
    if (f.priceFrom || priceTo) {
        c.active |= kPrice;
        c.priceLo = f.priceFrom ? boundToKztWhole(*f.priceFrom, f.currency) : INT64_MIN;
        c.priceHi = priceTo ? boundToKztWhole(*priceTo, f.currency) : INT64_MAX;
    }
    if (f.mileageMax) {
        c.active |= kMileage;
        c.mileageMax = *f.mileageMax;
    }
    if (f.engineFrom || f.engineTo) {
        c.active |= kEngine;
        c.engineLo = f.engineFrom.value_or(0);
        c.engineHi = f.engineTo.value_or(1 << 16);
    }
    if (f.powerFrom || f.powerTo) {
        c.active |= kPower;
        c.powerLo = f.powerFrom.value_or(0);
        c.powerHi = f.powerTo.value_or(1 << 16);
    }
    if (!f.bodies.empty()) c.active |= kBody, c.bodies = maskOf(f.bodies);
    if (!f.fuels.empty()) c.active |= kFuel, c.fuels = maskOf(f.fuels);
    if (!f.transmissions.empty()) c.active |= kTransmission, c.transmissions = maskOf(f.transmissions);
    if (!f.drives.empty()) c.active |= kDrive, c.drives = maskOf(f.drives);
    if (!f.colors.empty()) {
        c.active |= kColor;
        c.colorOk.assign(std::max<std::size_t>(m_colors.size(), 1), 0);
        for (std::size_t i = 0; i < m_colors.size(); ++i)
            if (std::binary_search(f.colors.begin(), f.colors.end(), m_colors[i])) c.colorOk[i] = 1;
    }
    if (f.condition) c.active |= kCondition, c.condition = ordinal(*f.condition);
    if (f.ownersMax) c.active |= kOwners, c.ownersMax = *f.ownersMax;
    if (f.steering) c.active |= kSteering, c.steering = ordinal(*f.steering);
    if (f.sellerKind) c.active |= kSeller, c.seller = ordinal(*f.sellerKind);
    if (f.customsCleared) c.active |= kCustoms;
    if (f.noAccidents) c.active |= kNoAccidents;
    if (f.withPhotos) c.active |= kPhotos;
    if (f.withSpin) c.active |= kSpin;
    if (f.vinVerified) c.active |= kVin;
    if (f.sellerVerified) c.active |= kSellerVerified;
    if (f.postedWithinDays)
        c.active |= kPosted, c.postedAfter = nowUnix - kEpoch2000 - std::int64_t{*f.postedWithinDays} * 86400;
    if (f.cityId) {
        c.active |= kCity;
        const auto it = m_cityIndex.find(*f.cityId);
        c.city = it == m_cityIndex.end() ? -1 : it->second;
    }
    if (f.country) c.active |= kCountry, c.country = ordinal(*f.country);
    if (!f.query.empty()) {
        c.active |= kText;
        const std::vector<std::string> words = search::tokens(f.query);
        if (words.empty() || !textMatches(words, c.textBits)) c.textBits.assign((m_rows.size() + 63) / 64, 0);
    }

    // The candidate rows: the AND over the bitmap dimensions of the OR of their chosen values.
    const std::size_t words = (m_rows.size() + 63) / 64;
    const auto narrow = [&](const std::vector<std::vector<std::uint64_t>>& bits, std::uint64_t chosen) {
        std::vector<std::uint64_t> any(words, 0);
        for (std::size_t v = 0; v < bits.size(); ++v)
            if (chosen >> v & 1)
                for (std::size_t w = 0; w < words; ++w) any[w] |= bits[v][w];
        if (!c.hasCandidates) {
            c.candidates = std::move(any);
            c.hasCandidates = true;
        } else {
            for (std::size_t w = 0; w < words; ++w) c.candidates[w] &= any[w];
        }
    };
    if (c.active & kBody) narrow(m_bodyBits, c.bodies);
    if (c.active & kFuel) narrow(m_fuelBits, c.fuels);
    if (c.active & kTransmission) narrow(m_transmissionBits, c.transmissions);
    if (c.active & kDrive) narrow(m_driveBits, c.drives);
    if ((c.active & kColor) && m_colors.size() <= 64) {
        std::uint64_t chosen = 0;
        for (std::size_t i = 0; i < m_colors.size(); ++i)
            if (c.colorOk[i]) chosen |= std::uint64_t{1} << i;
        narrow(m_colorBits, chosen);
    }
    if (c.active & kCondition) narrow(m_conditionBits, std::uint64_t{1} << c.condition);
    if (c.active & kSteering) narrow(m_steeringBits, std::uint64_t{1} << c.steering);
    if (c.active & kSeller) narrow(m_sellerBits, std::uint64_t{1} << c.seller);
    if (c.active & kCountry) narrow(m_countryBits, std::uint64_t{1} << c.country);
    const std::uint32_t flagDims[kFlagCount] = {kCustoms, kNoAccidents, kPhotos, kSpin, kVin, kSellerVerified};
    for (std::size_t f = 0; f < kFlagCount; ++f) {
        if (!(c.active & flagDims[f])) continue;
        const std::vector<std::vector<std::uint64_t>> one{m_flagBits[f]};
        narrow(one, 1);
    }
    if (c.active & kText) {
        const std::vector<std::vector<std::uint64_t>> one{c.textBits};
        narrow(one, 1);
    }
    return c;
}

[[gnu::always_inline]] inline std::uint32_t SearchIndex::failMask(const Row& r, const Compiled& c) const
{
    const std::uint32_t a = c.active;
    std::uint32_t m = 0;
    if ((a & kMake) && !c.makeOk[r.make]) m |= kMake;
    if ((a & kModel) && !c.modelOk[r.model]) m |= kModel;
    if ((a & kYear) && (r.year < c.yearLo || r.year > c.yearHi)) m |= kYear;
    if ((a & kPrice) && (r.priceKzt < c.priceLo || r.priceKzt > c.priceHi)) m |= kPrice;
    if ((a & kMileage) && r.mileage > c.mileageMax) m |= kMileage;
    if ((a & kEngine) && (r.engine < c.engineLo || r.engine > c.engineHi)) m |= kEngine;
    if ((a & kPower) && (r.power < c.powerLo || r.power > c.powerHi)) m |= kPower;
    if ((a & kBody) && !(c.bodies >> r.body & 1)) m |= kBody;
    if ((a & kFuel) && !(c.fuels >> r.fuel & 1)) m |= kFuel;
    if ((a & kTransmission) && !(c.transmissions >> r.transmission & 1)) m |= kTransmission;
    if ((a & kDrive) && !(c.drives >> r.drive & 1)) m |= kDrive;
    if ((a & kColor) && (r.color >= c.colorOk.size() || !c.colorOk[r.color])) m |= kColor;
    if ((a & kCondition) && r.condition != c.condition) m |= kCondition;
    if ((a & kOwners) && r.owners > c.ownersMax) m |= kOwners;
    if ((a & kSteering) && r.steering != c.steering) m |= kSteering;
    if ((a & kSeller) && r.seller != c.seller) m |= kSeller;
    if ((a & kCustoms) && !(r.flags & kFlagCustoms)) m |= kCustoms;
    if ((a & kNoAccidents) && !(r.flags & kFlagNoAccidents)) m |= kNoAccidents;
    if ((a & kPhotos) && !(r.flags & kFlagPhotos)) m |= kPhotos;
    if ((a & kSpin) && !(r.flags & kFlagSpin)) m |= kSpin;
    if ((a & kVin) && !(r.flags & kFlagVin)) m |= kVin;
    if ((a & kSellerVerified) && !(r.flags & kFlagSellerVerified)) m |= kSellerVerified;
    if ((a & kPosted) && r.created < c.postedAfter) m |= kPosted;
    if ((a & kCity) && r.city != c.city) m |= kCity;
    if ((a & kCountry) && r.country != c.country) m |= kCountry;
    if ((a & kText) && !(c.textBits[r.index >> 6] >> (r.index & 63) & 1)) m |= kText;
    return m;
}

// failMask(r, c) == 0, stopping at the first filter the row fails.
[[gnu::always_inline]] inline bool SearchIndex::passes(const Row& r, const Compiled& c) const
{
    const std::uint32_t a = c.active;
    if ((a & kMake) && !c.makeOk[r.make]) return false;
    if ((a & kModel) && !c.modelOk[r.model]) return false;
    if ((a & kYear) && (r.year < c.yearLo || r.year > c.yearHi)) return false;
    if ((a & kPrice) && (r.priceKzt < c.priceLo || r.priceKzt > c.priceHi)) return false;
    if ((a & kMileage) && r.mileage > c.mileageMax) return false;
    if ((a & kEngine) && (r.engine < c.engineLo || r.engine > c.engineHi)) return false;
    if ((a & kPower) && (r.power < c.powerLo || r.power > c.powerHi)) return false;
    if ((a & kBody) && !(c.bodies >> r.body & 1)) return false;
    if ((a & kFuel) && !(c.fuels >> r.fuel & 1)) return false;
    if ((a & kTransmission) && !(c.transmissions >> r.transmission & 1)) return false;
    if ((a & kDrive) && !(c.drives >> r.drive & 1)) return false;
    if ((a & kColor) && (r.color >= c.colorOk.size() || !c.colorOk[r.color])) return false;
    if ((a & kCondition) && r.condition != c.condition) return false;
    if ((a & kOwners) && r.owners > c.ownersMax) return false;
    if ((a & kSteering) && r.steering != c.steering) return false;
    if ((a & kSeller) && r.seller != c.seller) return false;
    if ((a & kCustoms) && !(r.flags & kFlagCustoms)) return false;
    if ((a & kNoAccidents) && !(r.flags & kFlagNoAccidents)) return false;
    if ((a & kPhotos) && !(r.flags & kFlagPhotos)) return false;
    if ((a & kSpin) && !(r.flags & kFlagSpin)) return false;
    if ((a & kVin) && !(r.flags & kFlagVin)) return false;
    if ((a & kSellerVerified) && !(r.flags & kFlagSellerVerified)) return false;
    if ((a & kPosted) && r.created < c.postedAfter) return false;
    if ((a & kCity) && r.city != c.city) return false;
    if ((a & kCountry) && r.country != c.country) return false;
    if ((a & kText) && !(c.textBits[r.index >> 6] >> (r.index & 63) & 1)) return false;
    return true;
}

// [SECTION] Search

std::int64_t SearchIndex::walk(const Row* begin, const Row* end, const Compiled& c, std::size_t skip, std::size_t take,
                               std::vector<std::uint32_t>& page) const
{
    std::int64_t n = 0;
    const std::size_t stop = skip + take;
    for (const Row* r = begin; r != end; ++r) {
        if (!passes(*r, c)) continue;
        if (static_cast<std::size_t>(n) >= skip && static_cast<std::size_t>(n) < stop) page.push_back(r->index);
        ++n;
    }
    return n;
}

SearchResult SearchIndex::search(const ListingFilter& f, std::int64_t nowUnix) const
{
    const Compiled c = compile(f, nowUnix);
    const std::size_t k = ordinal(f.sort);
    const std::size_t offset = static_cast<std::size_t>(f.page - 1) * static_cast<std::size_t>(f.pageSize);
    const std::size_t size = static_cast<std::size_t>(f.pageSize);
    SearchResult result;
    std::vector<std::uint32_t> page;

    // The makes to read: those chosen, or those of the chosen models; else every row.
    std::vector<std::uint16_t> makes;
    if (c.active & kMake) {
        for (std::size_t i = 0; i < c.makeOk.size(); ++i)
            if (c.makeOk[i]) makes.push_back(static_cast<std::uint16_t>(i));
    } else if (c.active & kModel) {
        for (std::size_t i = 0; i < c.modelOk.size(); ++i)
            if (c.modelOk[i]) makes.push_back(m_models[i].make);
        std::sort(makes.begin(), makes.end());
        makes.erase(std::unique(makes.begin(), makes.end()), makes.end());
    }
    std::size_t candidateCount = m_rows.size();
    if (c.hasCandidates) {
        candidateCount = 0;
        for (std::uint64_t w : c.candidates) candidateCount += static_cast<std::size_t>(__builtin_popcountll(w));
    }
    if (c.active == 0) {
        // No filter: the sort's copy is the answer.
        const std::vector<Row>& all = m_sorted[k];
        result.total = static_cast<std::int64_t>(all.size());
        for (std::size_t i = offset; i < all.size() && i < offset + size; ++i) page.push_back(all[i].index);
    } else if (!(c.active & (kMake | kModel)) && candidateCount * 4 <= m_rows.size()) {
        // A selective combination (fuel + transmission, a rare colour, text): only the
        // candidate rows are read, then ordered.
        std::vector<std::uint64_t> matches(c.candidates.size(), 0);
        std::size_t total = 0;
        for (std::size_t w = 0; w < c.candidates.size(); ++w) {
            for (std::uint64_t bits = c.candidates[w]; bits; bits &= bits - 1) {
                const int bit = __builtin_ctzll(bits);
                const std::size_t index = w * 64 + static_cast<std::size_t>(bit);
                if (!passes(m_rows[index], c)) continue;
                matches[w] |= std::uint64_t{1} << bit;
                ++total;
            }
        }
        result.total = static_cast<std::int64_t>(total);
        // The page: the sort's order of row indices, keeping the matching ones (bit tests in
        // a 12 KB bitmap; about pageSize x rows / matches steps for the first page).
        std::size_t seen = 0;
        for (std::uint32_t index : m_orderIndex[k]) {
            if (seen >= offset + size || seen >= total) break;
            if (!(matches[index >> 6] >> (index & 63) & 1)) continue;
            if (seen >= offset) page.push_back(index);
            ++seen;
        }
    } else if (!(c.active & (kMake | kModel))) {
        const std::vector<Row>& all = m_sorted[k];
        result.total = walk(all.data(), all.data() + all.size(), c, offset, size, page);
    } else if (makes.size() == 1) {
        const Row* base = m_sortedByMake[k].data();
        result.total = walk(base + m_makeStart[makes[0]], base + m_makeStart[makes[0] + 1u], c, offset, size, page);
    } else {
        // Several makes: each group's first offset + size matches, merged in the sort's order.
        const Row* base = m_sortedByMake[k].data();
        for (std::uint16_t m : makes)
            result.total += walk(base + m_makeStart[m], base + m_makeStart[m + 1u], c, 0, offset + size, page);
        const Sort sort = f.sort;
        std::sort(page.begin(), page.end(),
                  [&](std::uint32_t a, std::uint32_t b) { return ranksBefore(sort, m_rows[a], m_rows[b]); });
        if (page.size() > offset) page.erase(page.begin(), page.begin() + static_cast<std::ptrdiff_t>(offset));
        else page.clear();
        if (page.size() > size) page.resize(size);
    }
    return resultOf(page, result.total);
}

ListingSummary SearchIndex::summaryOf(std::uint32_t row) const
{
    const Row& r = m_rows[row];
    ListingSummary v;
    v.id = m_ids[row];
    v.title = m_titles[row];
    v.make = m_makes[r.make].name;
    v.model = m_models[r.model].name;
    v.year = r.year;
    v.price = Money{m_priceMinor[row], allValues<Currency>()[r.currency]};
    v.mileageKm = r.mileage;
    v.city = m_cityNames[r.city];
    v.country = allValues<Country>()[r.country];
    v.body = allValues<Body>()[r.body];
    v.fuel = allValues<Fuel>()[r.fuel];
    v.transmission = allValues<Transmission>()[r.transmission];
    v.createdAt = isoTimestamp(kEpoch2000 + r.created);
    v.condition = allValues<Condition>()[r.condition];
    v.sellerKind = allValues<SellerKind>()[r.seller];
    v.engineLitres = r.engine / 10.0;
    v.photoCount = m_photoCounts[row];
    v.hasSpin = (r.flags & kFlagSpin) != 0;
    v.vinVerified = (r.flags & kFlagVin) != 0;
    v.sellerVerified = (r.flags & kFlagSellerVerified) != 0;
    return v;
}

// [SECTION] Facets

SearchFacets SearchIndex::facets(const ListingFilter& f, std::int64_t nowUnix) const
{
    // Without filters the counts are the snapshot's own (only "posted within" moves with
    // the clock: kept for ten minutes).
    ListingFilter none;
    none.page = f.page;
    none.pageSize = f.pageSize;
    none.sort = f.sort;
    none.currency = f.currency;
    if (f == none) {
        std::lock_guard<std::mutex> lock(m_unfilteredMutex);
        if (!m_unfiltered || nowUnix / 600 != m_unfilteredAt / 600) {
            m_unfiltered = std::make_shared<const SearchFacets>(countFacets(none, nowUnix));
            m_unfilteredAt = nowUnix;
        }
        return *m_unfiltered;
    }
    return countFacets(f, nowUnix);
}

SearchFacets SearchIndex::countFacets(const ListingFilter& f, std::int64_t nowUnix) const
{
    const Compiled c = compile(f, nowUnix);
    std::vector<std::int64_t> makes(m_makes.size()), models(m_models.size()), cities(m_cityNames.size()),
        colors(m_colors.size() + 1);
    std::array<std::int64_t, 8> bodies{}, fuels{}, transmissions{}, drives{};
    std::array<std::int64_t, 2> conditions{}, steerings{}, sellers{}, countries{};
    std::array<std::int64_t, 6> owners{};    // rows by owners, 5 = five or more
    std::array<std::int64_t, 4> posted{};    // rows posted within 1, 3, 7, 30 days (each counted once, smallest)
    std::array<std::int64_t, kFlagCount> flags{}; // customs, no accidents, photos, spin, VIN, verified seller
    std::int64_t total = 0;
    static constexpr std::array<std::int64_t, 4> kWindows{1, 3, 7, 30};
    const std::uint32_t allExcept = ~0u;
    (void)allExcept;

    const std::int64_t now2000 = nowUnix - kEpoch2000;
    for (const Row& r : m_rows) {
        const std::uint32_t m = failMask(r, c);
        if (moreThanTwoBits(m)) continue;
        const auto in = [m](std::uint32_t excluded) { return (m & ~excluded) == 0; };
        if (m == 0) ++total;
        if (in(kMake | kModel)) ++makes[r.make];
        if (in(kModel)) ++models[r.model];
        if (in(kBody)) ++bodies[r.body];
        if (in(kFuel)) ++fuels[r.fuel];
        if (in(kTransmission)) ++transmissions[r.transmission];
        if (in(kDrive)) ++drives[r.drive];
        if (in(kColor)) ++colors[r.color];
        if (in(kCondition)) ++conditions[r.condition];
        if (in(kSteering)) ++steerings[r.steering];
        if (in(kSeller)) ++sellers[r.seller];
        if (in(kCity)) ++cities[r.city];
        if (in(kCountry | kCity)) ++countries[r.country];
        if (in(kOwners)) ++owners[std::min<int>(r.owners, 5)];
        if (in(kPosted)) {
            const std::int64_t age = now2000 - r.created;
            for (std::size_t w = 0; w < kWindows.size(); ++w)
                if (age <= kWindows[w] * 86400) {
                    ++posted[w];
                    break;
                }
        }
        if (in(kCustoms) && (r.flags & kFlagCustoms)) ++flags[0];
        if (in(kNoAccidents) && (r.flags & kFlagNoAccidents)) ++flags[1];
        if (in(kPhotos) && (r.flags & kFlagPhotos)) ++flags[2];
        if (in(kSpin) && (r.flags & kFlagSpin)) ++flags[3];
        if (in(kVin) && (r.flags & kFlagVin)) ++flags[4];
        if (in(kSellerVerified) && (r.flags & kFlagSellerVerified)) ++flags[5];
    }

    SearchFacets out;
    out.total = total;
    using Options = std::vector<std::pair<std::string, std::int64_t>>;
    const auto put = [&](const char* parameter, Options options) {
        options.erase(std::remove_if(options.begin(), options.end(), [](const auto& o) { return o.second == 0; }),
                      options.end());
        out.facets.emplace_back(parameter, std::move(options));
    };
    const auto byId = [](const std::vector<std::int64_t>& counts, const auto& idOf) {
        Options o;
        for (std::size_t i = 0; i < counts.size(); ++i) o.emplace_back(std::to_string(idOf(i)), counts[i]);
        return o;
    };
    const auto byEnum = [](auto tag, const auto& counts) {
        using E = decltype(tag);
        Options o;
        const auto& all = allValues<E>();
        for (std::size_t i = 0; i < all.size(); ++i) o.emplace_back(std::string(toString(all[i])), counts[i]);
        return o;
    };
    put("make", byId(makes, [&](std::size_t i) { return m_makes[i].id; }));
    put("model", byId(models, [&](std::size_t i) { return m_models[i].id; }));
    put("body", byEnum(Body{}, bodies));
    put("fuel", byEnum(Fuel{}, fuels));
    put("transmission", byEnum(Transmission{}, transmissions));
    put("drive", byEnum(Drive{}, drives));
    {
        Options o;
        for (std::size_t i = 0; i < m_colors.size(); ++i) o.emplace_back(m_colors[i], colors[i]);
        put("color", std::move(o));
    }
    put("condition", byEnum(Condition{}, conditions));
    put("steering", byEnum(Steering{}, steerings));
    put("seller", byEnum(SellerKind{}, sellers));
    put("city", byId(cities, [&](std::size_t i) { return m_cityIds[i]; }));
    put("country", byEnum(Country{}, countries));
    {
        Options o;
        std::int64_t upTo = owners[0];
        for (int k = 1; k <= 5; ++k) {
            upTo += owners[static_cast<std::size_t>(k)];
            o.emplace_back(std::to_string(k), upTo);
        }
        put("owners_max", std::move(o));
    }
    {
        Options o;
        std::int64_t within = 0;
        for (std::size_t w = 0; w < kWindows.size(); ++w) {
            within += posted[w];
            o.emplace_back(std::to_string(kWindows[w]), within);
        }
        put("posted_within", std::move(o));
    }
    const char* flagNames[kFlagCount] = {"customs", "no_accidents", "photos", "spin", "vin_verified",
                                         "verified_seller"};
    for (std::size_t i = 0; i < flags.size(); ++i)
        put(flagNames[i], Options{{"1", flags[i]}});
    return out;
}

// [SECTION] Suggestions and lookups

namespace {

// A word being typed matches a name's word: a prefix of it, or within the typo budget of
// the word or of the word's start of the same length.
bool typedMatches(const std::string& typed, const std::string& word)
{
    if (word.compare(0, typed.size(), typed) == 0) return true;
    const int budget = search::isNumber(typed) ? 0 : search::typoBudget(typed.size());
    if (budget == 0) return false;
    return search::withinEdits(typed, word, budget) ||
           (word.size() > typed.size() && search::withinEdits(typed, std::string_view(word).substr(0, typed.size()), budget));
}

bool anyWordMatches(const std::string& typed, const std::vector<std::string>& words)
{
    return std::any_of(words.begin(), words.end(), [&](const std::string& w) { return typedMatches(typed, w); });
}

} // namespace

SuggestionList SearchIndex::suggest(std::string_view text, std::size_t limit) const
{
    SuggestionList out;
    const std::vector<std::string> typed = search::tokens(text);
    if (typed.empty()) return out;
    std::vector<Suggestion> makes, models;
    for (const Names& mk : m_makes) {
        if (mk.count == 0) continue;
        if (std::all_of(typed.begin(), typed.end(), [&](const std::string& t) { return anyWordMatches(t, mk.words); }))
            makes.push_back({SuggestionKind::Make, mk.name, "make=" + std::to_string(mk.id), mk.count});
    }
    for (const Names& md : m_models) {
        if (md.count == 0) continue;
        const Names& mk = m_makes[md.make];
        bool anyModelWord = false;
        const bool all = std::all_of(typed.begin(), typed.end(), [&](const std::string& t) {
            const bool model = anyWordMatches(t, md.words);
            anyModelWord = anyModelWord || model;
            return model || anyWordMatches(t, mk.words);
        });
        if (all && anyModelWord)
            models.push_back({SuggestionKind::Model, mk.name + " " + md.name,
                              "make=" + std::to_string(mk.id) + "&model=" + std::to_string(md.id), md.count});
    }
    const auto byCount = [](const Suggestion& a, const Suggestion& b) {
        return a.count != b.count ? a.count > b.count : a.text < b.text;
    };
    std::sort(makes.begin(), makes.end(), byCount);
    std::sort(models.begin(), models.end(), byCount);
    // Makes first (at most three), then models.
    for (std::size_t i = 0; i < makes.size() && i < 3 && out.items.size() < limit; ++i)
        out.items.push_back(makes[i]);
    for (std::size_t i = 0; i < models.size() && out.items.size() < limit; ++i)
        out.items.push_back(models[i]);
    return out;
}

std::vector<std::int64_t> SearchIndex::newMatches(const ListingFilter& f, std::int64_t afterId, std::int64_t nowUnix) const
{
    const Compiled c = compile(f, nowUnix);
    std::vector<std::int64_t> out;
    for (auto it = std::upper_bound(m_ids.begin(), m_ids.end(), afterId); it != m_ids.end(); ++it) {
        const auto index = static_cast<std::size_t>(it - m_ids.begin());
        if (failMask(m_rows[index], c) == 0) out.push_back(*it);
    }
    return out;
}

std::optional<ListingSummary> SearchIndex::summary(std::int64_t id, std::int64_t* coverPhotoId) const
{
    const auto it = std::lower_bound(m_ids.begin(), m_ids.end(), id);
    if (it == m_ids.end() || *it != id) return std::nullopt;
    const auto index = static_cast<std::uint32_t>(it - m_ids.begin());
    if (coverPhotoId) *coverPhotoId = m_covers[index];
    return summaryOf(index);
}

SearchResult SearchIndex::resultOf(const std::vector<std::uint32_t>& indices, std::int64_t total) const
{
    SearchResult r;
    r.total = total;
    for (std::uint32_t index : indices) {
        SummaryRow s;
        s.summary = summaryOf(index);
        s.coverPhotoId = m_covers[index];
        r.rows.push_back(std::move(s));
    }
    return r;
}

std::optional<SearchIndex::Facts> SearchIndex::facts(std::int64_t id) const
{
    const auto it = std::lower_bound(m_ids.begin(), m_ids.end(), id);
    if (it == m_ids.end() || *it != id) return std::nullopt;
    const auto index = static_cast<std::size_t>(it - m_ids.begin());
    const Row& r = m_rows[index];
    Facts f;
    f.modelId = m_models[r.model].id;
    f.sellerId = m_sellerIds[index];
    f.year = r.year;
    f.mileageKm = r.mileage;
    f.priceKzt = r.priceKzt;
    f.country = allValues<Country>()[r.country];
    f.body = allValues<Body>()[r.body];
    return f;
}

SearchResult SearchIndex::similar(std::int64_t id, std::size_t limit) const
{
    const auto it = std::lower_bound(m_ids.begin(), m_ids.end(), id);
    if (it == m_ids.end() || *it != id) return {};
    const auto self = static_cast<std::uint32_t>(it - m_ids.begin());
    const Row& me = m_rows[self];
    // Same model, same market: nearest year, then nearest price.
    std::vector<std::uint32_t> sameModel;
    for (std::uint32_t i : m_rowsByModel[me.model])
        if (i != self && m_rows[i].country == me.country) sameModel.push_back(i);
    const auto distance = [&](std::uint32_t i) {
        const Row& r = m_rows[i];
        return std::make_pair(std::abs(r.year - me.year), std::abs(r.priceKzt - me.priceKzt));
    };
    const std::size_t fromModel = std::min(sameModel.size(), limit);
    std::partial_sort(sameModel.begin(), sameModel.begin() + static_cast<std::ptrdiff_t>(fromModel), sameModel.end(),
                      [&](std::uint32_t a, std::uint32_t b) { return distance(a) < distance(b); });
    std::vector<std::uint32_t> out(sameModel.begin(), sameModel.begin() + static_cast<std::ptrdiff_t>(fromModel));
    if (out.size() < limit) {
        // Then other models of the same body in the same market and price band.
        std::vector<std::uint32_t> alike;
        for (std::uint32_t i = 0; i < m_rows.size(); ++i) {
            const Row& r = m_rows[i];
            if (i == self || r.model == me.model || r.body != me.body || r.country != me.country) continue;
            if (std::abs(r.priceKzt - me.priceKzt) * 4 > me.priceKzt) continue;
            alike.push_back(i);
        }
        const std::size_t more = std::min(alike.size(), limit - out.size());
        std::partial_sort(alike.begin(), alike.begin() + static_cast<std::ptrdiff_t>(more), alike.end(),
                          [&](std::uint32_t a, std::uint32_t b) {
                              return std::abs(m_rows[a].priceKzt - me.priceKzt) < std::abs(m_rows[b].priceKzt - me.priceKzt);
                          });
        out.insert(out.end(), alike.begin(), alike.begin() + static_cast<std::ptrdiff_t>(more));
    }
    return resultOf(out, static_cast<std::int64_t>(out.size()));
}

SearchResult SearchIndex::bySeller(std::int64_t sellerId, std::int64_t exceptId, int page, int pageSize) const
{
    const auto it = m_rowsBySeller.find(sellerId);
    if (it == m_rowsBySeller.end()) return {};
    std::vector<std::uint32_t> rows;
    for (std::uint32_t i : it->second)
        if (m_ids[i] != exceptId) rows.push_back(i);
    const std::size_t offset = static_cast<std::size_t>(page - 1) * static_cast<std::size_t>(pageSize);
    std::vector<std::uint32_t> slice;
    for (std::size_t i = offset; i < rows.size() && i < offset + static_cast<std::size_t>(pageSize); ++i)
        slice.push_back(rows[i]);
    return resultOf(slice, static_cast<std::int64_t>(rows.size()));
}

std::vector<SearchIndex::Comparable> SearchIndex::comparables(std::int64_t modelId, int year, int years, Country country,
                                                              std::int64_t listingId) const
{
    std::vector<Comparable> out;
    const auto model = m_modelIndex.find(modelId);
    if (model == m_modelIndex.end()) return out;
    const std::uint8_t want = ordinal(country);
    for (std::uint32_t index : m_rowsByModel[model->second]) {
        const Row& r = m_rows[index];
        if (m_ids[index] == listingId || r.country != want || std::abs(r.year - year) > years) continue;
        out.push_back({m_ids[index], r.year, r.mileage, r.priceKzt});
    }
    return out;
}

} // namespace dongelek::server

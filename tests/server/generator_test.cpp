// Demo data: the same seed gives the same rows, and the rows look like a real market
// (country split, currencies and rounding, years, VINs, photos, dates).

#include "server/demo/catalog.hpp"
#include "server/demo/generator.hpp"

#include "core/money.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

using namespace dongelek;
using namespace dongelek::server;

namespace {
// Records every row as text, so two runs can be compared exactly.
class RecordingWriter final : public BulkWriter {
public:
    std::vector<MakeRecord> makes;
    std::vector<ModelRecord> models;
    std::vector<CityRecord> cities;
    std::vector<SellerRecord> sellers;
    std::vector<ListingRecord> listings;
    bool committed = false;

    void addMake(const MakeRecord& r) override { makes.push_back(r); }
    void addModel(const ModelRecord& r) override { models.push_back(r); }
    void addCity(const CityRecord& r) override { cities.push_back(r); }
    void addSeller(const SellerRecord& r) override { sellers.push_back(r); }
    void addListing(const ListingRecord& r) override { listings.push_back(r); }
    void commit() override { committed = true; }

    std::string fingerprint() const
    {
        std::ostringstream s;
        for (const auto& r : sellers)
            s << r.id << r.name << r.phone << r.createdAt << r.cityId << '\n';
        for (const auto& r : listings) {
            s << r.id << '|' << r.sellerId << '|' << r.modelId << '|' << r.year << '|' << r.price.amountMinor << '|'
              << r.mileageKm << '|' << r.color << '|' << r.vin << '|' << r.title << '|' << r.description << '|'
              << r.createdAt << '|' << r.engineLitres << '|' << r.powerHp;
            for (const auto& p : r.photos)
                s << '/' << p.id << ':' << p.seed << ':' << static_cast<int>(p.kind);
            s << '\n';
        }
        return s.str();
    }
};
} // namespace

TEST_CASE("same seed gives the same rows, another seed different ones", "[server][generator]")
{
    RecordingWriter a, b, c;
    demo::generateDemoData(a, 42, 500);
    demo::generateDemoData(b, 42, 500);
    demo::generateDemoData(c, 43, 500);
    CHECK(a.committed);
    CHECK(a.fingerprint() == b.fingerprint());
    CHECK(a.fingerprint() != c.fingerprint());
    // The first rows of a bigger run are not the same as a smaller run's (the stream is
    // shared), but the catalog ids are fixed across sizes and seeds.
    CHECK(a.makes.size() == c.makes.size());
    CHECK(a.models.size() == c.models.size());
}

TEST_CASE("distributions are plausible for Kazakhstan and Bahrain", "[server][generator]")
{
    RecordingWriter w;
    const auto stats = demo::generateDemoData(w, 7, 3000);
    REQUIRE(stats.listings == 3000);
    REQUIRE(w.listings.size() == 3000);

    std::map<std::int64_t, Country> sellerCountry;
    std::map<std::int64_t, Country> cityCountry;
    for (const auto& c : w.cities)
        cityCountry[c.id] = c.country;
    for (const auto& s : w.sellers)
        sellerCountry[s.id] = cityCountry.at(s.cityId);
    CHECK(w.sellers.size() > 200);
    CHECK(w.sellers.size() < 1000);
    // About half the demo sellers are verified, so the badge and its filter show something.
    const auto verified = std::count_if(w.sellers.begin(), w.sellers.end(), [](const auto& s) { return s.verified; });
    CHECK(verified * 10 > static_cast<std::ptrdiff_t>(w.sellers.size()) * 3);
    CHECK(verified * 10 < static_cast<std::ptrdiff_t>(w.sellers.size()) * 7);

    int kz = 0, recent = 0, withoutPhotos = 0, rightHand = 0, spins = 0, dropped = 0, fresh = 0;
    std::set<std::string> vins;
    for (const auto& r : w.listings) {
        INFO("listing " << r.id << " " << r.title);
        CHECK(r.country == cityCountry.at(r.cityId));
        CHECK(r.country == sellerCountry.at(r.sellerId));
        if (r.country == Country::KZ) {
            ++kz;
            CHECK(r.price.currency == Currency::KZT);
            CHECK(r.price.amountMinor % (10'000 * 100) == 0); // whole 10,000 tenge
        } else {
            CHECK(r.price.currency == Currency::BHD);
            CHECK(r.price.amountMinor % (50 * 1000) == 0); // whole 50 dinars
        }
        CHECK(r.year >= 2005);
        CHECK(r.year <= 2026);
        if (r.year >= 2016) ++recent;
        rightHand += r.steering == Steering::Right;
        spins += r.hasSpin;
        dropped += !r.priceHistory.empty();
        fresh += r.condition == Condition::New;
        if (r.steering == Steering::Right) CHECK(r.country == Country::KZ); // Bahrain drives on the left side
        if (r.condition == Condition::New) CHECK((r.owners == 0 && r.accidents == 0));
        for (const auto& [at, earlier] : r.priceHistory) {
            CHECK(earlier.amountMinor > r.price.amountMinor); // a history of drops
            CHECK(at >= r.createdAt);
        }
        CHECK(r.mileageKm >= 0);
        CHECK(r.mileageKm < 600'000);
        if (r.photos.empty()) {
            ++withoutPhotos; // a few sellers post before taking photos
        } else {
            CHECK(r.photos.size() >= 3);
            CHECK(r.photos.size() <= 6);
            CHECK(r.photos.front().kind == PhotoKind::Side);
        }
        CHECK(demo::vinCheckDigitValid(r.vin));
        vins.insert(r.vin);
        CHECK(r.createdAt >= "2026-08-03");
        CHECK(r.createdAt <= std::string(demo::kReferenceDate));
        CHECK(r.title.rfind(w.makes[static_cast<std::size_t>(r.makeId - 1)].name, 0) == 0);
        CHECK_FALSE(r.description.empty());
    }
    CHECK(vins.size() == w.listings.size());
    CHECK(kz > 3000 * 0.75);
    CHECK(kz < 3000 * 0.85);
    CHECK(recent > 3000 / 2); // skewed to recent years
    // The search facts: a few cars without photos, right-hand drive imports, spins, price drops.
    CHECK(withoutPhotos > 3000 / 100);
    CHECK(withoutPhotos < 3000 / 10);
    CHECK(rightHand > 3000 / 50);
    CHECK(spins > 3000 / 5);
    CHECK(dropped > 3000 / 8);
    CHECK(fresh > 10);

    // A 2020 Camry in Kazakhstan costs roughly 12-16 million tenge.
    std::int64_t camryModel = 0;
    for (const auto& m : w.models)
        if (m.name == "Camry") camryModel = m.id;
    int camrys = 0;
    for (const auto& r : w.listings) {
        if (r.modelId != camryModel || r.year != 2020 || r.country != Country::KZ) continue;
        ++camrys;
        CHECK(r.price.amountMinor / 100 >= 10'000'000);
        CHECK(r.price.amountMinor / 100 <= 17'000'000);
    }
    CHECK(camrys > 0);
}

TEST_CASE("dealers have their catalog names and KZ descriptions are mostly Russian", "[server][generator]")
{
    RecordingWriter w;
    demo::generateDemoData(w, 42, 400);
    int dealers = 0;
    for (const auto& s : w.sellers)
        dealers += s.kind == SellerKind::Dealer;
    CHECK(dealers == static_cast<int>(demo::dealerSpecs().size()));
    int cyrillic = 0, kz = 0;
    for (const auto& r : w.listings) {
        if (r.country != Country::KZ) continue;
        ++kz;
        if (r.description.find("\xD0") != std::string::npos) ++cyrillic; // a Cyrillic lead byte
    }
    CHECK(cyrillic == kz);
}

TEST_CASE("timestamps and VINs are computed exactly", "[server][generator]")
{
    CHECK(demo::isoTimestamp(0) == "1970-01-01T00:00:00Z");
    CHECK(demo::isoTimestamp(1793534400) == demo::kReferenceDate);
    CHECK(demo::isoTimestamp(951782400) == "2000-02-29T00:00:00Z");
    CHECK(demo::vinCheckDigitValid("1M8GDM9AXKP042788")); // the textbook example
    CHECK_FALSE(demo::vinCheckDigitValid("1M8GDM9A1KP042788"));
    demo::Rng rng(1);
    const std::string vin = demo::makeVin(rng, "JTD", 2020);
    CHECK(vin.size() == 17);
    CHECK(vin[9] == 'L'); // model year 2020
    CHECK(demo::vinCheckDigitValid(vin));
}

TEST_CASE("the PRNG is fixed: these values must never change", "[server][generator]")
{
    // If this fails, every machine's demo database changes: bump the data on purpose only.
    demo::Rng rng(42);
    CHECK(rng.next() == 13679457532755275413ull);
    CHECK(rng.range(1, 6) >= 1);
    demo::Rng a(5), b(5);
    for (int i = 0; i < 100; ++i)
        CHECK(a.range(-3, 3) == b.range(-3, 3));
}

// Reference data of the demo generator: makes and models sold in Kazakhstan and
// Bahrain with their bodies, engines and prices, cities, colors, names and dealers.
#pragma once

#include "core/model.hpp"

#include <cstdint>
#include <string_view>
#include <vector>

namespace dongelek::server::demo {

struct EngineOption {
    double litres; // 0 for electric
    int powerHp;
    Fuel fuel;
    int fromYear = 0; // first model year this engine was offered (0: always)
};

struct ModelSpec {
    const char* name;
    const char* aliases; // Cyrillic spellings found by the search box
    Body body;
    int firstYear;
    int lastYear;
    std::int64_t newPriceKzt; // today's price of a new (or last-generation) car, whole tenge
    std::vector<EngineOption> engines;
    std::vector<Transmission> transmissions; // the first is the most common
    Drive drive;
    int awdPercent; // share of listings with all-wheel drive when `drive` is not Awd
    int weightKz;   // relative popularity among listings in Kazakhstan
    int weightBh;   // ... and in Bahrain
};

struct MakeSpec {
    const char* name;
    const char* aliases;
    const char* wmi;        // VIN world manufacturer identifier
    double yearlyRetention; // share of value kept per year of age
    std::vector<ModelSpec> models;
};

struct CitySpec {
    const char* name;
    Country country;
    int weight;
};

struct ColorSpec {
    const char* name; // wire value of ListingDetails::color
    std::uint8_t r, g, b;
    int weightKz;
    int weightBh;
};

struct DealerSpec {
    const char* name;
    const char* city;
};

const std::vector<MakeSpec>& makeSpecs();
const std::vector<CitySpec>& citySpecs();
const std::vector<ColorSpec>& colorSpecs();
// The color called `name`; the first (white) when unknown.
const ColorSpec& colorByName(std::string_view name);
const std::vector<DealerSpec>& dealerSpecs();

// Person names for private sellers.
struct NameParts {
    std::vector<const char*> maleFirst;
    std::vector<const char*> femaleFirst;
    std::vector<const char*> maleLast;    // feminine form: see generator (Russian-style "+а")
    std::vector<const char*> neutralLast; // surnames the same for both genders (Ким, Al-Sayed)
};
const NameParts& kazakhNames();
const NameParts& russianNames();
const NameParts& bahrainiNames();

} // namespace dongelek::server::demo

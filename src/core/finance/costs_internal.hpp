// Shared by the costs_*.cpp and insurance.cpp files only (not part of the public API):
// strict readers for the tariff files that name the bad field, the exact arithmetic, band
// lookup and the breakdown builder.
#pragma once

#include "core/finance/costs.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dongelek::finance::costs_detail {

using nlohmann::json;

// [SECTION] Arithmetic

// a × b / d, rounded half up (a, b ≥ 0, d > 0; a / d × b must fit in int64).
std::int64_t mulDivHalfUp(std::int64_t a, std::int64_t b, std::int64_t d);
// Thousandths of a minor unit to the minor unit, half up (m ≥ 0).
inline std::int64_t roundMilli(std::int64_t m)
{
    return (m + 500) / 1000;
}
// milli × factor, kept in thousandths.
inline std::int64_t timesFactor(std::int64_t milli, Micro factor)
{
    return mulDivHalfUp(milli, factor, kMicroOne);
}
Currency currencyOf(Country c);

// [SECTION] Reading tariff files

// Thrown by the readers, caught by parseTariff: the bad field's JSON pointer and why.
struct TariffFailure {
    std::string field;
    std::string reason;
};

std::string child(const std::string& path, std::string_view key);
std::string child(const std::string& path, std::size_t index);

const json& member(const json& obj, std::string_view key, const std::string& path);
const json& objectAt(const json& obj, std::string_view key, const std::string& path);
const json& arrayAt(const json& obj, std::string_view key, const std::string& path);  // non-empty
std::string stringAt(const json& obj, std::string_view key, const std::string& path); // non-empty
int intAt(const json& obj, std::string_view key, const std::string& path, int min, int max);
OptionalBound boundAt(const json& obj, std::string_view key, const std::string& path); // int ≥ 0 or null
Micro decimalAt(const json& obj, std::string_view key, const std::string& path, double max = 1000.0); // 0 … max
Micro percentAt(const json& obj, std::string_view key, const std::string& path); // 0 … 100 → share
std::int64_t moneyAt(const json& obj, std::string_view key, const std::string& path, Currency c);
bool approximateAt(const json& obj); // optional "approximate", default false
Fuel fuelOf(const json& value, const std::string& path);
Country countryOf(const json& value, const std::string& path);
std::vector<Fuel> fuelsAt(const json& obj, std::string_view key, const std::string& path); // may be empty
// A section: an object with a non-empty "source" string.
const json& sectionAt(const json& obj, std::string_view key, const std::string& path);
TariffInfo readInfo(const json& root, std::string_view expectedFile);

// Bounds of consecutive bands rise strictly and the last one is open (null).
template <typename Row>
void checkBands(const std::vector<Row>& rows, OptionalBound Row::*bound, const std::string& path, const char* name)
{
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const OptionalBound& b = rows[i].*bound;
        const bool last = i + 1 == rows.size();
        if (last && b) throw TariffFailure{child(child(path, i), name), "the last band must be open (null)"};
        if (!last && !b) throw TariffFailure{child(child(path, i), name), "only the last band may be open"};
        if (i > 0 && b && *(rows[i - 1].*bound) >= *b)
            throw TariffFailure{child(child(path, i), name), "bands must rise strictly"};
    }
}

// Runs `read` on the parsed text; any failure becomes a TariffError naming `fileName`.
template <typename T, typename Read> TariffParse<T> parseTariff(std::string_view text, const char* fileName, Read read)
{
    TariffParse<T> out;
    try {
        const json root = json::parse(text.begin(), text.end());
        if (!root.is_object()) throw TariffFailure{"", "the file must be a JSON object"};
        out.tariffs = read(root);
    } catch (const TariffFailure& f) {
        out.tariffs.reset();
        out.error = TariffError{fileName, f.field, f.reason};
    } catch (const json::exception& e) {
        out.tariffs.reset();
        out.error = TariffError{fileName, "", std::string("not valid JSON: ") + e.what()};
    }
    return out;
}

// [SECTION] Lookup

// The first row whose inclusive bound holds `v` (an open bound holds everything).
template <typename Row> const Row* findBand(const std::vector<Row>& rows, OptionalBound Row::*bound, int v)
{
    for (const Row& r : rows)
        if (!(r.*bound) || v <= *(r.*bound)) return &r;
    return nullptr;
}

bool contains(const std::vector<Fuel>& fuels, Fuel f);

// [SECTION] Breakdown

class BreakdownBuilder {
public:
    explicit BreakdownBuilder(Currency c) : currency_(c) {}
    void problem(std::string_view what); // "engine_volume" → "finance.problem.engine_volume"
    bool failed() const { return !problems_.empty(); }
    void add(std::string key, std::int64_t minor, bool approximate, Micro factor = 0);
    CostBreakdown finish();

private:
    Currency currency_;
    std::vector<CostLine> lines_;
    std::vector<CostProblem> problems_;
};

// A product: a base line, then one line per factor whose amount is what the factor changes;
// the running product is kept in thousandths so the lines add up to the rounded product.
class FactorChain {
public:
    FactorChain(BreakdownBuilder& b, std::string baseKey, std::int64_t baseMilli, bool approximate);
    void times(std::string key, Micro factor, bool approximate);
    std::int64_t milli() const { return milli_; }
    std::int64_t rounded() const { return rounded_; }
    void topUpTo(std::string key, std::int64_t minimumMinor, bool approximate); // adds a line when below

private:
    BreakdownBuilder& b_;
    std::int64_t milli_;
    std::int64_t rounded_;
};

} // namespace dongelek::finance::costs_detail

// The pieces every cost and insurance computation shares: exact arithmetic, the strict
// readers of the tariff files, band lookup and the breakdown builder (costs_internal.hpp).

#include "core/finance/costs_internal.hpp"

#include <cmath>
#include <limits>

namespace dongelek::finance {

// [SECTION] Public arithmetic and results

std::int64_t applyFactor(std::int64_t amountMinor, Micro factor)
{
    return costs_detail::mulDivHalfUp(amountMinor, factor, kMicroOne);
}

std::int64_t toMinor(std::int64_t wholeUnits, Currency currency)
{
    std::int64_t scale = 1;
    for (int i = 0; i < minorDigits(currency); ++i)
        scale *= 10;
    return wholeUnits * scale;
}

bool CostBreakdown::hasProblem(std::string_view key) const
{
    for (const CostProblem& p : problems)
        if (p.key == key) return true;
    return false;
}

const CostLine* CostBreakdown::line(std::string_view key) const
{
    for (const CostLine& l : lines)
        if (l.key == key) return &l;
    return nullptr;
}

std::string TariffError::describe() const
{
    return file + ": " + (field.empty() ? std::string("(root)") : field) + ": " + reason;
}

namespace costs_detail {

// [SECTION] Arithmetic

std::int64_t mulDivHalfUp(std::int64_t a, std::int64_t b, std::int64_t d)
{
    const std::int64_t q = a / d;
    const std::int64_t r = a % d;
    return q * b + (r * b + d / 2) / d;
}

Currency currencyOf(Country c)
{
    return c == Country::BH ? Currency::BHD : Currency::KZT;
}

// [SECTION] Paths

std::string child(const std::string& path, std::string_view key)
{
    return path + "/" + std::string(key);
}
std::string child(const std::string& path, std::size_t index)
{
    return path + "/" + std::to_string(index);
}

// [SECTION] Readers

const json& member(const json& obj, std::string_view key, const std::string& path)
{
    const auto it = obj.find(std::string(key));
    if (it == obj.end() || it->is_null()) throw TariffFailure{child(path, key), "missing"};
    return *it;
}

const json& objectAt(const json& obj, std::string_view key, const std::string& path)
{
    const json& v = member(obj, key, path);
    if (!v.is_object()) throw TariffFailure{child(path, key), "expected an object"};
    return v;
}

const json& arrayAt(const json& obj, std::string_view key, const std::string& path)
{
    const json& v = member(obj, key, path);
    if (!v.is_array() || v.empty()) throw TariffFailure{child(path, key), "expected a non-empty array"};
    return v;
}

std::string stringAt(const json& obj, std::string_view key, const std::string& path)
{
    const json& v = member(obj, key, path);
    if (!v.is_string() || v.get_ref<const std::string&>().empty())
        throw TariffFailure{child(path, key), "expected a non-empty string"};
    return v.get<std::string>();
}

int intAt(const json& obj, std::string_view key, const std::string& path, int min, int max)
{
    const json& v = member(obj, key, path);
    if (!v.is_number_integer() || v.get<std::int64_t>() < min || v.get<std::int64_t>() > max)
        throw TariffFailure{child(path, key),
                            "expected an integer from " + std::to_string(min) + " to " + std::to_string(max)};
    return v.get<int>();
}

OptionalBound boundAt(const json& obj, std::string_view key, const std::string& path)
{
    const auto it = obj.find(std::string(key));
    if (it == obj.end()) throw TariffFailure{child(path, key), "missing (use null for an open band)"};
    if (it->is_null()) return std::nullopt;
    return intAt(obj, key, path, 0, std::numeric_limits<int>::max());
}

namespace {
// A decimal with at most six digits after the point, from 0 to max, scaled by `scale`.
Micro scaledDecimal(const json& obj, std::string_view key, const std::string& path, double max, double scale)
{
    const json& v = member(obj, key, path);
    if (!v.is_number()) throw TariffFailure{child(path, key), "expected a number"};
    const double x = v.get<double>();
    if (!std::isfinite(x) || x < 0 || x > max)
        throw TariffFailure{child(path, key), "expected a number from 0 to " + std::to_string(static_cast<int>(max))};
    return static_cast<Micro>(std::llround(x * scale));
}
} // namespace

Micro decimalAt(const json& obj, std::string_view key, const std::string& path, double max)
{
    return scaledDecimal(obj, key, path, max, 1e6);
}

Micro percentAt(const json& obj, std::string_view key, const std::string& path)
{
    return scaledDecimal(obj, key, path, 100.0, 1e4);
}

std::int64_t moneyAt(const json& obj, std::string_view key, const std::string& path, Currency c)
{
    const json& v = member(obj, key, path);
    if (!v.is_number()) throw TariffFailure{child(path, key), "expected a number"};
    const double x = v.get<double>();
    const double scale = static_cast<double>(toMinor(1, c));
    if (!std::isfinite(x) || x < 0 || x > 1e12) throw TariffFailure{child(path, key), "expected an amount ≥ 0"};
    const double minor = x * scale;
    const double rounded = std::round(minor);
    if (std::fabs(minor - rounded) > 1e-6)
        throw TariffFailure{child(path, key), "more decimals than the currency's minor unit"};
    return static_cast<std::int64_t>(rounded);
}

bool approximateAt(const json& obj)
{
    const auto it = obj.find("approximate");
    return it != obj.end() && it->is_boolean() && it->get<bool>();
}

Fuel fuelOf(const json& value, const std::string& path)
{
    if (value.is_string())
        if (const auto f = parseEnum<Fuel>(value.get<std::string>())) return *f;
    throw TariffFailure{path, "expected a fuel (petrol, diesel, hybrid, electric, gas)"};
}

Country countryOf(const json& value, const std::string& path)
{
    if (value.is_string())
        if (const auto c = parseEnum<Country>(value.get<std::string>())) return *c;
    throw TariffFailure{path, "expected a country (KZ, BH)"};
}

std::vector<Fuel> fuelsAt(const json& obj, std::string_view key, const std::string& path)
{
    std::vector<Fuel> out;
    const auto it = obj.find(std::string(key));
    if (it == obj.end()) return out;
    if (!it->is_array()) throw TariffFailure{child(path, key), "expected an array of fuels"};
    for (std::size_t i = 0; i < it->size(); ++i)
        out.push_back(fuelOf((*it)[i], child(child(path, key), i)));
    return out;
}

const json& sectionAt(const json& obj, std::string_view key, const std::string& path)
{
    const json& s = objectAt(obj, key, path);
    stringAt(s, "source", child(path, key));
    return s;
}

TariffInfo readInfo(const json& root, std::string_view expectedFile)
{
    TariffInfo info;
    info.file = stringAt(root, "file", "");
    if (info.file != expectedFile) throw TariffFailure{"/file", "expected \"" + std::string(expectedFile) + "\""};
    info.validFrom = stringAt(root, "valid_from", "");
    info.compiledOn = stringAt(root, "compiled_on", "");
    const json& sources = arrayAt(root, "sources", "");
    for (std::size_t i = 0; i < sources.size(); ++i) {
        const std::string path = child("/sources", i);
        if (!sources[i].is_object()) throw TariffFailure{path, "expected an object"};
        TariffSource s;
        s.title = stringAt(sources[i], "title", path);
        s.reference = stringAt(sources[i], "reference", path);
        if (const auto u = sources[i].find("url"); u != sources[i].end() && u->is_string())
            s.url = u->get<std::string>();
        // A source about one country only (a file covering both names which): "KZ" or "BH".
        if (const auto c = sources[i].find("country"); c != sources[i].end()) {
            const auto country = c->is_string() ? parseEnum<Country>(c->get<std::string>()) : std::nullopt;
            if (!country) throw TariffFailure{path + "/country", "expected \"KZ\" or \"BH\""};
            s.country = country;
        }
        info.sources.push_back(std::move(s));
    }
    return info;
}

// [SECTION] Lookup

bool contains(const std::vector<Fuel>& fuels, Fuel f)
{
    for (Fuel x : fuels)
        if (x == f) return true;
    return false;
}

// [SECTION] Breakdown

void BreakdownBuilder::problem(std::string_view what)
{
    const std::string key = "finance.problem." + std::string(what);
    for (const CostProblem& p : problems_)
        if (p.key == key) return;
    problems_.push_back({key});
}

void BreakdownBuilder::add(std::string key, std::int64_t minor, bool approximate, Micro factor)
{
    lines_.push_back({std::move(key), {minor, currency_}, factor, approximate});
}

CostBreakdown BreakdownBuilder::finish()
{
    CostBreakdown out;
    out.total.currency = currency_;
    out.problems = problems_;
    if (!problems_.empty()) return out;
    out.lines = lines_;
    for (const CostLine& l : out.lines)
        out.total.amountMinor += l.amount.amountMinor;
    return out;
}

FactorChain::FactorChain(BreakdownBuilder& b, std::string baseKey, std::int64_t baseMilli, bool approximate)
    : b_(b), milli_(baseMilli), rounded_(roundMilli(baseMilli))
{
    b_.add(std::move(baseKey), rounded_, approximate);
}

void FactorChain::times(std::string key, Micro factor, bool approximate)
{
    milli_ = timesFactor(milli_, factor);
    const std::int64_t r = roundMilli(milli_);
    b_.add(std::move(key), r - rounded_, approximate, factor);
    rounded_ = r;
}

void FactorChain::topUpTo(std::string key, std::int64_t minimumMinor, bool approximate)
{
    if (rounded_ >= minimumMinor) return;
    b_.add(std::move(key), minimumMinor - rounded_, approximate);
    rounded_ = minimumMinor;
    milli_ = minimumMinor * 1000;
}

} // namespace costs_detail
} // namespace dongelek::finance

// Reading and checking the financing files: banks.json field by field (each refusal names
// the field's JSON pointer, as core's tariff parsers do), and the six tariff files through
// core's parsers before they are served as one object.
//
// [SECTION] Strict readers
// [SECTION] banks.json
// [SECTION] The catalog
// [SECTION] Loading the folder

#include "server/features/finance/finance_files.hpp"

#include "core/finance/insurance.hpp"
#include "core/finance/loan.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>

namespace dongelek::server::finance {

namespace {

using nlohmann::json;
namespace fin = dongelek::finance;

// [SECTION] Strict readers

struct BadField {
    std::string field; // JSON pointer
    std::string reason;
};

std::string child(const std::string& path, std::string_view key)
{
    return path + "/" + std::string(key);
}

const json& member(const json& obj, std::string_view key, const std::string& path)
{
    const auto it = obj.find(std::string(key));
    if (it == obj.end() || it->is_null()) throw BadField{child(path, key), "missing"};
    return *it;
}

std::string textAt(const json& obj, std::string_view key, const std::string& path, std::size_t maxBytes)
{
    const json& v = member(obj, key, path);
    if (!v.is_string()) throw BadField{child(path, key), "expected a string"};
    std::string s = v.get<std::string>();
    if (s.empty() || s.size() > maxBytes)
        throw BadField{child(path, key), "expected 1.." + std::to_string(maxBytes) + " bytes of text"};
    return s;
}

std::int64_t integerAt(const json& obj, std::string_view key, const std::string& path, std::int64_t min,
                       std::int64_t max)
{
    const json& v = member(obj, key, path);
    if (!v.is_number_integer()) throw BadField{child(path, key), "expected a whole number"};
    const std::string range = "must be between " + std::to_string(min) + " and " + std::to_string(max);
    if (v.is_number_unsigned() && v.get<std::uint64_t>() > static_cast<std::uint64_t>(max))
        throw BadField{child(path, key), range};
    const std::int64_t n = v.get<std::int64_t>();
    if (n < min || n > max) throw BadField{child(path, key), range};
    return n;
}

bool boolAt(const json& obj, std::string_view key, const std::string& path)
{
    const json& v = member(obj, key, path);
    if (!v.is_boolean()) throw BadField{child(path, key), "expected true or false"};
    return v.get<bool>();
}

bool validBankId(const std::string& id)
{
    if (id.size() < 2 || id.size() > 32) return false;
    for (char c : id)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
    return true;
}

// [SECTION] banks.json

Bank readBank(const json& b, const std::string& at)
{
    if (!b.is_object()) throw BadField{at, "expected an object"};
    static const std::set<std::string> known = {
        "id",          "name",          "demo",           "country",         "currency",
        "kind",        "rate_min_bp",   "rate_max_bp",    "term_min_months", "term_max_months",
        "min_down_payment_bp", "one_time_fee_bp", "monthly_fee_minor", "insurance_required",
        "max_car_age_years", "min_monthly_income_minor"};
    for (const auto& item : b.items())
        if (!known.count(item.key())) throw BadField{child(at, item.key()), "unknown field"};

    Bank bank;
    bank.id = textAt(b, "id", at, 32);
    if (!validBankId(bank.id)) throw BadField{child(at, "id"), "expected 2..32 of a-z, 0-9 and _"};
    bank.name = textAt(b, "name", at, 80);
    bank.demo = boolAt(b, "demo", at);
    const std::string country = textAt(b, "country", at, 2);
    const std::optional<Country> c = parseEnum<Country>(country);
    if (!c) throw BadField{child(at, "country"), "expected KZ or BH"};
    bank.country = *c;
    const std::optional<Currency> cur = parseEnum<Currency>(textAt(b, "currency", at, 3));
    const Currency expected = bank.country == Country::BH ? Currency::BHD : Currency::KZT;
    if (!cur || *cur != expected)
        throw BadField{child(at, "currency"), "expected " + std::string(toString(expected)) + " for " + country};
    bank.currency = *cur;
    const std::optional<BankKind> kind = parseBankKind(textAt(b, "kind", at, 16));
    if (!kind) throw BadField{child(at, "kind"), "expected loan or murabaha"};
    bank.kind = *kind;
    bank.rateMinBp = static_cast<std::int32_t>(integerAt(b, "rate_min_bp", at, 0, fin::kMaxRateBp));
    bank.rateMaxBp = static_cast<std::int32_t>(integerAt(b, "rate_max_bp", at, bank.rateMinBp, fin::kMaxRateBp));
    bank.termMinMonths = static_cast<int>(integerAt(b, "term_min_months", at, 1, fin::kMaxTermMonths));
    bank.termMaxMonths =
        static_cast<int>(integerAt(b, "term_max_months", at, bank.termMinMonths, fin::kMaxTermMonths));
    bank.minDownPaymentBp = static_cast<std::int32_t>(integerAt(b, "min_down_payment_bp", at, 0, 9999));
    bank.oneTimeFeeBp = static_cast<std::int32_t>(integerAt(b, "one_time_fee_bp", at, 0, 5000));
    bank.monthlyFeeMinor = integerAt(b, "monthly_fee_minor", at, 0, fin::kMaxAmountMinor);
    if (bank.kind == BankKind::Murabaha && bank.monthlyFeeMinor != 0)
        throw BadField{child(at, "monthly_fee_minor"), "must be 0 for murabaha (the profit is fixed up front)"};
    bank.insuranceRequired = boolAt(b, "insurance_required", at);
    bank.maxCarAgeYears = static_cast<int>(integerAt(b, "max_car_age_years", at, 0, 100));
    bank.minMonthlyIncomeMinor = integerAt(b, "min_monthly_income_minor", at, 0, fin::kMaxAmountMinor);
    return bank;
}

} // namespace

BankParse parseBanks(std::string_view text)
{
    BankParse out;
    const json root = json::parse(text.begin(), text.end(), nullptr, false);
    try {
        if (root.is_discarded()) throw BadField{"", "not valid JSON"};
        if (!root.is_object()) throw BadField{"", "expected an object"};
        if (textAt(root, "file", "", 16) != "banks") throw BadField{"/file", "expected \"banks\""};
        const json& list = member(root, "banks", "");
        if (!list.is_array() || list.empty()) throw BadField{"/banks", "expected a non-empty array"};
        std::vector<Bank> banks;
        std::set<std::string> ids;
        for (std::size_t i = 0; i < list.size(); ++i) {
            const std::string at = "/banks/" + std::to_string(i);
            Bank bank = readBank(list[i], at);
            if (!ids.insert(bank.id).second) throw BadField{at + "/id", "\"" + bank.id + "\" is used twice"};
            banks.push_back(std::move(bank));
        }
        out.banks = std::move(banks);
    } catch (const BadField& e) {
        out.error = fin::TariffError{"banks.json", e.field, e.reason};
    }
    return out;
}

// [SECTION] The catalog

const Bank* BankCatalog::find(std::string_view id) const
{
    for (const Bank& b : m_banks)
        if (b.id == id) return &b;
    return nullptr;
}

std::vector<Bank> BankCatalog::inCountry(Country country) const
{
    std::vector<Bank> out;
    for (const Bank& b : m_banks)
        if (b.country == country) out.push_back(b);
    return out;
}

// [SECTION] Loading the folder

namespace {

std::string readWhole(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error(path.string() + ": cannot be read (see --tariffs-dir)");
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// The parse error of `name`'s text, if any, from the core parser that reads it.
std::optional<fin::TariffError> checkTariff(std::string_view name, const std::string& text)
{
    if (name == "kz_reference") return fin::parseKzReference(text).error;
    if (name == "kz_costs") return fin::parseKzCostTariffs(text).error;
    if (name == "bh_costs") return fin::parseBhCostTariffs(text).error;
    if (name == "kz_insurance") return fin::parseKzInsuranceTariffs(text).error;
    if (name == "bh_insurance") return fin::parseBhInsuranceTariffs(text).error;
    if (name == "fuel_prices") return fin::parseFuelPrices(text).error;
    return fin::TariffError{std::string(name) + ".json", "", "no parser for this file"};
}

[[noreturn]] void refuse(const std::filesystem::path& dir, const fin::TariffError& e)
{
    // describe() names the file and the field's pointer: "kz_costs.json: /customs/vat/percent: missing".
    throw std::runtime_error((dir.empty() ? std::string() : dir.string() + "/") + e.describe() + " (see --tariffs-dir)");
}

} // namespace

FinanceFiles loadFinanceFiles(const std::string& dirName)
{
    const std::filesystem::path dir(dirName);
    FinanceFiles out;
    json tariffs = json::object();
    for (const char* name : kTariffFiles) {
        const std::string text = readWhole(dir / (std::string(name) + ".json"));
        if (const std::optional<fin::TariffError> e = checkTariff(name, text)) {
            fin::TariffError named = *e;
            if (named.file.empty()) named.file = std::string(name) + ".json";
            refuse(dir, named);
        }
        tariffs[name] = json::parse(text); // valid: the parser read it
    }
    out.tariffsJson = tariffs.dump();

    const BankParse banks = parseBanks(readWhole(dir / "banks.json"));
    if (!banks.ok()) refuse(dir, *banks.error);
    out.banks = BankCatalog(*banks.banks);
    return out;
}

} // namespace dongelek::server::finance

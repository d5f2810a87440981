// The financing data files read once at start-up from --tariffs-dir: the six tariff files the
// app computes costs and insurance from (checked with core's parsers, served as one JSON
// object) and the partner banks (banks.json, checked here). A broken file stops the server
// with a message naming the file and the field's JSON pointer.
#pragma once

#include "server/features/finance/finance_types.hpp"

#include "core/finance/costs.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dongelek::server::finance {

// [SECTION] Partner banks

struct BankParse {
    std::optional<std::vector<Bank>> banks;
    std::optional<dongelek::finance::TariffError> error; // file "banks.json", the field's pointer
    bool ok() const { return banks.has_value(); }
};

// Strict: every field of every bank present with its type and within its range (see
// docs/finance_server.md), ids unique, the currency the country's, rate_min ≤ rate_max,
// term_min ≤ term_max, no monthly fee for murabaha (its profit is fixed up front).
BankParse parseBanks(std::string_view json);

class BankCatalog {
public:
    BankCatalog() = default;
    explicit BankCatalog(std::vector<Bank> banks) : m_banks(std::move(banks)) {}

    const std::vector<Bank>& all() const { return m_banks; }
    const Bank* find(std::string_view id) const; // nullptr when unknown
    std::vector<Bank> inCountry(Country country) const;

private:
    std::vector<Bank> m_banks; // in the file's order
};

// [SECTION] The files together

// The names of the tariff files, in the order of the served object's keys.
inline constexpr const char* kTariffFiles[] = {"kz_reference", "kz_costs", "bh_costs",
                                               "kz_insurance", "bh_insurance", "fuel_prices"};

struct FinanceFiles {
    std::string tariffsJson; // {"kz_reference": <file>, "kz_costs": ..., "fuel_prices": ...}
    BankCatalog banks;
};

// Reads and checks `<dir>/<name>.json` for every tariff file and banks.json. Throws
// std::runtime_error naming the file (and the field, for a bad value) on the first problem.
FinanceFiles loadFinanceFiles(const std::string& dir);

} // namespace dongelek::server::finance

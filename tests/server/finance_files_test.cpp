// The financing files and the checks that need no database: the repository's tariffs and
// banks load; a broken file stops the start naming the file and the field; banks.json is
// read strictly; the default --tariffs-dir follows --locales-dir; national ids, phones and
// the smallest down payment; the payment engine's three repayment kinds.

#include "server/config.hpp"
#include "server/features/finance/finance_files.hpp"
#include "server/features/finance/finance_service.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

using namespace dongelek;
using namespace dongelek::server;
using namespace dongelek::server::finance;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

std::string readText(const fs::path& p)
{
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// A copy of the repository's tariffs folder to break one file of.
struct TariffCopy {
    fs::path dir = fs::temp_directory_path() / ("dk-tariffs-" + std::to_string(::getpid()) + "-" +
                                                 std::to_string(reinterpret_cast<std::uintptr_t>(this)));
    TariffCopy()
    {
        fs::remove_all(dir);
        fs::create_directories(dir);
        for (const auto& e : fs::directory_iterator(DONGELEK_TARIFFS_DIR))
            fs::copy_file(e.path(), dir / e.path().filename());
    }
    ~TariffCopy()
    {
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
    json read(const std::string& name) const { return json::parse(readText(dir / name)); }
    void write(const std::string& name, const std::string& text) const { std::ofstream(dir / name) << text; }
    std::string startError() const
    {
        try {
            loadFinanceFiles(dir.string());
        } catch (const std::runtime_error& e) {
            return e.what();
        }
        return "";
    }
};

std::string bankError(const json& root)
{
    const BankParse p = parseBanks(root.dump());
    return p.ok() ? std::string() : p.error->field + ": " + p.error->reason;
}

json demoBanks()
{
    return json::parse(readText(fs::path(DONGELEK_TARIFFS_DIR) / "banks.json"));
}

} // namespace

TEST_CASE("the repository's tariff files and demo banks load, and are served as one object", "[finance]")
{
    const FinanceFiles files = loadFinanceFiles(DONGELEK_TARIFFS_DIR);
    const json tariffs = json::parse(files.tariffsJson);
    REQUIRE(tariffs.size() == 6);
    for (const char* name : kTariffFiles) {
        INFO(name);
        REQUIRE(tariffs.contains(name));
        CHECK(tariffs[name]["file"] == name);
        CHECK(tariffs[name] == json::parse(readText(fs::path(DONGELEK_TARIFFS_DIR) / (std::string(name) + ".json"))));
    }
    const std::vector<Bank> kz = files.banks.inCountry(Country::KZ);
    const std::vector<Bank> bh = files.banks.inCountry(Country::BH);
    CHECK(kz.size() == 3);
    REQUIRE(bh.size() == 2);
    CHECK(std::any_of(bh.begin(), bh.end(), [](const Bank& b) { return b.kind == BankKind::Murabaha; }));
    for (const Bank& b : files.banks.all()) {
        INFO(b.id);
        CHECK(b.demo); // invented partners, marked as such
        CHECK(b.currency == (b.country == Country::BH ? Currency::BHD : Currency::KZT));
    }
    REQUIRE(files.banks.find("dala"));
    CHECK(files.banks.find("dala")->rateMinBp == 1750);
    CHECK_FALSE(files.banks.find("Dala"));
    CHECK(demoBanks()["description"].get<std::string>().find("DEMO") != std::string::npos);
}

TEST_CASE("a broken tariff or bank file stops the start naming the file and the field", "[finance]")
{
    {
        TariffCopy t;
        json costs = t.read("kz_costs.json");
        costs["customs"]["vat"].erase("percent");
        t.write("kz_costs.json", costs.dump());
        const std::string e = t.startError();
        CHECK(e.find("kz_costs.json") != std::string::npos);
        CHECK(e.find("/customs/vat/percent") != std::string::npos);
        CHECK(e.find("--tariffs-dir") != std::string::npos);
    }
    {
        TariffCopy t;
        t.write("fuel_prices.json", "{not json");
        CHECK(t.startError().find("fuel_prices.json") != std::string::npos);
    }
    {
        TariffCopy t;
        fs::remove(t.dir / "bh_insurance.json");
        CHECK(t.startError().find("bh_insurance.json: cannot be read") != std::string::npos);
    }
    {
        TariffCopy t;
        json banks = t.read("banks.json");
        banks["banks"][2]["rate_min_bp"] = "low";
        t.write("banks.json", banks.dump());
        const std::string e = t.startError();
        CHECK(e.find("banks.json: /banks/2/rate_min_bp: expected a whole number") != std::string::npos);
    }
}

TEST_CASE("banks.json is read strictly, every refusal naming its field", "[finance]")
{
    CHECK(bankError(demoBanks()).empty());
    const auto broken = [](const std::function<void(json&)>& edit) {
        json root = demoBanks();
        edit(root);
        return bankError(root);
    };
    CHECK(broken([](json& r) { r["file"] = "kz_costs"; }) == "/file: expected \"banks\"");
    CHECK(broken([](json& r) { r["banks"] = json::array(); }) == "/banks: expected a non-empty array");
    CHECK(broken([](json& r) { r["banks"][0].erase("name"); }) == "/banks/0/name: missing");
    CHECK(broken([](json& r) { r["banks"][0]["nickname"] = "x"; }) == "/banks/0/nickname: unknown field");
    CHECK(broken([](json& r) { r["banks"][1]["id"] = "Dala Bank"; }) == "/banks/1/id: expected 2..32 of a-z, 0-9 and _");
    CHECK(broken([](json& r) { r["banks"][1]["id"] = "dala"; }) == "/banks/1/id: \"dala\" is used twice");
    CHECK(broken([](json& r) { r["banks"][0]["country"] = "KG"; }) == "/banks/0/country: expected KZ or BH");
    CHECK(broken([](json& r) { r["banks"][0]["currency"] = "BHD"; }) == "/banks/0/currency: expected KZT for KZ");
    CHECK(broken([](json& r) { r["banks"][0]["kind"] = "lease"; }) == "/banks/0/kind: expected loan or murabaha");
    CHECK(broken([](json& r) { r["banks"][0]["rate_max_bp"] = 1000; }) ==
          "/banks/0/rate_max_bp: must be between 1750 and 10000");
    CHECK(broken([](json& r) { r["banks"][0]["term_min_months"] = 0; }) ==
          "/banks/0/term_min_months: must be between 1 and 120");
    CHECK(broken([](json& r) { r["banks"][0]["term_max_months"] = 121; }) ==
          "/banks/0/term_max_months: must be between 6 and 120");
    CHECK(broken([](json& r) { r["banks"][0]["min_down_payment_bp"] = 10000; }) ==
          "/banks/0/min_down_payment_bp: must be between 0 and 9999");
    CHECK(broken([](json& r) { r["banks"][4]["monthly_fee_minor"] = 500; }) ==
          "/banks/4/monthly_fee_minor: must be 0 for murabaha (the profit is fixed up front)");
    CHECK(broken([](json& r) { r["banks"][0]["insurance_required"] = 1; }) ==
          "/banks/0/insurance_required: expected true or false");
    CHECK(broken([](json& r) { r["banks"][0]["min_monthly_income_minor"] = -1; }) ==
          "/banks/0/min_monthly_income_minor: must be between 0 and 1000000000000000");
    CHECK(bankError(json::array()) == ": expected an object");
    CHECK_FALSE(parseBanks("{").ok());
    CHECK(parseBanks("{").error->file == "banks.json");
}

TEST_CASE("the tariffs folder defaults to the one beside the locales", "[finance][config]")
{
    const auto dirFor = [](std::vector<std::string> args) {
        ServerConfig c;
        std::string message;
        REQUIRE(parseConfig(args, [](const char*) -> const char* { return nullptr; }, c, message) == ConfigOutcome::Run);
        return c.tariffsDir;
    };
    CHECK(dirFor({}) == "tariffs");
    CHECK(dirFor({"--locales-dir", "/srv/dongelek/locales"}) == "/srv/dongelek/tariffs");
    CHECK(dirFor({"--locales-dir", "/srv/dongelek/locales/"}) == "/srv/dongelek/tariffs");
    CHECK(dirFor({"--locales-dir", "/srv/x/locales", "--tariffs-dir", "/etc/dk-tariffs"}) == "/etc/dk-tariffs");
    ServerConfig c;
    std::string message;
    CHECK(parseConfig({}, [](const char* n) -> const char* { return std::string(n) == "DONGELEK_TARIFFS_DIR" ? "/opt/t" : nullptr; },
                      c, message) == ConfigOutcome::Run);
    CHECK(c.tariffsDir == "/opt/t");
    CHECK(parseConfig({"--tariffs-dir", ""}, [](const char*) -> const char* { return nullptr; }, c, message) ==
          ConfigOutcome::Error);
    CHECK(message.find("--tariffs-dir") != std::string::npos);
    CHECK(helpText().find("--tariffs-dir") != std::string::npos);
}

TEST_CASE("national ids, phones and the smallest down payment", "[finance]")
{
    CHECK(nationalIdProblem(Country::KZ, "900101300123").empty());
    CHECK_FALSE(nationalIdProblem(Country::KZ, "90010130012").empty());  // 11 digits
    CHECK_FALSE(nationalIdProblem(Country::KZ, "9001013001234").empty()); // 13
    CHECK_FALSE(nationalIdProblem(Country::KZ, "90010130012a").empty());
    CHECK_FALSE(nationalIdProblem(Country::KZ, "880101234").empty()); // a CPR is not an IIN
    CHECK(nationalIdProblem(Country::BH, "880101234").empty());
    CHECK_FALSE(nationalIdProblem(Country::BH, "900101300123").empty());
    CHECK_FALSE(nationalIdProblem(Country::BH, "88010 234").empty());

    CHECK(phoneProblem("+7 701 234-56-78").empty());
    CHECK(phoneProblem("+97336001234").empty());
    CHECK(phoneProblem("1234567").empty());
    CHECK_FALSE(phoneProblem("123456").empty());
    CHECK_FALSE(phoneProblem("+7 701 234 56 78 9012").empty()); // 21 characters
    CHECK_FALSE(phoneProblem("+7 (701) 2345678").empty());
    CHECK_FALSE(phoneProblem("+7 701 234 56 7x").empty());

    CHECK(minimumDownPayment(1'250'000'000, 2000) == 250'000'000);
    CHECK(minimumDownPayment(1'000'001, 2000) == 200'001); // 200,000.2 rounds up: "at least 20 %"
    CHECK(minimumDownPayment(999, 0) == 0);
    CHECK(minimumDownPayment(1'000'000'000'000'000, 9999) == 999'900'000'000'000); // no overflow at the limits
}

TEST_CASE("the payment engine gives the annuity, the first differentiated payment and the murabaha instalment",
          "[finance]")
{
    const dongelek::finance::CivilDate start{2026, 3, 1};
    // 1,000,000 ₸ at 12 % over 12 months: the textbook 88,848.79 ₸, plus a 1,500 ₸ monthly fee.
    PaymentTerms t{Currency::KZT, 150'000'000, 50'000'000, 0, 12, Repayment::Annuity, 1200, 0, 150'000};
    CHECK(monthlyPayment(t, start).monthlyPaymentMinor == 8'884'879 + 150'000);
    // Differentiated: 1/12 of the principal plus a month's interest on all of it (10,000 ₸) first.
    t.repayment = Repayment::Differentiated;
    t.monthlyFeeMinor = 0;
    CHECK(monthlyPayment(t, start).monthlyPaymentMinor == 8'333'333 + 1'000'000);
    // Murabaha: BD 12,000 − BD 2,000 down, 48 months, 5 % flat: BD 2,000 profit, 48 × BD 250.000.
    const PaymentTerms m{Currency::BHD, 12'000'000, 2'000'000, 0, 48, Repayment::Murabaha, 500, 100, 0};
    CHECK(monthlyPayment(m, start).monthlyPaymentMinor == 250'000);
    // The engine's own problems come back as they are.
    PaymentTerms bad = t;
    bad.termMonths = 0;
    CHECK_FALSE(monthlyPayment(bad, start).problems.empty());
}

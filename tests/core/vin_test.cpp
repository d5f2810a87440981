// The offline VIN decoder as a seller meets it in the editor: what is accepted, what is refused
// and why, what is pre-filled, and where the VIN and the form disagree. Every check digit below
// was computed by hand (49 CFR 565.15 weights), not taken from memory.
#include "core/vin.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using namespace dongelek;

namespace {

constexpr int kYear = 2026;

VinDecoded decoded(std::string_view input, int currentYear = kYear)
{
    VinResult r = decodeVin(input, builtInWmiTable(), currentYear);
    INFO(input);
    REQUIRE(r.ok());
    REQUIRE(r.problems.empty());
    return *r.decoded;
}

std::vector<VinProblem> refused(std::string_view input)
{
    VinResult r = decodeVin(input, builtInWmiTable(), kYear);
    INFO(input);
    REQUIRE_FALSE(r.ok());
    REQUIRE_FALSE(r.problems.empty());
    return r.problems;
}

const VinWarning* warning(const VinDecoded& d, VinWarningCode c)
{
    for (const VinWarning& w : d.warnings)
        if (w.code == c) return &w;
    return nullptr;
}

using Years = std::vector<int>;

// A small valid table for the reader's tests; each test breaks one field.
nlohmann::json smallTable()
{
    return nlohmann::json::parse(R"({
      "file": "wmi",
      "compiled_on": "2026-12-01",
      "sources": [{"title": "ISO 3780", "url": "https://www.iso.org"}],
      "regions": [
        {"first": "A-H", "region": "africa"}, {"first": "J-R", "region": "asia"},
        {"first": "S-Z", "region": "europe"}, {"first": "1-5", "region": "north_america"},
        {"first": "6-7", "region": "oceania"}, {"first": "8-0", "region": "south_america"}
      ],
      "countries": [
        {"range": "J", "country": "JP"},
        {"range": "VF-VR", "country": "FR"},
        {"range": "1", "country": "US"}
      ],
      "manufacturers": [
        {"wmi": "JTD", "make": "Toyota", "country": "JP"},
        {"wmi": "VF9", "positions_12_14": "ABC", "make": "Tiny Cars", "country": "FR"},
        {"wmi": "VF9", "make": "Some Small Maker", "country": "FR", "approximate": true}
      ],
      "make_aliases": [{"make": "Toyota", "aliases": ["Toyoda"]}]
    })");
}

WmiTableError refusal(const nlohmann::json& j)
{
    WmiTableParse p = parseWmiTable(j.dump());
    REQUIRE_FALSE(p.ok());
    REQUIRE(p.error);
    return *p.error;
}

} // namespace

// [SECTION] North American VINs

TEST_CASE("vin: the 49 CFR 565 example decodes with its check digit X", "[core][vin]")
{
    const VinDecoded d = decoded("1M8GDM9AXKP042788");
    CHECK(d.kind == VinKind::Vin17);
    CHECK(d.wmi == "1M8");
    CHECK(d.vds == "GDM9AX");
    CHECK(d.vis == "KP042788");
    CHECK(d.region == VinRegion::NorthAmerica);
    CHECK(d.countryCode == "US");
    CHECK(d.checkDigitApplies);
    CHECK(d.checkDigitValid == true);
    CHECK(d.checkDigitExpected == 'X');
    CHECK(d.modelYears == Years{1989}); // position 7 is a digit: the 1980-2009 cycle
    CHECK(d.modelYearCertain);
    CHECK(d.warnings.empty());
}

TEST_CASE("vin: a 2003 Honda Accord built in Ohio is a Honda from the USA", "[core][vin]")
{
    const VinDecoded d = decoded("1HGCM82633A004352");
    CHECK(d.make == "Honda");
    CHECK(d.makeCertain);
    CHECK(d.countryCode == "US");
    CHECK(d.checkDigitValid == true);
    CHECK(d.checkDigitExpected == '3');
    CHECK(d.modelYears == Years{2003});
    CHECK(d.modelYearCertain);
    CHECK(vinCheckDigit("1HGCM82633A004352") == '3');
}

TEST_CASE("vin: a Tesla with the right check digit decodes and the wrong one is flagged", "[core][vin]")
{
    const VinDecoded good = decoded("5YJ3E1EA2KF317000");
    CHECK(good.make == "Tesla");
    CHECK(good.checkDigitValid == true);
    CHECK(good.modelYears == Years{2019}); // position 7 'E' is a letter: 2010-2039

    // The number often quoted for this car has 7 at position 9: the digit must be 2.
    const VinDecoded quoted = decoded("5YJ3E1EA7KF317000");
    CHECK(quoted.checkDigitValid == false);
    const VinWarning* w = warning(quoted, VinWarningCode::CheckDigitMandatory);
    REQUIRE(w);
    CHECK(w->expected == '2');
    CHECK(w->found == '7');
}

TEST_CASE("vin: a typo in a North American VIN is a strong warning, never a rejection", "[core][vin]")
{
    const VinDecoded d = decoded("1HGCM82633A004353"); // the last digit changed
    CHECK(d.make == "Honda");
    CHECK(d.checkDigitApplies);
    CHECK(d.checkDigitValid == false);
    CHECK(d.checkDigitExpected == '5');
    const VinWarning* w = warning(d, VinWarningCode::CheckDigitMandatory);
    REQUIRE(w);
    CHECK(w->expected == '5');
    CHECK(w->found == '3');
    CHECK_FALSE(d.has(VinWarningCode::CheckDigitOptional));
    CHECK(vinWarningKey(w->code) == "check_digit_mandatory");
}

TEST_CASE("vin: 7 is the United States today, though ISO 3779 puts it in Oceania", "[core][vin]")
{
    const VinDecoded d = decoded("7SAYGDEE8PF123456");
    CHECK(d.make == "Tesla");
    CHECK(d.region == VinRegion::NorthAmerica);
    CHECK(d.countryCode == "US");
    CHECK(d.checkDigitApplies);
    CHECK(d.checkDigitValid == true);
    CHECK(d.modelYears == Years{2023});
}

TEST_CASE("vin: Canadian and Mexican VINs are North American too", "[core][vin]")
{
    const VinDecoded d = decoded("2HGFC2F50AH123456");
    CHECK(d.countryCode == "CA");
    CHECK(d.region == VinRegion::NorthAmerica);
    CHECK(d.make == "Honda");
    CHECK(d.modelYears == Years{2010});
    CHECK(d.checkDigitValid == true);
}

// [SECTION] European, Russian and Asian VINs

TEST_CASE("vin: a German Volkswagen without a check digit only gets the optional warning", "[core][vin]")
{
    const VinDecoded d = decoded("WVWZZZ1JZXW000001");
    CHECK(d.make == "Volkswagen");
    CHECK(d.countryCode == "DE");
    CHECK(d.region == VinRegion::Europe);
    CHECK(vinRegionKey(*d.region) == "europe");
    CHECK_FALSE(d.checkDigitApplies);
    CHECK(d.checkDigitValid == false);
    const VinWarning* w = warning(d, VinWarningCode::CheckDigitOptional);
    REQUIRE(w);
    CHECK(w->expected == '0');
    CHECK(w->found == 'Z');
    CHECK_FALSE(d.has(VinWarningCode::CheckDigitMandatory));
    CHECK(d.modelYears == Years{1999}); // 2029 is after next year
    CHECK_FALSE(d.modelYearCertain);     // Europe does not mandate position 10
}

TEST_CASE("vin: Russian-built cars name the Russian maker or plant", "[core][vin]")
{
    const VinDecoded lada = decoded("XTA21703XC0123456");
    CHECK(lada.make == "Lada");
    CHECK(lada.makeCertain);
    CHECK(lada.countryCode == "RU");
    CHECK(lada.region == VinRegion::Europe);
    CHECK(lada.checkDigitValid == true);
    CHECK(lada.modelYears == Years{2012, 1982});
    CHECK_FALSE(lada.modelYearCertain);

    const VinDecoded kaluga = decoded("XW8ZZZ61ZEG012345");
    CHECK(kaluga.countryCode == "RU");
    CHECK(kaluga.makes == std::vector<std::string>{"Volkswagen", "Skoda", "Audi"});
    CHECK(kaluga.make == "Volkswagen");
    CHECK_FALSE(kaluga.makeCertain);
    CHECK(kaluga.has(VinWarningCode::CheckDigitOptional));
    CHECK_FALSE(kaluga.has(VinWarningCode::CheckDigitMandatory));
}

TEST_CASE("vin: Japanese, Korean and Chinese VINs", "[core][vin]")
{
    const VinDecoded toyota = decoded("JTDKB20U293123456");
    CHECK(toyota.make == "Toyota");
    CHECK(toyota.countryCode == "JP");
    CHECK(toyota.region == VinRegion::Asia);
    CHECK_FALSE(toyota.checkDigitApplies);
    CHECK(toyota.checkDigitValid == true);
    CHECK(toyota.modelYears == Years{2009});

    const VinDecoded hyundai = decoded("KMHJ381A8KU123456");
    CHECK(hyundai.make == "Hyundai");
    CHECK(hyundai.countryCode == "KR");
    CHECK(hyundai.modelYears == Years{2019, 1989});

    // China mandates the check digit as North America does.
    const VinDecoded haval = decoded("LGWEF4A52KF123456");
    CHECK(haval.make == "Haval");
    CHECK(std::find(haval.makes.begin(), haval.makes.end(), "Great Wall") != haval.makes.end());
    CHECK(haval.countryCode == "CN");
    CHECK(haval.checkDigitApplies);
    CHECK(haval.checkDigitValid == true);
    CHECK_FALSE(haval.modelYearCertain); // mandated, but 30 years apart
    CHECK(decoded("LGWEF4A59KF123456").has(VinWarningCode::CheckDigitMandatory));

    // A wrong digit on a Japanese VIN is only the optional warning.
    CHECK(decoded("JTDKB20U093123456").has(VinWarningCode::CheckDigitOptional));
}

TEST_CASE("vin: an unknown manufacturer still decodes its region and country", "[core][vin]")
{
    const VinDecoded d = decoded("JZZZZZZZ0ZA123456");
    CHECK(d.make.empty());
    CHECK(d.makes.empty());
    CHECK(d.countryCode == "JP");
    CHECK(d.has(VinWarningCode::UnknownManufacturer));
}

TEST_CASE("vin: a small manufacturer is known by positions 12-14", "[core][vin]")
{
    const VinDecoded bugatti = decoded("VF9SA25C48M795123");
    CHECK(bugatti.smallManufacturer);
    CHECK(bugatti.make == "Bugatti");
    CHECK(bugatti.countryCode == "FR");

    const VinDecoded unknown = decoded("VF9SA25C38M123456");
    CHECK(unknown.smallManufacturer);
    CHECK(unknown.make.empty());
    CHECK(unknown.has(VinWarningCode::SmallManufacturer));
    CHECK_FALSE(unknown.has(VinWarningCode::UnknownManufacturer));
    CHECK(unknown.countryCode == "FR"); // from the range

    // A table may know the 6-character key, or only the WMI.
    const WmiTableParse t = parseWmiTable(smallTable().dump());
    INFO((t.error ? t.error->describe() : std::string()));
    REQUIRE(t.ok());
    const VinResult tiny = decodeVin("VF9SA25C48MABC123", *t.table, kYear);
    REQUIRE(tiny.ok());
    CHECK(tiny.decoded->make == "Tiny Cars");
    const VinResult other = decodeVin("VF9SA25C48MXYZ123", *t.table, kYear);
    REQUIRE(other.ok());
    CHECK(other.decoded->make == "Some Small Maker");
    CHECK(other.decoded->manufacturerApproximate);
}

// [SECTION] What is refused, and normalization

TEST_CASE("vin: I, O and Q are refused with their position", "[core][vin]")
{
    const auto problems = refused("1HGCM82633A0O4352");
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].code == VinProblemCode::ForbiddenLetter);
    CHECK(problems[0].character == "O");
    CHECK(problems[0].position == 13);
    CHECK(vinProblemKey(problems[0].code) == "forbidden_letter");

    const auto two = refused("IHGCM82633A00435Q");
    REQUIRE(two.size() == 2);
    CHECK(two[0].position == 1);
    CHECK(two[0].character == "I");
    CHECK(two[1].position == 17);
    CHECK(two[1].character == "Q");
}

TEST_CASE("vin: other characters are refused by name and position", "[core][vin]")
{
    const auto problems = refused("1HGCM8263#A004352");
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].code == VinProblemCode::Alphabet);
    CHECK(problems[0].character == "#");
    CHECK(problems[0].position == 10);

    const auto cyrillic = refused("1HGCM82633Ж004352");
    REQUIRE(cyrillic.size() == 1);
    CHECK(cyrillic[0].character == "Ж");
    CHECK(cyrillic[0].position == 11);
}

TEST_CASE("vin: wrong lengths and empty input are refused", "[core][vin]")
{
    const auto shortVin = refused("1HGCM82633A00435");
    REQUIRE(shortVin.size() == 1);
    CHECK(shortVin[0].code == VinProblemCode::Length);
    CHECK(shortVin[0].length == 16);

    const auto longVin = refused("1HGCM82633A0043521");
    CHECK(longVin[0].code == VinProblemCode::Length);
    CHECK(longVin[0].length == 18);

    CHECK(refused("")[0].code == VinProblemCode::Empty);
    CHECK(refused("  - \xC2\xA0 ")[0].code == VinProblemCode::Empty);

    const auto huge = refused(std::string(1000, 'A'));
    REQUIRE(huge.size() == 1);
    CHECK(huge[0].code == VinProblemCode::Length);
    CHECK(huge[0].length == kVinInputLimit + 1);
}

TEST_CASE("vin: lower case, spaces and dashes are normalized away", "[core][vin]")
{
    const VinDecoded d = decoded("  1hgcm8-2633a 004352\t");
    CHECK(d.vin == "1HGCM82633A004352");
    CHECK(d.make == "Honda");
    CHECK(decoded("1HG CM826 33A 004 352").vin == "1HGCM82633A004352");
    CHECK(decoded("1HG\xE2\x80\x93" "CM82633A004352").vin == "1HGCM82633A004352"); // en dash
}

TEST_CASE("vin: Cyrillic look-alike letters typed on a Russian layout read as Latin", "[core][vin]")
{
    // "ХТА" in Cyrillic, then the rest in Latin.
    const VinDecoded d = decoded("\xD0\xA5\xD0\xA2\xD0\x90" "21703XC0123456");
    CHECK(d.vin == "XTA21703XC0123456");
    CHECK(d.make == "Lada");
}

TEST_CASE("vin: no input makes the decoder throw or crash", "[core][vin]")
{
    std::mt19937 rng(20261202);
    const std::string pieces[] = {"A", "Z", "0", "9", "I", "O", "-", " ", "\xC2\xA0", "\xD0\x96", "\xE2\x80\x93",
                                  "\xF0\x9F\x9A\x97", "\xFF", "\x80", "\xE2\x80", "\xF0\x9F", "\0", "1HGCM8"};
    for (int i = 0; i < 3000; ++i) {
        std::string s;
        const int n = static_cast<int>(rng() % 40);
        for (int k = 0; k < n; ++k) {
            if (rng() % 3 == 0)
                s += static_cast<char>(rng() % 256);
            else
                s += pieces[rng() % std::size(pieces)];
        }
        VinResult r;
        REQUIRE_NOTHROW(r = decodeVin(s, builtInWmiTable(), kYear));
        CHECK(r.ok() != !r.problems.empty());
        for (const VinProblem& p : r.problems)
            if (p.code == VinProblemCode::Alphabet || p.code == VinProblemCode::ForbiddenLetter) {
                CHECK(p.position >= 1);
                CHECK_FALSE(p.character.empty());
            }
    }
    std::string big(100000, '\xFF');
    REQUIRE_NOTHROW(decodeVin(big, builtInWmiTable(), kYear));
}

// [SECTION] Model years

TEST_CASE("vin: position 10 gives model years in a 30-year cycle, newest first", "[core][vin]")
{
    CHECK(vinModelYears('A', false, kYear + 1) == Years{2010}); // North America, position 7 a letter
    CHECK(vinModelYears('A', true, kYear + 1) == Years{1980});  // North America, position 7 a digit
    CHECK(vinModelYears('A', std::nullopt, kYear + 1) == Years{2010, 1980});
    CHECK(vinModelYears('R', std::nullopt, kYear + 1) == Years{2024, 1994});
    CHECK(vinModelYears('S', std::nullopt, kYear + 1) == Years{2025, 1995});
    CHECK(vinModelYears('T', std::nullopt, kYear + 1) == Years{2026, 1996});
    CHECK(vinModelYears('9', std::nullopt, kYear + 1) == Years{2009});
    CHECK(vinModelYears('Y', std::nullopt, kYear + 1) == Years{2000});
    // 2027 models are on sale in 2026, not in 2025.
    CHECK(vinModelYears('V', std::nullopt, 2026 + 1) == Years{2027, 1997});
    CHECK(vinModelYears('V', std::nullopt, 2025 + 1) == Years{1997});
    // After 2039 the cycle comes round again.
    CHECK(vinModelYears('A', std::nullopt, 2041) == Years{2040, 2010, 1980});
    CHECK(vinModelYears('A', true, 2041) == Years{2040, 1980});
    for (char c : {'0', 'U', 'Z', 'I', 'O', 'Q'})
        CHECK(vinModelYears(c, std::nullopt, kYear + 1).empty());
}

TEST_CASE("vin: a decoded VIN's years follow the current year", "[core][vin]")
{
    CHECK(decoded("1FTFW1EFXAF123456").modelYears == Years{2010});
    CHECK(decoded("1FTFW1EFXAF123456").modelYearCertain);
    CHECK(decoded("WVWZZZ1K3UW123456").modelYears.empty());
    const VinDecoded zero = decoded("WVWZZZ1K00W123456");
    CHECK(zero.modelYears.empty());
    const VinWarning* w = warning(zero, VinWarningCode::ModelYearCode);
    REQUIRE(w);
    CHECK(w->found == '0');
    CHECK(decoded("WVWZZZ1K4ZW123456").has(VinWarningCode::ModelYearCode));
    // A 2027 model (V) only once 2027 models can be sold.
    CHECK(decoded("WVWZZZ1KZVW123456", 2026).modelYears == Years{2027, 1997});
    CHECK(decoded("WVWZZZ1KZVW123456", 2025).modelYears == Years{1997});
}

// [SECTION] Japanese chassis numbers

TEST_CASE("vin: Japanese-market chassis numbers are accepted with a note", "[core][vin]")
{
    for (const char* number : {"GRX130-6012345", "ZZE122-0123456", "JZX100-0123456", "NHW20-3012345", "GX100-1234567",
                               "HA36S-123456"}) {
        const VinDecoded d = decoded(number);
        INFO(number);
        CHECK(d.kind == VinKind::JapaneseChassis);
        CHECK(d.vin == number);
        CHECK(d.has(VinWarningCode::JapaneseChassis));
        CHECK(d.wmi.empty());
        CHECK(d.modelYears.empty());
        CHECK_FALSE(d.checkDigitValid.has_value());
    }
    const VinDecoded typed = decoded(" grx130 \xE2\x80\x93 6012345 ");
    CHECK(typed.vin == "GRX130-6012345");
    CHECK(typed.chassisModel == "GRX130");
    CHECK(typed.chassisSerial == "6012345");
}

TEST_CASE("vin: things that look like neither are refused", "[core][vin]")
{
    for (const char* s : {"ABC-12", "GRX130-60123", "130GRX-6012345", "GRXABC-6012345", "GRX130-601234567",
                          "GRX130--6012345", "GRX1306012345", "ABCDEFGH-123456"}) {
        INFO(s);
        const auto problems = refused(s);
        CHECK(problems[0].code == VinProblemCode::Length);
    }
    CHECK(refused("ABC-12")[0].length == 5);
}

// [SECTION] Contradictions

TEST_CASE("vin: a typed make the VIN contradicts is named", "[core][vin]")
{
    const VinDecoded d = decoded("KMHJ381A8KU123456");
    const auto c = vinContradictions(d, {std::string("Kia"), std::nullopt, std::nullopt});
    REQUIRE(c.size() == 1);
    CHECK(c[0].code == VinContradictionCode::Make);
    CHECK(vinContradictionKey(c[0].code) == "make");
    CHECK(c[0].typed == "Kia");
    CHECK(c[0].decoded.front() == "Hyundai");
    CHECK_FALSE(c[0].soft);
}

TEST_CASE("vin: makes match whatever the case, script, spacing or alias", "[core][vin]")
{
    const WmiTable& t = builtInWmiTable();
    CHECK(sameMake("hyundai", "Hyundai", t));
    CHECK(sameMake("Хендай", "Hyundai", t));
    CHECK(sameMake("Тойота", "Toyota", t));
    CHECK(sameMake("VW", "Volkswagen", t));
    CHECK(sameMake("Mercedes Benz", "Mercedes-Benz", t));
    CHECK(sameMake("mercedes", "Mercedes-Benz", t));
    CHECK(sameMake("Land-Rover", "Land Rover", t));
    CHECK(sameMake("ВАЗ", "Lada", t));
    CHECK_FALSE(sameMake("Kia", "Hyundai", t));
    CHECK_FALSE(sameMake("", "", t));

    const VinDecoded vw = decoded("WVWZZZ1JZXW000001");
    CHECK(vinContradictions(vw, {std::string("VW"), std::nullopt, std::nullopt}).empty());
    // A make among several candidates does not contradict.
    const VinDecoded kaluga = decoded("XW8ZZZ61ZEG012345");
    CHECK(vinContradictions(kaluga, {std::string("Škoda"), std::nullopt, std::nullopt}).empty());
    CHECK(vinContradictions(kaluga, {std::string("Шкода"), std::nullopt, std::nullopt}).empty());
}

TEST_CASE("vin: a typed year outside the candidates contradicts, softly when unsure", "[core][vin]")
{
    const VinDecoded honda = decoded("1HGCM82633A004352"); // 2003, certain
    CHECK(vinContradictions(honda, {std::nullopt, 2003, std::nullopt}).empty());

    const auto hard = vinContradictions(honda, {std::nullopt, 2005, std::nullopt});
    REQUIRE(hard.size() == 1);
    CHECK(hard[0].code == VinContradictionCode::Year);
    CHECK(hard[0].typed == "2005");
    CHECK(hard[0].decoded == std::vector<std::string>{"2003"});
    CHECK_FALSE(hard[0].soft);

    // Built the year before its model year: a note, not a warning.
    const auto before = vinContradictions(honda, {std::nullopt, 2002, std::nullopt});
    REQUIRE(before.size() == 1);
    CHECK(before[0].soft);

    // Europe does not mandate position 10: any mismatch is soft.
    const VinDecoded lada = decoded("XTA21703XC0123456"); // 2012 or 1982
    const auto soft = vinContradictions(lada, {std::nullopt, 2015, std::nullopt});
    REQUIRE(soft.size() == 1);
    CHECK(soft[0].soft);
    CHECK(soft[0].decoded == std::vector<std::string>{"2012", "1982"});
}

TEST_CASE("vin: a typed country of manufacture is compared with the WMI's", "[core][vin]")
{
    const VinDecoded honda = decoded("1HGCM82633A004352");
    const auto c = vinContradictions(honda, {std::nullopt, std::nullopt, std::string("jp")});
    REQUIRE(c.size() == 1);
    CHECK(c[0].code == VinContradictionCode::Country);
    CHECK(c[0].typed == "JP");
    CHECK(c[0].decoded == std::vector<std::string>{"US"});
    CHECK(vinContradictions(honda, {std::nullopt, std::nullopt, std::string("US")}).empty());
}

TEST_CASE("vin: the VIN-checked badge needs a checked fact and no contradiction", "[core][vin]")
{
    const VinDecoded honda = decoded("1HGCM82633A004352");
    CHECK(vinConsistent(honda, {std::string("Honda"), 2003, std::nullopt}));
    CHECK(vinConsistent(honda, {std::string("honda"), std::nullopt, std::nullopt}));
    CHECK_FALSE(vinConsistent(honda, {std::nullopt, std::nullopt, std::nullopt})); // nothing compared
    CHECK_FALSE(vinConsistent(honda, {std::string("Toyota"), 2003, std::nullopt}));
    CHECK_FALSE(vinConsistent(honda, {std::string("Honda"), 2002, std::nullopt})); // even a soft one

    const VinDecoded typo = decoded("1HGCM82633A004353");
    CHECK(vinContradictions(typo, {std::string("Honda"), 2003, std::nullopt}).empty());
    CHECK_FALSE(vinConsistent(typo, {std::string("Honda"), 2003, std::nullopt})); // mandatory digit fails

    const VinDecoded chassis = decoded("GRX130-6012345");
    CHECK(vinContradictions(chassis, {std::string("Toyota"), 2008, std::nullopt}).empty());
    CHECK_FALSE(vinConsistent(chassis, {std::string("Toyota"), 2008, std::nullopt}));
}

// [SECTION] The WMI table

TEST_CASE("vin: the shipped WMI table parses and covers the common makes", "[core][vin]")
{
    const WmiTableParse p = parseWmiTable(builtInWmiJson());
    INFO((p.error ? p.error->describe() : std::string()));
    REQUIRE(p.ok());
    const WmiTable& t = builtInWmiTable();
    CHECK(t.file == "wmi");
    CHECK_FALSE(t.sources.empty());
    CHECK(t.manufacturers.size() >= 150);
    std::set<std::string> keys;
    for (const WmiManufacturer& m : t.manufacturers) {
        INFO(m.key);
        CHECK((m.key.size() == 3 || (m.key.size() == 6 && m.key[2] == '9')));
        CHECK(keys.insert(m.key).second);
        CHECK_FALSE(m.makes.empty());
        CHECK(m.country.size() == 2);
    }
    for (const char* wmi : {"JTD", "JTH", "KMH", "KNA", "XTA", "XW8", "WVW", "TMB", "WBA", "X4X", "WDD", "W1K", "WAU",
                            "JN1", "Z8N", "JMZ", "JHM", "JF1", "JS3", "WF0", "X9F", "VF1", "X7L", "SAL", "YV1", "LGW",
                            "LVV", "L6T", "LS5", "LGX", "5YJ", "1G1", "1C4", "KMT", "XWB"}) {
        INFO(wmi);
        CHECK(t.manufacturer(wmi) != nullptr);
    }
    // Every first character has a continent.
    for (char c : kVinAlphabet)
        CHECK(t.regionOf(c).has_value());
    CHECK(t.countryOf("MX")->country == "KZ");
    CHECK(t.countryOf("X7")->country == "RU");
    CHECK(t.countryOf("Z8")->country == "RU");
}

TEST_CASE("vin: the embedded table is the file in the source tree", "[core][vin]")
{
    std::ifstream in(std::string(DONGELEK_SOURCE_DIR) + "/vin/wmi.json", std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    CHECK(s.str() == std::string(builtInWmiJson()));
}

TEST_CASE("vin: a bad WMI table names the first bad field", "[core][vin]")
{
    REQUIRE(parseWmiTable(smallTable().dump()).ok());
    CHECK(sameMake("toyoda", "Toyota", *parseWmiTable(smallTable().dump()).table));

    auto j = smallTable();
    j["manufacturers"][0]["wmi"] = "JT";
    WmiTableError e = refusal(j);
    CHECK(e.field == "/manufacturers/0/wmi");
    CHECK(e.reason == "must be 3 characters of the VIN alphabet");
    CHECK(e.describe() == "wmi.json: /manufacturers/0/wmi: must be 3 characters of the VIN alphabet");

    j = smallTable();
    j["manufacturers"][0]["wmi"] = "JTI";
    CHECK(refusal(j).field == "/manufacturers/0/wmi");

    j = smallTable();
    j["manufacturers"].push_back({{"wmi", "JTD"}, {"make", "Lexus"}, {"country", "JP"}});
    e = refusal(j);
    CHECK(e.field == "/manufacturers/3/wmi");
    CHECK(e.reason == "repeats /manufacturers/0");

    j = smallTable();
    j["manufacturers"][0]["country"] = "jp";
    CHECK(refusal(j).field == "/manufacturers/0/country");

    j = smallTable();
    j["manufacturers"][0]["aproximate"] = true;
    e = refusal(j);
    CHECK(e.field == "/manufacturers/0/aproximate");
    CHECK(e.reason == "unknown field");

    j = smallTable();
    j["manufacturers"][0].erase("make");
    CHECK(refusal(j).field == "/manufacturers/0/make");

    j = smallTable();
    j["manufacturers"][0]["positions_12_14"] = "123"; // JTD's third character is not 9
    CHECK(refusal(j).field == "/manufacturers/0/positions_12_14");

    j = smallTable();
    j["countries"].push_back({{"range", "VA-VG"}, {"country", "AT"}});
    e = refusal(j);
    CHECK(e.field == "/countries/3/range");
    CHECK(e.reason == "overlaps /countries/1");

    j = smallTable();
    j["countries"][1]["range"] = "VR-VF";
    CHECK(refusal(j).field == "/countries/1/range");

    j = smallTable();
    j["regions"].erase(5);
    e = refusal(j);
    CHECK(e.field == "/regions");

    j = smallTable();
    j["regions"][0]["region"] = "antarctica";
    CHECK(refusal(j).field == "/regions/0/region");

    j = smallTable();
    j["make_aliases"][0]["make"] = "Toyata";
    CHECK(refusal(j).field == "/make_aliases/0/make");

    j = smallTable();
    j["make_aliases"][0]["aliases"].push_back("TOYOTA");
    CHECK(refusal(j).field == "/make_aliases/0/aliases/1");

    j = smallTable();
    j["compiled_on"] = "1 Dec 2026";
    CHECK(refusal(j).field == "/compiled_on");

    const WmiTableParse notJson = parseWmiTable("{\"file\": ");
    REQUIRE_FALSE(notJson.ok());
    CHECK(notJson.error->field.empty());
    CHECK(notJson.error->reason.rfind("not valid JSON", 0) == 0);
}

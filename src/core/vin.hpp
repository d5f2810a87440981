// VIN: an offline decoder of vehicle identification numbers (ISO 3779 / ISO 3780, and the
// North American rules of 49 CFR 565) and of Japanese-market chassis numbers, with the
// World Manufacturer Identifier table shipped as data (vin/wmi.json, embedded in the
// library at build time). Platform-free: the editor pre-fills the listing form from it and
// shows where the VIN and what the seller typed disagree; the server sets the "VIN checked"
// badge with the same code.
//
// What is decoded, and how sure it is:
// - the sections: WMI (positions 1-3), VDS (4-9), VIS (10-17);
// - the region from position 1 (ISO 3779: A-H Africa, J-R Asia, S-Z Europe, 1-5 North
//   America, 6-7 Oceania, 8-0 South America) and the country from positions 1-2 (the SAE
//   J853 ranges; where today's allocation differs from the first character's region, the
//   table says so: H is China, 7 is the United States);
// - the make from the WMI; a WMI whose third character is 9 is a small manufacturer (under
//   500 vehicles a year) named by positions 12-14 as well;
// - the model year candidates from position 10 (a 30-year cycle). Only North America and
//   China mandate position 10; Europe does not, so elsewhere the years are possible, not
//   certain. In North America position 7 picks the cycle (a letter: 2010-2039, a digit:
//   1980-2009), the 49 CFR 565.15 rule for cars, MPVs and light trucks;
// - the check digit (position 9), computed for every VIN.
//
// Decisions:
// - A failed check digit never rejects a VIN, anywhere: a seller's typo must not block
//   publishing. North American and Chinese VINs, where the digit is mandatory, get the
//   strong warning CheckDigitMandatory; all others CheckDigitOptional. The caller decides.
// - Typing is forgiving: spaces (also no-break ones) and dashes (also en and em dashes) are
//   removed from a VIN, letters are upper-cased, full-width forms (a Japanese keyboard's) and
//   the Cyrillic letters that look like Latin ones (А В Е К М Н О Р С Т У Х, a Russian or
//   Kazakh layout's) are read as those Latin letters. A Japanese chassis number keeps its
//   dash, which separates the model code from the serial ("GRX130-6012345"): input that is
//   17 characters once spaces and dashes are gone is read as a VIN, anything else is tried
//   as a chassis number.
// - Nothing throws, whatever the input; input over kVinInputLimit bytes (once blanks at both
//   ends are trimmed) is not looked at.
// - Keys, not text: regions, problems, warnings and contradictions are stable keys; the
//   UI's texts are "vin.region.<key>", "vin.problem.<key>", "vin.warning.<key>" and
//   "vin.contradiction.<key>".
//
// [SECTION] The WMI table
// [SECTION] Decoding
// [SECTION] Contradictions with what the seller typed
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dongelek {

// [SECTION] The WMI table

// The continents of ISO 3779 (position 1).
enum class VinRegion { Africa, Asia, Europe, NorthAmerica, Oceania, SouthAmerica };
// "africa", "asia", "europe", "north_america", "oceania", "south_america".
std::string_view vinRegionKey(VinRegion r);
std::optional<VinRegion> parseVinRegion(std::string_view key);

// The 33 characters a VIN may use, in the order ISO 3780 ranges run: A-Z without I, O and Q,
// then 1-9, then 0 (so "X3-X0" runs X3 ... X9, X0).
inline constexpr std::string_view kVinAlphabet = "ABCDEFGHJKLMNPRSTUVWXYZ1234567890";
// The place of an upper-case character in kVinAlphabet, or -1.
int vinAlphabetIndex(char c);

struct WmiSource {
    std::string title;
    std::string reference; // may be empty
    std::string url;       // may be empty
};

// First characters from..to (inclusive, in kVinAlphabet order) and their continent.
struct WmiRegionRange {
    char from = 'A';
    char to = 'A';
    VinRegion region = VinRegion::Africa;
};

// Positions 1-2 from..to (the same first character, inclusive, in kVinAlphabet order).
struct WmiCountryRange {
    std::string from; // "3A"
    std::string to;   // "3X"
    std::string country; // ISO 3166 alpha-2, "MX"
    std::optional<VinRegion> region; // when the allocation is not the first character's continent
    bool approximate = false;        // the sources disagree or could not be checked
    bool holds(std::string_view firstTwo) const;
};

// One WMI. `key` is the WMI (3 characters) or, for a small manufacturer (third character
// 9), the WMI and positions 12-14 (6 characters: "VF9795").
struct WmiManufacturer {
    std::string key;
    std::vector<std::string> makes; // the brands built under it, the most common first
    std::string manufacturer;       // the company, when it says more than the make ("AvtoVAZ")
    std::string country;            // ISO 3166 alpha-2 of the WMI's holder
    bool approximate = false;
};

// Other spellings of a make ("VW" for Volkswagen).
struct WmiMakeAliases {
    std::string make;
    std::vector<std::string> aliases;
};

// vin/wmi.json.
struct WmiTable {
    std::string file;       // "wmi"
    std::string compiledOn; // ISO date
    std::vector<WmiSource> sources;
    std::vector<WmiRegionRange> regions;
    std::vector<WmiCountryRange> countries;
    std::vector<WmiManufacturer> manufacturers;
    std::vector<WmiMakeAliases> makeAliases;

    std::optional<VinRegion> regionOf(char first) const;
    const WmiCountryRange* countryOf(std::string_view firstTwo) const;
    // By the 3-character key, or the 6-character one; nullptr when the table does not know it.
    const WmiManufacturer* manufacturer(std::string_view key) const;
};

// Why a table was refused: the JSON pointer of the first bad field and the reason.
struct WmiTableError {
    std::string field;            // "/manufacturers/12/wmi"
    std::string reason;           // for logs and tests, not for users
    std::string describe() const; // "wmi.json: /manufacturers/12/wmi: must be 3 characters of the VIN alphabet"
};
struct WmiTableParse {
    std::optional<WmiTable> table;
    std::optional<WmiTableError> error;
    bool ok() const { return table.has_value(); }
};

// Strict, like the tariff readers: every field checked, ranges may not overlap, keys and
// aliases may not repeat; nullopt with `error` on the first bad field.
WmiTableParse parseWmiTable(std::string_view json);
// vin/wmi.json as embedded at build time.
std::string_view builtInWmiJson();
// The embedded table, parsed once (thread-safe). Empty (every VIN decodes without a make or
// country) if the embedded file were ever refused; the tests make sure it is not.
const WmiTable& builtInWmiTable();

// [SECTION] Decoding

// Bytes of input looked at (blanks at both ends aside); longer input is a Length problem and is
// not read further.
inline constexpr std::size_t kVinInputLimit = 64;

enum class VinKind { Vin17, JapaneseChassis };

// Why input is not a VIN (the input is refused).
enum class VinProblemCode {
    Empty,           // nothing but spaces and dashes
    Length,          // neither 17 characters nor a chassis number; `length` says how many
    ForbiddenLetter, // I, O or Q, never used in a VIN (read as 1, 0, 9); `character`, `position`
    Alphabet,        // any other character outside A-Z and 0-9; `character`, `position`
};
// "empty", "length", "forbidden_letter", "alphabet".
std::string_view vinProblemKey(VinProblemCode c);

struct VinProblem {
    VinProblemCode code = VinProblemCode::Empty;
    // Length: characters once spaces and dashes are removed; kVinInputLimit + 1 for input
    // that was too long to look at.
    std::size_t length = 0;
    // ForbiddenLetter, Alphabet: 1-based, counted in characters once spaces and dashes are
    // removed (so position 9 is the check digit's place); the character as UTF-8.
    std::size_t position = 0;
    std::string character;
};

// What is worth saying about a VIN that is accepted.
enum class VinWarningCode {
    CheckDigitMandatory, // North America, China: the digit must match; `expected`, `found`
    CheckDigitOptional,  // elsewhere position 9 need not be a check digit; `expected`, `found`
    UnknownCountry,      // positions 1-2 are in no allocated range
    UnknownManufacturer, // the table does not know the WMI
    SmallManufacturer,   // third character 9, and the table does not know positions 12-14
    ModelYearCode,       // position 10 is no year code (0, U, Z); `found`
    JapaneseChassis,     // a Japanese-market chassis number, not a 17-character VIN: nothing more can be decoded
};
// "check_digit_mandatory", "check_digit_optional", "unknown_country", "unknown_manufacturer",
// "small_manufacturer", "model_year_code", "japanese_chassis".
std::string_view vinWarningKey(VinWarningCode c);

struct VinWarning {
    VinWarningCode code = VinWarningCode::UnknownManufacturer;
    char expected = 0; // CheckDigit*: '0'-'9' or 'X'
    char found = 0;    // CheckDigit*: position 9; ModelYearCode: position 10
};

struct VinDecoded {
    std::string vin; // normalized: upper case; a VIN without spaces and dashes, a chassis number with one dash
    VinKind kind = VinKind::Vin17;
    // ISO 3779 sections (empty for a chassis number).
    std::string wmi; // positions 1-3
    std::string vds; // 4-9
    std::string vis; // 10-17
    // A chassis number's two parts: "GRX130", "6012345" (empty for a VIN).
    std::string chassisModel;
    std::string chassisSerial;

    std::optional<VinRegion> region;
    std::string countryCode; // ISO 3166 alpha-2: the WMI holder's when the table knows it, else the range's; "" unknown
    bool countryApproximate = false; // the table entry it came from is approximate

    std::vector<std::string> makes; // candidates from the table, the most common first; empty if unknown
    std::string make;               // the most common candidate, "" if unknown (pre-fill it when makeCertain)
    bool makeCertain = false;       // the WMI is one make's only ("XW8" is Volkswagen, Skoda or Audi)
    std::string manufacturer;       // the company, when the table names one
    bool smallManufacturer = false; // third character 9
    bool manufacturerApproximate = false;

    std::vector<int> modelYears; // newest first, none after currentYear + 1
    bool modelYearCertain = false; // position 10 is mandated here and leaves one year

    bool checkDigitApplies = false;      // mandatory here (North America, China)
    std::optional<bool> checkDigitValid; // every VIN; nullopt for a chassis number
    char checkDigitExpected = 0;         // '0'-'9' or 'X'; 0 for a chassis number

    std::vector<VinWarning> warnings;
    bool has(VinWarningCode c) const;
};

// Either decoded (maybe with warnings) or refused with problems, never both.
struct VinResult {
    std::optional<VinDecoded> decoded;
    std::vector<VinProblem> problems;
    bool ok() const { return decoded.has_value(); }
};

// Decodes what a seller typed. `currentYear` bounds the model years (next year's models are
// on sale). Never throws.
VinResult decodeVin(std::string_view input, const WmiTable& table, int currentYear);
// The check digit position 9 should hold ('0'-'9' or 'X') for 17 characters of the VIN
// alphabet (49 CFR 565.15(c)); 0 for anything else.
char vinCheckDigit(std::string_view vin17);
// Every model year position 10 may mean, newest first, none after latestYear.
// `numericPosition7`: nullopt outside North America; true or false there picks the cycle.
std::vector<int> vinModelYears(char position10, std::optional<bool> numericPosition7, int latestYear);

// [SECTION] Contradictions with what the seller typed

// The form's fields that a VIN can confirm or contradict; absent or empty = not typed.
struct VinTypedFacts {
    std::optional<std::string> make; // as typed or as the catalog names it ("Mercedes-Benz", "VW", "Тойота")
    std::optional<int> year;
    std::optional<std::string> countryCode; // country of manufacture, ISO 3166 alpha-2
};

enum class VinContradictionCode { Make, Year, Country };
// "make", "year", "country".
std::string_view vinContradictionKey(VinContradictionCode c);

struct VinContradiction {
    VinContradictionCode code = VinContradictionCode::Make;
    // Worth a note rather than a warning: the year when position 10 is not certain, or the
    // typed year is one before a candidate (a car built the year before its model year);
    // the make when the table's entry is approximate; the country when the range is.
    bool soft = false;
    std::string typed;                // as typed (the year in digits)
    std::vector<std::string> decoded; // what the VIN says: makes, years (newest first) or the country
};

// Make names compared the way people write them: case, accents, spaces, dashes and the
// script ("Тойота") do not matter, and the table's aliases are the make ("VW", "Volkswagen").
bool sameMake(std::string_view a, std::string_view b, const WmiTable& table);

// Where the decoded VIN and the typed facts disagree. Only what both sides know is
// compared; a chassis number contradicts nothing.
std::vector<VinContradiction> vinContradictions(const VinDecoded& vin, const VinTypedFacts& typed,
                                                const WmiTable& table = builtInWmiTable());

// The "VIN checked" badge: a 17-character VIN whose mandatory check digit (if any) holds,
// at least one typed fact (make or year) was compared, and nothing contradicts, not even softly.
bool vinConsistent(const VinDecoded& vin, const VinTypedFacts& typed, const WmiTable& table = builtInWmiTable());

} // namespace dongelek

// The VIN decoder (vin.hpp): the strict reader of vin/wmi.json, normalization of what was
// typed, the ISO 3779 sections, the check digit, model years and the contradictions.

#include "core/vin.hpp"

#include "core/search_text.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <utility>

namespace dongelek {

namespace {

using nlohmann::json;

// [SECTION] Keys

constexpr std::array<std::pair<VinRegion, std::string_view>, 6> kRegionKeys{{
    {VinRegion::Africa, "africa"},
    {VinRegion::Asia, "asia"},
    {VinRegion::Europe, "europe"},
    {VinRegion::NorthAmerica, "north_america"},
    {VinRegion::Oceania, "oceania"},
    {VinRegion::SouthAmerica, "south_america"},
}};

} // namespace

std::string_view vinRegionKey(VinRegion r)
{
    for (const auto& [region, key] : kRegionKeys)
        if (region == r) return key;
    return "";
}

std::optional<VinRegion> parseVinRegion(std::string_view key)
{
    for (const auto& [region, k] : kRegionKeys)
        if (k == key) return region;
    return std::nullopt;
}

std::string_view vinProblemKey(VinProblemCode c)
{
    switch (c) {
    case VinProblemCode::Empty: return "empty";
    case VinProblemCode::Length: return "length";
    case VinProblemCode::ForbiddenLetter: return "forbidden_letter";
    case VinProblemCode::Alphabet: return "alphabet";
    }
    return "";
}

std::string_view vinWarningKey(VinWarningCode c)
{
    switch (c) {
    case VinWarningCode::CheckDigitMandatory: return "check_digit_mandatory";
    case VinWarningCode::CheckDigitOptional: return "check_digit_optional";
    case VinWarningCode::UnknownCountry: return "unknown_country";
    case VinWarningCode::UnknownManufacturer: return "unknown_manufacturer";
    case VinWarningCode::SmallManufacturer: return "small_manufacturer";
    case VinWarningCode::ModelYearCode: return "model_year_code";
    case VinWarningCode::JapaneseChassis: return "japanese_chassis";
    }
    return "";
}

std::string_view vinContradictionKey(VinContradictionCode c)
{
    switch (c) {
    case VinContradictionCode::Make: return "make";
    case VinContradictionCode::Year: return "year";
    case VinContradictionCode::Country: return "country";
    }
    return "";
}

int vinAlphabetIndex(char c)
{
    const std::size_t i = kVinAlphabet.find(c);
    return i == std::string_view::npos ? -1 : static_cast<int>(i);
}

// [SECTION] The WMI table: lookups

bool WmiCountryRange::holds(std::string_view firstTwo) const
{
    if (firstTwo.size() < 2 || firstTwo[0] != from[0]) return false;
    const int i = vinAlphabetIndex(firstTwo[1]);
    return i >= 0 && i >= vinAlphabetIndex(from[1]) && i <= vinAlphabetIndex(to[1]);
}

std::optional<VinRegion> WmiTable::regionOf(char first) const
{
    const int i = vinAlphabetIndex(first);
    if (i < 0) return std::nullopt;
    for (const WmiRegionRange& r : regions)
        if (i >= vinAlphabetIndex(r.from) && i <= vinAlphabetIndex(r.to)) return r.region;
    return std::nullopt;
}

const WmiCountryRange* WmiTable::countryOf(std::string_view firstTwo) const
{
    for (const WmiCountryRange& c : countries)
        if (c.holds(firstTwo)) return &c;
    return nullptr;
}

const WmiManufacturer* WmiTable::manufacturer(std::string_view key) const
{
    for (const WmiManufacturer& m : manufacturers)
        if (m.key == key) return &m;
    return nullptr;
}

std::string WmiTableError::describe() const
{
    return "wmi.json: " + field + ": " + reason;
}

// [SECTION] The WMI table: the strict reader

namespace {

// Thrown by the readers, caught by parseWmiTable: the bad field's JSON pointer and why.
struct WmiFailure {
    std::string field;
    std::string reason;
};

std::string child(const std::string& path, std::string_view key)
{
    return path + "/" + std::string(key);
}
std::string child(const std::string& path, std::size_t index)
{
    return path + "/" + std::to_string(index);
}

// An object whose keys are all among `allowed` (a misspelt "aproximate" is an error).
const json& objectOf(const json& v, const std::string& path, std::initializer_list<std::string_view> allowed)
{
    if (!v.is_object()) throw WmiFailure{path, "expected an object"};
    for (auto it = v.begin(); it != v.end(); ++it)
        if (std::find(allowed.begin(), allowed.end(), it.key()) == allowed.end())
            throw WmiFailure{child(path, it.key()), "unknown field"};
    return v;
}

const json& member(const json& obj, std::string_view key, const std::string& path)
{
    const auto it = obj.find(std::string(key));
    if (it == obj.end() || it->is_null()) throw WmiFailure{child(path, key), "missing"};
    return *it;
}

const json& arrayAt(const json& obj, std::string_view key, const std::string& path)
{
    const json& v = member(obj, key, path);
    if (!v.is_array() || v.empty()) throw WmiFailure{child(path, key), "expected a non-empty array"};
    return v;
}

std::string stringOf(const json& v, const std::string& path)
{
    if (!v.is_string() || v.get_ref<const std::string&>().empty()) throw WmiFailure{path, "expected a non-empty string"};
    return v.get<std::string>();
}

std::string stringAt(const json& obj, std::string_view key, const std::string& path)
{
    return stringOf(member(obj, key, path), child(path, key));
}

std::string optionalStringAt(const json& obj, std::string_view key, const std::string& path)
{
    const auto it = obj.find(std::string(key));
    if (it == obj.end()) return "";
    return stringOf(*it, child(path, key));
}

bool approximateAt(const json& obj, const std::string& path)
{
    const auto it = obj.find("approximate");
    if (it == obj.end()) return false;
    if (!it->is_boolean()) throw WmiFailure{child(path, "approximate"), "expected true or false"};
    return it->get<bool>();
}

bool isIsoDate(std::string_view s)
{
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    for (std::size_t i = 0; i < s.size(); ++i)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9')) return false;
    return true;
}

std::string countryAt(const json& obj, std::string_view key, const std::string& path)
{
    const std::string c = stringAt(obj, key, path);
    if (c.size() != 2 || c[0] < 'A' || c[0] > 'Z' || c[1] < 'A' || c[1] > 'Z')
        throw WmiFailure{child(path, key), "must be an ISO 3166 alpha-2 code (two capital letters)"};
    return c;
}

bool allVinAlphabet(std::string_view s)
{
    for (char c : s)
        if (vinAlphabetIndex(c) < 0) return false;
    return true;
}

// The folded spelling of a make: search's folding of each word, the words joined.
std::string foldMake(std::string_view name)
{
    std::string out;
    for (const std::string& t : search::tokens(name))
        out += t;
    return out;
}

std::vector<WmiSource> readSources(const json& root)
{
    std::vector<WmiSource> out;
    const json& rows = arrayAt(root, "sources", "");
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const std::string p = child("/sources", i);
        const json& row = objectOf(rows[i], p, {"title", "reference", "url"});
        out.push_back({stringAt(row, "title", p), optionalStringAt(row, "reference", p), optionalStringAt(row, "url", p)});
    }
    return out;
}

std::vector<WmiRegionRange> readRegions(const json& root)
{
    std::vector<WmiRegionRange> out;
    std::array<int, kVinAlphabet.size()> owner{};
    owner.fill(-1);
    const json& rows = arrayAt(root, "regions", "");
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const std::string p = child("/regions", i);
        const json& row = objectOf(rows[i], p, {"first", "region", "note"});
        const std::string first = stringAt(row, "first", p);
        const bool shapeOk = (first.size() == 1 && allVinAlphabet(first)) ||
                             (first.size() == 3 && first[1] == '-' && vinAlphabetIndex(first[0]) >= 0 &&
                              vinAlphabetIndex(first[2]) >= vinAlphabetIndex(first[0]));
        if (!shapeOk)
            throw WmiFailure{child(p, "first"), "must be one character of the VIN alphabet or a range like \"A-H\""};
        const std::string regionKey = stringAt(row, "region", p);
        const auto region = parseVinRegion(regionKey);
        if (!region) throw WmiFailure{child(p, "region"), "not a region key (africa, asia, europe, north_america, oceania, south_america)"};
        const WmiRegionRange r{first[0], first.back(), *region};
        for (int k = vinAlphabetIndex(r.from); k <= vinAlphabetIndex(r.to); ++k) {
            if (owner[static_cast<std::size_t>(k)] >= 0)
                throw WmiFailure{child(p, "first"), "overlaps " + child("/regions", static_cast<std::size_t>(owner[static_cast<std::size_t>(k)]))};
            owner[static_cast<std::size_t>(k)] = static_cast<int>(i);
        }
        out.push_back(r);
    }
    for (std::size_t k = 0; k < owner.size(); ++k)
        if (owner[k] < 0) throw WmiFailure{"/regions", std::string("leaves ") + kVinAlphabet[k] + " without a region"};
    return out;
}

std::vector<WmiCountryRange> readCountries(const json& root)
{
    std::vector<WmiCountryRange> out;
    const json& rows = arrayAt(root, "countries", "");
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const std::string p = child("/countries", i);
        const json& row = objectOf(rows[i], p, {"range", "country", "name", "region", "approximate", "note"});
        const std::string range = stringAt(row, "range", p);
        WmiCountryRange c;
        const auto last = std::string(1, kVinAlphabet.back());
        const auto firstOf = std::string(1, kVinAlphabet.front());
        if (range.size() == 1 && allVinAlphabet(range)) { // the whole first character
            c.from = range + firstOf;
            c.to = range + last;
        } else if (range.size() == 2 && allVinAlphabet(range)) {
            c.from = c.to = range;
        } else if (range.size() == 5 && range[2] == '-' && allVinAlphabet(range.substr(0, 2)) &&
                   allVinAlphabet(range.substr(3)) && range[0] == range[3] &&
                   vinAlphabetIndex(range[1]) <= vinAlphabetIndex(range[4])) {
            c.from = range.substr(0, 2);
            c.to = range.substr(3);
        } else {
            throw WmiFailure{child(p, "range"),
                             "must be \"J\", \"MX\" or \"3A-3X\": VIN alphabet, one first character, from before to"};
        }
        c.country = countryAt(row, "country", p);
        optionalStringAt(row, "name", p);
        optionalStringAt(row, "note", p);
        if (row.contains("region")) {
            const auto region = parseVinRegion(stringAt(row, "region", p));
            if (!region) throw WmiFailure{child(p, "region"), "not a region key"};
            c.region = region;
        }
        c.approximate = approximateAt(row, p);
        for (std::size_t k = 0; k < out.size(); ++k) {
            const WmiCountryRange& o = out[k];
            if (o.from[0] == c.from[0] && vinAlphabetIndex(c.from[1]) <= vinAlphabetIndex(o.to[1]) &&
                vinAlphabetIndex(o.from[1]) <= vinAlphabetIndex(c.to[1]))
                throw WmiFailure{child(p, "range"), "overlaps " + child("/countries", k)};
        }
        out.push_back(std::move(c));
    }
    return out;
}

std::vector<WmiManufacturer> readManufacturers(const json& root)
{
    std::vector<WmiManufacturer> out;
    const json& rows = arrayAt(root, "manufacturers", "");
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const std::string p = child("/manufacturers", i);
        const json& row = objectOf(rows[i], p,
                                   {"wmi", "positions_12_14", "make", "makes", "manufacturer", "country", "approximate", "note"});
        WmiManufacturer m;
        m.key = stringAt(row, "wmi", p);
        if (m.key.size() != 3 || !allVinAlphabet(m.key))
            throw WmiFailure{child(p, "wmi"), "must be 3 characters of the VIN alphabet"};
        if (row.contains("positions_12_14")) {
            const std::string small = stringAt(row, "positions_12_14", p);
            if (m.key[2] != '9')
                throw WmiFailure{child(p, "positions_12_14"), "only for a small manufacturer (a WMI whose third character is 9)"};
            if (small.size() != 3 || !allVinAlphabet(small))
                throw WmiFailure{child(p, "positions_12_14"), "must be 3 characters of the VIN alphabet"};
            m.key += small;
        }
        const bool hasMake = row.contains("make"), hasMakes = row.contains("makes");
        if (hasMake == hasMakes) throw WmiFailure{child(p, "make"), "give either \"make\" or \"makes\""};
        if (hasMake) {
            m.makes.push_back(stringAt(row, "make", p));
        } else {
            const json& makes = arrayAt(row, "makes", p);
            for (std::size_t k = 0; k < makes.size(); ++k) {
                std::string make = stringOf(makes[k], child(child(p, "makes"), k));
                if (std::find(m.makes.begin(), m.makes.end(), make) != m.makes.end())
                    throw WmiFailure{child(child(p, "makes"), k), "repeats a make"};
                m.makes.push_back(std::move(make));
            }
        }
        m.manufacturer = optionalStringAt(row, "manufacturer", p);
        m.country = countryAt(row, "country", p);
        optionalStringAt(row, "note", p);
        m.approximate = approximateAt(row, p);
        for (std::size_t k = 0; k < out.size(); ++k)
            if (out[k].key == m.key) throw WmiFailure{child(p, "wmi"), "repeats " + child("/manufacturers", k)};
        out.push_back(std::move(m));
    }
    return out;
}

std::vector<WmiMakeAliases> readAliases(const json& root, const std::vector<WmiManufacturer>& manufacturers)
{
    std::vector<WmiMakeAliases> out;
    if (!root.contains("make_aliases")) return out;
    std::vector<std::pair<std::string, std::string>> folded; // folded spelling, its pointer
    const json& rows = arrayAt(root, "make_aliases", "");
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const std::string p = child("/make_aliases", i);
        const json& row = objectOf(rows[i], p, {"make", "aliases"});
        WmiMakeAliases a;
        a.make = stringAt(row, "make", p);
        const bool known = std::any_of(manufacturers.begin(), manufacturers.end(), [&](const WmiManufacturer& m) {
            return std::find(m.makes.begin(), m.makes.end(), a.make) != m.makes.end();
        });
        if (!known) throw WmiFailure{child(p, "make"), "names no make of /manufacturers"};
        const json& aliases = arrayAt(row, "aliases", p);
        std::vector<std::pair<std::string, std::string>> spellings{{a.make, child(p, "make")}};
        for (std::size_t k = 0; k < aliases.size(); ++k) {
            const std::string ap = child(child(p, "aliases"), k);
            a.aliases.push_back(stringOf(aliases[k], ap));
            spellings.emplace_back(a.aliases.back(), ap);
        }
        for (const auto& [spelling, where] : spellings) {
            const std::string f = foldMake(spelling);
            if (f.empty()) throw WmiFailure{where, "has no letters or digits"};
            for (const auto& [seen, seenWhere] : folded)
                if (seen == f) throw WmiFailure{where, "reads the same as " + seenWhere};
            folded.emplace_back(f, where);
        }
        out.push_back(std::move(a));
    }
    return out;
}

} // namespace

WmiTableParse parseWmiTable(std::string_view text)
{
    WmiTableParse out;
    try {
        const json root = json::parse(text.begin(), text.end());
        objectOf(root, "", {"file", "compiled_on", "description", "sources", "regions", "countries", "manufacturers",
                            "make_aliases"});
        WmiTable t;
        t.file = stringAt(root, "file", "");
        if (t.file != "wmi") throw WmiFailure{"/file", "expected \"wmi\""};
        t.compiledOn = stringAt(root, "compiled_on", "");
        if (!isIsoDate(t.compiledOn)) throw WmiFailure{"/compiled_on", "expected an ISO date (YYYY-MM-DD)"};
        optionalStringAt(root, "description", "");
        t.sources = readSources(root);
        t.regions = readRegions(root);
        t.countries = readCountries(root);
        t.manufacturers = readManufacturers(root);
        t.makeAliases = readAliases(root, t.manufacturers);
        out.table = std::move(t);
    } catch (const WmiFailure& f) {
        out.error = WmiTableError{f.field, f.reason};
    } catch (const json::exception& e) {
        out.error = WmiTableError{"", std::string("not valid JSON: ") + e.what()};
    }
    return out;
}

const WmiTable& builtInWmiTable()
{
    static const WmiTable table = [] {
        WmiTableParse parsed = parseWmiTable(builtInWmiJson());
        return parsed.ok() ? std::move(*parsed.table) : WmiTable{};
    }();
    return table;
}

// [SECTION] Decoding: reading what was typed

namespace {

// One character of the input: its code point (U+FFFD for a byte that is not UTF-8) and bytes.
struct Char {
    char32_t cp = 0;
    std::string_view bytes;
};

std::vector<Char> decodeUtf8(std::string_view s)
{
    std::vector<Char> out;
    std::size_t i = 0;
    while (i < s.size()) {
        const auto b = static_cast<unsigned char>(s[i]);
        std::size_t n = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
        char32_t cp = n == 1 ? b : n == 2 ? (b & 0x1F) : n == 3 ? (b & 0x0F) : (b & 0x07);
        bool ok = n > 0 && i + n <= s.size();
        for (std::size_t k = 1; ok && k < n; ++k) {
            const auto c = static_cast<unsigned char>(s[i + k]);
            ok = (c >> 6) == 0x2;
            cp = (cp << 6) | (c & 0x3F);
        }
        if (!ok) {
            out.push_back({0xFFFD, s.substr(i, 1)});
            ++i;
        } else {
            out.push_back({cp, s.substr(i, n)});
            i += n;
        }
    }
    return out;
}

bool isSpace(char32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\v' || cp == '\f' || cp == 0xA0 ||
           cp == 0x2007 || cp == 0x202F || cp == 0x3000;
}

bool isDash(char32_t cp)
{
    return cp == '-' || (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212 || cp == 0xFF0D;
}

// The ASCII character a code point is read as, or 0: ASCII upper-cased, full-width forms
// (a Japanese keyboard's "ＧＲＸ１３０"), and the Cyrillic letters that look like Latin ones
// (a Russian or Kazakh layout's "ХТА" for XTA).
char readAs(char32_t cp)
{
    if (cp >= 0xFF01 && cp <= 0xFF5E) cp -= 0xFEE0;
    if (cp >= 'a' && cp <= 'z') return static_cast<char>(cp - 'a' + 'A');
    if (cp < 0x80) return static_cast<char>(cp);
    static constexpr std::array<std::pair<char32_t, char>, 24> kLookAlike{{
        {0x0410, 'A'}, {0x0412, 'B'}, {0x0415, 'E'}, {0x041A, 'K'}, {0x041C, 'M'}, {0x041D, 'H'},
        {0x041E, 'O'}, {0x0420, 'P'}, {0x0421, 'C'}, {0x0422, 'T'}, {0x0423, 'Y'}, {0x0425, 'X'},
        {0x0430, 'A'}, {0x0432, 'B'}, {0x0435, 'E'}, {0x043A, 'K'}, {0x043C, 'M'}, {0x043D, 'H'},
        {0x043E, 'O'}, {0x0440, 'P'}, {0x0441, 'C'}, {0x0442, 'T'}, {0x0443, 'Y'}, {0x0445, 'X'},
    }};
    for (const auto& [c, latin] : kLookAlike)
        if (c == cp) return latin;
    return 0;
}

// The input with spaces gone and dashes made '-': each kept character's ASCII reading (0 if
// none) and its bytes as typed.
struct Typed {
    std::vector<char> ascii;
    std::vector<std::string_view> bytes;
    std::size_t dashes = 0;

    std::size_t lengthWithoutDashes() const { return ascii.size() - dashes; }
};

Typed readTyped(std::string_view input)
{
    Typed t;
    for (const Char& c : decodeUtf8(input)) {
        if (isSpace(c.cp)) continue;
        const bool dash = isDash(c.cp);
        t.ascii.push_back(dash ? '-' : readAs(c.cp));
        t.bytes.push_back(c.bytes);
        if (dash) ++t.dashes;
    }
    return t;
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}
bool isUpper(char c)
{
    return c >= 'A' && c <= 'Z';
}

// A Japanese-market chassis number: a model code (2-7 letters and digits, a letter first,
// at least one digit), a dash, a 6-8 digit serial: "GRX130-6012345", "HA36S-123456".
bool readChassis(const Typed& t, VinDecoded& d)
{
    if (t.dashes != 1) return false;
    const std::string s(t.ascii.begin(), t.ascii.end());
    const std::size_t dash = s.find('-');
    const std::string model = s.substr(0, dash), serial = s.substr(dash + 1);
    if (model.size() < 2 || model.size() > 7 || !isUpper(model[0])) return false;
    if (!std::all_of(model.begin(), model.end(), [](char c) { return isUpper(c) || isDigit(c); })) return false;
    if (std::none_of(model.begin(), model.end(), isDigit)) return false;
    if (serial.size() < 6 || serial.size() > 8 || !std::all_of(serial.begin(), serial.end(), isDigit)) return false;
    d.kind = VinKind::JapaneseChassis;
    d.vin = s;
    d.chassisModel = model;
    d.chassisSerial = serial;
    d.warnings.push_back({VinWarningCode::JapaneseChassis, 0, 0});
    return true;
}

// Problems of each character outside the VIN alphabet (dashes left out), 1-based positions.
void characterProblems(const Typed& t, std::vector<VinProblem>& problems)
{
    std::size_t position = 0;
    for (std::size_t i = 0; i < t.ascii.size(); ++i) {
        const char c = t.ascii[i];
        if (c == '-') continue;
        ++position;
        if (vinAlphabetIndex(c) >= 0) continue;
        VinProblem p;
        p.position = position;
        if (c == 'I' || c == 'O' || c == 'Q') {
            p.code = VinProblemCode::ForbiddenLetter;
            p.character = std::string(1, c);
        } else {
            p.code = VinProblemCode::Alphabet;
            p.character = t.bytes[i].size() == 1 && static_cast<unsigned char>(t.bytes[i][0]) >= 0x80
                              ? "\xEF\xBF\xBD" // a byte that is not UTF-8: shown as U+FFFD
                              : std::string(t.bytes[i]);
        }
        problems.push_back(std::move(p));
    }
}

int transliterate(char c)
{
    if (isDigit(c)) return c - '0';
    // A-H 1-8, J-N 1-5, P 7, R 9, S-Z 2-9 (49 CFR 565.15(c)(1)); I, O, Q have none.
    static constexpr std::string_view kLetters = "ABCDEFGHJKLMNPRSTUVWXYZ";
    static constexpr std::array<int, 23> kValues{1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 7, 9, 2, 3, 4, 5, 6, 7, 8, 9};
    const std::size_t i = kLetters.find(c);
    return i == std::string_view::npos ? -1 : kValues[i];
}

// Position 10's base year (1980-2009), or 0 for a character that is no year code.
int baseYear(char c)
{
    static constexpr std::string_view kLetters = "ABCDEFGHJKLMNPRSTVWXY"; // 1980-2000
    if (c >= '1' && c <= '9') return 2000 + (c - '0');
    const std::size_t i = kLetters.find(c);
    return i == std::string_view::npos ? 0 : 1980 + static_cast<int>(i);
}

} // namespace

char vinCheckDigit(std::string_view vin)
{
    static constexpr std::array<int, 17> kWeights{8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};
    if (vin.size() != 17) return 0;
    int sum = 0;
    for (std::size_t i = 0; i < 17; ++i) {
        const int v = transliterate(vin[i]);
        if (v < 0) return 0;
        sum += v * kWeights[i];
    }
    const int r = sum % 11;
    return r == 10 ? 'X' : static_cast<char>('0' + r);
}

std::vector<int> vinModelYears(char position10, std::optional<bool> numericPosition7, int latestYear)
{
    std::vector<int> out;
    const int base = baseYear(position10);
    if (base == 0) return out;
    for (int y = base; y <= latestYear; y += 30) {
        const bool evenCycle = ((y - 1980) / 30) % 2 == 0; // 1980-2009, 2040-2069, ...
        if (!numericPosition7 || *numericPosition7 == evenCycle) out.push_back(y);
    }
    std::reverse(out.begin(), out.end());
    return out;
}

bool VinDecoded::has(VinWarningCode c) const
{
    return std::any_of(warnings.begin(), warnings.end(), [c](const VinWarning& w) { return w.code == c; });
}

namespace {

void decodeSections(VinDecoded& d, const WmiTable& table, int currentYear)
{
    const std::string& v = d.vin;
    d.wmi = v.substr(0, 3);
    d.vds = v.substr(3, 6);
    d.vis = v.substr(9);

    // Where: the continent of position 1 unless the country's allocation says otherwise.
    const WmiCountryRange* range = table.countryOf(v.substr(0, 2));
    d.region = range && range->region ? range->region : table.regionOf(v[0]);

    // Who: a small manufacturer (third character 9) is named by positions 12-14 as well.
    d.smallManufacturer = v[2] == '9';
    const WmiManufacturer* m = d.smallManufacturer ? table.manufacturer(d.wmi + v.substr(11, 3)) : nullptr;
    if (!m) m = table.manufacturer(d.wmi);
    if (m) {
        d.makes = m->makes;
        d.make = d.makes.front();
        d.makeCertain = d.makes.size() == 1;
        d.manufacturer = m->manufacturer;
        d.manufacturerApproximate = m->approximate;
        d.countryCode = m->country;
        d.countryApproximate = m->approximate;
    } else {
        d.warnings.push_back(
            {d.smallManufacturer ? VinWarningCode::SmallManufacturer : VinWarningCode::UnknownManufacturer, 0, 0});
    }
    if (d.countryCode.empty() && range) {
        d.countryCode = range->country;
        d.countryApproximate = range->approximate;
    }
    if (d.countryCode.empty()) d.warnings.push_back({VinWarningCode::UnknownCountry, 0, 0});

    // Position 9 and 10 are mandated in North America and China.
    const bool northAmerica = d.region == VinRegion::NorthAmerica;
    const bool china = range && range->country == "CN";
    const bool mandated = northAmerica || china;

    const std::optional<bool> numeric7 = northAmerica ? std::optional<bool>(isDigit(v[6])) : std::nullopt;
    d.modelYears = vinModelYears(v[9], numeric7, currentYear + 1);
    d.modelYearCertain = mandated && d.modelYears.size() == 1;
    if (baseYear(v[9]) == 0) d.warnings.push_back({VinWarningCode::ModelYearCode, 0, v[9]});

    d.checkDigitApplies = mandated;
    d.checkDigitExpected = vinCheckDigit(v);
    d.checkDigitValid = d.checkDigitExpected == v[8];
    if (!*d.checkDigitValid)
        d.warnings.push_back({mandated ? VinWarningCode::CheckDigitMandatory : VinWarningCode::CheckDigitOptional,
                              d.checkDigitExpected, v[8]});
}

} // namespace

VinResult decodeVin(std::string_view input, const WmiTable& table, int currentYear)
{
    VinResult out;
    const std::size_t b = input.find_first_not_of(" \t\r\n");
    input = b == std::string_view::npos ? std::string_view() : input.substr(b, input.find_last_not_of(" \t\r\n") - b + 1);
    if (input.size() > kVinInputLimit) {
        VinProblem p;
        p.code = VinProblemCode::Length;
        p.length = kVinInputLimit + 1;
        out.problems.push_back(std::move(p));
        return out;
    }
    const Typed t = readTyped(input);
    const std::size_t length = t.lengthWithoutDashes();
    if (length == 0) {
        out.problems.push_back({VinProblemCode::Empty, 0, 0, ""});
        return out;
    }

    VinDecoded d;
    if (length == 17) {
        characterProblems(t, out.problems);
        if (!out.problems.empty()) return out;
        for (char c : t.ascii)
            if (c != '-') d.vin += c;
        decodeSections(d, table, currentYear);
        out.decoded = std::move(d);
        return out;
    }
    if (readChassis(t, d)) {
        out.decoded = std::move(d);
        return out;
    }
    VinProblem p;
    p.code = VinProblemCode::Length;
    p.length = length;
    out.problems.push_back(std::move(p));
    characterProblems(t, out.problems);
    return out;
}

// [SECTION] Contradictions with what the seller typed

namespace {

// The folded spelling of the make a name stands for (an alias becomes its make).
std::string canonicalMake(std::string_view name, const WmiTable& table)
{
    const std::string f = foldMake(name);
    for (const WmiMakeAliases& a : table.makeAliases) {
        if (foldMake(a.make) == f) return f;
        for (const std::string& alias : a.aliases)
            if (foldMake(alias) == f) return foldMake(a.make);
    }
    return f;
}

std::string trimmed(std::string_view s)
{
    const std::size_t b = s.find_first_not_of(" \t\r\n");
    if (b == std::string_view::npos) return "";
    const std::size_t e = s.find_last_not_of(" \t\r\n");
    return std::string(s.substr(b, e - b + 1));
}

} // namespace

bool sameMake(std::string_view a, std::string_view b, const WmiTable& table)
{
    const std::string ca = canonicalMake(a, table);
    return !ca.empty() && ca == canonicalMake(b, table);
}

std::vector<VinContradiction> vinContradictions(const VinDecoded& vin, const VinTypedFacts& typed, const WmiTable& table)
{
    std::vector<VinContradiction> out;
    if (vin.kind != VinKind::Vin17) return out;

    const std::string make = typed.make ? trimmed(*typed.make) : "";
    if (!make.empty() && !vin.makes.empty() &&
        std::none_of(vin.makes.begin(), vin.makes.end(), [&](const std::string& m) { return sameMake(make, m, table); }))
        out.push_back({VinContradictionCode::Make, vin.manufacturerApproximate, make, vin.makes});

    if (typed.year && !vin.modelYears.empty()) {
        const auto& ys = vin.modelYears;
        const bool among = std::find(ys.begin(), ys.end(), *typed.year) != ys.end();
        if (!among) {
            const bool yearBefore = std::find(ys.begin(), ys.end(), *typed.year + 1) != ys.end();
            VinContradiction c{VinContradictionCode::Year, !vin.modelYearCertain || yearBefore,
                               std::to_string(*typed.year), {}};
            for (int y : ys)
                c.decoded.push_back(std::to_string(y));
            out.push_back(std::move(c));
        }
    }

    std::string country = typed.countryCode ? trimmed(*typed.countryCode) : "";
    for (char& c : country)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (!country.empty() && !vin.countryCode.empty() && country != vin.countryCode)
        out.push_back({VinContradictionCode::Country, vin.countryApproximate, country, {vin.countryCode}});
    return out;
}

bool vinConsistent(const VinDecoded& vin, const VinTypedFacts& typed, const WmiTable& table)
{
    if (vin.kind != VinKind::Vin17 || vin.has(VinWarningCode::CheckDigitMandatory)) return false;
    const bool makeCompared = typed.make && !trimmed(*typed.make).empty() && !vin.makes.empty();
    const bool yearCompared = typed.year && !vin.modelYears.empty();
    if (!makeCompared && !yearCompared) return false;
    return vinContradictions(vin, typed, table).empty();
}

} // namespace dongelek

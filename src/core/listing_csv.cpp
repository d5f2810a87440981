#include "listing_csv.hpp"

#include "money.hpp"
#include "search_text.hpp"
#include "utf8.hpp"

#include <algorithm>
#include <set>

namespace dongelek {

namespace {

// [SECTION] Small text helpers

bool isBlank(char c) { return c == ' ' || c == '\t'; }

std::string_view trimmed(std::string_view s)
{
    // ASCII blanks and the no-break spaces spreadsheets write.
    auto strip = [](std::string_view& t, bool front) {
        for (;;) {
            if (t.empty()) return;
            if (front) {
                if (isBlank(t.front())) t.remove_prefix(1);
                else if (t.substr(0, 2) == "\xC2\xA0") t.remove_prefix(2);
                else return;
            } else {
                if (isBlank(t.back())) t.remove_suffix(1);
                else if (t.size() >= 2 && t.substr(t.size() - 2) == "\xC2\xA0") t.remove_suffix(2);
                else return;
            }
        }
    };
    strip(s, true);
    strip(s, false);
    return s;
}

std::string asciiLower(std::string_view s)
{
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::string asciiUpper(std::string_view s)
{
    std::string out(s);
    for (char& c : out)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return out;
}

bool isDigit(char c) { return c >= '0' && c <= '9'; }

// What a cell says, for messages: quoted, and cut when long.
std::string quoted(std::string_view value)
{
    const std::string_view cut = utf8::truncate(value, 40);
    return "\"" + std::string(cut) + (cut.size() < value.size() ? "..." : "") + "\"";
}

// Digits without the group separators people and spreadsheets write: spaces (plain, no-break,
// narrow, thin) and apostrophes.
std::string withoutSpaces(std::string_view s)
{
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        if (s[i] == ' ' || s[i] == '\'') {
            ++i;
        } else if (s.substr(i, 2) == "\xC2\xA0") {
            i += 2;
        } else if (s.substr(i, 3) == "\xE2\x80\xAF" || s.substr(i, 3) == "\xE2\x80\x89") {
            i += 3;
        } else {
            out += s[i++];
        }
    }
    return out;
}

bool allDigits(std::string_view s)
{
    return !s.empty() && std::all_of(s.begin(), s.end(), isDigit);
}

// "84000", "84 000", "84,000", "1.250.000": a whole number (at most 15 digits).
std::optional<std::int64_t> parseWhole(std::string_view text)
{
    std::string s = withoutSpaces(text);
    // Groups of three after ',' or '.' (one kind only) are thousands.
    const char sep = s.find(',') != std::string::npos ? ',' : '.';
    if (s.find(sep) != std::string::npos) {
        if (sep == ',' && s.find('.') != std::string::npos) return std::nullopt;
        std::string digits;
        std::size_t start = 0;
        bool first = true;
        for (;;) {
            const std::size_t at = s.find(sep, start);
            const std::string_view group = std::string_view(s).substr(start, at == std::string::npos ? std::string::npos : at - start);
            if (!allDigits(group) || (first ? group.size() > 3 : group.size() != 3)) return std::nullopt;
            digits += group;
            first = false;
            if (at == std::string::npos) break;
            start = at + 1;
        }
        s = digits;
    }
    if (!allDigits(s) || s.size() > 15) return std::nullopt;
    std::int64_t n = 0;
    for (char c : s)
        n = n * 10 + (c - '0');
    return n;
}

// An amount in whole units with an optional fraction, to minor units (`digits` decimals).
// "9 800 000", "9800000,00", "12.5", "1,250,000.50". A single ',' or '.' followed by exactly
// three digits groups thousands; otherwise the last one is the decimal separator.
std::optional<std::int64_t> parseAmount(std::string_view text, int digits)
{
    const std::string s = withoutSpaces(text);
    const std::size_t last = s.find_last_of(",.");
    std::string whole = s, fraction;
    if (last != std::string::npos) {
        const std::string after = s.substr(last + 1);
        const bool onlyOne = s.find_first_of(",.") == last;
        const bool mixed = s.find(',') != std::string::npos && s.find('.') != std::string::npos;
        const bool decimal = mixed || (onlyOne && after.size() != 3);
        if (decimal) {
            whole = s.substr(0, last);
            fraction = after;
            if (whole.find(s[last]) != std::string::npos) return std::nullopt; // "1.2.3"
        }
    }
    if (!fraction.empty() && (!allDigits(fraction) || static_cast<int>(fraction.size()) > digits)) return std::nullopt;
    if (last != std::string::npos && fraction.empty() && s.back() == s[last] && s.find_first_of(",.") == last)
        return std::nullopt; // "100,"
    const std::optional<std::int64_t> units = parseWhole(whole);
    if (!units || *units > 10'000'000'000'000) return std::nullopt;
    std::int64_t minor = *units;
    for (int i = 0; i < digits; ++i)
        minor = minor * 10 + (i < static_cast<int>(fraction.size()) ? fraction[static_cast<std::size_t>(i)] - '0' : 0);
    return minor;
}

// "2.5", "2,5", "2": a decimal number (no grouping, at most 6 decimals).
std::optional<double> parseDecimal(std::string_view text)
{
    const std::string s = withoutSpaces(text);
    const std::size_t sep = s.find_first_of(",.");
    const std::string whole = s.substr(0, sep);
    const std::string fraction = sep == std::string::npos ? std::string() : s.substr(sep + 1);
    if (!allDigits(whole) || whole.size() > 6) return std::nullopt;
    if (sep != std::string::npos && (!allDigits(fraction) || fraction.size() > 6)) return std::nullopt;
    double v = 0;
    for (char c : whole)
        v = v * 10 + (c - '0');
    double scale = 0.1;
    for (char c : fraction) {
        v += (c - '0') * scale;
        scale /= 10;
    }
    return v;
}

template <typename E> std::string allowedValues()
{
    std::string names;
    for (E value : allValues<E>())
        names += (names.empty() ? "" : ", ") + std::string(toString(value));
    return names;
}

// [SECTION] Columns

struct ColumnSpec {
    std::string_view name;
    std::vector<std::string_view> aliases; // other headers naming it (compared folded)
};

const std::vector<ColumnSpec>& columnSpecs()
{
    static const std::vector<ColumnSpec> specs = {
        {"make", {"brand", "марка", "марка авто", "марка автомобиля", "производитель"}},
        {"model", {"модель"}},
        {"year", {"model year", "год", "год выпуска"}},
        {"price", {"цена", "стоимость", "баға"}},
        {"currency", {"валюта"}},
        {"mileage_km", {"mileage", "odometer", "km", "пробег", "пробег км"}},
        {"body", {"body type", "кузов", "тип кузова"}},
        {"fuel", {"fuel type", "топливо", "тип топлива"}},
        {"transmission", {"gearbox", "коробка", "коробка передач", "кпп", "трансмиссия"}},
        {"drive", {"привод"}},
        {"engine_litres",
         {"engine", "engine l", "engine liters", "engine litres l", "объем", "объем двигателя", "объем двигателя л",
          "объем л"}},
        {"power_hp", {"power", "hp", "мощность", "мощность лс", "мощность л с"}},
        {"color", {"colour", "цвет"}},
        {"condition", {"состояние"}},
        {"city", {"город"}},
        {"vin", {"vin code", "вин", "vin код"}},
        {"trim", {"комплектация"}},
        {"description", {"описание", "комментарий"}},
        {"owners", {"владельцы", "владельцев", "количество владельцев"}},
        {"accidents", {"дтп", "аварии"}},
        {"steering", {"руль"}},
        {"customs_cleared", {"customs", "растаможен", "растаможена", "растаможка"}},
    };
    return specs;
}

// The folded header spellings, each to its column.
const std::map<std::string, std::string_view>& columnKeys()
{
    static const std::map<std::string, std::string_view> keys = [] {
        std::map<std::string, std::string_view> m;
        for (const ColumnSpec& c : columnSpecs()) {
            m.emplace(catalogKey(c.name), c.name);
            for (std::string_view a : c.aliases)
                m.emplace(catalogKey(a), c.name);
        }
        return m;
    }();
    return keys;
}

// The draft document's key of a column and back (validateDraft names document keys).
std::string_view columnOfField(std::string_view field)
{
    if (field == "make_id") return "make";
    if (field == "model_id") return "model";
    if (field == "price_minor") return "price";
    if (field == "city_id") return "city";
    return field;
}

// [SECTION] Catalog entries

void putSpelling(std::map<std::string, CsvCatalog::Entry>& names, const std::string& key, std::int64_t id, bool isName)
{
    if (key.empty()) return;
    const auto it = names.find(key);
    if (it == names.end()) {
        names.emplace(key, CsvCatalog::Entry{id, isName});
        return;
    }
    CsvCatalog::Entry& e = it->second;
    if (e.id == id) {
        e.name = e.name || isName;
    } else if (isName && !e.name) {
        e = {id, true}; // a name wins over another entry's alias
    } else if (isName == e.name) {
        e.id = 0; // two names (or two aliases) spelled alike: ambiguous
    }
}

void putWithAliases(std::map<std::string, CsvCatalog::Entry>& names, std::int64_t id, std::string_view name,
                    std::string_view aliases)
{
    putSpelling(names, catalogKey(name), id, true);
    std::size_t start = 0;
    while (start < aliases.size()) {
        std::size_t end = aliases.find(' ', start);
        if (end == std::string_view::npos) end = aliases.size();
        putSpelling(names, catalogKey(aliases.substr(start, end - start)), id, false);
        start = end + 1;
    }
}

std::int64_t findIn(const std::map<std::string, CsvCatalog::Entry>& names, std::string_view text)
{
    const auto it = names.find(catalogKey(text));
    return it == names.end() ? 0 : it->second.id;
}

// [SECTION] Problems in words

std::string problemMessage(const DraftProblem& p, std::string_view column, Currency currency)
{
    const std::string col(column);
    const std::int64_t unit = minorPerWhole(currency);
    const std::string cur(toString(currency));
    auto n = [](std::int64_t v) { return groupDigits(v, " "); };
    const std::string& c = p.code;
    if (c == "required")
        return col == "engine_litres" ? "engine_litres is required (except for electric cars)" : col + " is required";
    if (c == "year_future") return "year must be at most " + std::to_string(p.max);
    if (c == "year_too_old") return "year must be " + std::to_string(p.min) + " or later";
    if (c == "engine_range")
        return "engine_litres must be from " + std::to_string(p.min / 10) + "." + std::to_string(p.min % 10) + " to " +
               std::to_string(p.max / 10) + "." + std::to_string(p.max % 10);
    if (c == "power_range") return "power_hp must be from " + n(p.min) + " to " + n(p.max);
    if (c == "mileage_new") return "a new car's mileage_km must be at most " + n(p.max);
    if (c == "mileage_range") return "mileage_km must be at most " + n(p.max);
    if (c == "mileage_high") return "mileage_km is high for the car's age (over " + n(p.max) + " km)";
    if (c == "mileage_zero") return "mileage_km is 0 for a used car";
    if (c == "owners_range" || c == "accidents_range") return col + " must be at most " + n(p.max);
    if (c == "price_too_low" || c == "price_too_high")
        return "price must be from " + n(p.min / unit) + " to " + n(p.max / unit) + " " + cur + " (whole units)";
    if (c == "description_empty") return "no description: listings without one sell slower";
    if (c == "model_of_other_make") return "the model is not one of the make's";
    return col + ": " + c;
}

// [SECTION] One row

class RowReader {
public:
    RowReader(const std::vector<std::string>& columns, const CsvRecord& record, const CsvCatalog& catalog)
        : m_columns(columns), m_record(record), m_catalog(catalog)
    {
    }

    CsvRowReport read(int currentYear)
    {
        CsvRowReport r;
        r.row = m_record.row;
        r.line = m_record.line;
        if (m_record.cells.size() > m_columns.size()) {
            // Most often an unquoted separator in a description: the cells after it moved.
            problem(r, "", "too_many_cells",
                    "this row has " + std::to_string(m_record.cells.size()) + " cells, the header names " +
                        std::to_string(m_columns.size()) + " columns (quote a value that holds the separator)");
            return r;
        }
        ListingDraft& d = r.draft;
        readCar(r, d);
        readCondition(r, d);
        readPriceAndPlace(r, d);
        readTexts(r, d);

        DraftContext ctx;
        ctx.currentYear = currentYear;
        ctx.modelMatchesMake = true; // the model was looked up among the make's
        for (const DraftProblem& p : validateDraft(d, ctx)) {
            if (p.field == "photos") continue; // a file brings none: the editor adds them
            const std::string_view column = columnOfField(p.field);
            if (m_reported.count(std::string(column))) continue; // already named, with its value
            CsvProblem out{std::string(column), p.code, problemMessage(p, column, d.currency)};
            (p.level == ProblemLevel::Error ? r.problems : r.warnings).push_back(std::move(out));
        }
        r.ok = r.problems.empty();
        return r;
    }

private:
    // The cell of a column, trimmed; empty when the row has none.
    std::string_view cell(std::string_view column) const
    {
        for (std::size_t i = 0; i < m_columns.size() && i < m_record.cells.size(); ++i)
            if (m_columns[i] == column) return trimmed(m_record.cells[i]);
        return {};
    }

    void problem(CsvRowReport& r, std::string field, std::string code, std::string message)
    {
        m_reported.insert(field);
        r.problems.push_back({std::move(field), std::move(code), std::move(message)});
    }

    template <typename T>
    void whole(CsvRowReport& r, std::string_view column, std::optional<T>& out, std::int64_t lo, std::int64_t hi)
    {
        const std::string_view v = cell(column);
        if (v.empty()) return;
        const std::optional<std::int64_t> n = parseWhole(v);
        const std::string col(column);
        if (!n) return problem(r, col, "not_a_number", col + ": " + quoted(v) + " is not a whole number");
        if (*n < lo || *n > hi)
            return problem(r, col, "out_of_range", col + " must be from " + std::to_string(lo) + " to " + std::to_string(hi));
        out = static_cast<T>(*n);
    }

    template <typename E> void enumeration(CsvRowReport& r, std::string_view column, std::optional<E>& out)
    {
        const std::string_view v = cell(column);
        if (v.empty()) return;
        out = parseEnum<E>(asciiLower(v));
        if (!out) {
            const std::string col(column);
            problem(r, col, "unknown_value", col + ": " + quoted(v) + " is not one of " + allowedValues<E>());
        }
    }

    void text(CsvRowReport& r, std::string_view column, std::string& out, std::size_t maxChars, bool lower = false,
              bool upper = false)
    {
        const std::string_view v = cell(column);
        if (v.empty()) return;
        const std::string col(column);
        if (utf8::length(v) > maxChars)
            return problem(r, col, "too_long", col + " must be at most " + std::to_string(maxChars) + " characters");
        out = lower ? asciiLower(v) : upper ? asciiUpper(v) : std::string(v);
    }

    void readCar(CsvRowReport& r, ListingDraft& d)
    {
        const std::string_view make = cell("make");
        if (!make.empty()) {
            if (const std::int64_t id = m_catalog.findMake(make)) d.makeId = id;
            else problem(r, "make", "unknown_make", "unknown make " + quoted(make));
        }
        const std::string_view model = cell("model");
        if (!model.empty() && d.makeId) {
            if (const std::int64_t id = m_catalog.findModel(*d.makeId, model)) d.modelId = id;
            else problem(r, "model", "unknown_model", "unknown model " + quoted(model) + " of " + quoted(make));
        } else if (!model.empty()) {
            m_reported.insert("model"); // no known make: its models cannot be looked up
        }
        whole(r, "year", d.year, 1900, 2100);
        enumeration(r, "body", d.body);
        enumeration(r, "fuel", d.fuel);
        enumeration(r, "transmission", d.transmission);
        enumeration(r, "drive", d.drive);
        const std::string_view engine = cell("engine_litres");
        if (!engine.empty()) {
            const std::optional<double> litres = parseDecimal(engine);
            if (!litres) problem(r, "engine_litres", "not_a_number", "engine_litres: " + quoted(engine) + " is not a number");
            else if (*litres > 20) problem(r, "engine_litres", "out_of_range", "engine_litres must be from 0 to 20");
            else if (*litres > 0) d.engineLitres = *litres;
        }
        whole(r, "power_hp", d.powerHp, 0, 5000);
        text(r, "color", d.color, 30, true);
    }

    void readCondition(CsvRowReport& r, ListingDraft& d)
    {
        enumeration(r, "condition", d.condition);
        whole(r, "mileage_km", d.mileageKm, 0, 5'000'000);
        whole(r, "owners", d.owners, 0, 99);
        whole(r, "accidents", d.accidents, 0, 99);
        enumeration(r, "steering", d.steering);
        const std::string_view customs = cell("customs_cleared");
        if (!customs.empty()) {
            static const std::set<std::string> yes = {catalogKey("yes"), catalogKey("y"), catalogKey("true"),
                                                      catalogKey("1"), catalogKey("да")};
            static const std::set<std::string> no = {catalogKey("no"), catalogKey("n"), catalogKey("false"),
                                                     catalogKey("0"), catalogKey("нет")};
            const std::string key = catalogKey(customs);
            if (yes.count(key)) d.customsCleared = true;
            else if (no.count(key)) d.customsCleared = false;
            else
                problem(r, "customs_cleared", "unknown_value",
                        "customs_cleared: " + quoted(customs) + " is not one of yes, no");
        }
    }

    void readPriceAndPlace(CsvRowReport& r, ListingDraft& d)
    {
        const std::string_view city = cell("city");
        std::optional<Country> country;
        if (!city.empty()) {
            const std::optional<CsvCatalog::City> found = m_catalog.findCity(city);
            if (found) {
                d.cityId = found->id;
                country = found->country;
            } else {
                problem(r, "city", "unknown_city", "unknown city " + quoted(city));
            }
        }
        // The currency: the column's, else the city's country's.
        d.currency = country == Country::BH ? Currency::BHD : Currency::KZT;
        const std::string_view currency = cell("currency");
        if (!currency.empty()) {
            const std::string key = catalogKey(currency);
            if (currency == "\xE2\x82\xB8" || key == catalogKey("kzt") || key == catalogKey("tenge") ||
                key == catalogKey("тенге"))
                d.currency = Currency::KZT;
            else if (key == catalogKey("bhd") || key == catalogKey("bd") || key == catalogKey("dinar") ||
                     key == catalogKey("динар"))
                d.currency = Currency::BHD;
            else
                problem(r, "currency", "unknown_value", "currency: " + quoted(currency) + " is not one of KZT, BHD");
        }
        const std::string_view price = cell("price");
        if (!price.empty()) {
            const std::optional<std::int64_t> minor = parseAmount(price, minorDigits(d.currency));
            if (!minor)
                problem(r, "price", "not_a_number",
                        "price: " + quoted(price) + " is not an amount in whole " + std::string(toString(d.currency)));
            else if (*minor > 1'000'000'000'000'000)
                problem(r, "price", "out_of_range", "price is too large");
            else
                d.priceMinor = *minor;
        }
    }

    void readTexts(CsvRowReport& r, ListingDraft& d)
    {
        std::string vin;
        text(r, "vin", vin, 20, false, true);
        vin.erase(std::remove(vin.begin(), vin.end(), ' '), vin.end());
        d.vin = vin;
        text(r, "trim", d.trim, DraftLimits::kMaxTrim);
        text(r, "description", d.description, DraftLimits::kMaxDescription);
    }

    const std::vector<std::string>& m_columns;
    const CsvRecord& m_record;
    const CsvCatalog& m_catalog;
    std::set<std::string> m_reported; // columns with a problem named already
};

} // namespace

// [SECTION] Reading CSV

std::optional<CsvTable> readCsv(std::string_view text, CsvError* error)
{
    auto fail = [&](std::string code, std::string message, int line) -> std::optional<CsvTable> {
        if (error) *error = CsvError{std::move(code), (line > 0 ? "line " + std::to_string(line) + ": " : "") + message, line};
        return std::nullopt;
    };
    if (text.size() > CsvLimits::kMaxBytes)
        return fail("too_large", "the file is larger than " + std::to_string(CsvLimits::kMaxBytes / 1024) + " KB", 0);
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    if (!utf8::isValid(text)) return fail("not_csv", "this is not a text file (not UTF-8: save it as CSV UTF-8)", 0);
    {
        int line = 1;
        for (char c : text) {
            if (c == '\n') ++line;
            const auto u = static_cast<unsigned char>(c);
            if (u < 0x20 && c != '\n' && c != '\r' && c != '\t')
                return fail("not_csv", "this is not a text file (control byte " + std::to_string(u) + ")", line);
        }
    }
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) return fail("empty", "the file is empty", 0);

    CsvTable table;
    // The separator, from the header line (outside quotes).
    {
        bool inQuotes = false;
        int comma = 0, semicolon = 0, tab = 0;
        for (char c : text) {
            if (c == '"') inQuotes = !inQuotes;
            else if (!inQuotes && (c == '\n' || c == '\r')) break;
            else if (!inQuotes && c == ',') ++comma;
            else if (!inQuotes && c == ';') ++semicolon;
            else if (!inQuotes && c == '\t') ++tab;
        }
        // A Russian header may hold a comma ("Пробег, км") between its semicolons.
        table.separator = semicolon > comma ? ';' : comma > 0 ? ',' : tab > 0 ? '\t' : ',';
    }
    const char sep = table.separator;

    int line = 1;        // the text line at i
    int row = 0;         // records so far
    std::size_t dataRows = 0;
    CsvRecord record;
    std::string field;
    bool started = false; // the record has a character
    bool inQuotes = false, afterQuote = false;
    int quoteLine = 0;

    // False when the cell is too long, or one too many for a row (checked as cells come, so a
    // megabyte of separators never becomes a million cells).
    auto endField = [&]() -> bool {
        if (utf8::length(field) > CsvLimits::kMaxFieldChars || record.cells.size() >= CsvLimits::kMaxColumns) return false;
        record.cells.push_back(std::move(field));
        field.clear();
        afterQuote = false;
        return true;
    };
    auto endRecord = [&]() -> std::optional<CsvError> {
        ++row;
        record.row = row;
        const bool blank = std::all_of(record.cells.begin(), record.cells.end(),
                                       [](const std::string& c) { return trimmed(c).empty(); });
        if (!blank) {
            if (!table.records.empty() && ++dataRows > CsvLimits::kMaxRows)
                return CsvError{"too_many_rows",
                                "more than " + std::to_string(CsvLimits::kMaxRows) + " listings in one file: split it",
                                0};
            table.records.push_back(std::move(record));
        }
        record = CsvRecord{};
        started = false;
        return std::nullopt;
    };
    auto tooLong = [&]() {
        if (record.cells.size() >= CsvLimits::kMaxColumns)
            return fail("too_many_columns", "more than " + std::to_string(CsvLimits::kMaxColumns) + " cells in a row",
                        record.line);
        return fail("field_too_long",
                    "a cell is longer than " + std::to_string(CsvLimits::kMaxFieldChars) + " characters", record.line);
    };

    for (std::size_t i = 0; i < text.size();) {
        const char c = text[i];
        if (!started) {
            started = true;
            record.line = line;
        }
        if (inQuotes) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    field += '"';
                    i += 2;
                } else {
                    inQuotes = false;
                    afterQuote = true;
                    ++i;
                }
            } else if (c == '\r' || c == '\n') {
                field += '\n';
                i += (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ? 2 : 1;
                ++line;
            } else {
                field += c;
                ++i;
            }
            continue;
        }
        if (c == sep) {
            if (!endField()) return tooLong();
            ++i;
        } else if (c == '\r' || c == '\n') {
            if (!endField()) return tooLong();
            if (std::optional<CsvError> e = endRecord()) {
                if (error) *error = *e;
                return std::nullopt;
            }
            i += (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ? 2 : 1;
            ++line;
        } else if (afterQuote) {
            if (!isBlank(c))
                return fail("bad_quote", "text after a closing quote (write a quote inside a quoted cell as \"\")", line);
            ++i; // blanks after a closing quote are dropped
        } else if (c == '"' && field.empty()) {
            inQuotes = true;
            quoteLine = line;
            ++i;
        } else {
            field += c; // a quote inside an unquoted cell is kept as written (17" wheels)
            ++i;
        }
    }
    if (inQuotes) return fail("unclosed_quote", "a quote opened here is never closed", quoteLine);
    if (started) {
        if (!endField()) return tooLong();
        if (std::optional<CsvError> e = endRecord()) {
            if (error) *error = *e;
            return std::nullopt;
        }
    }
    if (table.records.empty()) return fail("empty", "the file is empty", 0);
    return table;
}

// [SECTION] The catalog

std::string catalogKey(std::string_view text)
{
    std::string key;
    for (const std::string& t : search::tokens(text))
        key += (key.empty() ? "" : " ") + t;
    return key;
}

void CsvCatalog::addMake(std::int64_t id, std::string_view name, std::string_view aliases)
{
    putWithAliases(makes, id, name, aliases);
}

void CsvCatalog::addModel(std::int64_t makeId, std::int64_t id, std::string_view name, std::string_view aliases)
{
    putWithAliases(models[makeId], id, name, aliases);
}

void CsvCatalog::addCity(std::int64_t id, std::string_view name, Country country)
{
    const std::string key = catalogKey(name);
    if (key.empty()) return;
    const auto [it, added] = cities.emplace(key, City{id, country});
    if (!added && it->second.id != id) it->second.id = 0;
}

std::int64_t CsvCatalog::findMake(std::string_view text) const { return findIn(makes, text); }

std::int64_t CsvCatalog::findModel(std::int64_t makeId, std::string_view text) const
{
    const auto it = models.find(makeId);
    return it == models.end() ? 0 : findIn(it->second, text);
}

std::optional<CsvCatalog::City> CsvCatalog::findCity(std::string_view text) const
{
    const auto it = cities.find(catalogKey(text));
    if (it == cities.end() || it->second.id == 0) return std::nullopt;
    return it->second;
}

// [SECTION] Listings from CSV

const std::vector<std::string_view>& listingCsvColumns()
{
    static const std::vector<std::string_view> names = [] {
        std::vector<std::string_view> out;
        for (const ColumnSpec& c : columnSpecs())
            out.push_back(c.name);
        return out;
    }();
    return names;
}

std::string listingCsvColumn(std::string_view header)
{
    const auto it = columnKeys().find(catalogKey(header));
    return it == columnKeys().end() ? std::string() : std::string(it->second);
}

std::optional<ListingCsv> parseListingCsv(std::string_view text, const CsvCatalog& catalog, int currentYear,
                                          CsvError* error)
{
    std::optional<CsvTable> table = readCsv(text, error);
    if (!table) return std::nullopt;
    auto fail = [&](std::string code, std::string message) -> std::optional<ListingCsv> {
        if (error) *error = CsvError{std::move(code), "line " + std::to_string(table->records[0].line) + ": " + message,
                                     table->records[0].line};
        return std::nullopt;
    };
    ListingCsv out;
    out.separator = table->separator;
    // The header: each cell's column ("" for one this import does not know).
    std::vector<std::string> columns;
    for (const std::string& h : table->records[0].cells) {
        std::string column = listingCsvColumn(h);
        if (!column.empty()) {
            if (std::find(out.columns.begin(), out.columns.end(), column) != out.columns.end())
                return fail("duplicate_column", "two columns name " + column + " (" + quoted(trimmed(h)) + ")");
            out.columns.push_back(column);
        } else if (!trimmed(h).empty()) {
            out.ignoredColumns.push_back(std::string(trimmed(h)));
        }
        columns.push_back(std::move(column));
    }
    if (out.columns.empty()) {
        std::string names;
        for (std::string_view n : listingCsvColumns())
            names += (names.empty() ? "" : ", ") + std::string(n);
        return fail("no_known_columns", "the first row must name the columns, e.g. " + names);
    }
    for (std::size_t i = 1; i < table->records.size(); ++i)
        out.rows.push_back(RowReader(columns, table->records[i], catalog).read(currentYear));
    return out;
}

} // namespace dongelek

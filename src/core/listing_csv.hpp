// Listings from a spreadsheet: a dealer's CSV file (RFC 4180) read into listing drafts, with a
// report per row saying what is wrong with it. Shared by the server's import route and its
// tests; the catalog comes in as plain maps, so this stays free of the server.
//
// The file: a header row naming the columns (English names, case-insensitive, or their Russian
// aliases: "Марка", "Модель", "Год", "Цена", "Пробег", ...), then one listing per row.
// Quoted fields may hold the separator, doubled quotes and line breaks; lines end in CRLF or
// LF; a UTF-8 byte order mark at the start is skipped; the separator is ';' when the header
// has more of them than commas (Excel in Russian locales writes ';', and a Russian header may
// hold a comma: "Пробег, км"), a tab when it has neither, else ','. Rows with no text in any cell are skipped. Unknown columns are ignored (and named
// in the result), so a dealer's own columns ("stock no") do not stop an import.
//
// [SECTION] Limits
// [SECTION] Reading CSV
// [SECTION] The catalog
// [SECTION] Listings from CSV
#pragma once

#include "listing_draft.hpp"
#include "model.hpp"

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dongelek {

// [SECTION] Limits

// Beyond any of these the whole file is refused (CsvError), before a single row is looked at.
struct CsvLimits {
    static constexpr std::size_t kMaxBytes = 1024 * 1024; // the file, BOM included
    static constexpr std::size_t kMaxRows = 500;          // data rows (the header and blank rows not counted)
    static constexpr std::size_t kMaxColumns = 60;        // cells in any row
    static constexpr std::size_t kMaxFieldChars = 4000;   // code points in any cell
};

// Why a file as a whole cannot be read. `code` is stable: not_csv (binary, not UTF-8 text),
// empty, too_large, too_many_rows, too_many_columns, field_too_long, unclosed_quote,
// bad_quote (text right after a closing quote), no_known_columns, duplicate_column.
struct CsvError {
    std::string code;
    std::string message; // English, names the line when there is one
    int line = 0;        // the text line (1-based), 0 when it is about the whole file
};

// [SECTION] Reading CSV

struct CsvRecord {
    int row = 0;  // the record's number in the file, the header's is 1: the row a spreadsheet shows
    int line = 0; // the text line it starts on (later than `row` after a quoted line break)
    std::vector<std::string> cells; // as written, line breaks inside quotes as "\n"
};

struct CsvTable {
    char separator = ',';
    std::vector<CsvRecord> records; // the header first; blank records are left out
};

// Reads a whole file with the limits above; nullopt with `error` set when it cannot.
std::optional<CsvTable> readCsv(std::string_view text, CsvError* error = nullptr);

// [SECTION] The catalog

// Names to ids, the way a file may spell them: keys are folded (core/search_text: case,
// Cyrillic and Latin spellings of a sound, punctuation), so "TOYOTA", "Тойота" and "toyota"
// are one key. A spelling two entries share is ambiguous and finds nothing; a catalog name
// always wins over another entry's alias. Fill it with the add* functions.
struct CsvCatalog {
    struct Entry {
        std::int64_t id = 0; // 0: ambiguous
        bool name = false;   // the entry's own name (else one of its aliases)
    };
    struct City {
        std::int64_t id = 0; // 0: ambiguous
        Country country = Country::KZ;
    };
    std::map<std::string, Entry> makes;
    std::map<std::int64_t, std::map<std::string, Entry>> models; // by make id
    std::map<std::string, City> cities;

    // `aliases`: other spellings separated by spaces ("Тойота"), as the catalog keeps them.
    void addMake(std::int64_t id, std::string_view name, std::string_view aliases = {});
    void addModel(std::int64_t makeId, std::int64_t id, std::string_view name, std::string_view aliases = {});
    void addCity(std::int64_t id, std::string_view name, Country country);

    // 0 when unknown or ambiguous.
    std::int64_t findMake(std::string_view text) const;
    std::int64_t findModel(std::int64_t makeId, std::string_view text) const;
    std::optional<City> findCity(std::string_view text) const;
};

// The key a name is looked up by: its folded words joined by one space.
std::string catalogKey(std::string_view text);

// [SECTION] Listings from CSV

// The columns a file may have, in this order in the docs (canonical English names).
const std::vector<std::string_view>& listingCsvColumns();
// The canonical column a header cell names ("Пробег, км" -> "mileage_km"); empty when none.
std::string listingCsvColumn(std::string_view header);

// One thing wrong with a row. `field` is the column ("price"; empty for the row as a whole),
// `code` is stable, `message` is English and names the value or the column.
//   unknown_make, unknown_model, unknown_city   the catalog has no such name (the value quoted)
//   not_a_number                                a number column holds something else
//   unknown_value                               not one of the column's values (listed)
//   out_of_range, too_long                      a value beyond what a draft may hold
//   too_many_cells                              more cells than the header has columns
//   and validateDraft's codes (required, year_future, price_too_low, ...) with its bounds
struct CsvProblem {
    std::string field;
    std::string code;
    std::string message;
};

struct CsvRowReport {
    int row = 0;  // CsvRecord::row
    int line = 0; // CsvRecord::line
    // True when the row makes a draft that is complete except its photos: no errors, only
    // warnings. (Photos cannot come in a CSV file; the editor adds them before publishing.)
    bool ok = false;
    ListingDraft draft;                // what the row says (meaningful when ok)
    std::vector<CsvProblem> problems;  // errors: the row makes no draft
    std::vector<CsvProblem> warnings;  // validateDraft's warnings (mileage_high, description_empty)
};

struct ListingCsv {
    char separator = ',';
    std::vector<std::string> columns;        // the recognised columns, canonical names, in file order
    std::vector<std::string> ignoredColumns; // header cells naming no column, as written
    std::vector<CsvRowReport> rows;          // one per data row, in file order
};

// Reads a dealer's file into drafts. Prices are in whole units of the row's currency (the
// `currency` column, else the city's country's: KZT in Kazakhstan, BHD in Bahrain); digits may
// be grouped with spaces, and a decimal comma is read as a decimal point. `currentYear` is
// validateDraft's. nullopt with `error` when the file as a whole cannot be read (readCsv's
// errors, no known column in the header, a column named twice).
std::optional<ListingCsv> parseListingCsv(std::string_view text, const CsvCatalog& catalog, int currentYear,
                                          CsvError* error = nullptr);

} // namespace dongelek

// A dealer's CSV file read into listing drafts: RFC 4180 quoting (separators, doubled quotes
// and line breaks inside quotes), CRLF and LF, a byte order mark, ';' files from Excel in
// Russian locales, Russian headers; each broken row named with what is wrong with it; and the
// limits that refuse a whole file.
#include "core/listing_csv.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace dongelek;

namespace {

constexpr int kYear = 2026;

CsvCatalog catalog()
{
    CsvCatalog c;
    c.addMake(1, "Toyota", "Тойота");
    c.addMake(2, "Hyundai", "Хендай Хундай");
    c.addMake(3, "Mercedes-Benz", "Мерседес");
    c.addModel(1, 10, "Camry", "Камри");
    c.addModel(1, 11, "Land Cruiser 200", "Ленд Крузер Крузак");
    c.addModel(1, 12, "Land Cruiser Prado", "Прадо Ленд Крузер");
    c.addModel(2, 20, "Tucson", "Туссан");
    c.addModel(3, 30, "E-Class", "Ешка");
    c.addCity(100, "Almaty", Country::KZ);
    c.addCity(101, "Astana", Country::KZ);
    c.addCity(200, "Manama", Country::BH);
    return c;
}

const std::string kHeader = "make,model,year,price,mileage_km,body,fuel,transmission,drive,engine_litres,power_hp,color,"
                            "condition,city,description\n";

ListingCsv parsed(const std::string& text)
{
    CsvError error;
    std::optional<ListingCsv> out = parseListingCsv(text, catalog(), kYear, &error);
    INFO(error.code << ": " << error.message);
    REQUIRE(out);
    return *out;
}

CsvError refused(const std::string& text)
{
    CsvError error;
    CHECK_FALSE(parseListingCsv(text, catalog(), kYear, &error));
    return error;
}

bool hasProblem(const CsvRowReport& r, const std::string& field, const std::string& code)
{
    return std::any_of(r.problems.begin(), r.problems.end(),
                       [&](const CsvProblem& p) { return p.field == field && p.code == code; });
}

std::string problemText(const CsvRowReport& r, const std::string& field)
{
    for (const CsvProblem& p : r.problems)
        if (p.field == field) return p.message;
    return "";
}

} // namespace

TEST_CASE("listing csv: a good file makes complete drafts, photos aside", "[csv]")
{
    const ListingCsv f = parsed(kHeader +
                                "Toyota,Camry,2019,12500000,84000,sedan,petrol,automatic,fwd,2.5,181,White,used,Almaty,"
                                "One owner\n"
                                "hyundai,TUCSON,2021,15 900 000,41000,crossover,diesel,automatic,awd,2.0,185,grey,used,"
                                "astana,Winter tyres\n");
    CHECK(f.separator == ',');
    CHECK(f.ignoredColumns.empty());
    CHECK(f.columns.size() == 15);
    REQUIRE(f.rows.size() == 2);
    const CsvRowReport& a = f.rows[0];
    INFO(a.problems.size());
    CHECK(a.ok);
    CHECK(a.row == 2);
    CHECK(a.line == 2);
    CHECK(a.problems.empty());
    CHECK(a.draft.makeId == 1);
    CHECK(a.draft.modelId == 10);
    CHECK(a.draft.year == 2019);
    CHECK(a.draft.priceMinor == 12'500'000'00); // whole tenge to tiyn
    CHECK(a.draft.currency == Currency::KZT);
    CHECK(a.draft.mileageKm == 84000);
    CHECK(a.draft.body == Body::Sedan);
    CHECK(a.draft.engineLitres == Approx(2.5));
    CHECK(a.draft.color == "white");
    CHECK(a.draft.cityId == 100);
    CHECK(a.draft.description == "One owner");
    CHECK(a.draft.photos.empty());
    // Only the photos keep it from being publishable.
    const std::vector<DraftProblem> left = validateDraft(a.draft, DraftContext{kYear, true});
    REQUIRE(left.size() == 1);
    CHECK(left[0].field == "photos");
    // The draft's document reads back as the editor would read it.
    CHECK(parseDraftDocument(draftDocument(a.draft)));

    const CsvRowReport& b = f.rows[1];
    CHECK(b.ok);
    CHECK(b.row == 3);
    CHECK(b.draft.makeId == 2);
    CHECK(b.draft.modelId == 20);
    CHECK(b.draft.priceMinor == 15'900'000'00);
    CHECK(b.draft.cityId == 101);
}

TEST_CASE("listing csv: quoted cells hold commas, doubled quotes and line breaks", "[csv]")
{
    const ListingCsv f = parsed(kHeader +
                                "Toyota,Camry,2019,\"12,500,000\",84000,sedan,petrol,automatic,fwd,2.5,181,white,used,"
                                "Almaty,\"Kept in a garage, \"\"like new\"\"\nSecond line\r\nThird line\"\n"
                                "Toyota,Camry,2018,11000000,95000,sedan,petrol,automatic,fwd,2.5,181,black,used,Almaty,"
                                "17\" wheels\n");
    REQUIRE(f.rows.size() == 2);
    CHECK(f.rows[0].ok);
    CHECK(f.rows[0].draft.priceMinor == 12'500'000'00);
    CHECK(f.rows[0].draft.description == "Kept in a garage, \"like new\"\nSecond line\nThird line");
    // The second record starts on line 5 of the text but is row 3 of the sheet.
    CHECK(f.rows[1].row == 3);
    CHECK(f.rows[1].line == 5);
    CHECK(f.rows[1].ok);
    CHECK(f.rows[1].draft.description == "17\" wheels"); // a quote inside an unquoted cell stays
}

TEST_CASE("listing csv: Excel's semicolon file with a byte order mark, CRLF and decimal commas", "[csv]")
{
    const std::string text = "\xEF\xBB\xBFMake;Model;Year;Price;Mileage_km;Body;Fuel;Transmission;Drive;Engine_litres;"
                             "Power_hp;Color;Condition;City\r\n"
                             "Toyota;Land Cruiser 200;2015;\"21 500 000,00\";160\xC2\xA0" "000;suv;diesel;automatic;awd;4,5;249;"
                             "black;used;Almaty\r\n"
                             ";;;;;;;;;;;;;\r\n" // a row Excel leaves behind: skipped
                             "Toyota;Land Cruiser Prado;2017;18000000;120000;SUV;Petrol;Automatic;AWD;4,0;282;white;used;"
                             "Astana\r\n";
    const ListingCsv f = parsed(text);
    CHECK(f.separator == ';');
    CHECK(f.columns.front() == "make"); // the BOM is not part of the first header
    REQUIRE(f.rows.size() == 2);
    CHECK(f.rows[0].ok);
    CHECK(f.rows[0].draft.modelId == 11);
    CHECK(f.rows[0].draft.priceMinor == 21'500'000'00);
    CHECK(f.rows[0].draft.mileageKm == 160000);
    CHECK(f.rows[0].draft.engineLitres == Approx(4.5));
    CHECK(f.rows[1].row == 4); // the blank row still counts as a row of the sheet
    CHECK(f.rows[1].ok);
    CHECK(f.rows[1].draft.modelId == 12);
    CHECK(f.rows[1].draft.body == Body::Suv);
}

TEST_CASE("listing csv: Russian headers and names", "[csv]")
{
    const std::string text = "Марка;Модель;Год выпуска;Цена;Пробег, км;Кузов;Топливо;КПП;Привод;Объём двигателя;Мощность;"
                             "Цвет;Состояние;Город;Описание;Растаможен;Руль\n"
                             "Тойота;Камри;2020;14000000;50000;sedan;hybrid;cvt;fwd;2,5;218;silver;used;Almaty;"
                             "\"Без ДТП; один владелец\";да;right\n";
    const ListingCsv f = parsed(text);
    CHECK(f.ignoredColumns.empty());
    CHECK(std::find(f.columns.begin(), f.columns.end(), "engine_litres") != f.columns.end());
    CHECK(std::find(f.columns.begin(), f.columns.end(), "mileage_km") != f.columns.end());
    REQUIRE(f.rows.size() == 1);
    const CsvRowReport& r = f.rows[0];
    CHECK(r.ok);
    CHECK(r.draft.makeId == 1);
    CHECK(r.draft.modelId == 10);
    CHECK(r.draft.transmission == Transmission::Cvt);
    CHECK(r.draft.customsCleared == true);
    CHECK(r.draft.steering == Steering::Right);
    CHECK(r.draft.description == "Без ДТП; один владелец");
    CHECK(listingCsvColumn("ЦЕНА") == "price");
    CHECK(listingCsvColumn("Mileage (km)") == "mileage_km");
    CHECK(listingCsvColumn("stock number").empty());
}

TEST_CASE("listing csv: broken rows are named with what is wrong, the others still count", "[csv]")
{
    const ListingCsv f = parsed(
        kHeader +
        // 2: power_hp missing (an empty cell)
        "Toyota,Camry,2019,12500000,84000,sedan,petrol,automatic,fwd,2.5,,white,used,Almaty,x\n"
        // 3: a mileage that is not a number
        "Toyota,Camry,2019,12500000,lots,sedan,petrol,automatic,fwd,2.5,181,white,used,Almaty,x\n"
        // 4: a make the catalog does not have
        "Tayota,Camry,2019,12500000,84000,sedan,petrol,automatic,fwd,2.5,181,white,used,Almaty,x\n"
        // 5: a body that is not one of ours
        "Toyota,Camry,2019,12500000,84000,limousine,petrol,automatic,fwd,2.5,181,white,used,Almaty,x\n"
        // 6: an unquoted comma moved the cells
        "Toyota,Camry,2019,12500000,84000,sedan,petrol,automatic,fwd,2.5,181,white,used,Almaty,one, two\n"
        // 7: good
        "Toyota,Camry,2019,12500000,84000,sedan,petrol,automatic,fwd,2.5,181,white,used,Almaty,x\n"
        // 8: a price below the bounds, an unknown city and an unknown model
        "Toyota,Corolla,2019,5000,84000,sedan,petrol,automatic,fwd,2.5,181,white,used,Atlantis,x\n");
    REQUIRE(f.rows.size() == 7);
    for (std::size_t i = 0; i < 5; ++i)
        CHECK_FALSE(f.rows[i].ok);
    CHECK(f.rows[5].ok);

    CHECK(hasProblem(f.rows[0], "power_hp", "required"));
    CHECK(f.rows[0].problems.size() == 1);
    CHECK(hasProblem(f.rows[1], "mileage_km", "not_a_number"));
    CHECK(problemText(f.rows[1], "mileage_km").find("\"lots\"") != std::string::npos);
    CHECK(f.rows[1].problems.size() == 1); // not also "mileage_km is required"
    CHECK(hasProblem(f.rows[2], "make", "unknown_make"));
    CHECK(problemText(f.rows[2], "make").find("\"Tayota\"") != std::string::npos);
    CHECK(f.rows[2].problems.size() == 1); // the model is not reported as missing
    CHECK(hasProblem(f.rows[3], "body", "unknown_value"));
    CHECK(problemText(f.rows[3], "body").find("sedan, hatchback, suv") != std::string::npos);
    CHECK(hasProblem(f.rows[4], "", "too_many_cells"));
    CHECK(f.rows[4].row == 6);

    const CsvRowReport& last = f.rows[6];
    CHECK(hasProblem(last, "model", "unknown_model"));
    CHECK(hasProblem(last, "city", "unknown_city"));
    CHECK(problemText(last, "city").find("\"Atlantis\"") != std::string::npos);
    CHECK(hasProblem(last, "price", "price_too_low"));
    CHECK(problemText(last, "price") == "price must be from 100 000 to 5 000 000 000 KZT (whole units)");
}

TEST_CASE("listing csv: missing columns, warnings, other values", "[csv]")
{
    const ListingCsv f = parsed("make,model,year,stock no\nToyota,Camry,2019,A-17\n");
    CHECK(f.ignoredColumns == std::vector<std::string>{"stock no"});
    REQUIRE(f.rows.size() == 1);
    CHECK_FALSE(f.rows[0].ok);
    CHECK(hasProblem(f.rows[0], "price", "required"));
    CHECK(hasProblem(f.rows[0], "city", "required"));
    CHECK(hasProblem(f.rows[0], "engine_litres", "required"));
    CHECK_FALSE(hasProblem(f.rows[0], "photos", "photos_required"));

    // A Bahraini city prices in dinars unless the file says otherwise; warnings do not block.
    const ListingCsv bh = parsed("make,model,year,price,mileage_km,body,fuel,transmission,drive,engine_litres,power_hp,"
                                 "color,condition,city,owners,accidents,customs_cleared,vin,trim\n"
                                 "Toyota,Camry,2024,\"8,750.500\",0,sedan,petrol,automatic,fwd,2.5,203,white,used,Manama,"
                                 "1,0,no,jtdbr32e530012345,SE\n"
                                 "Toyota,Camry,2024,9000,10,sedan,petrol,automatic,fwd,2.5,203,white,new,Manama,0,0,maybe,"
                                 "JTDBR32E530012345JTDBR,\n");
    REQUIRE(bh.rows.size() == 2);
    const CsvRowReport& a = bh.rows[0];
    CHECK(a.ok);
    CHECK(a.draft.currency == Currency::BHD);
    CHECK(a.draft.priceMinor == 8'750'500); // fils
    CHECK(a.draft.customsCleared == false);
    CHECK(a.draft.vin == "JTDBR32E530012345");
    CHECK(a.draft.trim == "SE");
    REQUIRE(a.warnings.size() == 2);
    CHECK(a.warnings[0].code == "mileage_zero");
    CHECK(a.warnings[1].code == "description_empty");
    const CsvRowReport& b = bh.rows[1];
    CHECK(hasProblem(b, "customs_cleared", "unknown_value"));
    CHECK(hasProblem(b, "vin", "too_long"));
}

TEST_CASE("listing csv: amounts as spreadsheets write them", "[csv]")
{
    auto price = [](const std::string& cell) -> std::optional<std::int64_t> {
        const ListingCsv f = parsed("make,price,city\nToyota,\"" + cell + "\",Almaty\n");
        if (hasProblem(f.rows[0], "price", "not_a_number")) return std::nullopt;
        return f.rows[0].draft.priceMinor;
    };
    CHECK(price("9800000") == 9'800'000'00);
    CHECK(price("9 800 000") == 9'800'000'00);
    CHECK(price("9,800,000") == 9'800'000'00);
    CHECK(price("9.800.000") == 9'800'000'00);
    CHECK(price("9800000,00") == 9'800'000'00);
    CHECK(price("9 800 000.50") == 9'800'000'50);
    CHECK(price("9,800,000.5") == 9'800'000'50);
    CHECK_FALSE(price("9.8m"));
    CHECK_FALSE(price("-5"));
    CHECK_FALSE(price("1.2.3"));
    CHECK_FALSE(price("100,"));
    CHECK_FALSE(price("12,34,56"));
    CHECK_FALSE(price("9800000.123")); // tenge have two decimals
}

TEST_CASE("listing csv: the catalog finds names however they are spelled, never a guess", "[csv]")
{
    const CsvCatalog c = catalog();
    CHECK(c.findMake("TOYOTA") == 1);
    CHECK(c.findMake(" тойота ") == 1);
    CHECK(c.findMake("mercedes benz") == 3);
    CHECK(c.findMake("Мерседес") == 3);
    CHECK(c.findModel(1, "land cruiser 200") == 11);
    CHECK(c.findModel(1, "Прадо") == 12);
    CHECK(c.findModel(1, "Крузер") == 0); // an alias of two models: ambiguous
    CHECK(c.findModel(2, "Camry") == 0);  // not a Hyundai
    CHECK(c.findModel(3, "e class") == 30);
    REQUIRE(c.findCity("MANAMA"));
    CHECK(c.findCity("MANAMA")->country == Country::BH);
    CHECK_FALSE(c.findCity("Atlantis"));
    // A catalog name wins over another entry's alias.
    CsvCatalog d;
    d.addModel(1, 1, "LX", "");
    d.addModel(1, 2, "RX", "LX");
    CHECK(d.findModel(1, "lx") == 1);
}

TEST_CASE("listing csv: files that are not CSV or are over the limits are refused whole", "[csv]")
{
    CHECK(refused("").code == "empty");
    CHECK(refused("\xEF\xBB\xBF\r\n\r\n").code == "empty");
    CHECK(refused(std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)).code == "not_csv");
    CHECK(refused("make,model\n\xC3\x28,Camry\n").code == "not_csv");
    CHECK(refused("colour of money,size\nred,big\n").code == "no_known_columns");
    CHECK(refused("make,Марка\nToyota,Toyota\n").code == "duplicate_column");

    const CsvError open = refused("make,description\nToyota,\"never closed\nToyota,x\n");
    CHECK(open.code == "unclosed_quote");
    CHECK(open.line == 2);
    const CsvError after = refused("make,description\nToyota,\"closed\" then more\n");
    CHECK(after.code == "bad_quote");
    CHECK(after.line == 2);
    CHECK(after.message.rfind("line 2: ", 0) == 0);

    std::string rows = "make,model\n";
    for (int i = 0; i < 500; ++i)
        rows += "Toyota,Camry\n";
    CHECK(parsed(rows).rows.size() == 500);
    CHECK(refused(rows + "Toyota,Camry\n").code == "too_many_rows");

    std::string wide = "make";
    for (int i = 1; i < 61; ++i)
        wide += ",extra" + std::to_string(i);
    CHECK(refused(wide + "\nToyota\n").code == "too_many_columns");
    std::string sixty = "make";
    for (int i = 1; i < 60; ++i)
        sixty += ",extra" + std::to_string(i);
    CHECK(parsed(sixty + "\nToyota\n").ignoredColumns.size() == 59);
    CHECK(refused(sixty + "\nToyota" + std::string(60, ',') + "\n").code == "too_many_columns");
    CHECK(refused("make\n" + std::string(CsvLimits::kMaxBytes - 10, ',')).code == "too_many_columns");

    CHECK(refused("make,description\nToyota," + std::string(4001, 'a') + "\n").code == "field_too_long");
    // Characters, not bytes: 4000 Cyrillic letters are 8000 bytes and fit.
    std::string cyrillic;
    for (int i = 0; i < 4000; ++i)
        cyrillic += "\xD0\xB0";
    CHECK(parsed("make,description\nToyota," + cyrillic + "\n").rows.size() == 1);

    std::string big = "make,description\n";
    while (big.size() <= CsvLimits::kMaxBytes)
        big += "Toyota," + std::string(3000, 'a') + "\n";
    CHECK(refused(big).code == "too_large");
}

TEST_CASE("listing csv: the reader keeps cells exactly", "[csv]")
{
    CsvError error;
    const std::optional<CsvTable> t = readCsv("a,b,c\r\n1,\"\",3\n\"x\"\"y\",,\"\r\n\"", &error);
    REQUIRE(t);
    REQUIRE(t->records.size() == 3);
    CHECK(t->records[1].cells == std::vector<std::string>{"1", "", "3"});
    CHECK(t->records[2].cells == std::vector<std::string>{"x\"y", "", "\n"});
    // A tab-separated file.
    const std::optional<CsvTable> tsv = readCsv("make\tmodel\nToyota\tCamry", &error);
    REQUIRE(tsv);
    CHECK(tsv->separator == '\t');
    CHECK(tsv->records[1].cells == std::vector<std::string>{"Toyota", "Camry"});
}

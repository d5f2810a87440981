// Many listings at once, against a real database on the engine the run targets (SQLite or
// PostgreSQL): a bulk price change of the seller's own listings with the old prices in their
// history, someone else's listing in the same request reported and untouched; a bulk
// unpublish buyers see at once; a price out of bounds refusing the whole request; drafts
// imported from a CSV file with the report naming the bad rows, within the draft limit.

#include "store_fixture.hpp"
#include "test_database.hpp"

#include "server/db/open_database.hpp"
#include "server/demo/generator.hpp"
#include "server/features/accounts/account_repository.hpp"
#include "server/features/dealer/dealer_service.hpp"
#include "server/features/editor/editor_repository.hpp"
#include "server/features/editor/editor_service.hpp"
#include "server/features/listings/sql_listing_repository.hpp"
#include "server/http/errors.hpp"
#include "server/schema/migrations.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace dongelek;
using namespace dongelek::server;
using namespace dongelek::server::editor;
using namespace dongelek::server::dealer;
using dongelek::test::TestDatabase;
using nlohmann::json;

namespace {

constexpr std::int64_t kNow = 1'796'000'000; // 2026-11-30

struct Fixture {
    TestDatabase tdb;
    std::unique_ptr<db::Database> database;
    std::unique_ptr<SqlListingRepository> listings;
    std::unique_ptr<EditorRepository> repo;
    std::unique_ptr<EditorService> editor;
    std::unique_ptr<DealerService> dealer;
    std::int64_t now = kNow;
    int refreshes = 0;
    int uploads = 0;
    Principal aigerim, bolat;
    SearchCatalog catalog;

    Fixture()
    {
        database = dongelek::test::openMigrated(tdb);
        listings = std::make_unique<SqlListingRepository>(*database);
        dongelek::test::importDemo(*listings, 20);
        accounts::AccountRepository accounts(*database);
        aigerim.userId = *accounts.createUser({"aigerim@example.kz", "x", "Aigerim", "dealer", "en", true}, kNow);
        bolat.userId = *accounts.createUser({"bolat@example.kz", "x", "Bolat", "seller", "en", true}, kNow);
        repo = std::make_unique<EditorRepository>(*database);
        editor = std::make_unique<EditorService>(*repo, [this] { return now; });
        dealer = std::make_unique<DealerService>(*repo, [this] { return now; }, [this] { ++refreshes; });
        catalog = listings->searchCatalog();
        for (const Principal* who : {&aigerim, &bolat}) {
            auto lease = database->acquire();
            db::WriteTransaction tx(lease, db::Visibility::Private);
            tx.connection()
                .prepare("UPDATE users SET phone = ? WHERE id = ?")
                .bind(1, "+7701123456" + std::to_string(who->userId % 10))
                .bind(2, who->userId)
                .run();
            tx.commit();
        }
    }
    std::int64_t upload(const Principal& who)
    {
        UploadRow u;
        u.clientKey = "u" + std::to_string(++uploads);
        u.storageKey = "k" + u.clientKey + "aaaaaaaaaaaaaaaaaaaaaaaa";
        u.storageKey.resize(22, 'a');
        u.width = 1280;
        u.height = 960;
        u.bytes = 1000;
        return repo->putUpload(who.userId, u, now).row.id;
    }
    // A published listing of `who` at `priceMinor` in `currency`: Toyota Camry in Almaty (or
    // a Bahraini city for dinars).
    std::int64_t publish(const Principal& who, std::int64_t priceMinor, Currency currency = Currency::KZT)
    {
        ListingDraft d = dongelek::test::completeDraft(catalog, priceMinor, currency, "bulk words");
        for (int i = 0; i < 3; ++i) {
            const std::int64_t id = upload(who);
            d.photos.push_back({"p" + std::to_string(id), id, 1280, 960});
        }
        const DraftRow draft = editor->create(who, 0, std::nullopt);
        const SaveResult saved = editor->save(who, draft.id, draft.version, draftDocument(d));
        const PublishResult r = editor->publish(who, draft.id, saved.row.version);
        REQUIRE(r.listingId > 0);
        return r.listingId;
    }
    std::int64_t priceOf(std::int64_t listingId)
    {
        auto c = database->acquire();
        db::Statement& s = c->prepare("SELECT price_minor FROM listings WHERE id = ?");
        s.bind(1, listingId);
        const std::int64_t price = s.step() ? s.columnInt64(0) : -1;
        s.reset();
        return price;
    }
    BulkResult bulk(const Principal& who, std::vector<std::int64_t> ids, BulkAction action,
                    std::optional<double> percent = std::nullopt, std::optional<std::int64_t> amount = std::nullopt)
    {
        BulkRequest r;
        r.ids = std::move(ids);
        r.action = action;
        r.percent = percent;
        r.amountMinor = amount;
        return dealer->bulk(who, r);
    }
};

const BulkItem& itemOf(const BulkResult& r, std::int64_t id)
{
    const auto it = std::find_if(r.items.begin(), r.items.end(), [&](const BulkItem& i) { return i.id == id; });
    REQUIRE(it != r.items.end());
    return *it;
}

int statusCode(const std::function<void()>& call)
{
    try {
        call();
    } catch (const ClientError& e) {
        return e.error().status;
    }
    return 0;
}

} // namespace

TEST_CASE("dealer store: a bulk price change of -10 percent changes the seller's own listings only, with history",
          "[contract][dealer]")
{
    Fixture f;
    const std::int64_t a = f.publish(f.aigerim, 9'800'000'00);
    const std::int64_t b = f.publish(f.aigerim, 12'345'678'00);
    const std::int64_t theirs = f.publish(f.bolat, 7'000'000'00);
    f.now += 86400;
    const std::uint64_t version = f.database->refreshDataVersion();

    const BulkResult r = f.bulk(f.aigerim, {a, b, theirs, a}, BulkAction::Price, -10.0);
    REQUIRE(r.applied);
    CHECK(r.changed == 2);
    REQUIRE(r.items.size() == 3); // the repeated id counts once
    CHECK(r.items[0].id == a);
    CHECK(r.items[0].ok);
    CHECK(r.items[0].changed);
    CHECK(itemOf(r, b).ok);
    CHECK_FALSE(itemOf(r, theirs).ok);
    CHECK(itemOf(r, theirs).code == "not_found");
    REQUIRE(r.listings.size() == 2);
    CHECK(r.listings[0].id == a);
    CHECK(r.listings[0].price.amountMinor == 8'820'000'00);
    CHECK(r.listings[0].version == 2);
    CHECK(f.database->refreshDataVersion() > version); // buyers' cached answers follow
    CHECK(f.refreshes == 1);                            // and the search index

    // Rounded to whole tenge: 12 345 678 * 0.9 = 11 111 110.2.
    CHECK(f.priceOf(b) == 11'111'110'00);
    const std::optional<DetailsRow> shown = f.listings->findListing(a);
    REQUIRE(shown);
    CHECK(shown->details.summary.price.amountMinor == 8'820'000'00);
    CHECK(shown->details.summary.price.currency == Currency::KZT);
    const auto history = f.listings->priceHistory(a);
    REQUIRE(history.size() == 1);
    CHECK(history[0].second.amountMinor == 9'800'000'00);
    // Someone else's listing: untouched, no history.
    CHECK(f.priceOf(theirs) == 7'000'000'00);
    CHECK(f.listings->priceHistory(theirs).empty());

    // An absolute price, rounded to whole tenge; the same price again changes nothing.
    f.now += 60;
    const BulkResult abs = f.bulk(f.aigerim, {a}, BulkAction::Price, std::nullopt, 9'999'999'50);
    REQUIRE(abs.applied);
    CHECK(f.priceOf(a) == 10'000'000'00);
    CHECK(f.listings->priceHistory(a).size() == 2);
    const BulkResult same = f.bulk(f.aigerim, {a}, BulkAction::Price, std::nullopt, 10'000'000'00);
    REQUIRE(same.applied);
    CHECK(same.changed == 0);
    CHECK_FALSE(same.items[0].changed);
    CHECK(f.listings->priceHistory(a).size() == 2);
}

TEST_CASE("dealer store: a bulk unpublish takes the listings off the market for buyers, then back, then sold",
          "[contract][dealer]")
{
    Fixture f;
    const std::int64_t a = f.publish(f.aigerim, 9'800'000'00);
    const std::int64_t b = f.publish(f.aigerim, 11'000'000'00);
    const std::int64_t theirs = f.publish(f.bolat, 7'000'000'00);
    REQUIRE(f.listings->findListing(a));

    BulkResult r = f.bulk(f.aigerim, {a, b, theirs}, BulkAction::Unpublish);
    REQUIRE(r.applied);
    CHECK(r.changed == 2);
    CHECK_FALSE(f.listings->findListing(a)); // buyers' links answer 404
    CHECK_FALSE(f.listings->findListing(b));
    CHECK(f.listings->findListing(theirs));
    CHECK(itemOf(r, theirs).code == "not_found");
    for (const OwnListing& l : r.listings)
        CHECK(l.status == SellerStatus::Unpublished);
    CHECK(f.editor->listings(f.aigerim).size() == 2); // still the seller's

    // Again: nothing to change, still fine.
    r = f.bulk(f.aigerim, {a, b}, BulkAction::Unpublish);
    CHECK(r.applied);
    CHECK(r.changed == 0);
    CHECK(f.refreshes == 1);

    r = f.bulk(f.aigerim, {a, b}, BulkAction::Publish);
    CHECK(r.changed == 2);
    CHECK(f.listings->findListing(a));
    r = f.bulk(f.aigerim, {a}, BulkAction::Sold);
    CHECK(r.listings.at(0).status == SellerStatus::Sold);
    CHECK(f.listings->findListing(a)); // a sold car's page stays

    // A deleted listing cannot be changed (as with the single-listing route).
    f.editor->remove(f.aigerim, b, true);
    r = f.bulk(f.aigerim, {a, b}, BulkAction::Publish);
    CHECK(itemOf(r, a).ok);
    CHECK(itemOf(r, b).code == "not_found");
    CHECK_FALSE(f.listings->findListing(b));
}

TEST_CASE("dealer store: a price out of bounds refuses the whole request, nothing is changed", "[contract][dealer]")
{
    Fixture f;
    const std::int64_t cheap = f.publish(f.aigerim, 150'000'00); // 150 000 tenge: the bounds start at 100 000
    const std::int64_t dear = f.publish(f.aigerim, 9'800'000'00);
    const std::int64_t theirs = f.publish(f.bolat, 7'000'000'00);
    const std::uint64_t version = f.database->refreshDataVersion();

    const BulkResult r = f.bulk(f.aigerim, {dear, cheap, theirs}, BulkAction::Price, -50.0);
    CHECK_FALSE(r.applied);
    CHECK(r.code == "price_out_of_range");
    CHECK(r.field == "percent");
    CHECK(r.message.find("listing " + std::to_string(cheap)) != std::string::npos);
    CHECK(r.listings.empty());
    REQUIRE(r.items.size() == 3);
    CHECK(r.items[0].code == "not_applied");
    CHECK(r.items[1].code == "price_out_of_range");
    REQUIRE(r.items[1].price);
    CHECK(r.items[1].price->amountMinor == 75'000'00);
    CHECK(r.items[2].code == "not_found");
    CHECK(f.priceOf(dear) == 9'800'000'00);
    CHECK(f.priceOf(cheap) == 150'000'00);
    CHECK(f.listings->priceHistory(dear).empty());
    CHECK(f.database->refreshDataVersion() == version);
    CHECK(f.refreshes == 0);

    // Above the bounds too.
    CHECK_FALSE(f.bulk(f.aigerim, {dear}, BulkAction::Price, std::nullopt, 6'000'000'000'00).applied);
    // One absolute price over tenge and dinars is refused.
    const std::int64_t dinars = f.publish(f.aigerim, 8'750'000, Currency::BHD);
    const BulkResult mixed = f.bulk(f.aigerim, {dear, dinars}, BulkAction::Price, std::nullopt, 9'000'000'00);
    CHECK_FALSE(mixed.applied);
    CHECK(mixed.code == "mixed_currencies");
    CHECK(f.priceOf(dinars) == 8'750'000);
    // A percent works over both: each keeps its currency, rounded to whole dinars.
    const BulkResult both = f.bulk(f.aigerim, {dear, dinars}, BulkAction::Price, 3.3);
    REQUIRE(both.applied);
    CHECK(f.priceOf(dinars) == 9'039'000); // 8 750 * 1.033 = 9 038.75
    CHECK(f.priceOf(dear) == 10'123'400'00);
}

TEST_CASE("dealer store: malformed bulk requests are refused before anything is read", "[contract][dealer]")
{
    Fixture f;
    const std::int64_t a = f.publish(f.aigerim, 9'800'000'00);
    std::vector<std::int64_t> many(201);
    for (std::size_t i = 0; i < many.size(); ++i)
        many[i] = static_cast<std::int64_t>(i + 1);
    CHECK(statusCode([&] { f.bulk(f.aigerim, many, BulkAction::Sold); }) == 400);
    CHECK(statusCode([&] { f.bulk(f.aigerim, {}, BulkAction::Sold); }) == 400);
    CHECK(statusCode([&] { f.bulk(f.aigerim, {a}, BulkAction::Price); }) == 400);
    CHECK(statusCode([&] { f.bulk(f.aigerim, {a}, BulkAction::Price, 0.0); }) == 400);
    CHECK(statusCode([&] { f.bulk(f.aigerim, {a}, BulkAction::Price, 51.0); }) == 400);
    CHECK(statusCode([&] { f.bulk(f.aigerim, {a}, BulkAction::Price, 5.0, 9'000'000'00); }) == 400);
    CHECK(statusCode([&] { f.bulk(f.aigerim, {a}, BulkAction::Sold, 5.0); }) == 400);
    CHECK(f.priceOf(a) == 9'800'000'00);
}

TEST_CASE("dealer store: an import makes drafts with the file's fields, the report names the bad rows",
          "[contract][dealer]")
{
    Fixture f;
    const std::string header = "make;model;year;price;mileage_km;body;fuel;transmission;drive;engine_litres;power_hp;"
                               "color;condition;city;description;vin\n";
    const std::string csv = header +
                            "Toyota;Camry;2019;12 500 000;84000;sedan;petrol;automatic;fwd;2,5;181;white;used;Almaty;"
                            "\"One owner; garage\";JTDBR32E530012345\n"
                            "Тойота;Камри;2020;14000000;50000;sedan;hybrid;cvt;fwd;2,5;218;silver;used;Астана;;\n"
                            "Tayota;Camry;2019;12500000;84000;sedan;petrol;automatic;fwd;2,5;181;white;used;Almaty;;\n"
                            "Toyota;Camry;2018;11000000;a lot;sedan;petrol;automatic;fwd;2,5;181;black;used;Almaty;;\n"
                            "Toyota;Camry;2021;15000000;30000;sedan;petrol;automatic;fwd;2,5;181;red;used;Almaty;;\n";
    const ImportResult r = f.dealer->importCsv(f.aigerim, csv);
    CHECK(r.created == 3);
    CHECK(r.separator == ';');
    REQUIRE(r.rows.size() == 5);
    CHECK(r.rows[0].report.ok);
    CHECK(r.rows[0].draftId > 0);
    CHECK(r.rows[1].report.ok);
    CHECK_FALSE(r.rows[2].report.ok);
    CHECK(r.rows[2].draftId == 0);
    CHECK(r.rows[2].report.row == 4);
    REQUIRE(r.rows[2].report.problems.size() == 1);
    CHECK(r.rows[2].report.problems[0].code == "unknown_make");
    CHECK(r.rows[2].report.problems[0].message.find("Tayota") != std::string::npos);
    CHECK_FALSE(r.rows[3].report.ok);
    REQUIRE(r.rows[3].report.problems.size() == 1);
    CHECK(r.rows[3].report.problems[0].field == "mileage_km");
    CHECK(r.rows[3].report.problems[0].code == "not_a_number");
    CHECK(r.rows[4].report.ok);

    // The drafts are the user's, with the file's fields, complete but for their photos.
    const std::vector<DraftRow> drafts = f.editor->drafts(f.aigerim);
    REQUIRE(drafts.size() == 3);
    CHECK(f.editor->drafts(f.bolat).empty());
    const DraftRow first = f.editor->draft(f.aigerim, r.rows[0].draftId);
    const json doc = json::parse(first.document);
    const auto toyota = std::find_if(f.catalog.makes.begin(), f.catalog.makes.end(),
                                     [](const MakeRecord& m) { return m.name == "Toyota"; });
    REQUIRE(toyota != f.catalog.makes.end());
    CHECK(doc.at("make_id") == toyota->id);
    CHECK(doc.at("year") == 2019);
    CHECK(doc.at("price_minor") == 12'500'000'00);
    CHECK(doc.at("currency") == "KZT");
    CHECK(doc.at("engine_litres") == 2.5);
    CHECK(doc.at("description") == "One owner; garage");
    CHECK(doc.at("vin") == "JTDBR32E530012345");
    CHECK_FALSE(doc.contains("photos"));
    const std::vector<DraftProblem> left = f.editor->problemsOf(*parseDraftDocument(doc));
    REQUIRE_FALSE(publishable(left));
    for (const DraftProblem& p : left)
        if (p.level == ProblemLevel::Error) CHECK(p.field == "photos");
    // The Cyrillic row found the same make and model and the city by its Russian name.
    const json second = json::parse(f.editor->draft(f.aigerim, r.rows[1].draftId).document);
    CHECK(second.at("make_id") == toyota->id);
    CHECK(second.at("model_id") == doc.at("model_id"));
    const auto astana = std::find_if(f.catalog.cities.begin(), f.catalog.cities.end(),
                                     [](const CityRecord& c) { return c.name == "Astana"; });
    REQUIRE(astana != f.catalog.cities.end());
    CHECK(second.at("city_id") == astana->id);
    // Drafts are private: the data version buyers' caches follow stays.
    const std::uint64_t version = f.database->refreshDataVersion();
    f.dealer->importCsv(f.aigerim, header + "Toyota;Camry;2021;15000000;30000;sedan;petrol;automatic;fwd;2,5;181;red;"
                                            "used;Almaty;;\n");
    CHECK(f.database->refreshDataVersion() == version);

    // A file that is not a listings CSV: 400, nothing made.
    CHECK(statusCode([&] { f.dealer->importCsv(f.aigerim, std::string("\x89PNG\r\n\x1a\n\0\0", 10)); }) == 400);
    CHECK(statusCode([&] { f.dealer->importCsv(f.aigerim, "name,size\nx,y\n"); }) == 400);
    CHECK(f.editor->drafts(f.aigerim).size() == 4);
}

TEST_CASE("dealer store: an import stays within the drafts a user may hold", "[contract][dealer]")
{
    Fixture f;
    // 499 drafts already (made the import's way).
    const std::vector<std::string> docs(499, draftDocument(ListingDraft{}).dump());
    REQUIRE(f.repo->createDrafts(f.aigerim.userId, docs, DealerLimits::kMaxDraftsWithImports, f.now));
    CHECK(f.repo->countDrafts(f.aigerim.userId) == 499);
    CHECK_FALSE(f.repo->createDrafts(f.aigerim.userId, {"{}", "{}"}, DealerLimits::kMaxDraftsWithImports, f.now));

    const std::string row = "Toyota,Camry,2019,12500000,84000,sedan,petrol,automatic,fwd,2.5,181,white,used,Almaty\n";
    const std::string csv =
        "make,model,year,price,mileage_km,body,fuel,transmission,drive,engine_litres,power_hp,color,condition,city\n" + row +
        row;
    try {
        f.dealer->importCsv(f.aigerim, csv);
        FAIL("an import past the limit went through");
    } catch (const ClientError& e) {
        CHECK(e.error().status == 422);
        CHECK(e.error().error.code == "too_many_drafts");
    }
    CHECK(f.repo->countDrafts(f.aigerim.userId) == 499); // all or nothing
    // Another user is not affected.
    CHECK(f.dealer->importCsv(f.bolat, csv).created == 2);
}

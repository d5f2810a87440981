// The seller's editor store against a real database on the engine the run targets (SQLite or
// PostgreSQL): drafts saved by version (a second tab's stale save is a conflict, not an
// overwrite), kept apart per user, published into a listing buyers find (search text and all),
// edited again with the price change in its history, taken off the market and back, sold and
// deleted; uploads replaced by a retry; someone else's uploads never reach a listing.

#include "store_fixture.hpp"
#include "test_database.hpp"

#include "server/db/open_database.hpp"
#include "server/demo/generator.hpp"
#include "server/features/accounts/account_repository.hpp"
#include "server/features/editor/editor_repository.hpp"
#include "server/features/editor/editor_service.hpp"
#include "server/features/listings/sql_listing_repository.hpp"
#include "server/features/search/search_index.hpp"
#include "server/http/errors.hpp"
#include "server/schema/migrations.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace dongelek;
using namespace dongelek::server;
using namespace dongelek::server::editor;
using dongelek::test::TestDatabase;
using nlohmann::json;

namespace {

constexpr std::int64_t kNow = 1'796'000'000; // 2026-11-30

struct Fixture {
    TestDatabase tdb;
    std::unique_ptr<db::Database> database;
    std::unique_ptr<SqlListingRepository> listings;
    std::unique_ptr<EditorRepository> repo;
    std::unique_ptr<EditorService> service;
    std::int64_t now = kNow;
    Principal aigerim, bolat;
    SearchCatalog catalog;

    Fixture()
    {
        database = dongelek::test::openMigrated(tdb);
        listings = std::make_unique<SqlListingRepository>(*database);
        dongelek::test::importDemo(*listings, 20);
        accounts::AccountRepository accounts(*database);
        aigerim.userId = *accounts.createUser({"aigerim@example.kz", "x", "Aigerim", "seller", "en", true}, kNow);
        bolat.userId = *accounts.createUser({"bolat@example.kz", "x", "Bolat", "seller", "en", true}, kNow);
        repo = std::make_unique<EditorRepository>(*database);
        service = std::make_unique<EditorService>(*repo, [this] { return now; });
        catalog = listings->searchCatalog();
    }
    void confirmPhone(const Principal& who, const std::string& phone)
    {
        auto lease = database->acquire();
        db::WriteTransaction tx(lease, db::Visibility::Private);
        tx.connection().prepare("UPDATE users SET phone = ? WHERE id = ?").bind(1, phone).bind(2, who.userId).run();
        tx.commit();
    }
    std::int64_t upload(const Principal& who, const std::string& key)
    {
        UploadRow u;
        u.clientKey = key;
        u.storageKey = "k" + key + std::to_string(who.userId) + "aaaaaaaaaaaaaaaaaaaa";
        u.storageKey.resize(22, 'a');
        u.width = 1280;
        u.height = 960;
        u.bytes = 1000;
        return repo->putUpload(who.userId, u, now).row.id;
    }
    // A complete draft document: a model of the catalog's first make, in a Kazakh city.
    json completeDocument(const Principal& who, const std::string& description)
    {
        ListingDraft d = dongelek::test::completeDraft(catalog, 9'800'000'00, Currency::KZT, description);
        for (const char* key : {"a", "b", "c"})
            d.photos.push_back({std::string(key) + std::to_string(who.userId), upload(who, std::string(key) + std::to_string(who.userId)), 1280, 960});
        return draftDocument(d);
    }
    std::int64_t searchCount(const std::string& words)
    {
        ListingFilter f;
        f.query = words;
        return listings->search(f, now).total;
    }
};

bool hasProblem(const std::vector<DraftProblem>& problems, const std::string& field, const std::string& code)
{
    return std::any_of(problems.begin(), problems.end(),
                       [&](const DraftProblem& p) { return p.field == field && p.code == code; });
}

} // namespace

TEST_CASE("editor store: a stale save from a second tab is a conflict, not an overwrite", "[contract][editor]")
{
    Fixture f;
    const DraftRow created = f.service->create(f.aigerim, 0, Currency::BHD);
    CHECK(created.version == 1);
    CHECK(json::parse(created.document).at("currency") == "BHD");

    // Tab A saves on top of version 1: version 2.
    const SaveResult a = f.service->save(f.aigerim, created.id, 1, json{{"currency", "BHD"}, {"year", 2019}});
    REQUIRE_FALSE(a.conflict);
    CHECK(a.row.version == 2);
    // Tab B still thinks it edits version 1: refused, with what tab A wrote.
    const SaveResult b = f.service->save(f.aigerim, created.id, 1, json{{"currency", "BHD"}, {"year", 2021}});
    REQUIRE(b.conflict);
    CHECK(b.row.version == 2);
    CHECK(json::parse(b.row.document).at("year") == 2019);
    // After merging, tab B saves on top of version 2.
    const SaveResult merged = f.service->save(f.aigerim, created.id, 2, json{{"currency", "BHD"}, {"year", 2021}});
    REQUIRE_FALSE(merged.conflict);
    CHECK(merged.row.version == 3);
    CHECK(json::parse(f.service->draft(f.aigerim, created.id).document).at("year") == 2021);
    // The problems come with every save: this draft lacks most fields.
    CHECK(hasProblem(merged.problems, "make_id", "required"));
}

TEST_CASE("editor store: one seller's drafts are out of another's reach", "[contract][editor]")
{
    Fixture f;
    const DraftRow mine = f.service->create(f.aigerim, 0, std::nullopt);
    CHECK(f.service->drafts(f.bolat).empty());
    CHECK_THROWS_AS(f.service->draft(f.bolat, mine.id), ClientError);
    CHECK_THROWS_AS(f.service->save(f.bolat, mine.id, 1, json::object()), ClientError);
    CHECK_THROWS_AS(f.service->remove(f.bolat, mine.id), ClientError);
    CHECK(f.service->drafts(f.aigerim).size() == 1);
    // A bad document is refused naming the key, and nothing is written.
    try {
        f.service->save(f.aigerim, mine.id, 1, json{{"year", "soon"}});
        FAIL("a bad document was saved");
    } catch (const ClientError& e) {
        CHECK(e.error().status == 400);
        CHECK(e.error().error.field == "document.year");
    }
    CHECK(f.service->draft(f.aigerim, mine.id).version == 1);
    f.service->remove(f.aigerim, mine.id);
    CHECK(f.service->drafts(f.aigerim).empty());
}

TEST_CASE("editor store: publishing needs a complete draft and a confirmed phone, then buyers find it",
          "[contract][editor]")
{
    Fixture f;
    const std::int64_t before = f.listings->countActiveListings();
    const DraftRow d = f.service->create(f.aigerim, 0, std::nullopt);
    PublishResult r = f.service->publish(f.aigerim, d.id, 1);
    CHECK(r.listingId == 0);
    CHECK(hasProblem(r.problems, "photos", "photos_required"));
    CHECK(hasProblem(r.problems, "phone", "phone_required"));

    const SaveResult saved = f.service->save(f.aigerim, d.id, 1, f.completeDocument(f.aigerim, "zhibekzholy garage kept"));
    CHECK(publishable(saved.problems));
    r = f.service->publish(f.aigerim, d.id, saved.row.version);
    CHECK(r.listingId == 0);
    CHECK(r.problems.size() == 1);
    CHECK(hasProblem(r.problems, "phone", "phone_required"));

    f.confirmPhone(f.aigerim, "+77011234567");
    // A publish naming an older version is a conflict.
    CHECK(f.service->publish(f.aigerim, d.id, 1).conflict);
    const std::uint64_t version = f.database->refreshDataVersion();
    r = f.service->publish(f.aigerim, d.id, saved.row.version);
    REQUIRE(r.listingId > 0);
    CHECK(f.database->refreshDataVersion() > version); // buyers' cached answers follow
    CHECK(f.listings->countActiveListings() == before + 1);
    const std::optional<DetailsRow> shown = f.listings->findListing(r.listingId);
    REQUIRE(shown);
    CHECK(shown->details.summary.year == 2020);
    CHECK(shown->details.summary.price.amountMinor == 9'800'000'00);
    CHECK(shown->details.summary.title == f.catalog.makes.front().name + " " + f.catalog.models.front().name);
    CHECK(shown->photoIds.size() == 3);
    CHECK(shown->details.seller.phone == "+77011234567");
    CHECK(shown->details.seller.name == "Aigerim");
    // The search text is the listing's (both engines' full-text search), and the live search
    // index built from the store has it.
    CHECK(f.searchCount("zhibekzholy") == 1);
    {
        const SearchIndex index(f.listings->searchDocuments(), f.listings->searchCatalog(), 1);
        ListingFilter filter;
        filter.query = "zhibekzholy";
        const SearchResult found = index.search(filter, f.now);
        REQUIRE(found.total == 1);
        CHECK(found.rows[0].summary.id == r.listingId);
    }
    // The draft is gone; the seller's list has the listing.
    CHECK(f.service->drafts(f.aigerim).empty());
    const std::vector<OwnListing> own = f.service->listings(f.aigerim);
    REQUIRE(own.size() == 1);
    CHECK(own[0].id == r.listingId);
    CHECK(own[0].status == SellerStatus::Published);
    CHECK(own[0].photoCount == 3);
    CHECK(f.service->listings(f.bolat).empty());
    // The photos are the uploads, in the draft's order.
    const std::optional<PhotoSpec> cover = f.listings->findPhoto(shown->photoIds[0]);
    REQUIRE(cover);
    CHECK_FALSE(cover->uploadKey.empty());
}

TEST_CASE("editor store: a published listing edited again keeps its id, photos and price history", "[contract][editor]")
{
    Fixture f;
    f.confirmPhone(f.aigerim, "+77011234567");
    const DraftRow d = f.service->create(f.aigerim, 0, std::nullopt);
    const SaveResult saved = f.service->save(f.aigerim, d.id, 1, f.completeDocument(f.aigerim, "first words qarlygash"));
    const std::int64_t id = f.service->publish(f.aigerim, d.id, saved.row.version).listingId;
    REQUIRE(id > 0);
    const std::vector<std::int64_t> photoIds = f.listings->findListing(id)->photoIds;

    // Editing starts from the listing: its fields and its photos by id. Asking again is the same draft.
    const DraftRow edit = f.service->create(f.aigerim, id, std::nullopt);
    CHECK(edit.listingId == id);
    CHECK(f.service->create(f.aigerim, id, std::nullopt).id == edit.id);
    CHECK(f.service->listing(f.aigerim, id).draftId == edit.id);
    json doc = json::parse(edit.document);
    CHECK(doc.at("photos").size() == 3);
    CHECK(doc.at("photos")[0].at("photo_id") == photoIds[0]);
    // Someone else cannot open it for editing.
    CHECK_THROWS_AS(f.service->create(f.bolat, id, std::nullopt), ClientError);

    doc["price_minor"] = 9'500'000'00;
    doc["description"] = "second words tulpar";
    // The cover moves to the end.
    json photos = doc["photos"];
    std::rotate(photos.begin(), photos.begin() + 1, photos.end());
    doc["photos"] = photos;
    f.now += 86400;
    const SaveResult s2 = f.service->save(f.aigerim, edit.id, edit.version, doc);
    REQUIRE(f.service->publish(f.aigerim, edit.id, s2.row.version).listingId == id);

    const std::optional<DetailsRow> shown = f.listings->findListing(id);
    REQUIRE(shown);
    CHECK(shown->details.summary.price.amountMinor == 9'500'000'00);
    CHECK(shown->photoIds == std::vector<std::int64_t>{photoIds[1], photoIds[2], photoIds[0]});
    const auto history = f.listings->priceHistory(id);
    REQUIRE(history.size() == 1);
    CHECK(history[0].second.amountMinor == 9'800'000'00);
    CHECK(f.service->listing(f.aigerim, id).version == 2);
    // The search text follows the edit: the new words find it, the old ones do not.
    CHECK(f.searchCount("tulpar") == 1);
    CHECK(f.searchCount("qarlygash") == 0);
}

TEST_CASE("editor store: off the market and back, sold, deleted, by the seller only", "[contract][editor]")
{
    Fixture f;
    f.confirmPhone(f.aigerim, "+77011234567");
    const DraftRow d = f.service->create(f.aigerim, 0, std::nullopt);
    const SaveResult saved = f.service->save(f.aigerim, d.id, 1, f.completeDocument(f.aigerim, "status words"));
    const std::int64_t id = f.service->publish(f.aigerim, d.id, saved.row.version).listingId;
    REQUIRE(id > 0);

    CHECK_THROWS_AS(f.service->setStatus(f.bolat, id, SellerStatus::Unpublished), ClientError);
    CHECK(f.listings->findListing(id));

    CHECK(f.service->setStatus(f.aigerim, id, SellerStatus::Unpublished).status == SellerStatus::Unpublished);
    CHECK_FALSE(f.listings->findListing(id)); // buyers' links answer 404
    CHECK(f.searchCount("status") == 0);
    CHECK(f.service->listings(f.aigerim).at(0).status == SellerStatus::Unpublished);

    CHECK(f.service->setStatus(f.aigerim, id, SellerStatus::Published).status == SellerStatus::Published);
    CHECK(f.listings->findListing(id));
    CHECK(f.service->setStatus(f.aigerim, id, SellerStatus::Sold).status == SellerStatus::Sold);
    const std::optional<DetailsRow> sold = f.listings->findListing(id);
    REQUIRE(sold); // a sold car's page stays, marked sold
    CHECK(f.searchCount("status") == 0);

    CHECK_THROWS_AS(f.service->remove(f.bolat, id, true), ClientError);
    f.service->remove(f.aigerim, id, true);
    CHECK_FALSE(f.listings->findListing(id));
    CHECK(f.service->listings(f.aigerim).empty());
    // Deleted is final: it cannot be put back.
    CHECK_THROWS_AS(f.service->setStatus(f.aigerim, id, SellerStatus::Published), ClientError);
}

TEST_CASE("editor store: a retried upload replaces the first, and another seller's uploads are refused",
          "[contract][editor]")
{
    Fixture f;
    UploadRow u;
    u.clientKey = "photo-1";
    u.storageKey = "AAAAAAAAAAAAAAAAAAAAAA";
    u.width = 1280;
    u.height = 960;
    u.bytes = 10;
    const EditorRepository::PutUpload first = f.repo->putUpload(f.aigerim.userId, u, f.now);
    CHECK(first.replacedStorageKey.empty());
    u.storageKey = "BBBBBBBBBBBBBBBBBBBBBB";
    const EditorRepository::PutUpload again = f.repo->putUpload(f.aigerim.userId, u, f.now);
    CHECK(again.row.id == first.row.id);
    CHECK(again.replacedStorageKey == "AAAAAAAAAAAAAAAAAAAAAA");
    CHECK(f.repo->findUpload(f.aigerim.userId, first.row.id)->storageKey == "BBBBBBBBBBBBBBBBBBBBBB");
    CHECK_FALSE(f.repo->findUpload(f.bolat.userId, first.row.id));
    CHECK(f.repo->countUploads(f.aigerim.userId) == 1);

    // Bolat's draft names Aigerim's photos: not publishable.
    f.confirmPhone(f.bolat, "+77017654321");
    const DraftRow d = f.service->create(f.bolat, 0, std::nullopt);
    json doc = f.completeDocument(f.aigerim, "borrowed photos");
    const SaveResult saved = f.service->save(f.bolat, d.id, 1, doc);
    const PublishResult r = f.service->publish(f.bolat, d.id, saved.row.version);
    CHECK(r.listingId == 0);
    CHECK(hasProblem(r.problems, "photos", "unknown"));
}

TEST_CASE("editor store: a VIN that agrees with the car earns the VIN-checked badge, one that does not, none",
          "[contract][editor]")
{
    Fixture f;
    f.confirmPhone(f.aigerim, "+77011234567");
    const auto toyota = std::find_if(f.catalog.makes.begin(), f.catalog.makes.end(),
                                     [](const MakeRecord& m) { return m.name == "Toyota"; });
    REQUIRE(toyota != f.catalog.makes.end());
    const auto model = std::find_if(f.catalog.models.begin(), f.catalog.models.end(),
                                    [&](const ModelRecord& m) { return m.makeId == toyota->id; });
    const auto publishWith = [&](const std::string& vin, int year, const std::string& words) {
        json doc = f.completeDocument(f.aigerim, words);
        doc["make_id"] = toyota->id;
        doc["model_id"] = model->id;
        doc["year"] = year;
        doc["vin"] = vin;
        const DraftRow d = f.service->create(f.aigerim, 0, std::nullopt);
        const SaveResult saved = f.service->save(f.aigerim, d.id, 1, doc);
        const std::int64_t id = f.service->publish(f.aigerim, d.id, saved.row.version).listingId;
        REQUIRE(id > 0);
        return f.listings->findListing(id)->details.summary.vinVerified;
    };
    // JTD: Toyota, Japan; position 10 '3': model year 2003 (or 2033, not yet).
    CHECK(publishWith("JTDBR32E530012345", 2003, "agrees"));
    CHECK_FALSE(publishWith("JTDBR32E530012345", 2015, "another year"));
    CHECK_FALSE(publishWith("KNAPC81ABCD123456", 2003, "a Kia VIN")); // another make
}

// The "verified seller" and "dealer" badges against a real database on the engine the run
// targets (SQLite or PostgreSQL): a seller is verified when its account's email and phone are
// confirmed (or, a demo seller without an account, when the marketplace checked them), and the
// SQL search, the details, the live search index and its facet counts agree on it; a dealer is
// one an administrator approved: self-registering as a dealer sells as a private seller until
// then, and the approval (or its withdrawal) turns the listings' seller kind at once.

#include "store_fixture.hpp"
#include "test_database.hpp"

#include "server/db/open_database.hpp"
#include "server/demo/generator.hpp"
#include "server/features/accounts/account_service.hpp"
#include "server/features/editor/editor_repository.hpp"
#include "server/features/editor/editor_service.hpp"
#include "server/features/listings/sql_listing_repository.hpp"
#include "server/features/search/search_index.hpp"
#include "server/schema/migrations.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <mutex>
#include <regex>

using namespace dongelek;
using namespace dongelek::server;
using dongelek::test::TestDatabase;
using nlohmann::json;

namespace {

constexpr std::int64_t kNow = 1'796'000'000; // 2026-11-30
const std::string kPassword = "correct horse battery staple";

struct Outbox final : accounts::Mailer, accounts::SmsSender {
    std::mutex mutex;
    std::vector<accounts::Mail> mails;
    std::vector<accounts::Sms> sms;
    void send(const accounts::Mail& m) override
    {
        std::lock_guard lock(mutex);
        mails.push_back(m);
    }
    void send(const accounts::Sms& s) override
    {
        std::lock_guard lock(mutex);
        sms.push_back(s);
    }
};

// Passes the demo rows on to the store and keeps which sellers are verified and whose each
// listing is (what the store's answers must agree with).
class Recording final : public BulkWriter {
public:
    explicit Recording(BulkWriter& inner) : m_inner(inner) {}
    std::map<std::int64_t, bool> sellerVerified;
    std::map<std::int64_t, SellerKind> sellerKind;
    std::map<std::int64_t, std::int64_t> sellerOf; // listing -> seller

    void addMake(const MakeRecord& r) override { m_inner.addMake(r); }
    void addModel(const ModelRecord& r) override { m_inner.addModel(r); }
    void addCity(const CityRecord& r) override { m_inner.addCity(r); }
    void addSeller(const SellerRecord& r) override
    {
        sellerVerified[r.id] = r.verified;
        sellerKind[r.id] = r.kind;
        m_inner.addSeller(r);
    }
    void addListing(const ListingRecord& r) override
    {
        sellerOf[r.id] = r.sellerId;
        m_inner.addListing(r);
    }
    void commit() override { m_inner.commit(); }

private:
    BulkWriter& m_inner;
};

struct Fixture {
    TestDatabase tdb;
    std::unique_ptr<db::Database> database;
    std::unique_ptr<SqlListingRepository> listings;
    std::unique_ptr<accounts::AccountRepository> accountRepo;
    accounts::InProcessCounters counters;
    Outbox outbox;
    accounts::DeliveryQueue queue{nullptr};
    std::unique_ptr<accounts::AccountService> accounts;
    std::unique_ptr<editor::EditorRepository> editorRepo;
    std::unique_ptr<editor::EditorService> editor;
    std::int64_t clock = kNow;
    accounts::ClientInfo client{"10.0.0.1", "Mozilla/5.0 (X11; Linux x86_64) Chrome/120", "https://dongelek.test"};
    SearchCatalog catalog;
    std::map<std::int64_t, bool> demoVerified;         // seller -> verified
    std::map<std::int64_t, std::int64_t> demoSellerOf; // listing -> seller
    std::map<std::int64_t, SellerKind> demoKind;       // seller -> kind

    Fixture()
    {
        database = dongelek::test::openMigrated(tdb);
        listings = std::make_unique<SqlListingRepository>(*database);
        {
            auto writer = listings->beginBulkImport();
            Recording recording(*writer);
            demo::generateDemoData(recording, 42, 120);
            demoVerified = recording.sellerVerified;
            demoSellerOf = recording.sellerOf;
            demoKind = recording.sellerKind;
        }
        accountRepo = std::make_unique<accounts::AccountRepository>(*database);
        accounts = std::make_unique<accounts::AccountService>(
            *accountRepo, counters, outbox, outbox, queue, accounts::MessageTexts::load(DONGELEK_LOCALES_DIR "/mail"),
            accounts::AccountSettings{}, [this] { return clock; });
        editorRepo = std::make_unique<editor::EditorRepository>(*database);
        editor = std::make_unique<editor::EditorService>(*editorRepo, [this] { return clock; });
        catalog = listings->searchCatalog();
    }

    std::string lastMatch(bool mail, const std::string& pattern)
    {
        queue.drain();
        std::lock_guard lock(outbox.mutex);
        const std::regex re(pattern);
        if (mail) {
            for (auto it = outbox.mails.rbegin(); it != outbox.mails.rend(); ++it) {
                std::smatch m;
                if (std::regex_search(it->text, m, re)) return m[1];
            }
        } else if (!outbox.sms.empty()) {
            std::smatch m;
            if (std::regex_search(outbox.sms.back().text, m, re)) return m[1];
        }
        FAIL("nothing sent matches " << pattern);
        return {};
    }
    // Registers with `role` as the sign-up form does, confirms the email by the mailed link,
    // signs in, and confirms `phone` by the SMS code when given.
    Principal signUp(const std::string& email, const std::string& name, const std::string& role,
                     const std::string& phone)
    {
        accounts->registerAccount(email, kPassword, name, role, "en", client);
        accounts->verifyEmail(lastMatch(true, "/account/verify\\?token=([A-Za-z0-9_-]+)"), client);
        const accounts::SignedIn s = accounts->signIn(email, kPassword, std::nullopt, client);
        const Authentication a = accounts->authenticate(s.accessToken);
        REQUIRE(a.principal);
        if (!phone.empty()) confirmPhone(*a.principal, phone);
        return *a.principal;
    }
    void confirmPhone(const Principal& who, const std::string& phone)
    {
        accounts->addPhone(who, phone, client);
        accounts->confirmPhone(who, lastMatch(false, "([0-9]{6})"), client);
    }
    std::int64_t adminId() { return accounts->createAdmin("admin@example.kz", "Admin", kPassword); }
    // A complete listing of the catalog's first model in a Kazakh city, published by `who`.
    std::int64_t publish(const Principal& who, const std::string& description)
    {
        ListingDraft d = dongelek::test::completeDraft(catalog, 9'800'000'00, Currency::KZT, description);
        for (const char* key : {"a", "b", "c"}) {
            editor::UploadRow u;
            u.clientKey = std::string(key) + description;
            u.storageKey =
                (std::string(key) + std::to_string(who.userId) + description + std::string(22, 'a')).substr(0, 22);
            u.width = 1280;
            u.height = 960;
            u.bytes = 1000;
            const std::int64_t upload = editorRepo->putUpload(who.userId, u, clock).row.id;
            d.photos.push_back({u.clientKey, upload, 1280, 960});
        }
        const editor::DraftRow draft = editor->create(who, 0, std::nullopt);
        const editor::SaveResult saved = editor->save(who, draft.id, 1, draftDocument(d));
        const std::int64_t id = editor->publish(who, draft.id, saved.row.version).listingId;
        REQUIRE(id > 0);
        return id;
    }
    SearchIndex index() { return SearchIndex(listings->searchDocuments(), listings->searchCatalog(), 1); }
    // The listing published with `words` as every reader of the store shows it: the details,
    // the SQL search's summary and the index's summary, which must agree.
    ListingSummary shown(std::int64_t id, const std::string& words, bool* agree)
    {
        const std::optional<DetailsRow> details = listings->findListing(id);
        REQUIRE(details);
        ListingFilter f;
        f.pageSize = 100;
        f.query = words;
        const auto find = [&](const SearchResult& r) -> std::optional<ListingSummary> {
            for (const SummaryRow& row : r.rows)
                if (row.summary.id == id) return row.summary;
            return std::nullopt;
        };
        const auto sql = find(listings->search(f, clock));
        const auto fromIndex = find(index().search(f, clock));
        REQUIRE(sql);
        REQUIRE(fromIndex);
        const ListingSummary& s = details->details.summary;
        *agree = s.sellerVerified == sql->sellerVerified && s.sellerVerified == fromIndex->sellerVerified &&
                 s.sellerKind == sql->sellerKind && s.sellerKind == fromIndex->sellerKind &&
                 s.sellerKind == details->details.seller.kind;
        return s;
    }
};

} // namespace

TEST_CASE("badges: the demo's verified sellers are found by the filter, counted by the facet, shown on each card",
          "[contract][badges]")
{
    Fixture f;
    std::vector<std::int64_t> expected, expectedDealers;
    for (const auto& [listing, seller] : f.demoSellerOf)
        if (f.demoVerified.at(seller)) {
            expected.push_back(listing);
            if (f.demoKind.at(seller) == SellerKind::Dealer) expectedDealers.push_back(listing);
        }
    REQUIRE_FALSE(expected.empty());
    REQUIRE(expected.size() < f.demoSellerOf.size()); // some are, some are not

    ListingFilter filter;
    filter.sellerVerified = true;
    filter.pageSize = 100;
    const SearchIndex index = f.index();
    std::vector<std::int64_t> fromSql, fromIndex;
    std::int64_t sqlTotal = 0, indexTotal = 0;
    for (filter.page = 1; filter.page <= 2; ++filter.page) {
        const SearchResult sql = f.listings->search(filter, kNow);
        const SearchResult idx = index.search(filter, kNow);
        sqlTotal = sql.total;
        indexTotal = idx.total;
        for (const SummaryRow& r : sql.rows) {
            CHECK(r.summary.sellerVerified);
            fromSql.push_back(r.summary.id);
        }
        for (const SummaryRow& r : idx.rows) {
            CHECK(r.summary.sellerVerified);
            fromIndex.push_back(r.summary.id);
        }
    }
    std::sort(fromSql.begin(), fromSql.end());
    std::sort(fromIndex.begin(), fromIndex.end());
    CHECK(sqlTotal == static_cast<std::int64_t>(expected.size()));
    CHECK(indexTotal == sqlTotal);
    CHECK(fromSql == expected);
    CHECK(fromIndex == expected);

    // Every summary carries its seller's badge, the SQL's and the index's alike.
    ListingFilter all;
    all.pageSize = 100;
    for (all.page = 1; all.page <= 2; ++all.page) {
        const SearchResult sql = f.listings->search(all, kNow);
        const SearchResult idx = index.search(all, kNow);
        REQUIRE(sql.rows.size() == idx.rows.size());
        for (std::size_t i = 0; i < sql.rows.size(); ++i) {
            const ListingSummary& s = sql.rows[i].summary;
            CHECK(s.sellerVerified == f.demoVerified.at(f.demoSellerOf.at(s.id)));
            CHECK(idx.rows[i].summary.sellerVerified == s.sellerVerified);
        }
    }
    const std::optional<DetailsRow> one = f.listings->findListing(expected.front());
    REQUIRE(one);
    CHECK(one->details.summary.sellerVerified);

    // The facet: how many the filter would leave, given the other filters.
    CHECK(index.facets(ListingFilter{}, kNow).count("verified_seller", "1") ==
          static_cast<std::int64_t>(expected.size()));
    ListingFilter dealers;
    dealers.sellerKind = SellerKind::Dealer;
    CHECK(index.facets(dealers, kNow).count("verified_seller", "1") ==
          static_cast<std::int64_t>(expectedDealers.size()));
    dealers.sellerVerified = true;
    CHECK(f.listings->search(dealers, kNow).total == static_cast<std::int64_t>(expectedDealers.size()));
    // With the filter on, its own count is the total it would leave off (disjunctive facets).
    CHECK(index.facets(filter, kNow).count("verified_seller", "1") == static_cast<std::int64_t>(expected.size()));
    CHECK(index.facets(filter, kNow).total == static_cast<std::int64_t>(expected.size()));
}

TEST_CASE("badges: a seller whose account confirmed its email and phone is verified, one without a phone is not",
          "[contract][badges]")
{
    Fixture f;
    const Principal aigerim = f.signUp("aigerim@example.kz", "Aigerim", "seller", "+77011234567");
    const std::int64_t mine = f.publish(aigerim, "verified words");
    bool agree = false;
    ListingSummary s = f.shown(mine, "verified words", &agree);
    CHECK(agree);
    CHECK(s.sellerVerified);
    ListingFilter verifiedOnly;
    verifiedOnly.sellerVerified = true;
    verifiedOnly.query = "verified words";
    CHECK(f.listings->search(verifiedOnly, f.clock).total == 1);
    CHECK(f.index().search(verifiedOnly, f.clock).total == 1);

    // Bolat's account (a confirmed email, no phone yet) manages a demo seller the marketplace
    // has not checked: his listings carry no badge; once he confirms his phone they do, and
    // cached search answers follow (the data version moves).
    const Principal bolat = f.signUp("bolat@example.kz", "Bolat", "seller", "");
    std::int64_t unverifiedSeller = 0;
    for (const auto& [seller, verified] : f.demoVerified)
        if (!verified) {
            unverifiedSeller = seller;
            break;
        }
    REQUIRE(unverifiedSeller > 0);
    std::int64_t his = 0;
    for (const auto& [listing, seller] : f.demoSellerOf)
        if (seller == unverifiedSeller) {
            his = listing;
            break;
        }
    REQUIRE(his > 0);
    {
        auto lease = f.database->acquire();
        db::WriteTransaction tx(lease);
        tx.connection()
            .prepare("UPDATE sellers SET user_id = ? WHERE id = ?")
            .bind(1, bolat.userId)
            .bind(2, unverifiedSeller)
            .run();
        tx.commit();
    }
    CHECK_FALSE(f.listings->findListing(his)->details.summary.sellerVerified);
    ListingFilter filter;
    filter.sellerVerified = true;
    filter.pageSize = 100;
    const auto hasHis = [&](const SearchResult& r) {
        return std::any_of(r.rows.begin(), r.rows.end(), [&](const SummaryRow& row) { return row.summary.id == his; });
    };
    const std::int64_t before = f.listings->search(filter, f.clock).total;
    CHECK(f.index().search(filter, f.clock).total == before);
    CHECK(f.index().facets(ListingFilter{}, f.clock).count("verified_seller", "1") == before);

    const std::uint64_t version = f.database->refreshDataVersion();
    f.confirmPhone(bolat, "+77017654321");
    CHECK(f.database->refreshDataVersion() > version);
    CHECK(f.listings->findListing(his)->details.summary.sellerVerified);
    const std::int64_t sellersListings = std::count_if(f.demoSellerOf.begin(), f.demoSellerOf.end(),
                                                       [&](const auto& p) { return p.second == unverifiedSeller; });
    CHECK(f.listings->search(filter, f.clock).total == before + sellersListings);
    CHECK(f.index().facets(ListingFilter{}, f.clock).count("verified_seller", "1") == before + sellersListings);
    bool anyPage = false;
    for (filter.page = 1; filter.page <= 2; ++filter.page)
        anyPage = anyPage || hasHis(f.index().search(filter, f.clock));
    CHECK(anyPage);

    // A user without a seller row changes nothing buyers see: the phone stays private.
    const Principal dana = f.signUp("dana@example.kz", "Dana", "buyer", "");
    const std::uint64_t quiet = f.database->refreshDataVersion();
    f.confirmPhone(dana, "+77019876543");
    CHECK(f.database->refreshDataVersion() == quiet);
}

TEST_CASE("badges: a self-registered dealer sells as a private seller until an administrator approves the role",
          "[contract][badges]")
{
    Fixture f;
    const Principal dealer = f.signUp("autohouse@example.kz", "Auto House", "dealer", "+77011112233");
    const std::int64_t listing = f.publish(dealer, "dealer words");
    bool agree = false;
    CHECK(f.shown(listing, "dealer words", &agree).sellerKind == SellerKind::Private);
    CHECK(agree);
    ListingFilter dealers;
    dealers.sellerKind = SellerKind::Dealer;
    dealers.query = "dealer words";
    CHECK(f.listings->search(dealers, f.clock).total == 0);

    // The administrator approves: the listing is a dealer's at once, everywhere.
    const std::int64_t admin = f.adminId();
    const std::uint64_t version = f.database->refreshDataVersion();
    f.accounts->setRole(dealer.userId, Role::Dealer, admin, "10.0.0.9");
    CHECK(f.database->refreshDataVersion() > version);
    ListingSummary s = f.shown(listing, "dealer words", &agree);
    CHECK(s.sellerKind == SellerKind::Dealer);
    CHECK(agree);
    CHECK(f.listings->search(dealers, f.clock).total == 1);
    CHECK(f.index().search(dealers, f.clock).total == 1);
    // A second listing of an approved dealer is a dealer's from the start.
    const std::int64_t second = f.publish(dealer, "second dealer words");
    CHECK(f.shown(second, "second dealer words", &agree).sellerKind == SellerKind::Dealer);
    CHECK(agree);

    // Another role withdraws the approval: private again.
    f.accounts->setRole(dealer.userId, Role::Seller, admin, "10.0.0.9");
    CHECK(f.shown(listing, "dealer words", &agree).sellerKind == SellerKind::Private);
    CHECK(agree);
    CHECK(f.shown(second, "second dealer words", &agree).sellerKind == SellerKind::Private);
    CHECK(f.listings->search(dealers, f.clock).total == 0);

    // A buyer an administrator made a dealer before any listing: the first one is a dealer's.
    const Principal erlan = f.signUp("erlan@example.kz", "Erlan Motors", "buyer", "+77014445566");
    f.accounts->setRole(erlan.userId, Role::Dealer, admin, "10.0.0.9");
    CHECK(f.shown(f.publish(erlan, "approved before"), "approved before", &agree).sellerKind == SellerKind::Dealer);
    CHECK(agree);
}

// The loan-application store and service against a real database on the engine the run
// targets (SQLite or PostgreSQL): one call's applications written together or not at all,
// each user's own newest first and another's out of reach, one open application per user,
// listing and bank (also when two calls race), the status transitions with the offer's
// payment from the core engine, and writes that leave the public data version alone.

#include "test_database.hpp"

#include "server/db/open_database.hpp"
#include "server/demo/generator.hpp"
#include "server/features/accounts/account_repository.hpp"
#include "server/features/finance/finance_files.hpp"
#include "server/features/finance/finance_service.hpp"
#include "server/features/listings/sql_listing_repository.hpp"
#include "server/http/errors.hpp"
#include "server/schema/migrations.hpp"

#include "core/finance/loan.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <thread>

using namespace dongelek;
using namespace dongelek::server;
using namespace dongelek::server::finance;
using dongelek::test::TestDatabase;

namespace {

struct Fixture {
    TestDatabase tdb;
    std::unique_ptr<db::Database> database;
    FinanceFiles files = loadFinanceFiles(DONGELEK_TARIFFS_DIR);
    std::unique_ptr<LoanApplicationRepository> repo;
    std::unique_ptr<FinanceService> service;
    std::int64_t clock = 1'800'000'000;
    std::int64_t alice = 0, bolat = 0;
    ListingFacts kz, kz2, bh;

    Fixture()
    {
        database = db::openDatabase(tdb.url());
        REQUIRE(schema::migrate(*database) >= 11);
        SqlListingRepository listings(*database);
        auto writer = listings.beginBulkImport();
        demo::generateDemoData(*writer, 42, 40);
        writer.reset();
        accounts::AccountRepository accounts(*database);
        alice = *accounts.createUser({"alice@example.kz", "x", "Alice", "buyer", "en", true}, 100);
        bolat = *accounts.createUser({"bolat@example.kz", "x", "Bolat", "buyer", "en", true}, 100);
        repo = std::make_unique<LoanApplicationRepository>(*database);
        service = std::make_unique<FinanceService>(*repo, files.banks, [this] { return clock; });
        for (std::int64_t id = 1; id <= 40; ++id) {
            const auto f = repo->listing(id);
            REQUIRE(f);
            if (f->country == Country::KZ && kz.id == 0)
                kz = *f;
            else if (f->country == Country::KZ && kz2.id == 0)
                kz2 = *f;
            else if (f->country == Country::BH && bh.id == 0)
                bh = *f;
        }
        REQUIRE(kz.id > 0);
        REQUIRE(kz2.id > 0);
        REQUIRE(bh.id > 0);
    }

    // A valid application for `listing` to `banks`: 30 % down (every demo bank's minimum or more), 48 months.
    ApplicationRequest request(const ListingFacts& listing, std::vector<std::string> banks,
                               const std::string& repayment = "annuity") const
    {
        ApplicationRequest r;
        r.listingId = listing.id;
        r.bankIds = std::move(banks);
        r.terms.priceMinor = listing.price.amountMinor;
        r.terms.currency = std::string(toString(listing.price.currency));
        r.terms.downPaymentMinor = minimumDownPayment(listing.price.amountMinor, 3000);
        r.terms.tradeInMinor = 0;
        r.terms.termMonths = 48;
        r.terms.repayment = repayment;
        r.applicant.fullName = "Алия Нурланова";
        r.applicant.phone = listing.country == Country::BH ? "+973 3600 1234" : "+7 701 234-56-78";
        r.applicant.email = "aliya@example.kz";
        r.applicant.nationalId = listing.country == Country::BH ? "880101234" : "900101300123";
        r.applicant.monthlyIncomeMinor = 60'000'000;
        r.applicant.employment = "employed";
        r.consent = true;
        return r;
    }

    int statusOf(const std::function<void()>& f)
    {
        try {
            f();
        } catch (const ClientError& e) {
            return e.error().status;
        }
        return 0;
    }
};

Caller as(std::int64_t userId, bool admin = false)
{
    return Caller{userId, admin};
}

} // namespace

TEST_CASE("one call writes an application per bank, listed newest first for their owner only", "[finance][contract]")
{
    Fixture f;
    const auto version = f.database->dataVersion();
    const std::vector<LoanApplication> first = f.service->apply(f.alice, f.request(f.kz, {"dala", "steppe", "tumar"}));
    REQUIRE(first.size() == 3);
    CHECK(first[0].bankId == "dala");
    CHECK(first[1].bankId == "steppe");
    CHECK(first[2].bankId == "tumar");
    for (const LoanApplication& a : first) {
        CHECK(a.id > 0);
        CHECK(a.userId == f.alice);
        CHECK(a.status == ApplicationStatus::Submitted);
        CHECK(a.listingTitle == f.kz.title);
        CHECK(a.createdAt == f.clock);
        CHECK_FALSE(a.offer);
        CHECK(a.applicant.nationalId == "900101300123");
    }
    CHECK(first[0].bankName == "Dala Bank");
    f.clock += 60;
    const std::vector<LoanApplication> second = f.service->apply(f.alice, f.request(f.kz2, {"steppe"}));
    REQUIRE(second.size() == 1);

    const std::vector<LoanApplication> mine = f.service->list(as(f.alice), false, 100);
    REQUIRE(mine.size() == 4);
    CHECK(mine[0].id == second[0].id); // newest first
    CHECK(mine[0].listingId == f.kz2.id);
    CHECK(mine[1].id == first[2].id); // then by id within one call
    CHECK(mine[3].id == first[0].id);
    CHECK(f.service->list(as(f.alice), false, 2).size() == 2);
    // What was stored reads back the same.
    const LoanApplication back = f.service->get(as(f.alice), first[1].id);
    CHECK(back.terms.monthlyPaymentMinor == first[1].terms.monthlyPaymentMinor);
    CHECK(back.terms.downPaymentMinor == first[1].terms.downPaymentMinor);
    CHECK(back.monthlyFeeMinor == 150000); // steppe's, kept for the offer
    CHECK(back.applicant.fullName == "Алия Нурланова");
    CHECK(back.applicant.employment == Employment::Employed);

    // Bolat sees none of them; an administrator sees all of them.
    CHECK(f.service->list(as(f.bolat), false, 100).empty());
    CHECK(f.statusOf([&] { f.service->get(as(f.bolat), first[0].id); }) == 404);
    CHECK(f.statusOf([&] { f.service->get(as(f.bolat), 987654); }) == 404);
    CHECK(f.statusOf([&] { f.service->list(as(f.bolat), true, 100); }) == 403);
    CHECK(f.service->get(as(f.bolat, true), first[0].id).userId == f.alice);
    CHECK(f.service->list(as(f.bolat, true), true, 100).size() == 4);
    // Private writes: cached public answers stay valid.
    CHECK(f.database->dataVersion() == version);
}

TEST_CASE("the monthly payment is the core engine's at the bank's lowest rate", "[finance][contract]")
{
    Fixture f;
    const ApplicationRequest r = f.request(f.kz, {"steppe"}, "differentiated");
    const LoanApplication a = f.service->apply(f.alice, r).front();
    const Bank& steppe = *f.files.banks.find("steppe");
    dongelek::finance::LoanInput in;
    in.currency = Currency::KZT;
    in.priceMinor = r.terms.priceMinor;
    in.downPayment = dongelek::finance::Share::amount(r.terms.downPaymentMinor);
    in.termMonths = 48;
    in.annualRateBp = steppe.rateMinBp;
    in.oneTimeFee = dongelek::finance::Share::percentBp(steppe.oneTimeFeeBp);
    in.monthlyFeeMinor = steppe.monthlyFeeMinor;
    in.insurancePerYearMinor = 0;
    in.repayment = dongelek::finance::Repayment::Differentiated;
    const auto loan = dongelek::finance::computeLoan(in);
    REQUIRE(loan.ok());
    CHECK(a.terms.rateBp == steppe.rateMinBp);
    CHECK(a.terms.repayment == Repayment::Differentiated);
    CHECK(a.terms.monthlyPaymentMinor == loan.schedule.summary.firstPayment);

    // Murabaha: equal instalments of (cost + flat profit) / n.
    const LoanApplication m = f.service->apply(f.alice, f.request(f.bh, {"sadaf"}, "murabaha")).front();
    const Bank& sadaf = *f.files.banks.find("sadaf");
    const std::int64_t cost = f.bh.price.amountMinor - minimumDownPayment(f.bh.price.amountMinor, 3000);
    const std::int64_t profit = dongelek::finance::mulDivHalfUp(cost, sadaf.rateMinBp * 48, 120000);
    CHECK(m.terms.currency == Currency::BHD);
    CHECK(m.terms.monthlyPaymentMinor == (cost + profit) / 48);
}

TEST_CASE("a duplicate open application refuses the whole call and writes nothing", "[finance][contract]")
{
    Fixture f;
    const LoanApplication dala = f.service->apply(f.alice, f.request(f.kz, {"dala"})).front();
    try {
        f.service->apply(f.alice, f.request(f.kz, {"steppe", "dala"}));
        FAIL("no error");
    } catch (const ClientError& e) {
        CHECK(e.error().status == 409);
        CHECK(e.error().error.code == "application_open");
        CHECK(e.error().error.field == "bank_ids[1]");
        CHECK(e.error().error.message.find("dala") != std::string::npos);
    }
    // Steppe's row, written before Dala's conflict, went with the transaction.
    REQUIRE(f.service->list(as(f.alice), false, 100).size() == 1);
    // Another user, or another listing, is not a duplicate.
    CHECK(f.service->apply(f.bolat, f.request(f.kz, {"dala"})).size() == 1);
    CHECK(f.service->apply(f.alice, f.request(f.kz2, {"dala"})).size() == 1);
    // Once the bank has answered, the buyer may apply again.
    f.service->changeStatus(dala.id, StatusChange{"declined", std::nullopt});
    CHECK(f.service->apply(f.alice, f.request(f.kz, {"dala", "steppe"})).size() == 2);
    CHECK(f.service->list(as(f.alice), false, 100).size() == 4);
}

TEST_CASE("two calls at once open one application per listing and bank, never two", "[finance][contract]")
{
    Fixture f;
    std::atomic<int> created{0}, refused{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < 4; ++i)
        threads.emplace_back([&] {
            try {
                f.service->apply(f.alice, f.request(f.kz, {"tumar"}));
                ++created;
            } catch (const ClientError& e) {
                if (e.error().status == 409) ++refused;
            }
        });
    for (std::thread& t : threads)
        t.join();
    CHECK(created == 1);
    CHECK(refused == 3);
    CHECK(f.repo->listForUser(f.alice, 100).size() == 1);
}

TEST_CASE("the repository writes all rows or none and refuses past the open limit", "[finance][contract]")
{
    Fixture f;
    LoanApplication row;
    row.userId = f.alice;
    row.listingId = f.kz.id;
    row.listingTitle = f.kz.title;
    row.bankName = "Dala Bank";
    row.terms = ApplicationTerms{Currency::KZT, 1000, 300, 0, 12, Repayment::Annuity, 1750, 60};
    row.applicant = Applicant{"Alice", "+7 701 000 00 00", "", "900101300123", 0, Employment::Other};
    LoanApplication a = row, b = row, c = row;
    a.bankId = "dala";
    b.bankId = "steppe";
    c.bankId = "dala"; // the same bank twice in one call: the second conflicts with the first
    CreateOutcome dup = f.repo->create({a, b, c}, 500, 30);
    CHECK(dup.created.empty());
    CHECK(dup.openBankId == "dala");
    CHECK(f.repo->listForUser(f.alice, 100).empty());

    CreateOutcome ok = f.repo->create({a, b}, 500, 30);
    REQUIRE(ok.created.size() == 2);
    CHECK(ok.created[0].id < ok.created[1].id);
    CHECK(ok.created[1].createdAt == 500);
    LoanApplication t = row;
    t.bankId = "tumar";
    CHECK(f.repo->create({t}, 501, 2).tooMany);
    CHECK(f.repo->listForUser(f.alice, 100).size() == 2);
    // A status change from a status the row is no longer in does nothing.
    CHECK_FALSE(f.repo->changeStatus(ok.created[0].id, ApplicationStatus::InReview, ApplicationStatus::Approved,
                                     std::nullopt, 600));
    CHECK(f.repo->changeStatus(ok.created[0].id, ApplicationStatus::Submitted, ApplicationStatus::InReview,
                               std::nullopt, 600));
    const auto moved = f.repo->find(ok.created[0].id);
    CHECK(moved->status == ApplicationStatus::InReview);
    CHECK(moved->updatedAt == 600);
    CHECK(moved->createdAt == 500);
    CHECK(f.repo->listAll(100).size() == 2);
    CHECK(f.repo->listForUser(f.bolat, 100).empty());
}

TEST_CASE("status changes follow submitted, in_review, approved or declined, with the offer computed",
          "[finance][contract]")
{
    Fixture f;
    const auto apps = f.service->apply(f.alice, f.request(f.kz, {"dala", "tumar"}));
    const std::int64_t id = apps[0].id;
    const auto code = [&](const StatusChange& c) {
        try {
            f.service->changeStatus(id, c);
        } catch (const ClientError& e) {
            return std::to_string(e.error().status) + " " + e.error().error.code + " " + e.error().error.field;
        }
        return std::string("ok");
    };
    const OfferRequest offer{1900, 36, "Subject to the car's inspection"};
    CHECK(code({"approved", offer}) == "409 invalid_transition status"); // not reviewed yet
    CHECK(code({"submitted", std::nullopt}) == "422 invalid_field status");
    CHECK(code({"in_review", offer}) == "422 invalid_field offer");
    f.clock += 10;
    CHECK(code({"in_review", std::nullopt}) == "ok");
    CHECK(code({"in_review", std::nullopt}) == "409 invalid_transition status");
    CHECK(code({"approved", std::nullopt}) == "422 offer_required offer");
    CHECK(code({"approved", OfferRequest{10001, 36, ""}}) == "422 invalid_field offer.rate_bp");
    CHECK(code({"approved", OfferRequest{1900, 0, ""}}) == "422 invalid_field offer.term_months");
    f.clock += 10;
    const LoanApplication approved = f.service->changeStatus(id, {"approved", offer});
    CHECK(approved.status == ApplicationStatus::Approved);
    REQUIRE(approved.offer);
    CHECK(approved.offer->rateBp == 1900);
    CHECK(approved.offer->termMonths == 36);
    CHECK(approved.offer->note == "Subject to the car's inspection");
    CHECK(approved.updatedAt == f.clock);
    CHECK(approved.createdAt == apps[0].createdAt);
    const Bank& dala = *f.files.banks.find("dala");
    const PaymentResult expected =
        monthlyPayment(PaymentTerms{Currency::KZT, apps[0].terms.priceMinor, apps[0].terms.downPaymentMinor, 0, 36,
                                    Repayment::Annuity, 1900, dala.oneTimeFeeBp, dala.monthlyFeeMinor},
                       dongelek::finance::CivilDate{2027, 1, 15});
    CHECK(approved.offer->monthlyPaymentMinor == expected.monthlyPaymentMinor);
    CHECK(approved.offer->monthlyPaymentMinor > apps[0].terms.monthlyPaymentMinor); // higher rate, shorter term
    // Final: nothing moves an approved application.
    CHECK(code({"declined", std::nullopt}) == "409 invalid_transition status");
    CHECK(f.service->get(as(f.alice), id).offer->monthlyPaymentMinor == approved.offer->monthlyPaymentMinor);
    // submitted → declined directly; declined is final too.
    const std::int64_t other = apps[1].id;
    CHECK(f.service->changeStatus(other, {"declined", std::nullopt}).status == ApplicationStatus::Declined);
    CHECK_FALSE(f.service->get(as(f.alice), other).offer);
    try {
        f.service->changeStatus(other, {"in_review", std::nullopt});
        FAIL("no error");
    } catch (const ClientError& e) {
        CHECK(e.error().status == 409);
        CHECK(e.error().error.message.find("declined") != std::string::npos);
    }
    CHECK(f.statusOf([&] { f.service->changeStatus(999999, {"in_review", std::nullopt}); }) == 404);
}

TEST_CASE("the service refuses applications that break the listing's or the bank's rules", "[finance][contract]")
{
    Fixture f;
    const auto refusal = [&](ApplicationRequest r) {
        try {
            f.service->apply(f.alice, r);
        } catch (const ClientError& e) {
            return std::to_string(e.error().status) + " " + e.error().error.code + " " + e.error().error.field;
        }
        return std::string("ok");
    };
    ApplicationRequest r = f.request(f.kz, {"dala"});
    r.consent = false;
    CHECK(refusal(r) == "422 consent_required consent");
    r = f.request(f.kz, {"dala"});
    r.listingId = 99999;
    CHECK(refusal(r) == "422 listing_unavailable listing_id");
    r = f.request(f.kz, {"dala", "pearl"});
    CHECK(refusal(r) == "422 bank_country bank_ids[1]");
    r = f.request(f.kz, {"dala", "nosuch"});
    CHECK(refusal(r) == "422 unknown_bank bank_ids[1]");
    r = f.request(f.kz, {"dala", "steppe", "tumar", "dala"});
    CHECK(refusal(r) == "422 invalid_field bank_ids[3]");
    r = f.request(f.kz, {});
    CHECK(refusal(r) == "422 invalid_field bank_ids");
    r = f.request(f.kz, {"dala"});
    r.terms.currency = "BHD";
    CHECK(refusal(r) == "422 currency_mismatch terms.currency");
    r = f.request(f.kz, {"dala"});
    r.terms.priceMinor -= 100;
    CHECK(refusal(r) == "422 price_mismatch terms.price_minor");
    r = f.request(f.kz, {"dala", "steppe"});
    r.terms.termMonths = 72; // Dala's 6..84 but Steppe's 12..60
    CHECK(refusal(r) == "422 term_out_of_range terms.term_months");
    r = f.request(f.kz, {"steppe", "dala"});
    r.terms.downPaymentMinor = minimumDownPayment(r.terms.priceMinor, 2000) - 1; // Steppe's 10 % but not Dala's 20 %
    CHECK(refusal(r) == "422 down_payment_too_small terms.down_payment_minor");
    r.terms.downPaymentMinor += 1;
    CHECK(refusal(r) == "ok");
    r = f.request(f.kz, {"dala"});
    r.terms.downPaymentMinor = r.terms.priceMinor;
    CHECK(refusal(r) == "422 down_payment_too_large terms.down_payment_minor");
    r = f.request(f.kz, {"dala"}, "murabaha");
    CHECK(refusal(r) == "422 repayment_mismatch terms.repayment");
    r = f.request(f.bh, {"sadaf"}, "annuity");
    CHECK(refusal(r) == "422 repayment_mismatch terms.repayment");
    r = f.request(f.bh, {"pearl"});
    r.applicant.nationalId = "900101300123"; // a Kazakh IIN for a Bahraini car
    CHECK(refusal(r) == "422 invalid_national_id applicant.national_id");
    r = f.request(f.kz, {"tumar"});
    r.applicant.fullName = "A";
    CHECK(refusal(r) == "422 invalid_field applicant.full_name");
    r.applicant.fullName = std::string(121, 'a');
    CHECK(refusal(r) == "422 invalid_field applicant.full_name");
    r = f.request(f.kz, {"tumar"});
    r.applicant.phone = "+7 (701) 234";
    CHECK(refusal(r) == "422 invalid_field applicant.phone");
    r = f.request(f.kz, {"tumar"});
    r.applicant.email = "not an email";
    CHECK(refusal(r) == "422 invalid_field applicant.email");
    r.applicant.email = ""; // optional
    r.applicant.monthlyIncomeMinor = -1;
    CHECK(refusal(r) == "422 invalid_field applicant.monthly_income_minor");
    r.applicant.monthlyIncomeMinor = 0;
    r.applicant.employment = "astronaut";
    CHECK(refusal(r) == "422 invalid_field applicant.employment");
    CHECK(f.repo->listForUser(f.alice, 100).size() == 2); // only the "ok" above: Steppe and Dala
}

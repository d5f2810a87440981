// Applying from the loan calculator: the partner banks of the listing's country, each one's
// payment at its lowest rate and whether the terms fit it, the POST body from the calculator's
// terms and the applicant's details, a refusal naming a field (everything typed stays), and the
// buyer's applications for this listing with their statuses.

#include "account_harness.hpp"

#include "client/features/finance/finance_module.hpp"

#include <catch2/catch.hpp>

using namespace dongelek;
using namespace dongelek::test;

namespace {

struct ApplyHarness : AccountHarness {
    FinanceModule& finance = app.add<FinanceModule>();
    ApplyHarness()
    {
        finance.setToday([] { return finance::CivilDate{2026, 1, 15}; });
    }
    const FinanceApplyState& apply() const { return finance.state().apply; }
};

std::string listingJson(std::int64_t id)
{
    ListingDetails d;
    d.summary = summary(id);
    d.summary.country = Country::KZ;
    d.summary.price = {1'250'000'000, Currency::KZT};
    return nlohmann::json(d).dump();
}

nlohmann::json bank(const std::string& id, const std::string& name, int termMin, int termMax, int downBp)
{
    return {{"id", id},           {"name", name},           {"demo", true},
            {"country", "KZ"},    {"currency", "KZT"},      {"kind", "loan"},
            {"rate_min_bp", 1750}, {"rate_max_bp", 2490},   {"term_min_months", termMin},
            {"term_max_months", termMax}, {"min_down_payment_bp", downBp}, {"one_time_fee_bp", 0},
            {"monthly_fee_minor", 0}, {"insurance_required", true}, {"max_car_age_years", 15},
            {"min_monthly_income_minor", 15000000}};
}

std::string banksJson()
{
    return nlohmann::json{{"banks",
                           {bank("dala", "Dala Bank", 6, 84, 2000), bank("steppe", "Steppe Credit", 12, 60, 1000),
                            bank("tumar", "Tumar Auto Finance", 12, 36, 3000)}}}
        .dump();
}

nlohmann::json application(std::int64_t id, std::int64_t listingId, const std::string& bankId, const std::string& status)
{
    nlohmann::json offer = nullptr;
    if (status == "approved") offer = {{"rate_bp", 1800}, {"term_months", 60}, {"monthly_payment_minor", 25000000}, {"note", nullptr}};
    return {{"id", id},
            {"listing_id", listingId},
            {"listing_title", "Toyota Camry"},
            {"bank_id", bankId},
            {"bank_name", bankId == "dala" ? "Dala Bank" : "Steppe Credit"},
            {"status", status},
            {"terms",
             {{"price_minor", 1250000000}, {"currency", "KZT"}, {"down_payment_minor", 250000000}, {"trade_in_minor", 0},
              {"term_months", 60}, {"repayment", "annuity"}, {"rate_bp", 1750}, {"monthly_payment_minor", 25123456}}},
            {"applicant", {{"full_name", "A"}, {"phone", "1"}, {"email", nullptr}, {"national_id", "1"},
                           {"monthly_income_minor", 1}, {"employment", "employed"}}},
            {"offer", offer},
            {"created_at", "2026-12-02T09:31:05Z"},
            {"updated_at", "2026-12-02T09:31:05Z"}};
}

std::string appsJson(std::vector<nlohmann::json> items) { return nlohmann::json{{"applications", items}}.dump(); }

void openSignedIn(ApplyHarness& h, const std::string& url = "/listing/5/finance")
{
    h.startSignedIn(url);
    h.reply(h.http.last("/api/v1/listings/5"), 200, listingJson(5));
    REQUIRE(h.finance.state().listing.status() == Status::Ready);
}

} // namespace

TEST_CASE("the calculator asks for the partner banks of the listing's country and prices each at its lowest rate", "[client][finance]")
{
    ApplyHarness h;
    openSignedIn(h);
    const auto i = h.http.last(FinanceModule::kBanksUrl);
    CHECK(h.http.request(i).url == "/api/v1/finance/banks?country=KZ");
    h.reply(i, 200, banksJson());
    REQUIRE(h.apply().banks.has());
    REQUIRE(h.apply().banks.value().banks.size() == 3);
    const auto terms = h.finance.applyTerms();
    REQUIRE(terms);
    CHECK(terms->priceMinor == 1'250'000'000);
    CHECK(terms->downPaymentMinor == 250'000'000); // the default 20 %
    CHECK(terms->termMonths == 60);
    const auto& banks = h.apply().banks.value().banks;
    const BankFit dala = bankFit(banks[0], *terms);
    CHECK(dala.choosable());
    REQUIRE(dala.monthlyMinor);
    // 10,000,000 ₸ over 60 months at 17.5 %: the annuity formula.
    CHECK(*dala.monthlyMinor == finance::annuityPayment(1'000'000'000, 1750, 60));
    CHECK(bankFit(banks[1], *terms).choosable());
    // 36 months at most, 30 % down at least: dimmed with the first reason.
    CHECK(std::string(bankFit(banks[2], *terms).reason) == "finance.apply.bank.term_range");
    h.finance.chooseTerm(36);
    CHECK(std::string(bankFit(banks[2], *h.finance.applyTerms()).reason) == "finance.apply.bank.down_min");
    // The car is 7 years old (2019 in 2026): a bank that lends on cars up to 5 years is dimmed.
    CHECK(terms->carAgeYears == 7);
    PartnerBank young = banks[0];
    young.maxCarAgeYears = 5;
    CHECK(std::string(bankFit(young, *terms).reason) == "finance.apply.bank.car_age");
    young.maxCarAgeYears = 7;
    CHECK(bankFit(young, *terms).choosable());
    // Ticking a bank that does not fit sends nothing to it.
    h.finance.toggleBank("tumar");
    h.finance.toggleBank("dala");
    CHECK(h.finance.chosenBanks() == std::vector<std::string>{"dala"});
}

TEST_CASE("applying posts the calculator's terms and the applicant's details, then shows the statuses", "[client][finance]")
{
    ApplyHarness h;
    openSignedIn(h);
    h.reply(h.http.last(FinanceModule::kBanksUrl), 200, banksJson());
    // Signed in on the calculator: the buyer's applications are asked for (another listing's are not shown).
    h.replyLast(FinanceModule::kApplicationsUrl, 200, appsJson({application(1, 99, "dala", "declined")}));
    CHECK(h.finance.applicationsHere().empty());

    h.finance.toggleBank("dala");
    h.finance.toggleBank("steppe");
    h.finance.setApplicant(ApplicantField::FullName, "Aigerim Bekova");
    h.finance.setApplicant(ApplicantField::Phone, "+7 701 234 56 78");
    h.finance.setApplicant(ApplicantField::NationalId, "900101300123");
    h.finance.setApplicant(ApplicantField::Income, "800000");
    h.finance.setEmployment("self_employed");
    h.finance.setConsent(true);
    const std::size_t before = h.http.size();
    h.finance.submitApplication();
    REQUIRE(h.http.size() == before + 1);
    const auto& post = h.http.request(h.http.last(FinanceModule::kApplicationsUrl));
    CHECK(post.method == "POST");
    CHECK(post.header("Authorization") == "Bearer t1");
    const auto body = nlohmann::json::parse(post.body);
    CHECK(body["listing_id"] == 5);
    CHECK(body["bank_ids"] == nlohmann::json::array({"dala", "steppe"}));
    CHECK(body["terms"] == nlohmann::json{{"price_minor", 1250000000}, {"currency", "KZT"}, {"down_payment_minor", 250000000},
                                          {"trade_in_minor", 0}, {"term_months", 60}, {"repayment", "annuity"}});
    CHECK(body["applicant"]["full_name"] == "Aigerim Bekova");
    CHECK(body["applicant"]["email"] == "aigerim@example.kz"); // the account's
    CHECK(body["applicant"]["monthly_income_minor"] == 80000000);
    CHECK(body["applicant"]["employment"] == "self_employed");
    CHECK(body["consent"] == true);
    CHECK(h.apply().submitting);

    h.replyLast(FinanceModule::kApplicationsUrl, 201,
                appsJson({application(7, 5, "dala", "submitted"), application(8, 5, "steppe", "submitted")}));
    CHECK_FALSE(h.apply().submitting);
    auto here = h.finance.applicationsHere();
    REQUIRE(here.size() == 2);
    CHECK(here[0].status == ApplicationStatus::Submitted);
    CHECK(here[1].bankName == "Steppe Credit");
    CHECK(h.apply().justSent.size() == 2);

    // Later: Refresh shows where they stand.
    h.finance.refreshApplications();
    h.replyLast(FinanceModule::kApplicationsUrl, 200,
                appsJson({application(8, 5, "steppe", "in_review"), application(7, 5, "dala", "approved")}));
    here = h.finance.applicationsHere();
    REQUIRE(here.size() == 2);
    CHECK(here[0].status == ApplicationStatus::InReview);
    CHECK(here[1].status == ApplicationStatus::Approved);
    REQUIRE(here[1].offer);
    CHECK(here[1].offer->rateBp == 1800);
    CHECK(here[1].offer->monthlyPaymentMinor == 25000000);
}

TEST_CASE("a refusal names its field with a localized key and everything typed stays", "[client][finance]")
{
    ApplyHarness h;
    openSignedIn(h);
    h.reply(h.http.last(FinanceModule::kBanksUrl), 200, banksJson());
    h.replyLast(FinanceModule::kApplicationsUrl, 200, appsJson({}));
    h.finance.toggleBank("dala");
    h.finance.setApplicant(ApplicantField::FullName, "Aigerim Bekova");
    h.finance.setApplicant(ApplicantField::NationalId, "123");
    h.finance.setConsent(true);
    h.finance.submitApplication();
    h.replyLast(FinanceModule::kApplicationsUrl, 422,
                errorJson("invalid_national_id", "applicant.national_id", "must be the 12-digit IIN for a car in Kazakhstan"));
    REQUIRE(h.apply().error);
    CHECK(h.apply().error->field == "applicant.national_id");
    CHECK(h.apply().error->key == "finance.apply.error.national_id");
    CHECK(h.apply().applicant[ApplicantField::FullName] == "Aigerim Bekova");
    CHECK(h.apply().applicant[ApplicantField::NationalId] == "123");
    CHECK(h.apply().applicant.consent);
    CHECK(h.finance.chosenBanks() == std::vector<std::string>{"dala"});

    // A code without a key of ours: the server's message.
    h.finance.submitApplication();
    h.replyLast(FinanceModule::kApplicationsUrl, 409, errorJson("application_open", "bank_ids[0]", "Dala Bank: open"));
    CHECK(h.apply().error->key == "finance.apply.error.open");
    h.finance.submitApplication();
    h.replyLast(FinanceModule::kApplicationsUrl, 422, errorJson("invalid_terms", "terms.term_months", "engine says no"));
    CHECK(h.apply().error->key.empty());
    CHECK(h.apply().error->message == "engine says no");
}

TEST_CASE("signed out the calculator sends no application", "[client][finance]")
{
    ApplyHarness h;
    h.start("/listing/5/finance");
    h.reply(h.http.last("/api/v1/listings/5"), 200, listingJson(5));
    h.reply(h.http.last(FinanceModule::kBanksUrl), 200, banksJson());
    h.finance.toggleBank("dala");
    h.finance.setConsent(true);
    const std::size_t before = h.http.size();
    h.finance.submitApplication();
    CHECK(h.http.size() == before);
}

// The loan calculator on the client: its address carries every input and reads back the same
// (bad values dropped, out-of-range ones kept for the calculator to name); the defaults per
// country; a bad input names its problem under its field and keeps the last good result; the
// down payment's percent/amount switch keeps the loan; murabaha only for Bahrain, with its
// own rate; early repayment; the listing page's "from … /month" line; the effective rate's text.

#include "client_harness.hpp"

#include "client/features/finance/finance_module.hpp"
#include "client/features/finance/finance_text.hpp"
#include "core/routes/finance_route.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <sstream>

using namespace dongelek;
using namespace dongelek::test;

namespace {

struct FinanceHarness : ClientHarness {
    FinanceModule& finance = app.add<FinanceModule>();
    FinanceHarness()
    {
        finance.setToday([] { return finance::CivilDate{2026, 1, 15}; });
    }
    const FinanceState& fin() const { return finance.state(); }
};

// A Kazakh listing at 12,500,000 ₸, or a Bahraini one at BD 8,750.
std::string listingJson(std::int64_t id, Country country)
{
    ListingDetails d;
    d.summary = summary(id);
    d.summary.country = country;
    if (country == Country::BH) {
        d.summary.city = "Manama";
        d.summary.price = {8'750'000, Currency::BHD};
    }
    return nlohmann::json(d).dump();
}

void open(FinanceHarness& h, const std::string& url, Country country = Country::KZ)
{
    h.start(url);
    const auto route = FinanceRoute::parse(splitAppUrl(url));
    REQUIRE(route);
    h.reply(h.http.last("/api/v1/listings/" + std::to_string(route->listingId)), 200, listingJson(route->listingId, country));
    REQUIRE(h.fin().listing.status() == Status::Ready);
}

bool hasProblem(const std::vector<FieldProblem>& problems, FinanceField f, const std::string& key)
{
    for (const FieldProblem& p : problems)
        if (p.field == f && p.key == key) return true;
    return false;
}

} // namespace

// [SECTION] The address

TEST_CASE("the calculator's address carries every input and reads back the same", "[client][finance]")
{
    const std::string url = "/listing/42/finance?price=12500000.5&down=20.5p&trade=1500000&term=84&rate=1850"
                            "&type=differentiated&fee=1.5p&feefin=1&mfee=2000&ins=180000&insfin=0&early=12&lump=1000000";
    const auto r = FinanceRoute::parse(splitAppUrl(url));
    REQUIRE(r);
    CHECK(r->listingId == 42);
    CHECK(r->price == Decimal{12'500'000'500});
    CHECK(r->down == DecimalShare{true, Decimal{20'500}});
    CHECK(r->tradeIn == Decimal::whole(1'500'000));
    CHECK(r->termMonths == 84);
    CHECK(r->rateBp == 1850);
    CHECK(r->type == FinanceType::Differentiated);
    CHECK(r->fee == DecimalShare{true, Decimal{1'500}});
    CHECK(r->feeFinanced == true);
    CHECK(r->monthlyFee == Decimal::whole(2000));
    CHECK(r->insurance == Decimal::whole(180'000));
    CHECK(r->insuranceFinanced == false);
    CHECK(r->earlyMonth == 12);
    CHECK(r->lump == Decimal::whole(1'000'000));
    CHECK(r->url() == url);
    CHECK(FinanceRoute::parse(splitAppUrl(r->url())) == r);

    // Nothing set: the bare address. A trailing slash and a comma for the decimal mark read too.
    CHECK(FinanceRoute{7}.url() == "/listing/7/finance");
    const auto tidy = FinanceRoute::parse(splitAppUrl("/listing/7/finance/?price=100,25"));
    REQUIRE(tidy);
    CHECK(tidy->url() == "/listing/7/finance?price=100.25");

    // Values that do not read are dropped (a hand-edited link still opens); out of range stays.
    const auto bad = FinanceRoute::parse(splitAppUrl("/listing/7/finance?down=abc&term=-3&rate=1.5&type=lease&term=0"));
    REQUIRE(bad);
    CHECK_FALSE(bad->down);
    CHECK_FALSE(bad->termMonths); // the first term= wins, and "-3" is not a number
    CHECK_FALSE(bad->rateBp);     // basis points are whole
    CHECK_FALSE(bad->type);
    CHECK(FinanceRoute::parse(splitAppUrl("/listing/7/finance?term=0"))->termMonths == 0);

    // Only the calculator's path; the listing page keeps its own.
    CHECK_FALSE(FinanceRoute::parse(splitAppUrl("/listing/7")));
    CHECK_FALSE(FinanceRoute::parse(splitAppUrl("/listing/x/finance")));
    CHECK_FALSE(FinanceRoute::parse(splitAppUrl("/listing/7/financing")));
    CHECK_FALSE(ListingRoute::parse(splitAppUrl("/listing/7/finance")));
}

TEST_CASE("numbers as typed: up to three decimals, exact", "[client][finance]")
{
    CHECK(Decimal::parse("2500000") == Decimal{2'500'000'000});
    CHECK(Decimal::parse("18,5") == Decimal{18'500});
    CHECK(Decimal::parse(".5") == Decimal{500});
    CHECK(Decimal::parse("007") == Decimal{7'000});
    CHECK(Decimal::parse("12.") == Decimal{12'000});
    for (const char* bad : {"", ".", "1.2345", "-1", "1e3", "1 000", "1.2.3"}) {
        INFO(bad);
        CHECK_FALSE(Decimal::parse(bad));
    }
    // Far too many digits saturate (the engine then says "too large") instead of overflowing.
    CHECK(Decimal::parse("99999999999999999999999")->milli == Decimal::kMaxUnits * 1000);
    CHECK(Decimal{18'500}.text() == "18.5");
    CHECK(Decimal{125}.text() == "0.125");
}

// [SECTION] Defaults and evaluation

TEST_CASE("a Kazakh listing opens with 20 % down, 60 months at 18.5 %, annuity, and the address stays bare",
          "[client][finance]")
{
    FinanceHarness h;
    open(h, "/listing/42/finance");
    CHECK(h.screen() == "finance");
    const FinanceForm& f = h.fin().form;
    CHECK(f[FinanceField::Price] == "12500000");
    CHECK(f[FinanceField::DownPayment] == "20");
    CHECK(f.downPercent);
    CHECK(f[FinanceField::Term] == "60");
    CHECK(f[FinanceField::Rate] == "18.5");
    CHECK(f.type == FinanceType::Annuity);
    CHECK(f.insuranceFinanced);
    CHECK(h.fin().problems.empty());
    REQUIRE(h.fin().result);
    const FinanceResult& r = *h.fin().result;
    CHECK(r.amountFinanced == 1'000'000'000); // 10,000,000 ₸ in tiyn
    CHECK(r.rows.size() == 60);
    CHECK(r.monthlyPayment == finance::annuityPayment(1'000'000'000, 1850, 60));
    CHECK(std::llabs(r.monthlyPayment - 25'666'209) <= 1); // 256,662.09 ₸ (the annuity formula)
    CHECK(r.rows.front().date == finance::CivilDate{2026, 2, 15});
    CHECK(r.effective.gesvTenths > 185); // monthly compounding: above the nominal 18.5 %
    CHECK(h.history.current() == "/listing/42/finance");
}

TEST_CASE("a Bahraini listing: a conventional loan at 6.5 %, murabaha at 5 % flat, never offered in Kazakhstan",
          "[client][finance]")
{
    FinanceHarness h;
    open(h, "/listing/9/finance", Country::BH);
    CHECK(h.finance.currency() == Currency::BHD);
    CHECK(h.fin().form[FinanceField::Price] == "8750");
    CHECK(h.fin().form[FinanceField::Rate] == "6.5");
    CHECK(h.fin().form.type == FinanceType::Annuity);

    h.finance.setType(FinanceType::Murabaha);
    CHECK(h.fin().form[FinanceField::Rate] == "5"); // a flat profit rate starts from its own default
    REQUIRE(h.fin().result);
    const FinanceResult& m = *h.fin().result;
    CHECK(m.type == FinanceType::Murabaha);
    CHECK(m.amountFinanced == 7'000'000);            // BD 7,000 cost
    CHECK(m.totalInterest == 1'750'000);             // 5 % × 5 years: BD 1,750 profit
    CHECK(m.salePrice == 8'750'000);
    CHECK(m.monthlyPayment == 8'750'000 / 60);
    std::int64_t profit = 0, cost = 0;
    for (const FinanceRow& row : m.rows) {
        profit += row.interest;
        cost += row.principal;
    }
    CHECK(profit == m.totalInterest); // the profit shares add up exactly
    CHECK(cost == m.amountFinanced);
    CHECK(h.history.current() == "/listing/9/finance?type=murabaha");

    // Back to a loan: the loan's rate again. Annuity <-> differentiated keeps a typed rate.
    h.finance.setType(FinanceType::Annuity);
    CHECK(h.fin().form[FinanceField::Rate] == "6.5");
    h.finance.setText(FinanceField::Rate, "7.25");
    h.finance.setType(FinanceType::Differentiated);
    CHECK(h.fin().form[FinanceField::Rate] == "7.25");

    FinanceHarness kz;
    open(kz, "/listing/42/finance?type=murabaha&term=36");
    CHECK(kz.fin().form.type == FinanceType::Annuity); // dropped, and the address tidied
    CHECK(kz.history.current() == "/listing/42/finance?term=36");
    kz.finance.setType(FinanceType::Murabaha);
    CHECK(kz.fin().form.type == FinanceType::Annuity);
}

TEST_CASE("an address opens with its inputs, and every edit rewrites it so the calculation can be shared",
          "[client][finance]")
{
    FinanceHarness h;
    open(h, "/listing/42/finance?down=2500000&term=36&rate=2000&type=differentiated&mfee=1000");
    const FinanceForm& f = h.fin().form;
    CHECK_FALSE(f.downPercent);
    CHECK(f[FinanceField::DownPayment] == "2500000");
    CHECK(f[FinanceField::Term] == "36");
    CHECK(f[FinanceField::Rate] == "20");
    CHECK(f.type == FinanceType::Differentiated);
    REQUIRE(h.fin().result);
    CHECK(h.fin().result->rows.size() == 36);
    CHECK(h.fin().result->firstPayment > h.fin().result->lastPayment); // differentiated: falling payments

    const std::size_t entries = h.history.entries().size();
    h.finance.setText(FinanceField::Term, "48");
    CHECK(h.history.current() == "/listing/42/finance?down=2500000&term=48&rate=2000&type=differentiated&mfee=1000");
    CHECK(h.history.entries().size() == entries); // typing rewrites the entry, it does not add one
    CHECK(h.fin().result->rows.size() == 48);

    // The shared address opens the same calculation elsewhere.
    FinanceHarness other;
    open(other, h.history.current());
    CHECK(other.fin().result->monthlyPayment == h.fin().result->monthlyPayment);
    CHECK(other.finance.url() == h.finance.url());
}

TEST_CASE("a bad input names its problem under its field and keeps the last good result", "[client][finance]")
{
    FinanceHarness h;
    open(h, "/listing/42/finance");
    const std::int64_t before = h.fin().result->monthlyPayment;

    h.finance.setText(FinanceField::Term, "0");
    CHECK(hasProblem(h.fin().problems, FinanceField::Term, "finance.error.term_not_positive"));
    CHECK(std::string(h.finance.problemOf(FinanceField::Term)) == "finance.error.term_not_positive");
    CHECK(h.finance.problemOf(FinanceField::Rate) == nullptr);
    REQUIRE(h.fin().result);
    CHECK(h.fin().result->monthlyPayment == before); // still shown (dimmed)
    CHECK(h.fin().stale);
    CHECK(h.history.current() == "/listing/42/finance?term=0"); // the link keeps what was typed

    h.finance.setText(FinanceField::Term, "121");
    CHECK(hasProblem(h.fin().problems, FinanceField::Term, "finance.error.term_too_long"));
    h.finance.setText(FinanceField::Rate, "150");
    CHECK(hasProblem(h.fin().problems, FinanceField::Rate, "finance.error.rate_too_high"));
    h.finance.setText(FinanceField::Rate, "1.2.3");
    CHECK(hasProblem(h.fin().problems, FinanceField::Rate, "finance.error.not_a_number"));
    CHECK(h.fin().result->monthlyPayment == before);

    h.finance.setText(FinanceField::Rate, "18.5");
    h.finance.setText(FinanceField::Term, "36");
    CHECK(h.fin().problems.empty());
    CHECK_FALSE(h.fin().stale);
    CHECK(h.fin().result->monthlyPayment > before); // a shorter term: a larger payment
    CHECK(h.fin().result->rows.size() == 36);

    // A down payment over the price, and one that leaves nothing to finance.
    h.finance.setText(FinanceField::DownPayment, "120");
    CHECK(hasProblem(h.fin().problems, FinanceField::DownPayment, "finance.error.down_payment_percent_over_100"));
    h.finance.setText(FinanceField::DownPayment, "60");
    h.finance.setText(FinanceField::TradeIn, "6000000");
    CHECK(hasProblem(h.fin().problems, FinanceField::DownPayment, "finance.error.nothing_to_finance"));
    h.finance.setText(FinanceField::Price, "");
    CHECK(hasProblem(h.fin().problems, FinanceField::Price, "finance.error.price_not_positive"));
}

TEST_CASE("an address whose inputs are bad from the start shows the problem and no result", "[client][finance]")
{
    FinanceHarness h;
    open(h, "/listing/42/finance?term=0");
    CHECK(hasProblem(h.fin().problems, FinanceField::Term, "finance.error.term_not_positive"));
    CHECK_FALSE(h.fin().result);
    CHECK_FALSE(h.fin().stale);
}

TEST_CASE("switching the down payment between a percent and an amount keeps the loan", "[client][finance]")
{
    FinanceHarness h;
    open(h, "/listing/42/finance");
    const std::int64_t payment = h.fin().result->monthlyPayment;
    h.finance.setDownPercent(false);
    CHECK(h.fin().form[FinanceField::DownPayment] == "2500000");
    CHECK(h.fin().result->monthlyPayment == payment);
    CHECK(h.history.current() == "/listing/42/finance?down=2500000");
    h.finance.setDownPercent(true);
    CHECK(h.fin().form[FinanceField::DownPayment] == "20");
    CHECK(h.history.current() == "/listing/42/finance?down=20p");

    // A one-time fee as a percent of the loan and back.
    h.finance.setFeePercent(true);
    h.finance.setText(FinanceField::OneTimeFee, "1");
    const std::int64_t fees = h.fin().result->totalFees;
    CHECK(fees == 10'000'000); // 1 % of 10,000,000 ₸
    h.finance.setFeePercent(false);
    CHECK(h.fin().form[FinanceField::OneTimeFee] == "100000");
    CHECK(h.fin().result->totalFees == fees);
}

TEST_CASE("early repayment: asked once a lump sum is typed, both outcomes with the money saved", "[client][finance]")
{
    FinanceHarness h;
    open(h, "/listing/42/finance");
    CHECK_FALSE(h.fin().earlyAsked);
    CHECK_FALSE(h.fin().early);
    h.finance.setText(FinanceField::LumpSum, "2000000");
    REQUIRE(h.fin().early);
    const finance::EarlyRepaymentResult& e = *h.fin().early;
    CHECK(e.shorterTerm.saved >= e.lowerPayment.saved);
    CHECK(e.shorterTerm.monthsSaved > 0);
    CHECK(e.lowerPayment.newPayment < h.fin().result->monthlyPayment);
    CHECK(h.history.current() == "/listing/42/finance?lump=2000000");

    h.finance.setText(FinanceField::EarlyMonth, "60");
    CHECK(hasProblem(h.fin().earlyProblems, FinanceField::EarlyMonth, "finance.error.early_month_outside_term"));
    CHECK(h.fin().problems.empty()); // the loan itself is fine
    CHECK(h.fin().early);            // the last good one, dimmed
    CHECK(h.fin().earlyStale);
    h.finance.setText(FinanceField::LumpSum, "");
    CHECK_FALSE(h.fin().earlyAsked);
    CHECK_FALSE(h.fin().early);
}

// [SECTION] The listing page's line and the texts

TEST_CASE("the listing page's line: the monthly payment at the country's defaults, rounded up", "[client][finance]")
{
    ListingSummary kz = summary(42); // 12,500,000 ₸
    const auto p = typicalMonthlyPayment(kz);
    REQUIRE(p);
    CHECK(p->currency == Currency::KZT);
    CHECK(p->amountMinor == 25'666'300); // 256,662.09 ₸ a month -> from 256,663 ₸
    const Strings en = shipped("en");
    CHECK(monthlyFromText(en, *p) == "from 256,663\xC2\xA0₸/month");
    CHECK(monthlyFromText(shipped("ru"), *p) == "от 256\xC2\xA0" "663\xC2\xA0₸/мес.");

    ListingSummary bh = summary(9);
    bh.country = Country::BH;
    bh.price = {8'750'000, Currency::BHD};
    const auto b = typicalMonthlyPayment(bh);
    REQUIRE(b);
    CHECK(b->amountMinor == 137'000); // BD 136.963 at 6.5 % -> from BD 137
    CHECK(monthlyFromText(en, *b) == "from BD\xC2\xA0" "137/month");

    kz.price.amountMinor = 0;
    CHECK_FALSE(typicalMonthlyPayment(kz));
}

TEST_CASE("the effective rate is written as each country discloses it, in each language", "[client][finance]")
{
    finance::EffectiveRate r;
    r.gesvTenths = 214;
    r.aprHundredths = 649;
    CHECK(effectiveRateText(shipped("en"), Country::KZ, r) == "GESV 21.4%");
    CHECK(effectiveRateText(shipped("ru"), Country::KZ, r) == "ГЭСВ 21,4\xC2\xA0%");
    CHECK(effectiveRateText(shipped("kk"), Country::KZ, r) == "ЖТСМ 21,4\xC2\xA0%");
    CHECK(effectiveRateText(shipped("en"), Country::BH, r) == "APR 6.49%");
    CHECK(monthsText(shipped("ru"), 60) == "60 месяцев");
    CHECK(monthsText(shipped("ru"), 24) == "24 месяца");
    CHECK(monthsText(shipped("en"), 1) == "1 month");
    CHECK(scheduleDate(shipped("en"), finance::CivilDate{2026, 2, 15}) == "15 Feb 2026");
    // Every problem the engine can name has a text in every language.
    for (const char* lang : {"en", "ru", "kk"}) {
        const Strings s = shipped(lang);
        for (int p = 0; p <= static_cast<int>(finance::Problem::ProfitRateTooHigh); ++p) {
            const std::string key(finance::problemKey(static_cast<finance::Problem>(p)));
            INFO(lang << ": " << key);
            CHECK(s.has(key));
        }
        CHECK(s.has("finance.error.not_a_number"));
    }
}

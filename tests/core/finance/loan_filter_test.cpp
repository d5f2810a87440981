// "Monthly payment up to" in search: the query string carries it with the buyer's terms, and the
// price bound it implies is exact to the whole tenge (or dinar).
#include "core/finance/loan_filter.hpp"
#include "core/listing_query.hpp"

#include <catch2/catch.hpp>

using namespace dongelek;
using namespace dongelek::finance;

namespace {
ListingFilter parsed(const char* query)
{
    ListingFilter f;
    FieldError e;
    REQUIRE(parseListingQuery(query, f, e));
    return f;
}
std::string refusedField(const char* query)
{
    ListingFilter f;
    FieldError e;
    if (parseListingQuery(query, f, e)) return "";
    return e.field;
}
std::int64_t paymentWhole(std::int64_t priceWhole, Currency c, const BuyerLoanTerms& t)
{
    const std::int64_t unit = c == Currency::BHD ? 1000 : 100;
    return monthlyPaymentMinor({priceWhole * unit, c}, t); // minor units
}
} // namespace

TEST_CASE("the monthly payment filter and the buyer's terms round-trip through the address", "[core][finance][search]")
{
    const ListingFilter f = parsed("monthly_max=150000&loan_down=30&loan_term=48&loan_rate=1600");
    CHECK(f.monthlyMax == 150'000);
    CHECK(f.loanDownPercent == 30);
    CHECK(f.loanTermMonths == 48);
    CHECK(f.loanRateBp == 1600);
    CHECK(toQueryString(f) == "monthly_max=150000&loan_down=30&loan_term=48&loan_rate=1600");
    CHECK(parsed(toQueryString(f).c_str()) == f);
    CHECK(toQueryString(ListingFilter{}).find("loan") == std::string::npos);
}

TEST_CASE("bad loan terms in the address are refused by name", "[core][finance][search]")
{
    CHECK(refusedField("monthly_max=0") == "monthly_max");
    CHECK(refusedField("monthly_max=abc") == "monthly_max");
    CHECK(refusedField("loan_down=95") == "loan_down");
    CHECK(refusedField("loan_term=0") == "loan_term");
    CHECK(refusedField("loan_term=121") == "loan_term");
    CHECK(refusedField("loan_rate=-1") == "loan_rate");
    CHECK(refusedField("loan_rate=10001") == "loan_rate");
}

TEST_CASE("each market has its own default terms", "[core][finance][search]")
{
    CHECK(defaultLoanTerms(Currency::KZT) == BuyerLoanTerms{20, 60, 1850});
    CHECK(defaultLoanTerms(Currency::BHD) == BuyerLoanTerms{20, 60, 650});
    const ListingFilter f = parsed("currency=BHD&loan_term=36");
    CHECK(loanTermsOf(f) == BuyerLoanTerms{20, 36, 650});
    // A card: the buyer's own choices, the rest from the car's market.
    const ListingFilter kzt = parsed("loan_term=36");
    CHECK(loanTermsFor(kzt, Currency::BHD) == BuyerLoanTerms{20, 36, 650});
    CHECK(loanTermsFor(parsed("loan_rate=900"), Currency::BHD) == BuyerLoanTerms{20, 60, 900});
}

TEST_CASE("the price bound of a monthly payment is the highest whole price that fits", "[core][finance][search]")
{
    // 10,000,000 ₸ at 20 % down, 60 months, 18.5 %: 8,000,000 financed, about 205,300 ₸ a month.
    const BuyerLoanTerms kz = defaultLoanTerms(Currency::KZT);
    CHECK(paymentWhole(10'000'000, Currency::KZT, kz) == Approx(20'530'000).epsilon(0.002));
    for (std::int64_t monthly : {50'000, 150'000, 205'300, 999'999}) {
        ListingFilter f;
        f.monthlyMax = monthly;
        const auto bound = priceBoundForMonthly(f);
        REQUIRE(bound);
        CHECK(paymentWhole(*bound, Currency::KZT, kz) <= monthly * 100);
        CHECK(paymentWhole(*bound + 1, Currency::KZT, kz) > monthly * 100);
    }
    // In dinars, with the buyer's own terms.
    ListingFilter bh = parsed("currency=BHD&monthly_max=300&loan_down=10&loan_term=84&loan_rate=500");
    const auto bound = priceBoundForMonthly(bh);
    REQUIRE(bound);
    CHECK(paymentWhole(*bound, Currency::BHD, loanTermsOf(bh)) <= 300'000);
    CHECK(paymentWhole(*bound + 1, Currency::BHD, loanTermsOf(bh)) > 300'000);
    CHECK(*bound > 20'000); // 300 a month for 7 years at 5 % buys a BD 21,000+ loan
}

TEST_CASE("the search applies the tighter of price_to and the monthly bound", "[core][finance][search]")
{
    ListingFilter f;
    CHECK_FALSE(effectivePriceTo(f));
    f.priceTo = 5'000'000;
    CHECK(effectivePriceTo(f) == 5'000'000);
    f.monthlyMax = 1'000'000; // allows far more than 5 M
    CHECK(effectivePriceTo(f) == 5'000'000);
    f.monthlyMax = 50'000; // about 2.4 M
    CHECK(*effectivePriceTo(f) < 5'000'000);
    CHECK(effectivePriceTo(f) == priceBoundForMonthly(f));
    f.priceTo.reset();
    CHECK(effectivePriceTo(f) == priceBoundForMonthly(f));
}

// The loan calculator of a listing: "/listing/<id>/finance". The query carries the buyer's
// inputs, so a calculation can be shared; every parameter is optional and a missing one takes
// the calculator's default for the listing's country (client/features/finance/finance_form.hpp).
//
//   price=12500000       the price in the listing's currency: whole units with up to three
//                        decimals after '.' (a ',' is read as '.'); default: the listing's price
//   down=20p | 2500000   the down payment: a percent of the price ("p") or an amount
//   trade=1500000        the trade-in value (an amount)
//   term=60              months, a whole number
//   rate=1850            the nominal yearly rate in basis points (1850 = 18.5 %); for murabaha
//                        the flat yearly profit rate
//   type=annuity | differentiated | murabaha   (murabaha: Bahraini listings only)
//   fee=1.5p | 50000     the one-time fee: a percent of the loan ("p") or an amount
//   feefin=1             the one-time fee is added to the loan (default 0: paid at signing)
//   mfee=2000            the monthly fee (an amount)
//   ins=180000           the yearly insurance premium (an amount)
//   insfin=0             the premium is paid at signing (default 1: added to the loan)
//   early=12&lump=1000000  early repayment: a lump sum paid with payment 12
//
// A value that does not read as its kind is dropped (its default is used), so a hand-edited
// link still opens; values that read but are out of range (term=0) are kept, and the
// calculator names the problem. url() writes the parameters in the order above.
#pragma once

#include "core/route.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace dongelek {

// A non-negative number as typed: digits, then up to three decimals, exact in thousandths
// ("2500000" = 2,500,000,000; "18.5" = 18,500). More than 15 whole digits saturate at
// kMaxUnits (far above any limit of the loan engine, which then names the problem).
struct Decimal {
    static constexpr std::int64_t kMaxUnits = 1'000'000'000'000'000; // 10^15 whole units
    std::int64_t milli = 0;

    // "12", "12.5", "12,500", ".5", "12." read; "", ".", "1.2345", "-1", "1e3" do not.
    static std::optional<Decimal> parse(std::string_view text);
    static Decimal whole(std::int64_t units) { return Decimal{units * 1000}; }
    // Shortest text that reads back the same: "2500000", "18.5", "0.125".
    std::string text() const;
    bool operator==(const Decimal& o) const { return milli == o.milli; }
};

// An amount or a percent ("20p" in the address).
struct DecimalShare {
    bool percent = false;
    Decimal value;
    static std::optional<DecimalShare> parse(std::string_view text); // "20p", "20.5p", "2500000"
    std::string text() const;
    bool operator==(const DecimalShare& o) const { return percent == o.percent && value == o.value; }
};

enum class FinanceType { Annuity, Differentiated, Murabaha };
std::string_view toString(FinanceType t); // "annuity", "differentiated", "murabaha"
std::optional<FinanceType> financeTypeFrom(std::string_view s);

struct FinanceRoute {
    explicit FinanceRoute(std::int64_t id = 0) : listingId(id) {} // the calculator with the defaults
    std::int64_t listingId = 0;
    std::optional<Decimal> price;
    std::optional<DecimalShare> down;
    std::optional<Decimal> tradeIn;
    std::optional<int> termMonths;    // 0..9999 read; the calculator checks the range
    std::optional<int> rateBp;        // 0..9,999,999 read
    std::optional<FinanceType> type;
    std::optional<DecimalShare> fee;
    std::optional<bool> feeFinanced;
    std::optional<Decimal> monthlyFee;
    std::optional<Decimal> insurance;
    std::optional<bool> insuranceFinanced;
    std::optional<int> earlyMonth;
    std::optional<Decimal> lump;

    // nullopt unless the path is "/listing/<id>/finance" (a trailing slash is accepted).
    static std::optional<FinanceRoute> parse(const AppUrl& url);
    std::string url() const;
    bool operator==(const FinanceRoute& o) const;
};

} // namespace dongelek

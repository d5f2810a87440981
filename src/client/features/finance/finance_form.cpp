// The calculator's form: defaults, the address, parsing and one evaluation per change.

#include "client/features/finance/finance_form.hpp"

#include "core/money.hpp"

#include <algorithm>
#include <limits>

namespace dongelek {

namespace {



// Thousandths of a unit -> minor units, half up (tenge have two decimals, dinars three).
std::int64_t toMinor(Decimal d, Currency c)
{
    const std::int64_t per = 1000 / minorPerWhole(c); // thousandths per minor unit
    return (d.milli + per / 2) / per;
}

// A percent in thousandths -> basis points, half up.
std::int64_t toBp(Decimal d) { return (d.milli + 5) / 10; }

bool blank(const std::string& s) { return s.find_first_not_of(' ') == std::string::npos; }

std::optional<int> wholeNumber(const std::string& text)
{
    const std::optional<Decimal> d = Decimal::parse(text);
    if (!d || d->milli % 1000 != 0) return std::nullopt;
    return static_cast<int>(std::min<std::int64_t>(d->milli / 1000, 9999));
}

FinanceField fieldFor(finance::Field f)
{
    using finance::Field;
    switch (f) {
    case Field::Price: return FinanceField::Price;
    case Field::DownPayment: return FinanceField::DownPayment;
    case Field::TradeIn: return FinanceField::TradeIn;
    case Field::Term: return FinanceField::Term;
    case Field::Rate:
    case Field::ProfitRate: return FinanceField::Rate;
    case Field::OneTimeFee: return FinanceField::OneTimeFee;
    case Field::MonthlyFee: return FinanceField::MonthlyFee;
    case Field::Insurance: return FinanceField::Insurance;
    case Field::EarlyMonth: return FinanceField::EarlyMonth;
    case Field::LumpSum: return FinanceField::LumpSum;
    case Field::StartDate:
    case Field::Payment: break; // not asked by the calculator
    }
    return FinanceField::Price;
}

void addEngineProblems(std::vector<FieldProblem>& out, const std::vector<finance::LoanProblem>& problems)
{
    for (const finance::LoanProblem& p : problems)
        out.push_back({fieldFor(p.field), std::string(finance::problemKey(p.problem))});
}

constexpr const char* kNotANumber = "finance.error.not_a_number";

// Reads the fields one by one, noting each that is not a number.
struct Reader {
    const FinanceForm& form;
    Currency currency;
    std::vector<FieldProblem>& problems;

    // An amount; an empty optional field is 0.
    std::int64_t amount(FinanceField f)
    {
        if (blank(form[f])) return 0;
        if (const auto d = Decimal::parse(form[f])) return toMinor(*d, currency);
        problems.push_back({f, kNotANumber});
        return 0;
    }
    finance::Share share(FinanceField f, bool percent)
    {
        if (blank(form[f])) return {};
        const auto d = Decimal::parse(form[f]);
        if (!d) {
            problems.push_back({f, kNotANumber});
            return {};
        }
        return percent ? finance::Share::percentBp(toBp(*d)) : finance::Share::amount(toMinor(*d, currency));
    }
    int whole(FinanceField f)
    {
        if (blank(form[f])) return 0;
        if (const auto n = wholeNumber(form[f])) return *n;
        problems.push_back({f, kNotANumber});
        return 0;
    }
    std::int32_t rateBp(FinanceField f)
    {
        if (blank(form[f])) return 0;
        const auto d = Decimal::parse(form[f]);
        if (!d) {
            problems.push_back({f, kNotANumber});
            return 0;
        }
        return static_cast<std::int32_t>(std::min<std::int64_t>(toBp(*d), finance::kMaxRateBp + 1));
    }
};

FinanceResult fromLoan(const finance::LoanSchedule& schedule, const finance::LoanInput& in)
{
    const finance::LoanSummary& s = schedule.summary;
    FinanceResult r;
    r.type = in.repayment == finance::Repayment::Annuity ? FinanceType::Annuity : FinanceType::Differentiated;
    r.currency = s.currency;
    r.termMonths = s.termMonths;
    r.downPayment = s.downPaymentMinor;
    r.amountFinanced = s.amountFinanced;
    r.monthlyPayment = s.monthlyPayment;
    r.firstPayment = s.firstPayment;
    r.lastPayment = s.lastPayment;
    r.totalPaid = s.totalPaid;
    r.totalInterest = s.totalInterest;
    r.totalFees = s.totalFees;
    r.insurance = s.insuranceMinor;
    r.paidAtSigning = s.paidAtSigning;
    r.feeBase = s.costMinor + (in.insuranceFinanced ? s.insuranceMinor : 0);
    r.effective = s.effective;
    r.rows.reserve(schedule.rows.size());
    for (const finance::LoanRow& row : schedule.rows) {
        r.rows.push_back({row.date, row.payment, row.principal, row.interest, row.fee, row.balance});
        r.largestPayment = std::max(r.largestPayment, row.payment);
    }
    return r;
}

FinanceResult fromMurabaha(const finance::MurabahaResult& m, std::int64_t downPayment)
{
    const finance::MurabahaSummary& s = m.summary;
    FinanceResult r;
    r.type = FinanceType::Murabaha;
    r.currency = s.currency;
    r.termMonths = s.termMonths;
    r.downPayment = downPayment;
    r.amountFinanced = s.costMinor;
    r.salePrice = s.salePrice;
    r.monthlyPayment = s.instalment;
    r.firstPayment = m.rows.empty() ? 0 : m.rows.front().instalment;
    r.lastPayment = s.lastInstalment;
    r.totalPaid = s.totalPaid;
    r.totalInterest = s.profitMinor;
    r.totalFees = s.adminFeeMinor;
    r.paidAtSigning = s.adminFeeMinor;
    r.feeBase = s.costMinor;
    r.effective = s.effective;
    // The profit is fixed up front and spread over the instalments in proportion (cumulatively,
    // so the parts add up to the profit exactly): how much of each instalment is profit.
    std::int64_t paid = 0, profitSoFar = 0;
    r.rows.reserve(m.rows.size());
    for (const finance::MurabahaRow& row : m.rows) {
        paid += row.instalment;
        const std::int64_t profitNow =
            s.salePrice > 0 ? finance::mulDivHalfUp(paid, s.profitMinor, s.salePrice) : 0;
        const std::int64_t profit = profitNow - profitSoFar;
        profitSoFar = profitNow;
        r.rows.push_back({row.date, row.instalment, row.instalment - profit, profit, 0, row.remaining});
        r.largestPayment = std::max(r.largestPayment, row.instalment);
    }
    return r;
}

} // namespace

// [SECTION] Fields and defaults

std::string_view toString(FinanceField f)
{
    switch (f) {
    case FinanceField::Price: return "price";
    case FinanceField::DownPayment: return "down_payment";
    case FinanceField::TradeIn: return "trade_in";
    case FinanceField::Term: return "term";
    case FinanceField::Rate: return "rate";
    case FinanceField::OneTimeFee: return "one_time_fee";
    case FinanceField::MonthlyFee: return "monthly_fee";
    case FinanceField::Insurance: return "insurance";
    case FinanceField::EarlyMonth: return "early_month";
    case FinanceField::LumpSum: return "lump_sum";
    }
    return "price";
}

bool offers(Country c, FinanceType t) { return t != FinanceType::Murabaha || c == Country::BH; }

FinanceType defaultType(Country) { return FinanceType::Annuity; }

std::int32_t defaultRateBp(Country c, FinanceType t)
{
    if (c == Country::KZ) return 1850;
    return t == FinanceType::Murabaha ? 500 : 650;
}

std::string amountText(std::int64_t minor, Currency c)
{
    return Decimal{minor * (1000 / minorPerWhole(c))}.text();
}

std::string percentText(std::int64_t bp) { return Decimal{bp * 10}.text(); }

std::optional<std::int64_t> amountMinorOf(const std::string& text, Currency c)
{
    const auto d = Decimal::parse(text);
    return d ? std::optional<std::int64_t>(toMinor(*d, c)) : std::nullopt;
}

std::optional<std::int64_t> percentBpOf(const std::string& text)
{
    const auto d = Decimal::parse(text);
    return d ? std::optional<std::int64_t>(toBp(*d)) : std::nullopt;
}

// [SECTION] The form and the address

FinanceForm formFor(const FinanceRoute& route, const ListingSummary& listing)
{
    const Country country = listing.country;
    const Currency currency = listing.price.currency;
    FinanceForm f;
    f.type = defaultType(country);
    if (route.type && offers(country, *route.type)) {
        f.type = *route.type;
        f.typeSet = true;
    }
    const auto put = [&f](FinanceField field, const std::optional<std::string>& given, std::string fallback) {
        f[field] = given ? *given : std::move(fallback);
        if (given) f.markSet(field);
    };
    const auto text = [](const auto& v) { return v ? std::optional<std::string>(v->text()) : std::nullopt; };
    put(FinanceField::Price, text(route.price), amountText(listing.price.amountMinor, currency));
    put(FinanceField::DownPayment, route.down ? std::optional<std::string>(route.down->value.text()) : std::nullopt,
        percentText(kDefaultDownBp));
    f.downPercent = route.down ? route.down->percent : true;
    put(FinanceField::TradeIn, text(route.tradeIn), "");
    put(FinanceField::Term, route.termMonths ? std::optional<std::string>(std::to_string(*route.termMonths)) : std::nullopt,
        std::to_string(kDefaultTermMonths));
    put(FinanceField::Rate, route.rateBp ? std::optional<std::string>(percentText(*route.rateBp)) : std::nullopt,
        percentText(defaultRateBp(country, f.type)));
    put(FinanceField::OneTimeFee, route.fee ? std::optional<std::string>(route.fee->value.text()) : std::nullopt, "");
    f.feePercent = route.fee && route.fee->percent;
    put(FinanceField::MonthlyFee, text(route.monthlyFee), "");
    put(FinanceField::Insurance, text(route.insurance), "");
    put(FinanceField::EarlyMonth, route.earlyMonth ? std::optional<std::string>(std::to_string(*route.earlyMonth)) : std::nullopt,
        std::to_string(kDefaultEarlyMonth));
    put(FinanceField::LumpSum, text(route.lump), "");
    if (route.feeFinanced) {
        f.feeFinanced = *route.feeFinanced;
        f.feeFinancedSet = true;
    }
    if (route.insuranceFinanced) {
        f.insuranceFinanced = *route.insuranceFinanced;
        f.insuranceFinancedSet = true;
    }
    return f;
}

FinanceRoute routeOf(const FinanceForm& f, std::int64_t listingId)
{
    FinanceRoute r;
    r.listingId = listingId;
    const auto decimal = [&f](FinanceField field) -> std::optional<Decimal> {
        return f.isSet(field) ? Decimal::parse(f[field]) : std::nullopt;
    };
    const auto share = [&](FinanceField field, bool percent) -> std::optional<DecimalShare> {
        const auto d = decimal(field);
        return d ? std::optional<DecimalShare>(DecimalShare{percent, *d}) : std::nullopt;
    };
    const auto whole = [&f](FinanceField field) -> std::optional<int> {
        return f.isSet(field) ? wholeNumber(f[field]) : std::nullopt;
    };
    r.price = decimal(FinanceField::Price);
    r.down = share(FinanceField::DownPayment, f.downPercent);
    r.tradeIn = decimal(FinanceField::TradeIn);
    r.termMonths = whole(FinanceField::Term);
    if (const auto rate = decimal(FinanceField::Rate))
        r.rateBp = static_cast<int>(std::min<std::int64_t>(toBp(*rate), 9'999'999));
    if (f.typeSet) r.type = f.type;
    r.fee = share(FinanceField::OneTimeFee, f.feePercent);
    if (f.feeFinancedSet) r.feeFinanced = f.feeFinanced;
    r.monthlyFee = decimal(FinanceField::MonthlyFee);
    r.insurance = decimal(FinanceField::Insurance);
    if (f.insuranceFinancedSet) r.insuranceFinanced = f.insuranceFinanced;
    r.earlyMonth = whole(FinanceField::EarlyMonth);
    r.lump = decimal(FinanceField::LumpSum);
    return r;
}

// [SECTION] Evaluation

Evaluation evaluate(const FinanceForm& form, Currency currency, finance::CivilDate start)
{
    Evaluation out;
    Reader read{form, currency, out.problems};
    const bool murabaha = isMurabaha(form.type);
    const std::int64_t price = read.amount(FinanceField::Price);
    const finance::Share down = read.share(FinanceField::DownPayment, form.downPercent);
    const std::int64_t tradeIn = read.amount(FinanceField::TradeIn);
    const int term = read.whole(FinanceField::Term);
    const std::int32_t rate = read.rateBp(FinanceField::Rate);
    const finance::Share fee = read.share(FinanceField::OneTimeFee, form.feePercent);

    if (murabaha) {
        finance::MurabahaInput in;
        in.currency = currency;
        in.priceMinor = price;
        in.downPayment = down;
        in.tradeInMinor = tradeIn;
        in.termMonths = term;
        in.profitRateBp = rate;
        in.start = start;
        // A percent admin fee is of the cost (what the bank pays for the car).
        const std::int64_t cost = price - finance::resolveShare(down, price) - tradeIn;
        in.adminFeeMinor = fee.kind == finance::ShareKind::Percent ? finance::resolveShare(fee, std::max<std::int64_t>(0, cost))
                                                                   : fee.value;
        if (fee.kind == finance::ShareKind::Percent && fee.value > finance::kBasisPointsPerWhole)
            out.problems.push_back({FinanceField::OneTimeFee, "finance.error.one_time_fee_percent_over_100"});
        if (!out.problems.empty()) return out;
        const finance::MurabahaResult m = finance::computeMurabaha(in);
        addEngineProblems(out.problems, m.problems);
        if (out.problems.empty()) out.result = fromMurabaha(m, finance::resolveShare(down, price));
        return out;
    }

    finance::LoanInput in;
    in.currency = currency;
    in.priceMinor = price;
    in.downPayment = down;
    in.tradeInMinor = tradeIn;
    in.termMonths = term;
    in.annualRateBp = rate;
    in.oneTimeFee = fee;
    in.oneTimeFeeFinanced = form.feeFinanced;
    in.monthlyFeeMinor = read.amount(FinanceField::MonthlyFee);
    in.insurancePerYearMinor = read.amount(FinanceField::Insurance);
    in.insuranceFinanced = form.insuranceFinanced;
    in.repayment = form.type == FinanceType::Differentiated ? finance::Repayment::Differentiated : finance::Repayment::Annuity;
    in.start = start;

    // Early repayment: only once a lump sum is typed.
    out.earlyAsked = !blank(form[FinanceField::LumpSum]);
    int earlyMonth = 0;
    std::int64_t lump = 0;
    if (out.earlyAsked) {
        Reader early{form, currency, out.earlyProblems};
        earlyMonth = early.whole(FinanceField::EarlyMonth);
        lump = early.amount(FinanceField::LumpSum);
    }

    if (!out.problems.empty()) return out;
    finance::LoanResult loan = finance::computeLoan(in);
    addEngineProblems(out.problems, loan.problems);
    if (!out.problems.empty()) return out;
    out.result = fromLoan(loan.schedule, in);
    if (out.earlyAsked && out.earlyProblems.empty()) {
        finance::EarlyRepaymentResult e = finance::earlyRepayment(in, earlyMonth, lump);
        addEngineProblems(out.earlyProblems, e.problems);
        if (out.earlyProblems.empty()) out.early = std::move(e);
    }
    return out;
}

// [SECTION] The listing page's line

std::optional<Money> typicalMonthlyPayment(const ListingSummary& listing)
{
    // One annuity formula (no schedule): cheap enough for every frame the listing page draws.
    const Currency currency = listing.price.currency;
    const FinanceType type = defaultType(listing.country);
    std::int64_t payment = 0;
    if (isMurabaha(type)) {
        FinanceForm form;
        form.type = type;
        form[FinanceField::Price] = amountText(listing.price.amountMinor, currency);
        form[FinanceField::DownPayment] = percentText(kDefaultDownBp);
        form[FinanceField::Term] = std::to_string(kDefaultTermMonths);
        form[FinanceField::Rate] = percentText(defaultRateBp(listing.country, type));
        const Evaluation e = evaluate(form, currency, finance::CivilDate{});
        if (e.result) payment = e.result->monthlyPayment;
    } else {
        finance::LoanInput terms;
        terms.currency = currency;
        terms.downPayment = finance::Share::percentBp(kDefaultDownBp);
        terms.termMonths = kDefaultTermMonths;
        terms.annualRateBp = defaultRateBp(listing.country, type);
        payment = finance::monthlyPaymentForPrice(listing.price.amountMinor, terms);
    }
    if (payment <= 0) return std::nullopt;
    const std::int64_t scale = minorPerWhole(currency);
    const std::int64_t whole = (payment + scale - 1) / scale; // "from": rounded up
    return Money{whole * scale, currency};
}

} // namespace dongelek

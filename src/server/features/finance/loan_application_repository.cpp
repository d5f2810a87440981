// SQL of the loan applications (migration 11), the same text on both engines: `?`
// placeholders, and ON CONFLICT with the partial index's predicate so a duplicate open
// application is skipped instead of failing the transaction.

#include "server/features/finance/loan_application_repository.hpp"

namespace dongelek::server::finance {

namespace {

using db::Statement;

constexpr const char* kColumns =
    "SELECT id, user_id, listing_id, listing_title, bank_id, bank_name, status, currency, price_minor, "
    "down_payment_minor, trade_in_minor, term_months, repayment, rate_bp, one_time_fee_bp, monthly_fee_minor, "
    "monthly_payment_minor, full_name, phone, email, national_id, monthly_income_minor, employment, consented_at, "
    "offer_rate_bp, offer_term_months, offer_monthly_payment_minor, offer_note, created_at, updated_at "
    "FROM loan_applications ";

// The predicate of ux_loan_applications_open, spelled exactly as in the migration.
#define DK_OPEN_STATUSES "status IN ('submitted', 'in_review')"

LoanApplication readRow(const Statement& s)
{
    LoanApplication a;
    int col = 0;
    a.id = s.columnInt64(col++);
    a.userId = s.columnInt64(col++);
    a.listingId = s.columnInt64(col++);
    a.listingTitle = s.columnText(col++);
    a.bankId = s.columnText(col++);
    a.bankName = s.columnText(col++);
    a.status = parseStatus(s.columnText(col++)).value_or(ApplicationStatus::Declined);
    ApplicationTerms& t = a.terms;
    t.currency = parseEnum<Currency>(s.columnText(col++)).value_or(Currency::KZT);
    t.priceMinor = s.columnInt64(col++);
    t.downPaymentMinor = s.columnInt64(col++);
    t.tradeInMinor = s.columnInt64(col++);
    t.termMonths = s.columnInt(col++);
    t.repayment = parseRepayment(s.columnText(col++)).value_or(Repayment::Annuity);
    t.rateBp = static_cast<std::int32_t>(s.columnInt64(col++));
    a.oneTimeFeeBp = static_cast<std::int32_t>(s.columnInt64(col++));
    a.monthlyFeeMinor = s.columnInt64(col++);
    t.monthlyPaymentMinor = s.columnInt64(col++);
    Applicant& p = a.applicant;
    p.fullName = s.columnText(col++);
    p.phone = s.columnText(col++);
    p.email = s.columnText(col++);
    p.nationalId = s.columnText(col++);
    p.monthlyIncomeMinor = s.columnInt64(col++);
    p.employment = parseEmployment(s.columnText(col++)).value_or(Employment::Other);
    a.consentedAt = s.columnInt64(col++);
    if (!s.columnIsNull(col)) {
        Offer o;
        o.rateBp = static_cast<std::int32_t>(s.columnInt64(col));
        o.termMonths = s.columnInt(col + 1);
        o.monthlyPaymentMinor = s.columnInt64(col + 2);
        o.note = s.columnIsNull(col + 3) ? std::string() : s.columnText(col + 3);
        a.offer = std::move(o);
    }
    col += 4;
    a.createdAt = s.columnInt64(col++);
    a.updatedAt = s.columnInt64(col++);
    return a;
}

std::vector<LoanApplication> readAll(Statement& s)
{
    std::vector<LoanApplication> out;
    while (s.step())
        out.push_back(readRow(s));
    s.reset();
    return out;
}

std::int64_t openCount(db::Connection& c, std::int64_t userId)
{
    Statement& s = c.prepare("SELECT COUNT(*) FROM loan_applications WHERE user_id = ? AND " DK_OPEN_STATUSES);
    s.bind(1, userId);
    s.step();
    const std::int64_t n = s.columnInt64(0);
    s.reset();
    return n;
}

} // namespace

std::optional<ListingFacts> LoanApplicationRepository::listing(std::int64_t listingId)
{
    auto c = m_db.acquire();
    Statement& s = c->prepare("SELECT id, title, price_minor, currency, country, status, year FROM listings WHERE id = ?");
    s.bind(1, listingId);
    std::optional<ListingFacts> out;
    if (s.step()) {
        ListingFacts f;
        f.id = s.columnInt64(0);
        f.title = s.columnText(1);
        f.price.amountMinor = s.columnInt64(2);
        f.price.currency = parseEnum<Currency>(s.columnText(3)).value_or(Currency::KZT);
        f.country = parseEnum<Country>(s.columnText(4)).value_or(Country::KZ);
        f.status = parseEnum<ListingStatus>(s.columnText(5)).value_or(ListingStatus::Removed);
        f.year = static_cast<int>(s.columnInt64(6));
        out = std::move(f);
    }
    s.reset();
    return out;
}

CreateOutcome LoanApplicationRepository::create(std::vector<LoanApplication> rows, std::int64_t now,
                                                std::int64_t maxOpenPerUser)
{
    CreateOutcome out;
    if (rows.empty()) return out;
    auto lease = m_db.acquire();
    db::WriteTransaction tx(lease, db::Visibility::Private);
    db::Connection& c = tx.connection();
    if (openCount(c, rows.front().userId) + static_cast<std::int64_t>(rows.size()) > maxOpenPerUser) {
        out.tooMany = true;
        return out; // rolled back (nothing written yet)
    }
    for (LoanApplication& a : rows) {
        Statement& s = c.prepare(
            "INSERT INTO loan_applications(user_id, listing_id, listing_title, bank_id, bank_name, status, currency, "
            "price_minor, down_payment_minor, trade_in_minor, term_months, repayment, rate_bp, one_time_fee_bp, "
            "monthly_fee_minor, monthly_payment_minor, full_name, phone, email, national_id, monthly_income_minor, "
            "employment, consented_at, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, 'submitted', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (user_id, listing_id, bank_id) WHERE " DK_OPEN_STATUSES " DO NOTHING RETURNING id");
        const std::string currency(toString(a.terms.currency));
        const std::string repayment(toString(a.terms.repayment));
        const std::string employment(toString(a.applicant.employment));
        int i = 1;
        s.bind(i++, a.userId)
            .bind(i++, a.listingId)
            .bind(i++, std::string_view(a.listingTitle))
            .bind(i++, std::string_view(a.bankId))
            .bind(i++, std::string_view(a.bankName))
            .bind(i++, std::string_view(currency))
            .bind(i++, a.terms.priceMinor)
            .bind(i++, a.terms.downPaymentMinor)
            .bind(i++, a.terms.tradeInMinor)
            .bind(i++, a.terms.termMonths)
            .bind(i++, std::string_view(repayment))
            .bind(i++, static_cast<std::int64_t>(a.terms.rateBp))
            .bind(i++, static_cast<std::int64_t>(a.oneTimeFeeBp))
            .bind(i++, a.monthlyFeeMinor)
            .bind(i++, a.terms.monthlyPaymentMinor)
            .bind(i++, std::string_view(a.applicant.fullName))
            .bind(i++, std::string_view(a.applicant.phone))
            .bind(i++, std::string_view(a.applicant.email))
            .bind(i++, std::string_view(a.applicant.nationalId))
            .bind(i++, a.applicant.monthlyIncomeMinor)
            .bind(i++, std::string_view(employment))
            .bind(i++, now)
            .bind(i++, now)
            .bind(i++, now);
        const bool inserted = s.step();
        const std::int64_t id = inserted ? s.columnInt64(0) : 0;
        s.reset();
        if (!inserted) {
            out.openBankId = a.bankId;
            return out; // rolled back: the rows before this one go too
        }
        a.id = id;
        a.status = ApplicationStatus::Submitted;
        a.offer.reset();
        a.consentedAt = a.createdAt = a.updatedAt = now;
    }
    tx.commit();
    out.created = std::move(rows);
    return out;
}

std::vector<LoanApplication> LoanApplicationRepository::listForUser(std::int64_t userId, int limit)
{
    auto c = m_db.acquire();
    Statement& s =
        c->prepare(std::string(kColumns) + "WHERE user_id = ? ORDER BY created_at DESC, id DESC LIMIT ?");
    s.bind(1, userId).bind(2, static_cast<std::int64_t>(limit));
    return readAll(s);
}

std::vector<LoanApplication> LoanApplicationRepository::listAll(int limit)
{
    auto c = m_db.acquire();
    Statement& s = c->prepare(std::string(kColumns) + "ORDER BY created_at DESC, id DESC LIMIT ?");
    s.bind(1, static_cast<std::int64_t>(limit));
    return readAll(s);
}

std::optional<LoanApplication> LoanApplicationRepository::find(std::int64_t id)
{
    auto c = m_db.acquire();
    Statement& s = c->prepare(std::string(kColumns) + "WHERE id = ?");
    s.bind(1, id);
    std::optional<LoanApplication> out;
    if (s.step()) out = readRow(s);
    s.reset();
    return out;
}

bool LoanApplicationRepository::changeStatus(std::int64_t id, ApplicationStatus from, ApplicationStatus to,
                                             const std::optional<Offer>& offer, std::int64_t now)
{
    auto lease = m_db.acquire();
    db::WriteTransaction tx(lease, db::Visibility::Private);
    Statement& s = tx.connection().prepare(
        "UPDATE loan_applications SET status = ?, offer_rate_bp = ?, offer_term_months = ?, "
        "offer_monthly_payment_minor = ?, offer_note = ?, updated_at = ? WHERE id = ? AND status = ? RETURNING id");
    const std::string toText(toString(to));
    const std::string fromText(toString(from));
    s.bind(1, std::string_view(toText));
    if (offer) {
        s.bind(2, static_cast<std::int64_t>(offer->rateBp))
            .bind(3, offer->termMonths)
            .bind(4, offer->monthlyPaymentMinor);
        if (offer->note.empty())
            s.bindNull(5);
        else
            s.bind(5, std::string_view(offer->note));
    } else {
        s.bindNull(2).bindNull(3).bindNull(4).bindNull(5);
    }
    s.bind(6, now).bind(7, id).bind(8, std::string_view(fromText));
    const bool changed = s.step();
    s.reset();
    if (changed) tx.commit();
    return changed;
}

} // namespace dongelek::server::finance

#undef DK_OPEN_STATUSES

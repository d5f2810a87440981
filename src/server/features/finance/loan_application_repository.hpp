// The loan-application store, written once against db::Database for SQLite and PostgreSQL
// alike. Every query of a user's own rows names its owner (WHERE user_id = ?). Writes are
// Private transactions (no public answer shows applications, so the data version that keys
// the search cache stays put). One POST's rows are written in one transaction: all or none.
// At most one open (submitted or in_review) application per user, listing and bank, held
// by a partial unique index, so two requests at once cannot both open one.
#pragma once

#include "server/features/finance/finance_types.hpp"

#include "server/db/database.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace dongelek::server::finance {

// What an application needs to know about the listing it is for.
struct ListingFacts {
    std::int64_t id = 0;
    std::string title;
    Money price;
    Country country = Country::KZ;
    ListingStatus status = ListingStatus::Active;
    int year = 0; // the model year (a bank lends on cars up to an age)
};

struct CreateOutcome {
    std::vector<LoanApplication> created; // with ids, in the order given; empty when refused
    std::string openBankId;               // refused: the user has an open application for this bank and listing
    bool tooMany = false;                 // refused: the user's open applications would pass the limit
};

class LoanApplicationRepository {
public:
    explicit LoanApplicationRepository(db::Database& database) : m_db(database) {}

    std::optional<ListingFacts> listing(std::int64_t listingId);

    // Writes every row (ids, status and times come from here: submitted, `now`) in one
    // transaction, or none: when one of them duplicates an open application (openBankId
    // names its bank) or the user would have more than `maxOpenPerUser` open ones.
    CreateOutcome create(std::vector<LoanApplication> rows, std::int64_t now, std::int64_t maxOpenPerUser);

    // Newest first (created_at, then id), at most `limit`.
    std::vector<LoanApplication> listForUser(std::int64_t userId, int limit);
    std::vector<LoanApplication> listAll(int limit);
    std::optional<LoanApplication> find(std::int64_t id);

    // Moves an application from `from` to `to` (with the offer, for an approval) when it is
    // still in `from`; false when it is not (the caller re-reads to say what it is now).
    bool changeStatus(std::int64_t id, ApplicationStatus from, ApplicationStatus to, const std::optional<Offer>& offer,
                      std::int64_t now);

private:
    db::Database& m_db;
};

} // namespace dongelek::server::finance

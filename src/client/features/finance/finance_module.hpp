// The loan calculator on the client (issue 10): the listing it is for (GET /api/v1/listings/<id>,
// for the price, currency and country), the buyer's inputs as typed, and what they give: the
// schedule, the effective rate, early repayment. Every edit is evaluated at once (the engine
// takes ~0.1 ms) and rewrites the address (core/routes/finance_route.hpp), so the calculation
// can be shared. A bad input names its problem under its field and keeps the last good result
// (shown dimmed). Defaults per country: client/features/finance/finance_form.hpp.
#pragma once

#include "client/features/finance/finance_apply.hpp"
#include "client/features/finance/finance_form.hpp"
#include "client/module.hpp"
#include "core/model.hpp"
#include "core/routes/finance_route.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace dongelek {

// Applying from the calculator: the partner banks, the ones ticked, the applicant's details as
// typed, and the buyer's applications (all listings; the screen shows this listing's).
struct FinanceApplyState {
    Remote<PartnerBankList> banks;       // of the listing's country
    std::vector<std::string> chosen;     // bank ids ticked, in the order ticked
    ApplicantForm applicant;
    bool submitting = false;
    std::optional<ApplyError> error;     // the last refusal (everything typed stays)
    Remote<LoanApplicationList> applications;
    std::vector<std::int64_t> justSent;  // the applications the last 201 made
};

struct FinanceState {
    std::int64_t listingId = 0;
    Remote<ListingDetails> listing;
    FinanceForm form;                     // filled once the listing is known
    std::vector<FieldProblem> problems;   // of the form as it is now
    std::optional<FinanceResult> result;  // the last good result (of the form now when `problems` is empty)
    bool stale = false;                   // the result is of earlier inputs (shown dimmed)
    bool earlyAsked = false;              // a lump sum is typed
    std::vector<FieldProblem> earlyProblems;
    std::optional<finance::EarlyRepaymentResult> early; // the last good early repayment
    bool earlyStale = false;
    std::uint64_t calculations = 0;       // one more per evaluation
    // Bumps when the form is replaced from an address (the screen drops what it keeps per field).
    std::uint64_t visit = 0;
    FinanceApplyState apply;
};

class FinanceModule final : public Module {
public:
    static constexpr const char* kBanksUrl = "/api/v1/finance/banks";
    static constexpr const char* kApplicationsUrl = "/api/v1/finance/applications";
    explicit FinanceModule(AppController& app);
    const FinanceState& state() const { return m_state; }
    Country country() const;
    Currency currency() const;
    // The first problem of `field` (its locale key), or nullptr.
    const char* problemOf(FinanceField field) const;
    // The signing date (today); tests set their own.
    void setToday(std::function<finance::CivilDate()> today) { m_today = std::move(today); }

    // [SECTION] Actions (each evaluates and rewrites the address)
    void setText(FinanceField field, const std::string& text);
    void chooseTerm(int months);
    // The down payment as a percent of the price or as an amount: the value is converted, so
    // the loan stays the same.
    void setDownPercent(bool percent);
    void setFeePercent(bool percent);
    void setFeeFinanced(bool financed);
    void setInsuranceFinanced(bool financed);
    void setType(FinanceType type); // murabaha only where offered

    // [SECTION] Applying
    // The terms an application would carry now (nullopt while the form has a problem).
    std::optional<ApplyTerms> applyTerms() const;
    // The ticked banks that fit the terms now (what "Apply to N banks" sends).
    std::vector<std::string> chosenBanks() const;
    // The buyer's applications for this listing, newest first.
    std::vector<LoanApplicationInfo> applicationsHere() const;
    void toggleBank(const std::string& bankId);
    void setApplicant(ApplicantField field, const std::string& text);
    void setEmployment(const std::string& employment);
    void setConsent(bool consent);
    void submitApplication();
    void refreshApplications();

    // [SECTION] Module
    const char* id() const override { return "finance"; }
    bool claims(const AppUrl& url) const override;
    void enter(const AppUrl& url, Entry how) override;
    std::string url() const override;
    Status status() const override { return m_state.listing.status(); }
    const RequestError& error() const override { return m_state.listing.error(); }
    std::string title(const Strings& s) const override;
    void retry() override { load(); }
    void prefetch(const AppUrl& url) override;
    void describe(nlohmann::json& state, bool current) const override;
    void update(double nowMs) override;
    std::optional<double> nextUpdateAt() const override;

private:
    void loadBanks();
    void sessionChanged();
    bool applicationsWanted() const;
    void load();
    void applyRoute();
    void evaluate();
    void changed(); // evaluate, then the address

    FinanceState m_state;
    FinanceRoute m_route; // the address entered, until the listing is known
    std::function<finance::CivilDate()> m_today;
    std::uint64_t m_sessionGeneration = 0;
    bool m_appsWanted = true; // load the buyer's applications when signed in on this screen
};

} // namespace dongelek

// The loan calculator's controller: loads the listing of the address, fills the form from its
// defaults and the address, and evaluates it on every edit.

#include "client/features/finance/finance_module.hpp"

#include "client/app_controller.hpp"
#include "core/json_mapping.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>

namespace dongelek {

namespace {

std::string detailsUrl(std::int64_t id) { return "/api/v1/listings/" + std::to_string(id); }

// Today in UTC (Howard Hinnant's civil_from_days).
finance::CivilDate todayUtc()
{
    using namespace std::chrono;
    std::int64_t z = duration_cast<seconds>(system_clock::now().time_since_epoch()).count() / 86400 + 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const std::int64_t doe = z - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    const int y = static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0));
    return finance::CivilDate{y, m, d};
}

nlohmann::json problemsJson(const std::vector<FieldProblem>& problems)
{
    nlohmann::json out = nlohmann::json::array();
    for (const FieldProblem& p : problems)
        out.push_back({{"field", std::string(toString(p.field))}, {"key", p.key}});
    return out;
}

} // namespace

FinanceModule::FinanceModule(AppController& app) : Module(app)
{
    app.session().subscribe([this] { sessionChanged(); });
}

// [SECTION] Reading

Country FinanceModule::country() const
{
    return m_state.listing.has() ? m_state.listing.value().summary.country : Country::KZ;
}

Currency FinanceModule::currency() const
{
    return m_state.listing.has() ? m_state.listing.value().summary.price.currency : Currency::KZT;
}

const char* FinanceModule::problemOf(FinanceField field) const
{
    for (const auto* list : {&m_state.problems, &m_state.earlyProblems})
        for (const FieldProblem& p : *list)
            if (p.field == field) return p.key.c_str();
    return nullptr;
}

bool FinanceModule::claims(const AppUrl& url) const { return FinanceRoute::parse(url).has_value(); }

std::string FinanceModule::url() const
{
    if (m_state.listing.status() != Status::Ready) return m_route.url();
    return routeOf(m_state.form, m_state.listingId).url();
}

std::string FinanceModule::title(const Strings& s) const
{
    if (!m_state.listing.has()) return s.get("title.finance_window");
    return s.format("title.finance", {{"title", m_state.listing.value().summary.title}});
}

void FinanceModule::describe(nlohmann::json& state, bool current) const
{
    if (!current) return;
    const FinanceState& f = m_state;
    nlohmann::json j = {
        {"listingId", f.listingId},
        {"listing", toString(f.listing.status())},
        {"calculations", f.calculations},
    };
    if (f.listing.has()) {
        j["country"] = std::string(toString(country()));
        j["currency"] = std::string(toString(currency()));
        j["type"] = std::string(toString(f.form.type));
        j["problems"] = problemsJson(f.problems);
        j["stale"] = f.stale;
    }
    if (f.result) {
        const FinanceResult& r = *f.result;
        j["monthly"] = r.monthlyPayment;
        j["first"] = r.firstPayment;
        j["last"] = r.lastPayment;
        j["totalPaid"] = r.totalPaid;
        j["totalInterest"] = r.totalInterest;
        j["rows"] = r.rows.size();
        j["gesvTenths"] = r.effective.gesvTenths;
        j["aprHundredths"] = r.effective.aprHundredths;
    }
    nlohmann::json early = {{"asked", f.earlyAsked}, {"problems", problemsJson(f.earlyProblems)}, {"stale", f.earlyStale}};
    if (f.early) {
        early["shorterSaved"] = f.early->shorterTerm.saved;
        early["shorterMonths"] = f.early->shorterTerm.monthsSaved;
        early["lowerSaved"] = f.early->lowerPayment.saved;
        early["lowerPayment"] = f.early->lowerPayment.newPayment;
    }
    j["early"] = std::move(early);
    const FinanceApplyState& a = f.apply;
    nlohmann::json apply = {{"banks", toString(a.banks.status())},
                            {"chosen", chosenBanks()},
                            {"submitting", a.submitting},
                            {"consent", a.applicant.consent},
                            {"sent", a.justSent.size()}};
    if (a.error) apply["error"] = {{"field", a.error->field}, {"key", a.error->key}};
    nlohmann::json apps = nlohmann::json::array();
    for (const LoanApplicationInfo& x : applicationsHere())
        apps.push_back({{"id", x.id}, {"bank", x.bankId}, {"status", toString(x.status)}});
    apply["applications"] = std::move(apps);
    j["apply"] = std::move(apply);
    state["finance"] = std::move(j);
}

// [SECTION] Loading

void FinanceModule::enter(const AppUrl& url, Entry)
{
    const std::optional<FinanceRoute> route = FinanceRoute::parse(url);
    if (!route) return;
    m_route = *route;
    m_appsWanted = true; // a later visit: the statuses may have moved
    m_state.apply.error.reset();
    if (m_state.listingId != route->listingId) {
        const std::uint64_t visit = m_state.visit;
        ApplicantForm applicant = std::move(m_state.apply.applicant);
        m_state = FinanceState{};
        m_state.visit = visit;
        m_state.apply.applicant = std::move(applicant);
        m_state.listingId = route->listingId;
    }
    if (m_state.listing.status() == Status::Ready) {
        applyRoute(); // Back/Forward: the inputs of that address
        if (m_state.apply.banks.needsLoad()) loadBanks();
    } else {
        load();
    }
}

void FinanceModule::prefetch(const AppUrl& url)
{
    if (app().isCurrent(*this)) return;
    const std::optional<FinanceRoute> route = FinanceRoute::parse(url);
    if (!route || (route->listingId == m_state.listingId && !m_state.listing.needsLoad())) return;
    if (route->listingId != m_state.listingId) {
        const std::uint64_t visit = m_state.visit;
        ApplicantForm applicant = std::move(m_state.apply.applicant);
        m_state = FinanceState{};
        m_state.visit = visit;
        m_state.apply.applicant = std::move(applicant);
        m_state.listingId = route->listingId;
        m_route = *route;
    }
    load();
}

void FinanceModule::load()
{
    if (m_state.listing.loading()) return;
    const auto gen = m_state.listing.begin();
    const std::int64_t id = m_state.listingId;
    app().api().get<ListingDetails>(detailsUrl(id), [this, gen, id](ApiResult<ListingDetails> r) {
        if (m_state.listingId != id || !m_state.listing.settle(gen, std::move(r))) return;
        if (m_state.listing.status() == Status::Ready) loadBanks();
        if (m_state.listing.status() == Status::Ready && app().isCurrent(*this)) {
            applyRoute();
            app().addressChanged(*this); // a tidied address (a type the country does not offer)
        }
        if (app().isCurrent(*this)) app().titleChanged();
    });
}

void FinanceModule::applyRoute()
{
    m_state.form = formFor(m_route, m_state.listing.value().summary);
    m_state.result.reset();
    m_state.early.reset();
    ++m_state.visit;
    evaluate();
}

// [SECTION] Evaluation

void FinanceModule::evaluate()
{
    const finance::CivilDate start = m_today ? m_today() : todayUtc();
    Evaluation e = dongelek::evaluate(m_state.form, currency(), start);
    m_state.problems = std::move(e.problems);
    if (e.result) m_state.result = std::move(e.result);
    m_state.stale = !m_state.problems.empty() && m_state.result.has_value();
    m_state.earlyAsked = e.earlyAsked;
    m_state.earlyProblems = std::move(e.earlyProblems);
    if (e.early) m_state.early = std::move(e.early);
    else if (!e.earlyAsked) m_state.early.reset();
    m_state.earlyStale = !e.early && m_state.early.has_value();
    ++m_state.calculations;
}

void FinanceModule::changed()
{
    evaluate();
    m_route = routeOf(m_state.form, m_state.listingId);
    app().addressChanged(*this);
}

// [SECTION] Actions

void FinanceModule::setText(FinanceField field, const std::string& text)
{
    if (!m_state.listing.has()) return;
    if (m_state.form[field] == text && m_state.form.isSet(field)) return;
    m_state.form[field] = text;
    m_state.form.markSet(field);
    changed();
}

void FinanceModule::chooseTerm(int months) { setText(FinanceField::Term, std::to_string(months)); }

void FinanceModule::setDownPercent(bool percent)
{
    FinanceForm& f = m_state.form;
    if (!m_state.listing.has() || f.downPercent == percent) return;
    const auto price = amountMinorOf(f[FinanceField::Price], currency());
    std::string& text = f[FinanceField::DownPayment];
    if (price && *price > 0) {
        if (percent) {
            if (const auto amount = amountMinorOf(text, currency()))
                text = percentText(finance::mulDivHalfUp(*amount, finance::kBasisPointsPerWhole, *price));
        } else if (const auto bp = percentBpOf(text)) {
            text = amountText(finance::resolveShare(finance::Share::percentBp(*bp), *price), currency());
        }
    }
    f.downPercent = percent;
    f.markSet(FinanceField::DownPayment);
    changed();
}

void FinanceModule::setFeePercent(bool percent)
{
    FinanceForm& f = m_state.form;
    if (!m_state.listing.has() || f.feePercent == percent) return;
    const std::int64_t base = m_state.result ? m_state.result->feeBase : 0;
    std::string& text = f[FinanceField::OneTimeFee];
    if (base > 0 && !text.empty()) {
        if (percent) {
            if (const auto amount = amountMinorOf(text, currency()))
                text = percentText(finance::mulDivHalfUp(*amount, finance::kBasisPointsPerWhole, base));
        } else if (const auto bp = percentBpOf(text)) {
            text = amountText(finance::resolveShare(finance::Share::percentBp(*bp), base), currency());
        }
    }
    f.feePercent = percent;
    f.markSet(FinanceField::OneTimeFee);
    changed();
}

void FinanceModule::setFeeFinanced(bool financed)
{
    if (!m_state.listing.has()) return;
    m_state.form.feeFinanced = financed;
    m_state.form.feeFinancedSet = true;
    changed();
}

void FinanceModule::setInsuranceFinanced(bool financed)
{
    if (!m_state.listing.has()) return;
    m_state.form.insuranceFinanced = financed;
    m_state.form.insuranceFinancedSet = true;
    changed();
}

void FinanceModule::setType(FinanceType type)
{
    FinanceForm& f = m_state.form;
    if (!m_state.listing.has() || !offers(country(), type) || f.type == type) return;
    // A flat profit rate and a nominal interest rate are different numbers: a change between
    // them starts from the new kind's default.
    if (isMurabaha(type) != isMurabaha(f.type)) {
        f[FinanceField::Rate] = percentText(defaultRateBp(country(), type));
        f.set[static_cast<std::size_t>(FinanceField::Rate)] = false;
    }
    f.type = type;
    f.typeSet = true;
    changed();
}

// [SECTION] Applying

void FinanceModule::sessionChanged()
{
    const Session& session = app().session();
    if (session.generation() == m_sessionGeneration) return;
    m_sessionGeneration = session.generation();
    // Another account (or none): nothing of the last one's stays.
    FinanceApplyState& a = m_state.apply;
    a.applicant = ApplicantForm{};
    a.chosen.clear();
    a.error.reset();
    a.justSent.clear();
    a.submitting = false;
    a.applications = Remote<LoanApplicationList>{};
    m_appsWanted = true;
}

void FinanceModule::loadBanks()
{
    FinanceApplyState& a = m_state.apply;
    if (a.banks.loading() || !m_state.listing.has()) return;
    const auto gen = a.banks.begin();
    const std::int64_t id = m_state.listingId;
    const std::string url = std::string(kBanksUrl) + "?country=" + std::string(toString(country()));
    app().api().get<PartnerBankList>(url, [this, gen, id](ApiResult<PartnerBankList> r) {
        if (m_state.listingId != id) return;
        m_state.apply.banks.settle(gen, std::move(r));
    });
}

bool FinanceModule::applicationsWanted() const
{
    return m_appsWanted && app().session().signedIn() && m_state.listing.has() && app().isCurrent(*this);
}

void FinanceModule::update(double)
{
    if (!applicationsWanted()) return;
    m_appsWanted = false;
    refreshApplications();
}

std::optional<double> FinanceModule::nextUpdateAt() const
{
    if (applicationsWanted()) return 0.0;
    return std::nullopt;
}

void FinanceModule::refreshApplications()
{
    FinanceApplyState& a = m_state.apply;
    if (!app().session().signedIn() || a.applications.loading()) return;
    const auto gen = a.applications.begin();
    const std::uint64_t session = app().session().generation();
    app().session().call<LoanApplicationList>(HttpRequest::get(kApplicationsUrl),
                                              [this, gen, session](ApiResult<LoanApplicationList> r) {
                                                  if (session != app().session().generation()) return;
                                                  m_state.apply.applications.settle(gen, std::move(r));
                                              });
}

std::optional<ApplyTerms> FinanceModule::applyTerms() const
{
    if (!m_state.listing.has() || !m_state.problems.empty() || !m_state.result) return std::nullopt;
    std::optional<ApplyTerms> t = applyTermsOf(m_state.form, &*m_state.result, currency());
    if (t) t->carAgeYears = (m_today ? m_today() : todayUtc()).year - m_state.listing.value().summary.year;
    return t;
}

std::vector<std::string> FinanceModule::chosenBanks() const
{
    std::vector<std::string> out;
    const FinanceApplyState& a = m_state.apply;
    const std::optional<ApplyTerms> terms = applyTerms();
    if (!terms || !a.banks.has()) return out;
    for (const std::string& id : a.chosen)
        for (const PartnerBank& b : a.banks.value().banks)
            if (b.id == id && bankFit(b, *terms).choosable()) out.push_back(id);
    return out;
}

std::vector<LoanApplicationInfo> FinanceModule::applicationsHere() const
{
    std::vector<LoanApplicationInfo> out;
    if (!m_state.apply.applications.has()) return out;
    for (const LoanApplicationInfo& x : m_state.apply.applications.value().applications)
        if (x.listingId == m_state.listingId) out.push_back(x);
    return out;
}

void FinanceModule::toggleBank(const std::string& bankId)
{
    std::vector<std::string>& chosen = m_state.apply.chosen;
    const auto it = std::find(chosen.begin(), chosen.end(), bankId);
    if (it != chosen.end()) chosen.erase(it);
    else chosen.push_back(bankId);
}

void FinanceModule::setApplicant(ApplicantField field, const std::string& text)
{
    ApplicantForm& f = m_state.apply.applicant;
    f[field] = text;
    if (field == ApplicantField::Email) f.emailTyped = true;
}

void FinanceModule::setEmployment(const std::string& employment) { m_state.apply.applicant.employment = employment; }

void FinanceModule::setConsent(bool consent) { m_state.apply.applicant.consent = consent; }

void FinanceModule::submitApplication()
{
    FinanceApplyState& a = m_state.apply;
    const std::optional<ApplyTerms> terms = applyTerms();
    const std::vector<std::string> banks = chosenBanks();
    if (a.submitting || !terms || banks.empty() || !app().session().signedIn()) return;
    ApplicantForm applicant = a.applicant;
    if (!applicant.emailTyped && applicant[ApplicantField::Email].empty())
        if (const User* u = app().session().currentUser()) applicant[ApplicantField::Email] = u->email;
    a.error.reset();
    a.submitting = true;
    const std::uint64_t session = app().session().generation();
    const std::int64_t listingId = m_state.listingId;
    app().session().call<LoanApplicationList>(
        HttpRequest::json("POST", kApplicationsUrl, applicationBody(listingId, banks, *terms, applicant)),
        [this, session, listingId](ApiResult<LoanApplicationList> r) {
            if (session != app().session().generation()) return;
            FinanceApplyState& st = m_state.apply;
            st.submitting = false;
            if (!r.ok) {
                ApplyError e;
                e.field = r.error.api.field;
                e.key = applyErrorKey(r.error.api.code, r.error.api.field);
                e.message = r.error.api.message;
                if (e.key.empty() && r.error.kind == ErrorKind::Network) e.key = "finance.apply.error.network";
                if (e.key.empty() && e.message.empty()) e.key = "finance.apply.error.failed";
                st.error = std::move(e);
                return;
            }
            if (m_state.listingId != listingId) return;
            st.justSent.clear();
            LoanApplicationList list = st.applications.has() ? st.applications.value() : LoanApplicationList{};
            // Newest first, as the server lists them.
            list.applications.insert(list.applications.begin(), r.value.applications.begin(), r.value.applications.end());
            for (const LoanApplicationInfo& x : r.value.applications) st.justSent.push_back(x.id);
            ApiResult<LoanApplicationList> merged;
            merged.ok = true;
            merged.value = std::move(list);
            st.applications.settle(st.applications.begin(), std::move(merged));
            st.chosen.clear();
            st.applicant.consent = false; // consent is given per application
        });
}

} // namespace dongelek

// The loan calculator's controller: loads the listing of the address, fills the form from its
// defaults and the address, and evaluates it on every edit.

#include "client/features/finance/finance_module.hpp"

#include "client/app_controller.hpp"
#include "core/json_mapping.hpp"

#include <nlohmann/json.hpp>

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
    state["finance"] = std::move(j);
}

// [SECTION] Loading

void FinanceModule::enter(const AppUrl& url, Entry)
{
    const std::optional<FinanceRoute> route = FinanceRoute::parse(url);
    if (!route) return;
    m_route = *route;
    if (m_state.listingId != route->listingId) {
        const std::uint64_t visit = m_state.visit;
        m_state = FinanceState{};
        m_state.visit = visit;
        m_state.listingId = route->listingId;
    }
    if (m_state.listing.status() == Status::Ready) applyRoute(); // Back/Forward: the inputs of that address
    else load();
}

void FinanceModule::prefetch(const AppUrl& url)
{
    if (app().isCurrent(*this)) return;
    const std::optional<FinanceRoute> route = FinanceRoute::parse(url);
    if (!route || (route->listingId == m_state.listingId && !m_state.listing.needsLoad())) return;
    if (route->listingId != m_state.listingId) {
        const std::uint64_t visit = m_state.visit;
        m_state = FinanceState{};
        m_state.visit = visit;
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

} // namespace dongelek

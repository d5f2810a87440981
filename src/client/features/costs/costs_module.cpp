// The cost estimate's controller: loads the listing and the tariffs, fills the form from the
// defaults and the address, and evaluates it on every edit.

#include "client/features/costs/costs_module.hpp"

#include "client/app_controller.hpp"
#include "core/json_mapping.hpp"

#include <nlohmann/json.hpp>

#include <chrono>
#include <ctime>

namespace dongelek {

namespace {

std::string detailsUrl(std::int64_t id) { return "/api/v1/listings/" + std::to_string(id); }

int thisYearUtc()
{
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
#if defined(_WIN32)
    gmtime_s(&tm, &now);
#else
    gmtime_r(&now, &tm);
#endif
    return tm.tm_year + 1900;
}

// Sets a choice of the form and marks it the buyer's; whether anything changed.
template <typename T> bool choose(T& value, bool& set, const T& to)
{
    const bool changed = value != to || !set;
    value = to;
    set = true;
    return changed;
}

nlohmann::json breakdownJson(const std::optional<finance::CostBreakdown>& b)
{
    if (!b) return nullptr;
    nlohmann::json lines = nlohmann::json::array();
    for (const finance::CostLine& l : b->lines) lines.push_back({{"key", l.key}, {"minor", l.amount.amountMinor}});
    nlohmann::json problems = nlohmann::json::array();
    for (const finance::CostProblem& p : b->problems) problems.push_back(p.key);
    return {{"lines", std::move(lines)}, {"total", b->total.amountMinor}, {"problems", std::move(problems)}};
}

} // namespace

CostsModule::CostsModule(AppController& app) : Module(app) {}

Country CostsModule::country() const
{
    return m_state.listing.has() ? m_state.listing.value().summary.country : Country::KZ;
}

Currency CostsModule::currency() const
{
    return m_state.listing.has() ? m_state.listing.value().summary.price.currency : Currency::KZT;
}

const char* CostsModule::problemOf(CostsField field) const
{
    for (const CostsProblem& p : m_state.estimate.problems)
        if (p.field == field) return p.key.c_str();
    return nullptr;
}

bool CostsModule::claims(const AppUrl& url) const { return CostsRoute::parse(url).has_value(); }

std::string CostsModule::url() const
{
    return m_state.ready ? costsRouteOf(m_state.form, m_state.listingId).url() : m_route.url();
}

// The screen waits for both: an error of either is the screen's.
Status CostsModule::status() const
{
    for (const Status s : {m_state.listing.status(), m_state.tariffs.status()})
        if (s == Status::Error) return s;
    if (m_state.ready) return Status::Ready;
    return Status::Loading;
}

const RequestError& CostsModule::error() const
{
    return m_state.listing.status() == Status::Error ? m_state.listing.error() : m_state.tariffs.error();
}

std::string CostsModule::title(const Strings& s) const
{
    if (!m_state.listing.has()) return s.get("title.costs_window");
    return s.format("title.costs", {{"title", m_state.listing.value().summary.title}});
}

void CostsModule::retry() { load(); }

void CostsModule::describe(nlohmann::json& state, bool current) const
{
    if (!current) return;
    const CostsState& c = m_state;
    nlohmann::json j = {{"listingId", c.listingId}, {"ready", c.ready}, {"calculations", c.calculations}};
    if (c.ready) {
        const CostsEvaluation& e = c.estimate;
        nlohmann::json problems = nlohmann::json::array();
        for (const CostsProblem& p : e.problems) problems.push_back({{"field", std::string(toString(p.field))}, {"key", p.key}});
        j["country"] = std::string(toString(country()));
        j["problems"] = std::move(problems);
        j["customs"] = breakdownJson(e.customs);
        j["registration"] = breakdownJson(e.registration);
        j["compulsory"] = breakdownJson(e.insurance.compulsory);
        j["fullCover"] = breakdownJson(e.insurance.comprehensive);
        j["fullCoverIncluded"] = e.fullCoverIncluded;
        j["ownership"] = breakdownJson(e.ownership);
        j["loanMonthly"] = e.loanMonthly ? nlohmann::json(e.loanMonthly->amountMinor) : nlohmann::json(nullptr);
        j["monthly"] = e.monthly ? nlohmann::json(e.monthly->amountMinor) : nlohmann::json(nullptr);
        j["region"] = c.form.region;
        j["bonusMalus"] = c.form.bonusMalus;
        j["registrationKind"] = c.form.registration == CostsRegistration::First ? "first" : "transfer";
    }
    state["costs"] = std::move(j);
}

// [SECTION] Loading

void CostsModule::reset(std::int64_t listingId)
{
    const std::uint64_t visit = m_state.visit;
    Remote<AllTariffs> tariffs = std::move(m_state.tariffs);
    m_state = CostsState{};
    m_state.visit = visit;
    m_state.tariffs = std::move(tariffs);
    m_state.listingId = listingId;
}

void CostsModule::enter(const AppUrl& url, Entry)
{
    const std::optional<CostsRoute> route = CostsRoute::parse(url);
    if (!route) return;
    m_route = *route;
    if (m_state.listingId != route->listingId) reset(route->listingId);
    if (m_state.ready) applyRoute(); // Back/Forward: the inputs of that address
    else load();
}

void CostsModule::prefetch(const AppUrl& url)
{
    if (app().isCurrent(*this)) return;
    const std::optional<CostsRoute> route = CostsRoute::parse(url);
    if (!route) return;
    if (route->listingId != m_state.listingId) {
        reset(route->listingId);
        m_route = *route;
    }
    load();
}

void CostsModule::load()
{
    if (m_state.tariffs.needsLoad()) {
        const auto gen = m_state.tariffs.begin();
        app().api().get<AllTariffs>(kTariffsUrl, [this, gen](ApiResult<AllTariffs> r) {
            if (m_state.tariffs.settle(gen, std::move(r))) settled();
        });
    }
    if (m_state.listing.needsLoad()) {
        const auto gen = m_state.listing.begin();
        const std::int64_t id = m_state.listingId;
        app().api().get<ListingDetails>(detailsUrl(id), [this, gen, id](ApiResult<ListingDetails> r) {
            if (m_state.listingId != id || !m_state.listing.settle(gen, std::move(r))) return;
            settled();
        });
    }
}

void CostsModule::settled()
{
    if (!m_state.ready && m_state.listing.status() == Status::Ready && m_state.tariffs.status() == Status::Ready) {
        m_state.ready = true;
        if (app().isCurrent(*this)) {
            applyRoute();
            app().addressChanged(*this); // a tidied address (a region the files do not have)
        } else {
            applyRoute();
        }
    }
    if (app().isCurrent(*this)) app().titleChanged();
}

void CostsModule::applyRoute()
{
    const ListingDetails& d = m_state.listing.value();
    m_state.form = costsFormFor(m_route, d.summary, d.engineLitres, m_state.tariffs.value());
    ++m_state.visit;
    changed();
}

void CostsModule::changed()
{
    const ListingDetails& d = m_state.listing.value();
    m_state.estimate = evaluateCosts(m_state.form, d.summary, m_state.tariffs.value(), m_year ? m_year() : thisYearUtc());
    ++m_state.calculations;
    m_route = costsRouteOf(m_state.form, m_state.listingId);
}

// [SECTION] Actions

void CostsModule::edit(const std::function<bool(CostsForm&)>& change)
{
    if (!m_state.ready || !change(m_state.form)) return;
    changed();
    app().addressChanged(*this);
}

void CostsModule::setText(CostsField field, const std::string& text)
{
    edit([&](CostsForm& f) {
        if (f[field] == text && f.isSet(field)) return false;
        f[field] = text;
        f.markSet(field);
        return true;
    });
}

void CostsModule::setRegistration(CostsRegistration r)
{
    edit([r](CostsForm& f) { return choose(f.registration, f.registrationSet, r); });
}

void CostsModule::setRegion(const std::string& id)
{
    edit([&id](CostsForm& f) { return choose(f.region, f.regionSet, id); });
}

void CostsModule::setBonusMalus(const std::string& id)
{
    edit([&id](CostsForm& f) { return choose(f.bonusMalus, f.bonusMalusSet, id); });
}

void CostsModule::setFullCover(bool on)
{
    edit([on](CostsForm& f) { return choose(f.fullCover, f.fullCoverSet, on); });
}

} // namespace dongelek

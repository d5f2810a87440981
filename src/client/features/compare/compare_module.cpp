// The comparison controller. Device copy of the tray: a JSON array of listing summaries.

#include "client/features/compare/compare_module.hpp"

#include "client/app_controller.hpp"
#include "core/json_mapping.hpp"
#include "core/money.hpp"
#include "core/routes/favorites_routes.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <functional>

namespace dongelek {

const char* labelKey(CompareField f)
{
    switch (f) {
    case CompareField::Price: return "compare.row.price";
    case CompareField::Year: return "compare.row.year";
    case CompareField::Mileage: return "compare.row.mileage";
    case CompareField::Engine: return "compare.row.engine";
    case CompareField::Power: return "compare.row.power";
    case CompareField::Fuel: return "compare.row.fuel";
    case CompareField::Transmission: return "compare.row.transmission";
    case CompareField::Drive: return "compare.row.drive";
    case CompareField::Body: return "compare.row.body";
    case CompareField::Color: return "compare.row.color";
    case CompareField::Owners: return "compare.row.owners";
    case CompareField::Accidents: return "compare.row.accidents";
    case CompareField::Customs: return "compare.row.customs";
    case CompareField::City: return "compare.row.city";
    case CompareField::Seller: return "compare.row.seller";
    case CompareField::Checks: return "compare.row.checks";
    }
    return "compare.row.price";
}

namespace {

enum class Better { None, Lower, Higher };

struct FieldRule {
    CompareField field;
    Better better;
    std::function<double(const ListingDetails&)> number; // for the best value
    std::function<std::string(const ListingDetails&)> key; // for "differs"
};

std::string num(double v) { return std::to_string(v); }

const std::vector<FieldRule>& rules()
{
    static const std::vector<FieldRule> all = {
        {CompareField::Price, Better::Lower, [](const ListingDetails& d) { return double(toKztWhole(d.summary.price)); },
         [](const ListingDetails& d) { return num(double(toKztWhole(d.summary.price))); }},
        {CompareField::Year, Better::Higher, [](const ListingDetails& d) { return double(d.summary.year); },
         [](const ListingDetails& d) { return num(d.summary.year); }},
        {CompareField::Mileage, Better::Lower, [](const ListingDetails& d) { return double(d.summary.mileageKm); },
         [](const ListingDetails& d) { return num(d.summary.mileageKm); }},
        {CompareField::Engine, Better::None, nullptr, [](const ListingDetails& d) { return num(d.engineLitres); }},
        {CompareField::Power, Better::Higher, [](const ListingDetails& d) { return double(d.powerHp); },
         [](const ListingDetails& d) { return num(d.powerHp); }},
        {CompareField::Fuel, Better::None, nullptr,
         [](const ListingDetails& d) { return std::string(toString(d.summary.fuel)); }},
        {CompareField::Transmission, Better::None, nullptr,
         [](const ListingDetails& d) { return std::string(toString(d.summary.transmission)); }},
        {CompareField::Drive, Better::None, nullptr, [](const ListingDetails& d) { return std::string(toString(d.drive)); }},
        {CompareField::Body, Better::None, nullptr,
         [](const ListingDetails& d) { return std::string(toString(d.summary.body)); }},
        {CompareField::Color, Better::None, nullptr, [](const ListingDetails& d) { return d.color; }},
        {CompareField::Owners, Better::Lower, [](const ListingDetails& d) { return double(d.owners); },
         [](const ListingDetails& d) { return num(d.owners); }},
        {CompareField::Accidents, Better::Lower, [](const ListingDetails& d) { return double(d.accidents); },
         [](const ListingDetails& d) { return num(d.accidents); }},
        {CompareField::Customs, Better::Higher, [](const ListingDetails& d) { return d.customsCleared ? 1.0 : 0.0; },
         [](const ListingDetails& d) { return std::string(d.customsCleared ? "1" : "0"); }},
        {CompareField::City, Better::None, nullptr, [](const ListingDetails& d) { return d.summary.city; }},
        {CompareField::Seller, Better::None, nullptr,
         [](const ListingDetails& d) { return std::string(toString(d.seller.kind)) + "|" + d.seller.name; }},
        {CompareField::Checks, Better::Higher,
         [](const ListingDetails& d) { return double(d.summary.vinVerified) + double(d.summary.sellerVerified); },
         [](const ListingDetails& d) {
             return std::string(d.summary.vinVerified ? "v" : "-") + (d.summary.sellerVerified ? "s" : "-");
         }},
    };
    return all;
}

} // namespace

std::vector<CompareRow> compareRows(const std::vector<ListingDetails>& cars)
{
    std::vector<CompareRow> out;
    for (const FieldRule& rule : rules()) {
        CompareRow row;
        row.field = rule.field;
        row.best.assign(cars.size(), false);
        for (std::size_t i = 1; i < cars.size(); ++i)
            if (rule.key(cars[i]) != rule.key(cars[0])) row.differs = true;
        if (row.differs && rule.better != Better::None) {
            double best = rule.number(cars[0]);
            for (const ListingDetails& c : cars)
                best = rule.better == Better::Lower ? std::min(best, rule.number(c)) : std::max(best, rule.number(c));
            for (std::size_t i = 0; i < cars.size(); ++i)
                row.best[i] = rule.number(cars[i]) == best;
        }
        out.push_back(std::move(row));
    }
    return out;
}

bool CompareModule::claims(const AppUrl& url) const { return CompareRoute::parse(url).has_value(); }
std::string CompareModule::url() const { return CompareRoute{m_state.ids}.url(); }
std::string CompareModule::title(const Strings& s) const { return s.get("title.compare"); }

bool CompareModule::isSelected(std::int64_t listingId) const
{
    return std::any_of(m_state.selected.begin(), m_state.selected.end(),
                       [&](const ListingSummary& l) { return l.id == listingId; });
}

std::string CompareModule::compareUrl() const
{
    CompareRoute r;
    for (const ListingSummary& l : m_state.selected)
        r.ids.push_back(l.id);
    return r.url();
}

Status CompareModule::status() const
{
    if (m_state.ids.empty()) return Status::Empty;
    const Status s = m_state.comparison.status();
    return s == Status::Idle ? Status::Loading : s;
}

void CompareModule::describe(nlohmann::json& state, bool current) const
{
    nlohmann::json selected = nlohmann::json::array();
    for (const ListingSummary& l : m_state.selected)
        selected.push_back(l.id);
    nlohmann::json compare = {{"selected", selected}, {"limitReached", m_state.limitReached}};
    if (current) {
        compare["ids"] = m_state.ids;
        compare["differencesOnly"] = m_state.differencesOnly;
        if (m_state.comparison.has()) {
            std::size_t shown = 0;
            for (const CompareRow& r : compareRows(m_state.comparison.value().items))
                if (!m_state.differencesOnly || r.differs) ++shown;
            compare["rows"] = shown;
            compare["columns"] = m_state.comparison.value().items.size();
        }
    }
    state["compare"] = std::move(compare);
}

void CompareModule::start()
{
    const DeviceStore& store = app().deviceStore();
    if (!store.load) return;
    store.load(kStoreKey, [this](std::string text) {
        if (text.empty() || !m_state.selected.empty()) return; // a link's comparison came first
        std::vector<ListingSummary> saved;
        if (!parseJson(text, saved)) return;
        if (saved.size() > kMax) saved.resize(kMax);
        m_state.selected = std::move(saved);
    });
}

void CompareModule::saveDevice()
{
    const DeviceStore& store = app().deviceStore();
    if (store.save)
        store.save(kStoreKey, m_state.selected.empty() ? std::string() : nlohmann::json(m_state.selected).dump());
}

bool CompareModule::toggle(const ListingSummary& listing)
{
    if (isSelected(listing.id)) {
        remove(listing.id);
        return true;
    }
    if (m_state.selected.size() >= kMax) {
        m_state.limitReached = true;
        m_noticeNew = true;
        return false;
    }
    m_state.limitReached = false;
    m_state.selected.push_back(listing);
    saveDevice();
    return true;
}

void CompareModule::remove(std::int64_t listingId)
{
    m_state.limitReached = false;
    m_state.selected.erase(std::remove_if(m_state.selected.begin(), m_state.selected.end(),
                                          [&](const ListingSummary& l) { return l.id == listingId; }),
                           m_state.selected.end());
    saveDevice();
    if (!app().isCurrent(*this)) return;
    const auto it = std::find(m_state.ids.begin(), m_state.ids.end(), listingId);
    if (it == m_state.ids.end()) return;
    m_state.ids.erase(it);
    if (m_state.comparison.has()) {
        // The table loses the column at once; the address says what is compared.
        Comparison c = m_state.comparison.value();
        c.items.erase(std::remove_if(c.items.begin(), c.items.end(),
                                     [&](const ListingDetails& d) { return d.summary.id == listingId; }),
                      c.items.end());
        const auto gen = m_state.comparison.begin();
        ApiResult<Comparison> r;
        r.ok = true;
        r.value = std::move(c);
        m_state.comparison.settle(gen, std::move(r));
    }
    app().addressChanged(*this);
}

void CompareModule::clear()
{
    m_state.selected.clear();
    m_state.limitReached = false;
    saveDevice();
}

void CompareModule::enter(const AppUrl& url, Entry)
{
    const auto route = CompareRoute::parse(url);
    const std::vector<std::int64_t> ids = route ? route->ids : std::vector<std::int64_t>{};
    if (ids != m_state.ids || m_state.comparison.needsLoad()) {
        m_state.ids = ids;
        load();
    }
}

void CompareModule::load()
{
    if (m_state.ids.empty()) {
        m_state.comparison.reset();
        return;
    }
    const auto gen = m_state.comparison.begin();
    const std::vector<std::int64_t> ids = m_state.ids;
    app().api().get<Comparison>("/api/v1/compare?ids=" + joinIds(ids), [this, gen, ids](ApiResult<Comparison> r) {
        if (ids != m_state.ids || !m_state.comparison.settle(gen, std::move(r))) return;
        if (m_state.comparison.status() != Status::Ready) return;
        // A shared link's cars become the tray's, so the comparison can be changed from here.
        if (m_state.selected.empty()) {
            for (const ListingDetails& d : m_state.comparison.value().items)
                m_state.selected.push_back(d.summary);
            saveDevice();
        }
    });
}

void CompareModule::update(double nowMs)
{
    m_nowMs = nowMs;
    if (m_noticeNew) {
        m_noticeNew = false;
        m_noticeUntil = nowMs + kNoticeMs;
    }
    if (m_noticeUntil && nowMs >= *m_noticeUntil) {
        m_noticeUntil.reset();
        m_state.limitReached = false;
    }
}

std::optional<double> CompareModule::nextUpdateAt() const
{
    if (m_noticeNew) return m_nowMs;
    return m_noticeUntil;
}

} // namespace dongelek

// The saved searches' controller: list, save, alert, rename, delete with undo.

#include "client/features/saved_searches/saved_searches_module.hpp"

#include "client/app_controller.hpp"
#include "core/json_mapping.hpp"
#include "core/limits.hpp"
#include "core/listing_query.hpp"
#include "core/routes/browse_route.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace dongelek {

std::size_t SavedSearchesState::shownCount() const
{
    if (!list.has()) return 0;
    std::size_t n = 0;
    for (const SavedSearch& s : list.value().items)
        if (!hidden(s)) ++n;
    return n;
}

const SavedSearch* SavedSearchesState::findByQuery(const std::string& query) const
{
    if (!list.has()) return nullptr;
    for (const SavedSearch& s : list.value().items)
        if (s.query == query && !hidden(s)) return &s;
    return nullptr;
}

std::string SavedSearchesModule::itemUrl(std::int64_t id)
{
    return std::string(kListUrl) + "/" + std::to_string(id);
}

std::string SavedSearchesModule::canonicalQuery(ListingFilter filter)
{
    filter.page = 1;
    filter.pageSize = limits::kPageSizeDefault;
    filter.sort = Sort::Newest;
    return toQueryString(filter);
}

std::string SavedSearchesModule::browseAddress(const SavedSearch& search)
{
    ListingFilter f;
    FieldError e;
    if (!parseListingQuery(search.query, f, e)) return "/";
    return BrowseRoute{f}.url();
}

std::string SavedSearchesModule::suggestName(const ListingFilter& filter, const std::vector<MakeInfo>& makes)
{
    std::vector<std::string> parts;
    for (const std::int64_t makeId : filter.makeIds) {
        const auto make = std::find_if(makes.begin(), makes.end(), [&](const MakeInfo& m) { return m.id == makeId; });
        if (make == makes.end()) continue;
        std::vector<std::string> models;
        for (const std::int64_t modelId : filter.modelIds)
            for (const ModelInfo& model : make->models)
                if (model.id == modelId) models.push_back(make->name + " " + model.name);
        if (models.empty()) parts.push_back(make->name);
        else parts.insert(parts.end(), models.begin(), models.end());
    }
    std::string name;
    for (const std::string& p : parts) name += (name.empty() ? "" : ", ") + p;
    const auto add = [&name](const std::string& piece) { name += (name.empty() ? "" : " \xC2\xB7 ") + piece; };
    if (filter.yearFrom && filter.yearTo)
        add(std::to_string(*filter.yearFrom) + "\xE2\x80\x93" + std::to_string(*filter.yearTo));
    else if (filter.yearFrom) add(std::to_string(*filter.yearFrom) + "+");
    else if (filter.yearTo) add("\xE2\x80\x93" + std::to_string(*filter.yearTo));
    if (!filter.query.empty()) add("\xE2\x80\x9C" + filter.query + "\xE2\x80\x9D");
    return name;
}

SavedSearchesModule::SavedSearchesModule(AppController& app) : Module(app)
{
    app.session().subscribe([this] { sessionChanged(); });
}

void SavedSearchesModule::sessionChanged()
{
    const Session& session = app().session();
    if (session.generation() == m_sessionGeneration) return;
    m_sessionGeneration = session.generation();
    // Another account (or none): nothing of the last one stays.
    m_state = SavedSearchesState{};
    m_loadWanted = session.signedIn();
}

Status SavedSearchesModule::status() const
{
    if (m_state.list.status() == Status::Idle) return Status::Loading;
    if (m_state.list.has() && m_state.shownCount() == 0 && !m_state.list.loading()) return Status::Empty;
    return m_state.list.status();
}

void SavedSearchesModule::enter(const AppUrl&, Entry)
{
    m_state.itemError.clear();
    m_loadWanted = true; // what each finds now and its unread count change while away
}

void SavedSearchesModule::update(double nowMs)
{
    if (m_state.deleting && nowMs >= m_state.deleteDueMs) commitDelete();
    if (m_loadWanted && app().session().signedIn()) {
        m_loadWanted = false;
        load();
    }
}

std::optional<double> SavedSearchesModule::nextUpdateAt() const
{
    if (m_loadWanted && app().session().signedIn()) return 0.0;
    if (m_state.deleting) return m_state.deleteDueMs;
    return std::nullopt;
}

void SavedSearchesModule::load()
{
    const auto gen = m_state.list.begin();
    app().session().call<SavedSearchList>(HttpRequest::get(kListUrl), [this, gen](ApiResult<SavedSearchList> r) {
        m_state.list.settle(gen, std::move(r));
    });
}

void SavedSearchesModule::replaceItem(const SavedSearch& s)
{
    if (!m_state.list.has()) return;
    SavedSearchList list = m_state.list.value();
    auto it = std::find_if(list.items.begin(), list.items.end(), [&](const SavedSearch& x) { return x.id == s.id; });
    if (it != list.items.end()) *it = s;
    else list.items.insert(list.items.begin(), s); // newest first, as the server lists them
    ApiResult<SavedSearchList> r;
    r.ok = true;
    r.value = std::move(list);
    m_state.list.settle(m_state.list.begin(), std::move(r));
}

void SavedSearchesModule::save(const ListingFilter& filter, const std::string& name, bool alert)
{
    if (m_state.saving) return;
    m_state.saveError.clear();
    m_state.justSaved.reset();
    if (m_state.list.has() && m_state.shownCount() >= kMaxSaved) {
        m_state.saveError = "saved.error.too_many"; // the server would refuse it (409)
        return;
    }
    nlohmann::json body{{"query", canonicalQuery(filter)}, {"alert", alert}};
    if (!name.empty()) body["name"] = name;
    m_state.saving = true;
    const std::uint64_t session = app().session().generation();
    app().session().call<SavedSearch>(HttpRequest::json("POST", kListUrl, body), [this, session](ApiResult<SavedSearch> r) {
        if (session != app().session().generation()) return; // signed out meanwhile
        m_state.saving = false;
        if (!r.ok) {
            if (r.error.httpStatus == 409 || r.error.is("too_many")) m_state.saveError = "saved.error.too_many";
            else if (r.error.kind == ErrorKind::Network) m_state.saveError = "saved.error.network";
            else m_state.saveError = "saved.error.failed";
            return;
        }
        m_state.justSaved = r.value;
        ++m_state.saveCount;
        replaceItem(r.value);
    });
}

void SavedSearchesModule::clearSaveResult()
{
    m_state.saveError.clear();
    m_state.justSaved.reset();
}

void SavedSearchesModule::setAlert(std::int64_t id, bool alert)
{
    if (m_state.updating.count(id)) return;
    m_state.itemError.clear();
    m_state.updating.insert(id);
    // Shown switched at once; the server's answer (or a failure) settles it.
    if (m_state.list.has()) {
        for (const SavedSearch& s : m_state.list.value().items)
            if (s.id == id) {
                SavedSearch changed = s;
                changed.alert = alert;
                replaceItem(changed);
            }
    }
    const std::uint64_t session = app().session().generation();
    app().session().call<SavedSearch>(
        HttpRequest::json("PATCH", itemUrl(id), {{"alert", alert}}), [this, id, alert, session](ApiResult<SavedSearch> r) {
            if (session != app().session().generation()) return;
            m_state.updating.erase(id);
            if (r.ok) {
                replaceItem(r.value);
                return;
            }
            m_state.itemError = "saved.error.update";
            if (m_state.list.has())
                for (const SavedSearch& s : m_state.list.value().items)
                    if (s.id == id) {
                        SavedSearch back = s;
                        back.alert = !alert;
                        replaceItem(back);
                        break;
                    }
        });
}

void SavedSearchesModule::rename(std::int64_t id, const std::string& name)
{
    if (name.empty() || m_state.updating.count(id)) return;
    m_state.itemError.clear();
    m_state.updating.insert(id);
    const std::uint64_t session = app().session().generation();
    app().session().call<SavedSearch>(HttpRequest::json("PATCH", itemUrl(id), {{"name", name}}),
                                      [this, id, session](ApiResult<SavedSearch> r) {
                                          if (session != app().session().generation()) return;
                                          m_state.updating.erase(id);
                                          if (r.ok) replaceItem(r.value);
                                          else m_state.itemError = "saved.error.update";
                                      });
}

void SavedSearchesModule::remove(std::int64_t id)
{
    if (!m_state.list.has()) return;
    if (m_state.deleting) commitDelete(); // one undo at a time: the earlier one goes now
    for (const SavedSearch& s : m_state.list.value().items)
        if (s.id == id) {
            m_state.deleting = s;
            m_state.deleteDueMs = app().shared().nowMs + kUndoMs;
            if (m_state.justSaved && m_state.justSaved->id == id) m_state.justSaved.reset();
            return;
        }
}

void SavedSearchesModule::undoRemove() { m_state.deleting.reset(); }

void SavedSearchesModule::commitDelete()
{
    if (!m_state.deleting) return;
    const std::int64_t id = m_state.deleting->id;
    m_state.deleting.reset();
    // Gone from the list at once; a failure puts it back with a message.
    SavedSearch removed;
    if (m_state.list.has()) {
        SavedSearchList list = m_state.list.value();
        auto it = std::find_if(list.items.begin(), list.items.end(), [&](const SavedSearch& x) { return x.id == id; });
        if (it != list.items.end()) {
            removed = *it;
            list.items.erase(it);
        }
        ApiResult<SavedSearchList> r;
        r.ok = true;
        r.value = std::move(list);
        m_state.list.settle(m_state.list.begin(), std::move(r));
    }
    const std::uint64_t session = app().session().generation();
    app().session().call<NoContent>(HttpRequest::empty("DELETE", itemUrl(id)), [this, removed, session](ApiResult<NoContent> r) {
        if (session != app().session().generation()) return;
        if (r.ok || r.error.kind == ErrorKind::NotFound) return; // a 404: it was gone already
        m_state.itemError = "saved.error.delete";
        if (removed.id != 0) replaceItem(removed);
    });
}

void SavedSearchesModule::describe(nlohmann::json& state, bool current) const
{
    nlohmann::json items = nlohmann::json::array();
    if (m_state.list.has())
        for (const SavedSearch& s : m_state.list.value().items)
            if (!m_state.hidden(s))
                items.push_back({{"id", s.id},
                                 {"name", s.name},
                                 {"query", s.query},
                                 {"alert", s.alert},
                                 {"total", s.total},
                                 {"unread", s.unread}});
    nlohmann::json out{{"items", items},
                       {"saving", m_state.saving},
                       {"saveError", m_state.saveError},
                       {"justSaved", m_state.justSaved ? m_state.justSaved->id : 0},
                       {"deleting", m_state.deleting ? m_state.deleting->id : 0},
                       {"error", m_state.itemError}};
    (void)current;
    state["savedSearches"] = std::move(out);
}

} // namespace dongelek

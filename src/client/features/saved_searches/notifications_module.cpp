// The notifications' controller: the unread poll, the list and marking read.

#include "client/features/saved_searches/notifications_module.hpp"

#include "client/app_controller.hpp"
#include "core/json_mapping.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace dongelek {

NotificationsModule::NotificationsModule(AppController& app) : Module(app)
{
    app.session().subscribe([this] { sessionChanged(); });
}

void NotificationsModule::sessionChanged()
{
    const Session& session = app().session();
    if (session.generation() == m_sessionGeneration) return;
    m_sessionGeneration = session.generation();
    m_state = NotificationsState{};
    m_polling = false; // a reply for the last account is dropped (generation check)
    m_pollAt.reset();
    if (session.signedIn()) m_pollAt = app().shared().nowMs; // at once after a sign-in
}

std::optional<double> NotificationsModule::nextPollAt() const
{
    if (!app().session().signedIn() || m_polling) return std::nullopt;
    return m_pollAt;
}

Status NotificationsModule::status() const
{
    if (m_state.list.status() == Status::Idle) return Status::Loading;
    return m_state.list.status();
}

void NotificationsModule::enter(const AppUrl&, Entry)
{
    m_state.fresh.clear();
    m_state.error.clear();
    m_markOnArrival = true;
    m_pollAt = app().shared().nowMs; // the newest at once
}

void NotificationsModule::update(double nowMs)
{
    if (const auto at = nextPollAt(); at && nowMs >= *at) poll();
}

void NotificationsModule::poll()
{
    if (!app().session().signedIn() || m_polling) return;
    m_polling = true;
    const auto gen = m_state.list.begin();
    const std::uint64_t session = app().session().generation();
    app().session().call<NotificationList>(HttpRequest::get(kListUrl), [this, gen, session](ApiResult<NotificationList> r) {
        if (session != app().session().generation()) return;
        m_polling = false;
        m_pollAt = app().shared().nowMs + kPollMs;
        const bool ok = r.ok;
        if (!m_state.list.settle(gen, std::move(r)) || !ok) return;
        m_state.unread = m_state.list.value().unread;
        if (m_markOnArrival && app().isCurrent(*this)) {
            m_markOnArrival = false;
            std::vector<std::int64_t> ids;
            for (const Notification& n : m_state.list.value().items)
                if (!n.read) {
                    ids.push_back(n.id);
                    m_state.fresh.insert(n.id);
                }
            if (!ids.empty()) markRead(std::move(ids));
        }
    });
}

void NotificationsModule::applyRead(const std::vector<std::int64_t>& ids)
{
    if (!m_state.list.has()) return;
    NotificationList list = m_state.list.value();
    std::int64_t marked = 0;
    for (Notification& n : list.items)
        if (!n.read && (ids.empty() || std::find(ids.begin(), ids.end(), n.id) != ids.end())) {
            n.read = true;
            ++marked;
        }
    list.unread = ids.empty() ? 0 : std::max<std::int64_t>(0, list.unread - marked);
    m_state.unread = list.unread;
    ApiResult<NotificationList> r;
    r.ok = true;
    r.value = std::move(list);
    m_state.list.settle(m_state.list.begin(), std::move(r));
    m_polling = false; // a poll under way was for the state before: the next one is on schedule
    if (!m_pollAt) m_pollAt = app().shared().nowMs + kPollMs;
}

void NotificationsModule::markRead(std::vector<std::int64_t> ids)
{
    m_state.marking = true;
    m_state.error.clear();
    nlohmann::json body = nlohmann::json::object();
    if (!ids.empty()) body["ids"] = ids;
    const std::uint64_t session = app().session().generation();
    app().session().call<NoContent>(HttpRequest::json("POST", kReadUrl, body), [this, ids, session](ApiResult<NoContent> r) {
        if (session != app().session().generation()) return;
        m_state.marking = false;
        if (!r.ok) {
            m_state.error = "notifications.error.mark";
            return;
        }
        applyRead(ids);
    });
}

void NotificationsModule::markAllRead()
{
    if (m_state.marking) return;
    markRead({});
}

void NotificationsModule::opened(std::int64_t id)
{
    if (!m_state.list.has()) return;
    for (const Notification& n : m_state.list.value().items)
        if (n.id == id && !n.read) markRead({id});
}

void NotificationsModule::describe(nlohmann::json& state, bool current) const
{
    nlohmann::json out{{"unread", m_state.unread}, {"polling", m_polling}};
    if (const auto at = nextPollAt()) out["nextPollAt"] = *at;
    if (current) {
        nlohmann::json items = nlohmann::json::array();
        if (m_state.list.has())
            for (const Notification& n : m_state.list.value().items)
                items.push_back({{"id", n.id},
                                 {"search", n.savedSearchName},
                                 {"listingId", n.listing.id},
                                 {"gone", n.listing.title.empty()},
                                 {"read", n.read},
                                 {"fresh", m_state.fresh.count(n.id) != 0}});
        out["items"] = items;
        out["error"] = m_state.error;
    }
    state["notifications"] = std::move(out);
}

} // namespace dongelek

// Notifications (/notifications, signed-in users): the new cars the alerts of the user's saved
// searches found, and the unread count the top bar's bell shows. The count is polled: right
// after every sign-in, then every 60 s (through nextUpdateAt, so the app sleeps in between;
// a hidden browser tab draws no frames, so it polls again when it is shown). Opening the
// screen marks what it shows read (highlighted as new for that visit); "Mark all read" marks
// everything. API: GET /api/v1/me/notifications, POST /api/v1/me/notifications/read {ids?}.
#pragma once

#include "client/module.hpp"
#include "core/model.hpp"
#include "core/routes/saved_searches_route.hpp"

#include <cstdint>
#include <optional>
#include <set>
#include <string>

namespace dongelek {

template <> struct RemoteEmpty<NotificationList> {
    static bool test(const NotificationList& list) { return list.items.empty(); }
};

struct NotificationsState {
    Remote<NotificationList> list;  // the last poll's answer (the screen's list too)
    std::int64_t unread = 0;        // the bell's count
    std::set<std::int64_t> fresh;   // unread when this visit opened the screen: shown as new
    bool marking = false;           // a POST .../read is under way
    std::string error;              // locale key of a failed mark, "" when none
};

class NotificationsModule final : public Module {
public:
    static constexpr const char* kListUrl = "/api/v1/me/notifications";
    static constexpr const char* kReadUrl = "/api/v1/me/notifications/read";
    static constexpr double kPollMs = 60'000;

    explicit NotificationsModule(AppController& app);
    const NotificationsState& state() const { return m_state; }
    // When the next poll is due (nullopt while signed out or while one is under way).
    std::optional<double> nextPollAt() const;

    // [SECTION] Actions
    void markAllRead();
    // A notification was opened (its listing): read from now on.
    void opened(std::int64_t id);

    // [SECTION] Module
    const char* id() const override { return "notifications"; }
    bool claims(const AppUrl& url) const override { return kNotificationsRoute.claims(url); }
    void enter(const AppUrl& url, Entry how) override;
    std::string url() const override { return kNotificationsRoute.url(); }
    Status status() const override;
    const RequestError& error() const override { return m_state.list.error(); }
    std::string title(const Strings& s) const override { return s.get("title.notifications"); }
    void retry() override { poll(); }
    bool needsAccount() const override { return true; }
    void update(double nowMs) override;
    std::optional<double> nextUpdateAt() const override { return nextPollAt(); }
    bool busy(bool current) const override { return current && m_state.list.loading() && !m_state.list.has(); }
    void describe(nlohmann::json& state, bool current) const override;

private:
    void poll();
    void sessionChanged();
    void markRead(std::vector<std::int64_t> ids); // empty: all
    void applyRead(const std::vector<std::int64_t>& ids);

    NotificationsState m_state;
    std::uint64_t m_sessionGeneration = 0;
    std::optional<double> m_pollAt; // when the next poll is due
    bool m_polling = false;
    bool m_markOnArrival = false;   // the screen was opened: mark what the next answer shows
};

} // namespace dongelek

// The devices signed in to this account, /account/sessions: each with its device, IP address and
// when it was last seen, this device marked; any other can be ended, or all others at once, and
// "sign out everywhere" ends the others and then this one. Signed-in users only.
#pragma once

#include "client/features/account/account_form.hpp"
#include "client/features/account/load_when_signed_in.hpp"
#include "client/module.hpp"
#include "core/accounts.hpp"
#include "core/routes/account_routes.hpp"

#include <cstdint>

namespace dongelek {

template <> struct RemoteEmpty<SessionList> {
    static bool test(const SessionList& list) { return list.sessions.empty(); }
};

struct SessionsState {
    Remote<SessionList> list;
    account::FormState form;
    std::int64_t ending = 0; // the session being ended (0 = none)
    int endedOthers = -1;    // how many "end all others" ended (-1 = not pressed)
    bool endedOne = false;
    bool signingOutEverywhere = false;
};

class SessionsModule final : public Module {
public:
    static constexpr const char* kSessionsUrl = "/api/v1/me/sessions";
    static constexpr const char* kEndOthersUrl = "/api/v1/me/sessions/end-others";
    // "/api/v1/me/sessions/3"
    static std::string sessionUrl(std::int64_t id);

    explicit SessionsModule(AppController& app) : Module(app) {}
    const SessionsState& state() const { return m_state; }

    // [SECTION] Actions
    void endSession(std::int64_t id);
    void endOthers();
    void signOutEverywhere();

    // [SECTION] Module
    const char* id() const override { return "sessions"; }
    bool claims(const AppUrl& url) const override { return kSessionsRoute.claims(url); }
    void enter(const AppUrl& url, Entry how) override;
    std::string url() const override { return kSessionsRoute.url(); }
    Status status() const override;
    const RequestError& error() const override { return m_state.list.error(); }
    std::string title(const Strings& s) const override { return s.get("title.sessions"); }
    void retry() override { load(); }
    bool needsAccount() const override { return true; }
    void update(double nowMs) override;
    std::optional<double> nextUpdateAt() const override;
    void describe(nlohmann::json& state, bool current) const override;

private:
    void load();
    // Ends the other sessions; `then` runs with success or failure.
    void postEndOthers(std::function<void(bool ok)> then);

    SessionsState m_state;
    LoadWhenSignedIn m_load; // entered: load once signed in and on screen
};

} // namespace dongelek

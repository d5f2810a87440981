// The sessions page's controller: list, end one, end the others, sign out everywhere.

#include "client/features/account/sessions_module.hpp"

#include "client/app_controller.hpp"
#include "core/accounts_json.hpp"

#include <nlohmann/json.hpp>

namespace dongelek {

std::string SessionsModule::sessionUrl(std::int64_t id)
{
    return std::string(kSessionsUrl) + "/" + std::to_string(id);
}

Status SessionsModule::status() const
{
    if (m_state.list.status() == Status::Idle) return Status::Loading;
    return m_state.list.status();
}

void SessionsModule::enter(const AppUrl&, Entry)
{
    const Remote<SessionList> list = m_state.list; // shown (dimmed) while it reloads
    m_state = SessionsState{};
    m_state.list = list;
    m_load.request();
}

void SessionsModule::update(double)
{
    if (m_load.take(app(), *this)) load();
}

std::optional<double> SessionsModule::nextUpdateAt() const
{
    return m_load.nextAt(app(), *this);
}

void SessionsModule::load()
{
    const auto gen = m_state.list.begin();
    app().session().call<SessionList>(HttpRequest::get(kSessionsUrl), [this, gen](ApiResult<SessionList> r) {
        m_state.list.settle(gen, std::move(r));
    });
}

void SessionsModule::endSession(std::int64_t id)
{
    if (m_state.ending != 0 || m_state.form.sending) return;
    m_state.form.clearErrors();
    m_state.ending = id;
    m_state.endedOne = false;
    app().session().call<NoContent>(HttpRequest::empty("DELETE", sessionUrl(id)), [this](ApiResult<NoContent> r) {
        m_state.ending = 0;
        if (r.ok || r.error.kind == ErrorKind::NotFound) {
            m_state.endedOne = r.ok; // a 404: it had ended already; either way it goes from the list
            load();
            return;
        }
        account::applyFailure(m_state.form, r.error, app().shared().nowMs, {});
    });
}

void SessionsModule::postEndOthers(std::function<void(bool)> then)
{
    m_state.form.clearErrors();
    m_state.form.sending = true;
    app().session().call<EndedSessions>(HttpRequest::empty("POST", kEndOthersUrl),
                                        [this, then = std::move(then)](ApiResult<EndedSessions> r) {
                                            m_state.form.sending = false;
                                            if (!r.ok) {
                                                account::applyFailure(m_state.form, r.error, app().shared().nowMs, {});
                                                then(false);
                                                return;
                                            }
                                            m_state.endedOthers = r.value.endedSessions;
                                            then(true);
                                        });
}

void SessionsModule::endOthers()
{
    if (m_state.form.sending) return;
    postEndOthers([this](bool ok) {
        if (ok) load();
    });
}

void SessionsModule::signOutEverywhere()
{
    if (m_state.form.sending || m_state.signingOutEverywhere) return;
    m_state.signingOutEverywhere = true;
    postEndOthers([this](bool ok) {
        m_state.signingOutEverywhere = false;
        if (ok) app().signOut();
    });
}

void SessionsModule::describe(nlohmann::json& state, bool current) const
{
    if (!current) return;
    nlohmann::json list = nlohmann::json::array();
    if (m_state.list.has())
        for (const SessionInfo& s : m_state.list.value().sessions)
            list.push_back({{"id", s.id}, {"device", s.device}, {"current", s.current}});
    state["sessions"] = {{"items", list}, {"endedOthers", m_state.endedOthers}, {"error", m_state.form.formError}};
}

} // namespace dongelek

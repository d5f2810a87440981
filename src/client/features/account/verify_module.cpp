// Email verification: one POST per link, its outcome, a new link on request.

#include "client/features/account/verify_module.hpp"

#include "client/app_controller.hpp"
#include "core/accounts_json.hpp"

#include <nlohmann/json.hpp>

namespace dongelek {

const char* toString(VerifyOutcome outcome)
{
    switch (outcome) {
    case VerifyOutcome::Pending:
        return "pending";
    case VerifyOutcome::Verified:
        return "verified";
    case VerifyOutcome::Expired:
        return "expired";
    case VerifyOutcome::Used:
        return "used";
    case VerifyOutcome::Unknown:
        return "unknown";
    }
    return "pending";
}

VerifyOutcome VerifyModule::outcomeOf(const ApiResult<StatusReply>& r)
{
    if (r.ok) return VerifyOutcome::Verified;
    const RequestError& e = r.error;
    if (e.is("token_expired")) return VerifyOutcome::Expired;
    if (e.is("token_used")) return VerifyOutcome::Used;
    if (e.is("token_unknown") || e.kind == ErrorKind::BadRequest || e.kind == ErrorKind::NotFound)
        return VerifyOutcome::Unknown;
    return VerifyOutcome::Pending; // no answer about the token: an error with Retry
}

Status VerifyModule::status() const
{
    if (m_state.outcome != VerifyOutcome::Pending) return Status::Ready; // the page shows the outcome
    return m_state.request.status() == Status::Error ? Status::Error : Status::Loading;
}

void VerifyModule::enter(const AppUrl& url, Entry)
{
    const VerifyRoute route = VerifyRoute::parse(url);
    if (route.token == m_state.token && m_state.outcome != VerifyOutcome::Pending) return; // a link is posted once
    const unsigned visit = m_state.visit;
    m_state = VerifyState{};
    m_state.visit = visit + 1;
    m_state.token = route.token;
    m_resend.reset();
    if (m_state.token.empty()) {
        m_state.outcome = VerifyOutcome::Unknown; // a link cut short: nothing to ask the server
        return;
    }
    post();
}

void VerifyModule::post()
{
    if (m_state.token.empty() || m_state.outcome != VerifyOutcome::Pending) return;
    const auto gen = m_state.request.begin();
    const std::string token = m_state.token;
    app().api().send<StatusReply>(HttpRequest::json("POST", kVerifyUrl, nlohmann::json(TokenRequest{token})),
                                  [this, gen, token](ApiResult<StatusReply> r) {
                                      if (token != m_state.token) return;
                                      const VerifyOutcome outcome = outcomeOf(r);
                                      if (!m_state.request.settle(gen, std::move(r))) return;
                                      m_state.outcome = outcome;
                                  });
}

void VerifyModule::sendNewLink(const std::string& email)
{
    m_resend.send(app().api(), email, app().shared().nowMs, [this] { return app().shared().nowMs; });
}

void VerifyModule::describe(nlohmann::json& state, bool current) const
{
    if (!current) return;
    state["verify"] = toString(m_state.outcome);
}

} // namespace dongelek

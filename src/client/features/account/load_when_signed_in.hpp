// What the account pages that read the server (profile: /me, devices: /me/sessions) share: a
// load asked for on entering the page runs once the session is signed in (after the start-up
// refresh) and the page is on screen, and the app stays idle until then.
#pragma once

#include "client/app_controller.hpp"

#include <optional>

namespace dongelek {

class LoadWhenSignedIn {
public:
    void request() { m_wanted = true; }
    // True once, when the load should start now (then it is no longer wanted).
    bool take(const AppController& app, const Module& page)
    {
        if (!due(app, page)) return false;
        m_wanted = false;
        return true;
    }
    // For Module::nextUpdateAt: now when a load is due, else never.
    std::optional<double> nextAt(const AppController& app, const Module& page) const
    {
        return due(app, page) ? std::optional<double>(0.0) : std::nullopt;
    }

private:
    bool due(const AppController& app, const Module& page) const
    {
        return m_wanted && app.session().signedIn() && app.isCurrent(page);
    }
    bool m_wanted = false;
};

} // namespace dongelek

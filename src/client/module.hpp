// A feature module on the client: its address, its state slice and its controller. The app
// shell (AppController) keeps only what is shared and dispatches to the module on screen;
// a feature's screen (src/ui/features/<name>/) reads the module's state through a const
// reference and changes it only through the module's actions.
#pragma once

#include "client/api_client.hpp"
#include "client/remote.hpp"
#include "client/shared_state.hpp"
#include "core/route.hpp"

#include <nlohmann/json_fwd.hpp>

#include <optional>
#include <string>
#include <vector>

namespace dongelek {

class AppController;

class Module {
public:
    explicit Module(AppController& app) : m_app(app) {}
    virtual ~Module() = default;
    Module(const Module&) = delete;
    Module& operator=(const Module&) = delete;

    // Stable name: the test hook's "screen", the key its screen is registered under.
    virtual const char* id() const = 0;

    // [SECTION] Route
    // True when `url` is this module's address. The first module registered is home: it also
    // takes any address no module claims, so a bad link still opens the app.
    virtual bool claims(const AppUrl& url) const = 0;
    enum class Entry { Start, Push, Pop }; // opened with the app, by navigation, by Back/Forward
    // Becomes the screen for `url`. Afterwards url() is the address to show: the shell replaces
    // the address bar when it differs (a tidied link, a newer search).
    virtual void enter(const AppUrl& url, Entry how) = 0;
    // The screen's address as it is now, without the language.
    virtual std::string url() const = 0;

    // [SECTION] What the shell asks of the module on screen
    virtual Status status() const = 0;
    virtual const RequestError& error() const = 0;
    virtual std::string title(const Strings& s) const = 0;
    virtual void retry() = 0;

    // [SECTION] Hooks for every module, on screen or not
    virtual void start() {}                 // once, when the app opens (shared data starts loading)
    virtual void retryBackground() {}       // Retry was pressed: refetch shared data that failed
    virtual void update(double /*nowMs*/) {} // once per frame, after replies are applied
    // When update() has something to do next without any input (a debounce ends), or nullopt.
    // The app stays idle until then.
    virtual std::optional<double> nextUpdateAt() const { return std::nullopt; }
    // Still waiting for something the screen needs (the desktop's --frames waits for it).
    virtual bool busy(bool current) const
    {
        return current && (status() == Status::Loading || status() == Status::Idle);
    }
    // Only for a signed-in user: while nobody is signed in, the shell shows the sign-in page
    // instead (which comes back here afterwards).
    virtual bool needsAccount() const { return false; }
    // A link to one of this module's addresses is on screen (AppController::prefetch): start
    // loading what opening it needs, so the click shows it at once. Default: nothing.
    virtual void prefetch(const AppUrl& /*url*/) {}
    // Textures worth having before this module is shown (the shell asks every frame and has the
    // texture cache fetch them when idle). Default: none.
    virtual void warmTextures(std::vector<std::string>& /*urls*/) const {}
    // This module's fields of the test hook's state object (docs/testing.md).
    virtual void describe(nlohmann::json& /*state*/, bool /*current*/) const {}

protected:
    AppController& app() const { return m_app; }

private:
    AppController& m_app;
};

} // namespace dongelek

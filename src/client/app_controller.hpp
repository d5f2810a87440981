// AppController: the app shell on the client. It keeps only what every feature shares (the
// language, the address bar and its history, the per-frame update) and dispatches to the
// feature module on screen. Features are registered once, in src/app/features.cpp.
#pragma once

#include "core/spin_job.hpp"
#include "client/api_client.hpp"
#include "client/module.hpp"
#include "client/session.hpp"
#include "client/shared_state.hpp"

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace dongelek {

// The address bar (web) or the in-memory history (native), seen from the controller.
struct Navigator {
    std::function<void(const std::string& url)> push;
    std::function<void(const std::string& url)> replace;
    std::function<void()> back; // the pop arrives later through AppController::onPopState
    std::function<void(const std::string& title)> setTitle;
    // The language of what is shown ("ru"): the web page's <html lang>, for screen readers and search engines.
    std::function<void(const std::string& code)> setDocumentLanguage;
};

// What the device says about the language, seen from the controller (platform/preferences.hpp
// in the app; tests pass their own). Any part may be empty.
struct LanguageSources {
    // The user's languages, most wanted first, as the system spells them: the browser's
    // navigator.languages ("ru-RU", "kk") or the desktop's LANGUAGE/LC_ALL/LANG ("kk_KZ.UTF-8").
    std::function<std::vector<std::string>()> preferred;
    // The language the user picked in the switcher on this device before ("" when never), and
    // remembering a new pick.
    std::function<std::string()> loadChosen;
    std::function<void(const std::string& code)> saveChosen;
};

// What the device keeps for features between visits (platform/storage.hpp in the app; tests pass
// their own). `load` hands the stored value ("" when none) to `done` on the main thread, later.
struct DeviceStore {
    std::function<void(const std::string& key, std::function<void(std::string value)> done)> load;
    std::function<void(const std::string& key, const std::string& value)> save; // "" removes
};

// All locale files, read once at start-up: language code -> JSON text.
struct LocaleBundle {
    std::vector<LanguageInfo> languages;
    std::map<std::string, std::string> json;
};

class AppController {
public:
    AppController(ApiClient& api, Navigator navigator, LocaleBundle locales, LanguageSources device = {});

    // [SECTION] Registration (src/app/features.cpp; tests register what they need)
    // Adds a feature module; the first one is home. Returns it for wiring its screen.
    template <typename M, typename... Args> M& add(Args&&... args)
    {
        auto module = std::make_unique<M>(*this, std::forward<Args>(args)...);
        M& ref = *module;
        m_modules.push_back(std::move(module));
        if (!m_current) m_current = &ref;
        return ref;
    }
    // The registered module of type M, or nullptr (shared UI such as the top bar looks up the one it works with).
    template <typename M> M* find() const
    {
        for (const auto& m : m_modules)
            if (auto* p = dynamic_cast<M*>(m.get())) return p;
        return nullptr;
    }
    const std::vector<std::unique_ptr<Module>>& modules() const { return m_modules; }

    // [SECTION] Life cycle
    // Opens the screen named by `url` (path + query); every module starts. The language is the
    // first one we have of: `langOverride` (the desktop's --lang), the address's "?lang=", the
    // one chosen on this device before, the device's preferred languages in order, English.
    void start(const std::string& url, const std::string& langOverride = "");
    // Once per frame after the queue is drained.
    void update(double nowMs);
    // The soonest time a module's update() has work without input (the app's idle loop sleeps until then).
    std::optional<double> nextUpdateAt() const;

    // [SECTION] Shared state and the module on screen
    const SharedState& shared() const { return m_shared; }
    ApiClient& api() { return m_api; }
    // The device's storage for features (an anonymous user's favorites); in memory until set.
    void setDeviceStore(DeviceStore store) { m_store = std::move(store); }
    const DeviceStore& deviceStore() const { return m_store; }
    // Picks a seller's 360° photos and prepares them for upload (platform/spin_prepare.hpp in
    // the app; updates reach the sink on the main thread). Unset: fails with "unsupported".
    void setSpinPreparer(std::function<void(spin::PrepSink)> preparer) { m_spinPreparer = std::move(preparer); }
    void prepareSpin(spin::PrepSink sink) const
    {
        if (m_spinPreparer) return m_spinPreparer(std::move(sink));
        spin::PrepUpdate u;
        u.kind = spin::PrepUpdate::Kind::Failed;
        u.error = "unsupported";
        sink(std::move(u));
    }
    // Who is signed in, and signed-in calls (client/session.hpp).
    Session& session() { return m_session; }
    const Session& session() const { return m_session; }
    const Module& current() const { return *m_current; }
    Module& current() { return *m_current; }
    bool isCurrent(const Module& m) const { return m_current == &m; }
    bool isHome() const { return !m_modules.empty() && m_current == m_modules.front().get(); }
    // Some module still waits for what the screen needs.
    bool busy() const;

    // [SECTION] Navigation (every feature navigates by address, so features need not know each other)
    // Pushes `url` and shows its module; false (and nothing happens) when no module claims it.
    bool navigate(const std::string& url);
    // A link to `url` is on screen: the module that claims it may start loading (Module::prefetch).
    void prefetch(const std::string& url);
    // Every module's textures to warm (Module::warmTextures).
    std::vector<std::string> warmTextures() const;
    // In-app Back: the browser's own Back when our previous entry is there, else home is added.
    void back();
    void onPopState(const std::string& url);
    // Shows `url` in place of the current entry (no new history entry): where a screen sends
    // the user on by itself (a signed-out visitor to the sign-in page, back after signing in).
    bool redirect(const std::string& url);
    // Back to `url` after a detour (signing in): the browser's Back when the entry behind is
    // `url`, so history holds no second copy of it; otherwise redirect(url).
    void returnTo(const std::string& url);
    // The address that asks a signed-out user to sign in and then returns to `next` (set by the
    // module that is the sign-in page). A module that needsAccount() is replaced by it while
    // nobody is signed in.
    void setSignInPage(std::function<std::string(const std::string& next)> signInUrl)
    {
        m_signInUrl = std::move(signInUrl);
    }
    // The module on screen changed what its address says: a new history entry for a step the
    // user may want to go Back to (a committed search, another page), or the same entry
    // rewritten (a correction, typing that goes on). Ignored for a module not on screen.
    enum class HistoryEntry { New, Same };
    void addressChanged(const Module& m, HistoryEntry entry = HistoryEntry::Same);
    // The module on screen has a new title (its data arrived).
    void titleChanged();
    // The address of `m` with the language: "/listing/5?lang=ru". English goes without the
    // parameter, unless this device would open the address in another language by itself.
    std::string urlFor(const Module& m) const;

    // [SECTION] Shared actions
    void retry();
    // Signs this device out (Session::signOut); a page that needs an account gives way to home.
    void signOut(); // whatever failed on the current screen, and shared data that failed
    // The user picked a language in the switcher: shown at once and remembered on the device.
    void setLanguage(const std::string& code);
    // The language this device opens an address without "?lang=" in: the remembered pick, else
    // the first preferred language we have, else English.
    const std::string& deviceLanguage() const { return m_deviceLang; }

private:
    Module* claimer(const AppUrl& url) const;
    Module& resolve(const AppUrl& url) const; // the claimer, else home
    void show(Module& m, const AppUrl& url, Module::Entry how);
    bool loadStrings(const std::string& code);
    bool offers(const std::string& code) const { return !code.empty() && m_locales.json.count(code) != 0; }
    std::string languageOfDevice() const;
    std::string withLanguage(std::string url) const;
    void push(const std::string& url);
    void replace(const std::string& url);
    // A signed-out user on a page that needs an account goes to the sign-in page.
    void guard();

    ApiClient& m_api;
    Session m_session;
    std::function<std::string(const std::string&)> m_signInUrl;
    Navigator m_nav;
    LocaleBundle m_locales;
    LanguageSources m_device;
    DeviceStore m_store;
    std::function<void(spin::PrepSink)> m_spinPreparer;
    std::string m_chosen;            // what the device remembers ("" = nothing)
    std::string m_deviceLang = "en"; // see deviceLanguage()
    SharedState m_shared;
    std::vector<std::unique_ptr<Module>> m_modules;
    Module* m_current = nullptr;
    // Our picture of the session history (what we pushed and replaced), so Back knows whether
    // the entry behind is ours; a pop moves the cursor to the neighbour it names.
    std::vector<std::string> m_entries;
    std::size_t m_index = 0;
};

// The value of `name` in the query of app address `url` (decoded; fragment ignored), or "".
std::string urlParam(const std::string& url, const std::string& name);

// The code of `languages` that a system language tag names, or "": "ru-RU", "RU" and
// "ru_RU.UTF-8" name "ru"; "kk-KZ" names "kk"; "C", "de-DE" or "" name none of ours.
std::string matchLanguage(const std::string& tag, const std::vector<LanguageInfo>& languages);

} // namespace dongelek

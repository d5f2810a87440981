// The app shell: start-up and language, dispatch by address, the history picture behind
// Back, and the shared actions. Nothing here knows a particular feature.

// [SECTION] Index
// - Start-up and language
// - Navigation and history
// - Shared actions

#include "client/app_controller.hpp"

#include "core/url.hpp"

#include <cctype>

namespace dongelek {

std::string urlParam(const std::string& url, const std::string& name)
{
    return queryParam(splitAppUrl(url).query, name).value_or("");
}

std::string matchLanguage(const std::string& tag, const std::vector<LanguageInfo>& languages)
{
    // The primary language subtag: BCP 47 ("kk-KZ") and POSIX ("kk_KZ.UTF-8@latin") alike.
    std::string primary;
    for (const char c : tag) {
        if (c == '-' || c == '_' || c == '.' || c == '@') break;
        primary += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    if (primary.empty()) return {};
    for (const LanguageInfo& l : languages)
        if (l.code == primary) return l.code;
    return {};
}

AppController::AppController(ApiClient& api, Navigator navigator, LocaleBundle locales, LanguageSources device)
    : m_api(api), m_session(api), m_nav(std::move(navigator)), m_locales(std::move(locales)), m_device(std::move(device))
{
    m_shared.languages = m_locales.languages;
    loadStrings("en");
    m_session.subscribe([this] { guard(); });
}

// [SECTION] Start-up and language

bool AppController::loadStrings(const std::string& code)
{
    const auto it = m_locales.json.find(code);
    if (it == m_locales.json.end()) return false;
    const auto en = m_locales.json.find("en");
    m_shared.strings.load(code, code == "en" ? std::string_view{} : std::string_view(it->second),
                          en == m_locales.json.end() ? std::string_view{} : std::string_view(en->second));
    m_shared.lang = code;
    if (m_nav.setDocumentLanguage) m_nav.setDocumentLanguage(code);
    return true;
}

std::string AppController::languageOfDevice() const
{
    if (offers(m_chosen)) return m_chosen;
    if (m_device.preferred)
        for (const std::string& tag : m_device.preferred())
            if (std::string code = matchLanguage(tag, m_shared.languages); offers(code)) return code;
    return "en";
}

void AppController::start(const std::string& url, const std::string& langOverride)
{
    m_chosen = m_device.loadChosen ? m_device.loadChosen() : std::string();
    m_deviceLang = languageOfDevice();
    // A shared link opens in its own language, without changing what this device remembers.
    std::string lang = m_deviceLang;
    for (const std::string& wanted : {urlParam(url, "lang"), langOverride})
        if (offers(wanted)) lang = wanted;
    loadStrings(lang);
    m_session.start(); // first: modules starting see that the session is being looked up
    for (const auto& m : m_modules)
        m->start();
    const AppUrl u = splitAppUrl(url);
    Module& m = resolve(u);
    m_entries = {url};
    m_index = 0;
    show(m, u, Module::Entry::Start);
    // Canonical form of whatever was typed or pasted (bad parameters dropped, lang kept).
    replace(urlFor(m));
    titleChanged();
    guard();
}

void AppController::update(double nowMs)
{
    m_shared.nowMs = nowMs;
    m_session.update(nowMs);
    for (const auto& m : m_modules)
        m->update(nowMs);
}

std::optional<double> AppController::nextUpdateAt() const
{
    std::optional<double> soonest = m_session.nextUpdateAt();
    for (const auto& m : m_modules)
        if (const auto at = m->nextUpdateAt(); at && (!soonest || *at < *soonest)) soonest = at;
    return soonest;
}

void AppController::setLanguage(const std::string& code)
{
    if (!offers(code)) return;
    const bool shown = code != m_shared.lang && loadStrings(code);
    const bool remembered = code != m_chosen;
    if (remembered) {
        // Picking the language on screen still counts: it wins over a different browser language later.
        m_chosen = code;
        if (m_device.saveChosen) m_device.saveChosen(code);
    }
    const std::string before = m_deviceLang;
    m_deviceLang = code;
    if (!shown && before == m_deviceLang) return;
    replace(urlFor(*m_current)); // "?lang=en" of a shared link goes once English is the device's own
    if (shown) titleChanged();
}

void AppController::titleChanged()
{
    if (m_nav.setTitle && m_current) m_nav.setTitle(m_current->title(m_shared.strings));
}

bool AppController::busy() const
{
    for (const auto& m : m_modules)
        if (m->busy(m.get() == m_current)) return true;
    return false;
}

// [SECTION] Navigation and history

Module* AppController::claimer(const AppUrl& url) const
{
    for (const auto& m : m_modules)
        if (m->claims(url)) return m.get();
    return nullptr;
}

Module& AppController::resolve(const AppUrl& url) const
{
    if (Module* m = claimer(url)) return *m;
    return *m_modules.front();
}

void AppController::show(Module& m, const AppUrl& url, Module::Entry how)
{
    m_current = &m;
    m.enter(url, how);
}

std::string AppController::withLanguage(std::string url) const
{
    // Every language but English is named, so a copied address opens in the language it was
    // copied in. English, the default of the default, is named only where this device would
    // otherwise pick another language (a shared "?lang=en" link stays English on reload).
    if (m_shared.lang != "en" || m_deviceLang != "en")
        url += (url.find('?') == std::string::npos ? "?lang=" : "&lang=") + m_shared.lang;
    return url;
}

std::string AppController::urlFor(const Module& m) const
{
    return withLanguage(m.url());
}

void AppController::push(const std::string& url)
{
    m_entries.resize(m_index + 1); // a push drops the forward entries, as in the browser
    m_entries.push_back(url);
    m_index = m_entries.size() - 1;
    if (m_nav.push) m_nav.push(url);
}

void AppController::replace(const std::string& url)
{
    if (!m_entries.empty()) m_entries[m_index] = url;
    if (m_nav.replace) m_nav.replace(url);
}

bool AppController::navigate(const std::string& url)
{
    const AppUrl u = splitAppUrl(url);
    Module* m = claimer(u);
    if (!m) return false;
    // The entry goes in first, so whatever the module does on entering concerns the new one.
    const std::string entry = withLanguage(joinAppUrl(u.path, u.query));
    push(entry);
    show(*m, u, Module::Entry::Push);
    if (const std::string now = urlFor(*m); now != entry) replace(now);
    titleChanged();
    guard();
    return true;
}

void AppController::prefetch(const std::string& url)
{
    const AppUrl u = splitAppUrl(url);
    if (Module* m = claimer(u); m && m != m_current) m->prefetch(u);
}

std::vector<std::string> AppController::warmTextures() const
{
    std::vector<std::string> urls;
    for (const auto& m : m_modules) m->warmTextures(urls);
    return urls;
}

bool AppController::redirect(const std::string& url)
{
    const AppUrl u = splitAppUrl(url);
    Module* m = claimer(u);
    if (!m) return false;
    const std::string entry = withLanguage(joinAppUrl(u.path, u.query));
    replace(entry);
    show(*m, u, Module::Entry::Push);
    if (const std::string now = urlFor(*m); now != entry) replace(now);
    titleChanged();
    guard();
    return true;
}

void AppController::returnTo(const std::string& url)
{
    const AppUrl u = splitAppUrl(url);
    const std::string target = withLanguage(joinAppUrl(u.path, u.query));
    if (m_index > 0 && m_entries[m_index - 1] == target && m_nav.back) {
        m_nav.back(); // the pop arrives later and shows it
        return;
    }
    redirect(url);
}

void AppController::guard()
{
    if (!m_current || !m_signInUrl || !m_current->needsAccount()) return;
    if (m_session.phase() != SessionPhase::SignedOut) return; // signed in, or still finding out
    redirect(m_signInUrl(m_current->url()));
}

void AppController::back()
{
    if (isHome()) return;
    if (m_index > 0 && m_nav.back) {
        m_nav.back(); // the browser's own Back: history stays what the user expects
        return;
    }
    // Opened directly (a shared link): there is no entry of ours to return to, so add home.
    navigate(m_modules.front()->url());
}

void AppController::onPopState(const std::string& url)
{
    // Where in our picture of the history the browser went: one step either way.
    if (m_index > 0 && m_entries[m_index - 1] == url) {
        --m_index;
    } else if (m_index + 1 < m_entries.size() && m_entries[m_index + 1] == url) {
        ++m_index;
    } else {
        m_entries = {url}; // a jump we cannot place: nothing of ours is known to be behind
        m_index = 0;
    }
    // The language stays what the user chose unless the address names one.
    const std::string lang = urlParam(url, "lang");
    if (!lang.empty()) loadStrings(lang);
    const AppUrl u = splitAppUrl(url);
    Module& m = resolve(u);
    show(m, u, Module::Entry::Pop);
    if (const std::string canonical = urlFor(m); canonical != url) replace(canonical);
    titleChanged();
    guard();
}

void AppController::addressChanged(const Module& m, HistoryEntry entry)
{
    if (!isCurrent(m)) return;
    const std::string url = urlFor(m);
    if (entry == HistoryEntry::New && !m_entries.empty() && m_entries[m_index] != url)
        push(url);
    else
        replace(url);
}

// [SECTION] Shared actions

void AppController::signOut()
{
    const bool wasProtected = m_current && m_current->needsAccount();
    m_session.signOut([this, wasProtected] {
        // That page has given way to the sign-in page (guard): home instead, in its place, so
        // Back does not lead there either.
        if (wasProtected && !m_modules.empty()) redirect(m_modules.front()->url());
    });
}

void AppController::retry()
{
    for (const auto& m : m_modules)
        m->retryBackground();
    m_current->retry();
}

} // namespace dongelek

// Test doubles for what the client talks to (HTTP and the browser's history), and a harness
// wiring them to a real ApiClient + AppController so a test drives the app frame by frame.
#pragma once

// [SECTION] Index
// - FakeHttp: records every GET, the test answers it (in any order)
// - FakeHistory: the address bar and Back/Forward, as the browser keeps them
// - FakeDevice: the browser's languages and what localStorage remembers
// - Reply bodies built with core's JSON mapping
// - ClientHarness: queue + API client + app shell with the browse and listing modules, and a test clock

#include "client/api_client.hpp"
#include "client/app_controller.hpp"
#include "client/features/browse/browse_module.hpp"
#include "client/features/listing/listing_module.hpp"
#include "client/task_queue.hpp"
#include "core/json_mapping.hpp"
#include "core/routes/listing_route.hpp"

#include "core/i18n.hpp"

#include <cstddef>
#include <cstdint>
#include <fstream>
#include <functional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace dongelek::test {

// [SECTION] FakeHttp

// Stands in for platform::httpSend: nothing is answered until the test says so, which is how
// a test makes a slow reply arrive after a newer one. Every request is kept with its method,
// headers and body.
class FakeHttp {
public:
    struct Request {
        std::string url;
        std::function<void(HttpReply)> done;
        bool answered = false;
        std::string method;
        HttpHeaders headers;
        std::string body;
        std::function<void(std::uint64_t, std::uint64_t)> onUploadProgress; // as the request carried it
        std::string header(std::string_view name) const
        {
            for (const auto& [k, v] : headers)
                if (sameHeaderName(k, name)) return v;
            return {};
        }
    };

    HttpSendFn fn()
    {
        return [this](HttpRequest request, std::function<void(HttpReply)> done) {
            m_requests.push_back({std::move(request.url), std::move(done), false, std::move(request.method),
                                  std::move(request.headers), std::move(request.body),
                                  std::move(request.onUploadProgress)});
        };
    }

    std::size_t size() const { return m_requests.size(); }
    const std::string& url(std::size_t i) const { return m_requests.at(i).url; }
    const Request& request(std::size_t i) const { return m_requests.at(i); }
    // Requests not answered yet whose URL starts with `prefix`.
    std::size_t pending(const std::string& prefix = "") const
    {
        std::size_t n = 0;
        for (const auto& r : m_requests)
            if (!r.answered && r.url.compare(0, prefix.size(), prefix) == 0) ++n;
        return n;
    }

    // Every URL requested so far that starts with `prefix`, oldest first.
    std::vector<std::string> urls(const std::string& prefix = "") const
    {
        std::vector<std::string> out;
        for (const auto& r : m_requests)
            if (r.url.compare(0, prefix.size(), prefix) == 0) out.push_back(r.url);
        return out;
    }
    std::size_t count(const std::string& prefix) const { return urls(prefix).size(); }

    // Index of the newest request whose URL starts with `prefix`; throws when there is none.
    std::size_t last(const std::string& prefix) const
    {
        for (std::size_t i = m_requests.size(); i-- > 0;)
            if (m_requests[i].url.compare(0, prefix.size(), prefix) == 0) return i;
        throw std::runtime_error("no request starting with " + prefix);
    }

    // Reports upload progress of request `i`, as a transport does before answering (the request
    // must have asked for it; it lands on the queue like a reply).
    void progress(std::size_t i, std::uint64_t sent, std::uint64_t total)
    {
        Request& r = m_requests.at(i);
        if (r.answered) throw std::runtime_error("progress after the answer: " + r.url);
        if (!r.onUploadProgress) throw std::runtime_error("request asked for no progress: " + r.url);
        auto progress = r.onUploadProgress; // the callback may start new requests (and move m_requests)
        progress(sent, total);
    }

    // Hands the reply to the client (it lands on the queue; the harness drains it).
    void answer(std::size_t i, int status, std::string body, std::string transportError = {}, HttpHeaders headers = {})
    {
        Request& r = m_requests.at(i);
        if (r.answered) throw std::runtime_error("request answered twice: " + r.url);
        r.answered = true;
        auto done = std::move(r.done); // the callback may start new requests (and move m_requests)
        done(HttpReply{status, std::move(body), std::move(transportError), std::move(headers)});
    }

private:
    std::vector<Request> m_requests;
};

// [SECTION] FakeHistory

// Stands in for the browser's history (platform::pushUrl/replaceUrl/historyBack): a list of
// entries and a cursor. historyBack only moves the cursor; like the browser, the pop reaches
// the app later, when the test calls ClientHarness::deliverPop().
class FakeHistory {
public:
    explicit FakeHistory(std::string initial = "/") : m_entries{std::move(initial)} {}

    Navigator navigator()
    {
        Navigator nav;
        nav.push = [this](const std::string& url) {
            m_entries.resize(m_index + 1); // a push drops the forward entries
            m_entries.push_back(url);
            ++m_index;
            m_log.push_back("push " + url);
        };
        nav.replace = [this](const std::string& url) {
            m_entries[m_index] = url;
            m_log.push_back("replace " + url);
        };
        nav.back = [this] {
            m_log.push_back("back");
            goBack();
        };
        nav.setTitle = [this](const std::string& title) { m_titles.push_back(title); };
        nav.setDocumentLanguage = [this](const std::string& code) { m_documentLang = code; };
        return nav;
    }

    // The browser's own buttons: move the cursor; false when there is no entry that way.
    bool goBack()
    {
        if (m_index == 0) return false;
        --m_index;
        m_popPending = true;
        return true;
    }
    bool goForward()
    {
        if (m_index + 1 >= m_entries.size()) return false;
        ++m_index;
        m_popPending = true;
        return true;
    }

    const std::string& current() const { return m_entries[m_index]; }
    const std::vector<std::string>& entries() const { return m_entries; }
    std::size_t index() const { return m_index; }
    const std::vector<std::string>& log() const { return m_log; }
    const std::string& title() const
    {
        static const std::string none;
        return m_titles.empty() ? none : m_titles.back();
    }
    // What <html lang> says.
    const std::string& documentLanguage() const { return m_documentLang; }
    bool takePop()
    {
        const bool p = m_popPending;
        m_popPending = false;
        return p;
    }

private:
    std::vector<std::string> m_entries;
    std::size_t m_index = 0;
    std::vector<std::string> m_log;
    std::vector<std::string> m_titles;
    std::string m_documentLang;
    bool m_popPending = false;
};

// [SECTION] FakeDevice

// Stands in for platform/preferences.hpp: the browser's navigator.languages and the language
// localStorage remembers. Read when the app starts, so a test sets them before ClientHarness::start.
struct FakeDevice {
    std::vector<std::string> languages; // navigator.languages, most wanted first
    std::string stored;                 // localStorage "dongelek.lang"
    std::vector<std::string> saves;     // every value written, oldest first

    LanguageSources sources()
    {
        LanguageSources l;
        l.preferred = [this] { return languages; };
        l.loadChosen = [this] { return stored; };
        l.saveChosen = [this](const std::string& code) {
            stored = code;
            saves.push_back(code);
        };
        return l;
    }
};

// [SECTION] Reply bodies

inline ListingSummary summary(std::int64_t id, std::string title = "Toyota Camry 2.5", int year = 2019)
{
    ListingSummary s;
    s.id = id;
    s.title = std::move(title);
    s.make = "Toyota";
    s.model = "Camry";
    s.year = year;
    s.price = {1'250'000'000, Currency::KZT};
    s.mileageKm = 87'000;
    s.city = "Almaty";
    s.createdAt = "2024-11-12T08:30:00Z";
    return s;
}

// A page of results whose items have ids firstId, firstId+1, ...
inline std::string pageJson(std::int64_t total, int page, int itemCount, std::int64_t firstId = 1, int pageSize = 20)
{
    ListingPage p;
    p.total = total;
    p.page = page;
    p.pageSize = pageSize;
    for (int i = 0; i < itemCount; ++i) p.items.push_back(summary(firstId + i));
    return nlohmann::json(p).dump();
}

inline std::string detailsJson(std::int64_t id, std::string title = "Toyota Camry 2.5", int year = 2019, int photos = 3)
{
    ListingDetails d;
    d.summary = summary(id, std::move(title), year);
    d.engineLitres = 2.5;
    for (int i = 0; i < photos; ++i)
        d.photos.push_back({"/media/" + std::to_string(id) + "_" + std::to_string(i) + "_t.jpg",
                            "/media/" + std::to_string(id) + "_" + std::to_string(i) + ".jpg"});
    return nlohmann::json(d).dump();
}

inline std::string makesJson()
{
    MakeInfo toyota{3, "Toyota", 120, {{31, "Camry", 60}, {32, "Land Cruiser 200", 60}}};
    return nlohmann::json(std::vector<MakeInfo>{toyota}).dump();
}

inline std::string citiesJson()
{
    return nlohmann::json(std::vector<City>{{1, "Almaty", Country::KZ, 80}, {7, "Manama", Country::BH, 40}}).dump();
}

inline std::string errorJson(std::string code, std::string field = {}, std::string message = {})
{
    return nlohmann::json(ApiError{std::move(code), std::move(field), std::move(message)}).dump();
}

// Small inline locales, so controller tests do not depend on the shipped translations.
inline LocaleBundle testLocales()
{
    LocaleBundle b;
    b.languages = {{"en", "English", "EN", ""}, {"ru", "Русский", "RU", "en"}, {"kk", "Қазақша", "KZ", "en"}};
    b.json["en"] = R"({"title.browse": "Cars for sale", "title.listing": "{title}, {year} - Dongelek"})";
    b.json["ru"] = R"({"title.browse": "Автомобили"})";
    b.json["kk"] = R"({"title.browse": "Көліктер"})";
    return b;
}

// [SECTION] ClientHarness

// One app without a window: the real ApiClient, AppController and feature modules over the
// doubles above, registered as src/app/features.cpp does. frame() does what App::frame does
// before drawing: drain the queue, then update(now).
struct ClientHarness {
    TaskQueue queue;
    FakeHttp http;
    FakeHistory history;
    FakeDevice device;
    ApiClient api{http.fn(), queue};
    AppController app{api, history.navigator(), testLocales(), device.sources()};
    BrowseModule& browseModule = app.add<BrowseModule>();
    ListingModule& listingModule = app.add<ListingModule>();
    double now = 0;

    ClientHarness()
    {
        app.session().setClock([this] { return now; }); // replies are timed by the test clock
    }
    ClientHarness(const ClientHarness&) = delete;
    ClientHarness& operator=(const ClientHarness&) = delete;

    // Read-only views, as screens see them.
    const BrowseState& browse() const { return browseModule.state(); }
    const ListingState& listing() const { return listingModule.state(); }
    const SharedState& shared() const { return app.shared(); }
    std::string screen() const { return app.current().id(); }

    // Opens the app at `url` as the address bar holds it. The start-up session refresh is
    // answered "signed out" unless `signedOutRefresh` is false (then the test answers it).
    void start(const std::string& url, const std::string& lang = "", bool signedOutRefresh = true)
    {
        history = FakeHistory(url);
        // The navigator captured `&history`, so re-seeding it in place keeps it wired.
        app.start(url, lang);
        if (signedOutRefresh)
            http.answer(http.last(Session::kRefreshUrl), 401, errorJson("session_expired", "", "no session"));
        frame(0);
    }
    // A card click on the browse screen: the listing's address.
    bool openListing(std::int64_t id) { return app.navigate(ListingRoute{id}.url()); }

    void frame(double advanceMs = 16)
    {
        now += advanceMs;
        queue.drain();
        app.update(now);
    }
    // Runs frames until `t` (absolute test time) is reached.
    void runUntil(double t)
    {
        while (now + 16 < t) frame(16);
        frame(t - now);
    }

    // Answers request `i` and lets the reply land (one frame).
    void reply(std::size_t i, int status, std::string body)
    {
        http.answer(i, status, std::move(body));
        frame();
    }
    void fail(std::size_t i, std::string transportError = "connection refused")
    {
        http.answer(i, 0, {}, std::move(transportError));
        frame();
    }

    // Browse requests are "/api/v1/listings" with or without a query, never "/listings/<id>".
    std::vector<std::string> browseUrls() const
    {
        std::vector<std::string> out;
        for (const auto& u : http.urls("/api/v1/listings"))
            if (u.compare(0, 17, "/api/v1/listings/") != 0) out.push_back(u);
        return out;
    }
    std::size_t lastBrowse() const
    {
        for (std::size_t i = http.size(); i-- > 0;) {
            const std::string& u = http.url(i);
            if (u.compare(0, 16, "/api/v1/listings") == 0 && u.compare(0, 17, "/api/v1/listings/") != 0) return i;
        }
        throw std::runtime_error("no browse request");
    }
    std::size_t lastListing() const { return http.last("/api/v1/listings/"); }

    // Answers the catalog requests made at start-up.
    void answerCatalog()
    {
        reply(http.last(BrowseModule::kMakesUrl), 200, makesJson());
        reply(http.last(BrowseModule::kCitiesUrl), 200, citiesJson());
    }

    // The browser delivers the pop that Back/Forward caused (between frames, via the queue).
    void deliverPop()
    {
        if (!history.takePop()) throw std::runtime_error("no Back/Forward to deliver");
        const std::string url = history.current();
        queue.post([this, url] { app.onPopState(url); });
        frame();
    }
    void browserBack()
    {
        if (!history.goBack()) throw std::runtime_error("nothing to go back to");
        deliverPop();
    }
    void browserForward()
    {
        if (!history.goForward()) throw std::runtime_error("nothing to go forward to");
        deliverPop();
    }
};

// A shipped locale file's text (locales/<code>.json), and the strings the app loads for it
// (English under it).
inline std::string readLocale(const std::string& code)
{
    std::ifstream in(std::string(DONGELEK_LOCALES_DIR) + "/" + code + ".json");
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

inline Strings shipped(const std::string& code)
{
    Strings s;
    s.load(code, code == "en" ? std::string() : readLocale(code), readLocale("en"));
    return s;
}

} // namespace dongelek::test

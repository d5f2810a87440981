// App wiring and the frame sequence. Order matters: results are applied right after
// ImGui::NewFrame() (one main-thread queue), before anything is drawn.

#include "app/app.hpp"

#include "platform/history.hpp"
#include "platform/http.hpp"
#include "platform/image_decode.hpp"
#include "platform/preferences.hpp"
#include "platform/storage.hpp"
#include "platform/test_hook_export.hpp"
#include "platform/spin_prepare.hpp"
#include "platform/window.hpp"
#include "ui/imgui_renderer.hpp"
#include "ui/redraw.hpp"
#include "ui/style.hpp"
#include "ui/text_selection.hpp"
#include "ui/widgets.hpp"

#include <imgui_internal.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>

namespace dongelek {

namespace {

std::string readFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

// locales/manifest.json lists the languages; each has locales/<code>.json.
LocaleBundle loadLocales(const std::string& dir)
{
    LocaleBundle bundle;
    const std::string manifest = readFile(dir + "/locales/manifest.json");
    const auto doc = nlohmann::json::parse(manifest, nullptr, false);
    if (!doc.is_discarded() && doc.contains("languages") && doc["languages"].is_array()) {
        for (const auto& l : doc["languages"]) {
            LanguageInfo info;
            const auto text = [&l](const char* key, const std::string& otherwise) {
                const auto it = l.find(key);
                return it != l.end() && it->is_string() ? it->get<std::string>() : otherwise;
            };
            info.code = text("code", "");
            info.name = text("name", info.code);
            info.short_ = text("short", info.code);
            info.fallback = text("fallback", "");
            if (info.code.empty()) continue;
            bundle.json[info.code] = readFile(dir + "/locales/" + info.code + ".json");
            bundle.languages.push_back(std::move(info));
        }
    }
    if (bundle.json.find("en") == bundle.json.end()) {
        std::fprintf(stderr, "dongelek: no locales in %s/locales; showing keys\n", dir.c_str());
        bundle.json["en"] = "{}";
        bundle.languages.push_back({"en", "English", "EN", ""});
    }
    return bundle;
}

HttpReply toReply(platform::HttpResponse r)
{
    return HttpReply{r.status, std::move(r.body), std::move(r.error), std::move(r.headers)};
}

// The API: any method, headers and a body.
HttpSendFn platformHttp()
{
    return [](HttpRequest request, std::function<void(HttpReply)> done) {
        platform::HttpRequest out;
        out.method = std::move(request.method);
        out.url = std::move(request.url);
        out.headers = std::move(request.headers);
        out.body = std::move(request.body);
        out.onUploadProgress = std::move(request.onUploadProgress);
        platform::httpSend(std::move(out), [done = std::move(done)](platform::HttpResponse r) { done(toReply(std::move(r))); });
    };
}

ui::ImageCodec platformCodec()
{
    ui::ImageCodec codec;
    codec.load = platform::loadImage;
    codec.upload = platform::uploadImage;
    codec.discard = platform::discardImage;
    return codec;
}

Navigator platformNavigator()
{
    Navigator nav;
    nav.push = platform::pushUrl;
    nav.replace = platform::replaceUrl;
    nav.back = platform::historyBack;
    nav.setTitle = platform::setWindowTitle;
    nav.setDocumentLanguage = platform::setDocumentLanguage;
    return nav;
}

// The language the user picked before is kept under "lang" (localStorage / the config file).
LanguageSources platformLanguages()
{
    LanguageSources device;
    device.preferred = platform::preferredLanguages;
    device.loadChosen = [] { return platform::loadPreference("lang"); };
    device.saveChosen = [](const std::string& code) { platform::savePreference("lang", code); };
    return device;
}

} // namespace

App::App(AppOptions options)
    : m_options(std::move(options)),
      m_api(platformHttp(), m_queue),
      m_controller(m_api, platformNavigator(), loadLocales(platform::assetDir()), platformLanguages()),
      m_textures(platformCodec(), m_queue,
                 ui::TextureCache::Options{ui::textureBudgetFor(platform::coarsePointer())}),
      m_ui{m_controller, m_textures, m_topBar},
      m_features(m_controller, m_ui, m_queue)
{
    // Features' device storage (IndexedDB on the web): answers reach modules through the queue.
    m_controller.setDeviceStore(DeviceStore{
        [this](const std::string& key, std::function<void(std::string)> done) {
            platform::loadStored(key, [this, done = std::move(done)](std::string value) mutable {
                m_queue.post([done = std::move(done), value = std::move(value)] { done(value); });
            });
        },
        [](const std::string& key, const std::string& value) { platform::saveStored(key, value); }});
    // A seller's 360° photos: picked and prepared off the main thread; progress through the queue.
    m_controller.setSpinPreparer([this](spin::PrepSink sink) {
        platform::pickAndPrepareSpin([this, sink = std::move(sink)](spin::PrepUpdate u) {
            m_queue.post([sink, u = std::move(u)]() mutable { sink(std::move(u)); });
        });
    });
    registerFeatures(m_features);
    m_start = platform::nowMs();
    // Two tabs must not rotate the same refresh cookie at once (the server would take it for a
    // stolen one): refreshes take a lock shared by the site's tabs.
    m_controller.session().setExclusive([](std::function<void(std::function<void()>)> work) {
        platform::runExclusive("dongelek.refresh", std::move(work));
    });
    m_controller.session().setClock(platform::nowMs);
    // Keyboard: Tab and the arrows move between every control (scroll regions are flattened
    // into the screen's order, ui/widgets.hpp), Enter and Space activate, Escape closes a popup.
    ImGui::GetIO().ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    ImGui::GetIO().MouseDoubleClickTime = 0.5f; // the desktops' default (ImGui's 0.3 s misses slower double-clicks)
    m_queue.onPost([] { platform::requestFrame(); }); // a reply is drawn even when nobody touches the screen
    ui::setTouchScreen(platform::coarsePointer());
    ui::setupDpiScale(platform::devicePixelRatio(), platform::assetDir());

    // The browser's Back/Forward arrive between frames; handle them with everything else.
    platform::onPopState([this](const std::string& url) { m_queue.post([this, url] { m_controller.onPopState(url); }); });
    platform::onItemRequest([this](const std::string& kind, const std::string& id, const std::string& value) {
        m_queue.post([this, kind, id, value] {
            if (kind == "focus") m_hook.requestFocus(id);
            else if (kind == "activate") m_hook.requestActivate(id);
            else if (kind == "set") m_hook.requestValue(id, value);
            else if (kind == "submit") m_hook.requestSubmit(id);
        });
    });
    platform::exposeTestHook([this](bool all) { return m_hook.itemsJson(all); },
                             [this] { return m_hook.stateJson(platform::currentUrl()); });

    std::string url = platform::currentUrl();
    if (url == "/" && m_options.initialUrl != "/") {
        url = m_options.initialUrl; // native --url
        platform::replaceUrl(url);
    }
    m_controller.start(url, m_options.lang);
}

void App::buildFonts()
{
    ui::setTouchScreen(platform::coarsePointer());
    ui::buildFontAtlas(platform::devicePixelRatio(), platform::assetDir());
}

void App::uploadFonts() { ui::uploadFontAtlas(); }

bool App::finished(double now) const
{
    if (m_options.minFrames <= 0 || m_frames < m_options.minFrames) return false;
    if (now - m_start >= m_options.timeoutMs) {
        std::fprintf(stderr, "dongelek: timed out after %.0f ms waiting for content\n", now - m_start);
        return true;
    }
    return !m_controller.busy() && m_textures.settled() && m_queue.empty();
}

ui::HookState App::hookState() const
{
    ui::HookState s;
    s.inputFrames = m_inputFrames;
    const Module& current = m_controller.current();
    s.screen = current.id();
    const Status status = current.status();
    s.status = status == Status::Idle ? "loading" : toString(status);
    if (status == Status::Error) s.error = m_features.screenFor(current).errorText();
    for (const auto& m : m_controller.modules())
        m->describe(s.features, m.get() == &current);
    m_controller.session().describe(s.features);
    s.dpr = platform::devicePixelRatio();
    const platform::Size fb = platform::framebufferSize();
    const platform::Size css = platform::logicalSize();
    s.canvasW = fb.w;
    s.canvasH = fb.h;
    s.cssW = css.w;
    s.cssH = css.h;
    s.frames = m_frames;
    s.frameLast = m_lastFrameMs;
    const auto n = static_cast<std::size_t>(std::min<long long>(m_frames, static_cast<long long>(m_frameMs.size())));
    double sum = 0, mx = 0;
    for (std::size_t i = 0; i < n; ++i) {
        sum += m_frameMs[i];
        mx = std::max(mx, m_frameMs[i]);
    }
    s.frameMax = mx;
    s.frameAvg = n ? sum / static_cast<double>(n) : 0.0;
    s.drawCalls = m_drawCalls;
    std::array<double, 120> sorted = m_frameMs;
    std::sort(sorted.begin(), sorted.begin() + static_cast<std::ptrdiff_t>(n));
    s.frameP50 = n ? sorted[n / 2] : 0.0;
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t k = 0; k < 3; ++k) s.framePartsAvg[k] += m_partMs[i][k] / static_cast<double>(n);
    const ui::TextureCache::Counts photos = m_textures.countUsed();
    s.photosLoading = photos.loading;
    s.photosReady = photos.ready;
    s.photosFailed = photos.failed;
    s.gpuMb = static_cast<double>(m_textures.gpuBytes()) / (1024.0 * 1024.0);
    s.gpuGeneration = platform::gpuGeneration();
    s.firstListingsAt = m_firstListingsAt;
    s.lang = m_controller.shared().lang;
    s.selection = ui::selectedText();
    return s;
}

bool App::frame()
{
    const double t0 = platform::nowMs();
    if (!platform::pollEvents()) return false;
    const bool input = platform::hadEvents();
    // Zoom or a move to another monitor changes the pixel density: fonts are rebuilt for it.
    const float dpr = platform::devicePixelRatio();
    if (std::fabs(dpr - ui::currentDpiScale()) > 0.01f) ui::setupDpiScale(dpr, platform::assetDir());

    platform::newFrame();
    ImGui::NewFrame();
    // ImGui takes queued input a change per frame: a click it applies in a frame with no new event
    // (a tap confirmed when the finger lifts, the second half of a quick click) is still input, and
    // its effect (a box ticked) shows only in the frames after it.
    bool uiInput = false;
    {
        const ImGuiIO& io = ImGui::GetIO();
        for (int b = 0; b < IM_ARRAYSIZE(io.MouseClicked); ++b) uiInput = uiInput || io.MouseClicked[b] || io.MouseReleased[b];
    }
    const double tInput = platform::nowMs();
    ui::setVisibleBottom(platform::visibleBottom());
    const platform::Pinch pinch = platform::pinch();
    ui::setPinch({pinch.active, pinch.scale, ImVec2(pinch.x, pinch.y)});
    const std::size_t replies = m_queue.drain();
    m_controller.update(t0);
    for (const std::string& url : m_controller.warmTextures()) m_textures.prefetch(url);
    m_textures.update(t0);

    ui::TestHook::setCurrent(&m_hook);
    const Module& current = m_controller.current();
    m_hook.beginFrame(current.id());
    ui::Screen& screen = m_features.screenFor(current);
    if (m_shownScreen && m_shownScreen != &screen) m_shownScreen->closed();
    m_shownScreen = &screen;
    screen.draw();
    m_textures.holdOffscreen(ui::scrolledFastThisFrame()); // for the next frame's update
    ui::endTextSelectionFrame(m_controller.shared().strings);
    ImGui::Render();
    ui::TestHook::setCurrent(nullptr);
    const double tUi = platform::nowMs();
    m_drawCalls = 0;
    for (const ImDrawList* list : ImGui::GetDrawData()->CmdLists) m_drawCalls += list->CmdBuffer.Size;

    ++m_frames;
    if (input) ++m_inputFrames;
    const bool last = finished(t0);
    float clear[4];
    ui::clearColor(clear);
    platform::present(clear, [] { ui::renderImGui(ImGui::GetDrawData()); },
                      last && !m_options.screenshotPng.empty() ? m_options.screenshotPng.c_str() : nullptr);

    const double t1 = platform::nowMs();
    m_lastFrameMs = t1 - t0;
    const auto slot = static_cast<std::size_t>((m_frames - 1) % static_cast<long long>(m_frameMs.size()));
    m_frameMs[slot] = m_lastFrameMs;
    m_partMs[slot] = {tInput - t0, tUi - tInput, t1 - tUi};
    if (!m_firstListingsAt && m_hook.cardsThisFrame() > 0) m_firstListingsAt = t1;
    m_hook.endFrame(hookState());
    platform::frameShown(m_hook.signatureOfLastFrame());
    if (m_frames == 1) {
        platform::notifyFirstFrame();
        platform::prepareImageDecoder(); // now that the page is drawn
    }
    if (last) {
        if (!m_options.dumpStatePath.empty()) platform::writeDebugJson(m_options.dumpStatePath);
        return false;
    }
    m_hook.setSettled(!scheduleNextFrame(t1, input || uiInput || replies > 0));
    return true;
}

bool App::scheduleNextFrame(double now, bool changed)
{
    // ImGui shows some effects of input a frame or two later (a combo's popup is measured
    // first, a click's new screen is drawn next frame): a few frames after anything changed.
    constexpr int kSettleFrames = 3;
    constexpr double kCaretBlinkMs = 400; // ImGui's caret: 0.8 s on, 0.4 s off
    if (changed) m_settleFrames = kSettleFrames;
    const ui::RedrawRequest redraw = ui::takeRedrawRequest();
    // ImGui takes queued input one change per frame (a fast double click is four): frames go on
    // until its queue is empty, or the second click would wait for the next input.
    const bool inputQueued = ImGui::GetCurrentContext() && ImGui::GetCurrentContext()->InputEventsQueue.Size > 0;
    const bool due = m_settleFrames > 0 || redraw.animating || inputQueued || !m_queue.empty() || m_frames < kSettleFrames ||
                     m_options.minFrames > 0; // --frames counts frames: no idling in that mode
    if (m_settleFrames > 0) --m_settleFrames;
    if (due) {
        platform::requestFrame();
        return true;
    }
    // Idle: nothing is drawn until input, a reply, or the soonest of these.
    double at = now + redraw.afterMs;
    if (const auto update = m_controller.nextUpdateAt()) at = std::min(at, *update);
    if (ImGui::GetIO().WantTextInput) at = std::min(at, now + kCaretBlinkMs);
    if (std::isfinite(at)) platform::requestFrameAt(at);
    return false;
}

} // namespace dongelek

#include "ui/features/view360/view360_screen.hpp"

#include "ui/features/view360/spin_upload_panel.hpp"

#include "ui/redraw.hpp"
#include "ui/style.hpp"
#include "ui/test_hook.hpp"
#include "ui/text_selection.hpp"
#include "ui/widgets.hpp"

#include "core/routes/listing_route.hpp"
#include "core/routes/view360_route.hpp"
#include "core/text_format.hpp"
#include "platform/motion.hpp"
#include "platform/window.hpp"

#include <shaders.hpp>

#include <dk_gl.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>

namespace dongelek::ui {

namespace {

constexpr double kDegreesPerWidth = 300; // a drag across the whole view turns the car this far
constexpr int kPrefetchAhead = 6;        // frames fetched beyond the current pair in the turn's direction
constexpr int kPrefetchBehind = 2;
constexpr float kFrameAspect = 16.0f / 10.0f;

std::string frameUrl(const SpinInfo& s, int frame, const std::string& size)
{
    std::string url = s.urlPattern;
    const auto put = [&url](std::string_view key, const std::string& value) {
        const std::size_t at = url.find(key);
        if (at != std::string::npos) url.replace(at, key.size(), value);
    };
    put("{frame}", std::to_string(frame));
    put("{size}", size);
    return url;
}

// The atlas cell of `frame` as a texture sub-rectangle (u0, v0, u1, v1).
void cellRect(const SpinInfo& s, const Texture& atlas, int frame, float out[4])
{
    const int col = frame % std::max(1, s.atlasColumns), row = frame / std::max(1, s.atlasColumns);
    const float w = static_cast<float>(atlas.width()), h = static_cast<float>(atlas.height());
    out[0] = (col * s.cellWidth + 0.5f) / w;
    out[1] = (row * s.cellHeight + 0.5f) / h;
    out[2] = ((col + 1) * s.cellWidth - 0.5f) / w;
    out[3] = ((row + 1) * s.cellHeight - 0.5f) / h;
}

// The largest rectangle of `aspect` inside min..max, centred.
void fit(ImVec2& min, ImVec2& max, float aspect)
{
    const float w = max.x - min.x, h = max.y - min.y;
    if (w / h > aspect) {
        const float nw = h * aspect;
        min.x += (w - nw) / 2;
        max.x = min.x + nw;
    } else {
        const float nh = w / aspect;
        min.y += (h - nh) / 2;
        max.y = min.y + nh;
    }
}

} // namespace

View360Screen::View360Screen(UiContext& ui, View360Module& module)
    : Screen(ui, module, "view360.title_window", "screen.view360"), m_module(module)
{
}

bool View360Screen::ensurePrograms()
{
    // Built on first use, and again when a lost GL context came back (the old ones are gone).
    if (!m_programsTried || m_spin.lost() || m_panorama.lost()) {
        m_programsTried = true;
        m_programError.clear();
        m_spin = GlProgram::build(shaders::kShader_quad_vert, shaders::kShader_spin_frag, m_programError);
        m_panorama = GlProgram::build(shaders::kShader_quad_vert, shaders::kShader_panorama_frag, m_programError);
    }
    return m_spin && m_panorama;
}

void View360Screen::drawContent()
{
    const Strings& s = strings();
    const View360State& st = m_module.state();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const PageLayout layout = PageLayout::compute(avail.x);
    const ImVec2 origin = ImGui::GetCursorScreenPos();

    if (!beginScrollRegion("view360.scroll", avail, ScrollKind::Main)) {
        endScrollRegion();
        return;
    }
    const float left = ImGui::GetCursorPosX() + layout.left;
    ImGui::SetCursorPosX(left);
    ImGui::Dummy(ImVec2(1, em(0.5f)));

    // [Header] back to the listing, the title, outside / inside.
    ImGui::SetCursorPosX(left);
    ButtonOptions back;
    back.kind = ButtonKind::Link;
    back.hasIcon = true;
    back.icon = Icon::ChevronLeft;
    back.href = ListingRoute{st.listingId}.url();
    if (button("view360.back", s.get("view360.back"), back)) m_ui.app.navigate(back.href);
    const View360* v = st.view.has() ? &st.view.value() : nullptr;
    const bool inside = st.inside && v && v->panorama;
    if (v && v->spin && v->panorama) {
        ImGui::SameLine();
        ButtonOptions other;
        other.kind = ButtonKind::Secondary;
        other.href = View360Route{st.listingId, !inside}.url();
        const char* key = inside ? "view360.outside" : "view360.inside";
        ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), left + layout.width - buttonWidth(s.get(key), other)));
        if (button("view360.switch", s.get(key), other)) m_ui.app.navigate(other.href);
    }
    ImGui::SetCursorPosX(left);
    const ImVec2 titleSize = heading("view360.title", s.get(inside ? "view360.title_inside" : "view360.title"),
                                     ImGui::GetCursorScreenPos(), Font::Heading);
    ImGui::Dummy(ImVec2(1, titleSize.y + em(0.5f)));

    // [Stage]
    const float viewH = std::max(em(12), std::min(layout.width / kFrameAspect, avail.y - em(9)));
    ImGui::SetCursorPosX(left);
    ImVec2 stageMin = ImGui::GetCursorScreenPos();
    ImVec2 stageMax(stageMin.x + layout.width, stageMin.y + viewH);
    if (m_fullscreen) {
        stageMin = origin;
        stageMax = ImVec2(origin.x + avail.x, origin.y + avail.y);
    }
    ImDrawList* dl = m_fullscreen ? ImGui::GetForegroundDrawList() : ImGui::GetWindowDrawList();
    dl->AddRectFilled(stageMin, stageMax, IM_COL32(232, 234, 238, 255), m_fullscreen ? 0.0f : em(0.5f));

    if (st.view.status() == Status::Error) {
        ImGui::SetCursorScreenPos(stageMin);
        if (errorPanel(s, errorMessage(s, st.view.error(), true), errorHint(s, st.view.error()),
                       ImVec2(stageMax.x - stageMin.x, stageMax.y - stageMin.y)))
            m_module.retry();
    } else if (!v) {
        spinner("view360.loading", ImVec2((stageMin.x + stageMax.x) / 2, (stageMin.y + stageMax.y) / 2), em(1), shared().nowMs);
    } else if (!ensurePrograms()) {
        drawText(dl, Font::Regular, ImVec2(stageMin.x + em(1), stageMin.y + em(1)), color::kDanger,
                 s.get("view360.no_gl"), stageMax.x - stageMin.x - em(2));
    } else if (inside) {
        drawPanorama(*v, stageMin, stageMax);
    } else if (v->spin) {
        drawSpin(*v, stageMin, stageMax);
    }
    if (!inside) followMotion(false);
    if (v) keepWithinBudget(*v, inside);
    ImGui::SetCursorScreenPos(ImVec2(stageMin.x, m_fullscreen ? origin.y : stageMax.y));
    if (!m_fullscreen) ImGui::Dummy(ImVec2(layout.width, em(0.5f)));

    // [Controls] zoom, reset, full screen; the hint.
    if (v && !m_fullscreen) {
        ImGui::SetCursorPosX(left);
        ButtonOptions o;
        o.kind = ButtonKind::Secondary;
        if (button("view360.zoom_in", "+", ButtonOptions{o.kind, {}, false, Icon::ChevronLeft, true, false, Font::Bold, "",
                                                        s.get("view360.zoom_in")})) {
            if (inside) m_module.zoomFov(1 / 1.25);
            else m_module.zoomAbout(1.5, 0, 0);
        }
        ImGui::SameLine();
        if (button("view360.zoom_out", "–", ButtonOptions{o.kind, {}, false, Icon::ChevronLeft, true, false, Font::Bold, "",
                                                         s.get("view360.zoom_out")})) {
            if (inside) m_module.zoomFov(1.25);
            else m_module.zoomAbout(1 / 1.5, 0, 0);
        }
        ImGui::SameLine();
        if (button("view360.fullscreen", s.get("view360.fullscreen"), o)) m_fullscreen = true;
        // The hint beside the buttons where there is room for it, else under them.
        ImGui::SameLine();
        const char* hint = s.get(inside ? "view360.hint_inside" : "view360.hint_spin");
        const ImVec2 row = ImGui::GetCursorScreenPos();
        const float rowLeft = ImGui::GetWindowPos().x + left - ImGui::GetScrollX();
        float hintW = rowLeft + layout.width - (row.x + em(0.5f));
        ImVec2 hintPos(row.x + em(0.5f), row.y + em(0.4f));
        ImGui::NewLine();
        if (hintW < em(16)) {
            hintW = layout.width;
            hintPos = ImVec2(rowLeft, ImGui::GetCursorScreenPos().y + em(0.25f));
        }
        SelectableTextOptions ht;
        ht.wrapWidth = hintW;
        ht.hookId = "view360.hint";
        const ImVec2 hintSize = selectableText("##hint", Font::Regular, hintPos, color::kTextMuted, hint, ht);
        const float below = hintPos.y + hintSize.y - ImGui::GetCursorScreenPos().y;
        if (below > 0) ImGui::Dummy(ImVec2(1, below));
        ImGui::Dummy(ImVec2(1, em(0.75f)));
        if (inside) drawMotionToggle(left, layout.width);
        if (v->editable) drawPlacement(layout.width);
        if (v->editable && !inside) {
            const SpinPanel panel{m_module.upload(), [this] { m_module.startSpinUpload(); },
                                  [this] { m_module.uploadAnyway(); }, [this] { m_module.dismissUpload(); }};
            drawSpinUploadPanel(panel, s, left, layout.width);
        }
        drawHotspotList(*v);
    }
    if (m_fullscreen) {
        ButtonOptions o;
        o.kind = ButtonKind::Secondary;
        ImGui::SetCursorScreenPos(ImVec2(stageMax.x - em(10), stageMin.y + em(0.75f)));
        ImGui::PushClipRect(stageMin, stageMax, false);
        if (button("view360.exit_fullscreen", s.get("view360.exit_fullscreen"), o) ||
            ImGui::IsKeyPressed(ImGuiKey_Escape, false))
            m_fullscreen = false;
        ImGui::PopClipRect();
    }
    ImGui::Dummy(ImVec2(1, em(2)));
    endScrollRegion();
}

void View360Screen::drawSpin(const View360& v, ImVec2 min, ImVec2 max)
{
    const SpinInfo& spin = *v.spin;
    const View360State& st = m_module.state();
    ImVec2 fmin = min, fmax = max;
    fit(fmin, fmax, static_cast<float>(spin.frameWidth) / std::max(1, spin.frameHeight));
    handleSpinInput(min, max, fmin, fmax);

    TextureCache& textures = m_ui.textures;
    const Texture* atlas = textures.get(spin.atlasUrl);
    const view360::FrameBlend b = view360::blendAt(st.spin.angle, spin.frames);
    // Full frames: the large size when zoomed in on a big screen, the medium one otherwise.
    const bool large = st.spin.zoom > 1.5 && (fmax.x - fmin.x) > 700 && spin.frameWidth <= platform::maxTextureSize();
    const std::string size = large ? "l" : "m";
    const Texture* from = textures.get(frameUrl(spin, b.from, size));
    const Texture* to = textures.get(frameUrl(spin, b.to, size));
    // Nearest first, then the way the car is turning (the cache fetches in the order asked).
    const std::vector<int> order =
        view360::frameLoadOrder(b, spin.frames, st.spin.velocity < 0 ? -1 : 1, kPrefetchAhead, kPrefetchBehind);
    for (std::size_t k = 2; k < order.size(); ++k) textures.prefetch(frameUrl(spin, order[k], size));

    if (!atlas && !from) {
        spinner("view360.loading", ImVec2((min.x + max.x) / 2, (min.y + max.y) / 2), em(1), shared().nowMs);
        hookRect("view360.stage", strings().get("view360.title"), min, max, nullptr, withRole(Role::Image));
        return;
    }
    m_module.startAutoplay(shared().nowMs);

    struct Source {
        unsigned texture = 0;
        float rect[4] = {0, 0, 1, 1};
    };
    const auto source = [&](const Texture* full, int frame) {
        Source out;
        if (full) {
            out.texture = full->glName();
        } else if (atlas) {
            out.texture = atlas->glName();
            cellRect(spin, *atlas, frame, out.rect);
        }
        return out;
    };
    const Source a = source(from, b.from), c = source(to, b.to);
    const float t = static_cast<float>(b.weight);
    const float zoom = static_cast<float>(st.spin.zoom), px = static_cast<float>(st.spin.panX),
                py = static_cast<float>(st.spin.panY);
    ImDrawList* dl = m_fullscreen ? ImGui::GetForegroundDrawList() : ImGui::GetWindowDrawList();
    dl->PushClipRect(min, max, true);
    addGlDraw(dl, fmin, fmax, [this, a, c, t, zoom, px, py](const float clip[4]) {
        glUseProgram(m_spin.id());
        glUniform4f(m_spin.uniform("uRect"), clip[0], clip[1], clip[2], clip[3]);
        bindTexture(m_spin, "uFrom", 0, a.texture);
        bindTexture(m_spin, "uTo", 1, c.texture ? c.texture : a.texture);
        glUniform4f(m_spin.uniform("uFromRect"), a.rect[0], a.rect[1], a.rect[2], a.rect[3]);
        glUniform4f(m_spin.uniform("uToRect"), c.rect[0], c.rect[1], c.rect[2], c.rect[3]);
        glUniform1f(m_spin.uniform("uT"), c.texture ? t : 0.0f);
        glUniform3f(m_spin.uniform("uView"), zoom, px, py);
        m_quad.draw();
    });
    // Hotspots on this angle (and its neighbours), numbered as in the list.
    int number = 0;
    for (const Hotspot& h : v.hotspots) {
        if (h.view != HotspotView::Spin) continue;
        ++number;
        const auto at = view360::placeOnSpin(h, st.spin.angle, spin.frames);
        if (!at) continue;
        // Through the zoom: view point = (p - 0.5) * zoom + 0.5 + pan.
        const double vx = (at->x - 0.5) * zoom + 0.5 + px, vy = (at->y - 0.5) * zoom + 0.5 + py;
        if (vx < 0 || vx > 1 || vy < 0 || vy > 1) continue;
        drawHotspotMarker(h, number,
                          ImVec2(fmin.x + static_cast<float>(vx) * (fmax.x - fmin.x),
                                 fmin.y + static_cast<float>(vy) * (fmax.y - fmin.y)),
                          static_cast<float>(at->opacity));
    }
    dl->PopClipRect();
    const std::string frameText = strings().format(
        "view360.frame_of", {{"index", std::to_string(b.from + 1)}, {"count", std::to_string(spin.frames)}});
    hookRect("view360.stage", strings().get("view360.title"), min, max, frameText.c_str(), withRole(Role::Image));
}

void View360Screen::keepWithinBudget(const View360& v, bool inside)
{
    if (m_held.listingId != v.listingId) releaseTextures();
    if (m_held.listingId != v.listingId || m_held.hotspots.size() != v.hotspots.size()) m_held = v;
    TextureCache& textures = m_ui.textures;
    std::size_t fixed = 0, tiles = 0;
    std::vector<view360::ResidentFrame> resident;
    std::vector<std::string> urls;
    if (v.spin) {
        fixed += textures.bytesOf(v.spin->atlasUrl);
        for (int f = 0; f < v.spin->frames; ++f)
            for (const std::string& size : v.spin->sizes) {
                std::string url = frameUrl(*v.spin, f, size);
                if (const std::size_t b = textures.bytesOf(url)) {
                    resident.push_back({f, b});
                    urls.push_back(std::move(url));
                }
            }
    }
    if (v.panorama)
        for (const std::string& url : v.panorama->tileUrls) tiles += textures.bytesOf(url);
    for (const Hotspot& h : v.hotspots) fixed += textures.bytesOf(h.closeupUrl);
    std::size_t frameBytes = 0;
    for (const view360::ResidentFrame& r : resident) frameBytes += r.bytes;
    // Outside, a panorama seen before is the first to go; inside, it is what is on screen.
    if (!inside && tiles && fixed + tiles + frameBytes > view360::kGpuBudgetBytes) {
        for (const std::string& url : v.panorama->tileUrls) textures.drop(url);
        tiles = 0;
    }
    std::size_t held = fixed + tiles + frameBytes;
    for (const std::size_t i : view360::framesToEvict(resident, m_module.state().spin.angle, v.spin ? v.spin->frames : 0,
                                                      fixed + tiles)) {
        textures.drop(urls[i]);
        held -= resident[i].bytes;
    }
    m_module.noteGpuBytes(held);
}

void View360Screen::releaseTextures()
{
    TextureCache& textures = m_ui.textures;
    if (m_held.spin) {
        textures.drop(m_held.spin->atlasUrl);
        for (int f = 0; f < m_held.spin->frames; ++f)
            for (const std::string& size : m_held.spin->sizes) textures.drop(frameUrl(*m_held.spin, f, size));
    }
    if (m_held.panorama)
        for (const std::string& url : m_held.panorama->tileUrls) textures.drop(url);
    for (const Hotspot& h : m_held.hotspots) textures.drop(h.closeupUrl);
    m_held = View360{};
    m_module.noteGpuBytes(0);
}

void View360Screen::closed()
{
    releaseTextures();
    followMotion(false);
}

void View360Screen::followMotion(bool on)
{
    if (on == m_motionListening) return;
    m_motionListening = on;
    if (on) platform::startMotion();
    else platform::stopMotion();
}

void View360Screen::drawMotionToggle(float left, float width)
{
    // Phones only (a desktop has no such sensor): the button asks the browser for the sensors
    // (iOS asks the person) in the frame of the press.
    if (!platform::motionSupported()) return;
    const Strings& s = strings();
    const View360State& st = m_module.state();
    ImGui::SetCursorPosX(left);
    ButtonOptions o;
    o.kind = st.motion.on ? ButtonKind::Primary : ButtonKind::Secondary;
    if (button("view360.motion", s.get(st.motion.on ? "view360.motion_off" : "view360.motion_on"), o)) {
        m_module.setMotionLook(!st.motion.on);
        followMotion(m_module.state().motion.on);
    }
    if (st.motion.refused) {
        ImGui::SetCursorPosX(left);
        SelectableTextOptions t;
        t.wrapWidth = width;
        t.hookId = "view360.motion_refused";
        const ImVec2 size = selectableText("##motion_refused", Font::Regular, ImGui::GetCursorScreenPos(), color::kTextMuted,
                                           s.get("view360.motion_refused"), t);
        ImGui::Dummy(size);
    }
    ImGui::Dummy(ImVec2(1, em(0.5f)));
}

void View360Screen::drawPanorama(const View360& v, ImVec2 min, ImVec2 max)
{
    const PanoramaInfo& pano = *v.panorama;
    const View360State& st = m_module.state();
    handlePanoramaInput(min, max);
    std::vector<const Texture*> tiles;
    for (const std::string& url : pano.tileUrls)
        tiles.push_back(m_ui.textures.get(url));
    const bool ready = !tiles.empty() && std::all_of(tiles.begin(), tiles.end(), [](const Texture* t) { return t; });
    if (!ready || tiles.size() < 2) {
        spinner("view360.loading", ImVec2((min.x + max.x) / 2, (min.y + max.y) / 2), em(1), shared().nowMs);
        hookRect("view360.stage", strings().get("view360.title_inside"), min, max, nullptr, withRole(Role::Image));
        return;
    }
    const view360::CameraBasis basis = view360::cameraBasis(st.camera);
    const double aspect = (max.x - min.x) / std::max(1.0f, max.y - min.y);
    const double tanY = std::tan(st.camera.fovY * 3.14159265358979 / 360.0);
    const unsigned t0 = tiles[0]->glName(), t1 = tiles[1]->glName();
    ImDrawList* dl = m_fullscreen ? ImGui::GetForegroundDrawList() : ImGui::GetWindowDrawList();
    dl->PushClipRect(min, max, true);
    addGlDraw(dl, min, max, [this, basis, aspect, tanY, t0, t1](const float clip[4]) {
        glUseProgram(m_panorama.id());
        glUniform4f(m_panorama.uniform("uRect"), clip[0], clip[1], clip[2], clip[3]);
        bindTexture(m_panorama, "uTile0", 0, t0);
        bindTexture(m_panorama, "uTile1", 1, t1);
        const auto vec = [&](const char* name, const double d[3]) {
            glUniform3f(m_panorama.uniform(name), static_cast<float>(d[0]), static_cast<float>(d[1]),
                        static_cast<float>(d[2]));
        };
        vec("uForward", basis.forward);
        vec("uRight", basis.right);
        vec("uUp", basis.up);
        glUniform2f(m_panorama.uniform("uTan"), static_cast<float>(tanY * aspect), static_cast<float>(tanY));
        m_quad.draw();
    });
    int number = 0;
    for (const Hotspot& h : v.hotspots) {
        if (h.view != HotspotView::Panorama) continue;
        ++number;
        const auto at = view360::placeOnPanorama(h.yaw, h.pitch, st.camera, aspect);
        if (!at) continue;
        drawHotspotMarker(h, number,
                          ImVec2(min.x + static_cast<float>(at->x) * (max.x - min.x),
                                 min.y + static_cast<float>(at->y) * (max.y - min.y)),
                          1.0f);
    }
    dl->PopClipRect();
    hookRect("view360.stage", strings().get("view360.title_inside"), min, max, nullptr, withRole(Role::Image));
}

void View360Screen::drawHotspotMarker(const Hotspot& h, int number, ImVec2 at, float opacity)
{
    ImDrawList* dl = m_fullscreen ? ImGui::GetForegroundDrawList() : ImGui::GetWindowDrawList();
    const float r = em(0.95f);
    const auto alpha = static_cast<int>(std::clamp(opacity, 0.0f, 1.0f) * 255);
    const bool selected = m_module.state().selectedHotspot == h.id;
    dl->AddCircleFilled(at, r + em(0.2f), IM_COL32(255, 255, 255, alpha));
    dl->AddCircleFilled(at, r, selected ? IM_COL32(14, 99, 214, alpha) : IM_COL32(17, 24, 39, alpha * 9 / 10));
    const std::string n = std::to_string(number);
    const ImVec2 ts = textSize(Font::Bold, n);
    drawText(dl, Font::Bold, ImVec2(at.x - ts.x / 2, at.y - ts.y / 2), IM_COL32(255, 255, 255, alpha), n);
    // A tap or click on the marker opens its note.
    ImGui::SetCursorScreenPos(ImVec2(at.x - r, at.y - r));
    const std::string id = "view360.marker." + std::to_string(h.id);
    ImGui::PushID(id.c_str());
    const Press p = pressable("##marker", ImVec2(2 * r, 2 * r));
    ImGui::PopID();
    if (p.clicked) m_module.selectHotspot(selected ? 0 : h.id);
    hookRect(id, h.label, ImVec2(at.x - r, at.y - r), ImVec2(at.x + r, at.y + r), nullptr, withRole(Role::Button));
    if (selected) {
        // The note: the mark's close-up over its label and note, under the marker (above it when
        // the stage ends too soon), inside the stage.
        const ImVec2 clipMin = dl->GetClipRectMin(), clipMax = dl->GetClipRectMax();
        const float w = std::min(em(18), std::min(ImGui::GetIO().DisplaySize.x, clipMax.x - clipMin.x) - em(1));
        const std::string text = h.note.empty() ? h.label : h.label + "\n" + h.note;
        const float inner = w - em(1.5f);
        const ImVec2 size = textSize(Font::Regular, text, inner);
        const float photoH = h.closeupUrl.empty() ? 0.0f : inner * 10.0f / 16.0f + em(0.6f);
        const float boxH = photoH + size.y + em(1.2f);
        const float gap = r + em(0.4f), pad = em(0.5f);
        const float lowX = clipMin.x + pad, highX = std::max(lowX, clipMax.x - w - pad);
        float top = at.y + gap;
        float x = std::clamp(at.x - w / 2, lowX, highX);
        if (top + boxH > clipMax.y) {
            if (at.y - gap - boxH >= clipMin.y) {
                top = at.y - gap - boxH; // above
            } else { // beside, on the side with more room
                top = std::clamp(at.y - boxH / 2, clipMin.y + pad, std::max(clipMin.y + pad, clipMax.y - boxH - pad));
                x = std::clamp(at.x + gap + w <= clipMax.x - pad ? at.x + gap : at.x - gap - w, lowX, highX);
            }
        }
        const ImVec2 boxMin(x, top);
        const ImVec2 boxMax(boxMin.x + w, boxMin.y + boxH);
        dl->AddRectFilled(boxMin, boxMax, IM_COL32(255, 255, 255, 245), em(0.5f));
        if (!h.closeupUrl.empty()) {
            const ImVec2 pMin(boxMin.x + em(0.75f), boxMin.y + em(0.6f));
            const ImVec2 pMax(pMin.x + inner, pMin.y + photoH - em(0.6f));
            photo(dl, m_ui.textures, h.closeupUrl, pMin, pMax, em(0.3f), shared().nowMs, strings().get("common.no_photo"));
            hookRect("view360.closeup", strings().format("view360.closeup_of", {{"label", h.label}}), pMin, pMax, nullptr,
                     withRole(Role::Image));
        }
        drawText(dl, Font::Regular, ImVec2(boxMin.x + em(0.75f), boxMin.y + photoH + em(0.6f)), color::kText, text, inner);
        hookRect("view360.note", text, boxMin, boxMax, nullptr, withRole(Role::Text));
    }
}

void View360Screen::drawPlacement(float width)
{
    const Strings& s = strings();
    const View360State& st = m_module.state();
    const float left = ImGui::GetCursorPosX() + PageLayout::compute(ImGui::GetWindowWidth()).left;
    ImGui::SetCursorPosX(left);
    const auto& marks = m_module.state().view.value().hotspots;
    const auto moving = std::find_if(marks.begin(), marks.end(), [&](const Hotspot& h) { return h.id == st.moving; });
    if (st.moving && moving != marks.end()) {
        // Moving a mark: where it goes is the next tap on the car.
        const std::string hint = s.format("view360.move_hint", {{"label", moving->label}});
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float hintW = std::max(em(8), width - buttonWidth(s.get("view360.cancel")) - em(1));
        SelectableTextOptions t;
        t.wrapWidth = hintW;
        t.hookId = "view360.move_hint";
        const ImVec2 hs = selectableText("##move_hint", Font::Regular, ImVec2(p.x, p.y + em(0.4f)), color::kTextMuted, hint, t);
        ImGui::SetCursorScreenPos(ImVec2(p.x + hs.x + em(1), p.y));
        ButtonOptions c;
        c.kind = ButtonKind::Ghost;
        if (button("view360.cancel", s.get("view360.cancel"), c)) m_module.cancelMoving();
        ImGui::SetCursorScreenPos(ImVec2(p.x, std::max(ImGui::GetCursorScreenPos().y, p.y + hs.y + em(0.5f))));
        ImGui::Dummy(ImVec2(1, 1));
    } else if (!st.placing) {
        ButtonOptions o;
        o.kind = ButtonKind::Secondary;
        if (button("view360.add", s.get("view360.add"), o)) {
            m_module.startPlacing();
            m_focusLabel = true;
        }
    } else {
        std::string label = st.draftLabel;
        FieldOptions f;
        f.maxChars = 80;
        f.focusNow = m_focusLabel;
        m_focusLabel = false;
        if (textField("view360.label", s.get("view360.label_hint"), label, std::min(width, em(24)), f))
            m_module.setDraftLabel(label);
        ImGui::SameLine();
        ButtonOptions c;
        c.kind = ButtonKind::Ghost;
        if (button("view360.cancel", s.get("view360.cancel"), c)) m_module.cancelPlacing();
        ImGui::SetCursorPosX(left);
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const char* hint = s.get(st.draftLabel.empty() ? "view360.label_first" : "view360.place_hint");
        drawText(ImGui::GetWindowDrawList(), Font::Regular, p, color::kTextMuted, hint, width);
        const ImVec2 hs = textSize(Font::Regular, hint, width);
        hookRect("view360.place_hint", hint, p, ImVec2(p.x + hs.x, p.y + hs.y), nullptr, withRole(Role::Text));
        ImGui::Dummy(ImVec2(1, hs.y));
    }
    if (st.edit.status() == Status::Error) {
        ImGui::SetCursorPosX(left);
        const std::string msg = errorMessage(s, st.edit.error(), false);
        const ImVec2 p = ImGui::GetCursorScreenPos();
        drawText(ImGui::GetWindowDrawList(), Font::Regular, p, color::kDanger, msg, width);
        const ImVec2 ms = textSize(Font::Regular, msg, width);
        hookRect("view360.edit_error", msg, p, ImVec2(p.x + ms.x, p.y + ms.y), nullptr, withRole(Role::Text));
        ImGui::Dummy(ImVec2(1, ms.y));
    }
    ImGui::Dummy(ImVec2(1, em(0.5f)));
}

void View360Screen::drawHotspotList(const View360& v)
{
    const Strings& s = strings();
    const bool inside = m_module.state().inside && v.panorama;
    std::vector<const Hotspot*> here;
    for (const Hotspot& h : v.hotspots)
        if ((h.view == HotspotView::Panorama) == inside) here.push_back(&h);
    if (here.empty()) return;
    const float left = ImGui::GetCursorPosX() + PageLayout::compute(ImGui::GetWindowWidth()).left;
    ImGui::SetCursorPosX(left);
    const ImVec2 hs = heading("view360.hotspots", formatCount(s, "view360.hotspots", static_cast<std::int64_t>(here.size())),
                              ImGui::GetCursorScreenPos(), Font::Bold);
    ImGui::Dummy(ImVec2(1, hs.y + em(0.4f)));
    int number = 0;
    for (const Hotspot* h : here) {
        ++number;
        ImGui::SetCursorPosX(left);
        ButtonOptions o;
        o.kind = m_module.state().selectedHotspot == h->id ? ButtonKind::Primary : ButtonKind::Ghost;
        const std::string id = "view360.hotspot." + std::to_string(h->id);
        if (button(id.c_str(), std::to_string(number) + ". " + h->label, o))
            m_module.selectHotspot(m_module.state().selectedHotspot == h->id ? 0 : h->id);
        if (v.editable) {
            ImGui::SameLine();
            ButtonOptions r;
            r.kind = ButtonKind::Link;
            const std::string mid = "view360.move." + std::to_string(h->id);
            r.name = s.format("view360.move_named", {{"label", h->label}});
            if (button(mid.c_str(), s.get("view360.move"), r)) m_module.startMoving(h->id);
            ImGui::SameLine();
            r.name = s.format("view360.remove_named", {{"label", h->label}});
            const std::string rid = "view360.remove." + std::to_string(h->id);
            if (button(rid.c_str(), s.get("view360.remove"), r)) m_module.removeHotspot(h->id);
        }
    }
}

// [SECTION] Gestures on the stage (shared by the spin and the panorama)

bool View360Screen::stageItem(const char* id, ImVec2 min, ImVec2 max)
{
    ImGuiIO& io = ImGui::GetIO();
    ImGui::SetCursorScreenPos(min);
    ImGui::SetNextItemAllowOverlap();
    pressable(id, ImVec2(max.x - min.x, max.y - min.y));
    const bool hovered = ImRect(min, max).Contains(io.MousePos) &&
                         ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem);
    // The wheel zooms here instead of scrolling the page.
    const ImGuiID item = ImGui::GetItemID();
    if (hovered) ImGui::SetKeyOwner(ImGuiKey_MouseWheelY, item);
    // The arrows turn the car (or look around) unless the keyboard is moving between the other
    // controls: owned here, they no longer start ImGui's arrow navigation (which would take the
    // focus to the first control of the page, the search field). Ownership set now holds for the
    // next frame's key presses.
    const ImGuiContext& g = *GImGui;
    const bool navElsewhere = g.NavId != 0 && g.NavId != item && !g.NavDisableHighlight;
    m_keysHere = !navElsewhere && !io.WantTextInput;
    if (m_keysHere)
        for (const ImGuiKey key : {ImGuiKey_LeftArrow, ImGuiKey_RightArrow, ImGuiKey_UpArrow, ImGuiKey_DownArrow})
            ImGui::SetKeyOwner(key, item);
    return hovered;
}

View360Screen::DragStep View360Screen::trackDrag(ImVec2 min, ImVec2 max, bool anyDirection)
{
    ImGuiIO& io = ImGui::GetIO();
    DragStep step;
    const bool pressedHere = ImRect(min, max).Contains(io.MouseClickedPos[0]) &&
                             ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem);
    if (io.MouseDown[0] && pressedHere && !touchDragging()) {
        const ImVec2 total(io.MousePos.x - io.MouseClickedPos[0].x, io.MousePos.y - io.MouseClickedPos[0].y);
        if (!m_dragging) {
            m_dragging = true;
            m_dragClaimed = false;
            m_lastPos = io.MouseClickedPos[0];
            step.started = true;
        }
        // A touch drag is the stage's once it is clearly sideways (or any way, when asked); a
        // vertical one scrolls the page. The mouse's is always the stage's.
        if (!m_dragClaimed && (std::fabs(total.x) > em(0.5f) || std::fabs(total.y) > em(0.5f)))
            m_dragClaimed = io.MouseSource != ImGuiMouseSource_TouchScreen || anyDirection ||
                            std::fabs(total.x) > std::fabs(total.y);
        if (m_dragClaimed) {
            claimTouchDrag();
            step.active = true;
            step.delta = ImVec2(io.MousePos.x - m_lastPos.x, io.MousePos.y - m_lastPos.y);
            m_lastPos = io.MousePos;
        }
    } else if (m_dragging) {
        m_dragging = false;
        step.released = m_dragClaimed;
        step.tap = !m_dragClaimed;
        m_dragClaimed = false;
    }
    return step;
}

void View360Screen::handleSpinInput(ImVec2 stageMin, ImVec2 stageMax, ImVec2 min, ImVec2 max)
{
    ImGuiIO& io = ImGui::GetIO();
    // Gestures anywhere on the stage; distances are measured against the picture of the car
    // (min..max), so a drag across the car turns it by kDegreesPerWidth whatever the stage's shape.
    const ImVec2 size(max.x - min.x, max.y - min.y);
    const bool hovered = stageItem("##view360.spin", stageMin, stageMax);
    const View360State& st = m_module.state();
    const auto rel = [&](ImVec2 p) {
        return std::pair<double, double>((p.x - min.x) / size.x - 0.5, (p.y - min.y) / size.y - 0.5);
    };
    if (hovered && io.MouseWheel != 0) {
        m_module.touched();
        const auto [fx, fy] = rel(io.MousePos);
        m_module.zoomAbout(std::pow(1.2, io.MouseWheel), fx, fy);
    }
    if (hovered && ImGui::IsMouseDoubleClicked(0)) {
        m_module.touched();
        const auto [fx, fy] = rel(io.MousePos);
        if (st.spin.zoom > 1.01) m_module.resetZoom();
        else m_module.zoomAbout(2.5, fx, fy);
    }
    // Two fingers: pinch zoom about their centre.
    const PinchInput& p = pinch();
    if (p.active && (m_pinching || ImRect(stageMin, stageMax).Contains(p.center))) {
        if (!m_pinching) {
            m_pinching = true;
            m_pinchStart = p.scale;
            m_zoomAtPinch = st.spin.zoom;
            m_module.touched();
        }
        const auto [fx, fy] = rel(p.center);
        m_module.zoomAbout(m_zoomAtPinch * p.scale / m_pinchStart / st.spin.zoom, fx, fy);
        claimTouchDrag();
        return;
    }
    m_pinching = false;

    // One finger or the mouse: turn (or pan a zoomed car, which a drag in any direction does).
    const double now = shared().nowMs;
    const DragStep drag = trackDrag(stageMin, stageMax, st.spin.zoom > 1.01);
    if (drag.started) {
        m_turned = 0;
        m_fling.reset();
        m_fling.add(now, 0);
        m_module.touched();
    }
    if (drag.active && (drag.delta.x != 0 || drag.delta.y != 0)) {
        if (st.spin.zoom > 1.01) {
            m_module.panBy(drag.delta.x / size.x, drag.delta.y / size.y);
        } else {
            const double degrees = -drag.delta.x / size.x * kDegreesPerWidth;
            m_module.turnBy(degrees);
            m_turned += degrees;
            m_fling.add(now, m_turned);
        }
    }
    // The car keeps turning at the speed of the drag's last moments (none after a pause).
    if (drag.released && st.spin.zoom <= 1.01) m_module.fling(m_fling.speedAt(now));
    // Placing a mark: a tap (not a drag) on the car puts it there.
    if (drag.tap && (st.placing || st.moving) && ImRect(min, max).Contains(io.MousePos))
        m_module.placeAt((io.MousePos.x - min.x) / size.x, (io.MousePos.y - min.y) / size.y, size.x / size.y);
    // Keys: arrows step frames (when no text field or other control has the keyboard).
    if (m_keysHere) {
        if (ImGui::IsKeyPressed(ImGuiKey_LeftArrow)) m_module.stepFrames(-1);
        if (ImGui::IsKeyPressed(ImGuiKey_RightArrow)) m_module.stepFrames(1);
        if (ImGui::IsKeyPressed(ImGuiKey_Equal) || ImGui::IsKeyPressed(ImGuiKey_KeypadAdd)) m_module.zoomAbout(1.25, 0, 0);
        if (ImGui::IsKeyPressed(ImGuiKey_Minus) || ImGui::IsKeyPressed(ImGuiKey_KeypadSubtract))
            m_module.zoomAbout(1 / 1.25, 0, 0);
    }
    if (m_module.animating()) keepAnimating();
}

void View360Screen::handlePanoramaInput(ImVec2 min, ImVec2 max)
{
    ImGuiIO& io = ImGui::GetIO();
    const ImVec2 size(max.x - min.x, max.y - min.y);
    const bool hovered = stageItem("##view360.pano", min, max);
    const View360State& st = m_module.state();
    if (hovered && io.MouseWheel != 0) m_module.zoomFov(std::pow(1 / 1.15, io.MouseWheel));
    const PinchInput& p = pinch();
    if (p.active && (m_pinching || ImRect(min, max).Contains(p.center))) {
        if (!m_pinching) {
            m_pinching = true;
            m_pinchStart = p.scale;
            m_fovAtPinch = st.camera.fovY;
        }
        m_module.zoomFov(m_fovAtPinch / (p.scale / m_pinchStart) / st.camera.fovY);
        claimTouchDrag();
        return;
    }
    m_pinching = false;
    // The picture follows the pointer: a drag of the view's height turns by the field of view.
    // The phone's turns and tilt (when the person switched it on): one reading per event.
    followMotion(st.motion.on);
    if (st.motion.on) {
        const platform::DeviceMotion m = platform::motion();
        if (m.refused) {
            m_module.motionRefused();
            followMotion(false);
        } else if (m.valid && m.serial != m_motionSerial) {
            m_motionSerial = m.serial;
            m_module.followDevice(view360::lookFromDevice(m.alpha, m.beta, m.gamma));
        }
    }
    const DragStep drag = trackDrag(min, max, false);
    if (drag.active) {
        const double perPx = st.camera.fovY / size.y;
        m_module.lookBy(-drag.delta.x * perPx, drag.delta.y * perPx);
    }
    if (drag.tap && (st.placing || st.moving))
        m_module.placeAt((io.MousePos.x - min.x) / size.x, (io.MousePos.y - min.y) / size.y, size.x / size.y);
    if (m_keysHere) {
        if (ImGui::IsKeyPressed(ImGuiKey_LeftArrow)) m_module.lookBy(-10, 0);
        if (ImGui::IsKeyPressed(ImGuiKey_RightArrow)) m_module.lookBy(10, 0);
        if (ImGui::IsKeyPressed(ImGuiKey_UpArrow)) m_module.lookBy(0, 10);
        if (ImGui::IsKeyPressed(ImGuiKey_DownArrow)) m_module.lookBy(0, -10);
    }
}

} // namespace dongelek::ui

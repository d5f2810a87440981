// Fonts, DPI and the ImGui style. Glyph ranges cover every locale's letters: Latin,
// Latin-1, Cyrillic with the Kazakh letters, general punctuation and the tenge sign.

#include "ui/style.hpp"

#include "ui/imgui_renderer.hpp"

#include "font_ranges.hpp" // generated: the glyphs (src/app/CMakeLists.txt)


#include <algorithm>
#include <array>
#include <cstdio>

namespace dongelek::ui {

namespace {

std::array<ImFont*, 6> g_fonts{};
float g_dpr = 0.0f;

// Kept in step with the subset the build makes (src/app/CMakeLists.txt, kFontUnicodes).

ImVec4 toVec(ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c); }

bool g_touch = false;

void applyStyle()
{
    ImGuiStyle style;
    style.WindowPadding = ImVec2(0, 0);
    style.WindowRounding = 0;
    style.WindowBorderSize = 0;
    style.ChildRounding = em(0.75f);
    style.ChildBorderSize = 1;
    style.PopupRounding = em(0.5f);
    style.PopupBorderSize = 1;
    // 2.25 em tall fields and buttons; 44 px (2.75 em) with a finger, the least a tap should aim at.
    style.FramePadding = ImVec2(em(0.75f), g_touch ? em(0.875f) : em(0.625f));
    style.FrameRounding = em(0.5f);
    style.FrameBorderSize = 1;
    style.ItemSpacing = ImVec2(em(0.5f), em(0.5f));
    style.ItemInnerSpacing = ImVec2(em(0.5f), em(0.25f));
    style.IndentSpacing = em(1.0f);
    style.ScrollbarSize = em(0.75f);
    style.ScrollbarRounding = em(1.0f);
    style.GrabMinSize = em(2.0f);
    style.GrabRounding = em(0.5f);
    style.SelectableTextAlign = ImVec2(0, 0.5f);
    style.DisplaySafeAreaPadding = ImVec2(0, 0);
    style.AntiAliasedFill = true;
    style.AntiAliasedLines = true;

    ImVec4* c = style.Colors;
    c[ImGuiCol_Text] = toVec(color::kText);
    c[ImGuiCol_TextDisabled] = toVec(color::kTextSubtle);
    c[ImGuiCol_WindowBg] = toVec(color::kBackground);
    c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_PopupBg] = toVec(color::kSurface);
    c[ImGuiCol_Border] = toVec(color::kBorderStrong);
    c[ImGuiCol_BorderShadow] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_FrameBg] = toVec(color::kSurface);
    c[ImGuiCol_FrameBgHovered] = toVec(IM_COL32(249, 250, 251, 255));
    c[ImGuiCol_FrameBgActive] = toVec(color::kSurface);
    c[ImGuiCol_Button] = toVec(color::kSurface);
    c[ImGuiCol_ButtonHovered] = toVec(IM_COL32(243, 244, 246, 255));
    c[ImGuiCol_ButtonActive] = toVec(color::kBorder);
    c[ImGuiCol_Header] = toVec(color::kAccentSoft);
    c[ImGuiCol_HeaderHovered] = toVec(IM_COL32(241, 245, 251, 255));
    c[ImGuiCol_HeaderActive] = toVec(color::kAccentSoft);
    c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_ScrollbarGrab] = toVec(color::kBorderStrong);
    c[ImGuiCol_ScrollbarGrabHovered] = toVec(color::kTextSubtle);
    c[ImGuiCol_ScrollbarGrabActive] = toVec(color::kTextMuted);
    c[ImGuiCol_CheckMark] = toVec(color::kAccent);
    c[ImGuiCol_SliderGrab] = toVec(color::kAccent);
    c[ImGuiCol_SliderGrabActive] = toVec(color::kAccentHover);
    c[ImGuiCol_Separator] = toVec(color::kBorder);
    c[ImGuiCol_TextSelectedBg] = ImVec4(14 / 255.f, 99 / 255.f, 214 / 255.f, 0.25f);
    c[ImGuiCol_NavHighlight] = toVec(color::kAccent);
    c[ImGuiCol_ModalWindowDimBg] = ImVec4(0.07f, 0.09f, 0.15f, 0.35f);
    ImGui::GetStyle() = style;
}

} // namespace

ImFont* font(Font role)
{
    ImFont* f = g_fonts[static_cast<std::size_t>(role)];
    return f ? f : ImGui::GetFont();
}

void clearColor(float out[4])
{
    const ImVec4 v = toVec(color::kBackground);
    out[0] = v.x;
    out[1] = v.y;
    out[2] = v.z;
    out[3] = 1.0f;
}

void setTouchScreen(bool touch)
{
    if (touch == g_touch) return;
    g_touch = touch;
    if (ImGui::GetCurrentContext()) applyStyle();
}

bool touchScreen() { return g_touch; }

float tapSize(float size) { return g_touch ? std::max(size, kTapMinPx) : size; }

namespace {
float g_visibleBottom = 1e9f;
} // namespace
void setVisibleBottom(float y) { g_visibleBottom = y; }
float visibleBottom() { return g_visibleBottom; }
PinchInput g_pinch;
void setPinch(const PinchInput& p) { g_pinch = p; }
const PinchInput& pinch() { return g_pinch; }

float currentDpiScale() { return g_dpr; }

namespace {
struct AtlasState {
    bool built = false;    // the atlas holds the fonts for `dpr` from `assetDir`
    bool uploaded = false; // ...and the GPU has it
    bool ok = false;
    float dpr = 0;
    std::string assetDir;
};
AtlasState g_atlas;
} // namespace

bool buildFontAtlas(float dpr, const std::string& assetDir)
{
    if (dpr <= 0) dpr = 1;
    if (g_atlas.built && g_atlas.dpr == dpr && g_atlas.assetDir == assetDir) return g_atlas.ok;
    g_dpr = dpr;
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    io.Fonts->Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;
    io.Fonts->TexDesiredWidth = dpr > 1.5f ? 2048 : 1024;

    const std::string regular = assetDir + "/fonts/NotoSans-Regular.ttf";
    const std::string bold = assetDir + "/fonts/NotoSans-Bold.ttf";
    struct Spec {
        Font role;
        const std::string* file;
        float sizeEm;
    };
    const Spec specs[] = {{Font::Regular, &regular, 1.0f},  {Font::Small, &regular, 0.875f},
                          {Font::Bold, &bold, 1.0f},        {Font::Heading, &bold, 1.125f},
                          {Font::Large, &bold, 1.375f},     {Font::Title, &bold, 1.75f}};
    bool ok = true;
    for (const Spec& s : specs) {
        ImFontConfig cfg;
        cfg.RasterizerDensity = dpr; // glyphs at device pixels, metrics in CSS pixels
        cfg.OversampleH = dpr > 1.5f ? 1 : 2;
        cfg.OversampleV = 1;
        ImFont* f = io.Fonts->AddFontFromFileTTF(s.file->c_str(), em(s.sizeEm), &cfg, kGlyphRanges);
        if (!f) {
            ok = false;
            break;
        }
        g_fonts[static_cast<std::size_t>(s.role)] = f;
    }
    if (!ok) {
        std::fprintf(stderr, "dongelek: fonts not found in %s/fonts, using the built-in font\n", assetDir.c_str());
        io.Fonts->Clear();
        ImFont* fallback = io.Fonts->AddFontDefault();
        g_fonts.fill(fallback);
    }
    io.FontDefault = g_fonts[static_cast<std::size_t>(Font::Regular)];
    io.Fonts->Build();
    g_atlas = AtlasState{true, false, ok, dpr, assetDir};
    return ok;
}

void uploadFontAtlas()
{
    if (g_atlas.uploaded) return;
    uploadImGuiFonts(); // shaders the first time + the font texture
    applyStyle();
    g_atlas.uploaded = true;
}

bool setupDpiScale(float dpr, const std::string& assetDir)
{
    const bool ok = buildFontAtlas(dpr, assetDir);
    uploadFontAtlas();
    return ok;
}

} // namespace dongelek::ui

// Look of the app in one place: palette, fonts and the ImGui style, all sized in em
// units. setupDpiScale() is the one function that reloads fonts for a pixel density.
#pragma once

#include <imgui.h>

#include <string>

namespace dongelek::ui {

// 1 em in CSS pixels (web) / points (native): the body text height. Every size derives from it.
inline constexpr float kEmPx = 16.0f;
inline float em(float n = 1.0f) { return n * kEmPx; }

enum class Font { Regular, Small, Bold, Heading, Large, Title };
ImFont* font(Font role);

// Light theme with one accent colour.
namespace color {
inline constexpr ImU32 kBackground = IM_COL32(243, 244, 246, 255);
inline constexpr ImU32 kSurface = IM_COL32(255, 255, 255, 255);
inline constexpr ImU32 kBorder = IM_COL32(229, 231, 235, 255);
inline constexpr ImU32 kBorderStrong = IM_COL32(209, 213, 219, 255);
inline constexpr ImU32 kText = IM_COL32(17, 24, 39, 255);
inline constexpr ImU32 kTextMuted = IM_COL32(75, 85, 99, 255);     // #4B5563: 7.6:1 on white, 6.9:1 on the page (WCAG AA)
inline constexpr ImU32 kTextSubtle = IM_COL32(107, 114, 128, 255); // #6B7280: 4.8:1 on white (AA), only on cards
inline constexpr ImU32 kAccent = IM_COL32(14, 99, 214, 255);
inline constexpr ImU32 kAccentHover = IM_COL32(11, 82, 179, 255);
inline constexpr ImU32 kAccentSoft = IM_COL32(232, 240, 252, 255);
inline constexpr ImU32 kSelection = IM_COL32(191, 219, 254, 255); // #BFDBFE: selected text's background
inline constexpr ImU32 kDanger = IM_COL32(220, 38, 38, 255);
inline constexpr ImU32 kDangerSoft = IM_COL32(254, 242, 242, 255);
inline constexpr ImU32 kChip = IM_COL32(243, 244, 246, 255);
inline constexpr ImU32 kChipText = IM_COL32(55, 65, 81, 255);
inline constexpr ImU32 kPlaceholder = IM_COL32(229, 231, 235, 255);
inline constexpr ImU32 kPlaceholderHi = IM_COL32(243, 244, 246, 255);
inline constexpr ImU32 kPhotoBackdrop = IM_COL32(17, 24, 39, 255);
inline constexpr ImU32 kShadow = IM_COL32(17, 24, 39, 10);
} // namespace color

// The page background as floats for glClear.
void clearColor(float out[4]);

// Loads the Noto Sans fonts rasterized at `dpr` (glyphs stay sharp on high-DPI screens
// while layout stays in CSS pixels), rebuilds the atlas and its GL texture, applies the
// style. The first call also creates the renderer's GL objects, so that cost is paid at
// start-up rather than in a frame. Call outside a frame, with the GL context current.
// Returns false (and falls back to ImGui's built-in font) when the font files cannot be read.
bool setupDpiScale(float dpr, const std::string& assetDir);
// The two halves of setupDpiScale, for a start-up split into short tasks: the atlas (CPU: the
// glyphs rasterized), then the GPU side (shaders, the atlas texture) and the style. Each does
// nothing when already done for this density.
bool buildFontAtlas(float dpr, const std::string& assetDir);
void uploadFontAtlas();
float currentDpiScale();

// Touch screens (a coarse pointer): every control is at least kTapMinPx tall, fields and
// buttons through the style, custom widgets through tapSize().
inline constexpr float kTapMinPx = 44.0f;
void setTouchScreen(bool touch);
bool touchScreen();
float tapSize(float size);
// The bottom of the visible area this frame (above a phone's keyboard); set by the app.
void setVisibleBottom(float y);
float visibleBottom();
// This frame's two-finger pinch over a zoomable photo (platform::pinch), set by the app.
struct PinchInput {
    bool active = false;
    float scale = 1.0f;
    ImVec2 center;
};
void setPinch(const PinchInput& p);
const PinchInput& pinch();

} // namespace dongelek::ui

// Text that can be selected and copied, as on a web page, for every screen to draw its
// readable text with (a listing's title, price, specifications, description, seller).
// - Mouse: drag selects, a double-click selects a word, a triple-click the whole text, Shift+click
//   extends; the I-beam cursor over it; a click anywhere else ends the selection.
// - Touch: a long press (0.5 s, the finger still) selects the word under it, moving the finger
//   then extends the selection, and a bubble over it offers Copy and Select all (hook ids
//   "selection.copy", "selection.all"); a tap elsewhere ends it. A finger that moves first
//   scrolls the page as before.
// - Keyboard: Ctrl/Cmd+C copies the selection, Ctrl/Cmd+A selects the whole text it is in.
// One selection at a time, inside one text. Idle mode holds: the long press asks for the one
// frame it needs (redrawAfter).
#pragma once

#include "core/i18n.hpp"
#include "ui/style.hpp"
#include "ui/test_hook.hpp"

#include <imgui.h>

#include <string>
#include <string_view>

namespace dongelek::ui {

struct SelectableTextOptions {
    float wrapWidth = 0.0f;           // > 0: wrapped at this width (whole words, blank lines kept)
    const char* hookId = nullptr;     // also listed in the test hook and the page's mirror
    Role role = Role::Text;           // what the mirror makes of it (Heading, Text)
    const std::string* hookLabel = nullptr; // the accessible text when not the drawn one (an ellipsized name)
};

// Draws `text` at `pos` (no layout item is submitted) and returns its size. `id` is unique within
// the current ImGui ID scope. The size equals selectableTextSize() for the same text and width.
ImVec2 selectableText(const char* id, Font f, ImVec2 pos, ImU32 color, std::string_view text,
                      const SelectableTextOptions& options = {});
ImVec2 selectableTextSize(Font f, std::string_view text, float wrapWidth = 0.0f);

// Once per frame after the screen: the touch bubble, the copy keys, and ending a selection
// whose text is no longer drawn or that a click elsewhere dismissed.
void endTextSelectionFrame(const Strings& s);
// The selected text, "" when none (for the test hook).
std::string selectedText();
// A finger is selecting text: scroll regions leave the drag alone.
bool touchSelecting();

} // namespace dongelek::ui

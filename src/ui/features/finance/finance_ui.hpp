// Small drawing pieces the loan calculator's and the cost estimate's files share: a white card
// whose height is known only at its end, a section heading, the line under a field (its problem
// or a hint), a label and its value on one row.
#pragma once

#include "ui/widgets.hpp"

#include <imgui.h>

#include "core/model.hpp"
#include "ui/screen.hpp"

#include <functional>
#include <string>

namespace dongelek::ui::finance_ui {

inline constexpr ImU32 kDangerText = IM_COL32(153, 27, 27, 255); // #991B1B, as the account forms
inline constexpr ImU32 kInterest = IM_COL32(245, 158, 11, 255);  // #F59E0B: interest / profit in the chart
inline constexpr ImU32 kFee = IM_COL32(156, 163, 175, 255);      // #9CA3AF: fees in the chart
inline constexpr ImU32 kGood = IM_COL32(21, 128, 61, 255);       // #15803D: money saved

// Drawn behind what is drawn between its construction and end() (a draw-list channel of its own).
class Card {
public:
    Card(ImVec2 pos, float width);
    Card(const Card&) = delete;
    Card& operator=(const Card&) = delete;
    // Puts the card behind the content down to `bottom`; returns the card's height.
    float end(float bottom);

private:
    ImDrawList* m_dl;
    ImDrawListSplitter m_splitter;
    ImVec2 m_pos;
    float m_width;
};

// A card at the cursor, `width` wide, with the usual padding: `x`, `w` are its inner left and
// width and `y` the running position of its content; finish() puts the card behind what was
// drawn, leaves the ImGui cursor covering it, and returns its height (the block's height).
class CardBlock {
public:
    explicit CardBlock(float width);
    float finish();
    float x = 0, w = 0, y = 0;
    const ImVec2 pos;
    const float pad;

private:
    float m_width;
    Card m_card;
};

// The head of a listing's sub-page (the calculator, the cost estimate): "Back to the listing"
// (a link, `<prefix>.back`), the page's title (`<prefix>.heading`) and the car with its price
// (`<prefix>.car`, selectable). Returns its height; `onBack` runs when the link is pressed.
float listingPageHeader(const Strings& s, const char* prefix, const char* titleKey, const ListingSummary& car,
                        float width, const std::function<void(const std::string&)>& navigate);

// A listing's sub-page before it can be drawn: the listing is gone (a panel with a way home),
// a request failed (a panel with Retry), or it is still loading (a spinner); `avail` is the
// room. Returns false when the page is ready to draw.
bool listingPageState(UiContext& ui, Status status, const RequestError& error, bool ready, ImVec2 avail);

// A card's heading (a heading in the mirror); returns its height.
float sectionHeading(const char* hookId, const std::string& text, ImVec2 pos, float width);
// Under a field: its problem in red with an alert mark ("<hookId>.error"), else a muted hint
// ("<hookId>.hint"); returns the height used.
float underField(const std::string& hookId, const std::string& error, const std::string& hint, ImVec2 pos, float width);

// A label on the left (muted, shortened to fit) and its value on the right, one row; returns
// its height. In the mirror: text `label` with value `value`.
float fact(const char* hookId, const std::string& label, const std::string& value, float x, float y, float width,
           Font valueFont = Font::Bold);

} // namespace dongelek::ui::finance_ui

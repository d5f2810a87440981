// The heart (favorites) and compare toggles of one listing: one call on every card and on the
// listing page. Both go through ui::toggleButton; they act on the favorites and compare modules
// (looked up in the shell, so the browse and listing features need not know them).
#pragma once

#include "core/model.hpp"
#include "ui/screen.hpp"

namespace dongelek::ui {

// Over a card at `min` of `size`: the heart over the photo's top-left corner and compare over its
// bottom-left corner (hit-tested before the card, drawn over it).
void cardToggles(UiContext& ui, const ListingSummary& item, ImVec2 min, ImVec2 size);
// In a row that ends at `rightTop` (the listing page's price row): compare, then the heart.
void rowToggles(UiContext& ui, const ListingSummary& item, ImVec2 rightTop);

} // namespace dongelek::ui

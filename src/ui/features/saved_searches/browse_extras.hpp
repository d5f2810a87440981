// What the saved-searches feature adds to the browse screen, above the results: "Save this
// search" (a link to sign in first when signed out; else a small form with a name made from the
// search and "Alert me about new cars"), "Saved" with a link to the saved searches when this
// search is saved already, and the strip of recently viewed cars with "Clear". One call from
// the browse screen; the feature's modules are found through the shell, so the browse feature
// knows nothing of them.
#pragma once

#include "core/model.hpp"

namespace dongelek::ui {

struct UiContext;

// Draws at the cursor, `width` wide, and moves the cursor below what it drew (nothing when the
// feature is not registered).
void drawBrowseExtras(UiContext& ui, const ListingFilter& filter, float width);

} // namespace dongelek::ui

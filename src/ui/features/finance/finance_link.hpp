// Under a listing's price: "from 123,457 ₸/month", a link to its loan calculator
// (/listing/<id>/finance) with the monthly payment at the country's defaults
// (client/features/finance/finance_form.hpp), and "What it really costs", a link to its cost
// estimate (/listing/<id>/costs: customs or registration, insurance, a year of ownership).
// Side by side when they fit, else one under the other. One call on the listing page; a link
// is not drawn when the app has no such screen (or the price leaves nothing to finance).
#pragma once

#include "core/model.hpp"
#include "ui/screen.hpp"

#include <imgui.h>

namespace dongelek::ui {

// The height the links take in `width` (0 when neither is shown).
float monthlyPaymentLinkHeight(const UiContext& ui, const ListingSummary& item, float width);
// Draws them at `pos` (hook ids "listing.finance", "listing.costs") and returns their height.
float monthlyPaymentLink(UiContext& ui, const ListingSummary& item, ImVec2 pos, float width);

} // namespace dongelek::ui

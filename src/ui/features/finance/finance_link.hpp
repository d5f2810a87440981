// "from 123,457 ₸/month" under a listing's price: a link to its loan calculator
// (/listing/<id>/finance) with the monthly payment at the country's defaults
// (client/features/finance/finance_form.hpp). One call on the listing page; nothing is drawn
// when the app has no calculator or the price leaves nothing to finance.
#pragma once

#include "core/model.hpp"
#include "ui/screen.hpp"

#include <imgui.h>

namespace dongelek::ui {

// The height the line takes (0 when it is not shown).
float monthlyPaymentLinkHeight(const UiContext& ui, const ListingSummary& item);
// Draws the link at `pos` (hook id "listing.finance") and returns its height.
float monthlyPaymentLink(UiContext& ui, const ListingSummary& item, ImVec2 pos);

} // namespace dongelek::ui

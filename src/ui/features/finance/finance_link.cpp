// The listing page's "from … /month" link to the loan calculator (see the header).

#include "ui/features/finance/finance_link.hpp"

#include "client/features/finance/finance_form.hpp"
#include "client/features/finance/finance_module.hpp"
#include "client/features/finance/finance_text.hpp"
#include "ui/widgets.hpp"

namespace dongelek::ui {

float monthlyPaymentLinkHeight(const UiContext& ui, const ListingSummary& item)
{
    if (!ui.app.find<FinanceModule>() || !typicalMonthlyPayment(item)) return 0.0f;
    return tapSize(em(1.75f)) + em(0.25f);
}

float monthlyPaymentLink(UiContext& ui, const ListingSummary& item, ImVec2 pos)
{
    const float h = monthlyPaymentLinkHeight(ui, item);
    if (h <= 0) return 0.0f;
    const std::optional<Money> payment = typicalMonthlyPayment(item);
    const std::string href = FinanceRoute{item.id}.url();
    ButtonOptions o;
    o.kind = ButtonKind::Link;
    o.font = Font::Bold;
    o.href = href;
    o.size = ImVec2(0, tapSize(em(1.75f)));
    ImGui::SetCursorScreenPos(pos);
    const bool clicked = button("listing.finance", monthlyFromText(ui.app.shared().strings, *payment), o);
    // Pointed at or focused: the calculator starts loading the listing, so it opens at once.
    if (ImGui::IsItemHovered() || ImGui::IsItemFocused()) ui.app.prefetch(href);
    if (clicked) ui.app.navigate(href);
    return h;
}

} // namespace dongelek::ui

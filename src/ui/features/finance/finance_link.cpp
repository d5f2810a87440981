// The listing page's links to the loan calculator and the cost estimate (see the header).

#include "ui/features/finance/finance_link.hpp"

#include "client/features/costs/costs_module.hpp"
#include "client/features/finance/finance_form.hpp"
#include "client/features/finance/finance_module.hpp"
#include "client/features/finance/finance_text.hpp"
#include "core/routes/costs_route.hpp"
#include "ui/widgets.hpp"

#include <string>
#include <vector>

namespace dongelek::ui {

namespace {

struct Link {
    const char* hookId;
    std::string text;
    std::string href;
};

std::vector<Link> linksOf(const UiContext& ui, const ListingSummary& item)
{
    std::vector<Link> out;
    const Strings& s = ui.app.shared().strings;
    if (ui.app.find<FinanceModule>())
        if (const std::optional<Money> payment = typicalMonthlyPayment(item))
            out.push_back({"listing.finance", monthlyFromText(s, *payment), FinanceRoute{item.id}.url()});
    if (ui.app.find<CostsModule>()) out.push_back({"listing.costs", s.get("costs.link"), CostsRoute{item.id}.url()});
    return out;
}

ButtonOptions linkOptions(const Link& l)
{
    ButtonOptions o;
    o.kind = ButtonKind::Link;
    o.font = Font::Bold;
    o.href = l.href;
    o.size = ImVec2(0, tapSize(em(1.75f)));
    return o;
}

// Whether the links fit one row of `width`.
bool oneRow(const std::vector<Link>& links, float width)
{
    float w = 0;
    for (const Link& l : links) w += buttonWidth(l.text, linkOptions(l)) + em(1.0f);
    return w - em(1.0f) <= width;
}

} // namespace

float monthlyPaymentLinkHeight(const UiContext& ui, const ListingSummary& item, float width)
{
    const std::vector<Link> links = linksOf(ui, item);
    if (links.empty()) return 0.0f;
    const float row = tapSize(em(1.75f));
    const std::size_t rows = oneRow(links, width) ? 1 : links.size();
    return row * static_cast<float>(rows) + em(0.25f);
}

float monthlyPaymentLink(UiContext& ui, const ListingSummary& item, ImVec2 pos, float width)
{
    const std::vector<Link> links = linksOf(ui, item);
    if (links.empty()) return 0.0f;
    const bool row = oneRow(links, width);
    ImVec2 at = pos;
    for (const Link& l : links) {
        const ButtonOptions o = linkOptions(l);
        ImGui::SetCursorScreenPos(at);
        const bool clicked = button(l.hookId, l.text, o);
        // Pointed at or focused: the screen starts loading the listing, so it opens at once.
        if (ImGui::IsItemHovered() || ImGui::IsItemFocused()) ui.app.prefetch(l.href);
        if (clicked) ui.app.navigate(l.href);
        if (row) at.x += ImGui::GetItemRectSize().x + em(1.0f);
        else at.y += o.size.y;
    }
    return monthlyPaymentLinkHeight(ui, item, width);
}

} // namespace dongelek::ui

// Cost estimate screen: what the inputs give. The monthly total beside the loan, a year of
// ownership, the insurance quote and getting the car on the road, each a breakdown whose lines
// add up to its total; a coefficient's line says the factor; an approximate tariff is starred.

// [SECTION] Index
// - Breakdowns
// - Per month
// - A year of ownership
// - Insurance
// - On the road

#include "ui/features/costs/costs_screen.hpp"

#include "client/features/finance/finance_text.hpp"
#include "core/routes/finance_route.hpp"
#include "core/text_format.hpp"
#include "ui/features/finance/finance_ui.hpp"
#include "ui/test_hook.hpp"
#include "ui/text_selection.hpp"
#include "ui/widgets.hpp"

#include <algorithm>

namespace dongelek::ui {

using namespace finance_ui;

namespace {

// A line's label and its amount on the right, a coefficient's factor (muted) just before the
// amount; a long label wraps (a phone is narrow). In the mirror: the label with the factor, and
// the amount as its value.
float lineRow(const std::string& hookId, const std::string& label, const std::string& factor, const std::string& value,
              float x, float y, float width, Font font)
{
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const bool bold = font == Font::Bold;
    const float vw = textSize(font, value).x;
    const float fw = factor.empty() ? 0.0f : textSize(Font::Small, factor).x + em(0.5f);
    const float lw = std::max(em(5), width - vw - fw - em(0.75f));
    const ImVec2 ls = textSize(bold ? Font::Bold : Font::Regular, label, lw);
    drawText(dl, bold ? Font::Bold : Font::Regular, ImVec2(x, y), bold ? color::kText : color::kTextMuted, label, lw);
    if (!factor.empty())
        drawText(dl, Font::Small, ImVec2(x + width - vw - fw, y + em(0.1f)), color::kTextSubtle, factor);
    drawText(dl, font, ImVec2(x + width - vw, y), color::kText, value);
    const float h = std::max(ls.y, em(1.25f));
    const std::string name = factor.empty() ? label : label + " " + factor;
    hookRect(hookId.c_str(), name, ImVec2(x, y), ImVec2(x + width, y + h), value.c_str(), withRole(Role::Text));
    return h + em(0.5f);
}

// "×2.96": a coefficient as the breakdown names it.
std::string factorText(const Strings& s, finance::Micro factor)
{
    const std::int64_t hundredths = (factor + 5'000) / 10'000;
    return "\xC3\x97" + decimalText(s, hundredths, 2);
}

} // namespace

// [SECTION] Breakdowns

float CostsScreen::breakdown(const char* hookId, const finance::CostBreakdown& b, const char* totalKey, float x,
                             float y, float width)
{
    const Strings& s = strings();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float y0 = y;
    const std::string id(hookId);
    if (!b.ok()) {
        for (const finance::CostProblem& p : b.problems)
            y += underField(id + ".problem:" + p.key.substr(p.key.rfind('.') + 1), s.get(p.key.c_str()), {},
                            ImVec2(x, y), width);
        return y - y0;
    }
    bool starred = false;
    for (const finance::CostLine& l : b.lines) {
        std::string label = s.get(l.key.c_str());
        if (l.approximate) {
            label += " *";
            starred = true;
        }
        y += lineRow(id + ".line:" + l.key.substr(l.key.rfind('.') + 1), label,
                     l.factor > 0 ? factorText(s, l.factor) : std::string(), price(l.amount), x, y, width, Font::Regular);
    }
    dl->AddLine(ImVec2(x, y), ImVec2(x + width, y), col(color::kBorder));
    y += em(0.5f);
    y += lineRow(id + ".total", s.get(totalKey), {}, price(b.total), x, y, width, Font::Bold);
    if (starred) {
        const char* note = s.get("costs.approximate");
        const float h = textSize(Font::Small, note, width).y;
        drawText(dl, Font::Small, ImVec2(x, y), color::kTextMuted, note, width);
        hookRect((id + ".approximate").c_str(), note, ImVec2(x, y), ImVec2(x + width, y + h), nullptr,
                 withRole(Role::Text));
        y += h + em(0.25f);
    }
    return y - y0;
}

float CostsScreen::sources(const char* hookId, const std::vector<const finance::TariffInfo*>& files, float x, float y,
                           float width)
{
    const Strings& s = strings();
    std::string text;
    std::string from;
    for (const finance::TariffInfo* f : files) {
        from = std::max(from, f->validFrom); // the newest file's date
        for (const finance::TariffSource& src : f->sources) {
            if (src.country && *src.country != m_module.country()) continue; // the other country's price
            if (text.find(src.title) != std::string::npos) continue;
            text += (text.empty() ? "" : "; ") + src.title;
        }
    }
    const std::string line = s.format("costs.sources", {{"date", from}, {"sources", text}});
    SelectableTextOptions o;
    o.hookId = hookId;
    o.wrapWidth = width;
    return selectableText(hookId, Font::Small, ImVec2(x, y), color::kTextMuted, line, o).y + em(0.25f);
}

// [SECTION] Per month

float CostsScreen::drawSummary(float width)
{
    const Strings& s = strings();
    const CostsState& st = m_module.state();
    const CostsEvaluation& e = st.estimate;
    CardBlock block(width);
    const float x = block.x, w = block.w;
    float& y = block.y;
    y += sectionHeading("costs.summary", s.get("costs.section.summary"), ImVec2(x, y), w) + em(0.5f);
    if (e.monthly) {
        SelectableTextOptions big;
        big.hookId = "costs.monthly";
        y += selectableText("##monthly", Font::Title, ImVec2(x, y), color::kAccent,
                            s.format("costs.summary.per_month", {{"amount", price(*e.monthly)}}), big).y + em(0.5f);
        if (e.loanMonthly)
            y += fact("costs.summary.loan", s.get("costs.summary.loan"), price(*e.loanMonthly), x, y, w, Font::Regular);
        const Money running{(e.ownership.total.amountMinor + 11) / 12, e.ownership.total.currency};
        y += fact("costs.summary.running", s.get("costs.summary.running"), price(running), x, y, w, Font::Regular);
        const char* hint = s.get("costs.summary.hint");
        y += underField("costs.summary", {}, hint, ImVec2(x, y), w) + em(0.25f);
    } else {
        y += underField("costs.summary", s.get("costs.problem.see_field"), {}, ImVec2(x, y), w);
    }
    ButtonOptions link;
    link.kind = ButtonKind::Secondary;
    link.hasIcon = true;
    link.icon = Icon::ChevronRight;
    link.href = FinanceRoute{st.listingId}.url();
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    if (button("costs.calculator", s.get("costs.calculator"), link)) m_ui.app.navigate(link.href);
    y += ImGui::GetItemRectSize().y + em(0.25f);
    return block.finish();
}

// [SECTION] A year of ownership

float CostsScreen::drawOwnership(float width)
{
    const Strings& s = strings();
    const CostsState& st = m_module.state();
    const finance::CostTariffs& t = st.tariffs.value().costs;
    CardBlock block(width);
    const float x = block.x, w = block.w;
    float& y = block.y;
    y += sectionHeading("costs.ownership", s.get("costs.section.ownership"), ImVec2(x, y), w) + em(0.75f);
    y += breakdown("costs.ownership", st.estimate.ownership, "costs.total_year", x, y, w) + em(0.5f);
    if (m_module.country() == Country::KZ) y += sources("costs.ownership.sources", {&t.kz.info, &t.fuel.info}, x, y, w);
    else y += sources("costs.ownership.sources", {&t.bh.info, &t.fuel.info}, x, y, w);
    return block.finish();
}

// [SECTION] Insurance

float CostsScreen::drawInsurance(float width)
{
    const Strings& s = strings();
    const CostsState& st = m_module.state();
    const CostsEvaluation& e = st.estimate;
    const bool kz = m_module.country() == Country::KZ;
    CardBlock block(width);
    const float x = block.x, w = block.w;
    float& y = block.y;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    y += sectionHeading("costs.insurance", s.get("costs.section.insurance"), ImVec2(x, y), w) + em(0.75f);
    const auto subheading = [&](const char* key) {
        const char* text = s.get(key);
        const float h = textSize(Font::Bold, text, w).y;
        drawText(dl, Font::Bold, ImVec2(x, y), color::kText, text, w);
        y += h + em(0.5f);
    };
    subheading(kz ? "costs.insurance.compulsory_kz" : "costs.insurance.compulsory_bh");
    y += breakdown("costs.compulsory", e.insurance.compulsory, "costs.total_premium", x, y, w) + em(1.0f);
    subheading(kz ? "costs.insurance.full_kz" : "costs.insurance.full_bh");
    y += breakdown("costs.full_cover", e.insurance.comprehensive, "costs.total_premium", x, y, w) + em(0.5f);
    if (e.insurance.comprehensive.ok()) {
        ImGui::SetCursorScreenPos(ImVec2(x, y));
        if (checkbox("costs.full_cover.include", s.get("costs.insurance.include_full"), st.form.fullCover, w))
            m_module.setFullCover(!st.form.fullCover);
        y = ImGui::GetItemRectMax().y + em(0.5f);
    }
    const finance::InsuranceTariffs& t = st.tariffs.value().insurance;
    y += sources("costs.insurance.sources", {kz ? &t.kz.info : &t.bh.info}, x, y, w);
    return block.finish();
}

// [SECTION] On the road

float CostsScreen::drawOnTheRoad(float width)
{
    const Strings& s = strings();
    const CostsState& st = m_module.state();
    const CostsEvaluation& e = st.estimate;
    const bool kz = m_module.country() == Country::KZ;
    const finance::CostTariffs& t = st.tariffs.value().costs;
    CardBlock block(width);
    const float x = block.x, w = block.w;
    float& y = block.y;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    y += sectionHeading("costs.road", s.get(kz ? "costs.section.customs" : "costs.section.registration"),
                        ImVec2(x, y), w) + em(0.5f);
    const char* note = s.get(kz ? "costs.customs.note" : "costs.registration.note");
    const float nh = textSize(Font::Regular, note, w).y;
    drawText(dl, Font::Regular, ImVec2(x, y), color::kTextMuted, note, w);
    hookRect("costs.road.note", note, ImVec2(x, y), ImVec2(x + w, y + nh), nullptr, withRole(Role::Text));
    y += nh + em(0.75f);
    if (kz) {
        FieldOptions o;
        o.digitsOnly = true;
        o.suffix = s.get("finance.unit.kzt");
        y += field(CostsField::CustomsValue, s.get("costs.field.customs_value"), x, y, w, o,
                   s.get("costs.field.customs_value.hint")) + em(0.75f);
        y += breakdown("costs.customs", *e.customs, "costs.total", x, y, w) + em(0.5f);
        y += sources("costs.road.sources", {&t.kzReference.info, &t.kz.info}, x, y, w);
    } else {
        y += breakdown("costs.registration", *e.registration, "costs.total", x, y, w) + em(0.5f);
        y += sources("costs.road.sources", {&t.bh.info}, x, y, w);
    }
    return block.finish();
}

} // namespace dongelek::ui

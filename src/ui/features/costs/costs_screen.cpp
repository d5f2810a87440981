// Cost estimate screen: layout (two columns on desktops, one on phones), the header and the
// buyer's inputs. The breakdowns are in costs_sections.cpp.

// [SECTION] Index
// - Layout and states
// - Header
// - Inputs

#include "ui/features/costs/costs_screen.hpp"

#include "core/routes/finance_route.hpp"
#include "core/routes/listing_route.hpp"
#include "core/text_format.hpp"
#include "ui/features/finance/finance_ui.hpp"
#include "ui/test_hook.hpp"
#include "ui/text_selection.hpp"
#include "ui/widgets.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>

namespace dongelek::ui {

using namespace finance_ui;

CostsScreen::CostsScreen(UiContext& ui, CostsModule& module)
    : Screen(ui, module, "title.costs_window", "screen.costs"), m_module(module)
{
}

std::string CostsScreen::errorText() const { return errorMessage(strings(), m_module.error(), true); }

std::string CostsScreen::price(const Money& m) const { return formatPrice(strings(), m); }

// [SECTION] Layout and states

void CostsScreen::drawContent()
{
    const CostsState& st = m_module.state();
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const PageLayout layout = PageLayout::compute(display.x);
    const float top = ImGui::GetCursorScreenPos().y;
    if (m_visit != st.visit) { // the form was replaced from an address: a field being edited lets go
        m_visit = st.visit;
        if (GImGui->ActiveId != 0 && ImGui::GetIO().WantTextInput) ImGui::ClearActiveID();
    }
    m_order.clear();
    ImGui::SetCursorScreenPos(ImVec2(0, top));
    if (!beginScrollRegion("##costs.scroll", ImVec2(display.x, display.y - top), ScrollKind::Main)) {
        endScrollRegion();
        return;
    }
    if (m_scrolledFor != st.listingId) {
        m_scrolledFor = st.listingId;
        ImGui::SetScrollY(0);
    }
    const float x0 = layout.left;
    const float y0 = ImGui::GetCursorScreenPos().y + em(0.75f);
    ImGui::SetCursorScreenPos(ImVec2(x0, y0));
    const ImVec2 avail(layout.width, std::max(em(12), display.y - y0 - em(2)));
    if (!listingPageState(m_ui, m_module.status(), m_module.error(), st.ready, avail)) {
        const float y = y0 + drawHeader(layout.width) + em(1.0f);
        const float gap = em(1.0f);
        // One column of blocks at x, `w` wide, from y; returns its height.
        const auto column = [&](float x, float w, std::initializer_list<float (CostsScreen::*)(float)> blocks) {
            float h = 0;
            for (auto draw : blocks) {
                ImGui::SetCursorScreenPos(ImVec2(x, y + h));
                if (const float bh = (this->*draw)(w); bh > 0) h += bh + gap;
            }
            return h;
        };
        float height = 0;
        if (layout.narrow) {
            height = column(x0, layout.width, {&CostsScreen::drawSummary, &CostsScreen::drawInputs,
                                               &CostsScreen::drawOwnership, &CostsScreen::drawInsurance,
                                               &CostsScreen::drawOnTheRoad});
        } else {
            // The inputs on the left (first in Tab order and for a screen reader), what they give on the right.
            const float colGap = em(1.5f);
            const float leftW = std::clamp(std::floor(layout.width * 0.36f), em(20), em(26));
            const float left = column(x0, leftW, {&CostsScreen::drawInputs});
            const float right = column(x0 + leftW + colGap, layout.width - leftW - colGap,
                                       {&CostsScreen::drawSummary, &CostsScreen::drawOwnership,
                                        &CostsScreen::drawInsurance, &CostsScreen::drawOnTheRoad});
            height = std::max(left, right);
        }
        ImGui::SetCursorScreenPos(ImVec2(x0, y));
        ImGui::Dummy(ImVec2(layout.width, height + em(1.0f)));
    }
    endScrollRegion();
}

// [SECTION] Header

float CostsScreen::drawHeader(float width)
{
    return listingPageHeader(strings(), "costs", "costs.heading", m_module.state().listing.value().summary, width,
                             [this](const std::string& url) { m_ui.app.navigate(url); });
}

// [SECTION] Inputs

float CostsScreen::field(CostsField f, const char* label, float x, float y, float width, FieldOptions o,
                         const std::string& hint)
{
    const Strings& s = strings();
    const float labelH = textSize(Font::Bold, label, width).y;
    drawText(ImGui::GetWindowDrawList(), Font::Bold, ImVec2(x, y), color::kText, label, width);
    float yy = y + labelH + em(0.375f);
    const std::string id = "costs." + std::string(toString(f));
    const char* problem = m_module.problemOf(f);
    const std::string errorText = problem ? std::string(s.get(problem)) : std::string();
    o.label = label;
    o.invalid = problem != nullptr;
    o.describedBy = problem ? id + ".error" : hint.empty() ? std::string() : id + ".hint";
    o.height = tapSize(em(2.75f));
    if (o.maxChars == 100) o.maxChars = 14;
    const int index = static_cast<int>(m_order.size());
    m_order.push_back(f);
    if (m_focusNext == index) {
        o.focusNow = true;
        m_focusNext = -1;
    }
    std::string text = m_module.state().form[f];
    ImGui::SetCursorScreenPos(ImVec2(x, yy));
    const FieldEvents e = formTextField(id.c_str(), "", text, width, o);
    if (e.changed) m_module.setText(f, text);
    if (e.submitted) m_focusNext = index + 1; // Enter: on to the next field
    yy += o.height + em(0.375f);
    yy += underField(id, errorText, hint, ImVec2(x, yy), width);
    return yy - y;
}

float CostsScreen::drawInputs(float width)
{
    const Strings& s = strings();
    const CostsState& st = m_module.state();
    const CostsForm& form = st.form;
    const ListingSummary& car = st.listing.value().summary;
    const Country country = m_module.country();
    CardBlock block(width);
    const float x = block.x, w = block.w;
    float& y = block.y;
    const float gapAfter = em(0.75f);
    y += sectionHeading("costs.inputs", s.get("costs.section.inputs"), ImVec2(x, y), w) + gapAfter;

    FieldOptions whole;
    whole.digitsOnly = true;
    if (country == Country::KZ && car.fuel != Fuel::Electric) { // customs and the transport tax go by it
        FieldOptions o = whole;
        o.suffix = s.get("costs.unit.cm3");
        o.maxChars = 5;
        y += field(CostsField::EngineCm3, s.get("costs.field.engine_volume"), x, y, w, o) + gapAfter;
    }
    if (country == Country::BH) {
        FieldOptions o = whole;
        o.suffix = s.get("costs.unit.kg");
        o.maxChars = 5;
        y += field(CostsField::EmptyWeight, s.get("costs.field.empty_weight"), x, y, w, o,
                   s.get("costs.field.empty_weight.hint")) + gapAfter;
        drawText(ImGui::GetWindowDrawList(), Font::Bold, ImVec2(x, y), color::kText, s.get("costs.field.registration"));
        y += em(1.5f);
        for (const CostsRegistration r : {CostsRegistration::Transfer, CostsRegistration::First}) {
            const bool first = r == CostsRegistration::First;
            ImGui::SetCursorScreenPos(ImVec2(x, y));
            if (radioOption(first ? "costs.registration:first" : "costs.registration:transfer",
                            s.get(first ? "costs.registration.first" : "costs.registration.transfer"),
                            s.get(first ? "costs.registration.first.detail" : "costs.registration.transfer.detail"),
                            form.registration == r, w))
                m_module.setRegistration(r);
            y = ImGui::GetItemRectMax().y + em(0.25f);
        }
        y += gapAfter;
    }
    {
        FieldOptions o = whole;
        o.suffix = s.get("costs.unit.km");
        o.maxChars = 7;
        y += field(CostsField::YearlyKm, s.get("costs.field.yearly_km"), x, y, w, o) + gapAfter;
    }
    {
        FieldOptions o;
        o.decimal = true;
        o.maxChars = 6;
        o.suffix = s.get(car.fuel == Fuel::Electric ? "costs.unit.kwh" : "costs.unit.litres");
        y += field(CostsField::Consumption, s.get("costs.field.consumption"), x, y, w, o,
                   s.get("costs.field.consumption.hint")) + gapAfter;
    }
    {
        FieldOptions o = whole;
        o.maxChars = 3;
        o.suffix = s.get("costs.unit.years");
        y += field(CostsField::DriverAge, s.get("costs.field.driver_age"), x, y, w, o) + gapAfter;
        y += field(CostsField::Experience, s.get("costs.field.driving_experience"), x, y, w, o) + gapAfter;
    }
    if (country == Country::KZ) {
        const finance::KzInsuranceTariffs& kz = st.tariffs.value().insurance.kz;
        // The region the car is registered in (its insurance territory).
        const std::string regionName = s.get(("finance.region." + form.region).c_str());
        ImGui::SetCursorScreenPos(ImVec2(x, y));
        drawText(ImGui::GetWindowDrawList(), Font::Bold, ImVec2(x, y), color::kText, s.get("costs.field.region"));
        y += em(1.5f);
        ImGui::SetCursorScreenPos(ImVec2(x, y));
        if (beginCombo("costs.region", s.get("costs.field.region"), regionName.c_str(), w)) {
            for (const finance::KzRegion& r : kz.regions) {
                const std::string name = s.get(("finance.region." + r.id).c_str());
                if (comboOption("costs.region", r.id, name.c_str(), r.id == form.region)) m_module.setRegion(r.id);
            }
            endCombo();
        }
        y = ImGui::GetItemRectMax().y + gapAfter;
        // The bonus-malus class: the first-time class unless the driver knows theirs.
        const auto className = [&](const std::string& id) {
            return id == kz.defaultBonusMalus ? s.format("costs.bonus_malus.first", {{"class", id}})
                                              : s.format("costs.bonus_malus.class", {{"class", id}});
        };
        drawText(ImGui::GetWindowDrawList(), Font::Bold, ImVec2(x, y), color::kText, s.get("costs.field.bonus_malus"));
        y += em(1.5f);
        ImGui::SetCursorScreenPos(ImVec2(x, y));
        const std::string preview = className(form.bonusMalus);
        if (beginCombo("costs.bonus_malus", s.get("costs.field.bonus_malus"), preview.c_str(), w)) {
            for (const finance::BonusMalusClass& c : kz.bonusMalus)
                if (comboOption("costs.bonus_malus", c.id, className(c.id).c_str(), c.id == form.bonusMalus))
                    m_module.setBonusMalus(c.id);
            endCombo();
        }
        y = ImGui::GetItemRectMax().y + em(0.375f);
        y += underField("costs.bonus_malus", {}, s.get("costs.field.bonus_malus.hint"), ImVec2(x, y), w);
    }
    return block.finish();
}

} // namespace dongelek::ui

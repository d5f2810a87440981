// Loan calculator screen: layout (two columns on desktops, one on phones) and the buyer's terms.
// The results, chart, early repayment and schedule are in finance_results.cpp.

// [SECTION] Index
// - Helpers
// - Layout and states
// - Header
// - Fields
// - Terms and fees

#include "ui/features/finance/finance_screen.hpp"

#include "client/features/costs/costs_module.hpp"
#include "client/features/finance/finance_text.hpp"
#include "core/routes/costs_route.hpp"
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

// [SECTION] Helpers

namespace finance_ui {

Card::Card(ImVec2 pos, float width) : m_dl(ImGui::GetWindowDrawList()), m_pos(pos), m_width(width)
{
    m_splitter.Split(m_dl, 2); // 0: the card behind, 1: what is on it
    m_splitter.SetCurrentChannel(m_dl, 1);
}

float Card::end(float bottom)
{
    m_splitter.SetCurrentChannel(m_dl, 0);
    surface(m_dl, m_pos, ImVec2(m_pos.x + m_width, bottom), em(0.75f));
    m_splitter.Merge(m_dl);
    return bottom - m_pos.y;
}

CardBlock::CardBlock(float width)
    : pos(ImGui::GetCursorScreenPos()), pad(em(1.25f)), m_width(width), m_card(pos, width)
{
    x = pos.x + pad;
    w = width - pad * 2;
    y = pos.y + pad;
}

float CardBlock::finish()
{
    const float bottom = y + pad - em(0.25f);
    ImGui::SetCursorScreenPos(pos);
    ImGui::Dummy(ImVec2(m_width, bottom - pos.y));
    return m_card.end(bottom);
}

bool listingPageState(UiContext& ui, Status status, const RequestError& error, bool ready, ImVec2 avail)
{
    const Strings& s = ui.app.shared().strings;
    if (status == Status::Error) {
        if (error.kind == ErrorKind::NotFound) {
            if (goneListingPanel(s, errorMessage(s, error, true), errorHint(s, error), avail)) ui.app.navigate("/");
        } else if (errorPanel(s, errorMessage(s, error, true), errorHint(s, error), avail)) {
            ui.app.retry();
        }
        return true;
    }
    if (!ready) {
        spinnerBlock("spinner", avail, ui.app.shared().nowMs);
        return true;
    }
    return false;
}

float listingPageHeader(const Strings& s, const char* prefix, const char* titleKey, const ListingSummary& car,
                        float width, const std::function<void(const std::string&)>& navigate)
{
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const std::string p(prefix);
    const std::string listingUrl = ListingRoute{car.id}.url();
    ButtonOptions back;
    back.kind = ButtonKind::Ghost;
    back.hasIcon = true;
    back.icon = Icon::ChevronLeft;
    back.href = listingUrl;
    ImGui::SetCursorScreenPos(ImVec2(pos.x - em(0.5f), pos.y));
    if (button((p + ".back").c_str(), s.get("finance.back"), back)) navigate(listingUrl);
    float y = pos.y + ImGui::GetFrameHeight() + em(0.75f);
    // The page's heading, wrapped on a narrow phone (a long Kazakh word does not fit).
    const char* title = s.get(titleKey);
    const ImVec2 size = textSize(Font::Title, title, width);
    drawText(ImGui::GetWindowDrawList(), Font::Title, ImVec2(pos.x, y), color::kText, title, width);
    hookRect((p + ".heading").c_str(), title, ImVec2(pos.x, y), ImVec2(pos.x + size.x, y + size.y), nullptr,
             withRole(Role::Heading));
    y += size.y + em(0.375f);
    const std::string line = car.title + ", " + std::to_string(car.year) + "  \xC2\xB7  " + formatPrice(s, car.price);
    SelectableTextOptions o;
    const std::string carId = p + ".car";
    o.hookId = carId.c_str();
    o.wrapWidth = width;
    y += selectableText("##car", Font::Regular, ImVec2(pos.x, y), color::kTextMuted, line, o).y;
    ImGui::SetCursorScreenPos(pos);
    ImGui::Dummy(ImVec2(width, y - pos.y));
    return y - pos.y;
}

float sectionHeading(const char* hookId, const std::string& text, ImVec2 pos, float width)
{
    const ImVec2 size = textSize(Font::Heading, text, width);
    hookRect(hookId, text, pos, ImVec2(pos.x + size.x, pos.y + size.y), nullptr, withRole(Role::Heading));
    drawText(ImGui::GetWindowDrawList(), Font::Heading, pos, color::kText, text, width);
    return size.y;
}

float underField(const std::string& hookId, const std::string& error, const std::string& hint, ImVec2 pos, float width)
{
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (!error.empty()) {
        const float w = width - em(1.25f);
        const float h = textSize(Font::Small, error, w).y;
        drawIcon(dl, Icon::Alert, ImVec2(pos.x + em(0.5f), pos.y + em(0.55f)), em(0.95f), color::kDanger);
        drawText(dl, Font::Small, ImVec2(pos.x + em(1.25f), pos.y), kDangerText, error, w);
        hookRect(hookId + ".error", error, pos, ImVec2(pos.x + width, pos.y + h), nullptr, withRole(Role::Text));
        return h + em(0.25f);
    }
    if (!hint.empty()) {
        const float h = textSize(Font::Small, hint, width).y;
        drawText(dl, Font::Small, pos, color::kTextMuted, hint, width);
        hookRect(hookId + ".hint", hint, pos, ImVec2(pos.x + width, pos.y + h), nullptr, withRole(Role::Text));
        return h + em(0.25f);
    }
    return 0.0f;
}

// A label on the left and its value on the right, one row; returns its height.
float fact(const char* hookId, const std::string& label, const std::string& value, float x, float y, float width,
           Font valueFont)
{
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float vw = textSize(valueFont, value).x;
    const std::string shownLabel = ellipsize(Font::Regular, label, std::max(em(4), width - vw - em(0.75f)));
    drawText(dl, Font::Regular, ImVec2(x, y), color::kTextMuted, shownLabel);
    drawText(dl, valueFont, ImVec2(x + width - vw, y), color::kText, value);
    hookRect(hookId, label, ImVec2(x, y), ImVec2(x + width, y + em(1.5f)), value.c_str(), withRole(Role::Text));
    return em(1.75f);
}

} // namespace finance_ui

using namespace finance_ui;

FinanceScreen::FinanceScreen(UiContext& ui, FinanceModule& module)
    : Screen(ui, module, "title.finance_window", "screen.finance"), m_module(module)
{
}

std::string FinanceScreen::errorText() const
{
    return errorMessage(strings(), m_module.state().listing.error(), true);
}

const char* FinanceScreen::unit() const
{
    return strings().get(m_module.currency() == Currency::BHD ? "finance.unit.bhd" : "finance.unit.kzt");
}

std::string FinanceScreen::price(std::int64_t minor) const
{
    return formatPrice(strings(), Money{minor, m_module.currency()});
}

std::string FinanceScreen::plainAmount(std::int64_t minor) const
{
    const Strings& s = strings();
    const Currency c = m_module.currency();
    const int digits = minorDigits(c);
    std::int64_t scale = 1;
    for (int i = 0; i < digits; ++i) scale *= 10;
    std::string out = formatNumber(s, minor / scale);
    if (const std::int64_t frac = std::llabs(minor % scale); frac != 0 || c == Currency::KZT) {
        // Tenge always with tiyn in the table, so the columns line up; dinars only with fils.
        std::string f = std::to_string(frac);
        f.insert(0, static_cast<std::size_t>(digits) - f.size(), '0');
        out += (s.has("format.decimal_separator") ? s.get("format.decimal_separator") : ".") + f;
    }
    return out;
}

// [SECTION] Layout and states

void FinanceScreen::drawContent()
{
    const FinanceState& st = m_module.state();
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const PageLayout layout = PageLayout::compute(display.x);
    const float top = ImGui::GetCursorScreenPos().y;

    // The form was replaced (Back/Forward, another address): a field being edited lets go, so
    // it shows the new text.
    if (m_visit != st.visit) {
        m_visit = st.visit;
        if (GImGui->ActiveId != 0 && ImGui::GetIO().WantTextInput) ImGui::ClearActiveID();
    }
    m_order.clear();

    const bool ready = st.listing.status() == Status::Ready && st.listing.has();
    const bool bar = layout.narrow && ready && st.result.has_value();
    const float barH = bar ? phoneBarHeight() : 0.0f;
    if (bar) drawPhoneBar(top, display.x);
    ImGui::SetCursorScreenPos(ImVec2(0, top + barH));
    if (!beginScrollRegion("##finance.scroll", ImVec2(display.x, display.y - top - barH), ScrollKind::Main)) {
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
    if (!listingPageState(m_ui, st.listing.status(), st.listing.error(), ready, avail)) {
        float y = y0 + drawHeader(layout.width) + em(1.0f);
        const float gap = em(1.0f);
        if (layout.narrow) {
            const float w = layout.width;
            float h = 0;
            const auto block = [&](float blockH) {
                if (blockH > 0) h += blockH + gap;
                ImGui::SetCursorScreenPos(ImVec2(x0, y + h));
            };
            block(0);
            block(drawTerms(w));
            block(drawFees(w));
            block(drawResult(w));
            block(drawApply(w));
            block(drawChart(w));
            block(drawEarly(w));
            block(drawSchedule(w));
            ImGui::SetCursorScreenPos(ImVec2(x0, y));
            ImGui::Dummy(ImVec2(w, h + em(1.0f)));
        } else {
            // The terms on the left (first in Tab order and for a screen reader), the results
            // on the right; the schedule under the results.
            const float colGap = em(1.5f);
            const float leftW = std::clamp(std::floor(layout.width * 0.36f), em(20), em(26));
            const float rightW = layout.width - leftW - colGap;
            const float rx = x0 + leftW + colGap;
            float left = 0;
            const auto leftBlock = [&](float blockH) {
                if (blockH > 0) left += blockH + gap;
                ImGui::SetCursorScreenPos(ImVec2(x0, y + left));
            };
            leftBlock(0);
            leftBlock(drawTerms(leftW));
            leftBlock(drawFees(leftW));
            float right = 0;
            const auto rightBlock = [&](float blockH) {
                if (blockH > 0) right += blockH + gap;
                ImGui::SetCursorScreenPos(ImVec2(rx, y + right));
            };
            rightBlock(0);
            rightBlock(drawResult(rightW));
            rightBlock(drawApply(rightW));
            rightBlock(drawChart(rightW));
            rightBlock(drawEarly(rightW));
            rightBlock(drawSchedule(rightW));
            ImGui::SetCursorScreenPos(ImVec2(x0, y));
            ImGui::Dummy(ImVec2(layout.width, std::max(left, right) + em(1.0f)));
        }
    }
    endScrollRegion();
}

// [SECTION] Header

float FinanceScreen::drawHeader(float width)
{
    const Strings& s = strings();
    const FinanceState& st = m_module.state();
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    float y = pos.y + listingPageHeader(s, "finance", "finance.heading", st.listing.value().summary, width,
                                        [this](const std::string& url) { m_ui.app.navigate(url); });
    if (m_ui.app.find<CostsModule>()) { // what the car costs besides the loan
        ButtonOptions link;
        link.kind = ButtonKind::Link;
        link.font = Font::Bold;
        link.href = CostsRoute{st.listingId}.url();
        link.size = ImVec2(0, tapSize(em(1.75f)));
        ImGui::SetCursorScreenPos(ImVec2(pos.x, y + em(0.25f)));
        if (button("finance.costs", s.get("costs.link"), link)) m_ui.app.navigate(link.href);
        y += em(0.25f) + link.size.y;
    }
    ImGui::SetCursorScreenPos(pos);
    ImGui::Dummy(ImVec2(width, y - pos.y));
    return y - pos.y;
}

// [SECTION] Fields

float FinanceScreen::field(FinanceField f, const char* label, float x, float y, float width, FieldOptions o,
                           const std::string& hint, float trailing)
{
    const Strings& s = strings();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float labelH = textSize(Font::Bold, label, width).y;
    drawText(dl, Font::Bold, ImVec2(x, y), color::kText, label, width);
    float yy = y + labelH + em(0.375f);
    const std::string id = "finance." + std::string(toString(f));
    const char* problem = m_module.problemOf(f);
    const std::string errorText = problem ? std::string(s.get(problem)) : std::string();
    o.label = label;
    o.invalid = problem != nullptr;
    o.describedBy = problem ? id + ".error" : hint.empty() ? std::string() : id + ".hint";
    if (o.height <= 0) o.height = tapSize(em(2.75f));
    if (o.maxChars == 100) o.maxChars = 18; // the widget's default is for words: numbers are shorter
    const int index = static_cast<int>(m_order.size());
    m_order.push_back(f);
    if (m_focusNext == index) {
        o.focusNow = true;
        m_focusNext = -1;
    }
    std::string text = m_module.state().form[f];
    ImGui::SetCursorScreenPos(ImVec2(x, yy));
    const FieldEvents e = formTextField(id.c_str(), "", text, width - trailing, o);
    if (e.changed) m_module.setText(f, text);
    if (e.submitted) m_focusNext = index + 1; // Enter: on to the next field
    yy += o.height + em(0.375f);
    yy += underField(id, errorText, hint, ImVec2(x, yy), width);
    return yy - y;
}

int FinanceScreen::kindButtons(const char* hookId, bool percent, ImVec2 pos, float height)
{
    const Strings& s = strings();
    int pressed = -1;
    ButtonOptions o;
    o.kind = ButtonKind::Secondary;
    o.font = Font::Bold;
    o.size = ImVec2(height, height);
    o.selected = percent;
    o.name = s.get("finance.kind.percent");
    ImGui::SetCursorScreenPos(pos);
    if (button((std::string(hookId) + ".percent").c_str(), s.get("finance.unit.percent"), o)) pressed = 1;
    o.selected = !percent;
    o.name = s.get("finance.kind.amount");
    ImGui::SetCursorScreenPos(ImVec2(pos.x + height + em(0.25f), pos.y));
    if (button((std::string(hookId) + ".amount").c_str(), unit(), o)) pressed = 0;
    return pressed;
}

// [SECTION] Terms and fees

float FinanceScreen::drawTerms(float width)
{
    const Strings& s = strings();
    const FinanceState& st = m_module.state();
    const FinanceForm& form = st.form;
    const bool murabaha = isMurabaha(form.type);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    Card card(pos, width);
    const float pad = em(1.25f);
    const float x = pos.x + pad, w = width - pad * 2;
    float y = pos.y + pad;
    y += sectionHeading("finance.terms", s.get("finance.section.terms"), ImVec2(x, y), w) + em(0.75f);
    const float fieldH = tapSize(em(2.75f));
    const float gapAfter = em(0.75f);

    FieldOptions amount;
    amount.decimal = true;
    amount.suffix = unit();
    y += field(FinanceField::Price, s.get("finance.field.price"), x, y, w, amount) + gapAfter;

    // The down payment: a percent of the price or an amount (the buttons beside it), and what
    // that is in the other form.
    {
        std::string hint;
        if (st.result && !st.stale) {
            if (form.downPercent) {
                hint = s.format("finance.down.is_amount", {{"amount", price(st.result->downPayment)}});
            } else if (const auto p = amountMinorOf(form[FinanceField::Price], m_module.currency()); p && *p > 0) {
                const std::int64_t tenths = finance::mulDivHalfUp(st.result->downPayment, 1000, *p);
                hint = s.format("finance.down.is_percent",
                                {{"percent", tenths % 10 == 0 ? formatNumber(s, tenths / 10) : decimalText(s, tenths, 1)}});
            }
        }
        FieldOptions o;
        o.decimal = true;
        o.suffix = form.downPercent ? s.get("finance.unit.percent") : unit();
        const float buttonsW = fieldH * 2 + em(0.25f);
        const float labelH = textSize(Font::Bold, s.get("finance.field.down_payment"), w).y;
        const float fy = y;
        y += field(FinanceField::DownPayment, s.get("finance.field.down_payment"), x, y, w, o, hint,
                   buttonsW + em(0.5f)) + gapAfter;
        const int kind = kindButtons("finance.down_payment", form.downPercent,
                                     ImVec2(x + w - buttonsW, fy + labelH + em(0.375f)), fieldH);
        if (kind >= 0) m_module.setDownPercent(kind == 1);
    }

    y += field(FinanceField::TradeIn, s.get("finance.field.trade_in"), x, y, w, amount, s.get("finance.field.trade_in.hint")) +
         gapAfter;

    // The term: a field and the common choices under it.
    {
        FieldOptions o;
        o.digitsOnly = true;
        o.maxChars = 4;
        y += field(FinanceField::Term, s.get("finance.field.term"), x, y, w, o) + em(0.25f);
        ButtonOptions chip;
        chip.kind = ButtonKind::Secondary;
        chip.font = Font::Regular;
        const float chipGap = em(0.3f);
        // One row of six when they fit at the finger size, else they wrap.
        const float chipW = std::clamp(std::floor((w - chipGap * 5) / 6), tapSize(em(2.75f)), em(3.5f));
        chip.size = ImVec2(chipW, tapSize(em(2.25f)));
        float cx = x;
        int chosen = 0;
        for (int months : kTermChoices) {
            if (cx + chipW > x + w + 0.5f) {
                cx = x;
                y += chip.size.y + chipGap;
            }
            const std::string text = std::to_string(months);
            chip.selected = form[FinanceField::Term] == text;
            chip.name = monthsText(s, months);
            ImGui::SetCursorScreenPos(ImVec2(cx, y));
            if (button(("finance.term.choice:" + text).c_str(), text, chip)) chosen = months;
            cx += chipW + chipGap;
        }
        y += chip.size.y + gapAfter;
        if (chosen) m_module.chooseTerm(chosen);
    }

    FieldOptions rate;
    rate.decimal = true;
    rate.suffix = s.get("finance.unit.percent");
    rate.maxChars = 8;
    y += field(FinanceField::Rate, s.get(murabaha ? "finance.field.profit_rate" : "finance.field.rate"), x, y, w, rate) +
         gapAfter;

    // The repayment type: murabaha only where it is offered (Bahrain).
    y += em(0.25f);
    drawText(ImGui::GetWindowDrawList(), Font::Bold, ImVec2(x, y), color::kText, s.get("finance.section.type"));
    y += em(1.5f);
    FinanceType picked = form.type;
    for (FinanceType t : {FinanceType::Annuity, FinanceType::Differentiated, FinanceType::Murabaha}) {
        if (!offers(m_module.country(), t)) continue;
        const char* key = t == FinanceType::Annuity          ? "finance.type.annuity"
                          : t == FinanceType::Differentiated ? "finance.type.differentiated"
                                                             : "finance.type.murabaha";
        const char* detail = t == FinanceType::Annuity          ? "finance.type.annuity.detail"
                             : t == FinanceType::Differentiated ? "finance.type.differentiated.detail"
                                                                : "finance.type.murabaha.detail";
        ImGui::SetCursorScreenPos(ImVec2(x, y));
        if (radioOption(("finance.type:" + std::string(toString(t))).c_str(), s.get(key), s.get(detail), form.type == t, w))
            picked = t;
        y += ImGui::GetItemRectSize().y + em(0.375f);
    }
    if (picked != form.type) m_module.setType(picked);
    y += pad - em(0.375f);
    ImGui::SetCursorScreenPos(pos);
    ImGui::Dummy(ImVec2(width, y - pos.y));
    return card.end(y);
}

float FinanceScreen::drawFees(float width)
{
    const Strings& s = strings();
    const FinanceForm& form = m_module.state().form;
    const bool murabaha = isMurabaha(form.type);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    Card card(pos, width);
    const float pad = em(1.25f);
    const float x = pos.x + pad, w = width - pad * 2;
    float y = pos.y + pad;
    y += sectionHeading("finance.fees", s.get(murabaha ? "finance.result.fees" : "finance.section.fees"), ImVec2(x, y), w) +
         em(0.75f);
    const float fieldH = tapSize(em(2.75f));
    const float gapAfter = em(0.75f);

    // The one-time fee (murabaha: the admin fee), a percent of the loan or an amount.
    {
        const char* label = s.get(murabaha ? "finance.field.admin_fee" : "finance.field.one_time_fee");
        FieldOptions o;
        o.decimal = true;
        o.suffix = form.feePercent ? s.get("finance.unit.percent") : unit();
        const float buttonsW = fieldH * 2 + em(0.25f);
        const float labelH = textSize(Font::Bold, label, w).y;
        const float fy = y;
        y += field(FinanceField::OneTimeFee, label, x, y, w, o, {}, buttonsW + em(0.5f));
        const int kind = kindButtons("finance.one_time_fee", form.feePercent, ImVec2(x + w - buttonsW, fy + labelH + em(0.375f)),
                                     fieldH);
        if (kind >= 0) m_module.setFeePercent(kind == 1);
        if (!murabaha) {
            ImGui::SetCursorScreenPos(ImVec2(x, y));
            if (checkbox("finance.fee_financed", s.get("finance.field.fee_financed"), form.feeFinanced, w))
                m_module.setFeeFinanced(!form.feeFinanced);
            y += ImGui::GetItemRectSize().y;
        }
        y += gapAfter;
    }
    if (!murabaha) {
        FieldOptions amount;
        amount.decimal = true;
        amount.suffix = unit();
        y += field(FinanceField::MonthlyFee, s.get("finance.field.monthly_fee"), x, y, w, amount) + gapAfter;
        y += field(FinanceField::Insurance, s.get("finance.field.insurance"), x, y, w, amount);
        ImGui::SetCursorScreenPos(ImVec2(x, y));
        if (checkbox("finance.insurance_financed", s.get("finance.field.insurance_financed"), form.insuranceFinanced, w))
            m_module.setInsuranceFinanced(!form.insuranceFinanced);
        y += ImGui::GetItemRectSize().y;
    }
    y += pad - em(0.25f);
    ImGui::SetCursorScreenPos(pos);
    ImGui::Dummy(ImVec2(width, y - pos.y));
    return card.end(y);
}

} // namespace dongelek::ui

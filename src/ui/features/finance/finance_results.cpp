// Loan calculator screen: what the terms give. The payment card (totals, the effective rate as
// the country discloses it), the phones' payment bar, the principal/interest chart, early
// repayment both ways and the schedule (only its visible rows are laid out; two lines a row
// where six columns do not fit). A result of
// earlier inputs (a field has a problem) is drawn dimmed.

// [SECTION] Index
// - The payment
// - The phones' bar
// - Chart
// - Early repayment
// - Schedule

#include "ui/features/finance/finance_screen.hpp"

#include "client/features/finance/finance_text.hpp"
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

namespace {

constexpr float kDimmed = 0.45f; // a result of earlier inputs

// Dims what is drawn while it lives (ImGui's style alpha; col() and drawText follow it).
struct Dim {
    bool on;
    explicit Dim(bool dim) : on(dim)
    {
        if (on) ImGui::PushStyleVar(ImGuiStyleVar_Alpha, ImGui::GetStyle().Alpha * kDimmed);
    }
    ~Dim() { release(); }
    // Before the card goes behind the content: the card itself is not dimmed.
    void release()
    {
        if (on) ImGui::PopStyleVar();
        on = false;
    }
    Dim(const Dim&) = delete;
    Dim& operator=(const Dim&) = delete;
};

} // namespace

// [SECTION] The payment

float FinanceScreen::drawResult(float width)
{
    const Strings& s = strings();
    const FinanceState& st = m_module.state();
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    Card card(pos, width);
    const float pad = em(1.25f);
    const float x = pos.x + pad, w = width - pad * 2;
    float y = pos.y + pad;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    y += sectionHeading("finance.result", s.get("finance.section.result"), ImVec2(x, y), w) + em(0.75f);
    if (st.stale) {
        const std::string note = s.get("finance.result.stale");
        const float h = textSize(Font::Small, note, w - em(2.25f)).y + em(1.0f);
        dl->AddRectFilled(ImVec2(x, y), ImVec2(x + w, y + h), col(color::kDangerSoft), em(0.5f));
        drawIcon(dl, Icon::Alert, ImVec2(x + em(1.0f), y + em(1.05f)), em(1.0f), color::kDanger);
        drawText(dl, Font::Small, ImVec2(x + em(1.75f), y + em(0.5f)), kDangerText, note, w - em(2.25f));
        hookRect("finance.stale", note, ImVec2(x, y), ImVec2(x + w, y + h), nullptr, withRole(Role::Text));
        y += h + em(0.75f);
    }
    if (!st.result) { // the very first inputs already have a problem: nothing to show yet
        y += pad - em(0.75f);
        ImGui::SetCursorScreenPos(pos);
        ImGui::Dummy(ImVec2(width, y - pos.y));
        return card.end(y);
    }
    const FinanceResult& r = *st.result;
    const bool murabaha = isMurabaha(r.type);
    const Country country = m_module.country();
    {
        Dim dim(st.stale);
        drawText(dl, Font::Regular, ImVec2(x, y), color::kTextMuted,
                 s.get(murabaha ? "finance.result.instalment" : "finance.result.monthly"));
        y += em(1.5f);
        const std::string monthly = price(r.monthlyPayment);
        SelectableTextOptions big;
        big.hookId = "finance.monthly";
        y += selectableText("##monthly", Font::Title, ImVec2(x, y), color::kAccent, monthly, big).y + em(0.25f);
        std::string under = s.format("finance.result.over", {{"months", monthsText(s, r.termMonths)}});
        if (r.type == FinanceType::Differentiated) // an annuity's last payment differs only by the rounding
            under = s.format("finance.result.first_last", {{"first", price(r.firstPayment)}, {"last", price(r.lastPayment)}}) +
                    "  \xC2\xB7  " + under;
        SelectableTextOptions u;
        u.hookId = "finance.monthly_detail";
        u.wrapWidth = w;
        y += selectableText("##under", Font::Regular, ImVec2(x, y), color::kTextMuted, under, u).y + em(0.75f);

        // The effective rate, as the buyer's country makes banks disclose it.
        const std::string rate = effectiveRateText(s, country, r.effective);
        const char* rateLabel = s.get("finance.result.effective");
        drawText(dl, Font::Bold, ImVec2(x, y + em(0.15f)), color::kText, rateLabel);
        const float rw = textSize(Font::Heading, rate).x;
        drawText(dl, Font::Heading, ImVec2(x + w - rw, y), color::kText, rate);
        hookRect("finance.effective", rateLabel, ImVec2(x, y), ImVec2(x + w, y + em(1.5f)), rate.c_str(),
                 withRole(Role::Text));
        y += em(1.75f);
        const std::string note = s.get(country == Country::KZ ? "finance.effective.note_kz" : "finance.effective.note_bh");
        const float nh = textSize(Font::Small, note, w).y;
        drawText(dl, Font::Small, ImVec2(x, y), color::kTextMuted, note, w);
        y += nh + em(0.75f);
        dl->AddLine(ImVec2(x, y), ImVec2(x + w, y), col(color::kBorder));
        y += em(0.75f);

        const bool twoColumns = w > em(30);
        const float colGap = em(2.0f);
        const float cw = twoColumns ? (w - colGap) * 0.5f : w;
        int n = 0;
        float rowY = y;
        const auto add = [&](const char* id, const char* labelKey, std::int64_t amount) {
            const float cx = twoColumns && n % 2 == 1 ? x + cw + colGap : x;
            fact(id, s.get(labelKey), price(amount), cx, rowY, cw);
            ++n;
            if (!twoColumns || n % 2 == 0) rowY += em(1.75f);
        };
        if (murabaha) {
            add("finance.fact:cost", "finance.result.cost", r.amountFinanced);
            add("finance.fact:sale_price", "finance.result.sale_price", r.salePrice);
            add("finance.fact:profit", "finance.result.profit", r.totalInterest);
            add("finance.fact:down_payment", "finance.field.down_payment", r.downPayment);
            if (r.totalFees > 0) add("finance.fact:fees", "finance.field.admin_fee", r.totalFees);
            add("finance.fact:total_paid", "finance.result.total_paid", r.totalPaid);
        } else {
            add("finance.fact:amount", "finance.result.amount_financed", r.amountFinanced);
            add("finance.fact:total_paid", "finance.result.total_paid", r.totalPaid);
            add("finance.fact:interest", "finance.result.interest", r.totalInterest);
            add("finance.fact:down_payment", "finance.field.down_payment", r.downPayment);
            if (r.totalFees > 0) add("finance.fact:fees", "finance.result.fees", r.totalFees);
            if (r.insurance > 0) add("finance.fact:insurance", "finance.result.insurance", r.insurance);
            if (r.paidAtSigning > 0) add("finance.fact:at_signing", "finance.result.at_signing", r.paidAtSigning);
        }
        if (twoColumns && n % 2 == 1) rowY += em(1.75f);
        y = rowY;
    }
    y += pad - em(0.5f);
    ImGui::SetCursorScreenPos(pos);
    ImGui::Dummy(ImVec2(width, y - pos.y));
    return card.end(y);
}

// [SECTION] The phones' bar

float FinanceScreen::phoneBarHeight() { return em(3.25f); }

void FinanceScreen::drawPhoneBar(float top, float width)
{
    const Strings& s = strings();
    const FinanceState& st = m_module.state();
    const FinanceResult& r = *st.result;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float h = phoneBarHeight();
    const PageLayout layout = PageLayout::compute(width);
    dl->AddRectFilled(ImVec2(0, top), ImVec2(width, top + h), col(color::kSurface));
    dl->AddLine(ImVec2(0, top + h - 1), ImVec2(width, top + h - 1), col(color::kBorder));
    const std::string label = s.get(isMurabaha(r.type) ? "finance.result.instalment" : "finance.result.monthly");
    const std::string amount = price(r.monthlyPayment);
    const std::string rate = effectiveRateText(s, m_module.country(), r.effective);
    Dim dim(st.stale);
    const float x = layout.left;
    drawText(dl, Font::Small, ImVec2(x, top + em(0.3f)), color::kTextMuted, label);
    drawText(dl, Font::Heading, ImVec2(x, top + em(1.35f)), color::kAccent, amount);
    const float rw = textSize(Font::Bold, rate).x;
    drawText(dl, Font::Bold, ImVec2(x + layout.width - rw, top + em(1.55f)), color::kText, rate);
    hookRect("finance.bar", label, ImVec2(0, top), ImVec2(width, top + h), (amount + " \xC2\xB7 " + rate).c_str(),
             withRole(Role::Text));
}

// [SECTION] Chart

float FinanceScreen::drawChart(float width)
{
    const Strings& s = strings();
    const FinanceState& st = m_module.state();
    if (!st.result || st.result->rows.empty()) return 0.0f;
    const FinanceResult& r = *st.result;
    const bool murabaha = isMurabaha(r.type);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    Card card(pos, width);
    const float pad = em(1.25f);
    const float x = pos.x + pad, w = width - pad * 2;
    float y = pos.y + pad;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const std::string title = s.get(murabaha ? "finance.chart.heading_murabaha" : "finance.chart.heading");
    y += sectionHeading("finance.chart.heading", title, ImVec2(x, y), w) + em(0.5f);
    Dim dim(st.stale);

    const int n = static_cast<int>(r.rows.size());
    const float plotH = em(9.0f);
    const float readoutH = em(2.75f);
    const ImVec2 pmin(x, y + readoutH), pmax(x + w, y + readoutH + plotH);
    const float slot = w / static_cast<float>(n);
    const float barGap = slot >= 4.0f ? std::min(2.0f, slot * 0.2f) : 0.0f;

    // The month under the pointer (a tap leaves it chosen until the next one).
    const ImGuiIO& io = ImGui::GetIO();
    const bool over = ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem) &&
                      ImRect(ImVec2(pmin.x, pmin.y - readoutH), pmax).Contains(io.MousePos);
    if (over && !touchDragging()) {
        const int month = std::clamp(static_cast<int>((io.MousePos.x - pmin.x) / slot), 0, n - 1);
        if (!touchScreen() || ImGui::IsMouseClicked(0) || ImGui::IsMouseDown(0)) m_chartMonth = month;
    } else if (!touchScreen()) {
        m_chartMonth = -1;
    }
    if (m_chartMonth >= n) m_chartMonth = -1;

    const double scale = r.largestPayment > 0 ? static_cast<double>(plotH - em(0.25f)) / static_cast<double>(r.largestPayment) : 0.0;
    const auto hpx = [scale](std::int64_t v) { return static_cast<float>(static_cast<double>(v) * scale); };
    dl->AddLine(ImVec2(pmin.x, pmax.y), ImVec2(pmax.x, pmax.y), col(color::kBorderStrong));
    for (int i = 0; i < n; ++i) {
        const FinanceRow& row = r.rows[static_cast<std::size_t>(i)];
        const float bx0 = pmin.x + slot * static_cast<float>(i) + barGap * 0.5f;
        const float bx1 = pmin.x + slot * static_cast<float>(i + 1) - barGap * 0.5f;
        const bool hot = i == m_chartMonth;
        float by = pmax.y;
        const auto seg = [&](std::int64_t v, ImU32 c) {
            const float h = hpx(v);
            if (h <= 0) return;
            dl->AddRectFilled(ImVec2(bx0, by - h), ImVec2(std::max(bx1, bx0 + 1.0f), by), col(hot ? c : (c & 0x00FFFFFF) | 0xD0000000));
            by -= h;
        };
        seg(row.principal, color::kAccent);
        seg(row.interest, kInterest);
        seg(row.fee, kFee);
        if (hot) dl->AddRect(ImVec2(bx0 - 1, by - 1), ImVec2(std::max(bx1, bx0 + 1.0f) + 1, pmax.y), col(color::kText), 0, 0, 1.0f);
    }
    // Months along the bottom: the first, the middle and the last.
    for (int m : {1, (n + 1) / 2, n}) {
        const std::string t = std::to_string(m);
        const float tw = textSize(Font::Small, t).x;
        const float cx = std::clamp(pmin.x + slot * (static_cast<float>(m) - 0.5f) - tw * 0.5f, pmin.x, pmax.x - tw);
        drawText(dl, Font::Small, ImVec2(cx, pmax.y + em(0.25f)), color::kTextSubtle, t);
    }

    // The readout over the plot: the month shown, else how to get one.
    const char* principalKey = murabaha ? "finance.part.cost" : "finance.part.principal";
    const char* interestKey = murabaha ? "finance.result.profit" : "finance.result.interest";
    std::string readout;
    if (m_chartMonth >= 0) {
        const FinanceRow& row = r.rows[static_cast<std::size_t>(m_chartMonth)];
        const std::string head = s.format("finance.chart.month", {{"number", std::to_string(m_chartMonth + 1)},
                                                                  {"date", scheduleDate(s, row.date)}}) +
                                 ": " + price(row.payment);
        std::string parts = std::string(s.get(principalKey)) + " " + price(row.principal) + "  \xC2\xB7  " +
                            s.get(interestKey) + " " + price(row.interest);
        if (row.fee > 0) parts += "  \xC2\xB7  " + std::string(s.get("finance.part.fee")) + " " + price(row.fee);
        drawText(dl, Font::Bold, ImVec2(x, y), color::kText, ellipsize(Font::Bold, head, w));
        drawText(dl, Font::Small, ImVec2(x, y + em(1.35f)), color::kTextMuted, ellipsize(Font::Small, parts, w));
        readout = head + "; " + parts;
    } else {
        readout = s.get("finance.chart.hint");
        drawText(dl, Font::Small, ImVec2(x, y + em(0.5f)), color::kTextSubtle, ellipsize(Font::Small, readout, w));
    }
    ItemInfo chartInfo = withRole(Role::Image);
    chartInfo.detail = readout;
    hookRect("finance.chart", title, ImVec2(x, y), pmax, m_chartMonth >= 0 ? std::to_string(m_chartMonth + 1).c_str() : "",
             chartInfo);
    y = pmax.y + em(1.5f);

    // Legend.
    float lx = x;
    const auto legend = [&](ImU32 c, const char* key) {
        dl->AddRectFilled(ImVec2(lx, y + em(0.3f)), ImVec2(lx + em(0.75f), y + em(1.05f)), col(c), em(0.15f));
        const char* t = s.get(key);
        drawText(dl, Font::Small, ImVec2(lx + em(1.0f), y), color::kTextMuted, t);
        lx += em(1.0f) + textSize(Font::Small, t).x + em(1.0f);
    };
    legend(color::kAccent, principalKey);
    legend(kInterest, interestKey);
    if (r.totalFees > 0 && !murabaha) legend(kFee, "finance.part.fee");
    y += em(1.25f) + pad;
    dim.release();
    ImGui::SetCursorScreenPos(pos);
    ImGui::Dummy(ImVec2(width, y - pos.y));
    return card.end(y);
}

// [SECTION] Early repayment

float FinanceScreen::drawEarly(float width)
{
    const Strings& s = strings();
    const FinanceState& st = m_module.state();
    const bool murabaha = isMurabaha(st.form.type);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    Card card(pos, width);
    const float pad = em(1.25f);
    const float x = pos.x + pad, w = width - pad * 2;
    float y = pos.y + pad;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    y += sectionHeading("finance.early", s.get("finance.early.heading"), ImVec2(x, y), w) + em(0.75f);
    if (murabaha) {
        const std::string note = s.get("finance.early.murabaha");
        SelectableTextOptions o;
        o.hookId = "finance.early.murabaha";
        o.wrapWidth = w;
        y += selectableText("##early.murabaha", Font::Regular, ImVec2(x, y), color::kTextMuted, note, o).y;
        y += pad;
        ImGui::SetCursorScreenPos(pos);
        ImGui::Dummy(ImVec2(width, y - pos.y));
        return card.end(y);
    }

    // The month and the lump: side by side when there is room.
    FieldOptions month;
    month.digitsOnly = true;
    month.maxChars = 4;
    FieldOptions lump;
    lump.decimal = true;
    lump.suffix = unit();
    const bool side = w > em(24);
    if (side) {
        const float mw = std::floor(w * 0.4f), gap = em(1.0f);
        const float h1 = field(FinanceField::EarlyMonth, s.get("finance.field.early_month"), x, y, mw, month);
        const float h2 = field(FinanceField::LumpSum, s.get("finance.field.lump_sum"), x + mw + gap, y, w - mw - gap, lump);
        y += std::max(h1, h2);
    } else {
        y += field(FinanceField::EarlyMonth, s.get("finance.field.early_month"), x, y, w, month) + em(0.5f);
        y += field(FinanceField::LumpSum, s.get("finance.field.lump_sum"), x, y, w, lump);
    }
    y += em(0.5f);

    if (!st.earlyAsked || !st.early) {
        if (!st.earlyAsked) {
            const std::string hint = s.get("finance.early.hint");
            drawText(dl, Font::Small, ImVec2(x, y), color::kTextMuted, hint, w);
            hookRect("finance.early.hint", hint, ImVec2(x, y), ImVec2(x + w, y + em(1.25f)), nullptr, withRole(Role::Text));
            y += textSize(Font::Small, hint, w).y;
        }
        y += pad - em(0.25f);
        ImGui::SetCursorScreenPos(pos);
        ImGui::Dummy(ImVec2(width, y - pos.y));
        return card.end(y);
    }

    const finance::EarlyRepaymentResult& e = *st.early;
    Dim dim(st.earlyStale || st.stale);
    const auto box = [&](const char* hookId, float bx, float by, float bw, const std::string& title, const std::string& detail,
                         std::int64_t saved) {
        const std::string savedText = s.format("finance.early.saved", {{"amount", price(saved)}});
        const float inner = bw - em(1.5f);
        const float th = title.empty() ? 0.0f : textSize(Font::Bold, title, inner).y + em(0.25f);
        const float dh = textSize(Font::Small, detail, inner).y + em(0.375f);
        const float h = em(0.75f) + th + dh + em(1.5f) + em(0.75f);
        dl->AddRectFilled(ImVec2(bx, by), ImVec2(bx + bw, by + h), col(color::kChip), em(0.5f));
        float ty = by + em(0.75f);
        if (!title.empty()) {
            drawText(dl, Font::Bold, ImVec2(bx + em(0.75f), ty), color::kText, title, inner);
            ty += th;
        }
        drawText(dl, Font::Small, ImVec2(bx + em(0.75f), ty), color::kTextMuted, detail, inner);
        ty += dh;
        drawText(dl, Font::Bold, ImVec2(bx + em(0.75f), ty), kGood, ellipsize(Font::Bold, savedText, inner));
        hookRect(hookId, title.empty() ? detail : title, ImVec2(bx, by), ImVec2(bx + bw, by + h),
                 (detail + "; " + savedText).c_str(), withRole(Role::Text));
        return h;
    };
    if (e.closesLoan) {
        const std::string text = s.format("finance.early.closes", {{"amount", price(e.shorterTerm.saved)}});
        y += box("finance.early.closes", x, y, w, {}, text, e.shorterTerm.saved) + em(0.25f);
    } else {
        const std::string shorterDetail =
            s.format("finance.early.shorter.detail", {{"months", monthsText(s, e.shorterTerm.monthsSaved)}});
        const std::string lowerDetail = s.format("finance.early.lower.detail", {{"payment", price(e.lowerPayment.newPayment)}});
        if (side) {
            const float gap = em(0.75f), bw = (w - gap) * 0.5f;
            const float h1 = box("finance.early.shorter", x, y, bw, s.get("finance.early.shorter"), shorterDetail,
                                 e.shorterTerm.saved);
            const float h2 = box("finance.early.lower", x + bw + gap, y, bw, s.get("finance.early.lower"), lowerDetail,
                                 e.lowerPayment.saved);
            y += std::max(h1, h2);
        } else {
            y += box("finance.early.shorter", x, y, w, s.get("finance.early.shorter"), shorterDetail, e.shorterTerm.saved) +
                 em(0.5f);
            y += box("finance.early.lower", x, y, w, s.get("finance.early.lower"), lowerDetail, e.lowerPayment.saved);
        }
    }
    y += pad;
    dim.release();
    ImGui::SetCursorScreenPos(pos);
    ImGui::Dummy(ImVec2(width, y - pos.y));
    return card.end(y);
}

// [SECTION] Schedule

float FinanceScreen::drawSchedule(float width)
{
    const Strings& s = strings();
    const FinanceState& st = m_module.state();
    if (!st.result || st.result->rows.empty()) return 0.0f;
    const FinanceResult& r = *st.result;
    const bool murabaha = isMurabaha(r.type);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    Card card(pos, width);
    const float pad = em(1.25f);
    const float x = pos.x + pad, w = width - pad * 2;
    float y = pos.y + pad;
    y += sectionHeading("finance.schedule", s.get("finance.schedule.heading"), ImVec2(x, y), w) + em(0.75f);
    Dim dim(st.stale);

    // Columns: No., date, then four amounts right-aligned (the unit in their headers). Where six
    // do not fit (phones), each row takes two lines: No., date and the payment, then the three
    // parts under it.
    const std::string u = unit();
    const char* partKeys[4] = {murabaha ? "finance.schedule.instalment" : "finance.schedule.payment",
                               murabaha ? "finance.part.cost" : "finance.part.principal",
                               murabaha ? "finance.result.profit" : "finance.result.interest", "finance.schedule.balance"};
    const std::string heads[6] = {
        s.get("finance.schedule.number"),
        s.get("finance.schedule.date"),
        std::string(s.get(partKeys[0])) + ", " + u,
        std::string(s.get(partKeys[1])) + ", " + u,
        std::string(s.get(partKeys[2])) + ", " + u,
        std::string(s.get(partKeys[3])) + ", " + u,
    };
    const std::int64_t widest = std::max(r.largestPayment, r.rows.front().balance + r.rows.front().principal);
    const float numW = textSize(Font::Small, plainAmount(widest)).x + em(1.25f);
    float colW[6] = {textSize(Font::Small, std::to_string(r.rows.size())).x + em(1.25f),
                     textSize(Font::Small, scheduleDate(s, finance::CivilDate{2026, 12, 30})).x + em(1.25f), numW, numW,
                     numW, numW};
    for (int c = 0; c < 6; ++c)
        colW[c] = std::max(colW[c], textSize(Font::Small, heads[c]).x + em(1.0f));
    float tableW = 0;
    for (float cw : colW) tableW += cw;
    const bool compact = tableW > w + 0.5f;
    if (!compact) { // spread what is left over the amounts
        const float extra = (w - tableW) / 4.0f;
        for (int c = 2; c < 6; ++c) colW[c] += extra;
    }
    tableW = w;
    const float rowH = compact ? em(3.25f) : em(2.0f);
    const float headH = compact ? em(3.0f) : em(2.25f);
    const int n = static_cast<int>(r.rows.size());
    const float tableH = headH + rowH * static_cast<float>(n);

    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 origin(x, y);
    // Text in a box `left`..`right`, on a line whose middle is `mid`; amounts right-aligned.
    const auto put = [&](const std::string& text, Font f, ImU32 color, float left, float right, float mid, bool alignRight) {
        const float tw = textSize(f, text).x;
        const float cy = mid - font(f)->FontSize * 0.5f - 1; // fonts of two sizes, one middle
        drawText(dl, f, ImVec2(alignRight ? right - tw : left, cy), color, text);
    };
    const float third = (w - em(1.0f)) / 3.0f;
    const auto thirdRight = [&](int k) { return origin.x + em(0.5f) + third * static_cast<float>(k + 1); };
    if (compact) {
        const float m1 = origin.y + em(0.85f), m2 = origin.y + em(2.1f);
        put(heads[0], Font::Small, color::kTextMuted, origin.x + em(0.5f), 0, m1, false);
        put(heads[1], Font::Small, color::kTextMuted, origin.x + em(0.5f) + colW[0], 0, m1, false);
        put(heads[2], Font::Small, color::kTextMuted, 0, origin.x + w - em(0.5f), m1, true);
        for (int k = 0; k < 3; ++k)
            put(s.get(partKeys[k + 1]), Font::Small, color::kTextMuted, 0, thirdRight(k), m2, true);
    } else {
        float cx = origin.x;
        for (int c = 0; c < 6; ++c) {
            put(heads[c], Font::Small, color::kTextMuted, cx + em(0.5f), cx + colW[c] - em(0.5f), origin.y + headH * 0.5f, c >= 2);
            cx += colW[c];
        }
    }
    dl->AddLine(ImVec2(origin.x, origin.y + headH - 1), ImVec2(origin.x + tableW, origin.y + headH - 1),
                col(color::kBorderStrong));

    // Only the rows in view (and one either side) are laid out.
    const ImVec2 clipMin = dl->GetClipRectMin(), clipMax = dl->GetClipRectMax();
    const float rowsTop = origin.y + headH;
    const int first = std::clamp(static_cast<int>(std::floor((clipMin.y - rowsTop) / rowH)) - 1, 0, n);
    const int last = std::clamp(static_cast<int>(std::ceil((clipMax.y - rowsTop) / rowH)) + 1, 0, n);
    const char* rowKey = murabaha ? "finance.schedule.row_murabaha" : "finance.schedule.row";
    for (int i = first; i < last; ++i) {
        const FinanceRow& row = r.rows[static_cast<std::size_t>(i)];
        const float ry = rowsTop + rowH * static_cast<float>(i);
        if (i % 2 == 1) dl->AddRectFilled(ImVec2(origin.x, ry), ImVec2(origin.x + tableW, ry + rowH), col(color::kChip));
        const std::string number = std::to_string(i + 1);
        const std::string date = scheduleDate(s, row.date);
        const std::string amounts[4] = {plainAmount(row.payment), plainAmount(row.principal), plainAmount(row.interest),
                                        plainAmount(row.balance)};
        if (compact) {
            const float m1 = ry + em(1.0f), m2 = ry + em(2.3f);
            put(number, Font::Small, color::kTextSubtle, origin.x + em(0.5f), 0, m1, false);
            put(date, Font::Small, color::kText, origin.x + em(0.5f) + colW[0], 0, m1, false);
            put(amounts[0], Font::Bold, color::kText, 0, origin.x + w - em(0.5f), m1, true);
            for (int k = 0; k < 3; ++k)
                put(amounts[k + 1], Font::Small, color::kTextMuted, 0, thirdRight(k), m2, true);
        } else {
            float cx = origin.x;
            const float mid = ry + rowH * 0.5f;
            put(number, Font::Small, color::kTextSubtle, cx + em(0.5f), 0, mid, false);
            cx += colW[0];
            put(date, Font::Small, color::kText, cx + em(0.5f), 0, mid, false);
            cx += colW[1];
            for (int k = 0; k < 4; ++k) {
                put(amounts[k], k == 0 ? Font::Bold : Font::Small, color::kText, 0, cx + colW[k + 2] - em(0.5f), mid, true);
                cx += colW[k + 2];
            }
        }
        const std::string label = s.format(rowKey, {{"number", number},
                                                    {"date", date},
                                                    {"payment", price(row.payment)},
                                                    {"principal", price(row.principal)},
                                                    {"interest", price(row.interest)},
                                                    {"balance", price(row.balance)}});
        hookRect("finance.row:" + number, label, ImVec2(origin.x, ry), ImVec2(origin.x + tableW, ry + rowH), nullptr,
                 withRole(Role::Text));
    }
    y += tableH + pad * 0.5f;
    dim.release();
    ImGui::SetCursorScreenPos(pos);
    ImGui::Dummy(ImVec2(width, y - pos.y));
    return card.end(y);
}

} // namespace dongelek::ui

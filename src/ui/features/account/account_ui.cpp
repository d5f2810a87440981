// The account screens' building blocks (see account_ui.hpp).

// [SECTION] Index
// - The page
// - The form layout: text, boxes, fields, buttons
// - Strength meter and QR code
// - Pieces of several screens

#include "ui/features/account/account_ui.hpp"

#include "core/routes/account_routes.hpp"
#include "core/text_format.hpp"
#include "core/utf8.hpp"
#include "ui/redraw.hpp"
#include "ui/screen.hpp"
#include "ui/test_hook.hpp"
#include "ui/text_selection.hpp"

#include <algorithm>
#include <cmath>

namespace dongelek::ui::account {

namespace {
constexpr ImU32 kGood = IM_COL32(21, 128, 61, 255); // #15803D: 5.0:1 on its soft background
constexpr ImU32 kGoodSoft = IM_COL32(240, 253, 244, 255);
constexpr ImU32 kWarn = IM_COL32(180, 83, 9, 255);        // #B45309
constexpr ImU32 kDangerText = IM_COL32(153, 27, 27, 255); // #991B1B: 7.9:1 on the soft red
constexpr float kCardPad = 1.75f;                         // em, inside the card on wide screens
constexpr float kFieldGap = 1.0f;                         // em between a field and what follows

float wrappedHeight(Font f, const std::string& text, float width)
{
    return textSize(f, text, width).y;
}
} // namespace

// [SECTION] The page

bool beginPage(const char* scrollId, float maxWidthEm, Column& column)
{
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const float top = ImGui::GetCursorScreenPos().y;
    ImGui::SetCursorScreenPos(ImVec2(0, top));
    const bool open = beginScrollRegion(scrollId, ImVec2(display.x, display.y - top), ScrollKind::Main);
    const PageLayout layout = PageLayout::compute(display.x);
    column.width = std::min(layout.width, em(maxWidthEm));
    column.x = std::floor((display.x - column.width) * 0.5f);
    column.card = display.x >= em(34); // phones: the whole width, no card
    ImGui::SetCursorScreenPos(ImVec2(column.x, ImGui::GetCursorScreenPos().y + (column.card ? em(2.5f) : em(1.25f))));
    return open;
}

void endPage(const Column& column, float contentHeight)
{
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImGui::SetCursorScreenPos(ImVec2(column.x, pos.y));
    ImGui::Dummy(ImVec2(column.width, contentHeight + em(3)));
    endScrollRegion();
}

// [SECTION] The form layout: text, boxes, fields, buttons

FormLayout::FormLayout(const Strings& s, float x, float width, bool cards, bool openCard)
    : m_s(s), m_x(x), m_width(width), m_top(ImGui::GetCursorScreenPos().y), m_y(m_top), m_cardX(x), m_cardW(width),
      m_card(cards)
{
    m_dl = ImGui::GetWindowDrawList();
    if (m_card) {
        m_splitter.Split(m_dl, 2); // 0: cards behind, 1: what is on them
        m_splitter.SetCurrentChannel(m_dl, 1);
    }
    if (openCard) beginCard();
}

FormLayout::~FormLayout()
{
    finish();
}

float FormLayout::finish()
{
    if (!m_finished) {
        m_finished = true;
        endCard();
        if (m_card) m_splitter.Merge(m_dl);
        ImGui::SetCursorScreenPos(ImVec2(m_cardX, m_top));
    }
    return m_y - m_top;
}

void FormLayout::beginCard()
{
    if (m_cardOpen) return;
    m_cardOpen = true;
    m_cardTop = m_y;
    if (!m_card) return;
    m_x = m_cardX + em(kCardPad);
    m_width = m_cardW - em(kCardPad) * 2;
    m_y += em(kCardPad);
}

void FormLayout::endCard()
{
    if (!m_cardOpen) return;
    m_cardOpen = false;
    if (!m_card) {
        m_y += em(0.75f); // phones: parts spaced apart
        return;
    }
    m_y += em(kCardPad) - em(kFieldGap); // the last item's gap becomes the card's padding
    drawCard();
    m_x = m_cardX;
    m_width = m_cardW;
    m_y += em(1.25f);
}

void FormLayout::drawCard()
{
    m_splitter.SetCurrentChannel(m_dl, 0);
    surface(m_dl, ImVec2(m_cardX, m_cardTop), ImVec2(m_cardX + m_cardW, m_y), em(0.75f), true);
    m_splitter.SetCurrentChannel(m_dl, 1);
}

void FormLayout::place()
{
    ImGui::SetCursorScreenPos(ImVec2(m_inRow ? m_rowX : m_x, m_y));
}

void FormLayout::advance(float h)
{
    if (m_inRow) {
        m_rowH = std::max(m_rowH, h);
        return;
    }
    m_y += h;
}

void FormLayout::icon(Icon i, ImU32 c, ImU32 badge)
{
    const ImVec2 centre(m_x + em(1.75f), m_y + em(1.75f));
    m_dl->AddCircleFilled(centre, em(1.75f), col(badge), 40);
    drawIcon(m_dl, i, centre, em(1.6f), c);
    m_y += em(4.5f);
}

void FormLayout::title(const char* hookId, const std::string& text)
{
    const ImVec2 pos(m_x, m_y);
    SelectableTextOptions o;
    o.wrapWidth = m_width;
    o.hookId = hookId;
    o.role = Role::Heading;
    const ImVec2 size = selectableText(hookId, Font::Title, pos, color::kText, text, o);
    m_y += size.y + em(0.625f);
}

void FormLayout::heading(const char* hookId, const std::string& text)
{
    SelectableTextOptions o;
    o.wrapWidth = m_width;
    o.hookId = hookId;
    o.role = Role::Heading;
    const ImVec2 size = selectableText(hookId, Font::Large, ImVec2(m_x, m_y), color::kText, text, o);
    m_y += size.y + em(0.625f);
}

void FormLayout::paragraph(const char* hookId, const std::string& text, ImU32 c, Font f)
{
    SelectableTextOptions o;
    o.wrapWidth = m_width;
    o.hookId = hookId;
    const ImVec2 size = selectableText(hookId, f, ImVec2(m_x, m_y), c, text, o);
    m_y += size.y + em(kFieldGap);
}

void FormLayout::selectable(const char* hookId, const std::string& text, Font f)
{
    SelectableTextOptions o;
    o.wrapWidth = m_width;
    o.hookId = hookId;
    const ImVec2 size = selectableText(hookId, f, ImVec2(m_x, m_y), color::kText, text, o);
    m_y += size.y + em(kFieldGap);
}

void FormLayout::fact(const char* hookId, const std::string& label, const std::string& value, const char* chipText,
                      bool chipGood)
{
    drawText(m_dl, Font::Small, ImVec2(m_x, m_y), color::kTextMuted, label);
    m_y += em(1.25f);
    SelectableTextOptions o;
    o.wrapWidth = m_width;
    o.hookId = hookId;
    const std::string accessible = label + ": " + value;
    o.hookLabel = &accessible;
    const ImVec2 size = selectableText(hookId, Font::Bold, ImVec2(m_x, m_y), color::kText, value, o);
    if (chipText) {
        const float w = chipWidth(chipText);
        float cx = m_x + size.x + em(0.625f);
        float cy = m_y;
        if (cx + w > m_x + m_width) {
            cx = m_x;
            cy = m_y + size.y + em(0.25f);
            m_y += em(1.75f);
        }
        chip(m_dl, ImVec2(cx, cy), chipText, chipGood ? kGoodSoft : color::kChip, chipGood ? kGood : color::kChipText);
    }
    m_y += size.y + em(kFieldGap);
}

namespace {
// A box with a bar on the left and wrapped text.
float box(ImDrawList* dl, const char* hookId, const std::string& text, ImVec2 pos, float width, ImU32 bg, ImU32 bar,
          ImU32 fg)
{
    const float padX = em(1.0f), padY = em(0.75f);
    const float textW = width - padX * 2 - em(0.25f);
    const float h = wrappedHeight(Font::Regular, text, textW) + padY * 2;
    const ImVec2 max(pos.x + width, pos.y + h);
    dl->AddRectFilled(pos, max, col(bg), em(0.5f));
    dl->AddRectFilled(pos, ImVec2(pos.x + em(0.25f), max.y), col(bar), em(0.5f), ImDrawFlags_RoundCornersLeft);
    drawText(dl, Font::Regular, ImVec2(pos.x + padX + em(0.25f), pos.y + padY), fg, text, textW);
    hookRect(hookId, text, pos, max, nullptr, withRole(Role::Text));
    return h;
}
} // namespace

void FormLayout::error(const char* hookId, const std::string& text)
{
    if (text.empty()) return;
    m_y += box(m_dl, hookId, text, ImVec2(m_x, m_y), m_width, color::kDangerSoft, color::kDanger, kDangerText) +
           em(kFieldGap);
}

void FormLayout::notice(const char* hookId, const std::string& text)
{
    if (text.empty()) return;
    m_y += box(m_dl, hookId, text, ImVec2(m_x, m_y), m_width, kGoodSoft, kGood, IM_COL32(22, 101, 52, 255)) +
           em(kFieldGap);
}

namespace {
// The line under a field: its error in red with an alert mark, else a muted hint.
float underField(ImDrawList* dl, const char* hookId, const std::string& errorText, const char* hint, ImVec2 pos,
                 float width)
{
    if (!errorText.empty()) {
        const float w = width - em(1.5f);
        const float h = wrappedHeight(Font::Small, errorText, w);
        drawIcon(dl, Icon::Alert, ImVec2(pos.x + em(0.5f), pos.y + em(0.55f)), em(0.95f), color::kDanger);
        drawText(dl, Font::Small, ImVec2(pos.x + em(1.25f), pos.y), kDangerText, errorText, w);
        hookRect(std::string(hookId) + ".error", errorText, pos, ImVec2(pos.x + width, pos.y + h), nullptr,
                 withRole(Role::Text));
        return h + em(0.25f);
    }
    if (hint && *hint) {
        const float h = wrappedHeight(Font::Small, hint, width);
        drawText(dl, Font::Small, pos, color::kTextMuted, hint, width);
        hookRect(std::string(hookId) + ".hint", hint, pos, ImVec2(pos.x + width, pos.y + h), nullptr,
                 withRole(Role::Text));
        return h + em(0.25f);
    }
    return 0;
}
} // namespace

// The parts every field shares: the label above, the error or hint under it (the field's
// description in the mirror) and the spacing; `draw` places the control itself.
template <typename Draw>
FieldEvents FormLayout::labelled(const char* hookId, const char* label, FieldOptions& o, const std::string& errorKey,
                                 const char* hint, Draw&& draw)
{
    drawText(m_dl, Font::Bold, ImVec2(m_x, m_y), color::kText, label);
    m_y += em(1.5f);
    const std::string errorText = errorKey.empty() ? std::string() : std::string(m_s.get(errorKey));
    o.label = label;
    o.invalid = !errorText.empty();
    if (o.invalid)
        o.describedBy = std::string(hookId) + ".error";
    else if (hint && *hint)
        o.describedBy = std::string(hookId) + ".hint";
    if (o.height <= 0) o.height = tapSize(em(2.75f));
    place();
    const FieldEvents e = draw();
    m_y += o.height + em(0.375f);
    m_y += underField(m_dl, hookId, errorText, hint, ImVec2(m_x, m_y), m_width);
    m_y += em(kFieldGap) - em(0.375f);
    return e;
}

FieldEvents FormLayout::field(const char* hookId, const char* label, std::string& text, FieldOptions o,
                              const std::string& errorKey, const char* hint)
{
    return labelled(hookId, label, o, errorKey, hint, [&] { return formTextField(hookId, "", text, m_width, o); });
}

FieldEvents FormLayout::password(const char* hookId, const char* label, std::string& text, bool& shown, FieldOptions o,
                                 const std::string& errorKey, const char* hint)
{
    // The show/hide button beside it is a square of the field's height.
    return labelled(hookId, label, o, errorKey, hint, [&] { return passwordField(hookId, m_s, text, shown, m_width, o); });
}

bool FormLayout::primary(const char* hookId, const std::string& text, bool enabled, bool busy)
{
    ButtonOptions o;
    o.kind = ButtonKind::Primary;
    o.size = ImVec2(m_inRow ? 0.0f : m_width, tapSize(em(2.75f)));
    o.enabled = enabled && !busy;
    place();
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const bool clicked = button(hookId, text, o);
    if (busy) {
        const float w = buttonWidth(text, o);
        spinner("spinner", ImVec2(pos.x + w - em(1.5f), pos.y + o.size.y * 0.5f), em(0.5f), ImGui::GetTime() * 1000.0);
    }
    if (m_inRow) m_rowX += buttonWidth(text, o) + em(0.75f);
    advance(o.size.y + em(kFieldGap));
    return clicked;
}

bool FormLayout::secondary(const char* hookId, const std::string& text, bool enabled)
{
    ButtonOptions o;
    o.kind = ButtonKind::Secondary;
    o.size = ImVec2(0, tapSize(em(2.5f)));
    o.enabled = enabled;
    const float w = std::min(m_width, buttonWidth(text, o));
    o.size.x = w;
    if (m_inRow && m_rowX + w > m_x + m_width && m_rowX > m_x) { // wraps onto the next line
        m_y += m_rowH + em(0.5f);
        m_rowX = m_x;
        m_rowH = 0;
    }
    place();
    const bool clicked = button(hookId, text, o);
    if (m_inRow) m_rowX += w + em(0.75f);
    advance(o.size.y + em(kFieldGap));
    return clicked;
}

bool FormLayout::link(const char* hookId, const std::string& text, const std::string& href)
{
    ButtonOptions o;
    o.kind = ButtonKind::Link;
    o.href = href;
    o.size = ImVec2(0, tapSize(em(1.75f)));
    const float w = std::min(m_width, buttonWidth(text, o));
    o.size.x = w;
    if (m_inRow && m_rowX + w > m_x + m_width && m_rowX > m_x) {
        m_y += m_rowH + em(0.25f);
        m_rowX = m_x;
        m_rowH = 0;
    }
    place();
    const bool clicked = button(hookId, text, o);
    if (m_inRow) m_rowX += w + em(1.25f);
    advance(o.size.y + em(0.5f));
    return clicked;
}

bool FormLayout::textButton(const char* hookId, const std::string& text)
{
    ButtonOptions o;
    o.kind = ButtonKind::Link; // looks like a link, is a button (no href)
    o.size = ImVec2(0, tapSize(em(1.75f)));
    o.size.x = std::min(m_width, buttonWidth(text, o));
    place();
    const bool clicked = button(hookId, text, o);
    if (m_inRow) m_rowX += o.size.x + em(1.25f);
    advance(o.size.y + em(0.5f));
    return clicked;
}

void FormLayout::row()
{
    m_inRow = true;
    m_rowX = m_x;
    m_rowH = 0;
}

void FormLayout::endRow()
{
    m_inRow = false;
    m_y += m_rowH;
}

std::string FormLayout::tabs(const std::vector<TabSpec>& specs)
{
    place();
    const std::string followed = tabRow(specs, m_x, m_width);
    m_y += tapSize(em(2.5f)) + em(1.25f);
    return followed;
}

// [SECTION] Strength meter and QR code

void FormLayout::strength(const char* hookId, const ::dongelek::account::PasswordStrengthCheck& check,
                          const std::string& password)
{
    if (password.empty()) return;
    const std::size_t letters = utf8::length(password);
    const int minLength = check.result().has() ? check.result().value().minLength
                                               : static_cast<int>(::dongelek::account::kPasswordMinChars);
    const bool tooShort = letters < static_cast<std::size_t>(minLength);
    const bool known = check.result().has() && check.checked() == password;
    const int score = known ? std::clamp(check.result().value().score, 0, 4) : -1;
    const bool acceptable = known && check.result().value().acceptable && !tooShort;
    const ImU32 colors[] = {color::kDanger, color::kDanger, kWarn, kGood, kGood};
    const float gap = em(0.25f);
    const float barW = (m_width - gap * 4) / 5;
    for (int i = 0; i < 5; ++i) {
        const ImVec2 a(m_x + i * (barW + gap), m_y), b(a.x + barW, a.y + em(0.375f));
        const bool on = score >= 0 && i <= score && !tooShort;
        m_dl->AddRectFilled(a, b, col(on ? colors[score] : color::kBorder), em(0.2f));
    }
    m_y += em(0.75f);
    std::string text;
    ImU32 c = color::kTextMuted;
    if (tooShort) {
        text = formatCount(m_s, "account.strength.too_short", minLength);
        c = kDangerText;
    } else if (!known) {
        text = m_s.get("account.strength.checking");
    } else {
        text = std::string(m_s.get(("account.strength." + std::to_string(score)).c_str())) + ". " +
               m_s.get(acceptable ? "account.strength.ok" : "account.strength.weak");
        c = acceptable ? kGood : kDangerText;
    }
    const float h = wrappedHeight(Font::Small, text, m_width);
    drawText(m_dl, Font::Small, ImVec2(m_x, m_y), c, text, m_width);
    const std::string value = known ? std::to_string(score) : "";
    hookRect(hookId, text, ImVec2(m_x, m_y - em(0.75f)), ImVec2(m_x + m_width, m_y + h), value.c_str(),
             withRole(Role::Text));
    m_y += h + em(kFieldGap);
}

void FormLayout::qr(const char* hookId, const QrMatrix& q, const std::string& label, float maxEm)
{
    if (!q.valid()) return;
    const int quiet = 4; // the quiet zone scanners need, in modules
    const int total = q.size + quiet * 2;
    const float avail = std::min(m_width, em(maxEm));
    const float module = std::max(2.0f, std::floor(avail / static_cast<float>(total)));
    const float side = module * static_cast<float>(total);
    const ImVec2 pos(std::floor(m_x), std::floor(m_y));
    m_dl->AddRectFilled(pos, ImVec2(pos.x + side, pos.y + side), col(IM_COL32_WHITE));
    m_dl->AddRect(pos, ImVec2(pos.x + side, pos.y + side), col(color::kBorder));
    const ImU32 dark = col(IM_COL32(0, 0, 0, 255));
    for (int y = 0; y < q.size; ++y) {
        int x = 0;
        while (x < q.size) {
            if (!q.dark(x, y)) {
                ++x;
                continue;
            }
            int end = x;
            while (end < q.size && q.dark(end, y))
                ++end; // one rectangle per run of dark modules
            const ImVec2 a(pos.x + (x + quiet) * module, pos.y + (y + quiet) * module);
            m_dl->AddRectFilled(a, ImVec2(a.x + (end - x) * module, a.y + module), dark);
            x = end;
        }
    }
    hookRect(hookId, label, pos, ImVec2(pos.x + side, pos.y + side), nullptr, withRole(Role::Image));
    m_y += side + em(kFieldGap);
}

// [SECTION] Pieces of several screens

std::string waitText(const Strings& s, int seconds)
{
    return formatCount(s, "account.wait", seconds);
}

std::string formErrorText(const Strings& s, const ::dongelek::account::FormState& form, double nowMs)
{
    if (form.formError.empty()) return {};
    if (form.formError == "account.error.rate_limited") {
        const int wait = form.waitSeconds(nowMs);
        if (wait > 0) return std::string(s.get("account.error.rate_limited")) + " " + waitText(s, wait);
        return s.get("account.error.rate_limited_over");
    }
    return s.get(form.formError);
}

void tickEverySecond(double untilMs, double nowMs)
{
    if (untilMs <= nowMs) return;
    const double left = untilMs - nowMs;
    redrawAfter(std::fmod(left, 1000.0) + 5.0); // just after the shown number changes
}

std::string tabRow(const std::vector<TabSpec>& tabs, float x, float width)
{
    std::string followed;
    const ImVec2 start = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float h = tapSize(em(2.5f));
    dl->AddLine(ImVec2(x, start.y + h), ImVec2(x + width, start.y + h), col(color::kBorder));
    // Narrow screens: the tabs share the width; wide ones: each as wide as its text.
    float natural = 0;
    for (const TabSpec& t : tabs) {
        ButtonOptions o;
        o.font = t.selected ? Font::Bold : Font::Regular;
        o.kind = ButtonKind::Ghost;
        natural += buttonWidth(t.text, o) + em(0.25f);
    }
    const bool share = natural > width;
    float tx = x;
    for (const TabSpec& t : tabs) {
        ButtonOptions o;
        o.kind = ButtonKind::Ghost;
        o.href = t.href;
        o.selected = t.selected;
        o.font = t.selected ? Font::Bold : Font::Regular;
        const float w = share ? width / static_cast<float>(tabs.size()) : buttonWidth(t.text, o);
        o.size = ImVec2(w, h);
        const std::string text = share ? ellipsize(o.font, t.text, w - em(0.5f)) : t.text;
        o.name = t.text;
        ImGui::SetCursorScreenPos(ImVec2(tx, start.y));
        if (button(t.hookId, text, o) && !t.selected) followed = t.href;
        if (t.selected)
            dl->AddRectFilled(ImVec2(tx, start.y + h - 3), ImVec2(tx + w, start.y + h), col(color::kAccent));
        tx += w + (share ? 0.0f : em(0.25f));
    }
    ImGui::SetCursorScreenPos(start);
    ImGui::Dummy(ImVec2(width, h));
    return followed;
}

std::string accountTabs(const Strings& s, AccountTab current, float x, float width)
{
    return tabRow(
        {{"account.tab.profile", s.get("account.tabs.profile"), kProfileRoute.url(), current == AccountTab::Profile},
         {"account.tab.security", s.get("account.tabs.security"), kSecurityRoute.url(),
          current == AccountTab::Security},
         {"account.tab.sessions", s.get("account.tabs.sessions"), kSessionsRoute.url(),
          current == AccountTab::Sessions}},
        x, width);
}

std::string accountHeader(FormLayout& f, const Strings& s, const User* user, AccountTab current)
{
    f.title("account.title", s.get("account.page.title"));
    if (user) f.paragraph("account.who", user->displayName + " \xC2\xB7 " + user->email);
    ImGui::SetCursorScreenPos(ImVec2(f.x(), f.y()));
    const std::string followed = accountTabs(s, current, f.x(), f.width());
    f.gap(tapSize(em(2.5f)) / em() + 1.25f);
    return followed;
}

} // namespace dongelek::ui::account

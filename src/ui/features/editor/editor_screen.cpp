// The editor's layout, head (what is saved where, a conflict's choice), the steps and Back /
// Next, and the field helpers every step uses. The steps' cards are in editor_steps.cpp.

#include "ui/features/editor/editor_screen.hpp"

#include "core/routes/editor_routes.hpp"
#include "core/text_format.hpp"
#include "ui/features/finance/finance_ui.hpp"
#include "ui/test_hook.hpp"
#include "ui/widgets.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>

namespace dongelek::ui {

using namespace finance_ui;

EditorScreen::EditorScreen(UiContext& ui, EditorModule& module)
    : Screen(ui, module, "title.editor_window", "screen.editor"), m_module(module),
      m_previewScreen(ui, module.preview())
{
    m_previewScreen.setBanner([this](float x, float y, float width) { return drawHeadStepsCard(x, y, width); });
}

std::string EditorScreen::errorText() const
{
    return errorMessage(strings(), m_module.error(), false);
}

// [SECTION] Layout

void EditorScreen::drawContent()
{
    const EditorState& st = m_module.state();
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const PageLayout layout = PageLayout::compute(display.x);
    const float top = ImGui::GetCursorScreenPos().y;
    if (m_visit != st.visit) { // the draft was replaced (loaded, merged): what is typed follows it
        m_visit = st.visit;
        m_text.clear();
        if (GImGui->ActiveId != 0 && ImGui::GetIO().WantTextInput) ImGui::ClearActiveID();
    }
    if (m_module.status() == Status::Ready && st.step == DraftStep::Preview && m_module.preview().state().details.has()) {
        // The page buyers will see, with the editor's head, steps and Publish on top.
        m_previewScreen.drawEmbedded();
        return;
    }
    ImGui::SetCursorScreenPos(ImVec2(0, top));
    if (!beginScrollRegion("##editor.scroll", ImVec2(display.x, display.y - top), ScrollKind::Main)) {
        endScrollRegion();
        return;
    }
    const std::string where = std::to_string(st.draftId) + ":" + std::string(toString(st.step));
    if (m_scrolledFor != where) { // a new step starts at its top
        m_scrolledFor = where;
        ImGui::SetScrollY(0);
    }
    // One column: a form reads best narrow.
    const float width = std::min(layout.width, em(44));
    const float x0 = layout.left + (layout.width - width) * 0.5f;
    const float y0 = ImGui::GetCursorScreenPos().y + em(0.75f);
    ImGui::SetCursorScreenPos(ImVec2(x0, y0));
    const ImVec2 avail(width, std::max(em(12), display.y - y0 - em(2)));
    if (m_module.status() == Status::Error) {
        if (errorPanel(strings(), errorText(), errorHint(strings(), m_module.error()), avail)) m_ui.app.retry();
    } else if (m_module.status() != Status::Ready) {
        spinnerBlock("editor.loading", avail, shared().nowMs);
    } else {
        // The same head, steps and card as over the preview's page, then Back / Next.
        float y = y0 + drawHeadStepsCard(x0, y0, width) + em(1.0f);
        ImGui::SetCursorScreenPos(ImVec2(x0, y));
        y += drawNav(width) + em(1.0f);
        ImGui::SetCursorScreenPos(ImVec2(x0, y0));
        ImGui::Dummy(ImVec2(width, y - y0 + em(1.0f)));
    }
    endScrollRegion();
}

float EditorScreen::drawHeadStepsCard(float x, float y0, float width)
{
    float y = y0;
    const auto block = [&](float h) { y += h + em(1.0f); };
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    block(drawHead(width));
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    block(drawSteps(width));
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    y += drawStep(width);
    return y - y0;
}

// [SECTION] Head: the title, what is saved where, a conflict

float EditorScreen::drawHead(float width)
{
    const Strings& s = strings();
    const EditorState& st = m_module.state();
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    float y = pos.y;
    ImGui::SetCursorScreenPos(pos);
    ButtonOptions back;
    back.kind = ButtonKind::Link;
    back.hasIcon = true;
    back.icon = Icon::ChevronLeft;
    back.href = MyListingsRoute{}.url();
    if (button("editor.dashboard", s.get("editor.to_dashboard"), back)) m_ui.app.navigate(back.href);
    y = ImGui::GetItemRectMax().y + em(0.5f);
    y += heading("editor.heading", s.get(st.listingId ? "editor.heading.edit" : "editor.heading.new"), ImVec2(pos.x, y))
             .y;
    y += em(0.25f);
    // What is saved where: the seller never has to wonder.
    const char* syncKey = "editor.sync.saved";
    ImU32 syncColor = color::kTextMuted;
    switch (st.sync) {
    case SyncState::Loading:
        syncKey = "editor.sync.loading";
        break;
    case SyncState::Saved:
        syncKey = "editor.sync.saved";
        break;
    case SyncState::Pending:
    case SyncState::Saving:
        syncKey = "editor.sync.saving";
        break;
    case SyncState::Offline:
        syncKey = "editor.sync.offline";
        syncColor = kDangerText;
        break;
    case SyncState::Conflict:
        syncKey = "editor.sync.conflict";
        syncColor = kDangerText;
        break;
    }
    y += textBlock("editor.sync", s.get(syncKey), ImVec2(pos.x, y), width, Font::Regular, syncColor) + em(0.25f);
    if (st.restored || (st.merged && st.conflicts.empty()))
        y += textBlock("editor.notice", s.get(st.merged ? "editor.notice.merged" : "editor.notice.restored"),
                       ImVec2(pos.x, y), width, Font::Small, color::kTextMuted) +
             em(0.25f);
    if (st.sync == SyncState::Conflict) {
        CardBlock card(width);
        std::string fields;
        for (const std::string& f : st.conflicts) {
            const std::string key = "editor.field." + f;
            fields += (fields.empty() ? "" : ", ") + std::string(s.get(key.c_str()));
        }
        card.y += textBlock("editor.conflict", s.format("editor.conflict.text", {{"fields", fields}}),
                            ImVec2(card.x, card.y), card.w, Font::Bold, kDangerText) +
                  em(0.5f);
        ImGui::SetCursorScreenPos(ImVec2(card.x, card.y));
        ButtonOptions mine;
        mine.kind = ButtonKind::Primary;
        if (button("editor.conflict.mine", s.get("editor.conflict.mine"), mine)) m_module.keepMine();
        const float mineRight = ImGui::GetItemRectMax().x + em(0.5f);
        const std::string theirs = s.get("editor.conflict.theirs");
        const bool wrap = mineRight + buttonWidth(theirs) > card.x + card.w;
        ImGui::SetCursorScreenPos(wrap ? ImVec2(card.x, ImGui::GetItemRectMax().y + em(0.5f))
                                       : ImVec2(mineRight, card.y));
        if (button("editor.conflict.theirs", theirs)) m_module.takeTheirs();
        card.y = ImGui::GetItemRectMax().y;
        ImGui::SetCursorScreenPos(ImVec2(pos.x, y));
        y += card.finish();
    }
    return y - pos.y;
}

// [SECTION] The steps: links, each with what it still lacks

float EditorScreen::drawSteps(float width)
{
    const Strings& s = strings();
    const EditorState& st = m_module.state();
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    float x = pos.x, y = pos.y, rowH = 0;
    const std::vector<DraftStep>& steps = draftSteps();
    int index = 0;
    for (const DraftStep step : steps) {
        ++index;
        const int errors = m_module.errorsOn(step);
        const std::string name = s.get(("editor.step." + std::string(toString(step))).c_str());
        // On a phone the other steps are their numbers (their names are the links' names): the
        // steps take a row or two, not a third of the screen.
        const bool compact = width < em(36) && step != st.step;
        const std::string text = std::to_string(index) + (compact ? "" : ". " + name) +
                                 (errors ? " (" + std::to_string(errors) + ")" : "");
        ButtonOptions o;
        o.kind = step == st.step ? ButtonKind::Primary : ButtonKind::Secondary;
        o.selected = step == st.step;
        o.font = Font::Regular;
        EditorRoute r;
        r.draftId = st.draftId;
        r.step = step;
        o.href = r.url();
        o.name = errors ? s.format("editor.step.missing", {{"step", name}, {"count", std::to_string(errors)}}) : name;
        const float w = buttonWidth(text, o);
        if (x > pos.x && x + w > pos.x + width) {
            x = pos.x;
            y += rowH + em(0.375f);
            rowH = 0;
        }
        ImGui::SetCursorScreenPos(ImVec2(x, y));
        const std::string id = "editor.step:" + std::string(toString(step));
        if (button(id.c_str(), text, o)) m_module.goTo(step);
        rowH = std::max(rowH, ImGui::GetItemRectSize().y);
        x += w + em(0.375f);
    }
    y += rowH + em(0.5f);
    // How far along: the steps without an error.
    int complete = 0;
    for (const DraftStep step : steps)
        if (m_module.errorsOn(step) == 0) ++complete;
    ImGui::SetCursorScreenPos(ImVec2(pos.x, y));
    progressBar(
        "editor.progress",
        s.format("editor.progress", {{"done", std::to_string(complete)}, {"count", std::to_string(steps.size())}}),
        static_cast<float>(complete) / static_cast<float>(steps.size()), width);
    y = ImGui::GetItemRectMax().y;
    return y - pos.y;
}

float EditorScreen::drawNav(float width)
{
    const Strings& s = strings();
    const EditorState& st = m_module.state();
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const std::vector<DraftStep>& steps = draftSteps();
    const auto at = std::find(steps.begin(), steps.end(), st.step) - steps.begin();
    float h = 0;
    if (at > 0) {
        EditorRoute r;
        r.draftId = st.draftId;
        r.step = steps[static_cast<std::size_t>(at - 1)];
        ButtonOptions o;
        o.href = r.url();
        o.hasIcon = true;
        o.icon = Icon::ChevronLeft;
        ImGui::SetCursorScreenPos(pos);
        if (button("editor.back", s.get("editor.nav.back"), o)) m_module.goTo(r.step);
        h = ImGui::GetItemRectSize().y;
    }
    if (at + 1 < static_cast<std::ptrdiff_t>(steps.size())) {
        EditorRoute r;
        r.draftId = st.draftId;
        r.step = steps[static_cast<std::size_t>(at + 1)];
        ButtonOptions o;
        o.kind = ButtonKind::Primary;
        o.href = r.url();
        const std::string text = s.get("editor.nav.next");
        ImGui::SetCursorScreenPos(ImVec2(pos.x + width - buttonWidth(text, o), pos.y));
        if (button("editor.next", text, o)) m_module.goTo(r.step);
        h = std::max(h, ImGui::GetItemRectSize().y);
    }
    return h;
}

// [SECTION] Field helpers

std::string EditorScreen::problemText(std::string_view field) const
{
    const DraftProblem* p = m_module.problemOf(field);
    if (!p) return {};
    const Strings& s = strings();
    const std::string key = "editor.problem." + p->code;
    std::string lo = formatNumber(s, p->min), hi = formatNumber(s, p->max);
    if (field == "price_minor") {
        lo = formatPrice(s, Money{p->min, m_module.state().draft.currency});
        hi = formatPrice(s, Money{p->max, m_module.state().draft.currency});
    } else if (field == "mileage_km") {
        lo = formatKm(s, p->min);
        hi = formatKm(s, p->max);
    } else if (field == "engine_litres") {
        lo = formatEngine(s, static_cast<double>(p->min) / 10);
        hi = formatEngine(s, static_cast<double>(p->max) / 10);
    } else if (field == "year") {
        lo = std::to_string(p->min);
        hi = std::to_string(p->max);
    }
    return s.format(key, {{"min", lo}, {"max", hi}, {"count", std::to_string(p->min)}});
}

float EditorScreen::fieldLabel(const char* text, float x, float y, float width)
{
    drawText(ImGui::GetWindowDrawList(), Font::Bold, ImVec2(x, y), color::kText, text, width);
    return textSize(Font::Bold, text, width).y + em(0.375f);
}

std::function<void(const std::string&)> EditorScreen::into(std::string ListingDraft::*member)
{
    return [this, member](const std::string& v) { m_module.edit([&](ListingDraft& d) { d.*member = v; }); };
}

float EditorScreen::textInput(const char* field, const char* labelKey, const std::string& value,
                              const std::function<void(const std::string&)>& changed, float x, float y, float width,
                              FieldOptions o, const std::string& hint)
{
    const Strings& s = strings();
    const std::string id = std::string("editor.") + field;
    const char* text = s.get(labelKey);
    float yy = y + fieldLabel(text, x, y, width);
    const std::string problem = problemText(field);
    o.label = text;
    o.invalid = !problem.empty() && m_module.problemOf(field)->level == ProblemLevel::Error;
    o.describedBy = !problem.empty() ? id + ".error" : hint.empty() ? std::string() : id + ".hint";
    if (o.height == 0) o.height = tapSize(em(2.75f));
    std::string buffer = value;
    ImGui::SetCursorScreenPos(ImVec2(x, yy));
    if (textField(id.c_str(), "", buffer, width, o)) changed(buffer);
    yy = ImGui::GetItemRectMax().y + em(0.375f);
    yy += underField(id, problem, hint, ImVec2(x, yy), width);
    return yy - y;
}

float EditorScreen::numberField(const NumberField& f, float x, float y, float width)
{
    const Strings& s = strings();
    const std::string id = std::string("editor.") + f.field;
    const char* text = s.get(f.labelKey);
    float yy = y + fieldLabel(text, x, y, width);
    // While typed in, the field keeps its own text ("2." on the way to "2.5").
    ImGui::PushID(id.c_str());
    const ImGuiID imguiId = ImGui::GetID("##field");
    ImGui::PopID();
    std::string& buffer = m_text[f.field];
    if (GImGui->ActiveId != imguiId) {
        if (!f.value)
            buffer.clear();
        else if (f.decimal) {
            char b[16];
            std::snprintf(b, sizeof b, "%.1f", static_cast<double>(*f.value) / 10);
            buffer = b;
        } else {
            buffer = std::to_string(*f.value);
        }
    }
    const std::string problem = problemText(f.field);
    FieldOptions o;
    o.digitsOnly = !f.decimal;
    o.decimal = f.decimal;
    o.maxChars = f.maxChars;
    o.suffix = f.suffix;
    o.label = text;
    o.invalid = !problem.empty() && m_module.problemOf(f.field)->level == ProblemLevel::Error;
    o.describedBy = problem.empty() ? std::string() : id + ".error";
    o.height = tapSize(em(2.75f));
    ImGui::SetCursorScreenPos(ImVec2(x, yy));
    if (textField(id.c_str(), "", buffer, width, o)) {
        std::optional<std::int64_t> v;
        std::string digits = buffer;
        std::replace(digits.begin(), digits.end(), ',', '.');
        if (!digits.empty() && digits != ".") {
            if (f.decimal)
                v = static_cast<std::int64_t>(std::lround(std::atof(digits.c_str()) * 10));
            else if (digits.size() <= 15)
                v = std::stoll(digits);
        }
        m_module.edit([&](ListingDraft& d) { f.set(d, v); });
    }
    yy = ImGui::GetItemRectMax().y + em(0.375f);
    yy += underField(id, problem, {}, ImVec2(x, yy), width);
    return yy - y;
}

float EditorScreen::choice(const char* field, const char* labelKey, const std::string& selected,
                           const std::vector<std::pair<std::string, std::string>>& options,
                           const std::function<void(const std::string&)>& pick, float x, float y, float width)
{
    const Strings& s = strings();
    const std::string id = std::string("editor.") + field;
    const char* text = s.get(labelKey);
    float yy = y + fieldLabel(text, x, y, width);
    std::string preview = s.get("editor.choose");
    for (const auto& [value, name] : options)
        if (value == selected) preview = name;
    ImGui::SetCursorScreenPos(ImVec2(x, yy));
    if (beginCombo(id.c_str(), text, preview.c_str(), width)) {
        for (const auto& [value, name] : options)
            if (comboOption(id.c_str(), value, name.c_str(), value == selected)) pick(value);
        endCombo();
    }
    yy = ImGui::GetItemRectMax().y + em(0.375f);
    yy += underField(id, problemText(field), {}, ImVec2(x, yy), width);
    return yy - y;
}

} // namespace dongelek::ui

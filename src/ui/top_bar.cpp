// Top bar: wordmark, search (debounced like every text filter, Enter applies at once and
// returns to the results from a listing) and the EN / RU / KZ language switcher.

#include "ui/top_bar.hpp"

#include "client/features/browse/browse_module.hpp"
#include "core/limits.hpp"
#include "ui/screen.hpp"
#include "ui/test_hook.hpp"
#include "ui/widgets.hpp"

#include <algorithm>

namespace dongelek::ui {

float TopBar::height() { return em(4.0f); }

float TopBar::draw(UiContext& ui)
{
    AppController& app = ui.app;
    const SharedState& shared = app.shared();
    const Strings& s = shared.strings;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float w = ImGui::GetIO().DisplaySize.x;
    const float h = height();
    const PageLayout layout = PageLayout::compute(w);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(origin, ImVec2(origin.x + w, origin.y + h), col(color::kSurface));
    dl->AddLine(ImVec2(origin.x, origin.y + h - 0.5f), ImVec2(origin.x + w, origin.y + h - 0.5f), col(color::kBorder));
    const float cy = origin.y + h * 0.5f;

    // Wordmark (also "home": back to the results).
    const bool tiny = w < em(30);
    const char* brand = s.get("app.name");
    const float brandW = em(2.375f) + (tiny ? 0.0f : textSize(Font::Large, brand).x);
    ImGui::SetCursorScreenPos(ImVec2(layout.left, cy - em(1.25f)));
    if (pressable("home", ImVec2(brandW, em(2.5f))).clicked && !app.isHome()) app.back();
    ItemInfo homeInfo;
    homeInfo.role = Role::Link;
    homeInfo.href = "/";
    hookItem("home", brand, nullptr, homeInfo);
    drawIcon(dl, Icon::Wheel, ImVec2(layout.left + em(0.875f), cy), em(1.75f), color::kAccent);
    if (!tiny) drawText(dl, Font::Large, ImVec2(layout.left + em(2.375f), cy - em(0.9375f)), color::kText, brand);

    // Language switcher on the right (drawn after the search, so Tab meets them in visual order).
    const float langBtn = em(2.5f);
    const float langW = langBtn * static_cast<float>(shared.languages.size());
    const float right = layout.left + layout.width;
    float x = right - langW;
    // Search in between.
    const float searchX = layout.left + brandW + (layout.narrow ? em(1.0f) : em(2.5f));
    const float searchW = std::min(em(36), right - langW - em(1.0f) - searchX);
    BrowseModule* browse = app.find<BrowseModule>();
    if (browse && searchW > em(6)) {
        const float fieldHalf = tapSize(em(2.5f)) * 0.5f;
        const ListingFilter& draft = browse->draftFilter();
        if (!m_editing && m_query != draft.query) m_query = draft.query;
        ImGui::SetCursorScreenPos(ImVec2(searchX, cy - fieldHalf));
        // "/" jumps to the search, as on most sites: on the key's release, so the "/" typed with
        // it has gone by. The field takes the focus a frame later; what is typed meanwhile is
        // kept and handed to it then, so "/kia" typed fast searches for "kia".
        ImGuiIO& io = ImGui::GetIO();
        if (!io.WantTextInput && ImGui::IsKeyReleased(ImGuiKey_Slash)) {
            ImGui::SetKeyboardFocusHere();
            m_focusing = true;
        }
        if (m_focusing && !m_editing) {
            for (ImWchar c : io.InputQueueCharacters) m_typedEarly.push_back(c);
            io.InputQueueCharacters.resize(0);
        } else if (m_editing && !m_typedEarly.empty()) {
            ImVector<ImWchar> queued;
            for (ImWchar c : m_typedEarly) queued.push_back(c);
            for (ImWchar c : io.InputQueueCharacters) queued.push_back(c);
            io.InputQueueCharacters.swap(queued);
            m_typedEarly.clear();
        }
        if (m_editing || ImGui::IsKeyPressed(ImGuiKey_Escape)) m_focusing = false;
        FieldOptions fo;
        fo.hasIcon = true;
        fo.icon = Icon::Search;
        fo.height = tapSize(em(2.5f));
        fo.maxChars = limits::kQueryMaxChars;
        fo.inputMode = "search";
        const bool changed = textField("search.query", s.get("search.placeholder"), m_query, searchW, fo);
        m_editing = ImGui::IsItemActive();
        const bool committed = ImGui::IsItemDeactivatedAfterEdit() || (m_editing && ImGui::IsKeyPressed(ImGuiKey_Enter));
        if (changed || committed) {
            ListingFilter f = draft;
            f.query = m_query;
            browse->editFilter(f, !committed);
        }
        // Searching from another screen takes you to the results.
        if (committed && !app.isCurrent(*browse)) app.back();
    }

    // Language switcher.
    for (const LanguageInfo& lang : shared.languages) {
        ButtonOptions o;
        o.kind = ButtonKind::Ghost;
        o.selected = lang.code == shared.lang;
        o.font = o.selected ? Font::Bold : Font::Regular;
        o.size = ImVec2(langBtn, tapSize(em(2.0f)));
        ImGui::SetCursorScreenPos(ImVec2(x, cy - o.size.y * 0.5f));
        const std::string id = "lang." + lang.code;
        if (button(id.c_str(), lang.short_, o)) app.setLanguage(lang.code);
        tooltip(lang.name.c_str());
        x += langBtn;
    }

    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(ImVec2(w, h));
    return h;
}

} // namespace dongelek::ui

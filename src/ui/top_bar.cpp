// Top bar: wordmark, search (debounced like every text filter, Enter applies at once and
// returns to the results from a listing), the EN / RU / KZ language switcher and the account menu.

#include "ui/top_bar.hpp"

#include "client/features/browse/browse_module.hpp"
#include "core/limits.hpp"
#include "core/text_format.hpp"
#include "core/routes/account_routes.hpp"
#include "ui/screen.hpp"
#include "ui/test_hook.hpp"
#include "ui/widgets.hpp"

#include <imgui_internal.h>

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

    // Language switcher and account menu on the right (drawn after the search, so Tab meets them
    // in visual order). The narrowest phones get one language button with a menu.
    const bool compactLanguages = w < em(26);
    const bool compactAccount = layout.narrow;
    const float langBtn = em(2.5f);
    const float langW = compactLanguages ? em(3.25f) : langBtn * static_cast<float>(shared.languages.size());
    const float accountW = drawAccount(ui, 0, cy, compactAccount, true);

    float itemsW = 0; // the features' buttons (addItem), between the languages and the account
    for (const BarItem& item : m_items) {
        const float iw = item(ui, 0, cy, compactAccount, true);
        if (iw > 0) itemsW += iw + em(0.25f);
    }
    float right = layout.left + layout.width - (accountW > 0 ? accountW + em(0.5f) : 0.0f) - itemsW;
    const float itemsEnd = right + itemsW;
    // Saved cars: a heart after the languages (room kept now, drawn after them: Tab follows the eye).
    // On a phone with the features' buttons (the bell) there is no room for it and the search:
    // the account menu's "Saved cars" link takes its place.
    const bool heartShown = !(layout.narrow && itemsW > 0);
    const float heartW = heartShown ? tapSize(em(2.5f)) : 0.0f;
    const float heartX = right - heartW;
    if (heartShown) right -= heartW + em(0.25f);
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
        fo.ownsArrows = true;
        const BrowseState& bs = browse->state();
        const bool listShown = bs.suggestionsOpen && bs.suggestions.has() && !bs.suggestions.value().items.empty();
        const int listSize = listShown ? static_cast<int>(bs.suggestions.value().items.size()) : 0;
        const bool wasEditing = m_editing;
        const bool changed = textField("search.query", s.get("search.placeholder"), m_query, searchW, fo);
        const ImVec2 fieldMin = ImGui::GetItemRectMin(), fieldMax = ImGui::GetItemRectMax();
        m_editing = ImGui::IsItemActive();
        const bool enter = (m_editing || wasEditing) && ImGui::IsKeyPressed(ImGuiKey_Enter, false);
        // Arrows move through the suggestions; Enter on one opens it; Escape closes the list.
        if (listShown && (m_editing || wasEditing)) {
            if (ImGui::IsKeyPressed(ImGuiKey_DownArrow)) m_highlight = std::min(m_highlight + 1, listSize - 1);
            if (ImGui::IsKeyPressed(ImGuiKey_UpArrow)) m_highlight = std::max(m_highlight - 1, -1);
        }
        if (!listShown) m_highlight = -1;
        if (changed) {
            m_highlight = -1;
            browse->typeQuery(m_query);
        }
        if (ImGui::IsKeyPressed(ImGuiKey_Escape)) {
            browse->closeSuggestions();
            m_highlight = -1;
        }
        if (enter && listShown && m_highlight >= 0 && m_highlight < listSize) {
            const Suggestion chosen = bs.suggestions.value().items[static_cast<std::size_t>(m_highlight)];
            m_highlight = -1;
            m_editing = false;
            ImGui::ClearActiveID();
            m_query.clear();
            browse->chooseSuggestion(chosen);
        } else {
            const bool committed = ImGui::IsItemDeactivatedAfterEdit() || (m_editing && enter);
            if (changed || committed) {
                ListingFilter f = draft;
                f.query = m_query;
                browse->editFilter(f, !committed);
            }
            if (committed && enter) browse->closeSuggestions();
            // Searching from another screen takes you to the results.
            if (committed && !app.isCurrent(*browse)) app.back();
            drawSuggestions(ui, fieldMin, fieldMax);
        }
    }

    // Language switcher.
    if (compactLanguages) {
        drawLanguageMenu(ui, x, cy);
    } else {
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
    }
    if (heartShown) {
        ButtonOptions heart;
        heart.kind = ButtonKind::Ghost;
        heart.hasIcon = true;
        heart.icon = Icon::Heart;
        heart.href = "/favorites";
        heart.name = s.get("topbar.favorites");
        heart.size = ImVec2(heartW, heartW);
        ImGui::SetCursorScreenPos(ImVec2(heartX, cy - heartW * 0.5f));
        if (button("topbar.favorites", "", heart)) app.navigate("/favorites");
        tooltip(heart.name.c_str());
    }
    float itemRight = itemsEnd;
    for (const BarItem& item : m_items) {
        const float iw = item(ui, itemRight, cy, compactAccount, true);
        if (iw <= 0) continue;
        item(ui, itemRight, cy, compactAccount, false);
        itemRight -= iw + em(0.25f);
    }
    drawAccount(ui, layout.left + layout.width, cy, compactAccount, false);

    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(ImVec2(w, h));
    return h;
}

void TopBar::drawSuggestions(UiContext& ui, ImVec2 fieldMin, ImVec2 fieldMax)
{
    BrowseModule* browse = ui.app.find<BrowseModule>();
    const BrowseState& bs = browse->state();
    const Strings& s = ui.app.shared().strings;
    const bool shown = bs.suggestionsOpen && bs.suggestions.has() && !bs.suggestions.value().items.empty();
    if (!shown) {
        m_suggestMin = m_suggestMax = ImVec2(0, 0);
        return;
    }
    // A press outside the field and the list closes it (the list itself takes its own clicks).
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    const auto inside = [&](ImVec2 a, ImVec2 b) { return mouse.x >= a.x && mouse.x < b.x && mouse.y >= a.y && mouse.y < b.y; };
    if (ImGui::IsMouseClicked(0) && !inside(fieldMin, fieldMax) && !inside(m_suggestMin, m_suggestMax)) {
        browse->closeSuggestions();
        return;
    }
    const std::vector<Suggestion>& items = bs.suggestions.value().items;
    const float w = std::max(fieldMax.x - fieldMin.x, em(18));
    const float rowH = tapSize(em(2.5f));
    ImGui::SetNextWindowPos(ImVec2(fieldMin.x, fieldMax.y + em(0.25f)));
    ImGui::SetNextWindowSize(ImVec2(w, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(em(0.375f), em(0.375f)));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 1.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, em(0.5f));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImGui::ColorConvertU32ToFloat4(color::kSurface));
    ImGui::PushStyleColor(ImGuiCol_Border, ImGui::ColorConvertU32ToFloat4(color::kBorderStrong));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_AlwaysAutoResize |
                                   ImGuiWindowFlags_NoNav;
    if (ImGui::Begin("##search.suggestions", nullptr, flags)) {
        ImGui::BringWindowToDisplayFront(ImGui::GetCurrentWindow());
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const float inner = w - em(0.75f);
        for (std::size_t i = 0; i < items.size(); ++i) {
            const Suggestion& sug = items[i];
            const ImVec2 pos = ImGui::GetCursorScreenPos();
            ImGui::PushID(static_cast<int>(i));
            const Press p = pressable("##suggestion", ImVec2(inner, rowH));
            ImGui::PopID();
            const std::string href = browse->suggestionAddress(sug);
            ItemInfo info;
            info.role = Role::Link;
            info.href = href;
            info.selected = static_cast<int>(i) == m_highlight;
            info.detail = formatCount(s, "browse.total", sug.count);
            hookItem("suggest:" + std::to_string(i), sug.text, nullptr, info);
            const bool lit = p.hovered || static_cast<int>(i) == m_highlight;
            if (lit) dl->AddRectFilled(pos, ImVec2(pos.x + inner, pos.y + rowH), col(color::kAccentSoft), em(0.375f));
            const Icon icon = sug.kind == SuggestionKind::Search ? Icon::Search : Icon::Wheel;
            drawIcon(dl, icon, ImVec2(pos.x + em(1.0f), pos.y + rowH * 0.5f), em(0.95f), color::kTextMuted);
            const std::string count = formatNumber(s, sug.count);
            const float cw = textSize(Font::Small, count).x;
            drawText(dl, Font::Small, ImVec2(pos.x + inner - cw - em(0.625f), pos.y + (rowH - em(0.875f)) * 0.5f - 1),
                     color::kTextSubtle, count);
            const char* kindKey = sug.kind == SuggestionKind::Make    ? "search.kind.make"
                                  : sug.kind == SuggestionKind::Model ? "search.kind.model"
                                                                      : "search.kind.search";
            const float tx = pos.x + em(2.0f);
            const std::string text = ellipsize(Font::Regular, sug.text, inner - em(2.0f) - cw - em(6.0f));
            drawText(dl, Font::Regular, ImVec2(tx, pos.y + (rowH - em()) * 0.5f - 1), lit ? color::kAccent : color::kText, text);
            const float kx = tx + textSize(Font::Regular, text).x + em(0.5f);
            drawText(dl, Font::Small, ImVec2(kx, pos.y + (rowH - em(0.875f)) * 0.5f - 1), color::kTextSubtle, s.get(kindKey));
            if (p.clicked) {
                m_highlight = -1;
                m_query.clear();
                browse->chooseSuggestion(sug);
                break;
            }
        }
        m_suggestMin = ImGui::GetWindowPos();
        m_suggestMax = ImVec2(m_suggestMin.x + ImGui::GetWindowSize().x, m_suggestMin.y + ImGui::GetWindowSize().y);
    }
    ImGui::End();
    ImGui::PopStyleColor(2);
    ImGui::PopStyleVar(4);
}

void TopBar::drawLanguageMenu(UiContext& ui, float x, float cy)
{
    AppController& app = ui.app;
    const SharedState& shared = app.shared();
    std::string current = shared.lang;
    for (const LanguageInfo& l : shared.languages)
        if (l.code == shared.lang) current = l.short_;
    ButtonOptions o;
    o.kind = ButtonKind::Ghost;
    o.font = Font::Bold;
    o.size = ImVec2(em(3.25f), tapSize(em(2.0f)));
    o.name = shared.strings.get("topbar.language");
    ImGui::SetCursorScreenPos(ImVec2(x, cy - o.size.y * 0.5f));
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    if (button("lang.menu", current, o)) ImGui::OpenPopup("##lang.menu");
    ImGui::SetNextWindowPos(ImVec2(pos.x + o.size.x, pos.y + o.size.y + em(0.25f)), ImGuiCond_Always, ImVec2(1, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(em(0.5f), em(0.5f)));
    if (ImGui::BeginPopup("##lang.menu")) {
        for (const LanguageInfo& lang : shared.languages) {
            ButtonOptions item;
            item.kind = ButtonKind::Ghost;
            item.selected = lang.code == shared.lang;
            item.size = ImVec2(em(10), tapSize(em(2.25f)));
            const std::string id = "lang." + lang.code;
            if (button(id.c_str(), lang.name, item)) {
                app.setLanguage(lang.code);
                ImGui::CloseCurrentPopup();
            }
        }
        ImGui::EndPopup();
    }
    ImGui::PopStyleVar();
}

float TopBar::drawAccount(UiContext& ui, float right, float cy, bool compact, bool measureOnly)
{
    AppController& app = ui.app;
    const Session& session = app.session();
    const Strings& s = app.shared().strings;
    // Until the start-up refresh answers, the room of the signed-out links is kept (most visitors
    // are signed out), so nothing in the bar moves under the pointer when they appear.
    const bool unknown = session.phase() == SessionPhase::Unknown;
    if (unknown && compact) return tapSize(em(2.5f));
    // The way back: the page on screen (the sign-in pages themselves give none).
    const std::string next = safeReturnPath(app.current().url());
    const std::string signIn = SignInRoute{SignInRoute::Method::Password, next}.url();
    const std::string join = RegisterRoute{next}.url();
    const float btnH = tapSize(em(2.25f));
    const User* user = session.user() ? &*session.user() : nullptr;

    if (!user && !compact) {
        // Two links in the bar.
        ButtonOptions in;
        in.kind = ButtonKind::Ghost;
        in.href = signIn;
        in.size = ImVec2(0, btnH);
        ButtonOptions reg;
        reg.kind = ButtonKind::Secondary;
        reg.href = join;
        reg.size = ImVec2(0, btnH);
        const char* inText = s.get("topbar.sign_in");
        const char* regText = s.get("topbar.register");
        const float inW = buttonWidth(inText, in), regW = buttonWidth(regText, reg);
        const float total = inW + em(0.5f) + regW;
        if (measureOnly || unknown) return total;
        float x = right - total;
        ImGui::SetCursorScreenPos(ImVec2(x, cy - btnH * 0.5f));
        if (button("account.sign_in", inText, in)) app.navigate(signIn);
        x += inW + em(0.5f);
        ImGui::SetCursorScreenPos(ImVec2(x, cy - btnH * 0.5f));
        if (button("account.register", regText, reg)) app.navigate(join);
        return total;
    }

    // One button that opens the menu: the icon alone on phones, else the name too.
    ButtonOptions o;
    o.kind = ButtonKind::Ghost;
    o.hasIcon = true;
    o.icon = Icon::User;
    o.font = Font::Regular;
    o.size = ImVec2(0, btnH);
    std::string text;
    if (user && !compact) text = ellipsize(Font::Regular, user->displayName.empty() ? user->email : user->displayName, em(9));
    o.name = user ? s.format("topbar.account_of", {{"name", user->displayName}}) : std::string(s.get("topbar.account"));
    const float bw = text.empty() ? tapSize(em(2.5f)) : buttonWidth(text, o) + em(1.0f);
    if (measureOnly) return bw;
    o.size.x = bw;
    const ImVec2 pos(right - bw, cy - btnH * 0.5f);
    ImGui::SetCursorScreenPos(pos);
    if (button("account.menu", text, o)) ImGui::OpenPopup("##account.menu");
    if (!text.empty()) // a chevron: it opens a menu
        drawIcon(ImGui::GetWindowDrawList(), Icon::ChevronDown, ImVec2(pos.x + bw - em(0.9f), cy), em(0.8f), color::kTextMuted);
    tooltip(o.name.c_str());

    ImGui::SetNextWindowPos(ImVec2(pos.x + bw, pos.y + btnH + em(0.25f)), ImGuiCond_Always, ImVec2(1, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(em(0.5f), em(0.5f)));
    if (ImGui::BeginPopup("##account.menu")) {
        const float itemW = em(15);
        const auto item = [&](const char* id, const char* key, const std::string& href, Icon icon) {
            ButtonOptions b;
            b.kind = ButtonKind::Ghost;
            b.href = href;
            b.hasIcon = true;
            b.icon = icon;
            b.font = Font::Regular;
            b.size = ImVec2(itemW, tapSize(em(2.25f)));
            if (button(id, s.get(key), b)) {
                ImGui::CloseCurrentPopup();
                if (!href.empty()) app.navigate(href);
                return true;
            }
            return false;
        };
        if (user) {
            ImDrawList* dl = ImGui::GetWindowDrawList();
            const ImVec2 at = ImGui::GetCursorScreenPos();
            const std::string name = ellipsize(Font::Bold, user->displayName, itemW - em(1));
            const std::string mail = ellipsize(Font::Small, user->email, itemW - em(1));
            drawText(dl, Font::Bold, ImVec2(at.x + em(0.5f), at.y + em(0.25f)), color::kText, name);
            drawText(dl, Font::Small, ImVec2(at.x + em(0.5f), at.y + em(1.5f)), color::kTextMuted, mail);
            hookRect("account.menu.who", user->displayName, at, ImVec2(at.x + itemW, at.y + em(2.75f)), user->email.c_str(),
                     withRole(Role::Text));
            ImGui::Dummy(ImVec2(itemW, em(3.0f)));
            item("account.menu.account", "topbar.your_account", kProfileRoute.url(), Icon::User);
            item("account.menu.security", "account.tabs.security", kSecurityRoute.url(), Icon::Shield);
            item("account.menu.sessions", "account.tabs.sessions", kSessionsRoute.url(), Icon::Devices);
            for (const MenuLink& link : m_accountLinks)
                item(link.hookId.c_str(), link.textKey.c_str(), link.href, Icon::Search);
            ImGui::Separator();
            if (item("account.menu.sign_out", "account.sign_out.button", "", Icon::SignOut)) app.signOut();
        } else {
            item("account.sign_in", "topbar.sign_in", signIn, Icon::User);
            item("account.register", "topbar.register", join, Icon::Check);
        }
        ImGui::EndPopup();
    }
    ImGui::PopStyleVar();
    return bw;
}

} // namespace dongelek::ui

// The bar across the top of every screen: the Dongelek wordmark (home), the search field
// (the browse feature's free text, when that feature is registered), the language switcher
// (one button with a menu on the narrowest phones) and the account menu: "Sign in" and
// "Register" while signed out, the user's name with their account pages and "Sign out" while
// signed in. Under the search field, suggestions for what is typed (arrows + Enter, a tap, or
// Escape to close). Owns only UI state: the search text being typed, the highlighted suggestion.
#pragma once

#include <imgui.h>

#include <functional>
#include <string>
#include <vector>

namespace dongelek::ui {

struct UiContext;

class TopBar {
public:
    // Draws at the top of the current window; returns the bar's height.
    float draw(UiContext& ui);
    static float height();

    // [SECTION] What features add (registered once, by a feature's screen when it is made)
    // A button of a feature's own left of the account menu (the notifications bell). `draw` is
    // asked for its width with `measureOnly` (nothing drawn) and then draws with its right edge
    // at `right`, centred on `cy`; a width of 0 takes no room (signed out).
    using BarItem = std::function<float(UiContext& ui, float right, float cy, bool compact, bool measureOnly)>;
    void addItem(BarItem item) { m_items.push_back(std::move(item)); }
    // A link in the signed-in account menu, after the account pages ("Saved searches").
    struct MenuLink {
        std::string hookId;
        std::string textKey;
        std::string href;
    };
    void addAccountLink(MenuLink link) { m_accountLinks.push_back(std::move(link)); }

private:
    // The account part, right-aligned at `right`; returns its width (also when only measuring).
    float drawAccount(UiContext& ui, float right, float cy, bool compact, bool measureOnly);
    void drawLanguageMenu(UiContext& ui, float x, float cy);
    // The suggestions under the search field (a window of its own, over the screen).
    void drawSuggestions(UiContext& ui, ImVec2 fieldMin, ImVec2 fieldMax);

    std::vector<BarItem> m_items;
    std::vector<MenuLink> m_accountLinks;
    std::string m_query;
    bool m_editing = false;
    bool m_focusing = false;             // "/" was pressed: the field gets the focus next frame
    std::vector<ImWchar> m_typedEarly;   // typed before it did
    int m_highlight = -1;                // the suggestion the arrow keys are on, -1 none
    ImVec2 m_suggestMin{0, 0}, m_suggestMax{0, 0}; // last frame's list, for clicks outside it
};

} // namespace dongelek::ui

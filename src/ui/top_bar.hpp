// The bar across the top of every screen: the Dongelek wordmark (home), the search field
// (the browse feature's free text, when that feature is registered), the language switcher
// (one button with a menu on the narrowest phones) and the account menu: "Sign in" and
// "Register" while signed out, the user's name with their account pages and "Sign out" while
// signed in. Owns only UI state: the search text being typed.
#pragma once

#include <imgui.h>

#include <string>
#include <vector>

namespace dongelek::ui {

struct UiContext;

class TopBar {
public:
    // Draws at the top of the current window; returns the bar's height.
    float draw(UiContext& ui);
    static float height();

private:
    // The account part, right-aligned at `right`; returns its width (also when only measuring).
    float drawAccount(UiContext& ui, float right, float cy, bool compact, bool measureOnly);
    void drawLanguageMenu(UiContext& ui, float x, float cy);

    std::string m_query;
    bool m_editing = false;
    bool m_focusing = false;             // "/" was pressed: the field gets the focus next frame
    std::vector<ImWchar> m_typedEarly;   // typed before it did
};

} // namespace dongelek::ui

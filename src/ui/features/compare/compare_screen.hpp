// The comparison page (/compare?ids=...): one column per car, a row per fact, the best value of
// each comparable row highlighted, "differences only". On a phone the cars scroll sideways in
// a horizontal region while the first column (the row names) stays. Also the compare tray: a
// bar at the bottom of every other screen while cars are picked (remove, "Compare", the
// message when a sixth is refused).
#pragma once

#include "client/features/compare/compare_module.hpp"
#include "ui/screen.hpp"

namespace dongelek::ui {

class CompareScreen : public Screen {
public:
    CompareScreen(UiContext& ui, CompareModule& module);

protected:
    void drawContent() override;

private:
    void drawTable(const Comparison& c, float width);
    static void drawTray(UiContext& ui, CompareModule& module);

    CompareModule& m_module;
};

} // namespace dongelek::ui

// The loan calculator screen (/listing/<id>/finance): the buyer's terms (price, down payment as
// a percent or an amount, trade-in, term with the common choices, rate, repayment type, fees and
// insurance) and what they give (the monthly payment, totals, the effective rate as the
// country discloses it, a principal/interest chart, early repayment both ways, the whole
// schedule). Desktop: the terms on the left, the results on the right; phones: one column
// under a bar that keeps the payment in sight while typing. Every field is a real text input
// in the page's mirror; a field's problem is written under it and the last good result stays,
// dimmed. The screen only draws: every value comes from FinanceModule.
// Files: finance_screen.cpp (layout, the terms), finance_results.cpp (results, chart,
// early repayment, schedule).
#pragma once

#include "client/features/finance/finance_module.hpp"
#include "ui/screen.hpp"
#include "ui/widgets.hpp"

#include <imgui.h>

#include <cstdint>
#include <string>
#include <vector>

namespace dongelek::ui {

class FinanceScreen : public Screen {
public:
    FinanceScreen(UiContext& ui, FinanceModule& module);
    std::string errorText() const override; // "Listing not found" rather than a generic 404

protected:
    void drawContent() override;

private:
    // Each block draws at the cursor, `width` wide, and returns its height.
    float drawHeader(float width);
    float drawTerms(float width);        // price, down payment, trade-in, term, rate, repayment type
    float drawFees(float width);         // one-time fee, monthly fee, insurance
    float drawResult(float width);       // finance_results.cpp
    // finance_apply.cpp: the partner banks' offers, the application form (signed in), the
    // buyer's applications for this listing with their status.
    float drawApply(float width);
    float applicantField(ApplicantField f, const char* label, float x, float y, float width, FieldOptions options);
    float drawChart(float width);        // finance_results.cpp
    float drawEarly(float width);        // finance_results.cpp
    float drawSchedule(float width);     // finance_results.cpp
    void drawPhoneBar(float top, float width); // finance_results.cpp: the payment over the page on phones
    static float phoneBarHeight();

    // A labelled text field for `field` at (x, y), `width` wide, its problem (or `hint`) under
    // it; `trailing` leaves room on the right for buttons beside it. Returns the height used.
    float field(FinanceField field, const char* label, float x, float y, float width, FieldOptions options,
                const std::string& hint = {}, float trailing = 0.0f);
    // The % / amount pair beside a field; returns which was pressed (-1 none, 1 percent, 0 amount).
    int kindButtons(const char* hookId, bool percent, ImVec2 pos, float height);
    const char* unit() const; // "₸" or "BD"
    // Amounts as the table and chart show them: "361 523,96" (the unit is in the header).
    std::string plainAmount(std::int64_t minor) const;
    std::string price(std::int64_t minor) const; // "361 523,96 ₸"

    FinanceModule& m_module;
    std::uint64_t m_visit = 0;      // the form's visit the fields were drawn for
    std::int64_t m_scrolledFor = 0; // the listing the scroll position belongs to
    // Enter in a field moves the keyboard to the next one (the order they were drawn in).
    std::vector<FinanceField> m_order;
    int m_focusNext = -1;
    int m_chartMonth = -1; // the month the chart's readout shows (hovered or tapped), 0-based
    std::int64_t m_revealedSent = 0; // the application whose statuses were scrolled into view
};

} // namespace dongelek::ui

// What a car really costs (/listing/<id>/costs): the buyer's inputs (engine volume or empty
// weight, the yearly distance and consumption, the driver, the region and bonus-malus class)
// and what they give: the monthly total beside the loan, a year of ownership, the insurance
// quote (compulsory and full cover) and getting the car on the road (the Kazakh customs
// clearance of an import from outside the EAEU, or the Bahraini registration and transfer
// fees), each as a breakdown whose lines add up to its total, with the tariffs' sources.
// Desktop: the inputs on the left, the estimates on the right; phones: one column. The screen
// only draws: every value comes from CostsModule.
// Files: costs_screen.cpp (layout, header, inputs), costs_sections.cpp (the breakdowns).
#pragma once

#include "client/features/costs/costs_module.hpp"
#include "ui/screen.hpp"
#include "ui/widgets.hpp"

#include <string>
#include <vector>

namespace dongelek::ui {

class CostsScreen : public Screen {
public:
    CostsScreen(UiContext& ui, CostsModule& module);
    std::string errorText() const override;

protected:
    void drawContent() override;

private:
    // Each block draws at the cursor, `width` wide, and returns its height.
    float drawHeader(float width);
    float drawInputs(float width);
    float drawSummary(float width);   // costs_sections.cpp
    float drawOwnership(float width); // costs_sections.cpp
    float drawInsurance(float width); // costs_sections.cpp
    float drawOnTheRoad(float width); // costs_sections.cpp: customs (KZ) or registration (BH)

    // A labelled text field for `field` at (x, y); its problem or `hint` under it. Returns the
    // height used.
    float field(CostsField field, const char* label, float x, float y, float width, FieldOptions options,
                const std::string& hint = {});
    // The lines of `b` with the total under them (or its problems); returns the height.
    float breakdown(const char* hookId, const finance::CostBreakdown& b, const char* totalKey, float x, float y,
                    float width);
    // "Tariffs valid from …, sources: …" under a section; returns the height.
    float sources(const char* hookId, const std::vector<const finance::TariffInfo*>& files, float x, float y,
                  float width);
    std::string price(const Money& m) const;

    CostsModule& m_module;
    std::uint64_t m_visit = 0;
    std::int64_t m_scrolledFor = 0;
    std::vector<CostsField> m_order; // Enter in a field moves on to the next one
    int m_focusNext = -1;
};

} // namespace dongelek::ui

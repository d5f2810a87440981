// The browse screen's filter panel: makes and models (several at once), year, price + currency,
// mileage, engine volume, power, body, fuel, transmission, drive, colour, condition, steering,
// owners, seller, posted within, the yes/no facts (customs, accidents, photos, 360°, VIN) and
// city (grouped by country), with Reset. Every option shows its live count from the module's
// facets (dimmed at 0). Owns only the text buffers.
#pragma once

#include "client/features/browse/browse_module.hpp"
#include "client/shared_state.hpp"

#include <optional>
#include <string>

namespace dongelek::ui {

class FilterPanel {
public:
    // Draws the fields `width` wide at the cursor. Edits go to the browse module (text fields
    // debounced, combos at once). Returns the height used.
    float draw(const SharedState& shared, BrowseModule& browse, float width);
    // How many filters differ from the defaults (for the "Filters (3)" button).
    static int activeCount(const ListingFilter& f);

private:
    // A number field's text, kept while the user types and re-synced from the filter otherwise.
    struct NumberBuffer {
        std::string text;
        bool editing = false;
    };
    NumberBuffer m_yearFrom, m_yearTo, m_priceFrom, m_priceTo, m_mileage, m_engineFrom, m_engineTo, m_powerFrom,
        m_powerTo;
    NumberBuffer m_monthly, m_loanDown, m_loanTerm, m_loanRate; // "Monthly payment, up to" and its terms
};

} // namespace dongelek::ui

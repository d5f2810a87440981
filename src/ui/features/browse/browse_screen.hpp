// The browse screen: filter panel on the left (behind a "Filters" button on narrow windows),
// the result count, the list/grid toggle, sort order, and the listing cards as one continuous
// list (only the rows in view are laid out; the next page is fetched ahead near the end).
#pragma once

#include "client/features/browse/browse_module.hpp"
#include "ui/features/browse/filter_panel.hpp"
#include "ui/screen.hpp"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace dongelek::ui {

class BrowseScreen : public Screen {
public:
    BrowseScreen(UiContext& ui, BrowseModule& module);

protected:
    void drawContent() override;

private:
    void drawHeader(float x, float y, float width, bool narrow);
    void drawResults(float width);
    // One card, every fact and badge of it drawn here (one place to add a button to cards);
    // returns true when clicked. Its height is cardHeight() for the same width and layout.
    enum class CardLayout { Row, CompactRow, Tile };
    bool drawCard(const ListingSummary& item, float width, CardLayout layout);
    static float cardHeight(float width, CardLayout layout);

    BrowseModule& m_module;
    FilterPanel m_filters;
    bool m_filtersOpen = false;          // narrow layout only
    float m_panelContentHeight = 0;      // last frame's, to size the panel's box
    std::uint64_t m_seenGeneration = 0;  // a new page arrived: scroll where it was last seen, else to the top
    std::string m_shownAddress;          // the search whose page is shown (its scroll is kept under it)
    std::vector<std::pair<std::string, float>> m_scrollByAddress; // recent searches, newest last
};

} // namespace dongelek::ui

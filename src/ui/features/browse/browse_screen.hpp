// The browse screen: filter panel on the left (behind a "Filters" button on narrow windows),
// the result count, sort order, listing cards and the pager.
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
    // One card; returns true when clicked.
    bool drawCard(const ListingSummary& item, float width, bool compact);

    BrowseModule& m_module;
    FilterPanel m_filters;
    bool m_filtersOpen = false;          // narrow layout only
    float m_panelContentHeight = 0;      // last frame's, to size the panel's box
    std::uint64_t m_seenGeneration = 0;  // a new page arrived: scroll where it was last seen, else to the top
    std::string m_shownAddress;          // the search whose page is shown (its scroll is kept under it)
    std::vector<std::pair<std::string, float>> m_scrollByAddress; // recent searches, newest last
};

} // namespace dongelek::ui

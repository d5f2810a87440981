// The listing screen: back button, photo gallery with thumbnails, title and price, seller
// card, specifications grid and the description.
#pragma once

#include "ui/screen.hpp"

#include <cstdint>

namespace dongelek::ui {

class ListingScreen : public Screen {
public:
    explicit ListingScreen(UiContext& ui);

protected:
    void drawContent(AppState& state) override;

private:
    // Each block draws at the cursor, `width` wide, and returns its height.
    float drawGallery(AppState& state, float width);
    float drawSummary(AppState& state, float width);
    float drawSeller(AppState& state, float width);
    float drawSpecs(AppState& state, float width, bool twoColumns);
    float drawDescription(AppState& state, float width);

    std::int64_t m_scrolledFor = 0; // listing id the scroll position belongs to
    int m_thumbScrolledTo = -1;     // photo index the thumbnail strip was scrolled to
    double m_copiedAt = -1e9;       // "Copied" feedback after copying the phone number
};

} // namespace dongelek::ui

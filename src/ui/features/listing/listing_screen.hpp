// The listing screen: back button, photo gallery with thumbnails, title and price, seller
// card, specifications grid and the description.
#pragma once

#include "client/features/listing/listing_module.hpp"
#include "ui/screen.hpp"

#include <cstdint>

namespace dongelek::ui {

class ListingScreen : public Screen {
public:
    ListingScreen(UiContext& ui, ListingModule& module);
    std::string errorText() const override; // "Listing not found" rather than a generic 404

protected:
    void drawContent() override;

private:
    // Each block draws at the cursor, `width` wide, and returns its height.
    float drawGallery(float width);
    float drawSummary(float width);
    float drawSeller(float width);
    float drawSpecs(float width, bool twoColumns);
    float drawDescription(float width);

    ListingModule& m_module;
    std::int64_t m_scrolledFor = 0; // listing id the scroll position belongs to
    int m_thumbScrolledTo = -1;     // photo index the thumbnail strip was scrolled to
    double m_copiedAt = -1e9;       // "Copied" feedback after copying the phone number
};

} // namespace dongelek::ui

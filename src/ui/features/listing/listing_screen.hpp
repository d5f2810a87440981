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
    // The main photo zoomed by a pinch (1 to 4) and panned, until another photo is shown.
    bool updatePhotoZoom(ImVec2 min, ImVec2 max, int photoIndex);
    struct PhotoZoom {
        float zoom = 1.0f;
        ImVec2 pan{0, 0};            // of the zoomed photo's centre from the frame's, px
        int photo = -1;
        bool pinching = false;
        float zoomAtStart = 1.0f;
        ImVec2 panAtStart{0, 0}, centreAtStart{0, 0};
        bool pinchedThisPress = false; // the finger's release ends a pinch, not a tap
    } m_photoZoom;
};

} // namespace dongelek::ui

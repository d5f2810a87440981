// The listing screen: back button, photo gallery (with the full-screen viewer), title and
// price (in the buyer's currency too), the price check, contact ("Show phone", WhatsApp,
// Telegram; a bottom bar on phones), share and report, the seller card, the specifications,
// the description, the seller's other listings and similar cars.
// Each block is its own function drawing at the cursor; drawActions() is where a small
// toggle (favourite, compare) joins Share and Report.
#pragma once

#include "client/features/listing/listing_module.hpp"
#include "ui/features/listing/photo_viewer.hpp"
#include "ui/screen.hpp"

#include <cstdint>
#include <functional>
#include <string>

namespace dongelek::ui {

class ListingScreen : public Screen {
public:
    ListingScreen(UiContext& ui, ListingModule& module);
    std::string errorText() const override; // "Listing not found" rather than a generic 404

    // A screen that shows the page inside its own (the editor's preview, ListingModule's
    // showPreview): `banner` draws at (x, y), `width` wide, where the back button is, and returns
    // its height. drawEmbedded then draws the page from the cursor down.
    using Banner = std::function<float(float x, float y, float width)>;
    void setBanner(Banner banner) { m_banner = std::move(banner); }
    void drawEmbedded() { drawContent(); }

protected:
    void drawContent() override;

private:
    // Each block draws at the cursor, `width` wide, and returns its height.
    float drawGallery(float width);
    float drawSummary(float width);
    float drawContact(float width, bool buttons); // listing_sections.cpp; without buttons: only a problem
    float drawActions(float width);  // Share, Copy link, Report (listing_sections.cpp)
    float drawInsight(float width);  // listing_sections.cpp
    float drawSeller(float width);
    float drawSpecs(float width, bool twoColumns);
    float drawDescription(float width);
    float drawSellerListings(float width); // listing_sections.cpp
    float drawSimilar(float width);        // listing_sections.cpp
    // A titled strip of small listing cards that link to them; `hookPrefix` "similar" gives
    // items "similar:<id>". Returns the height (0 when there is nothing to show).
    float drawCardStrip(const char* hookPrefix, const char* heading, const ListingPage* page, bool loading, float width);
    // Fixed to the bottom of a phone's screen: the contact buttons stay reachable.
    static float contactBarHeight();
    void drawContactBar(float top, float width);
    void drawReportDialog();
    void drawViewer();
    // Shared by the contact card and the bar: buttons (or, once shown, links) side by side.
    void drawContactButtons(const char* idPrefix, float width);
    std::string shareLink() const;      // the listing's absolute address
    std::string contactMessageText() const;

    ListingModule& m_module;
    Banner m_banner;
    std::int64_t m_scrolledFor = 0; // listing id the scroll position belongs to
    int m_thumbScrolledTo = -1;     // photo index the thumbnail strip was scrolled to
    double m_copiedAt = -1e9;       // "Link copied" feedback
    PhotoViewer m_viewer;
    // The report dialog's fields (UI state; cleared when it opens afresh).
    int m_reportReason = -1;
    std::string m_reportComment;
    std::uint64_t m_reportVisit = 0;
    float m_reportHeight = 0; // the dialog's card as last drawn
    float m_reportTop = -1;   // where it is while open (-1: placed when it opens)
    // WhatsApp or Telegram pressed before the number was known: opened when it arrives soon
    // after (the browser still counts the press as the gesture).
    bool m_openWhenRevealed = false;
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

// The seller's dashboard (/my/listings): "Sell a car", the drafts to continue, and each listing
// with its status, days on the market and what can be done with it.
#pragma once

#include "client/features/editor/my_listings_module.hpp"
#include "ui/screen.hpp"

namespace dongelek::ui {

class MyListingsScreen : public Screen {
public:
    MyListingsScreen(UiContext& ui, MyListingsModule& module);
    std::string errorText() const override;

protected:
    void drawContent() override;

private:
    float drawListing(const OwnListingItem& l, float x, float y, float width);
    float drawDraft(const DraftItem& d, float x, float y, float width);
    // The open listing's chart: views, saves and contacts per day or week, similar cars' average.
    float drawStats(float x, float y, float width);
    float drawBulkBar(float x, float y, float width); // what the selected listings can be changed to
    float drawImport(float x, float y, float width);  // the last CSV import's report
    MyListingsModule& m_module;
};

} // namespace dongelek::ui

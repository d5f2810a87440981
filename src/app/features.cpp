// Every feature of the app, one line each: module (src/client/features/<name>) and screen
// (src/ui/features/<name>). Their addresses are in src/core/routes/<name>_route.hpp.

#include "app/features.hpp"

#include "ui/features/browse/browse_screen.hpp"
#include "ui/features/listing/listing_screen.hpp"

namespace dongelek {

void registerFeatures(FeatureSet& features)
{
    features.add<BrowseModule, ui::BrowseScreen>(); // home
    features.add<ListingModule, ui::ListingScreen>();
}

} // namespace dongelek

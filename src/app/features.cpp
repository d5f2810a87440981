// Every feature of the app, one line each: module (src/client/features/<name>) and screen
// (src/ui/features/<name>). Their addresses are in src/core/routes/<name>_route.hpp.

#include "app/features.hpp"

#include "ui/features/account/account_screens.hpp"
#include "ui/features/account/mail_screens.hpp"
#include "ui/features/account/register_screen.hpp"
#include "ui/features/account/sign_in_screen.hpp"
#include "ui/features/browse/browse_screen.hpp"
#include "ui/features/compare/compare_screen.hpp"
#include "ui/features/costs/costs_screen.hpp"
#include "ui/features/editor/editor_screen.hpp"
#include "ui/features/editor/my_listings_screen.hpp"
#include "ui/features/favorites/favorites_screen.hpp"
#include "ui/features/finance/finance_screen.hpp"
#include "ui/features/listing/listing_screen.hpp"
#include "ui/features/saved_searches/saved_searches_screens.hpp"
#include "ui/features/view360/view360_screen.hpp"

#include "platform/download.hpp"
#include "platform/photo_pick.hpp"
#include "platform/preferences.hpp"
#include "platform/text_pick.hpp"

#include <chrono>

namespace dongelek {

namespace {
// What a feature keeps on this device: the platform's preferences and the wall clock.
RecentlyViewedStore devicePreferences()
{
    RecentlyViewedStore store;
    store.load = platform::loadPreference;
    store.save = platform::savePreference;
    store.epochMs = [] {
        using namespace std::chrono;
        return static_cast<double>(duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count());
    };
    return store;
}

// The seller's photos: picked and prepared off the main thread (platform/photo_pick.hpp), each
// handed to the editor on the main thread.
PhotoPicker devicePhotoPicker(TaskQueue& mainThread)
{
    return [&mainThread](int maxFiles, std::function<void(PickedPhoto)> onUpdate) {
        platform::pickPhotos(maxFiles, [&mainThread, onUpdate](platform::PhotoPickUpdate u) {
            PickedPhoto p;
            p.kind = static_cast<PickedPhoto::Kind>(static_cast<int>(u.kind));
            p.count = u.count;
            p.index = u.index;
            p.name = std::move(u.name);
            p.error = std::move(u.error);
            p.jpeg = std::move(u.jpeg);
            p.width = u.width;
            p.height = u.height;
            p.srcWidth = u.srcWidth;
            p.srcHeight = u.srcHeight;
            p.tooSmall = u.tooSmall;
            p.blurry = u.blurry;
            p.tooDark = u.tooDark;
            mainThread.post([onUpdate, p = std::move(p)]() mutable { onUpdate(std::move(p)); });
        });
    };
}
} // namespace

void registerFeatures(FeatureSet& features)
{
    features.add<BrowseModule, ui::BrowseScreen>(); // home
    // Before the listing: its address with ?view=360 or ?view=inside is the 360 viewer's.
    features.add<View360Module, ui::View360Screen>();
    features.add<ListingModule, ui::ListingScreen>();
    features.add<FinanceModule, ui::FinanceScreen>(); // /listing/<id>/finance
    features.add<CostsModule, ui::CostsScreen>();     // /listing/<id>/costs
    features.add<FavoritesModule, ui::FavoritesScreen>();
    features.add<CompareModule, ui::CompareScreen>();
    // The seller's side (core/routes/editor_routes.hpp): the listing editor and the dashboard.
    features.add<EditorModule, ui::EditorScreen>(devicePhotoPicker(features.mainThread()));
    features.add<MyListingsModule, ui::MyListingsScreen>(
        [](const std::string& name, const std::string& mime, const std::string& bytes) { platform::saveFile(name, mime, bytes); },
        [&queue = features.mainThread()](std::function<void(std::string, std::string)> done) {
            platform::pickTextFile("text/csv,.csv,text/plain", 1u << 20, [&queue, done](std::string name, std::string text) {
                queue.post([done, name = std::move(name), text = std::move(text)] { done(name, text); });
            });
        });
    // Accounts (core/routes/account_routes.hpp): all under /account.
    features.add<SignInModule, ui::SignInScreen>();
    features.add<RegisterModule, ui::RegisterScreen>();
    features.add<CheckMailModule, ui::CheckMailScreen>();
    features.add<VerifyModule, ui::VerifyScreen>();
    features.add<ForgotModule, ui::ForgotScreen>();
    features.add<ResetModule, ui::ResetScreen>();
    features.add<ProfileModule, ui::ProfileScreen>();
    features.add<SecurityModule, ui::SecurityScreen>();
    features.add<SessionsModule, ui::SessionsScreen>();
    // Saved searches, their alerts' notifications (the top bar's bell), recently viewed cars.
    features.add<SavedSearchesModule, ui::SavedSearchesScreen>();
    features.add<NotificationsModule, ui::NotificationsScreen>();
    features.addModule<RecentlyViewedModule>(devicePreferences());
}

} // namespace dongelek

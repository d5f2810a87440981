// Every feature of the app, one line each: module (src/client/features/<name>) and screen
// (src/ui/features/<name>). Their addresses are in src/core/routes/<name>_route.hpp.

#include "app/features.hpp"

#include "ui/features/account/account_screens.hpp"
#include "ui/features/account/mail_screens.hpp"
#include "ui/features/account/register_screen.hpp"
#include "ui/features/account/sign_in_screen.hpp"
#include "ui/features/browse/browse_screen.hpp"
#include "ui/features/compare/compare_screen.hpp"
#include "ui/features/favorites/favorites_screen.hpp"
#include "ui/features/listing/listing_screen.hpp"

namespace dongelek {

void registerFeatures(FeatureSet& features)
{
    features.add<BrowseModule, ui::BrowseScreen>(); // home
    features.add<ListingModule, ui::ListingScreen>();
    features.add<FavoritesModule, ui::FavoritesScreen>();
    features.add<CompareModule, ui::CompareScreen>();
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
}

} // namespace dongelek

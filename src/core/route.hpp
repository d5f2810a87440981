// The app's screens as URLs: "/" or "/?make=3&sort=price_asc" is the browse screen
// with its filter, "/listing/123" a listing. The web app keeps the address bar in
// step with the screen; the native app uses the same routes in memory.
#pragma once

#include "model.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace dongelek {

enum class Screen { Browse, Listing };

struct Route {
    Screen screen = Screen::Browse;
    ListingFilter filter;       // Browse
    std::int64_t listingId = 0; // Listing
};

// Parses a path with an optional query ("/listing/42", "/?make=3"). Unknown paths and
// filters the server would refuse fall back to the plain browse screen: a bad link
// still opens the app. Also accepts hash routes ("#/listing/42").
Route parseRoute(std::string_view pathAndQuery);
std::string toUrl(const Route& route);

} // namespace dongelek

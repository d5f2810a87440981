// The browse screen's address: "/" with the whole search in the query ("/?make=3&sort=price_asc").
// Typed: the query is the canonical ListingFilter string of core/listing_query, then view=grid
// when the grid is chosen.
#pragma once

#include "core/model.hpp"
#include "core/route.hpp"

#include <string>

namespace dongelek {

// How the results are laid out: one card per row, or a grid of photo cards. Part of the
// address (view=grid), not of the search: the API never sees it.
enum class BrowseView { List, Grid };

struct BrowseRoute {
    ListingFilter filter;
    BrowseView view = BrowseView::List;

    // True for the browse path itself ("/" or ""); the app also falls back to browse for
    // addresses no feature claims, so a bad link still opens the app.
    static bool claims(const AppUrl& url);
    // Never fails: a query the server would refuse becomes the plain first page.
    static BrowseRoute parse(const AppUrl& url);
    std::string url() const;
};

} // namespace dongelek

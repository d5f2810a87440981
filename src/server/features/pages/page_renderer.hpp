// The HTML of each app address, from the same domain values the API serves: the head
// (title, description, canonical, hreflang, Open Graph, Twitter card, JSON-LD) and the
// screen's text as plain semantic HTML for readers without JavaScript. Pure functions.
#pragma once

#include "server/features/pages/page_locales.hpp"
#include "server/features/pages/page_template.hpp"

#include "core/model.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace dongelek::server::pages {

// Where and in which language a page is rendered.
struct PageContext {
    std::string origin;                  // "https://dongelek.kz": scheme and host, no slash
    const PageLocales* locales = nullptr; // outlives the context
    std::string lang;                    // one of locales->languages()

    const Strings& strings() const { return locales->strings(lang); }
    bool isDefaultLanguage() const { return lang == locales->defaultLanguage(); }
};

// The catalog names a search page needs (make, model and city of the filter; the makes
// the home page links to), as the API's /makes and /cities give them.
struct CatalogView {
    const std::vector<MakeInfo>* makes = nullptr;
    const std::vector<City>* cities = nullptr;
};

// An app address in the page's language: `path` + `query` + "lang=<code>" unless the
// language is the default one ("/listing/5?lang=ru", "/?make=3&lang=kk", "/").
std::string localUrl(const PageContext& ctx, std::string_view path, std::string_view query = {});

// /listing/{id}: the listing with its photos, specifications, seller and description.
PageParts renderListingPage(const ListingDetails& listing, const CatalogView& catalog, const PageContext& ctx);

// / with a search: what the filter selects, its page of results as links, the pager.
// `filter` is the parsed filter (its free text normalized), `page` the search's answer.
PageParts renderBrowsePage(const ListingFilter& filter, const ListingPage& page, const CatalogView& catalog,
                           const PageContext& ctx);

enum class Missing { Address, Listing };
// The 404 page: the app boots over it and shows its own "not found" screen.
// The account screens' page (/account/...): the app draws them; the HTML says what they are,
// and is never indexed (its addresses carry one-time tokens).
PageParts renderAccountPage(const PageContext& ctx);
PageParts renderNotFoundPage(Missing what, const PageContext& ctx);

// The JSON-LD object of a listing (schema.org Car with an Offer), for tests and the page.
nlohmann::json listingJsonLd(const ListingDetails& listing, const PageContext& ctx);

// The price as schema.org and Open Graph want it: a plain decimal number of major units
// ("12500000", "8750.5"), no grouping, no currency sign.
std::string decimalPrice(const Money& price);

} // namespace dongelek::server::pages

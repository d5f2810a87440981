// The app's addresses as HTML pages (/, /listing/{id}), robots.txt and the sitemaps: the
// language from ?lang=, absolute URLs from --public-url or the Host header, status codes
// (404 for an unknown listing or address), caching by data version and template version.
#pragma once

#include "server/http/route_table.hpp"

#include <string>
#include <vector>

namespace dongelek::server {

class RenderedResponses;

namespace pages {

class PageService;

// Where absolute URLs point.
struct SiteAddress {
    std::string publicOrigin;   // --public-url ("https://dongelek.kz"); empty: the request's Host
    std::string fallbackOrigin; // when there is no public origin and the Host header is not sane
};

// GET /, /index.html (301 to /), /listing/{id}, /listing/{rest:*}, /robots.txt,
// /sitemap.xml, /sitemaps/{file}.
std::vector<Route> pageRoutes(PageService& pages, RenderedResponses& rendered, SiteAddress site);

// The app page saying "not found" with a 404, for extension-less paths that are no app
// address (the web feature's fallback hands them here).
Handler notFoundPage(PageService& pages, RenderedResponses& rendered, SiteAddress site);

} // namespace pages
} // namespace dongelek::server

// Each page is cached under everything it depends on besides the data version: the kind
// of page, the template's version, the origin, the language and the canonical address
// (core's BrowseRoute / ListingRoute parse the addresses, as the app does). A 404 page is
// rendered fresh: it needs no database read and must not push pages out of the cache.

#include "server/features/pages/page_routes.hpp"

#include "server/features/listings/listing_service.hpp"
#include "server/features/pages/page_service.hpp"
#include "server/features/pages/site_origin.hpp"
#include "server/features/web/static_files.hpp"
#include "server/http/representations.hpp"
#include "server/http/request_target.hpp"

#include "core/listing_query.hpp"
#include "core/routes/browse_route.hpp"
#include "core/routes/costs_route.hpp"
#include "core/routes/finance_route.hpp"
#include "core/routes/listing_route.hpp"
#include "core/url.hpp"

namespace dongelek::server::pages {

namespace {

constexpr std::string_view kHtml = "text/html; charset=utf-8";
constexpr std::string_view kXml = "application/xml; charset=utf-8";
constexpr std::string_view kText = "text/plain; charset=utf-8";

std::string originOf(const Request& req, const SiteAddress& site)
{
    if (!site.publicOrigin.empty()) return site.publicOrigin;
    if (auto fromHost = originFromHost(req.header("Host"))) return *fromHost;
    return site.fallbackOrigin;
}

// What every page handler needs: the template (or a 503 before the app is built) and
// the context (origin and language).
struct PageRequest {
    std::shared_ptr<const TemplateVersion> tpl;
    PageContext ctx;
};

PageRequest begin(const Request& req, PageService& pages, const SiteAddress& site)
{
    PageRequest p;
    p.tpl = pages.pageTemplate();
    if (!p.tpl)
        throw ClientError(503, "web_app_not_built", "",
                          "the web app is not built: no index.html in the web directory (see --web-dir); "
                          "the API under /api/v1/ works");
    p.ctx = pages.context(originOf(req, site), queryParam(req.rawQuery, "lang").value_or(""));
    return p;
}

std::string keyOf(std::string_view kind, const PageRequest& p, std::string_view address)
{
    std::string key = "page|";
    key += kind;
    key += '|';
    key += p.tpl->tag;
    key += '|';
    key += p.ctx.origin;
    key += '|';
    key += p.ctx.lang;
    key += '|';
    key += address;
    return key;
}

Response notFoundResponse(const Request& req, const PageRequest& p, Missing what, RenderedResponses& rendered)
{
    // A path naming a file ("/listing/1.json") is a missing file, as everywhere else.
    if (namesFile(req.path)) throw ClientError(server::notFound("path", "no such file: " + excerpt(req.path)));
    return rendered.sendStatus(req, 404, p.tpl->page.fill(renderNotFoundPage(what, p.ctx)), kHtml);
}

// Account pages carry one-time tokens in their address: not cached anywhere, not indexed,
// and no Referer leaves them.
Handler accountPage(PageService& pages, SiteAddress site)
{
    return [&pages, site = std::move(site)](const Request& req) -> Reply {
        const PageRequest p = begin(req, pages, site);
        Response r = Response::bytes(200, kHtml, std::make_shared<const std::string>(p.tpl->page.fill(renderAccountPage(p.ctx))));
        r.set("Cache-Control", "no-store");
        r.set("Referrer-Policy", "no-referrer");
        return r;
    };
}

// A listing's sub-page (its loan calculator, its cost estimate): the listing's page (its
// canonical address stays the listing's); the app boots over it and draws the sub-page. 404 for
// an unknown listing.
Route listingSubPage(PageService& pages, RenderedResponses& rendered, const SiteAddress& site, const char* path,
                     const std::string& what, std::optional<std::int64_t> (*listingOf)(const AppUrl&))
{
    return Route{{Method::Get}, path, Access::Public, kNoBody,
                 "a listing's " + what + ": the listing's page (its canonical address stays the listing's), the app "
                 "boots over it and draws the " + what + " (404 for an unknown listing)",
                 [&pages, &rendered, site, listingOf](const Request& req) -> Reply {
                     const PageRequest p = begin(req, pages, site);
                     const std::optional<std::int64_t> id = listingOf(AppUrl{req.path, {}});
                     if (!id) return notFoundResponse(req, p, Missing::Address, rendered);
                     if (auto r = rendered.cached(req, keyOf("listing", p, std::to_string(*id)), kHtml, [&] {
                             std::optional<PageParts> parts = pages.listing(*id, p.ctx);
                             return parts ? std::optional<std::string>(p.tpl->page.fill(*parts)) : std::nullopt;
                         }))
                         return std::move(*r);
                     return notFoundResponse(req, p, Missing::Listing, rendered);
                 }};
}

} // namespace

Handler notFoundPage(PageService& pages, RenderedResponses& rendered, SiteAddress site)
{
    return [&pages, &rendered, site = std::move(site)](const Request& req) -> Reply {
        const PageRequest p = begin(req, pages, site);
        return notFoundResponse(req, p, Missing::Address, rendered);
    };
}

std::vector<Route> pageRoutes(PageService& pages, RenderedResponses& rendered, SiteAddress site)
{
    return {
        Route{{Method::Get},
              "/",
              Access::Public,
              kNoBody,
              "the search page: its results as HTML links, the app boots over it (see /api/v1/listings)",
              [&pages, &rendered, site](const Request& req) -> Reply {
                  const PageRequest p = begin(req, pages, site);
                  // A query the API would refuse is the plain first page, as in the app.
                  ListingFilter filter = BrowseRoute::parse(AppUrl{"/", std::string(req.rawQuery)}).filter;
                  filter.query = normalizeSearchText(filter.query);
                  return *rendered.cached(req, keyOf("browse", p, toQueryString(filter)), kHtml, [&] {
                      return std::optional<std::string>(p.tpl->page.fill(pages.browse(filter, p.ctx)));
                  });
              }},
        Route{{Method::Get},
              "/index.html",
              Access::Public,
              kNoBody,
              "a permanent redirect to /",
              [](const Request& req) -> Reply {
                  Response r = Response::bytes(301, kText, nullptr);
                  r.set("Location", req.rawQuery.empty() ? std::string("/") : "/?" + std::string(req.rawQuery));
                  r.set("Cache-Control", "public, max-age=86400");
                  return r;
              }},
        Route{{Method::Get},
              "/listing/{id}",
              Access::Public,
              kNoBody,
              "a listing page: title, Open Graph, JSON-LD and its text as HTML (404 for an unknown one)",
              [&pages, &rendered, site](const Request& req) -> Reply {
                  const PageRequest p = begin(req, pages, site);
                  const std::optional<ListingRoute> route = ListingRoute::parse(AppUrl{req.path, {}});
                  if (!route) return notFoundResponse(req, p, Missing::Address, rendered);
                  const std::int64_t id = route->id;
                  if (auto r = rendered.cached(req, keyOf("listing", p, std::to_string(id)), kHtml, [&] {
                          std::optional<PageParts> parts = pages.listing(id, p.ctx);
                          return parts ? std::optional<std::string>(p.tpl->page.fill(*parts)) : std::nullopt;
                      }))
                      return std::move(*r);
                  return notFoundResponse(req, p, Missing::Listing, rendered);
              }},
        listingSubPage(pages, rendered, site, "/listing/{id}/finance", "loan calculator", [](const AppUrl& u) {
            const auto r = FinanceRoute::parse(u);
            return r ? std::optional<std::int64_t>(r->listingId) : std::nullopt;
        }),
        listingSubPage(pages, rendered, site, "/listing/{id}/costs", "cost estimate (customs, insurance, ownership)",
                       [](const AppUrl& u) {
                           const auto r = CostsRoute::parse(u);
                           return r ? std::optional<std::int64_t>(r->listingId) : std::nullopt;
                       }),
        Route{{Method::Get},
              "/listing/{rest:*}",
              Access::Public,
              kNoBody,
              "no such listing address: the app's \"not found\" page with a 404",
              [&pages, &rendered, site](const Request& req) -> Reply {
                  return notFoundResponse(req, begin(req, pages, site), Missing::Address, rendered);
              }},
        Route{{Method::Get},
              "/account",
              Access::Public,
              kNoBody,
              "the account screens (sign in, register, verify, reset, sessions): the app's page, never cached or indexed",
              accountPage(pages, site)},
        Route{{Method::Get},
              "/account/{rest:*}",
              Access::Public,
              kNoBody,
              "an account screen (/account/verify?token=..., /account/reset?token=...): as /account",
              accountPage(pages, site)},
        // The seller's editor and dashboard: one person's pages, as private as the account's.
        Route{{Method::Get}, "/sell/{rest:*}", Access::Public, kNoBody,
              "the seller's listing editor (/sell/new, /sell/<draft>): the app's page, never cached or indexed",
              accountPage(pages, site)},
        Route{{Method::Get}, "/my/{rest:*}", Access::Public, kNoBody,
              "the seller's dashboard (/my/listings): the app's page, never cached or indexed", accountPage(pages, site)},
        Route{{Method::Get},
              "/robots.txt",
              Access::Public,
              kNoBody,
              "robots.txt: everything may be crawled; the sitemap index",
              [&rendered, site](const Request& req) -> Reply {
                  const std::string origin = originOf(req, site);
                  return *rendered.cached(req, "robots|" + origin, kText,
                                          [&] { return std::optional<std::string>(renderRobots(origin)); });
              }},
        Route{{Method::Get},
              "/sitemap.xml",
              Access::Public,
              kNoBody,
              "the sitemap index: the search pages' file and one file per 50,000 listings",
              [&pages, &rendered, site](const Request& req) -> Reply {
                  const std::string origin = originOf(req, site);
                  return *rendered.cached(req, "sitemap|index|" + origin, kXml, [&] {
                      return std::optional<std::string>(pages.sitemapIndex(origin));
                  });
              }},
        Route{{Method::Get},
              "/sitemaps/{file}",
              Access::Public,
              kNoBody,
              "a sitemap file: listings-<n>.xml (listing pages) or search.xml (home and each make)",
              [&pages, &rendered, site](const Request& req) -> Reply {
                  const std::string origin = originOf(req, site);
                  const std::string_view file = req.params.text("file");
                  if (auto r = rendered.cached(req, "sitemap|" + std::string(file) + "|" + origin, kXml,
                                               [&] { return pages.sitemapFile(file, origin); }))
                      return std::move(*r);
                  throw ClientError(server::notFound("file", "no sitemap named " + excerpt(file, 40)));
              }},
    };
}

} // namespace dongelek::server::pages

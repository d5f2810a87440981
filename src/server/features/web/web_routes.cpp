// StaticFiles decides what a path means (file, app address, 404, 503 before a build);
// this route turns its answer into a representation with the file's own ETag, or hands
// an app address to the pages feature.

#include "server/features/web/web_routes.hpp"

#include "server/features/web/static_files.hpp"
#include "server/http/representations.hpp"

namespace dongelek::server {

std::vector<Route> webRoutes(StaticFiles& web, Handler appPage)
{
    return {
        Route{{Method::Get},
              "/{path:*}",
              Access::Public,
              kNoBody,
              "the web app's files; other extension-less paths get the app's \"not found\" page",
              [&web, appPage = std::move(appPage)](const Request& req) -> Reply {
                  StaticResponse r = web.serve(req.path, req.acceptsGzip());
                  if (r.appAddress) return appPage(req);
                  if (r.status != 200) return errorResponse(HttpError{r.status, r.error});
                  return representation(req, std::move(r.body),
                                        RepresentationInfo{r.contentType, r.cacheControl, r.gzipped, r.etag});
              }},
    };
}

} // namespace dongelek::server

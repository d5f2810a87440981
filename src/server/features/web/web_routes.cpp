// StaticFiles decides what a path means (file, SPA fallback, 404, 503 before a build);
// this route only turns its answer into a representation with the file's own ETag.

#include "server/features/web/web_routes.hpp"

#include "server/features/web/static_files.hpp"
#include "server/http/representations.hpp"

namespace dongelek::server {

std::vector<Route> webRoutes(StaticFiles& web)
{
    return {
        Route{{Method::Get},
              "/{path:*}",
              Access::Public,
              kNoBody,
              "the web app: its files, and index.html for app routes like /listing/123",
              [&web](const Request& req) -> Reply {
                  StaticResponse r = web.serve(req.path, req.acceptsGzip());
                  if (r.status != 200) return errorResponse(HttpError{r.status, r.error});
                  return representation(req, std::move(r.body),
                                        RepresentationInfo{r.contentType, r.cacheControl, r.gzipped, r.etag});
              }},
    };
}

} // namespace dongelek::server

// A photo's first request draws it off the I/O threads (rendered_files.hpp); every later one
// is a sendfile of the stored JPEG (the painter version is part of the file path, never of the
// URL's meaning).

#include "server/features/media/photo_routes.hpp"

#include "server/features/media/media_store.hpp"
#include "server/features/media/photo_urls.hpp"
#include "server/features/media/rendered_files.hpp"

namespace dongelek::server {

std::vector<Route> photoRoutes(MediaStore& media, TaskPool& renders)
{
    return {
        Route{{Method::Get},
              "/media/photos/{file}",
              Access::Public,
              kNoBody,
              "a listing photo as JPEG (320x240 thumb or 960x720 large), drawn on first request",
              [&media, &renders](const Request& req) -> Reply {
                  std::int64_t id = 0;
                  PhotoSize size = PhotoSize::Thumb;
                  if (!parsePhotoFileName(req.params.text("file"), id, size))
                      throw ClientError(notFound("path", "no such photo"));
                  return serveDrawnJpeg(req, renders, media.pathFor(id, size),
                                        [&media, id, size] { return media.photoFile(id, size); }, "no such photo");
              }},
    };
}

} // namespace dongelek::server

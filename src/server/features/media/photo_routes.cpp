// A photo's first request draws it off the I/O threads and answers through a Responder;
// every later one is a sendfile of the stored JPEG, cached by browsers for a year (the
// painter version is part of the file path, never of the URL's meaning).

#include "server/features/media/photo_routes.hpp"

#include "server/features/media/media_store.hpp"
#include "server/features/media/photo_urls.hpp"
#include "server/http/task_pool.hpp"

#include <filesystem>

namespace dongelek::server {

namespace {
constexpr const char* kImmutable = "public, max-age=31536000, immutable";

Response photoResponse(std::string path, std::uint64_t size)
{
    Response r = Response::sendFile("image/jpeg", std::move(path), size);
    r.set("Cache-Control", kImmutable);
    return r;
}

std::optional<std::uint64_t> regularFileSize(const std::string& path)
{
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) return std::nullopt;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) return std::nullopt;
    return static_cast<std::uint64_t>(size);
}
} // namespace

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
                  std::string path = media.pathFor(id, size);
                  if (auto bytes = regularFileSize(path)) return photoResponse(std::move(path), *bytes);

                  // First request for this photo: draw it on a render thread and answer from there.
                  const Responder later = req.answerLater();
                  const bool queued = renders.tryPost([&media, later, id, size] {
                      try {
                          const std::optional<std::string> file = media.photoFile(id, size);
                          if (!file) throw ClientError(notFound("path", "no such photo"));
                          const auto bytes = regularFileSize(*file);
                          if (!bytes) throw std::runtime_error("photo " + std::to_string(id) + " was not stored");
                          later.send(photoResponse(*file, *bytes));
                      } catch (...) {
                          later.fail(std::current_exception());
                      }
                  });
                  if (!queued) {
                      Response busy = errorResponse(
                          HttpError{503, ApiError{"busy", "", "too many photos are being drawn; retry shortly"}});
                      busy.set("Retry-After", "1");
                      return busy;
                  }
                  return Deferred{};
              }},
    };
}

} // namespace dongelek::server

#include "server/features/media/rendered_files.hpp"

#include "server/http/pooled_answer.hpp"
#include "server/http/task_pool.hpp"

#include <filesystem>

namespace dongelek::server {

namespace {

constexpr const char* kImmutable = "public, max-age=31536000, immutable";

Response jpegResponse(std::string path, std::uint64_t size)
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

Reply serveDrawnJpeg(const Request& req, TaskPool& renders, std::string path,
                     std::function<std::optional<std::string>()> draw, std::string missing)
{
    if (auto bytes = regularFileSize(path)) return jpegResponse(std::move(path), *bytes);
    return answerOnPool(
        renders, req,
        [draw = std::move(draw), missing = std::move(missing)] {
            const std::optional<std::string> file = draw();
            if (!file) throw ClientError(notFound("path", missing));
            const auto bytes = regularFileSize(*file);
            if (!bytes) throw std::runtime_error("a drawn picture was not stored: " + *file);
            return jpegResponse(*file, *bytes);
        },
        "too many pictures are being drawn; retry shortly");
}

Reply serveStoredJpeg(std::string path, const std::string& missing)
{
    if (auto bytes = regularFileSize(path)) return jpegResponse(std::move(path), *bytes);
    throw ClientError(notFound("path", missing));
}

} // namespace dongelek::server

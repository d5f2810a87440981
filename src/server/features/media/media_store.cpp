// Rendered photos on disk under <media>/photos/v<painter>/<id / 1000>/<id>-<size>.jpg:
// the painter version in the path means a new painter never serves stale pictures,
// and the id bucket keeps folders small at 100,000 listings.

#include "server/features/media/media_store.hpp"

#include "server/features/media/jpeg.hpp"

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <thread>

namespace dongelek::server {

namespace fs = std::filesystem;

namespace {
constexpr int kPainterVersion = 2; // bump when the painter's output changes
constexpr int kJpegQuality = 85;
} // namespace

void writeFileAtomically(const std::string& path, const std::string& bytes)
{
    fs::create_directories(fs::path(path).parent_path());
    // A unique temporary name per writer, then rename: readers never see half a file.
    static std::atomic<std::uint64_t> counter{0};
    const std::string tmp = path + ".tmp" + std::to_string(std::hash<std::thread::id>{}(std::this_thread::get_id())) +
                            "-" + std::to_string(counter++);
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        if (!out) {
            std::remove(tmp.c_str());
            throw std::runtime_error("cannot write " + path);
        }
    }
    fs::rename(tmp, path);
}

PhotoDimensions dimensionsOf(PhotoSize size)
{
    return size == PhotoSize::Thumb ? PhotoDimensions{320, 240} : PhotoDimensions{960, 720};
}

MediaStore::MediaStore(std::string mediaDir, ListingRepository& repository, PhotoRenderer renderer,
                       const MediaStorage& uploads)
    : m_dir(std::move(mediaDir)), m_repository(repository), m_renderer(std::move(renderer)), m_uploads(uploads)
{
}

std::string MediaStore::pathFor(std::int64_t photoId, PhotoSize size) const
{
    const fs::path p = fs::path(m_dir) / "photos" / ("v" + std::to_string(kPainterVersion)) /
                       std::to_string(photoId / 1000) / photoFileName(photoId, size);
    return p.string();
}

std::optional<std::string> MediaStore::photoFile(std::int64_t photoId, PhotoSize size)
{
    const std::string path = pathFor(photoId, size);
    std::error_code ec;
    if (fs::is_regular_file(path, ec)) return path;

    const std::optional<PhotoSpec> spec = m_repository.findPhoto(photoId);
    if (!spec) return std::nullopt;
    if (!spec->uploadKey.empty())
        return m_uploads.localPath(spec->uploadKey + (size == PhotoSize::Thumb ? "-thumb.jpg" : "-large.jpg"));
    const PhotoDimensions dim = dimensionsOf(size);
    const std::string jpeg = encodeJpeg(m_renderer(*spec, dim.width, dim.height), dim.width, dim.height, kJpegQuality);

    writeFileAtomically(path, jpeg);
    return path;
}

} // namespace dongelek::server

// Photo files: JPEGs rendered on first request from the stored photo spec, then kept in
// the media folder so later requests only read a file. The URL scheme is photo_urls.hpp.
#pragma once

#include "server/features/listings/listing_repository.hpp"
#include "server/features/media/media_storage.hpp"
#include "server/features/media/photo_urls.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dongelek::server {

struct PhotoDimensions {
    int width;
    int height;
};
PhotoDimensions dimensionsOf(PhotoSize size); // thumb 320x240, large 960x720

// Draws the picture for `spec` as width*height RGB8 pixels.
using PhotoRenderer = std::function<std::vector<std::uint8_t>(const PhotoSpec& spec, int width, int height)>;

// Writes `bytes` to `path` (creating its folders) under a temporary name, then renames it:
// readers never see half a file, and concurrent writers of the same file both succeed.
void writeFileAtomically(const std::string& path, const std::string& bytes);

class MediaStore {
public:
    // `uploads` holds sellers' own photos (a photo with an upload key is served from there).
    MediaStore(std::string mediaDir, ListingRepository& repository, PhotoRenderer renderer, const MediaStorage& uploads);

    // The JPEG file for a photo: a seller's upload as stored, or a demo photo, rendering and
    // storing it first when missing; nullopt for an unknown photo. Thread-safe: concurrent first requests may both render,
    // and the atomic rename makes either result the final file.
    std::optional<std::string> photoFile(std::int64_t photoId, PhotoSize size);

    // Where the file of a photo lives (whether or not it exists yet).
    std::string pathFor(std::int64_t photoId, PhotoSize size) const;

private:
    std::string m_dir;
    ListingRepository& m_repository;
    PhotoRenderer m_renderer;
    const MediaStorage& m_uploads;
};

} // namespace dongelek::server

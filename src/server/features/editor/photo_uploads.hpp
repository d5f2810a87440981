// A seller's photo arriving at the server: the content is checked, not the file name (the
// header is read with stbi_info before any pixel is decoded, so a decompression bomb costs
// nothing), then decoded, encoded again (no metadata survives: no location, no camera
// serial) in the standard sizes and stored under a random key. The device prepares photos
// before sending (longest side 1600, client/features/editor), so a well-behaved upload is a
// few hundred KB; the limits below are for everything else.
//
//   <key>-large.jpg  fits 1280x960, aspect kept   GET /media/uploads/<key>-large.jpg
//   <key>-thumb.jpg  320x240, centre-cropped      GET /media/uploads/<key>-thumb.jpg
#pragma once

#include "server/features/editor/editor_repository.hpp"
#include "server/features/media/media_storage.hpp"

#include "core/photo_job.hpp"

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace dongelek::server::editor {

struct UploadLimits {
    static constexpr std::size_t kMaxBytes = 15u << 20;   // a camera's own 12 MP JPEG is 3-8 MB
    static constexpr std::int64_t kMaxPixels = photo::kMaxPhotoPixels; // 50 MP: the device's own limit
    static constexpr int kMaxSide = photo::kMaxPhotoSide;
    static constexpr int kMinSide = 240; // smaller is no use even as a thumbnail
    static constexpr int kLargeW = 1280, kLargeH = 960;
    static constexpr int kThumbW = 320, kThumbH = 240;
    static constexpr int kJpegQuality = 85;
    static constexpr std::int64_t kMaxUploadsPerUser = 600; // 20 listings of 30 photos
    static constexpr std::size_t kMaxClientKey = 40;
};

// The two sizes of one photo, as JPEG bytes.
struct ProcessedPhoto {
    std::string large;
    std::string thumb;
    int width = 0; // the large one's
    int height = 0;
};

// Checks and re-encodes `bytes` (JPEG or PNG). Refuses with 422 naming the problem in `code`:
// empty, too_large (bytes), not_image (not a JPEG or PNG by its content), too_many_pixels,
// too_small, unreadable (a truncated or corrupt file). CPU-heavy: call it off the I/O threads.
ProcessedPhoto processPhoto(std::string_view bytes);

// "/media/uploads/<key>-large.jpg"
std::string uploadUrl(const std::string& storageKey, bool large);
// Parses the file name of such a URL; false for anything else.
bool parseUploadFile(std::string_view name, std::string& storageKey, bool& large);

// What the client gets back for an upload.
struct UploadView {
    UploadRow row;
    std::string thumbUrl, largeUrl;
};

class PhotoUploads {
public:
    PhotoUploads(EditorRepository& repository, MediaStorage& storage, std::function<std::int64_t()> now)
        : m_repository(repository), m_storage(storage), m_now(std::move(now))
    {
    }

    // Cheap checks before the body is decoded: the client key (1..40 of A-Z a-z 0-9 - _) and
    // the user's upload count. 400/429 naming the problem.
    void admit(std::int64_t userId, std::string_view clientKey);
    // Stores a processed photo under a new random key and records it; an earlier upload with
    // the same client key (a retry) is replaced and its files removed.
    UploadView store(std::int64_t userId, const std::string& clientKey, const ProcessedPhoto& photo);

    MediaStorage& storage() { return m_storage; }

private:
    EditorRepository& m_repository;
    MediaStorage& m_storage;
    std::function<std::int64_t()> m_now;
};

UploadView viewOf(const UploadRow& row);

} // namespace dongelek::server::editor

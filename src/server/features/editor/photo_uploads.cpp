// The server's only translation unit with stb_image for JPEG and PNG (STB_IMAGE_STATIC keeps
// its functions here; view360/spin_upload.cpp has its own JPEG-only copy).
#include "server/features/editor/photo_uploads.hpp"

#include "server/features/accounts/crypto.hpp"
#include "server/features/media/jpeg.hpp"
#include "server/http/errors.hpp"

#include "core/photo_job.hpp"
#include "core/photo_prep.hpp"

#define STB_IMAGE_IMPLEMENTATION
#define STB_IMAGE_STATIC
#define STBI_ONLY_JPEG
#define STBI_ONLY_PNG
#include <stb/stb_image.h>

#include <memory>

namespace dongelek::server::editor {

namespace {

[[noreturn]] void refuse(std::string code, std::string message)
{
    throw ClientError(422, std::move(code), "body", std::move(message));
}

std::string mib(std::size_t bytes) { return std::to_string(bytes >> 20) + " MB"; }

const std::vector<std::uint8_t>& rgbOf(const spin::Image& image)
{
    return image.pixels; // photo_prep's output is RGB already
}

} // namespace

ProcessedPhoto processPhoto(std::string_view bytes)
{
    if (bytes.empty()) refuse("empty", "the file is empty");
    if (bytes.size() > UploadLimits::kMaxBytes)
        refuse("too_large", "a photo may be at most " + mib(UploadLimits::kMaxBytes));
    const auto* data = reinterpret_cast<const stbi_uc*>(bytes.data());
    const int length = static_cast<int>(bytes.size());
    // The header only: what the file says it is, before anything is decoded (a small file may
    // claim 30000 x 30000; stb refuses such a header without saying why).
    const photo::ImageHeader header = photo::readImageHeader(bytes);
    if (header.sized && (header.width > UploadLimits::kMaxSide || header.height > UploadLimits::kMaxSide ||
                         header.width * header.height > UploadLimits::kMaxPixels))
        refuse("too_many_pixels", "the picture is " + std::to_string(header.width) + "x" +
                                      std::to_string(header.height) + "; at most 50 megapixels and 12000 pixels a side");
    int w = 0, h = 0, channels = 0;
    if (!stbi_info_from_memory(data, length, &w, &h, &channels))
        refuse("not_image", "the file is not a JPEG or PNG picture");
    if (header.jpegWithoutScan) refuse("unreadable", "the picture could not be read: the file is cut short or damaged");
    if (w > UploadLimits::kMaxSide || h > UploadLimits::kMaxSide ||
        static_cast<std::int64_t>(w) * h > UploadLimits::kMaxPixels)
        refuse("too_many_pixels", "the picture is " + std::to_string(w) + "x" + std::to_string(h) +
                                      "; at most 50 megapixels and 12000 pixels a side");
    if (w < UploadLimits::kMinSide || h < UploadLimits::kMinSide)
        refuse("too_small", "the picture is " + std::to_string(w) + "x" + std::to_string(h) + "; at least " +
                                std::to_string(UploadLimits::kMinSide) + " pixels a side");
    int dw = 0, dh = 0, dc = 0;
    std::unique_ptr<stbi_uc, void (*)(void*)> pixels(stbi_load_from_memory(data, length, &dw, &dh, &dc, 3), stbi_image_free);
    if (!pixels || dw != w || dh != h) refuse("unreadable", "the picture could not be read: the file is cut short or damaged");
    spin::Image source;
    source.width = w;
    source.height = h;
    source.channels = 3;
    source.pixels.assign(pixels.get(), pixels.get() + static_cast<std::size_t>(w) * h * 3);
    pixels.reset();
    const spin::Image large = photo::fitWithin(source, UploadLimits::kLargeW, UploadLimits::kLargeH);
    const spin::Image thumb = photo::coverCrop(source, UploadLimits::kThumbW, UploadLimits::kThumbH);
    if (!large.valid() || !thumb.valid()) refuse("unreadable", "the picture could not be resized");
    ProcessedPhoto out;
    out.large = encodeJpeg(rgbOf(large), large.width, large.height, UploadLimits::kJpegQuality);
    out.thumb = encodeJpeg(rgbOf(thumb), thumb.width, thumb.height, UploadLimits::kJpegQuality);
    out.width = large.width;
    out.height = large.height;
    return out;
}

std::string uploadUrl(const std::string& storageKey, bool large)
{
    return "/media/uploads/" + storageKey + (large ? "-large.jpg" : "-thumb.jpg");
}

bool parseUploadFile(std::string_view name, std::string& storageKey, bool& large)
{
    constexpr std::string_view kLarge = "-large.jpg", kThumb = "-thumb.jpg";
    if (name.size() <= kLarge.size()) return false;
    const std::string_view suffix = name.substr(name.size() - kLarge.size());
    if (suffix != kLarge && suffix != kThumb) return false;
    const std::string_view key = name.substr(0, name.size() - kLarge.size());
    if (key.size() != 22 || key.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") !=
                                std::string_view::npos)
        return false;
    storageKey = std::string(key);
    large = suffix == kLarge;
    return true;
}

UploadView viewOf(const UploadRow& row)
{
    return UploadView{row, uploadUrl(row.storageKey, false), uploadUrl(row.storageKey, true)};
}

void PhotoUploads::admit(std::int64_t userId, std::string_view clientKey)
{
    if (clientKey.empty() || clientKey.size() > UploadLimits::kMaxClientKey ||
        clientKey.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") !=
            std::string_view::npos)
        throw ClientError(badParameter("key", "a photo's key is 1 to 40 letters, digits, - or _"));
    if (m_repository.countUploads(userId) >= UploadLimits::kMaxUploadsPerUser)
        throw ClientError(422, "too_many_uploads", "key",
                          "at most " + std::to_string(UploadLimits::kMaxUploadsPerUser) + " photos per account");
}

UploadView PhotoUploads::store(std::int64_t userId, const std::string& clientKey, const ProcessedPhoto& photo)
{
    UploadRow row;
    row.clientKey = clientKey;
    row.storageKey = accounts::randomToken(16); // 22 characters of base64url
    row.width = photo.width;
    row.height = photo.height;
    row.bytes = static_cast<std::int64_t>(photo.large.size() + photo.thumb.size());
    // Files first: a row never names files that are not there.
    m_storage.put(row.storageKey + "-large.jpg", photo.large);
    m_storage.put(row.storageKey + "-thumb.jpg", photo.thumb);
    const EditorRepository::PutUpload put = m_repository.putUpload(userId, row, m_now());
    if (!put.replacedStorageKey.empty() && put.replacedStorageKey != row.storageKey) {
        // The row kept its id and now names the new files (a listing's photo follows the id),
        // so nothing names the old ones.
        m_storage.remove(put.replacedStorageKey + "-large.jpg");
        m_storage.remove(put.replacedStorageKey + "-thumb.jpg");
    }
    return viewOf(put.row);
}

} // namespace dongelek::server::editor

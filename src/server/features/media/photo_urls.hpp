// The photo URL scheme, in one place: "/media/photos/<id>-thumb.jpg" and "-large.jpg".
// The listing service builds URLs with it, the photo routes and the media store read it.
#pragma once

#include <charconv>
#include <cstdint>
#include <string>
#include <string_view>

namespace dongelek::server {

enum class PhotoSize { Thumb, Large };

inline constexpr std::string_view kPhotoUrlPrefix = "/media/photos/";

// "123-thumb.jpg", "123-large.jpg": the file name in URLs and on disk.
inline std::string photoFileName(std::int64_t photoId, PhotoSize size)
{
    return std::to_string(photoId) + (size == PhotoSize::Thumb ? "-thumb.jpg" : "-large.jpg");
}

// Site-relative URL of a photo: "/media/photos/123-thumb.jpg".
inline std::string photoUrl(std::int64_t photoId, PhotoSize size)
{
    return std::string(kPhotoUrlPrefix) + photoFileName(photoId, size);
}

// Parses a file name made by photoFileName ("123-large.jpg"); false for anything else,
// including other spellings of the same photo ("0123-large.jpg").
inline bool parsePhotoFileName(std::string_view name, std::int64_t& photoId, PhotoSize& size)
{
    const auto dash = name.find('-');
    if (dash == std::string_view::npos || dash == 0 || dash > 16) return false;
    const std::string_view suffix = name.substr(dash);
    if (suffix == "-thumb.jpg")
        size = PhotoSize::Thumb;
    else if (suffix == "-large.jpg")
        size = PhotoSize::Large;
    else
        return false;
    const std::string_view digits = name.substr(0, dash);
    if (digits[0] == '0') return false; // one spelling per photo: no leading zeros
    std::int64_t id = 0;
    const auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), id);
    if (ec != std::errc() || ptr != digits.data() + digits.size() || id <= 0) return false;
    photoId = id;
    return true;
}

} // namespace dongelek::server

// Base64 (RFC 4648, with padding) for bytes the app keeps in text-only places: a prepared
// photo waiting for its upload is stored on the device as text (platform/storage.hpp).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace dongelek {

std::string base64Encode(std::string_view bytes);
// nullopt for text that is not base64 (a wrong character, a bad length or padding).
std::optional<std::string> base64Decode(std::string_view text);

} // namespace dongelek

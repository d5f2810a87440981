// Validation of the request target before routing: sizes, percent-escapes and UTF-8 of
// the path and of every query parameter, and safe relative paths for static files.
#pragma once

#include "server/http/errors.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dongelek::server {

inline constexpr std::size_t kPathMaxBytes = 2048;

// Checks the raw path and query of a request. On success `decodedPath` holds the
// percent-decoded path (core's percentDecode, '+' kept; valid UTF-8, no NUL). Oversized targets get 414 naming the
// longest parameter; malformed escapes and invalid UTF-8 get 400 naming the parameter.
std::optional<HttpError> checkRequestTarget(std::string_view rawPath, std::string_view rawQuery,
                                            std::string& decodedPath);

// Splits a decoded URL path into file-system segments. Refuses "..", ".", backslashes
// and NUL (a 400 HttpError naming "path"); skips empty segments, so "//etc" is "etc"
// under the web root, never an absolute path.
std::optional<HttpError> safePathSegments(std::string_view decodedPath, std::vector<std::string>& segments);

// A printable, bounded excerpt of client text for error messages.
std::string excerpt(std::string_view text, std::size_t maxCodePoints = 80);

} // namespace dongelek::server

// Header values and status lines parsed or named by RESTinio's own code, so the server
// keeps no second parser of its own. header_parsers.cpp includes RESTinio (one of two TUs).
#pragma once

#include <string_view>

namespace dongelek::server {

// True when an Accept-Encoding value allows gzip ("gzip", "deflate, gzip;q=1.0", "*");
// false for "gzip;q=0", "*, gzip;q=0", an empty or a malformed value (identity is safe).
bool acceptsGzip(std::string_view acceptEncoding);

// RESTinio's reason phrase for a status code ("Not Found"); "Unknown" for codes it lacks.
std::string_view reasonPhrase(int status);

} // namespace dongelek::server

// gzip (RFC 1952) compression for HTTP responses and the Accept-Encoding check.
// Shared by the static file server and the JSON API so both compress the same way.
#pragma once

#include <string>
#include <string_view>

namespace dongelek::server {

// The gzip member for `data` at `level` (1..9). Never throws for valid input sizes.
std::string gzipCompress(std::string_view data, int level = 6);

// True when an Accept-Encoding header value allows gzip ("gzip", "deflate, gzip;q=1.0",
// "*"); false for "gzip;q=0" and absent headers.
bool acceptsGzip(std::string_view acceptEncoding);

} // namespace dongelek::server

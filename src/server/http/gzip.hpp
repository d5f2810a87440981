// HTTP body helpers shared by the static file server and the JSON API: gzip (RFC 1952)
// with the Accept-Encoding check, and ETag fingerprints with the If-None-Match check.
#pragma once

#include <string>
#include <string_view>

namespace dongelek::server {

// The gzip member for `data` at `level` (1..9). Never throws for valid input sizes.
std::string gzipCompress(std::string_view data, int level = 6);

// True when an Accept-Encoding header value allows gzip ("gzip", "deflate, gzip;q=1.0",
// "*"); false for "gzip;q=0" and absent headers.
bool acceptsGzip(std::string_view acceptEncoding);

// FNV-1a 64 of `data` as 16 hex digits: a cheap content fingerprint for ETags.
std::string contentHash(std::string_view data);
// True when an If-None-Match header value lists `etag` (or is "*").
bool etagMatches(std::string_view ifNoneMatch, std::string_view etag);

} // namespace dongelek::server

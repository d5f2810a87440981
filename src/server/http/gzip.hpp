// HTTP body helpers shared by the static file server and the JSON representations: gzip
// (RFC 1952), and ETag fingerprints with the If-None-Match check. Accept-Encoding is parsed
// by RESTinio's field parser (header_parsers.hpp).
#pragma once

#include <string>
#include <string_view>

namespace dongelek::server {

// The gzip member for `data` at `level` (1..9). Never throws for valid input sizes.
std::string gzipCompress(std::string_view data, int level = 6);

// FNV-1a 64 of `data` as 16 hex digits: a cheap content fingerprint for ETags.
std::string contentHash(std::string_view data);
// True when an If-None-Match header value lists `etag` (or is "*").
bool etagMatches(std::string_view ifNoneMatch, std::string_view etag);

} // namespace dongelek::server

// The staged web app served from --web-dir: content types, gzip kept in memory per
// file version, immutable caching for content-hashed names, and the page template.
#pragma once

#include "server/http/request_target.hpp"

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace dongelek::server {

struct StaticResponse {
    int status = 200;
    std::shared_ptr<const std::string> body; // set when status == 200
    std::string contentType;
    std::string cacheControl;
    bool gzipped = false;
    std::string etag; // from size and modification time; "-gz" for the compressed body
    ApiError error;   // set when status != 200
    // An extension-less path that is no file: an app address (or no address at all),
    // which the pages feature answers. status, body and error are unset then.
    bool appAddress = false;
};

class StaticFiles {
public:
    explicit StaticFiles(std::string webDir);

    // True when the web dir has an index.html (checked on every call: the app may be
    // built while the server runs).
    bool available() const;
    const std::string& webDir() const { return m_dir; }

    // Answers GET `decodedPath` (already checked by checkRequestTarget). Existing files
    // are served, except index.html, which is the pages' template and not a page;
    // extension-less paths are app addresses (appAddress); the rest is 404.
    StaticResponse serve(std::string_view decodedPath, bool acceptGzip);

    // index.html as it is on disk now (re-read when its size or modification time
    // changes): the body and its "size-mtime" tag, or a 503 before the app is built.
    StaticResponse pageTemplate();

private:
    struct Entry {
        std::int64_t mtime = 0;
        std::uintmax_t size = 0;
        std::shared_ptr<const std::string> plain;
        std::shared_ptr<const std::string> gzip; // null until first asked; empty = not worth it
    };
    StaticResponse fileResponse(const std::string& fullPath, const std::string& name, bool acceptGzip);

    std::string m_dir;
    std::mutex m_mutex;
    std::unordered_map<std::string, Entry> m_cache; // key: full path
};

// "text/html; charset=utf-8" for "index.html" etc.; application/octet-stream when unknown.
std::string_view contentTypeFor(std::string_view fileName);
// True for names with a dot-separated segment of 8+ hex digits before the extension,
// like "app.3f2a9c1b.wasm": their content never changes, so they are cached for a year.
bool isContentHashed(std::string_view fileName);
// Whether gzip helps for this kind of file (not for JPEG, PNG, WOFF2...).
bool isCompressible(std::string_view fileName);
// Whether the last segment of `path` has an extension ("/fonts/x.ttf", "/listing/1.json"):
// such a path names a file, and a missing file is a JSON 404, never an app page.
bool namesFile(std::string_view path);

} // namespace dongelek::server

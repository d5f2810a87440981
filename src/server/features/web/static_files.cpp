// Static files with an in-memory cache keyed by path + mtime + size: a rebuilt file is
// picked up on the next request, and each version is compressed only once.

#include "server/features/web/static_files.hpp"

#include "server/http/gzip.hpp"

#include <array>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace dongelek::server {

namespace fs = std::filesystem;

namespace {
constexpr const char* kImmutable = "public, max-age=31536000, immutable";
constexpr const char* kNoCache = "no-cache";
constexpr std::uintmax_t kMaxCachedFile = 64u << 20; // larger files are read per request

std::string_view extensionOf(std::string_view name)
{
    const auto dot = name.rfind('.');
    if (dot == std::string_view::npos || dot == 0) return {};
    return name.substr(dot + 1);
}

std::string lower(std::string_view s)
{
    std::string r(s);
    for (char& c : r)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return r;
}

HttpError notFound(std::string message)
{
    return HttpError{404, ApiError{"not_found", "path", std::move(message)}};
}

StaticResponse errorResponse(const HttpError& e)
{
    StaticResponse r;
    r.status = e.status;
    r.error = e.error;
    return r;
}
} // namespace

std::string_view contentTypeFor(std::string_view fileName)
{
    static const std::array<std::pair<std::string_view, std::string_view>, 21> kTypes{{
        {"html", "text/html; charset=utf-8"},
        {"htm", "text/html; charset=utf-8"},
        {"js", "application/javascript"},
        {"mjs", "application/javascript"},
        {"wasm", "application/wasm"},
        {"data", "application/octet-stream"},
        {"svg", "image/svg+xml"},
        {"ttf", "font/ttf"},
        {"otf", "font/otf"},
        {"woff", "font/woff"},
        {"woff2", "font/woff2"},
        {"json", "application/json"},
        {"map", "application/json"},
        {"webmanifest", "application/manifest+json"},
        {"png", "image/png"},
        {"jpg", "image/jpeg"},
        {"jpeg", "image/jpeg"},
        {"webp", "image/webp"},
        {"ico", "image/x-icon"},
        {"css", "text/css; charset=utf-8"},
        {"txt", "text/plain; charset=utf-8"},
    }};
    const std::string ext = lower(extensionOf(fileName));
    for (const auto& [e, type] : kTypes)
        if (e == ext) return type;
    return "application/octet-stream";
}

bool isCompressible(std::string_view fileName)
{
    static const std::array<std::string_view, 15> kCompressible{"html", "htm",         "js",  "mjs", "wasm",
                                                                "data", "svg",         "ttf", "otf", "json",
                                                                "map",  "webmanifest", "ico", "css", "txt"};
    const std::string ext = lower(extensionOf(fileName));
    for (std::string_view e : kCompressible)
        if (e == ext) return true;
    return false;
}

bool namesFile(std::string_view path)
{
    const auto slash = path.rfind('/');
    return !extensionOf(slash == std::string_view::npos ? path : path.substr(slash + 1)).empty();
}

bool isContentHashed(std::string_view name)
{
    // Segments between the first and the last dot: "app", "3f2a9c1b", "wasm".
    std::size_t start = name.find('.');
    if (start == std::string_view::npos) return false;
    const std::size_t last = name.rfind('.');
    while (start < last) {
        const std::size_t next = name.find('.', start + 1);
        const std::string_view seg = name.substr(start + 1, next - start - 1);
        if (seg.size() >= 8 && seg.find_first_not_of("0123456789abcdefABCDEF") == std::string_view::npos) return true;
        start = next;
    }
    return false;
}

StaticFiles::StaticFiles(std::string webDir) : m_dir(std::move(webDir)) {}

bool StaticFiles::available() const
{
    std::error_code ec;
    return fs::is_regular_file(fs::path(m_dir) / "index.html", ec);
}

namespace {
StaticResponse notBuilt()
{
    StaticResponse r;
    r.status = 503;
    r.error = ApiError{"web_app_not_built", "",
                       "the web app is not built: no index.html in the web directory (see --web-dir); "
                       "the API under /api/v1/ works"};
    return r;
}
} // namespace

StaticResponse StaticFiles::serve(std::string_view decodedPath, bool acceptGzip)
{
    std::vector<std::string> segments;
    if (auto err = safePathSegments(decodedPath, segments)) return errorResponse(*err);
    if (!available()) return notBuilt();
    for (const std::string& s : segments)
        if (s[0] == '.') return errorResponse(notFound("no such file")); // .git, .env and friends

    fs::path full(m_dir);
    for (const std::string& s : segments)
        full /= s;
    std::error_code ec;
    const bool isTemplate = segments.size() == 1 && segments.front() == "index.html";
    if (!segments.empty() && !isTemplate && fs::is_regular_file(full, ec))
        return fileResponse(full.string(), segments.back(), acceptGzip);

    const std::string_view last = segments.empty() ? std::string_view{} : std::string_view(segments.back());
    if (!extensionOf(last).empty()) return errorResponse(notFound("no such file: " + excerpt(decodedPath)));
    // An app address like /listing/123, or no address at all: the pages feature decides.
    StaticResponse r;
    r.appAddress = true;
    return r;
}

StaticResponse StaticFiles::pageTemplate()
{
    if (!available()) return notBuilt();
    return fileResponse((fs::path(m_dir) / "index.html").string(), "index.html", false);
}

StaticResponse StaticFiles::fileResponse(const std::string& fullPath, const std::string& name, bool acceptGzip)
{
    std::error_code ec;
    const auto size = fs::file_size(fullPath, ec);
    const auto mtime = fs::last_write_time(fullPath, ec).time_since_epoch().count();
    if (ec) return errorResponse(notFound("no such file"));

    StaticResponse r;
    r.contentType = std::string(contentTypeFor(name));
    const std::string tag = std::to_string(size) + "-" + std::to_string(mtime);
    r.cacheControl = (name != "index.html" && isContentHashed(name)) ? kImmutable : kNoCache;

    std::shared_ptr<const std::string> plain, gz;
    const bool compressible = isCompressible(name);
    {
        std::lock_guard lock(m_mutex);
        auto it = m_cache.find(fullPath);
        if (it != m_cache.end() && it->second.mtime == static_cast<std::int64_t>(mtime) && it->second.size == size) {
            plain = it->second.plain;
            gz = it->second.gzip;
        }
    }
    if (!plain) {
        std::ifstream in(fullPath, std::ios::binary);
        std::ostringstream buf;
        buf << in.rdbuf();
        if (!in) return errorResponse(notFound("no such file"));
        plain = std::make_shared<const std::string>(buf.str());
        if (size <= kMaxCachedFile) {
            std::lock_guard lock(m_mutex);
            m_cache[fullPath] = Entry{static_cast<std::int64_t>(mtime), size, plain, nullptr};
        }
    }
    if (acceptGzip && compressible && plain->size() >= 256) {
        if (!gz) {
            // Level 9 once per file version: the cost is paid on the first request only.
            auto compressed = std::make_shared<std::string>(gzipCompress(*plain, 9));
            if (compressed->size() >= plain->size()) compressed->clear(); // not worth it
            gz = compressed;
            std::lock_guard lock(m_mutex);
            auto it = m_cache.find(fullPath);
            if (it != m_cache.end() && it->second.plain == plain) it->second.gzip = gz;
        }
        if (!gz->empty()) {
            r.body = gz;
            r.gzipped = true;
            r.etag = "\"" + tag + "-gz\"";
            return r;
        }
    }
    r.body = plain;
    r.etag = "\"" + tag + "\"";
    return r;
}

} // namespace dongelek::server

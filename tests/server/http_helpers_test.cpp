// HTTP helpers without a network: request-target checks, path traversal refusal, static
// file content types, immutable caching of hashed names, the SPA fallback, gzip, and the
// header values and reason phrases RESTinio parses and names for us.

#include "server/http/gzip.hpp"
#include "server/http/header_parsers.hpp"
#include "server/http/request_target.hpp"
#include "server/features/web/static_files.hpp"

#include "gunzip.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <unistd.h>

using namespace dongelek::server;
namespace fs = std::filesystem;

using dongelek::test::gunzip;

namespace {

struct TempWeb {
    fs::path dir;
    TempWeb()
    {
        dir = fs::temp_directory_path() / ("dk-web-" + std::to_string(::getpid()) + "-" + std::to_string(rand()));
        fs::create_directories(dir / "assets");
        write("index.html", "<!doctype html><html><body>" + std::string(600, 'x') + "</body></html>");
        write("app.3f2a9c1b.js", "console.log('hello');" + std::string(2000, ' '));
        write("app.3f2a9c1b.wasm", std::string(4000, '\0'));
        write("assets/logo.svg", "<svg xmlns='http://www.w3.org/2000/svg'></svg>");
        write(".env", "SECRET=1");
    }
    ~TempWeb() { fs::remove_all(dir); }
    void write(const std::string& name, const std::string& body)
    {
        std::ofstream(dir / name, std::ios::binary) << body;
    }
};
} // namespace

TEST_CASE("request target: sizes, escapes and UTF-8 are checked, naming the field", "[server][http]")
{
    std::string decoded;
    CHECK_FALSE(checkRequestTarget("/api/v1/listings", "make=1&q=camry", decoded));
    CHECK(decoded == "/api/v1/listings");

    auto e = checkRequestTarget("/api/v1/listings", "q=%FF%FE", decoded);
    REQUIRE(e);
    CHECK(e->status == 400);
    CHECK(e->error.field == "q");

    e = checkRequestTarget("/%2e%2e/%FF", "", decoded);
    REQUIRE(e);
    CHECK(e->error.field == "path");

    e = checkRequestTarget("/x%G1", "", decoded);
    REQUIRE(e);
    CHECK(e->error.field == "path");

    const std::string huge = "make=1&q=" + std::string(10 << 20, 'a');
    e = checkRequestTarget("/api/v1/listings", huge, decoded);
    REQUIRE(e);
    CHECK(e->status == 414);
    CHECK(e->error.code == "uri_too_long");
    CHECK(e->error.field == "q");

    e = checkRequestTarget(std::string(5000, '/'), "", decoded);
    REQUIRE(e);
    CHECK(e->status == 414);
    CHECK(e->error.field == "path");
}

TEST_CASE("path segments refuse traversal", "[server][http]")
{
    std::vector<std::string> segs;
    CHECK_FALSE(safePathSegments("//assets///logo.svg", segs));
    CHECK(segs == std::vector<std::string>{"assets", "logo.svg"});
    for (const char* bad : {"/../etc/passwd", "/a/../../b", "/./x", "/a\\..\\b", "/.."}) {
        INFO(bad);
        auto e = safePathSegments(bad, segs);
        REQUIRE(e);
        CHECK(e->status == 400);
        CHECK(e->error.field == "path");
    }
}

TEST_CASE("content types and hashed names", "[server][http]")
{
    CHECK(contentTypeFor("index.html") == "text/html; charset=utf-8");
    CHECK(contentTypeFor("app.js") == "application/javascript");
    CHECK(contentTypeFor("app.wasm") == "application/wasm");
    CHECK(contentTypeFor("app.data") == "application/octet-stream");
    CHECK(contentTypeFor("logo.svg") == "image/svg+xml");
    CHECK(contentTypeFor("NotoSans.ttf") == "font/ttf");
    CHECK(contentTypeFor("en.json") == "application/json");
    CHECK(contentTypeFor("icon.PNG") == "image/png");
    CHECK(contentTypeFor("README") == "application/octet-stream");
    CHECK(isContentHashed("app.3f2a9c1b.wasm"));
    CHECK(isContentHashed("app.3f2a9c1b0d.min.js"));
    CHECK_FALSE(isContentHashed("app.wasm"));
    CHECK_FALSE(isContentHashed("app.3f2a9c1.wasm"));    // 7 hex digits
    CHECK_FALSE(isContentHashed("3f2a9c1b3f2a9c1b.js")); // the hash must be a middle segment
    CHECK_FALSE(isContentHashed("app.release.js"));
}

TEST_CASE("static files: caching, gzip, app addresses, the page template, hidden files", "[server][http]")
{
    TempWeb web;
    StaticFiles files(web.dir.string());
    REQUIRE(files.available());

    auto r = files.serve("/app.3f2a9c1b.js", false);
    REQUIRE(r.status == 200);
    CHECK(r.contentType == "application/javascript");
    CHECK(r.cacheControl == "public, max-age=31536000, immutable");
    CHECK_FALSE(r.gzipped);
    const std::string plain = *r.body;

    r = files.serve("/app.3f2a9c1b.js", true);
    REQUIRE(r.gzipped);
    CHECK(r.body->size() < plain.size());
    CHECK(gunzip(*r.body) == plain);
    auto again = files.serve("/app.3f2a9c1b.js", true);
    CHECK(again.body.get() == r.body.get()); // compressed once, kept in memory

    // Extension-less paths are app addresses for the pages feature (which used to get
    // index.html itself here); index.html is the pages' template, not a page of its own.
    for (const char* address : {"/", "/listing/123", "/listing/123/", "/search"}) {
        INFO(address);
        r = files.serve(address, true);
        CHECK(r.appAddress);
        CHECK_FALSE(r.body);
    }
    CHECK(files.serve("/index.html", false).status == 404);
    CHECK_FALSE(files.serve("/app.3f2a9c1b.js", false).appAddress);
    r = files.pageTemplate();
    REQUIRE(r.status == 200);
    CHECK(r.contentType == "text/html; charset=utf-8");
    CHECK(r.body->find("<!doctype html>") == 0);
    CHECK(r.etag.size() > 2);
    CHECK(files.pageTemplate().body.get() == r.body.get()); // read once per file version
    CHECK(namesFile("/fonts/x.ttf"));
    CHECK(namesFile("/listing/1.json"));
    CHECK_FALSE(namesFile("/listing/1"));
    CHECK_FALSE(namesFile("/"));

    CHECK(files.serve("/missing.png", false).status == 404);
    CHECK(files.serve("/.env", false).status == 404);
    CHECK(files.serve("/assets/../../etc/passwd", false).status == 400);
    CHECK(files.serve("/assets/logo.svg", false).contentType == "image/svg+xml");

    // A rebuilt file is picked up (the cache keys on mtime and size).
    web.write("app.3f2a9c1b.js", "changed");
    CHECK(*files.serve("/app.3f2a9c1b.js", false).body == "changed");

    StaticFiles missing((web.dir / "nope").string());
    CHECK_FALSE(missing.available());
    const auto m = missing.serve("/", false);
    CHECK(m.status == 503);
    CHECK(m.error.code == "web_app_not_built");
    CHECK(missing.pageTemplate().status == 503);
}

TEST_CASE("gzip round-trips and Accept-Encoding is parsed with q-values", "[server][http]")
{
    const std::string text(5000, 'a');
    CHECK(gunzip(gzipCompress(text)) == text);
    CHECK(acceptsGzip("gzip"));
    CHECK(acceptsGzip("deflate, gzip;q=1.0, br"));
    CHECK(acceptsGzip("*"));
    CHECK(acceptsGzip("GZIP"));
    CHECK_FALSE(acceptsGzip(""));
    CHECK_FALSE(acceptsGzip("br"));
    CHECK_FALSE(acceptsGzip("gzip;q=0"));
    CHECK_FALSE(acceptsGzip("*, gzip;q=0"));
    CHECK(acceptsGzip("x-gzip"));
    CHECK(acceptsGzip("gzip;q=0.5, identity;q=1"));
    CHECK(acceptsGzip("br, gzip; q=0.001"));
    CHECK_FALSE(acceptsGzip("gzip;q=0.000"));
    CHECK_FALSE(acceptsGzip("gzip;q=bogus")); // malformed: identity is always safe
}

TEST_CASE("reason phrases come from RESTinio", "[server][http]")
{
    CHECK(reasonPhrase(200) == "OK");
    CHECK(reasonPhrase(304) == "Not Modified");
    CHECK(reasonPhrase(404) == "Not Found");
    CHECK(reasonPhrase(405) == "Method Not Allowed");
    CHECK(reasonPhrase(413) == "Payload Too Large");
    CHECK(reasonPhrase(414) == "URI Too Long");
    CHECK(reasonPhrase(503) == "Service Unavailable");
    CHECK(reasonPhrase(299) == "Unknown");
    CHECK(reasonPhrase(-1) == "Unknown");
}

TEST_CASE("ETags: content fingerprints and If-None-Match lists", "[server][http]")
{
    CHECK(contentHash("") == "cbf29ce484222325"); // FNV-1a offset basis
    CHECK(contentHash("a") != contentHash("b"));
    CHECK(contentHash("abc").size() == 16);
    CHECK(etagMatches("\"x1\"", "\"x1\""));
    CHECK(etagMatches("\"a\", W/\"x1\"", "\"x1\""));
    CHECK(etagMatches("*", "\"x1\""));
    CHECK_FALSE(etagMatches("\"x1-gz\"", "\"x1\""));
    CHECK_FALSE(etagMatches("", "\"x1\""));
}

// The HTTP adapter on RESTinio: every route is declared in buildRouter(), requests are
// validated before routing, and every failure becomes a JSON ApiError.
//
// [SECTION] Logging and the render pool
// [SECTION] Responses
// [SECTION] Handlers
// [SECTION] Routes
// [SECTION] Server

#include "server/http/router.hpp"

#include "server/http/gzip.hpp"
#include "server/http/request_target.hpp"
#include "server/features/web/static_files.hpp"
#include "server/features/media/media_store.hpp"
#include "server/http/json_api.hpp"

#include "core/limits.hpp"
#include "core/listing_query.hpp"

#include <http_parser.h>
#include <restinio/all.hpp>

#include <charconv>
#include <condition_variable>
#include <csignal>
#include <deque>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <thread>

namespace dongelek::server {

namespace {

using Request = restinio::request_handle_t;
using Status = restinio::request_handling_status_t;

// [SECTION] Logging and the render pool

// RESTinio's own messages: warnings and errors only (trace and info would cost a
// formatted string per request under load), and not the per-connection ones: a client
// hanging up, timing out or sending garbage is normal traffic, not a server fault (our
// handler catches every exception itself, so none of those come from here).
class ServerLogger {
public:
    template <typename Builder> void trace(Builder&&) const noexcept {}
    template <typename Builder> void info(Builder&&) const noexcept {}
    template <typename Builder> void warn(Builder&& b) const noexcept { write("warning", b); }
    template <typename Builder> void error(Builder&& b) const noexcept { write("error", b); }

private:
    template <typename Builder> static void write(const char* level, Builder& b) noexcept
    {
        try {
            const std::string msg = b();
            if (msg.rfind("[connection:", 0) == 0) return;
            static std::mutex m;
            std::lock_guard lock(m);
            std::cerr << "http " << level << ": " << msg << '\n';
        } catch (...) {
            // Logging must never take the server down.
        }
    }
};

struct Traits : public restinio::traits_t<restinio::asio_timer_manager_t, ServerLogger> {};

// Threads for slow work (drawing photos), so the I/O threads keep answering the API.
// The queue is bounded: past it, requests get 503 instead of piling up memory.
class TaskPool {
public:
    TaskPool(int threads, std::size_t maxQueued) : m_maxQueued(maxQueued)
    {
        for (int i = 0; i < threads; ++i)
            m_threads.emplace_back([this] { work(); });
    }
    ~TaskPool() { shutdown(); }
    // Runs what is queued, then joins the threads. Idempotent.
    void shutdown()
    {
        {
            std::lock_guard lock(m_mutex);
            m_stopping = true;
        }
        m_wake.notify_all();
        for (auto& t : m_threads)
            if (t.joinable()) t.join();
    }
    bool tryPost(std::function<void()> task)
    {
        {
            std::lock_guard lock(m_mutex);
            if (m_stopping || m_queue.size() >= m_maxQueued) return false;
            m_queue.push_back(std::move(task));
        }
        m_wake.notify_one();
        return true;
    }

private:
    void work()
    {
        for (;;) {
            std::function<void()> task;
            {
                std::unique_lock lock(m_mutex);
                m_wake.wait(lock, [&] { return m_stopping || !m_queue.empty(); });
                if (m_queue.empty()) return;
                task = std::move(m_queue.front());
                m_queue.pop_front();
            }
            task();
        }
    }

    std::size_t m_maxQueued;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<std::function<void()>> m_queue;
    bool m_stopping = false;
    std::vector<std::thread> m_threads;
};

// [SECTION] Responses

constexpr const char* kJsonType = "application/json; charset=utf-8";
constexpr const char* kImmutable = "public, max-age=31536000, immutable";

const char* reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 304:
        return "Not Modified";
    case 400:
        return "Bad Request";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 414:
        return "URI Too Long";
    case 500:
        return "Internal Server Error";
    case 503:
        return "Service Unavailable";
    default:
        return "Unknown";
    }
}

restinio::http_status_line_t statusLine(int status)
{
    return restinio::http_status_line_t{restinio::http_status_code_t{static_cast<std::uint16_t>(status)},
                                        reasonPhrase(status)};
}

bool isHead(const Request& req)
{
    return req->header().method() == restinio::http_method_head();
}
bool isGetOrHead(const Request& req)
{
    return req->header().method() == restinio::http_method_get() || isHead(req);
}
bool wantsGzip(const Request& req)
{
    return acceptsGzip(req->header().get_field_or(restinio::http_field::accept_encoding, ""));
}

struct Headers {
    std::string contentType;
    std::string cacheControl;
    bool gzipped = false;
    bool varyOnEncoding = false;
    std::vector<std::pair<std::string, std::string>> extra;
};

template <typename Builder> void addHeaders(Builder& b, const Headers& h)
{
    b.append_header_date_field();
    b.append_header(restinio::http_field::content_type, h.contentType);
    b.append_header("X-Content-Type-Options", "nosniff");
    if (!h.cacheControl.empty()) b.append_header(restinio::http_field::cache_control, h.cacheControl);
    if (h.gzipped) b.append_header(restinio::http_field::content_encoding, "gzip");
    if (h.varyOnEncoding) b.append_header(restinio::http_field::vary, "Accept-Encoding");
    for (const auto& [name, value] : h.extra)
        b.append_header(name, value);
}

// Sends `body` (shared, never copied). HEAD gets the same headers and length, no body.
Status sendBytes(const Request& req, int status, std::shared_ptr<const std::string> body, const Headers& h,
                 bool closeConnection = false)
{
    if (isHead(req)) {
        auto b = req->create_response<restinio::user_controlled_output_t>(statusLine(status));
        addHeaders(b, h);
        b.set_content_length(body->size());
        if (closeConnection) b.connection_close();
        return b.done();
    }
    auto b = req->create_response(statusLine(status));
    addHeaders(b, h);
    if (closeConnection) b.connection_close();
    b.set_body(std::move(body));
    return b.done();
}

Status sendError(const Request& req, const HttpError& e, std::vector<std::pair<std::string, std::string>> extra = {})
{
    Headers h;
    h.contentType = kJsonType;
    h.cacheControl = "no-store";
    h.extra = std::move(extra);
    // After an oversized request the connection is not worth keeping.
    const bool close = e.status == 414;
    return sendBytes(req, e.status, std::make_shared<const std::string>(errorJson(e.error)), h, close);
}

// A 200 with `etag`, or a bodiless 304 when the client already has that representation.
Status sendTagged(const Request& req, std::shared_ptr<const std::string> body, Headers h, const std::string& etag)
{
    h.extra.emplace_back("ETag", etag);
    if (etagMatches(req->header().get_field_or(restinio::http_field::if_none_match, ""), etag)) {
        auto b = req->create_response(statusLine(304));
        addHeaders(b, h);
        return b.done();
    }
    return sendBytes(req, 200, std::move(body), h);
}

Status sendJson(const Request& req, const BodyPtr& body)
{
    Headers h;
    h.contentType = kJsonType;
    h.cacheControl = "no-cache";
    h.gzipped = body->gzipped;
    h.varyOnEncoding = true;
    return sendTagged(req, std::shared_ptr<const std::string>(body, &body->bytes), std::move(h), body->etag);
}

Status sendPhoto(const Request& req, const std::string& path)
{
    Headers h;
    h.contentType = "image/jpeg";
    h.cacheControl = kImmutable;
    if (isHead(req)) {
        auto b = req->create_response<restinio::user_controlled_output_t>(statusLine(200));
        addHeaders(b, h);
        b.set_content_length(static_cast<std::size_t>(std::filesystem::file_size(path)));
        return b.done();
    }
    auto b = req->create_response(statusLine(200));
    addHeaders(b, h);
    b.set_body(restinio::sendfile(path));
    return b.done();
}

HttpError internalError()
{
    return HttpError{500, ApiError{"internal", "", "internal server error; it has been logged"}};
}

HttpError methodNotAllowed(const Request& req)
{
    return HttpError{405,
                     ApiError{"method_not_allowed", "",
                              std::string(req->header().method().c_str()) + " is not allowed here; use GET or HEAD"}};
}

const std::vector<std::pair<std::string, std::string>> kAllowGetHead{{"Allow", "GET, HEAD"}};

// [SECTION] Handlers

class Handlers {
public:
    Handlers(HttpServices& s, TaskPool& renders, const LogFn& log) : m_s(s), m_renders(renders), m_log(log) {}

    Status health(const Request& req) { return sendJson(req, m_s.api.health(wantsGzip(req))); }

    Status listings(const Request& req)
    {
        ListingFilter filter;
        FieldError fe;
        if (!parseListingQuery(req->header().query(), filter, fe))
            return sendError(req, HttpError{400, ApiError{"invalid_parameter", fe.field, fe.message}});
        return sendJson(req, m_s.api.listings(filter, wantsGzip(req)));
    }

    Status listing(const Request& req, std::string_view idText)
    {
        std::int64_t id = 0;
        const auto [ptr, ec] = std::from_chars(idText.data(), idText.data() + idText.size(), id);
        const bool numeric = ec != std::errc::invalid_argument && ptr == idText.data() + idText.size() &&
                             !idText.empty() && idText.front() != '-' && idText.front() != '+';
        if (!numeric)
            return sendError(req,
                             HttpError{400, ApiError{"invalid_parameter", "id",
                                                     "id must be a whole number, got '" + excerpt(idText, 32) + "'"}});
        if (ec == std::errc::result_out_of_range || id < 1 || id > limits::kIdMax)
            return sendError(req,
                             HttpError{400, ApiError{"invalid_parameter", "id",
                                                     "id must be between 1 and " + std::to_string(limits::kIdMax)}});
        if (auto body = m_s.api.listing(id, wantsGzip(req))) return sendJson(req, *body);
        return sendError(req, HttpError{404, ApiError{"not_found", "id", "no listing with id " + std::to_string(id)}});
    }

    Status makes(const Request& req) { return sendJson(req, m_s.api.makes(wantsGzip(req))); }
    Status cities(const Request& req) { return sendJson(req, m_s.api.cities(wantsGzip(req))); }

    Status photo(const Request& req, std::string_view fileName)
    {
        std::int64_t id = 0;
        PhotoSize size = PhotoSize::Thumb;
        if (!parsePhotoFileName(fileName, id, size))
            return sendError(req, HttpError{404, ApiError{"not_found", "path", "no such photo"}});
        const std::string path = m_s.media.pathFor(id, size);
        std::error_code ec;
        if (std::filesystem::is_regular_file(path, ec)) return sendPhoto(req, path);

        // First request for this photo: draw it on a render thread and answer from there.
        const bool queued = m_renders.tryPost([this, req, id, size] {
            try {
                const std::optional<std::string> file = m_s.media.photoFile(id, size);
                if (!file)
                    sendError(req, HttpError{404, ApiError{"not_found", "path", "no such photo"}});
                else
                    sendPhoto(req, *file);
            } catch (const std::exception& e) {
                m_log("photo " + std::to_string(id) + " failed: " + e.what());
                sendError(req, internalError());
            }
        });
        if (!queued)
            return sendError(req,
                             HttpError{503, ApiError{"busy", "", "too many photos are being drawn; retry shortly"}},
                             {{"Retry-After", "1"}});
        return restinio::request_accepted();
    }

    // Everything the routes do not match: unknown API paths, other media, the web app.
    Status fallback(const Request& req)
    {
        const std::string_view path = req->header().path();
        const auto under = [&](std::string_view prefix) {
            return path == prefix || path.substr(0, prefix.size() + 1) == std::string(prefix) + "/";
        };
        if (under("/api")) {
            return sendError(req, HttpError{404, ApiError{"not_found", "path",
                                                          "no API endpoint at " + excerpt(path) +
                                                              "; see /api/v1/health, /api/v1/listings, "
                                                              "/api/v1/makes, /api/v1/cities"}});
        }
        if (!isGetOrHead(req)) return sendError(req, methodNotAllowed(req), kAllowGetHead);
        if (under("/media")) return sendError(req, HttpError{404, ApiError{"not_found", "path", "no such media file"}});

        std::string decoded;
        decodePath(path, decoded); // already validated before routing
        StaticResponse r = m_s.web.serve(decoded, wantsGzip(req));
        if (r.status != 200) return sendError(req, HttpError{r.status, r.error});
        Headers h;
        h.contentType = r.contentType;
        h.cacheControl = r.cacheControl;
        h.gzipped = r.gzipped;
        h.varyOnEncoding = true;
        return sendTagged(req, r.body, std::move(h), r.etag);
    }

    void logFault(const std::string& what) { m_log(what); }

private:
    HttpServices& m_s;
    TaskPool& m_renders;
    const LogFn& m_log;
};

// [SECTION] Routes

using Router = restinio::router::express_router_t<>;

std::unique_ptr<Router> buildRouter(Handlers& h)
{
    auto r = std::make_unique<Router>();
    const auto getOrHead = [] {
        return restinio::router::any_of_methods(restinio::http_method_get(), restinio::http_method_head());
    };
    const auto otherMethods = [] {
        return restinio::router::none_of_methods(restinio::http_method_get(), restinio::http_method_head());
    };
    const auto refuse = [](const Request& req, auto) { return sendError(req, methodNotAllowed(req), kAllowGetHead); };

    r->add_handler(getOrHead(), "/api/v1/health", [&h](const Request& req, auto) { return h.health(req); });
    r->add_handler(otherMethods(), "/api/v1/health", refuse);

    r->add_handler(getOrHead(), "/api/v1/listings", [&h](const Request& req, auto) { return h.listings(req); });
    r->add_handler(otherMethods(), "/api/v1/listings", refuse);

    r->add_handler(getOrHead(), "/api/v1/listings/:id",
                   [&h](const Request& req, restinio::router::route_params_t p) { return h.listing(req, p["id"]); });
    r->add_handler(otherMethods(), "/api/v1/listings/:id", refuse);

    r->add_handler(getOrHead(), "/api/v1/makes", [&h](const Request& req, auto) { return h.makes(req); });
    r->add_handler(otherMethods(), "/api/v1/makes", refuse);

    r->add_handler(getOrHead(), "/api/v1/cities", [&h](const Request& req, auto) { return h.cities(req); });
    r->add_handler(otherMethods(), "/api/v1/cities", refuse);

    r->add_handler(getOrHead(), "/media/photos/:file",
                   [&h](const Request& req, restinio::router::route_params_t p) { return h.photo(req, p["file"]); });
    r->add_handler(otherMethods(), "/media/photos/:file", refuse);

    r->non_matched_request_handler([&h](Request req) { return h.fallback(req); });
    return r;
}

} // namespace

// [SECTION] Server

int runHttpServer(const HttpOptions& options, HttpServices& services, const LogFn& log)
{
    // http_parser counts the request line as header bytes; its 80 KB default would drop
    // a long URL without any answer. Accept up to 16 MiB and refuse politely instead.
    constexpr std::size_t kMaxRequestHead = 16u << 20;
    http_parser_set_max_header_size(static_cast<std::uint32_t>(kMaxRequestHead));

    TaskPool renders(std::max(1, options.renderThreads), 2000);
    Handlers handlers(services, renders, log);
    std::shared_ptr<Router> router = buildRouter(handlers);

    auto handler = [router, &handlers](Request req) -> Status {
        try {
            std::string decodedPath;
            if (auto err = checkRequestTarget(req->header().path(), req->header().query(), decodedPath))
                return sendError(req, *err);
            return (*router)(req);
        } catch (const std::exception& e) {
            handlers.logFault(std::string("request failed: ") + e.what());
        } catch (...) {
            handlers.logFault("request failed with an unknown exception");
        }
        try {
            return sendError(req, internalError());
        } catch (...) {
            return restinio::request_rejected(); // the response was already under way
        }
    };

    restinio::asio_ns::io_context ioctx;
    restinio::server_settings_t<Traits> settings;
    settings.address(options.address)
        .port(options.port)
        .request_handler(std::move(handler))
        .buffer_size(64 * 1024)
        .read_next_http_message_timelimit(std::chrono::seconds(30))
        .handle_request_timeout(std::chrono::seconds(30))
        .incoming_http_msg_limits(restinio::incoming_http_msg_limits_t{}
                                      .max_url_size(kMaxRequestHead)
                                      .max_field_name_size(1024)
                                      .max_field_value_size(64 * 1024)
                                      .max_field_count(100)
                                      .max_body_size(64 * 1024));
    restinio::http_server_t<Traits> server{restinio::external_io_context(ioctx), std::move(settings)};

    int exitCode = 0;
    restinio::asio_ns::signal_set signals(ioctx, SIGINT, SIGTERM);
    signals.async_wait([&](const restinio::asio_ns::error_code& ec, int signal) {
        if (ec) return;
        log(std::string("stopping on ") + (signal == SIGINT ? "SIGINT" : "SIGTERM"));
        server.close_async([&] { ioctx.stop(); }, [&](std::exception_ptr) { ioctx.stop(); });
    });
    server.open_async([&] { log("listening on http://" + options.address + ":" + std::to_string(options.port)); },
                      [&](std::exception_ptr ex) {
                          try {
                              std::rethrow_exception(ex);
                          } catch (const std::exception& e) {
                              log("cannot listen on " + options.address + ":" + std::to_string(options.port) + ": " +
                                  e.what());
                          } catch (...) {
                              log("cannot listen on " + options.address + ":" + std::to_string(options.port));
                          }
                          exitCode = 1;
                          ioctx.stop();
                      });

    std::vector<std::thread> pool;
    for (int i = 1; i < options.threads; ++i)
        pool.emplace_back([&] { ioctx.run(); });
    ioctx.run();
    for (auto& t : pool)
        t.join();
    renders.shutdown(); // its tasks use `handlers`, which is destroyed first
    return exitCode;
}

} // namespace dongelek::server

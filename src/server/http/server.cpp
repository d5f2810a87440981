// The HTTP transport on RESTinio: each request becomes a Request, runs through the chain
// (which owns every decision), and the Response it returns is written back. Besides
// header_parsers.cpp, the only translation unit that includes RESTinio.
//
// [SECTION] Logging
// [SECTION] Requests in, responses out
// [SECTION] Server

#include "server/http/server.hpp"

#include "server/http/header_parsers.hpp"
#include "server/http/route_table.hpp"

#include <http_parser.h>
#include <restinio/all.hpp>

#include <algorithm>
#include <csignal>
#include <iostream>
#include <mutex>
#include <optional>
#include <thread>

namespace dongelek::server {

namespace {

using RestinioRequest = restinio::request_handle_t;

// [SECTION] Logging

// RESTinio's own messages: warnings and errors only (trace and info would cost a
// formatted string per request under load), and not the per-connection ones: a client
// hanging up, timing out or sending garbage is normal traffic, not a server fault (the
// chain catches every exception of ours, so none of those come from here).
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

// [SECTION] Requests in, responses out

std::string_view view(restinio::string_view_t s)
{
    return std::string_view(s.data(), s.size());
}

Method toMethod(const restinio::http_method_id_t& m)
{
    switch (m.raw_id()) {
    case HTTP_GET:
        return Method::Get;
    case HTTP_HEAD:
        return Method::Head;
    case HTTP_POST:
        return Method::Post;
    case HTTP_PUT:
        return Method::Put;
    case HTTP_PATCH:
        return Method::Patch;
    case HTTP_DELETE:
        return Method::Delete;
    case HTTP_OPTIONS:
        return Method::Options;
    default:
        return Method::Other;
    }
}

// Views into RESTinio's request, which `owner` keeps alive (no copies of path or body).
Request toRequest(const RestinioRequest& rq)
{
    const auto& h = rq->header();
    Request r;
    r.method = toMethod(h.method());
    r.methodText = h.method().c_str();
    r.rawPath = view(h.path());
    r.rawQuery = view(h.query());
    r.headers.reserve(h.fields_count());
    for (const auto& f : h)
        r.headers.push_back(Header{f.name(), f.value()});
    r.body = rq->body();
    r.remoteAddress = rq->remote_endpoint().address().to_string();
    r.owner = rq;
    return r;
}

template <typename Builder> void addHeaders(Builder& b, Response& r)
{
    b.append_header_date_field();
    for (ResponseHeader& h : r.headers)
        b.append_header(std::string(h.name), std::move(h.value));
    if (r.closeConnection) b.connection_close();
}

void write(const RestinioRequest& rq, Response&& r)
{
    // What can fail (opening the file) happens before create_response(), which a request
    // allows only once: a failure here still leaves room for the 500 in deliver().
    std::optional<restinio::sendfile_t> file;
    if (!r.omitBody && !r.file.empty()) file.emplace(restinio::sendfile(r.file));
    restinio::http_status_line_t line{restinio::http_status_code_t{static_cast<std::uint16_t>(r.status)},
                                      std::string(reasonPhrase(r.status))};
    if (r.omitBody) { // HEAD: the GET's headers and length, no body
        auto b = rq->create_response<restinio::user_controlled_output_t>(std::move(line));
        const std::uint64_t length = r.contentLength();
        addHeaders(b, r);
        b.set_content_length(static_cast<std::size_t>(length));
        b.done();
        return;
    }
    auto b = rq->create_response(std::move(line));
    addHeaders(b, r);
    if (file)
        b.set_body(std::move(*file));
    else if (r.body)
        b.set_body(std::move(r.body)); // shared, never copied
    b.done();
}

// Writes `r`; when that fails (a photo file vanished), logs it and tries a 500 instead.
void deliver(const Chain& chain, const RestinioRequest& rq, Response&& r)
{
    const std::string requestId(r.header("X-Request-Id"));
    try {
        write(rq, std::move(r));
        return;
    } catch (...) {
        try {
            const Method method = toMethod(rq->header().method());
            const std::string path(view(rq->header().path()));
            Response err = chain.fault(std::current_exception(), requestId, method, path);
            chain.finish(err, method, requestId, path, std::chrono::steady_clock::now());
            write(rq, std::move(err));
        } catch (...) {
            // The response was already under way: RESTinio closes the connection.
        }
    }
}

void sendLate(const Chain& chain, const std::shared_ptr<const void>& owner, Response&& response)
{
    auto rq = std::static_pointer_cast<restinio::request_t>(std::const_pointer_cast<void>(owner));
    deliver(chain, rq, std::move(response));
}

} // namespace

// [SECTION] Server

int runHttpServer(const HttpOptions& options, const RouteTable& routes, const LogFn& log)
{
    // http_parser counts the request line as header bytes; its 80 KB default would drop
    // a long URL without any answer. Accept up to 16 MiB and refuse politely instead.
    constexpr std::size_t kMaxRequestHead = 16u << 20;
    http_parser_set_max_header_size(static_cast<std::uint32_t>(kMaxRequestHead));
    // Bodies up to this much over the largest route limit are read and refused with a JSON
    // 413 naming the route's limit; larger ones make the parser drop the connection
    // (RESTinio has no hook to answer before reading a body).
    constexpr std::size_t kPoliteRefusalBytes = 64 * 1024;
    // Requests a client may send on one connection without waiting for answers (RFC 9112
    // §9.3.2). RESTinio's default is 1, and its connection then fails the third pipelined
    // request: after a write that freed the only slot it resumes reading although the
    // slot was refilled meanwhile, registering into a full table throws, and the
    // connection closes with the second answer unsent. More slots keep every answer (in
    // order) for pipelines up to this depth; each costs a few dozen bytes per connection.
    constexpr std::size_t kMaxPipelinedRequests = 128;

    Chain chain(routes, ChainOptions{log, options.slowRequest, options.authenticate, options.tls, options.trustedProxies});
    restinio::asio_ns::io_context ioctx;

    auto handler = [&chain, &ioctx](RestinioRequest rq) -> restinio::request_handling_status_t {
        try {
            Request req = toRequest(rq);
            req.lateSend = &sendLate;
            if (std::optional<Response> r = chain.handle(req)) {
                // Written from a posted handler, never from inside RESTinio's read loop: see
                // kMaxPipelinedRequests above for why an answer written there breaks pipelines.
                restinio::asio_ns::post(
                    ioctx, [&chain, rq, resp = std::move(*r)]() mutable { deliver(chain, rq, std::move(resp)); });
            }
            return restinio::request_accepted();
        } catch (...) {
            if (chain.log()) chain.log()("request failed before the chain could answer it");
            return restinio::request_rejected(); // RESTinio answers 501 and closes
        }
    };

    restinio::server_settings_t<Traits> settings;
    settings.address(options.address)
        .port(options.port)
        .request_handler(std::move(handler))
        .buffer_size(64 * 1024)
        .max_pipelined_requests(kMaxPipelinedRequests)
        .read_next_http_message_timelimit(std::chrono::seconds(30))
        .handle_request_timeout(std::chrono::seconds(30))
        .incoming_http_msg_limits(restinio::incoming_http_msg_limits_t{}
                                      .max_url_size(kMaxRequestHead)
                                      .max_field_name_size(1024)
                                      .max_field_value_size(64 * 1024)
                                      .max_field_count(100)
                                      .max_body_size(routes.largestBodyLimit() + kPoliteRefusalBytes));
    restinio::http_server_t<Traits> server{restinio::external_io_context(ioctx), std::move(settings)};

    int exitCode = 0;
    restinio::asio_ns::signal_set signals(ioctx, SIGINT, SIGTERM);
    signals.async_wait([&](const restinio::asio_ns::error_code& ec, int signal) {
        if (ec) return;
        log(std::string("stopping on ") + (signal == SIGINT ? "SIGINT" : "SIGTERM"));
        server.close_async([&] { ioctx.stop(); }, [&](std::exception_ptr) { ioctx.stop(); });
    });
    server.open_async(
        [&] {
            log("listening on http://" + options.address + ":" + std::to_string(options.port) + " (" +
                std::to_string(routes.size()) + " routes)");
        },
        [&](std::exception_ptr ex) {
            try {
                std::rethrow_exception(ex);
            } catch (const std::exception& e) {
                log("cannot listen on " + options.address + ":" + std::to_string(options.port) + ": " + e.what());
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
    if (options.drainDeferredWork) options.drainDeferredWork(); // its answers use `chain` and `ioctx`
    return exitCode;
}

} // namespace dongelek::server

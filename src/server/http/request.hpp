// What a handler sees (Request), and the handle to answer it later from another thread
// (Responder). No RESTinio here: http/server.cpp fills a Request, tests build one directly.
//
// [SECTION] Methods and headers
// [SECTION] Route parameters
// [SECTION] Request
// [SECTION] Answering later
#pragma once

#include "server/http/principal.hpp"

#include <chrono>
#include <cstdint>
#include <exception>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace dongelek::server {

class Chain;
class Response;

// [SECTION] Methods and headers

enum class Method : std::uint8_t { Get, Head, Post, Put, Patch, Delete, Options, Other };
inline constexpr int kMethodCount = 8;

// "GET", "HEAD", ...; "OTHER" for Method::Other (Request::methodText has what was sent).
std::string_view methodName(Method method);
// The method for a token as sent ("GET" -> Get; unknown tokens -> Other).
Method methodFromName(std::string_view name);

struct Header {
    std::string_view name;
    std::string_view value;
};

// ASCII case-insensitive equality, for header names.
bool equalsIgnoringCase(std::string_view a, std::string_view b);

// [SECTION] Route parameters

// The typed values of a matched route's parameters, filled by the route table after the
// type checks passed: {id:id} is a number in 1..kIdMax, {file} any non-empty segment and
// {path:*} the rest of the path, both percent-decoded.
class RouteParams {
public:
    // Decoded text of a parameter. Throws std::logic_error for a name the route lacks.
    std::string_view text(std::string_view name) const;
    // The number of an {name:id} parameter. Throws std::logic_error for a name the route lacks.
    std::int64_t id(std::string_view name) const;

    void add(std::string_view name, std::string text, std::int64_t number = 0);
    std::size_t size() const { return m_params.size(); }

private:
    struct Param {
        std::string_view name; // points into the route's pattern, which outlives requests
        std::string text;
        std::int64_t number = 0;
    };
    const Param& find(std::string_view name) const;
    std::vector<Param> m_params;
};

// [SECTION] Request

// Hands a finished response to the transport after the handler returned (photo rendering).
// The adapter sets it with `owner` keeping the transport's request alive; tests set their own.
using LateSend = void (*)(const Chain& chain, const std::shared_ptr<const void>& owner, Response&& response);

class Responder;

// Views point into memory `owner` keeps alive for the request's whole life. Handlers get it
// as const: the chain fills requestId, path and params before the handler runs.
struct Request {
    Method method = Method::Get;
    std::string_view methodText; // as sent ("GET", "PROPFIND"), for messages
    std::string_view rawPath;    // as sent, still percent-encoded
    std::string_view rawQuery;   // after '?', still encoded: core/url's forEachQueryParam splits it
    std::vector<Header> headers;
    std::string_view body;

    std::string path;      // percent-decoded, valid UTF-8, no NUL (set by the chain's target checks)
    std::string requestId; // the client's sane X-Request-Id, or a fresh one (set by the chain)
    RouteParams params;    // typed route parameters (set by the route table)
    std::string remoteAddress;          // the peer's IP address ("127.0.0.1"), set by the transport
    std::optional<Principal> principal; // from a valid bearer token (set by the chain)

    // The signed-in caller of a SignedIn or Admin route (the chain checked it). Throws
    // std::logic_error on a route that let anonymous callers in.
    const Principal& user() const;

    std::shared_ptr<const void> owner;
    LateSend lateSend = nullptr;

    // The first header of that name (ASCII case-insensitive); empty when absent.
    std::string_view header(std::string_view name) const;
    // Whether Accept-Encoding allows gzip (RESTinio's field parser), computed once.
    bool acceptsGzip() const;

    // For slow work: take a Responder, hand it to another thread and return Deferred{}.
    // The response then gets the same chain steps (headers, timing, logs) when sent.
    Responder answerLater() const;

    // Chain bookkeeping, not for handlers.
    const Chain* chain = nullptr;
    std::chrono::steady_clock::time_point started{};
    mutable std::shared_ptr<void> lateState;

private:
    mutable signed char m_gzip = -1; // -1: not parsed yet
};

// [SECTION] Answering later

// What a handler returns after answerLater(): "the response comes through the Responder".
struct Deferred {};

// A copyable handle to answer one request from any thread. The first answer wins (also
// against the handler's own return value); later ones are ignored.
class Responder {
public:
    void send(Response response) const;
    // Maps an exception like one thrown by a handler: ClientError -> JSON 4xx, else a logged 500.
    void fail(std::exception_ptr error) const;

private:
    friend struct Request;
    friend class Chain;
    explicit Responder(std::shared_ptr<void> state) : m_state(std::move(state)) {}
    std::shared_ptr<void> m_state;
};

} // namespace dongelek::server

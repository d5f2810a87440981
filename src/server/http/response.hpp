// What a handler returns: status, headers and a body that is either shared bytes (never
// copied on the way out) or a file for sendfile. No RESTinio here (http/server.cpp writes it).
#pragma once

#include "server/http/errors.hpp"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace dongelek::server {

struct ResponseHeader {
    std::string_view name; // always a string literal: header names are ours, never the client's
    std::string value;
};

inline constexpr const char* kJsonType = "application/json; charset=utf-8";

class Response {
public:
    int status = 200;
    std::vector<ResponseHeader> headers;
    std::shared_ptr<const std::string> body; // null: no body
    std::string file;                        // set instead of `body` to send a file
    std::uint64_t fileSize = 0;
    bool omitBody = false;        // HEAD: the same headers and Content-Length, no body (set by the chain)
    bool closeConnection = false; // after this response (a 414: the connection is not worth keeping)

    static Response bytes(int status, std::string_view contentType, std::shared_ptr<const std::string> body);
    // One user's JSON (accounts, favorites, saved searches, a revealed phone): never stored by a
    // cache on the way (Cache-Control: no-store).
    static Response privateJson(int status, std::string json);
    static Response sendFile(std::string_view contentType, std::string path, std::uint64_t size);

    // Appends a header (names are literals, see ResponseHeader).
    Response& set(std::string_view name, std::string value);
    // The first value of a header (ASCII case-insensitive); empty when absent.
    std::string_view header(std::string_view name) const;
    // Bytes of the body as it would be sent (also for HEAD, which sends none).
    std::uint64_t contentLength() const;
};

// {"error": {"code", "field", "message"}} with the error's status, Cache-Control: no-store;
// a 414 also closes the connection.
Response errorResponse(const HttpError& error);

} // namespace dongelek::server

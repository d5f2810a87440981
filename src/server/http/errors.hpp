// Client mistakes as values and as a typed exception. Handlers throw ClientError; the
// chain turns it into a JSON 4xx naming the field, and anything else into a logged 500.
#pragma once

#include "core/model.hpp"

#include <stdexcept>
#include <string>

namespace dongelek::server {

// A refusal with its HTTP status and the API error body.
struct HttpError {
    int status = 400;
    ApiError error;
    long retryAfter = 0; // a 429's wait in seconds: the Retry-After header and "retryAfter" in the body
};

inline HttpError tooManyRequests(std::string field, std::string message, long retryAfterSeconds)
{
    return HttpError{429, ApiError{"rate_limited", std::move(field), std::move(message)},
                     retryAfterSeconds < 1 ? 1 : retryAfterSeconds};
}

class ClientError : public std::runtime_error {
public:
    explicit ClientError(HttpError e) : std::runtime_error(e.error.message), m_error(std::move(e)) {}
    ClientError(int status, std::string code, std::string field, std::string message)
        : ClientError(HttpError{status, ApiError{std::move(code), std::move(field), std::move(message)}})
    {
    }
    const HttpError& error() const noexcept { return m_error; }

private:
    HttpError m_error;
};

inline HttpError badParameter(std::string field, std::string message)
{
    return HttpError{400, ApiError{"invalid_parameter", std::move(field), std::move(message)}};
}
inline HttpError notFound(std::string field, std::string message)
{
    return HttpError{404, ApiError{"not_found", std::move(field), std::move(message)}};
}

} // namespace dongelek::server

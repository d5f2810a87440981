// Reply classification: transport failures, HTTP error statuses with the server's error body.

#include "client/api_client.hpp"

namespace dongelek {

RequestError ApiClient::classify(const HttpReply& reply)
{
    RequestError error;
    error.httpStatus = reply.status;
    if (reply.status == 0) {
        error.kind = ErrorKind::Network;
        error.detail = reply.transportError.empty() ? "no response" : reply.transportError;
        return error;
    }
    if (reply.status >= 200 && reply.status < 300) return error;
    ApiError api;
    if (parseJson(reply.body, api)) error.api = api;
    error.detail = "HTTP " + std::to_string(reply.status) + (api.message.empty() ? "" : ": " + api.message);
    if (reply.status == 404) error.kind = ErrorKind::NotFound;
    else if (reply.status >= 400 && reply.status < 500) error.kind = ErrorKind::BadRequest;
    else error.kind = ErrorKind::Server;
    return error;
}

} // namespace dongelek

// API client: URL building, reply interpretation and the hop back to the main thread.
// Parsing happens on the main thread too (replies are small), keeping T off worker threads.

#include "client/api_client.hpp"

#include "core/json_mapping.hpp"
#include "core/listing_query.hpp"

namespace dongelek {

ApiClient::ApiClient(HttpGetFn http, TaskQueue& queue) : m_http(std::move(http)), m_queue(queue) {}

std::string ApiClient::listingsUrl(const ListingFilter& filter)
{
    const std::string qs = toQueryString(filter);
    return qs.empty() ? "/api/v1/listings" : "/api/v1/listings?" + qs;
}

std::string ApiClient::listingUrl(std::int64_t id) { return "/api/v1/listings/" + std::to_string(id); }

template <typename T> ApiResult<T> ApiClient::interpret(const HttpReply& reply)
{
    ApiResult<T> result;
    result.error.httpStatus = reply.status;
    if (reply.status == 0) {
        result.error.kind = ErrorKind::Network;
        result.error.detail = reply.transportError.empty() ? "no response" : reply.transportError;
        return result;
    }
    if (reply.status < 200 || reply.status >= 300) {
        ApiError api;
        if (parseJson(reply.body, api)) result.error.api = api;
        result.error.detail = "HTTP " + std::to_string(reply.status) + (api.message.empty() ? "" : ": " + api.message);
        if (reply.status == 404) result.error.kind = ErrorKind::NotFound;
        else if (reply.status >= 400 && reply.status < 500) result.error.kind = ErrorKind::BadRequest;
        else result.error.kind = ErrorKind::Server;
        return result;
    }
    std::string parseError;
    if (!parseJson(reply.body, result.value, &parseError)) {
        result.error.kind = ErrorKind::BadResponse;
        result.error.detail = parseError;
        return result;
    }
    result.ok = true;
    return result;
}

template <typename T> void ApiClient::get(const std::string& url, std::function<void(ApiResult<T>)> done)
{
    TaskQueue* queue = &m_queue;
    m_http(url, [queue, done = std::move(done)](HttpReply reply) mutable {
        queue->post([done = std::move(done), reply = std::move(reply)] { done(interpret<T>(reply)); });
    });
}

void ApiClient::fetchListings(const ListingFilter& filter, std::function<void(ApiResult<ListingPage>)> done)
{
    get<ListingPage>(listingsUrl(filter), std::move(done));
}

void ApiClient::fetchListing(std::int64_t id, std::function<void(ApiResult<ListingDetails>)> done)
{
    get<ListingDetails>(listingUrl(id), std::move(done));
}

void ApiClient::fetchMakes(std::function<void(ApiResult<std::vector<MakeInfo>>)> done)
{
    get<std::vector<MakeInfo>>(kMakesUrl, std::move(done));
}

void ApiClient::fetchCities(std::function<void(ApiResult<std::vector<City>>)> done)
{
    get<std::vector<City>>(kCitiesUrl, std::move(done));
}

template ApiResult<ListingPage> ApiClient::interpret<ListingPage>(const HttpReply&);
template ApiResult<ListingDetails> ApiClient::interpret<ListingDetails>(const HttpReply&);
template ApiResult<std::vector<MakeInfo>> ApiClient::interpret<std::vector<MakeInfo>>(const HttpReply&);
template ApiResult<std::vector<City>> ApiClient::interpret<std::vector<City>>(const HttpReply&);

} // namespace dongelek

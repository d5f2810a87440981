// Typed access to the Dongelek API: builds the URLs from core types, parses replies with
// the shared JSON mapping and turns every failure into one RequestError the UI can show.
#pragma once

#include "client/task_queue.hpp"
#include "core/model.hpp"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace dongelek {

// What went wrong, as the UI explains it (each kind has its own localized message).
enum class ErrorKind { None, Network, NotFound, BadRequest, Server, BadResponse };

struct RequestError {
    ErrorKind kind = ErrorKind::None;
    int httpStatus = 0;
    ApiError api;       // the server's error body when it sent one
    std::string detail; // transport or parse message, for logs and the test hook
};

template <typename T> struct ApiResult {
    bool ok = false;
    T value{};
    RequestError error;
};

// Raw transport: GET a site-relative URL; `done` may run on any thread.
struct HttpReply {
    int status = 0; // 0 = no HTTP answer
    std::string body;
    std::string transportError;
};
using HttpGetFn = std::function<void(const std::string& url, std::function<void(HttpReply)> done)>;

// Request generations: each new request of one kind supersedes the previous one, and a
// reply whose generation is no longer current is dropped instead of overwriting newer data.
class RequestSlot {
public:
    std::uint64_t begin() { return ++m_current; }
    bool isCurrent(std::uint64_t generation) const { return generation == m_current; }
    std::uint64_t current() const { return m_current; }

private:
    std::uint64_t m_current = 0;
};

class ApiClient {
public:
    // Replies are delivered through `queue`, so callbacks always run on the main thread.
    ApiClient(HttpGetFn http, TaskQueue& queue);

    void fetchListings(const ListingFilter& filter, std::function<void(ApiResult<ListingPage>)> done);
    void fetchListing(std::int64_t id, std::function<void(ApiResult<ListingDetails>)> done);
    void fetchMakes(std::function<void(ApiResult<std::vector<MakeInfo>>)> done);
    void fetchCities(std::function<void(ApiResult<std::vector<City>>)> done);

    static std::string listingsUrl(const ListingFilter& filter);
    static std::string listingUrl(std::int64_t id);
    static constexpr const char* kMakesUrl = "/api/v1/makes";
    static constexpr const char* kCitiesUrl = "/api/v1/cities";

    // Maps a raw reply to either a parsed T or a RequestError (pure; unit-testable).
    template <typename T> static ApiResult<T> interpret(const HttpReply& reply);

private:
    template <typename T> void get(const std::string& url, std::function<void(ApiResult<T>)> done);

    HttpGetFn m_http;
    TaskQueue& m_queue;
};

} // namespace dongelek

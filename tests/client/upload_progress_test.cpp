// Upload progress (HttpRequest::onUploadProgress, the seller's per-photo progress bars): the callback
// reaches the transport with the request, what the transport reports reaches the caller on the
// main thread, in order and before the reply, and a request without it is sent as before.
#include "account_harness.hpp"
#include "client/api_client.hpp"
#include "client_harness.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <thread>
#include <vector>

using namespace dongelek;
using namespace dongelek::test;

namespace {
// What a caller saw, in the order it saw it.
struct Log {
    std::vector<std::string> lines;
    std::function<void(std::uint64_t, std::uint64_t)> progress()
    {
        return [this](std::uint64_t sent, std::uint64_t total) {
            lines.push_back("progress " + std::to_string(sent) + "/" + std::to_string(total));
        };
    }
    std::function<void(HttpReply)> done()
    {
        return [this](const HttpReply& reply) { lines.push_back("done " + std::to_string(reply.status)); };
    }
};

HttpRequest photoPut(std::string body)
{
    HttpRequest r;
    r.method = "PUT";
    r.url = "/api/v1/listings/7/photos/1";
    r.headers = {{"Content-Type", "image/jpeg"}};
    r.body = std::move(body);
    return r;
}
} // namespace

TEST_CASE("a request with onUploadProgress reaches the transport with it, the rest unchanged", "[client][upload]")
{
    TaskQueue queue;
    FakeHttp http;
    ApiClient api{http.fn(), queue};
    Log log;
    HttpRequest request = photoPut(std::string(300, 'x'));
    request.onUploadProgress = log.progress();
    api.sendRaw(std::move(request), log.done());
    REQUIRE(http.size() == 1);
    const auto& sent = http.request(0);
    CHECK(sent.onUploadProgress);
    CHECK(sent.method == "PUT");
    CHECK(sent.url == "/api/v1/listings/7/photos/1");
    CHECK(sent.header("Content-Type") == "image/jpeg");
    CHECK(sent.body == std::string(300, 'x'));
}

TEST_CASE("upload progress reaches the caller through the main-thread queue, in order, before the reply",
          "[client][upload]")
{
    TaskQueue queue;
    FakeHttp http;
    ApiClient api{http.fn(), queue};
    Log log;
    HttpRequest request = photoPut(std::string(300, 'x'));
    request.onUploadProgress = log.progress();
    api.sendRaw(std::move(request), log.done());

    http.progress(0, 0, 300);
    http.progress(0, 120, 300);
    CHECK(log.lines.empty()); // nothing runs on the transport's thread
    queue.drain();
    CHECK(log.lines == std::vector<std::string>{"progress 0/300", "progress 120/300"});

    // The last progress and the reply in one frame: the progress still comes first.
    http.progress(0, 300, 300);
    http.answer(0, 201, "{}");
    queue.drain();
    CHECK(log.lines ==
          std::vector<std::string>{"progress 0/300", "progress 120/300", "progress 300/300", "done 201"});
}

TEST_CASE("upload progress reported on a worker thread is run on the main thread", "[client][upload]")
{
    TaskQueue queue;
    FakeHttp http;
    ApiClient api{http.fn(), queue};
    std::vector<std::thread::id> ranOn;
    std::vector<std::uint64_t> sentSeen;
    HttpRequest request = photoPut(std::string(1000, 'x'));
    request.onUploadProgress = [&](std::uint64_t sent, std::uint64_t total) {
        ranOn.push_back(std::this_thread::get_id());
        sentSeen.push_back(sent);
        CHECK(total == 1000);
    };
    bool done = false;
    api.sendRaw(std::move(request), [&](const HttpReply&) {
        CHECK(sentSeen.size() == 4); // every report came first
        done = true;
    });
    std::thread transport([&] {
        for (std::uint64_t sent : {250u, 500u, 750u, 1000u}) http.progress(0, sent, 1000);
        http.answer(0, 200, "{}");
    });
    transport.join();
    CHECK(ranOn.empty());
    queue.drain();
    CHECK(done);
    CHECK(sentSeen == std::vector<std::uint64_t>{250, 500, 750, 1000});
    for (const auto& id : ranOn) CHECK(id == std::this_thread::get_id());
}

TEST_CASE("a request without onUploadProgress is sent and answered as before", "[client][upload]")
{
    TaskQueue queue;
    FakeHttp http;
    ApiClient api{http.fn(), queue};
    Log log;
    api.sendRaw(photoPut("jpeg bytes"), log.done());
    REQUIRE(http.size() == 1);
    CHECK_FALSE(http.request(0).onUploadProgress);
    CHECK(http.request(0).body == "jpeg bytes");
    CHECK_THROWS(http.progress(0, 1, 10)); // nobody to tell
    http.answer(0, 201, "{}");
    CHECK(log.lines.empty()); // the reply still waits for the main thread
    queue.drain();
    CHECK(log.lines == std::vector<std::string>{"done 201"});
}

TEST_CASE("a signed-in call keeps its onUploadProgress on the way through the session", "[client][upload]")
{
    AccountHarness h;
    h.startSignedIn("/");
    Log log;
    HttpRequest request = photoPut(std::string(64, 'x'));
    request.onUploadProgress = log.progress();
    h.session().callRaw(std::move(request), log.done());
    const std::size_t i = h.http.last("/api/v1/listings/7/photos/1");
    CHECK(h.http.request(i).header("Authorization") == "Bearer t1");
    h.http.progress(i, 64, 64);
    h.http.answer(i, 201, "{}");
    h.frame();
    CHECK(log.lines == std::vector<std::string>{"progress 64/64", "done 201"});
}

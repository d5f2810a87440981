// The main-thread queue: results posted from anywhere run in order, on the thread that
// drains, and work posted while draining waits for the next frame.
#include "client/task_queue.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <thread>
#include <vector>

using namespace dongelek;

TEST_CASE("tasks run in the order they were posted and only when drained", "[client][queue]")
{
    TaskQueue q;
    std::vector<int> ran;
    CHECK(q.empty());
    for (int i = 1; i <= 5; ++i) q.post([&ran, i] { ran.push_back(i); });
    CHECK_FALSE(q.empty());
    CHECK(ran.empty());
    CHECK(q.drain() == 5);
    CHECK(ran == std::vector<int>{1, 2, 3, 4, 5});
    CHECK(q.empty());
    CHECK(q.drain() == 0); // each task runs once
    CHECK(ran.size() == 5);
}

TEST_CASE("a task posted while draining runs on the next drain, so one frame's work is bounded", "[client][queue]")
{
    TaskQueue q;
    std::vector<std::string> ran;
    q.post([&] {
        ran.push_back("first");
        q.post([&] { ran.push_back("follow-up"); });
    });
    CHECK(q.drain() == 1);
    CHECK(ran == std::vector<std::string>{"first"});
    CHECK_FALSE(q.empty());
    CHECK(q.drain() == 1);
    CHECK(ran == std::vector<std::string>{"first", "follow-up"});
}

TEST_CASE("tasks posted from several worker threads all run, on the draining thread, each thread's in order",
          "[client][queue]")
{
    TaskQueue q;
    constexpr int kThreads = 4, kEach = 250;
    std::vector<std::vector<int>> seen(kThreads);
    bool allOnMain = true;
    const auto mainId = std::this_thread::get_id();
    std::vector<std::thread> workers;
    for (int t = 0; t < kThreads; ++t)
        workers.emplace_back([&, t] {
            for (int i = 0; i < kEach; ++i)
                q.post([&, t, i] {
                    seen[t].push_back(i);
                    allOnMain = allOnMain && std::this_thread::get_id() == mainId;
                });
        });
    std::size_t total = 0;
    // Drain while the workers are still posting, as the frame loop does.
    while (total < static_cast<std::size_t>(kThreads * kEach)) total += q.drain();
    for (auto& w : workers) w.join();
    CHECK(q.drain() == 0);
    CHECK(allOnMain);
    for (int t = 0; t < kThreads; ++t) {
        INFO("worker " << t);
        REQUIRE(seen[t].size() == static_cast<std::size_t>(kEach));
        for (int i = 0; i < kEach; ++i) REQUIRE(seen[t][i] == i);
    }
}

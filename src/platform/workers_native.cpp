// The shared worker pool of the desktop build: a mutex-guarded queue and a few threads.

#include "platform/workers_native.hpp"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>

namespace dongelek::platform::native {

namespace {

constexpr int kWorkers = 4; // one for the API, the rest keep thumbnails flowing in parallel

struct Pool {
    std::mutex mutex;
    std::condition_variable wake;
    std::deque<std::function<void()>> tasks;
    std::vector<std::thread> threads;
    bool stopping = false;
    // Reached only when the process exits without shutdown() (the X server went away): a
    // worker may be inside a request, so it is let go rather than waited for (and a joinable
    // std::thread would terminate the process here).
    ~Pool()
    {
        {
            std::lock_guard<std::mutex> lock(mutex);
            stopping = true;
        }
        wake.notify_all();
        for (auto& t : threads)
            if (t.joinable()) t.detach();
    }
};

Pool& pool()
{
    static Pool p;
    return p;
}

void work()
{
    Pool& p = pool();
    for (;;) {
        std::function<void()> task;
        {
            std::unique_lock<std::mutex> lock(p.mutex);
            p.wake.wait(lock, [&] { return p.stopping || !p.tasks.empty(); });
            if (p.stopping) return;
            task = std::move(p.tasks.front());
            p.tasks.pop_front();
        }
        task();
    }
}

} // namespace

void post(std::function<void()> task)
{
    Pool& p = pool();
    {
        std::lock_guard<std::mutex> lock(p.mutex);
        if (p.stopping) return;
        if (p.threads.empty())
            for (int i = 0; i < kWorkers; ++i) p.threads.emplace_back(work);
        p.tasks.push_back(std::move(task));
    }
    p.wake.notify_one();
}

void stopWorkers()
{
    Pool& p = pool();
    {
        std::lock_guard<std::mutex> lock(p.mutex);
        p.stopping = true;
        p.tasks.clear();
    }
    p.wake.notify_all();
    for (auto& t : p.threads)
        if (t.joinable()) t.join();
    p.threads.clear();
}

} // namespace dongelek::platform::native

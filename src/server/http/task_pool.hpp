// Threads for slow work (drawing photos), so the I/O threads keep answering the API.
// The queue is bounded: past it, callers answer 503 instead of piling up memory.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace dongelek::server {

class TaskPool {
public:
    TaskPool(int threads, std::size_t maxQueued);
    ~TaskPool() { shutdown(); }
    TaskPool(const TaskPool&) = delete;
    TaskPool& operator=(const TaskPool&) = delete;

    // Runs what is queued, then joins the threads. Idempotent.
    void shutdown();
    // False when the queue is full or the pool is stopping: the task will not run.
    bool tryPost(std::function<void()> task);

private:
    void work();

    std::size_t m_maxQueued;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<std::function<void()>> m_queue;
    bool m_stopping = false;
    std::vector<std::thread> m_threads;
};

} // namespace dongelek::server

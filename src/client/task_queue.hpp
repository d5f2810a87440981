// The one way results reach the UI: any thread posts a callback, the main thread runs
// them all once per frame right after ImGui::NewFrame(), so state changes never race a draw.
#pragma once

#include <functional>
#include <mutex>
#include <vector>

namespace dongelek {

class TaskQueue {
public:
    using Task = std::function<void()>;

    // Called after every post, from the posting thread: the app wakes its idle loop with it
    // (a reply must be drawn even when nobody touches the screen). Set once, before any post.
    void onPost(std::function<void()> wake) { m_wake = std::move(wake); }

    // Thread-safe; callable from HTTP workers and from browser callbacks alike.
    void post(Task task)
    {
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_tasks.push_back(std::move(task));
        }
        if (m_wake) m_wake();
    }

    // Main thread only. Tasks posted while draining run on the next drain, so one frame's
    // work stays bounded. Returns how many ran.
    std::size_t drain()
    {
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_running.swap(m_tasks);
        }
        const std::size_t n = m_running.size();
        for (auto& task : m_running) task();
        m_running.clear();
        return n;
    }

    bool empty() const
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        return m_tasks.empty();
    }

private:
    mutable std::mutex m_mutex;
    std::vector<Task> m_tasks;
    std::vector<Task> m_running; // kept to reuse its capacity
    std::function<void()> m_wake;
};

} // namespace dongelek

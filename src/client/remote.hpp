// Remote<T>: one piece of data the app fetches, with everything a screen needs to show it:
// status, the last good value (kept, dimmed, while the next loads or after a failure), the
// error, and the request generation that makes a stale reply harmless. Replaces the
// status / has / error field triples each screen used to copy.
#pragma once

#include "client/api_client.hpp"

#include <cstdint>
#include <utility>

namespace dongelek {

// Every screen shows exactly one of these (Idle only before the first request).
enum class Status { Idle, Loading, Ready, Empty, Error };
inline const char* toString(Status s)
{
    switch (s) {
    case Status::Idle: return "idle";
    case Status::Loading: return "loading";
    case Status::Ready: return "ready";
    case Status::Empty: return "empty";
    case Status::Error: return "error";
    }
    return "idle";
}

// Whether a successful value means "nothing to show" (an empty result page). Specialise per type.
template <typename T> struct RemoteEmpty {
    static bool test(const T&) { return false; }
};

template <typename T> class Remote {
public:
    Status status() const { return m_status; }
    bool loading() const { return m_status == Status::Loading; }
    bool has() const { return m_has; }
    const T& value() const { return m_value; }
    const RequestError& error() const { return m_error; }
    // Bumps each time the value is replaced (a list scrolls to its top on a new page).
    std::uint64_t valueGeneration() const { return m_valueGeneration; }

    // [SECTION] For controllers

    // Starts a request: Loading, and the generation its reply must carry to be accepted.
    std::uint64_t begin()
    {
        m_status = Status::Loading;
        return ++m_generation;
    }
    bool isCurrent(std::uint64_t generation) const { return generation == m_generation; }
    // Applies the reply of request `generation`; a reply to a superseded request changes
    // nothing and returns false.
    bool settle(std::uint64_t generation, ApiResult<T>&& result)
    {
        if (!isCurrent(generation)) return false;
        if (!result.ok) {
            m_status = Status::Error;
            m_error = std::move(result.error);
            return true;
        }
        m_value = std::move(result.value);
        m_has = true;
        ++m_valueGeneration;
        m_error = {};
        m_status = RemoteEmpty<T>::test(m_value) ? Status::Empty : Status::Ready;
        return true;
    }
    // Forgets the value (another item is about to load); a reply still under way is dropped.
    void reset()
    {
        ++m_generation;
        m_value = T{};
        m_has = false;
        m_error = {};
        m_status = Status::Idle;
    }
    // A failed or never-started request needs one; a loading or loaded one does not.
    bool needsLoad() const { return m_status == Status::Idle || m_status == Status::Error; }

private:
    Status m_status = Status::Idle;
    T m_value{};
    bool m_has = false;
    RequestError m_error;
    std::uint64_t m_generation = 0;
    std::uint64_t m_valueGeneration = 0;
};

} // namespace dongelek

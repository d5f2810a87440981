// A handler's slow work (decoding, encoding, drawing a picture) on a TaskPool instead of an
// I/O thread: the request is answered when `work` returns (an exception is mapped as a
// handler's is), or at once with 503 "busy" and Retry-After when the pool's queue is full.
#pragma once

#include "server/http/request.hpp"
#include "server/http/response.hpp"
#include "server/http/route_table.hpp"
#include "server/http/task_pool.hpp"

#include <exception>
#include <functional>
#include <string>

namespace dongelek::server {

inline Reply answerOnPool(TaskPool& pool, const Request& req, std::function<Response()> work,
                          const std::string& busyMessage)
{
    const Responder later = req.answerLater();
    const bool queued = pool.tryPost([later, work = std::move(work)] {
        try {
            later.send(work());
        } catch (...) {
            later.fail(std::current_exception());
        }
    });
    if (!queued) {
        Response busy = errorResponse(HttpError{503, ApiError{"busy", "", busyMessage}});
        busy.set("Retry-After", "1");
        return busy;
    }
    return Deferred{};
}

} // namespace dongelek::server

// Native only: the worker threads that HTTP (http_native.cpp) and photo decoding
// (image_decode_native.cpp) share, so neither ever runs on the UI thread.
#pragma once

#include <functional>

namespace dongelek::platform::native {

// Runs `task` on one of the workers (started on first use). Dropped after stopWorkers().
void post(std::function<void()> task);
// Drops what is queued and joins the workers (window shutdown). Idempotent.
void stopWorkers();

} // namespace dongelek::platform::native

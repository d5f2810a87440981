// Platform: a seller picks the photos of a 360° spin and they are prepared for upload off the
// main thread (core/spin_job.hpp).
// Implements: pickAndPrepareSpin.
// spin_prepare_web.cpp (a file input, then the spin worker: web/spin_worker_main.js) |
// spin_prepare_native.cpp (the photos in the folder named by DONGELEK_PICK, on a worker thread;
// the desktop build is for developers).
#pragma once

#include "core/spin_job.hpp"

#include <functional>

namespace dongelek::platform {

// Opens the picker (call it in the frame that handled the press: the browser wants a recent
// user gesture). The photos are taken in file-name order, which is the order a camera numbers
// them. `onUpdate` gets the run's progress (spin::PrepUpdate) on any thread; the last update is
// Finished or Failed. Fewer than 24 or more than 72 photos fail with "count" before any work.
void pickAndPrepareSpin(std::function<void(spin::PrepUpdate)> onUpdate);

} // namespace dongelek::platform

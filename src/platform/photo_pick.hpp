// Platform: a seller picks several listing photos at once and each is prepared on the device,
// off the main thread (core/photo_job.hpp: upright by its EXIF orientation, fitted within 1600 px,
// metadata stripped by re-encoding, JPEG quality 85, with hints), then handed over one by one.
// Implements: pickPhotos.
// photo_pick_web.cpp (a hidden <input type=file multiple>, then the spin worker's photo mode:
// web/spin_worker_main.js, platform/web_spin_worker.cpp) |
// photo_pick_native.cpp (the files named by DONGELEK_PICK_PHOTOS, on the shared worker threads;
// the desktop build is for developers).
#pragma once

#include <functional>
#include <string>

namespace dongelek::platform {

struct PhotoPickUpdate {
    enum class Kind {
        Picked,   // `count` files were chosen; then one Photo or Failed per file, by `index`
                  // ascending (the order they were picked in), then Finished
        Photo,    // file `index` prepared: `jpeg`, its size, the source's size and the hints
        Failed,   // file `index` not prepared: `error`
        Finished, // the run is over: `count` photos were prepared; or, with `count` 0 and
                  // `error` "cancelled", nothing was picked (no Picked before it)
    } kind = Kind::Finished;
    int count = 0;
    int index = -1;         // Photo / Failed
    std::string name;       // the file's name (Photo / Failed), for the UI
    // Failed: "notimage" (not a JPEG/PNG, or unreadable), "toolarge" (over 50 MP, 12000 px a
    // side or 200 MB), "memory", "toomany" (past maxFiles), "unsupported" (web: the worker could
    // not start). Finished: "cancelled" when nothing was picked, else empty.
    std::string error;
    std::string jpeg;       // Photo: the prepared JPEG bytes
    int width = 0, height = 0;       // Photo: the prepared photo's size, upright
    int srcWidth = 0, srcHeight = 0; // Photo: the picked photo's size, upright
    bool tooSmall = false, blurry = false, tooDark = false; // Photo: photo::Quality's hints
};

// Opens the picker (call it in the frame that handled the press: the browser wants a recent
// user gesture). At most `maxFiles` are prepared; the files past them are Failed with "toomany".
// `onUpdate` runs on any thread natively and between frames on the web: callers hand it to the
// main-thread queue. Runs may overlap; each gets its own updates.
void pickPhotos(int maxFiles, std::function<void(PhotoPickUpdate)> onUpdate);

} // namespace dongelek::platform

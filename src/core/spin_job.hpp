// A seller's 360° spin prepared step by step from the encoded photos they picked (JPEG or PNG
// bytes), keeping one decoded photo at a time (spin_prep.hpp's three steps): what the browser's
// spin worker (platform/web_spin_worker.cpp) and the desktop's worker thread run before upload.
// The outputs are the files the server takes (PUT /api/v1/listings/{id}/spin/files/{name}):
// every frame at 1280x800 and 640x400 and the atlas of 160x100 cells, as JPEG.
#pragma once

#include "core/spin_prep.hpp"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace dongelek::spin {

inline constexpr int kMaxSourceSide = 8192;            // a photo's side, pixels (checked on the header)
inline constexpr std::int64_t kMaxSourcePixels = 50'000'000; // 50 MP
inline constexpr int kUploadJpegQuality = 88;

class SpinJob {
public:
    explicit SpinJob(int frames);
    int frames() const { return static_cast<int>(m_analyses.size()); }

    // Step 1, every photo in capture order. False when the bytes are not an image this job
    // takes (not JPEG/PNG, cut off, or over kMaxSourceSide / kMaxSourcePixels).
    bool analyze(int index, const std::uint8_t* data, std::size_t size);
    // Step 2, after every analyze: the flags and the common framing.
    const SpinPlan& plan();
    // Step 3, every photo again: its full and medium frames as JPEG (and its atlas cell).
    bool render(int index, const std::uint8_t* data, std::size_t size, std::string& fullJpeg, std::string& mediumJpeg);
    // After every render: the atlas as JPEG.
    std::string atlasJpeg() const;

private:
    std::vector<FrameAnalysis> m_analyses;
    SpinPlan m_plan;
    bool m_planned = false;
    Image m_full, m_medium, m_atlas;
};

// What a preparation run tells the app as it goes (on the main thread).
struct PrepUpdate {
    enum class Kind {
        Progress, // `done` of `total` steps (each photo is read twice: analysed, then drawn)
        Planned,  // `flags` for every frame
        Frame,    // frame `index`: `full` and `medium` JPEG bytes
        Finished, // `atlas` JPEG bytes; every frame was sent before
        Failed,   // `error`: "cancelled" (nothing picked), "count" (outside 24..72, `total`
                  // photos), "notimage" (photo `index`), "unsupported", "memory"
    } kind = Kind::Progress;
    int done = 0;
    int total = 0;
    int index = -1;
    std::vector<FrameFlags> flags;
    std::string full, medium, atlas;
    std::string error;
};
using PrepSink = std::function<void(PrepUpdate)>;

} // namespace dongelek::spin

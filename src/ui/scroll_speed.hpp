// How fast a scroll region moves, on its own (no ImGui), so the rule is unit-tested natively
// (tests/client/scroll_speed_test.cpp).
//
// A list flung faster than a reader can look at it holds its photos back: rows that cross the
// screen in a fraction of a second are not fetched, decoded or uploaded (the network, the
// decoder and the GPU would work for pictures nobody sees), and the photos of where the list
// slows down come first. Fast means: over about the last 100 ms the region went faster than
// kFastScreensPerSecond of its own height, so a frame that happens to get no wheel event in the
// middle of a fling is still fast, and photos start at most 100 ms after the list stops. A jump
// (Home, End, a link to the top) counts as fast for those 100 ms too.
#pragma once

#include <array>
#include <cmath>
#include <cstddef>

namespace dongelek::ui {

inline constexpr double kFastScreensPerSecond = 4.0; // a row then crosses the screen in < 0.25 s
inline constexpr double kSpeedWindowMs = 100.0;

class ScrollSpeed {
public:
    // The region's scroll offset as drawn at `nowMs`.
    void add(double nowMs, float scroll)
    {
        m_samples[m_next] = {nowMs, scroll};
        m_next = (m_next + 1) % kSamples;
        if (m_count < kSamples) ++m_count;
    }
    // px/s over the last ~kSpeedWindowMs (from the newest sample at least that old, or the
    // oldest kept); 0 with fewer than two samples.
    double pxPerSecond() const
    {
        if (m_count < 2) return 0;
        const Sample& now = at(0);
        const Sample* from = &at(1);
        for (std::size_t i = 1; i < m_count; ++i) {
            from = &at(i);
            if (now.ms - from->ms >= kSpeedWindowMs) break;
        }
        const double dt = std::max(16.0, now.ms - from->ms);
        return std::fabs(static_cast<double>(now.scroll - from->scroll)) * 1000.0 / dt;
    }
    bool fast(float viewportPx) const { return pxPerSecond() > kFastScreensPerSecond * viewportPx; }

private:
    struct Sample {
        double ms = 0;
        float scroll = 0;
    };
    static constexpr std::size_t kSamples = 16;
    // i = 0: the newest.
    const Sample& at(std::size_t i) const { return m_samples[(m_next + kSamples - 1 - i) % kSamples]; }
    std::array<Sample, kSamples> m_samples{};
    std::size_t m_next = 0, m_count = 0;
};

} // namespace dongelek::ui

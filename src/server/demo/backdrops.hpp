// Photo backdrops drawn in pixels behind the car: a dealer's showroom, a city street,
// the Kazakh steppe under mountains, a Bahraini desert road; each by day or at dusk.
#pragma once

#include "server/demo/canvas.hpp"
#include "server/demo/generator.hpp"
#include "server/features/listings/listing_repository.hpp"

namespace dongelek::server::demo {

inline constexpr float kPi = 3.14159265358979f;

// Deterministic float helpers over the generator's PRNG (same picture on every machine).
struct Dice {
    Rng rng;
    explicit Dice(std::uint64_t seed) : rng(seed) {}
    float uniform(float lo, float hi) { return lo + (hi - lo) * static_cast<float>(rng.uniform()); }
    int integer(int lo, int hi) { return static_cast<int>(rng.range(lo, hi)); }
    bool chance(float p) { return rng.uniform() < p; }
};

// Where the horizon and the ground line are in the frame.
struct Scene {
    int width, height;
    float horizon; // pixel row of the horizon
    float ground;  // pixel row where the tyres touch the ground
    bool dusk;
};

void fillRect(Canvas& cv, float x0, float y0, float x1, float y1, const Paint& p);
Paint vertical(float y0, float y1, Color top, Color bottom, float a0 = 1, float a1 = 1);

void drawBackdrop(Canvas& cv, Backdrop backdrop, Dice& d, const Scene& s);

} // namespace dongelek::server::demo

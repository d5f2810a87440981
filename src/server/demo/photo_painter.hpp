// Procedural car photos for the demo listings: a side view shaped by the body type in
// the listing's color over a backdrop, close-ups, and an interior shot.
#pragma once

#include "server/features/listings/listing_repository.hpp"

#include <cstdint>
#include <vector>

namespace dongelek::server::demo {

// Draws `spec` as width*height RGB8 pixels (rows top to bottom). Deterministic: the same
// spec and size always give the same pixels. The car's proportions, wheels and details
// come from the listing id, so every photo of one listing shows the same car.
std::vector<std::uint8_t> paintPhoto(const PhotoSpec& spec, int width, int height);

} // namespace dongelek::server::demo

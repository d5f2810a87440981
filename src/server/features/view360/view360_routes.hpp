// GET  /api/v1/listings/{id}/view360                  the spin, panorama and hotspots (public)
// POST /api/v1/listings/{id}/hotspots                 place a hotspot (the listing's seller, admins)
// PATCH/DELETE /api/v1/listings/{id}/hotspots/{hid}   move or relabel, or remove one
// GET  /media/spins/{file}                            spin frames, atlas and panorama tiles (JPEG)
#pragma once

#include "server/http/route_table.hpp"

#include <vector>

namespace dongelek::server {
class TaskPool;
}

namespace dongelek::server::view360 {

class View360Service;
class SpinMedia;

std::vector<Route> view360Routes(View360Service& service, SpinMedia& media, TaskPool& renders);

} // namespace dongelek::server::view360

// GET  /api/v1/listings/{id}/view360                  the spin, panorama and hotspots (public)
// POST /api/v1/listings/{id}/hotspots                 place a hotspot (the listing's seller, admins)
// PUT/DELETE /api/v1/listings/{id}/hotspots/{hid}     move or relabel, or remove one
// PUT  /api/v1/listings/{id}/spin/files/{name}        stage one file of the seller's own spin
// POST /api/v1/listings/{id}/spin                     make the staged files the listing's spin
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
class SpinUploads;

std::vector<Route> view360Routes(View360Service& service, SpinMedia& media, SpinUploads& uploads, TaskPool& renders);

} // namespace dongelek::server::view360

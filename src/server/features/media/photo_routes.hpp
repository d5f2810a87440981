// The photo files: served from disk when drawn before, otherwise drawn on the bounded
// render pool and answered from there (503 with Retry-After when the pool is full).
#pragma once

#include "server/http/route_table.hpp"

#include <vector>

namespace dongelek::server {

class MediaStore;
class TaskPool;

// GET /media/photos/{file}  ("123-thumb.jpg", "123-large.jpg": see photo_urls.hpp)
std::vector<Route> photoRoutes(MediaStore& media, TaskPool& renders);

} // namespace dongelek::server

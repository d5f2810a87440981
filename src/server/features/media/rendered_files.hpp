// Pictures the server draws itself (demo photos, spin frames and panoramas), served like
// files (and files sellers uploaded, served the same way): a sendfile of the stored JPEG, cached by browsers for a year, or on the first request
// the drawing on the bounded render pool, answered from there (503 with Retry-After when the
// pool is full).
#pragma once

#include "server/http/route_table.hpp"

#include <functional>
#include <optional>
#include <string>

namespace dongelek::server {

class TaskPool;

// `path`: where the file is when it was drawn before. `draw` (on a render thread) draws and
// stores it and returns its path, or nullopt when there is no such picture (404 `missing`).
Reply serveDrawnJpeg(const Request& req, TaskPool& renders, std::string path,
                     std::function<std::optional<std::string>()> draw, std::string missing);

// A stored JPEG nobody draws (a seller's upload): the file, cached like a drawn one, or 404
// `missing` when it is not there.
Reply serveStoredJpeg(std::string path, const std::string& missing);

} // namespace dongelek::server

// The seller's editor API: drafts, publishing, photo uploads and the seller's listings.
#pragma once

#include "server/http/route_table.hpp"

#include <vector>

namespace dongelek::server {
class TaskPool;
}

namespace dongelek::server::editor {

class EditorService;
class PhotoUploads;

std::vector<Route> editorRoutes(EditorService& service, PhotoUploads& uploads, TaskPool& renders);

} // namespace dongelek::server::editor

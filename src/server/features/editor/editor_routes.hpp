// The seller's editor API: drafts, publishing, photo uploads and the seller's listings.
#pragma once

#include "server/http/route_table.hpp"

#include <vector>

namespace dongelek::server {
class TaskPool;
}

namespace dongelek::server::view360 {
class SpinUploads;
}

namespace dongelek::server::editor {

class EditorService;
class PhotoUploads;

// Every route of the editor (drafts, photo uploads, the seller's listings), the draft's 360°
// spin (draftSpinRoutes) among them.
std::vector<Route> editorRoutes(EditorService& service, PhotoUploads& uploads, view360::SpinUploads& spins,
                                TaskPool& renders);

// PUT /api/v1/me/drafts/{id}/spin/files/{name}  stage one file of the draft's spin
// POST /api/v1/me/drafts/{id}/spin              check the staged files: {frames}
// DELETE /api/v1/me/drafts/{id}/spin            remove them
// (draft_spin_routes.cpp; publishing makes them the listing's spin)
std::vector<Route> draftSpinRoutes(EditorService& service, view360::SpinUploads& spins, TaskPool& renders);

} // namespace dongelek::server::editor

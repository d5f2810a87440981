// The editor's 360° step: the seller's own spin uploaded to a draft, before the listing exists
// (or while a published one is edited). The files and their checks are the listing's
// (view360/spin_upload.hpp); they wait under the draft until publishing makes them the
// listing's spin (editor_routes.cpp's publish). Only the draft's owner reaches them: someone
// else's draft is "not found".
#include "server/features/editor/editor_routes.hpp"
#include "server/features/editor/editor_service.hpp"
#include "server/features/view360/spin_upload.hpp"
#include "server/http/errors.hpp"
#include "server/http/json_body.hpp"
#include "server/http/pooled_answer.hpp"
#include "server/http/task_pool.hpp"

#include <nlohmann/json.hpp>

namespace dongelek::server::editor {

namespace {

constexpr std::size_t kSpinFileBody = 3u << 20; // as a listing's spin file
constexpr std::size_t kSmallBody = 256;

Response privateJson(int status, const nlohmann::json& body) { return Response::privateJson(status, body.dump()); }

} // namespace

std::vector<Route> draftSpinRoutes(EditorService& service, view360::SpinUploads& spins, TaskPool& renders)
{
    using view360::UploadName;
    std::vector<Route> routes;
    routes.push_back(Route{
        {Method::Put}, "/api/v1/me/drafts/{id:id}/spin/files/{name}", Access::SignedIn, kSpinFileBody,
        "upload one file of the draft's 360° spin (a JPEG body): f<n>-l.jpg 1280x800, f<n>-m.jpg 640x400 (n 0..71) "
        "or atlas.jpg; checked, encoded again and kept under the draft until it is published",
        [&service, &spins, &renders](const Request& req) -> Reply {
            const std::int64_t draftId = req.params.id("id");
            service.draft(req.user(), draftId); // 404 unless the user's
            const std::optional<UploadName> name = view360::parseUploadName(req.params.text("name"));
            if (!name)
                throw ClientError(badParameter("name", "a spin's files are f<n>-l.jpg (1280x800), f<n>-m.jpg (640x400) "
                                                       "with n from 0 to 71, and atlas.jpg"));
            spins.admitDraft(req.user(), draftId);
            // Decoding and encoding take tens of milliseconds: on the render pool, not an I/O thread.
            return answerOnPool(
                renders, req,
                [&spins, who = req.user(), draftId, n = *name, body = std::string(req.body)] {
                    const view360::StagedFile f = spins.stageForDraft(who, draftId, n, body);
                    return privateJson(200, {{"name", f.name}, {"width", f.width}, {"height", f.height}});
                },
                "too many uploads at once; retry shortly");
        }});
    routes.push_back(Route{{Method::Post}, "/api/v1/me/drafts/{id:id}/spin", Access::SignedIn, kSmallBody,
                           "check the draft's uploaded spin files as a whole: {frames: 24..72}; answers {frames}; the "
                           "editor then keeps spin_frames in the draft and publishing makes it the listing's spin",
                           [&service, &spins](const Request& req) -> Reply {
                               JsonBody b(req.body, {"frames"});
                               const int frames = static_cast<int>(b.integer("frames", 0, 10000));
                               const std::int64_t draftId = req.params.id("id");
                               service.draft(req.user(), draftId);
                               spins.checkDraft(req.user(), draftId, frames);
                               return privateJson(200, {{"frames", frames}});
                           }});
    routes.push_back(Route{{Method::Delete}, "/api/v1/me/drafts/{id:id}/spin", Access::SignedIn, kNoBody,
                           "remove the draft's spin files (the listing keeps the spin it has)",
                           [&service, &spins](const Request& req) -> Reply {
                               const std::int64_t draftId = req.params.id("id");
                               service.draft(req.user(), draftId);
                               spins.dropDraft(req.user(), draftId);
                               Response r = Response::bytes(204, kJsonType, nullptr);
                               r.set("Cache-Control", "no-store");
                               return r;
                           }});
    return routes;
}

} // namespace dongelek::server::editor

// The view is per viewer (whether they may edit), so it is never in the shared response cache;
// the media files are immutable (the spin's version is in their names) and cached for a year.
// A seller's own spin comes file by file (PUT .../spin/files/{name}, staged) and is made the
// listing's spin by POST .../spin (spin_upload.hpp).

#include "server/features/view360/view360_routes.hpp"

#include "server/features/view360/spin_media.hpp"
#include "server/features/view360/spin_upload.hpp"
#include "server/features/view360/view360_service.hpp"
#include "server/http/json_body.hpp"
#include "server/features/media/rendered_files.hpp"
#include "server/http/pooled_answer.hpp"
#include "server/http/task_pool.hpp"

#include <nlohmann/json.hpp>

namespace dongelek::server::view360 {

namespace {

constexpr std::size_t kHotspotBody = 4096;
constexpr std::size_t kSpinFileBody = 3u << 20; // one uploaded JPEG (a 1280x800 frame is a few hundred KB)

Response viewResponse(int status, const View360& v) { return Response::privateJson(status, nlohmann::json(v).dump()); }

// {view, frame, x, y, label, note?} on the spin; {view, yaw, pitch, label, note?} on the panorama.
Hotspot readHotspot(std::string_view body)
{
    JsonBody b(body, {"view", "frame", "x", "y", "yaw", "pitch", "label", "note"});
    Hotspot h;
    const std::string view = b.text("view", 10);
    const std::optional<HotspotView> v = parseHotspotView(view);
    if (!v) b.reject("view", "view must be spin or panorama");
    h.view = *v;
    if (h.view == HotspotView::Spin) {
        h.frame = static_cast<int>(b.integer("frame", 0, dongelek::view360::kMaxFrames - 1));
        h.x = b.number("x", 0, 1);
        h.y = b.number("y", 0, 1);
    } else {
        h.yaw = b.number("yaw", 0, 360);
        if (h.yaw >= 360) h.yaw = 0;
        h.pitch = b.number("pitch", -90, 90);
    }
    h.label = b.text("label", 200);
    h.note = b.optionalText("note", 1000).value_or("");
    return h;
}

Response stagedResponse(const StagedFile& f)
{
    return Response::privateJson(200, nlohmann::json{{"name", f.name}, {"width", f.width}, {"height", f.height}}.dump());
}

} // namespace

std::vector<Route> view360Routes(View360Service& service, SpinMedia& media, SpinUploads& uploads, TaskPool& renders)
{
    std::vector<Route> routes;
    routes.push_back(Route{{Method::Get}, "/api/v1/listings/{id:id}/view360", Access::Public, kNoBody,
                           "the listing's 360-degree exterior spin, interior panorama and hotspots (404 without)",
                           [&service](const Request& req) -> Reply {
                               return viewResponse(200, service.view(req.params.id("id"), req.principal));
                           }});
    routes.push_back(Route{{Method::Post}, "/api/v1/listings/{id:id}/hotspots", Access::SignedIn, kHotspotBody,
                           "mark a hotspot: {view: spin, frame, x, y, label, note?} or {view: panorama, yaw, pitch, "
                           "label, note?} (the listing's seller or an admin; at most 30)",
                           [&service](const Request& req) -> Reply {
                               return viewResponse(201, service.addHotspot(req.params.id("id"), req.user(),
                                                                           readHotspot(req.body)));
                           }});
    routes.push_back(Route{{Method::Put}, "/api/v1/listings/{id:id}/hotspots/{hid:id}", Access::SignedIn, kHotspotBody,
                           "move or relabel a hotspot (the same fields as placing one)",
                           [&service](const Request& req) -> Reply {
                               Hotspot h = readHotspot(req.body);
                               h.id = req.params.id("hid");
                               return viewResponse(200, service.updateHotspot(req.params.id("id"), req.user(), h));
                           }});
    routes.push_back(Route{{Method::Delete}, "/api/v1/listings/{id:id}/hotspots/{hid:id}", Access::SignedIn, kNoBody,
                           "remove a hotspot",
                           [&service](const Request& req) -> Reply {
                               return viewResponse(200, service.deleteHotspot(req.params.id("id"), req.user(),
                                                                              req.params.id("hid")));
                           }});
    routes.push_back(Route{
        {Method::Put}, "/api/v1/listings/{id:id}/spin/files/{name}", Access::SignedIn, kSpinFileBody,
        "upload one file of the seller's own spin (a JPEG body): f<n>-l.jpg 1280x800, f<n>-m.jpg 640x400 "
        "(n 0..71) or atlas.jpg; checked, encoded again and staged until POST .../spin",
        [&uploads, &renders](const Request& req) -> Reply {
            const std::int64_t id = req.params.id("id");
            const UploadName name = uploads.admit(id, req.user(), req.params.text("name"));
            // Decoding and encoding take tens of milliseconds: on the render pool, not an I/O thread.
            return answerOnPool(
                renders, req,
                [&uploads, id, name, body = std::string(req.body)] { return stagedResponse(uploads.stage(id, name, body)); },
                "too many uploads at once; retry shortly");
        }});
    routes.push_back(Route{{Method::Post}, "/api/v1/listings/{id:id}/spin", Access::SignedIn, kHotspotBody,
                           "make the staged files the listing's spin: {frames: 24..72}; checks them, starts a new "
                           "version and removes the hotspots; answers the view",
                           [&uploads](const Request& req) -> Reply {
                               JsonBody b(req.body, {"frames"});
                               const int frames = static_cast<int>(b.integer("frames", 0, 10000));
                               return viewResponse(200, uploads.commit(req.params.id("id"), req.user(), frames));
                           }});
    routes.push_back(Route{
        {Method::Get}, "/media/spins/{file}", Access::Public, kNoBody,
        "a spin's atlas, a frame (640x400 m, 1280x800 l) or a panorama tile as JPEG, drawn on first request "
        "(an uploaded spin's files as uploaded)",
        [&media, &renders](const Request& req) -> Reply {
            const std::optional<SpinFile> f = parseSpinFileName(req.params.text("file"));
            if (!f) throw ClientError(notFound("path", "no such spin file"));
            const SpinFile file = *f;
            // Only files of the listing's current spin: an older version's stay on disk but are gone.
            const std::optional<SpinMedia::Location> at = media.locate(file);
            if (!at) throw ClientError(notFound("path", "no such spin file"));
            if (at->uploaded) return serveStoredJpeg(at->path, "no such spin file");
            return serveDrawnJpeg(req, renders, at->path, [&media, file] { return media.file(file); },
                                  "no such spin file");
        }});
    return routes;
}

} // namespace dongelek::server::view360

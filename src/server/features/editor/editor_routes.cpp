// Everything here is one seller's: answers are no-store. A draft's save and publish name the
// version they started from; a newer version on the server answers 409 version_conflict with
// that draft, so the editor can merge (core's mergeDrafts) and show what collided.

#include "server/features/editor/editor_routes.hpp"

#include "server/features/editor/editor_service.hpp"
#include "server/features/editor/photo_uploads.hpp"
#include "server/features/view360/spin_upload.hpp"
#include "server/features/media/rendered_files.hpp"
#include "server/http/json_body.hpp"
#include "server/http/pooled_answer.hpp"
#include "server/http/task_pool.hpp"

#include "core/json_mapping.hpp"
#include "core/text_format.hpp"

#include <nlohmann/json.hpp>

namespace dongelek::server::editor {

namespace {

using nlohmann::json;

constexpr std::size_t kDraftBody = DraftLimits::kMaxDocumentBytes + 256;
constexpr std::size_t kSmallBody = 1024;

Response noStore(int status, const json& body) { return Response::privateJson(status, body.dump()); }

Response noContent()
{
    Response r = Response::bytes(204, kJsonType, nullptr);
    r.set("Cache-Control", "no-store");
    return r;
}

// The addresses of the draft's uploaded photos, by the photo's key: {"media": {"k1":
// {"thumb_url", "large_url"}}}, so a draft reopened on another device (or after its device
// copy is gone) shows its photos, and the preview can show them large.
json withMedia(json draft, EditorService& service, const Principal& who)
{
    json media = json::object();
    const json& doc = draft["document"];
    if (doc.is_object() && doc.contains("photos") && doc["photos"].is_array())
        for (const json& p : doc["photos"]) {
            const std::int64_t uploadId = p.value("upload_id", std::int64_t{0});
            if (uploadId <= 0 || !p.contains("key") || !p["key"].is_string()) continue;
            if (const std::optional<UploadRow> row = service.upload(who, uploadId)) {
                const UploadView v = viewOf(*row);
                media[p["key"].get<std::string>()] = {{"thumb_url", v.thumbUrl}, {"large_url", v.largeUrl}};
            }
        }
    draft["media"] = std::move(media);
    return draft;
}

Response conflict(const DraftRow& current, const std::vector<DraftProblem>& problems, EditorService& service,
                  const Principal& who)
{
    return noStore(409, {{"error",
                          {{"code", "version_conflict"},
                           {"field", "base_version"},
                           {"message", "this draft was changed in another tab or on another device (now version " +
                                           std::to_string(current.version) + ")"}}},
                         {"draft", withMedia(draftJson(current, problems), service, who)}});
}

json draftsJson(EditorService& service, const std::vector<DraftRow>& rows)
{
    json items = json::array();
    for (const DraftRow& r : rows) {
        const json doc = json::parse(r.document, nullptr, false);
        const std::optional<ListingDraft> d = doc.is_discarded() ? std::nullopt : parseDraftDocument(doc);
        json item = draftJson(r, d ? service.problemsOf(*d) : std::vector<DraftProblem>{});
        item["title"] = d ? service.titleOf(*d) : std::string();
        items.push_back(std::move(item));
    }
    return {{"items", std::move(items)}};
}

json uploadJson(const UploadView& v)
{
    return {{"id", v.row.id},     {"key", v.row.clientKey}, {"width", v.row.width},
            {"height", v.row.height}, {"thumb_url", v.thumbUrl}, {"large_url", v.largeUrl}};
}

} // namespace

std::vector<Route> editorRoutes(EditorService& service, PhotoUploads& uploads, view360::SpinUploads& spins,
                                TaskPool& renders)
{
    std::vector<Route> routes = draftSpinRoutes(service, spins, renders);
    routes.push_back(Route{{Method::Get}, "/api/v1/me/drafts", Access::SignedIn, kNoBody,
                           "the seller's drafts, last edited first, each with its problems",
                           [&service](const Request& req) -> Reply {
                               return noStore(200, draftsJson(service, service.drafts(req.user())));
                           }});
    routes.push_back(Route{{Method::Post}, "/api/v1/me/drafts", Access::SignedIn, kSmallBody,
                           "start a draft: {} or {currency}, or {listing_id} to edit one of the seller's listings "
                           "(the open draft of it when there is one)",
                           [&service](const Request& req) -> Reply {
                               JsonBody b(req.body, {"listing_id", "currency"});
                               const std::int64_t listingId =
                                   b.has("listing_id") ? b.integer("listing_id", 1, INT64_MAX) : 0;
                               std::optional<Currency> currency;
                               if (b.has("currency")) {
                                   currency = parseEnum<Currency>(b.text("currency", 3));
                                   if (!currency) b.reject("currency", "currency must be KZT or BHD");
                               }
                               const DraftRow row = service.create(req.user(), listingId, currency);
                               const json doc = json::parse(row.document);
                               return noStore(201, withMedia(draftJson(row, service.problemsOf(*parseDraftDocument(doc))),
                                                             service, req.user()));
                           }});
    routes.push_back(Route{{Method::Get}, "/api/v1/me/drafts/{id:id}", Access::SignedIn, kNoBody,
                           "one draft with its version, document and problems",
                           [&service](const Request& req) -> Reply {
                               const DraftRow row = service.draft(req.user(), req.params.id("id"));
                               return noStore(200, withMedia(draftsJson(service, {row})["items"][0], service, req.user()));
                           }});
    routes.push_back(Route{{Method::Put}, "/api/v1/me/drafts/{id:id}", Access::SignedIn, kDraftBody,
                           "save a draft: {base_version, document}; 409 version_conflict with the newer draft when "
                           "the stored version is not base_version",
                           [&service](const Request& req) -> Reply {
                               JsonBody b(req.body, {"base_version", "document"});
                               const int base = static_cast<int>(b.integer("base_version", 1, INT32_MAX));
                               const SaveResult r = service.save(req.user(), req.params.id("id"), base, b.raw("document"));
                               if (r.conflict) return conflict(r.row, r.problems, service, req.user());
                               return noStore(200, draftJson(r.row, r.problems));
                           }});
    routes.push_back(Route{{Method::Delete}, "/api/v1/me/drafts/{id:id}", Access::SignedIn, kNoBody,
                           "throw a draft away (a published listing it edits stays as it is)",
                           [&service, &spins](const Request& req) -> Reply {
                               service.remove(req.user(), req.params.id("id"));
                               spins.dropDraft(req.user(), req.params.id("id"));
                               return noContent();
                           }});
    routes.push_back(Route{
        {Method::Post}, "/api/v1/me/drafts/{id:id}/publish", Access::SignedIn, kSmallBody,
        "publish a draft: {base_version}; 422 draft_invalid with every problem, 409 version_conflict; answers "
        "{listing_id} and the draft is gone",
        [&service, &spins](const Request& req) -> Reply {
            JsonBody b(req.body, {"base_version"});
            const int base = static_cast<int>(b.integer("base_version", 1, INT32_MAX));
            const std::int64_t draftId = req.params.id("id");
            // A spin uploaded in the editor is checked before anything is written: a listing
            // never goes live with half a spin.
            std::optional<int> spinFrames;
            {
                const DraftRow row = service.draft(req.user(), draftId);
                const json doc = json::parse(row.document, nullptr, false);
                const std::optional<ListingDraft> d = doc.is_discarded() ? std::nullopt : parseDraftDocument(doc);
                if (row.version == base && d && d->spinFrames) {
                    spinFrames = d->spinFrames;
                    spins.checkDraft(req.user(), draftId, *spinFrames);
                }
            }
            const PublishResult r = service.publish(req.user(), draftId, base);
            if (r.conflict) return conflict(r.current, service.problemsOf(ListingDraft{}), service, req.user());
            if (r.listingId == 0) {
                json problems = json::array();
                for (const DraftProblem& p : r.problems)
                    problems.push_back(problemJson(p));
                const DraftProblem* first = nullptr;
                for (const DraftProblem& p : r.problems)
                    if (p.level == ProblemLevel::Error && !first) first = &p;
                return noStore(422, {{"error",
                                      {{"code", "draft_invalid"},
                                       {"field", first ? first->field : ""},
                                       {"message", first ? "not ready to publish: " + first->field + " (" + first->code + ")"
                                                         : "not ready to publish"}}},
                                     {"problems", std::move(problems)}});
            }
            json answer = {{"listing_id", r.listingId}, {"url", "/listing/" + std::to_string(r.listingId)}};
            if (spinFrames) {
                try {
                    spins.adoptDraft(req.user(), draftId, r.listingId, *spinFrames);
                    answer["spin_frames"] = *spinFrames;
                    service.listingChanged(); // its card now says "360°"
                } catch (const std::exception& e) { // checked a moment ago: only the disk can fail here
                    answer["spin_error"] = e.what();
                }
            }
            return noStore(201, answer);
        }});
    routes.push_back(Route{
        {Method::Put}, "/api/v1/me/uploads/{key}", Access::SignedIn, UploadLimits::kMaxBytes,
        "upload one photo (a JPEG or PNG body, at most 15 MB and 50 megapixels) under the device's key for it; "
        "checked by its content, encoded again without metadata, stored as 1280x960 and 320x240; sending the same "
        "key again replaces it",
        [&uploads, &renders](const Request& req) -> Reply {
            const std::int64_t user = req.user().userId;
            const std::string key(req.params.text("key"));
            uploads.admit(user, key);
            return answerOnPool(
                renders, req,
                [&uploads, user, key, body = std::string(req.body)] {
                    return noStore(201, uploadJson(uploads.store(user, key, processPhoto(body))));
                },
                "too many uploads at once; retry shortly");
        }});
    routes.push_back(Route{{Method::Get}, "/media/uploads/{file}", Access::Public, kNoBody,
                           "an uploaded photo: <key>-large.jpg or <key>-thumb.jpg",
                           [&uploads](const Request& req) -> Reply {
                               std::string key;
                               bool large = false;
                               if (!parseUploadFile(req.params.text("file"), key, large))
                                   throw ClientError(notFound("path", "no such photo"));
                               const std::optional<std::string> path =
                                   uploads.storage().localPath(key + (large ? "-large.jpg" : "-thumb.jpg"));
                               if (!path) throw ClientError(notFound("path", "no such photo"));
                               return serveStoredJpeg(*path, "no such photo");
                           }});
    routes.push_back(Route{{Method::Get}, "/api/v1/me/listings", Access::SignedIn, kNoBody,
                           "the seller's listings (published, unpublished, sold), newest first",
                           [&service](const Request& req) -> Reply {
                               json items = json::array();
                               const std::int64_t now = service.now();
                               for (const OwnListing& l : service.listings(req.user()))
                                   items.push_back(ownListingJson(l, now));
                               return noStore(200, {{"items", std::move(items)}});
                           }});
    routes.push_back(Route{{Method::Post}, "/api/v1/me/listings/{id:id}/status", Access::SignedIn, kSmallBody,
                           "take one of the seller's listings off the market, put it back or mark it sold: "
                           "{status: unpublished | published | sold}",
                           [&service](const Request& req) -> Reply {
                               JsonBody b(req.body, {"status"});
                               const std::string status = b.text("status", 20);
                               SellerStatus to = SellerStatus::Published;
                               if (status == "unpublished") to = SellerStatus::Unpublished;
                               else if (status == "sold") to = SellerStatus::Sold;
                               else if (status != "published")
                                   b.reject("status", "status must be published, unpublished or sold");
                               return noStore(200, ownListingJson(service.setStatus(req.user(), req.params.id("id"), to), service.now()));
                           }});
    routes.push_back(Route{{Method::Delete}, "/api/v1/me/listings/{id:id}", Access::SignedIn, kNoBody,
                           "delete one of the seller's listings (buyers' links to it answer 404)",
                           [&service](const Request& req) -> Reply {
                               service.remove(req.user(), req.params.id("id"), true);
                               return noContent();
                           }});
    return routes;
}

} // namespace dongelek::server::editor

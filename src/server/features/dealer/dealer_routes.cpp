// Everything here is one seller's: answers are no-store, like the editor's.

#include "server/features/dealer/dealer_routes.hpp"

#include "server/features/dealer/dealer_service.hpp"
#include "server/features/editor/editor_service.hpp"
#include "server/http/json_body.hpp"

#include "core/json_mapping.hpp"
#include "core/text_format.hpp"

#include <nlohmann/json.hpp>

namespace dongelek::server::dealer {

namespace {

using nlohmann::json;

constexpr std::size_t kBulkBody = 16 * 1024; // 200 ids and the rest

Response noStore(int status, const json& body) { return Response::privateJson(status, body.dump()); }

// A listing as GET /api/v1/me/listings lists it, so the dashboard can replace its rows.
json itemsJson(const BulkResult& r)
{
    json items = json::array();
    for (const BulkItem& i : r.items) {
        json j = {{"id", i.id}, {"ok", i.ok}};
        if (i.ok) j["changed"] = i.changed;
        if (!i.code.empty()) j["code"] = i.code;
        if (i.price) j["price"] = *i.price;
        items.push_back(std::move(j));
    }
    return items;
}

json problemsJson(const std::vector<CsvProblem>& problems)
{
    json out = json::array();
    for (const CsvProblem& p : problems)
        out.push_back({{"field", p.field}, {"code", p.code}, {"message", p.message}});
    return out;
}

json importJson(const ImportResult& r)
{
    json rows = json::array();
    for (const ImportRow& row : r.rows) {
        json j = {{"row", row.report.row}, {"line", row.report.line}, {"ok", row.report.ok}};
        if (row.draftId) {
            j["draft_id"] = row.draftId;
            // Every draft an import makes is complete but for its photos (at least 3 to publish).
            j["complete_except_photos"] = true;
        }
        j["problems"] = problemsJson(row.report.problems);
        j["warnings"] = problemsJson(row.report.warnings);
        rows.push_back(std::move(j));
    }
    const std::string separator = r.separator == '\t' ? "\t" : std::string(1, r.separator);
    return {{"created", r.created},        {"failed", static_cast<int>(r.rows.size()) - r.created},
            {"separator", separator},      {"columns", r.columns},
            {"ignored_columns", r.ignoredColumns}, {"rows", std::move(rows)}};
}

} // namespace

std::vector<Route> dealerRoutes(DealerService& service)
{
    std::vector<Route> routes;
    routes.push_back(Route{
        {Method::Post}, "/api/v1/me/listings/bulk", Access::SignedIn, kBulkBody,
        "change many of the seller's listings at once: {ids: [1..200 ids], action: publish | unpublish | sold | price, "
        "percent: -50..50 | amount_minor (price only, exactly one)}; all or nothing: 422 price_out_of_range when any "
        "listing's new price is outside the bounds; answers {applied, changed, results: [{id, ok, changed, code}], "
        "listings}",
        [&service](const Request& req) -> Reply {
            JsonBody b(req.body, {"ids", "action", "percent", "amount_minor"});
            BulkRequest r;
            std::optional<std::vector<std::int64_t>> ids = b.optionalIds("ids", DealerLimits::kMaxBulkIds);
            if (!ids) throw ClientError(400, "missing_field", "ids", "ids is required");
            r.ids = std::move(*ids);
            const std::optional<BulkAction> action = parseBulkAction(b.text("action", 20));
            if (!action) b.reject("action", "action must be publish, unpublish, sold or price");
            r.action = *action;
            if (b.has("percent")) r.percent = b.number("percent", -DealerLimits::kMaxPercent, DealerLimits::kMaxPercent);
            if (b.has("amount_minor")) r.amountMinor = b.integer("amount_minor", 1, DealerLimits::kMaxAmountMinor);
            const BulkResult result = service.bulk(req.user(), r);
            if (!result.applied)
                return noStore(422, {{"error", {{"code", result.code}, {"field", result.field}, {"message", result.message}}},
                                     {"applied", false},
                                     {"results", itemsJson(result)}});
            json listings = json::array();
            const std::int64_t now = service.now();
            for (const editor::OwnListing& l : result.listings)
                listings.push_back(editor::ownListingJson(l, now));
            return noStore(200, {{"applied", true},
                                 {"changed", result.changed},
                                 {"results", itemsJson(result)},
                                 {"listings", std::move(listings)}});
        }});
    routes.push_back(Route{
        {Method::Post}, "/api/v1/me/listings/import", Access::SignedIn, CsvLimits::kMaxBytes,
        "import drafts from a CSV file (the body, at most 1 MB and 500 rows; columns in docs/dealer_import.md): one "
        "draft per good row, complete but for its photos; answers {created, rows: [{row, ok, draft_id, problems}]} "
        "even when some rows fail, 400 for a file that is not a listings CSV",
        [&service](const Request& req) -> Reply { return noStore(200, importJson(service.importCsv(req.user(), req.body))); }});
    return routes;
}

} // namespace dongelek::server::dealer

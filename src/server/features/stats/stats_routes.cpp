#include "server/features/stats/stats_routes.hpp"

#include "server/features/accounts/crypto.hpp"
#include "server/features/contact/contact_routes.hpp"
#include "server/features/stats/stats_repository.hpp"
#include "server/http/errors.hpp"
#include "server/http/response.hpp"

#include "core/text_format.hpp"
#include "core/url.hpp"

#include <nlohmann/json.hpp>

#include <cmath>

namespace dongelek::server::stats {

namespace {

using nlohmann::json;

constexpr int kMaxDays = 180;

// The signed-in viewer by account (the same person on every device), anyone else by address.
std::string viewerKey(const Request& req, std::int64_t now)
{
    if (req.principal) return accounts::sha256Hex("viewer|u" + std::to_string(req.principal->userId)).substr(0, 32);
    return visitorKey(req, now);
}

struct Series {
    std::int64_t fromDay = 0, toDay = 0;
    bool weekly = false;
    std::vector<DayCounts> buckets;
};

// ?bucket=day|week&days=N (N 1..180, default 30); the days end today.
Series seriesFor(StatsRepository& repo, const Request& req, std::int64_t listingId, std::int64_t since, std::int64_t now)
{
    Series s;
    const std::string bucket = queryParam(req.rawQuery, "bucket").value_or("day");
    if (bucket != "day" && bucket != "week") throw ClientError(badParameter("bucket", "bucket must be day or week"));
    s.weekly = bucket == "week";
    int days = 30;
    if (const std::optional<std::string> d = queryParam(req.rawQuery, "days")) {
        if (d->empty() || d->size() > 3 || d->find_first_not_of("0123456789") != std::string::npos ||
            std::stoi(*d) < 1 || std::stoi(*d) > kMaxDays)
            throw ClientError(badParameter("days", "days must be a whole number from 1 to 180"));
        days = std::stoi(*d);
    }
    s.toDay = now / 86400;
    s.fromDay = std::max(since, s.toDay - days + 1);
    const std::vector<DayCounts> daily = repo.daily(listingId, s.fromDay, s.toDay);
    if (!s.weekly) {
        s.buckets = daily;
        return s;
    }
    // Weeks of seven days counted back from today, so the last one is whole.
    for (const DayCounts& d : daily) {
        const std::int64_t start = s.toDay - ((s.toDay - d.day) / 7) * 7 - 6;
        if (s.buckets.empty() || s.buckets.back().day != std::max(start, s.fromDay)) {
            DayCounts w;
            w.day = std::max(start, s.fromDay);
            s.buckets.push_back(w);
        }
        s.buckets.back().views += d.views;
        s.buckets.back().favorites += d.favorites;
        s.buckets.back().contacts += d.contacts;
    }
    return s;
}

std::string dayText(std::int64_t day) { return isoTimestamp(day * 86400).substr(0, 10); }

double rounded(double v) { return std::round(v * 100) / 100; }

} // namespace

std::vector<Route> statsRoutes(StatsRepository& repository, std::function<std::int64_t()> now)
{
    std::vector<Route> routes;
    routes.push_back(Route{{Method::Post}, "/api/v1/listings/{id:id}/view", Access::Public, kNoBody,
                           "count a view of a listing's page (once per visitor and day; never its seller's own)",
                           [&repository, now](const Request& req) -> Reply {
                               const std::int64_t t = now();
                               const bool counted = repository.recordView(
                                   req.params.id("id"), t / 86400, viewerKey(req, t),
                                   req.principal ? std::optional<std::int64_t>(req.principal->userId) : std::nullopt);
                               return Response::privateJson(200, json{{"counted", counted}}.dump());
                           }});
    routes.push_back(Route{
        {Method::Get}, "/api/v1/me/listings/{id:id}/stats", Access::SignedIn, kNoBody,
        "how one of the seller's listings does: views, saves and contact requests per day or week "
        "(?bucket=day|week&days=1..180), totals, and the average of similar cars (same model) per day",
        [&repository, now](const Request& req) -> Reply {
            const std::int64_t id = req.params.id("id");
            const std::optional<std::int64_t> since = repository.ownedSince(req.user().userId, id);
            if (!since) throw ClientError(notFound("id", "no such listing of yours"));
            const std::int64_t t = now();
            const Series s = seriesFor(repository, req, id, *since, t);
            json buckets = json::array();
            for (const DayCounts& d : s.buckets)
                buckets.push_back({{"start", dayText(d.day)}, {"views", d.views}, {"favorites", d.favorites},
                                   {"contacts", d.contacts}});
            const Totals total = repository.totals(id);
            const StatsRepository::Average avg = repository.similar(id, s.fromDay, s.toDay);
            const double perBucket = s.weekly ? 7 : 1;
            return Response::privateJson(
                200, json{{"listing_id", id},
                          {"bucket", s.weekly ? "week" : "day"},
                          {"from", dayText(s.fromDay)},
                          {"to", dayText(s.toDay)},
                          {"series", buckets},
                          {"totals", {{"views", total.views}, {"favorites", total.favorites}, {"contacts", total.contacts}}},
                          {"similar",
                           {{"peers", avg.peers},
                            {"views", rounded(avg.views * perBucket)},
                            {"favorites", rounded(avg.favorites * perBucket)},
                            {"contacts", rounded(avg.contacts * perBucket)}}}}
                         .dump());
        }});
    routes.push_back(Route{{Method::Get}, "/api/v1/me/listings/{id:id}/stats.csv", Access::SignedIn, kNoBody,
                           "the same counts as CSV (date,views,favorites,contacts), for a spreadsheet",
                           [&repository, now](const Request& req) -> Reply {
                               const std::int64_t id = req.params.id("id");
                               const std::optional<std::int64_t> since = repository.ownedSince(req.user().userId, id);
                               if (!since) throw ClientError(notFound("id", "no such listing of yours"));
                               const Series s = seriesFor(repository, req, id, *since, now());
                               auto csv = std::make_shared<std::string>("date,views,favorites,contacts\r\n");
                               for (const DayCounts& d : s.buckets)
                                   *csv += dayText(d.day) + "," + std::to_string(d.views) + "," +
                                           std::to_string(d.favorites) + "," + std::to_string(d.contacts) + "\r\n";
                               Response r = Response::bytes(200, "text/csv; charset=utf-8", csv);
                               r.set("Cache-Control", "no-store");
                               r.set("Content-Disposition",
                                     "attachment; filename=\"listing-" + std::to_string(id) + "-stats.csv\"");
                               return r;
                           }});
    return routes;
}

} // namespace dongelek::server::stats

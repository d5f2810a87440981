// Saved-search rows. Answers are per user: never cached, `Cache-Control: no-store`.

#include "server/features/saved_searches/saved_search_routes.hpp"

#include "server/features/saved_searches/saved_search_service.hpp"
#include "server/http/json_body.hpp"

#include "core/json_mapping.hpp"

namespace dongelek::server {

namespace {

constexpr std::size_t kSmallBody = 4096;

template <typename T> Response noStore(int status, const T& value)
{
    return Response::privateJson(status, nlohmann::json(value).dump());
}

} // namespace

std::vector<Route> savedSearchRoutes(SavedSearchService& service)
{
    return {
        Route{{Method::Get}, "/api/v1/me/saved-searches", Access::SignedIn, kNoBody,
              "the user's saved searches, newest first, each with what it finds now and its unread matches",
              [&service](const Request& req) -> Reply { return noStore(200, service.list(req.user().userId)); }},
        Route{{Method::Post}, "/api/v1/me/saved-searches", Access::SignedIn, kSmallBody,
              "save a search: {query, name?, alert?} (at most 50 per user)",
              [&service](const Request& req) -> Reply {
                  JsonBody b(req.body, {"query", "name", "alert"});
                  const std::string query = b.optionalText("query", SavedSearchService::kQueryMaxBytes).value_or("");
                  return noStore(201, service.add(req.user().userId, b.optionalText("name", SavedSearchService::kNameMaxChars),
                                                  query, b.optionalBool("alert").value_or(false)));
              }},
        Route{{Method::Patch}, "/api/v1/me/saved-searches/{id:id}", Access::SignedIn, kSmallBody,
              "rename a saved search or turn its alert on or off: {name?, alert?}",
              [&service](const Request& req) -> Reply {
                  JsonBody b(req.body, {"name", "alert"});
                  std::optional<std::string> name = b.optionalText("name", SavedSearchService::kNameMaxChars);
                  if (name && name->empty())
                      throw ClientError(400, "missing_field", "name", "name must not be empty");
                  return noStore(200, service.update(req.user().userId, req.params.id("id"), name, b.optionalBool("alert")));
              }},
        Route{{Method::Delete}, "/api/v1/me/saved-searches/{id:id}", Access::SignedIn, kNoBody,
              "delete a saved search and its notifications",
              [&service](const Request& req) -> Reply {
                  service.remove(req.user().userId, req.params.id("id"));
                  Response r = Response::bytes(204, kJsonType, nullptr);
                  r.set("Cache-Control", "no-store");
                  return r;
              }},
        Route{{Method::Get}, "/api/v1/me/notifications", Access::SignedIn, kNoBody,
              "new listings for the user's saved searches, newest first (at most 100), and the unread count",
              [&service](const Request& req) -> Reply { return noStore(200, service.notifications(req.user().userId)); }},
        Route{{Method::Post}, "/api/v1/me/notifications/read", Access::SignedIn, kSmallBody,
              "mark notifications read: {ids?} (all when no ids are given)",
              [&service](const Request& req) -> Reply {
                  JsonBody b(req.body, {"ids"});
                  const auto ids = b.optionalIds("ids", 200).value_or(std::vector<std::int64_t>{});
                  const std::int64_t changed = service.markRead(req.user().userId, ids);
                  return noStore(200, nlohmann::json{{"marked", changed}});
              }},
    };
}

} // namespace dongelek::server

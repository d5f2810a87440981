// Contact and report rows. The visitor key is a hash of the address and the day, so
// counts can be deduplicated without keeping addresses.

#include "server/features/contact/contact_routes.hpp"

#include "server/features/accounts/abuse_counters.hpp"
#include "server/features/accounts/crypto.hpp"
#include "server/features/contact/contact_repository.hpp"
#include "server/http/json_body.hpp"

#include "core/json_mapping.hpp"

#include <array>

namespace dongelek::server {

std::string visitorKey(const Request& req, std::int64_t now)
{
    return accounts::sha256Hex("visitor|" + req.remoteAddress + "|" + std::to_string(now / 86400)).substr(0, 32);
}

namespace {

constexpr std::array<std::string_view, 7> kReasons{"spam",     "fraud",     "wrong_price", "wrong_details",
                                                    "sold",     "duplicate", "other"};
constexpr std::array<std::string_view, 3> kChannels{"phone", "whatsapp", "telegram"};

void limit(accounts::AbuseCounters& counters, const std::string& key, std::int64_t max, std::int64_t now,
           const char* what)
{
    const accounts::WindowCount w = counters.hit(key, 3600, now);
    if (w.count > max)
        throw ClientError(tooManyRequests("", std::string("too many ") + what + " from this address; try again later",
                                          static_cast<long>(w.resetsAt - now)));
}

template <typename List> std::string oneOf(const JsonBody& b, const char* field, const List& allowed)
{
    const std::string v = b.text(field, 20);
    for (std::string_view a : allowed)
        if (v == a) return v;
    std::string list;
    for (std::string_view a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
    throw ClientError(400, "invalid_field", field, std::string(field) + " must be one of: " + list);
}

template <typename T> Response noStore(int status, const T& value)
{
    return Response::privateJson(status, nlohmann::json(value).dump());
}

} // namespace

std::string phoneDigits(std::string_view phone)
{
    std::string out;
    for (char c : phone)
        if (c >= '0' && c <= '9') out += c;
    return out;
}

std::vector<Route> contactRoutes(ContactRepository& repository, accounts::AbuseCounters& counters,
                                 std::function<std::int64_t()> now, ContactLimits limits)
{
    return {
        Route{{Method::Post}, "/api/v1/listings/{id:id}/contact", Access::Public, 256,
              "the seller's phone with WhatsApp and Telegram links, counted ({channel}: phone, whatsapp or telegram)",
              [&repository, &counters, now, limits](const Request& req) -> Reply {
                  JsonBody b(req.body, {"channel"});
                  const std::string channel = b.has("channel") ? oneOf(b, "channel", kChannels) : "phone";
                  const std::int64_t id = req.params.id("id");
                  const std::int64_t t = now();
                  limit(counters, "contact:ip:" + req.remoteAddress, limits.revealsPerIp, t, "phone numbers shown");
                  const auto target = repository.target(id);
                  if (!target) throw ClientError(notFound("id", "no active listing with id " + std::to_string(id)));
                  repository.recordContact(id, channel, visitorKey(req, t), t);
                  const std::string digits = phoneDigits(target->phone);
                  return noStore(200, ContactReveal{target->phone, "https://wa.me/" + digits, "https://t.me/+" + digits});
              }},
        Route{{Method::Post}, "/api/v1/listings/{id:id}/reports", Access::Public, 4096,
              "report a listing for moderation ({reason, comment?}; once per visitor and listing a day)",
              [&repository, &counters, now, limits](const Request& req) -> Reply {
                  JsonBody b(req.body, {"reason", "comment"});
                  const std::string reason = oneOf(b, "reason", kReasons);
                  const std::string comment = b.optionalText("comment", 1000).value_or("");
                  const std::int64_t id = req.params.id("id");
                  const std::int64_t t = now();
                  limit(counters, "report:ip:" + req.remoteAddress, limits.reportsPerIp, t, "reports");
                  if (!repository.target(id))
                      throw ClientError(notFound("id", "no active listing with id " + std::to_string(id)));
                  std::optional<std::int64_t> user;
                  if (req.principal) user = req.principal->userId;
                  const bool added = repository.addReport(id, user, reason, comment, visitorKey(req, t), t);
                  return noStore(added ? 201 : 200, nlohmann::json{{"status", added ? "received" : "already_reported"}});
              }},
    };
}

} // namespace dongelek::server

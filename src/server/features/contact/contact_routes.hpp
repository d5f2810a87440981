// Contacting a seller and reporting a listing:
// POST /api/v1/listings/{id}/contact {channel}: the seller's phone (and WhatsApp and Telegram
//   links), counted, and only within the per-address limit (429 with Retry-After beyond it);
// POST /api/v1/listings/{id}/reports {reason, comment?}: stored for moderation, once per
//   visitor and listing a day.
#pragma once

#include "server/http/route_table.hpp"

#include <functional>
#include <vector>

namespace dongelek::server {

namespace accounts {
class AbuseCounters;
}
class ContactRepository;

struct ContactLimits {
    std::int64_t revealsPerIp = 30; // phones shown per address per hour
    std::int64_t reportsPerIp = 10; // reports per address per hour
};

std::vector<Route> contactRoutes(ContactRepository& repository, accounts::AbuseCounters& counters,
                                 std::function<std::int64_t()> now, ContactLimits limits = {});

// Who is asking, for counting once per visitor and day without keeping addresses: a hash of
// the address and the day.
std::string visitorKey(const Request& req, std::int64_t now);

// "+7 701 234 56 78" -> "77012345678" (the digits WhatsApp and Telegram links take).
std::string phoneDigits(std::string_view phone);

} // namespace dongelek::server

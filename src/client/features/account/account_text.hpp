// Text the account screens make from the server's values: how long ago a session was last seen
// ("5 minutes ago", with each language's plural forms) and a phone number grouped for reading.
// Pure functions of the strings and the time given, so they are unit-tested.
#pragma once

#include "core/i18n.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace dongelek::account {

// Seconds since 1970 of an ISO 8601 UTC timestamp ("2026-12-01T10:05:00Z", fractions and a
// "+00:00" offset allowed); nullopt when it is not one.
std::optional<double> parseIsoSeconds(std::string_view iso);

// "just now" under a minute, then minutes, hours and days ago (account.ago.*), and the date
// itself after 30 days; "" when `iso` is not a timestamp.
std::string formatAgo(const Strings& s, double nowEpochS, std::string_view iso);

// "+7 701 123 45 67", "+973 3612 3456"; other text as it came.
std::string formatPhone(std::string_view e164);

// A TOTP secret in groups of four letters, easier to type: "JBSW Y3DP EHPK 3PXP".
std::string groupSecret(std::string_view secret);

} // namespace dongelek::account

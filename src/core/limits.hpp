// Limits on every size a client controls. The server enforces them; the client uses
// them to clamp input so a user never builds a request the server would refuse.
#pragma once

#include <cstddef>
#include <cstdint>

namespace dongelek::limits {

inline constexpr std::size_t kQueryMaxChars = 100;   // free-text search, in code points
inline constexpr int kPageSizeDefault = 20;
inline constexpr int kPageSizeMax = 100;
inline constexpr int kPageMax = 10000;               // deeper pages are refused, not scanned
inline constexpr int kYearMin = 1950;
inline constexpr int kYearMax = 2027;
inline constexpr int kMileageMax = 2'000'000;        // km
inline constexpr std::int64_t kPriceMax = 1'000'000'000'000; // whole currency units
inline constexpr std::int64_t kIdMax = 9'007'199'254'740'991;  // 2^53-1, safe in JS too
inline constexpr std::size_t kListMax = 20;           // values in one list filter (make=1,2,3)
inline constexpr int kPowerMax = 2000;               // hp
inline constexpr int kOwnersFilterMax = 5;
inline constexpr std::size_t kSuggestMaxChars = 60;  // text sent to suggestions, in code points
inline constexpr std::size_t kQueryStringMaxBytes = 8 * 1024; // whole ?query, before parsing

} // namespace dongelek::limits

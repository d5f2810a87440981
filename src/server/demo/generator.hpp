// Deterministic demo data: the same seed and size give the same rows on every machine
// (own PRNG, integer-friendly arithmetic, no std distributions).
#pragma once

#include "core/text_format.hpp"

#include "server/features/listings/listing_repository.hpp"

#include <cstdint>
#include <string>

namespace dongelek::server::demo {

// splitmix64: tiny, fast, and its output is fully specified, unlike std's distributions.
class Rng {
public:
    explicit Rng(std::uint64_t seed) : m_state(seed) {}
    std::uint64_t next()
    {
        std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    // Uniform in [0, 1) with 53 bits.
    double uniform() { return static_cast<double>(next() >> 11) * (1.0 / 9007199254740992.0); }
    // Uniform integer in [lo, hi] (inclusive); lo <= hi.
    std::int64_t range(std::int64_t lo, std::int64_t hi)
    {
        const std::uint64_t span = static_cast<std::uint64_t>(hi - lo) + 1;
        if (span == 0) return static_cast<std::int64_t>(next()); // the whole 64-bit range
        // Rejection sampling: drop the few values that would make the modulo biased.
        const std::uint64_t threshold = (0 - span) % span;
        std::uint64_t r = next();
        while (r < threshold)
            r = next();
        return lo + static_cast<std::int64_t>(r % span);
    }
    bool chance(double p) { return uniform() < p; }
    template <typename T> const T& pick(const std::vector<T>& v)
    {
        return v[static_cast<std::size_t>(range(0, static_cast<std::int64_t>(v.size()) - 1))];
    }

private:
    std::uint64_t m_state;
};

// Everything fixed about the generated world, so results do not depend on today's date.
inline constexpr int kReferenceYear = 2026;
inline constexpr const char* kReferenceDate = "2026-11-01T12:00:00Z"; // listings are up to 90 days older
inline constexpr std::int64_t kReferenceEpoch = 1793534400;           // kReferenceDate in Unix seconds

struct GeneratorStats {
    int makes = 0;
    int models = 0;
    int cities = 0;
    int sellers = 0;
    int listings = 0;
    int photos = 0;
};

// Writes the catalog, sellers and `listingCount` listings (with photo specs) through
// `writer` and commits. Ids start at 1 in every table.
// Dates count back from `referenceEpoch` (the server passes today's noon, UTC, so "posted
// within 7 days" finds demo cars; tests keep the fixed default).
GeneratorStats generateDemoData(BulkWriter& writer, std::uint64_t seed, int listingCount,
                                std::int64_t referenceEpoch = kReferenceEpoch);

// [SECTION] Pieces exposed for tests

// core/text_format.hpp's, the format of every time the API writes.
using dongelek::isoTimestamp;
// A 17-character VIN with a valid check digit (position 9) and model-year code (position 10).
std::string makeVin(Rng& rng, const char* wmi, int year);
// True when `vin` has 17 allowed characters and a correct check digit.
bool vinCheckDigitValid(const std::string& vin);

} // namespace dongelek::server::demo

// Counters for rate limits and lockouts, behind an interface so they can move to Redis
// (INCR + EXPIRE map onto hit()) when several server instances share the load. The default
// keeps them in this process.
#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

namespace dongelek::server::accounts {

struct WindowCount {
    std::int64_t count = 0;
    std::int64_t resetsAt = 0; // Unix seconds when the window ends (0: no window open)
};

class AbuseCounters {
public:
    virtual ~AbuseCounters() = default;
    // Adds one to `key`; the window opens at the first hit and lasts `windowSeconds`.
    virtual WindowCount hit(const std::string& key, std::int64_t windowSeconds, std::int64_t now) = 0;
    virtual WindowCount peek(const std::string& key, std::int64_t now) = 0;
    virtual void clear(const std::string& key) = 0;
};

// In-process counters; at most `maxKeys` keys (expired ones are swept first, then the
// oldest window goes), so a flood of distinct keys cannot grow memory without bound.
class InProcessCounters final : public AbuseCounters {
public:
    explicit InProcessCounters(std::size_t maxKeys = 200'000) : m_maxKeys(maxKeys) {}
    WindowCount hit(const std::string& key, std::int64_t windowSeconds, std::int64_t now) override;
    WindowCount peek(const std::string& key, std::int64_t now) override;
    void clear(const std::string& key) override;

private:
    void sweep(std::int64_t now);
    std::size_t m_maxKeys;
    std::mutex m_mutex;
    std::unordered_map<std::string, WindowCount> m_counts;
};

// One limit: at most `max` events per `windowSeconds`.
struct Limit {
    std::int64_t max = 0;
    std::int64_t windowSeconds = 0;
};

// Every limit of the accounts feature, configurable with --auth-limits (name=max/seconds,...).
struct AuthLimits {
    Limit signInPerIp{30, 300};        // sign-in attempts (password or phone code) per IP
    Limit registerPerIp{10, 3600};     // registrations per IP
    Limit resetPerIp{10, 3600};        // reset requests per IP
    Limit resetPerAccount{3, 3600};    // reset mails per address
    Limit codeChecksPerIp{30, 900};    // verification codes and tokens checked per IP
    Limit resendPerAccount{5, 3600};   // verification mails / SMS codes per address or phone
    std::int64_t resendCooldownSeconds = 60;
    Limit strengthPerIp{300, 60};      // password-strength checks per IP
    // Failed sign-ins of one account: from `delayAfter` failures each further attempt waits
    // 2^(n - delayAfter) seconds (at most 60); at `lockAfter` the account is locked for
    // `lockSeconds` and its owner gets a mail. The failure count decays after `failureWindow`.
    std::int64_t delayAfter = 3;
    std::int64_t lockAfter = 10;
    std::int64_t lockSeconds = 900;
    std::int64_t failureWindowSeconds = 900;
    std::int64_t codeTries = 5; // tries per SMS code
};

// Applies "signin_ip=30/300,register_ip=10/3600,lock_after=10,..." over `limits`; returns
// an error naming the bad item, or "".
std::string parseAuthLimits(const std::string& spec, AuthLimits& limits);

} // namespace dongelek::server::accounts

#include "server/features/accounts/abuse_counters.hpp"

#include <algorithm>
#include <charconv>
#include <vector>

namespace dongelek::server::accounts {

WindowCount InProcessCounters::hit(const std::string& key, std::int64_t windowSeconds, std::int64_t now)
{
    std::lock_guard lock(m_mutex);
    auto it = m_counts.find(key);
    if (it == m_counts.end()) {
        if (m_counts.size() >= m_maxKeys) sweep(now);
        it = m_counts.emplace(key, WindowCount{}).first;
    }
    WindowCount& c = it->second;
    if (c.resetsAt <= now) c = WindowCount{0, now + windowSeconds};
    ++c.count;
    return c;
}

WindowCount InProcessCounters::peek(const std::string& key, std::int64_t now)
{
    std::lock_guard lock(m_mutex);
    auto it = m_counts.find(key);
    if (it == m_counts.end() || it->second.resetsAt <= now) return {};
    return it->second;
}

void InProcessCounters::clear(const std::string& key)
{
    std::lock_guard lock(m_mutex);
    m_counts.erase(key);
}

void InProcessCounters::sweep(std::int64_t now)
{
    for (auto it = m_counts.begin(); it != m_counts.end();)
        it = it->second.resetsAt <= now ? m_counts.erase(it) : std::next(it);
    if (m_counts.size() < m_maxKeys) return;
    // Still full of live windows: drop the tenth that ends soonest.
    std::vector<std::pair<std::int64_t, std::string>> ends;
    ends.reserve(m_counts.size());
    for (const auto& [k, v] : m_counts)
        ends.emplace_back(v.resetsAt, k);
    const std::size_t drop = std::max<std::size_t>(1, ends.size() / 10);
    std::nth_element(ends.begin(), ends.begin() + static_cast<std::ptrdiff_t>(drop - 1), ends.end());
    for (std::size_t i = 0; i < drop; ++i)
        m_counts.erase(ends[i].second);
}

namespace {
bool parseInt(std::string_view s, std::int64_t& out)
{
    const auto r = std::from_chars(s.data(), s.data() + s.size(), out);
    return r.ec == std::errc() && r.ptr == s.data() + s.size() && out >= 0;
}
} // namespace

std::string parseAuthLimits(const std::string& spec, AuthLimits& l)
{
    struct Named {
        const char* name;
        Limit* limit;
    };
    const Named limits[] = {{"signin_ip", &l.signInPerIp},       {"register_ip", &l.registerPerIp},
                            {"reset_ip", &l.resetPerIp},         {"reset_account", &l.resetPerAccount},
                            {"code_checks_ip", &l.codeChecksPerIp}, {"resend_account", &l.resendPerAccount},
                            {"strength_ip", &l.strengthPerIp}};
    struct NamedNumber {
        const char* name;
        std::int64_t* value;
    };
    const NamedNumber numbers[] = {{"resend_cooldown", &l.resendCooldownSeconds}, {"delay_after", &l.delayAfter},
                                   {"lock_after", &l.lockAfter},                 {"lock_seconds", &l.lockSeconds},
                                   {"failure_window", &l.failureWindowSeconds},  {"code_tries", &l.codeTries}};
    std::string_view rest = spec;
    while (!rest.empty()) {
        const std::size_t comma = rest.find(',');
        const std::string_view item = rest.substr(0, comma);
        rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
        const std::size_t eq = item.find('=');
        if (eq == std::string_view::npos) return "\"" + std::string(item) + "\" is not name=value";
        const std::string_view name = item.substr(0, eq), value = item.substr(eq + 1);
        bool known = false;
        for (const Named& n : limits) {
            if (name != n.name) continue;
            known = true;
            const std::size_t slash = value.find('/');
            Limit parsed;
            if (slash == std::string_view::npos || !parseInt(value.substr(0, slash), parsed.max) ||
                !parseInt(value.substr(slash + 1), parsed.windowSeconds) || parsed.windowSeconds == 0)
                return std::string(name) + " must be MAX/SECONDS, e.g. 30/300";
            *n.limit = parsed;
        }
        for (const NamedNumber& n : numbers) {
            if (name != n.name) continue;
            known = true;
            if (!parseInt(value, *n.value)) return std::string(name) + " must be a whole number of at least 0";
        }
        if (!known) return "unknown limit \"" + std::string(name) + "\"";
    }
    return {};
}

} // namespace dongelek::server::accounts

// The desktop app's cookie jar (see cookie_jar.hpp).

#include "client/cookie_jar.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <charconv>

namespace dongelek {

namespace {
std::string_view trimmed(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}

bool sameName(std::string_view a, std::string_view b)
{
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i])))
            return false;
    return true;
}

// The request path without its query, and RFC 6265's default cookie path ("directory").
std::string_view pathOnly(std::string_view target)
{
    const auto q = target.find_first_of("?#");
    return q == std::string_view::npos ? target : target.substr(0, q);
}
std::string defaultPath(std::string_view requestPath)
{
    const std::string_view p = pathOnly(requestPath);
    if (p.empty() || p.front() != '/') return "/";
    const auto slash = p.rfind('/');
    return slash == 0 ? std::string("/") : std::string(p.substr(0, slash));
}
} // namespace

bool cookiePathMatches(std::string_view requestPath, std::string_view cookiePath)
{
    const std::string_view p = pathOnly(requestPath);
    if (p == cookiePath) return true;
    if (p.size() > cookiePath.size() && p.compare(0, cookiePath.size(), cookiePath) == 0)
        return cookiePath.back() == '/' || p[cookiePath.size()] == '/';
    return false;
}

bool CookieJar::receive(std::string_view setCookie, std::string_view requestPath, double nowS, bool secureChannel)
{
    const auto semi = setCookie.find(';');
    const std::string_view pair = trimmed(setCookie.substr(0, semi));
    const auto eq = pair.find('=');
    if (eq == std::string_view::npos || eq == 0) return false;
    Cookie c;
    c.name = std::string(trimmed(pair.substr(0, eq)));
    c.value = std::string(trimmed(pair.substr(eq + 1)));
    c.path = defaultPath(requestPath);
    bool removal = c.value.empty();
    std::string_view attrs = semi == std::string_view::npos ? std::string_view{} : setCookie.substr(semi + 1);
    while (!attrs.empty()) {
        const auto next = attrs.find(';');
        const std::string_view attr = trimmed(attrs.substr(0, next));
        attrs = next == std::string_view::npos ? std::string_view{} : attrs.substr(next + 1);
        const auto aeq = attr.find('=');
        const std::string_view key = trimmed(attr.substr(0, aeq));
        const std::string_view val = aeq == std::string_view::npos ? std::string_view{} : trimmed(attr.substr(aeq + 1));
        if (sameName(key, "Path")) {
            if (!val.empty() && val.front() == '/') c.path = std::string(val);
        } else if (sameName(key, "Max-Age")) {
            long long seconds = 0;
            const auto [ptr, ec] = std::from_chars(val.data(), val.data() + val.size(), seconds);
            if (ec == std::errc() && ptr == val.data() + val.size()) {
                if (seconds <= 0)
                    removal = true;
                else
                    c.expiresAtS = nowS + static_cast<double>(seconds);
            }
        } else if (sameName(key, "Secure")) {
            c.secure = true;
        }
    }
    if (c.secure && !secureChannel) return false; // a browser refuses it over plain HTTP too
    const auto same = [&c](const Cookie& o) { return o.name == c.name && o.path == c.path; };
    const auto it = std::find_if(m_cookies.begin(), m_cookies.end(), same);
    if (removal) {
        if (it == m_cookies.end()) return false;
        m_cookies.erase(it);
        return true;
    }
    if (it != m_cookies.end()) {
        *it = std::move(c);
    } else {
        m_cookies.push_back(std::move(c));
    }
    return true;
}

std::string CookieJar::header(std::string_view path, double nowS, bool secureChannel) const
{
    std::vector<const Cookie*> matching;
    for (const Cookie& c : m_cookies) {
        if (c.expiresAtS > 0 && c.expiresAtS <= nowS) continue;
        if (c.secure && !secureChannel) continue;
        if (cookiePathMatches(path, c.path)) matching.push_back(&c);
    }
    std::stable_sort(matching.begin(), matching.end(),
                     [](const Cookie* a, const Cookie* b) { return a->path.size() > b->path.size(); });
    std::string out;
    for (const Cookie* c : matching) {
        if (!out.empty()) out += "; ";
        out += c->name + "=" + c->value;
    }
    return out;
}

std::string CookieJar::save(double nowS) const
{
    nlohmann::json list = nlohmann::json::array();
    for (const Cookie& c : m_cookies) {
        if (c.expiresAtS <= nowS) continue; // session cookies and expired ones are not kept
        list.push_back(
            {{"name", c.name}, {"value", c.value}, {"path", c.path}, {"expires", c.expiresAtS}, {"secure", c.secure}});
    }
    return list.dump();
}

void CookieJar::load(std::string_view json, double nowS)
{
    m_cookies.clear();
    const auto doc = nlohmann::json::parse(json.begin(), json.end(), nullptr, false);
    if (!doc.is_array()) return;
    for (const auto& j : doc) {
        if (!j.is_object()) continue;
        Cookie c;
        const auto str = [&j](const char* k) {
            const auto it = j.find(k);
            return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
        };
        c.name = str("name");
        c.value = str("value");
        c.path = str("path");
        if (const auto it = j.find("expires"); it != j.end() && it->is_number()) c.expiresAtS = it->get<double>();
        if (const auto it = j.find("secure"); it != j.end() && it->is_boolean()) c.secure = it->get<bool>();
        if (c.name.empty() || c.value.empty() || c.path.empty() || c.path.front() != '/' || c.expiresAtS <= nowS)
            continue;
        m_cookies.push_back(std::move(c));
    }
}

} // namespace dongelek

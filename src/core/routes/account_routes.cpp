// Account addresses <-> their parameters.

#include "core/routes/account_routes.hpp"

#include "core/url.hpp"

namespace dongelek {

bool samePath(std::string_view path, std::string_view route)
{
    if (!path.empty() && path.size() > 1 && path.back() == '/') path.remove_suffix(1);
    return path == route;
}

bool FixedRoute::claims(const AppUrl& url) const
{
    return samePath(url.path, path);
}

std::string safeReturnPath(std::string_view next)
{
    constexpr std::size_t kMaxBytes = 2048;
    if (next.empty() || next.size() > kMaxBytes || next.front() != '/') return {};
    if (next.size() > 1 && (next[1] == '/' || next[1] == '\\')) return {}; // "//host" is another site
    for (unsigned char c : next)
        if (c < 0x20 || c == 0x7F || c == '\\') return {};
    const AppUrl u = splitAppUrl(next);
    if (samePath(u.path, SignInRoute::kPath) || samePath(u.path, RegisterRoute::kPath)) return {};
    return std::string(next);
}

namespace {
std::string nextOf(const AppUrl& url)
{
    return safeReturnPath(queryParam(url.query, "next").value_or(""));
}

void addParam(std::string& query, std::string_view name, std::string_view value)
{
    if (value.empty()) return;
    if (!query.empty()) query += '&';
    query += name;
    query += '=';
    query += percentEncode(value);
}
} // namespace

bool SignInRoute::claims(const AppUrl& url)
{
    return samePath(url.path, kPath);
}

SignInRoute SignInRoute::parse(const AppUrl& url)
{
    SignInRoute r;
    r.method = queryParam(url.query, "with").value_or("") == "phone" ? Method::Phone : Method::Password;
    r.next = nextOf(url);
    return r;
}

std::string SignInRoute::url() const
{
    std::string q;
    addParam(q, "with", method == Method::Phone ? "phone" : "");
    addParam(q, "next", next);
    return joinAppUrl(kPath, q);
}

bool RegisterRoute::claims(const AppUrl& url)
{
    return samePath(url.path, kPath);
}

RegisterRoute RegisterRoute::parse(const AppUrl& url)
{
    RegisterRoute r;
    r.next = nextOf(url);
    return r;
}

std::string RegisterRoute::url() const
{
    std::string q;
    addParam(q, "next", next);
    return joinAppUrl(kPath, q);
}

std::string mailToken(const AppUrl& url)
{
    const std::string token = queryParam(url.query, "token").value_or("");
    if (token.size() > kTokenMaxBytes) return {};
    for (unsigned char c : token) {
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                        c == '_' || c == '.' || c == '~';
        if (!ok) return {};
    }
    return token;
}

bool VerifyRoute::claims(const AppUrl& url)
{
    return samePath(url.path, kPath);
}
VerifyRoute VerifyRoute::parse(const AppUrl& url)
{
    return VerifyRoute{mailToken(url)};
}
std::string VerifyRoute::url() const
{
    std::string q;
    addParam(q, "token", token);
    return joinAppUrl(kPath, q);
}

bool ResetRoute::claims(const AppUrl& url)
{
    return samePath(url.path, kPath);
}
ResetRoute ResetRoute::parse(const AppUrl& url)
{
    return ResetRoute{mailToken(url)};
}
std::string ResetRoute::url() const
{
    std::string q;
    addParam(q, "token", token);
    return joinAppUrl(kPath, q);
}

} // namespace dongelek

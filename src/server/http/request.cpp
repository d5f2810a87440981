// Request helpers: method names, case-insensitive header lookup, typed route parameters.
// Answering later (Request::answerLater, Responder) lives in chain.cpp beside the chain.

#include "server/http/request.hpp"

#include "server/http/header_parsers.hpp"

#include <array>
#include <stdexcept>

namespace dongelek::server {

namespace {
constexpr std::array<std::string_view, kMethodCount> kMethodNames{"GET",   "HEAD",   "POST",    "PUT",
                                                                  "PATCH", "DELETE", "OPTIONS", "OTHER"};
}

std::string_view methodName(Method method)
{
    return kMethodNames[static_cast<std::size_t>(method)];
}

Method methodFromName(std::string_view name)
{
    for (std::size_t i = 0; i + 1 < kMethodNames.size(); ++i)
        if (kMethodNames[i] == name) return static_cast<Method>(i);
    return Method::Other;
}

bool equalsIgnoringCase(std::string_view a, std::string_view b)
{
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        char x = a[i], y = b[i];
        if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
        if (x != y) return false;
    }
    return true;
}

const RouteParams::Param& RouteParams::find(std::string_view name) const
{
    for (const Param& p : m_params)
        if (p.name == name) return p;
    throw std::logic_error("the route has no parameter named " + std::string(name));
}

std::string_view RouteParams::text(std::string_view name) const
{
    return find(name).text;
}

std::int64_t RouteParams::id(std::string_view name) const
{
    return find(name).number;
}

void RouteParams::add(std::string_view name, std::string text, std::int64_t number)
{
    m_params.push_back(Param{name, std::move(text), number});
}

std::string_view Request::header(std::string_view name) const
{
    for (const Header& h : headers)
        if (equalsIgnoringCase(h.name, name)) return h.value;
    return {};
}

bool Request::acceptsGzip() const
{
    if (m_gzip < 0) {
        const std::string_view value = header("Accept-Encoding");
        m_gzip = !value.empty() && server::acceptsGzip(value) ? 1 : 0;
    }
    return m_gzip == 1;
}

} // namespace dongelek::server

namespace dongelek::server {

const Principal& Request::user() const
{
    if (!principal) throw std::logic_error("Request::user() on a request without a signed-in caller");
    return *principal;
}

} // namespace dongelek::server

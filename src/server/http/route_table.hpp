// The route table: every feature declares its routes as rows of it (methods, a path with
// typed parameters, a body limit, who may call it, a summary, the handler). The table
// matches requests and writes the 404 hints and the 405 Allow headers from those rows.
#pragma once

#include "server/http/request.hpp"
#include "server/http/response.hpp"

#include <cstddef>
#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace dongelek::server {

// Who may call a route. Checked in one place (Chain::handle). Ownership of what a user owns
// is checked by the feature's service against Request::user() (the route declares SignedIn).
//   Public        anyone; a valid bearer token still sets Request::principal
//   SignedIn      a valid, unexpired access token of a live session (else 401)
//   Admin         SignedIn with the admin role (else 403)
//   RefreshCookie the refresh cookie and the CSRF header X-Dongelek-CSRF (else 401 / 403);
//                 the handler checks the cookie's token
enum class Access { Public, SignedIn, Admin, RefreshCookie };
std::string_view accessName(Access access);

class MethodSet {
public:
    MethodSet(std::initializer_list<Method> methods);
    // A route that allows GET allows HEAD too (same headers, no body).
    bool allows(Method m) const;
    bool overlaps(const MethodSet& other) const;
    MethodSet& operator|=(const MethodSet& other);
    // "GET, HEAD", in a fixed order; the value of a 405's Allow header.
    std::string allowHeader() const;
    // "GET or HEAD", for error messages.
    std::string spoken() const;

private:
    MethodSet() = default;
    friend class RouteTable;
    std::uint16_t effectiveBits() const;
    std::uint16_t m_bits = 0;
};

using Reply = std::variant<Response, Deferred>;
using Handler = std::function<Reply(const Request&)>;

inline constexpr std::size_t kNoBody = 0; // the body limit of routes that take none (GET)

// One row. Every field is mandatory (there is no default constructor), so a route cannot
// forget its access rule or body limit. Pattern syntax: literal segments, "{name}" (any
// non-empty segment), "{name:id}" (1..kIdMax with today's messages), and a final
// "{name:*}" (the rest of the path). A route whose first segment is not literal is a
// fallback: it never answers for paths under another route's first segment (/api, /media).
struct Route {
    Route(MethodSet methods, std::string pattern, Access access, std::size_t maxBodyBytes, std::string summary,
          Handler handler)
        : methods(methods), pattern(std::move(pattern)), access(access), maxBodyBytes(maxBodyBytes),
          summary(std::move(summary)), handler(std::move(handler))
    {
    }
    MethodSet methods;
    std::string pattern;
    Access access;
    std::size_t maxBodyBytes;
    std::string summary; // one line: what it answers
    Handler handler;
};

class RouteTable {
public:
    RouteTable() = default;
    RouteTable(const RouteTable&) = delete;
    RouteTable& operator=(const RouteTable&) = delete;

    // Throws std::invalid_argument for a malformed pattern, an empty summary, no methods,
    // no handler, or a route with the same shape and an overlapping method as one already
    // added (which of the two would answer is then a matter of luck). Add every route
    // before serving: matches point into the table, which is read-only from then on.
    void add(Route route);
    void add(std::vector<Route> routes);

    struct Match {
        const Route* route = nullptr;   // set when the request may go to a handler
        RouteParams params;             // its typed parameters
        std::optional<HttpError> error; // otherwise: 404 with hints, 405, or 400 for a bad parameter
        std::string allow;              // the Allow header of a 405
    };
    // `rawPath` as sent (already checked by checkRequestTarget, so its escapes are valid).
    Match match(Method method, std::string_view methodText, std::string_view rawPath) const;

    // The largest body limit of any route (the transport's global limit follows it).
    std::size_t largestBodyLimit() const;
    // One line per route: "GET, HEAD /api/v1/listings/{id}: one listing ..." in the
    // order added; the 404 hints and docs use the same display patterns.
    std::vector<std::string> describe() const;
    std::size_t size() const { return m_routes.size(); }

private:
    enum class Kind { Literal, Param, Rest };
    enum class ParamType { Segment, Id };
    struct Segment {
        Kind kind = Kind::Literal;
        std::string text; // the literal, or the parameter's name
        ParamType type = ParamType::Segment;
    };
    struct Compiled {
        Route route;
        std::vector<Segment> segments;
        std::string display; // the pattern without types: "/api/v1/listings/{id}"
        std::size_t order = 0;
    };
    static Compiled compile(Route route, std::size_t order);
    bool inNamespace(std::string_view firstSegment) const;
    std::optional<HttpError> bindParams(const Compiled& c, const std::vector<std::string_view>& raw, std::size_t restAt,
                                        std::string_view rawPath, RouteParams& out) const;

    std::vector<Compiled> m_routes;        // most specific first (literal before parameter before rest)
    std::vector<std::string> m_namespaces; // first literal segments: "api", "media"
};

} // namespace dongelek::server

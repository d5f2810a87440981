// Route patterns compiled once, matched per request without regular expressions: split
// the raw path on '/', compare literal segments (decoded only when they hold an escape),
// then check the typed parameters of the route the method selected.
//
// [SECTION] Methods
// [SECTION] Compiling patterns
// [SECTION] Matching

#include "server/http/route_table.hpp"

#include "server/http/request_target.hpp"

#include "core/limits.hpp"
#include "core/url.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <stdexcept>

namespace dongelek::server {

// [SECTION] Methods

namespace {
constexpr std::uint16_t bit(Method m)
{
    return static_cast<std::uint16_t>(1u << static_cast<unsigned>(m));
}

// The order of Allow headers and messages.
constexpr std::array<Method, 7> kListedMethods{Method::Get,   Method::Head,   Method::Post,   Method::Put,
                                               Method::Patch, Method::Delete, Method::Options};
} // namespace

MethodSet::MethodSet(std::initializer_list<Method> methods)
{
    for (Method m : methods)
        m_bits |= bit(m);
}

std::uint16_t MethodSet::effectiveBits() const
{
    return (m_bits & bit(Method::Get)) ? static_cast<std::uint16_t>(m_bits | bit(Method::Head)) : m_bits;
}

bool MethodSet::allows(Method m) const
{
    return (effectiveBits() & bit(m)) != 0;
}

bool MethodSet::overlaps(const MethodSet& other) const
{
    return (effectiveBits() & other.effectiveBits()) != 0;
}

MethodSet& MethodSet::operator|=(const MethodSet& other)
{
    m_bits |= other.m_bits;
    return *this;
}

std::string MethodSet::allowHeader() const
{
    std::string out;
    for (Method m : kListedMethods)
        if (allows(m)) out += (out.empty() ? "" : ", ") + std::string(methodName(m));
    return out;
}

std::string MethodSet::spoken() const
{
    std::vector<std::string_view> names;
    for (Method m : kListedMethods)
        if (allows(m)) names.push_back(methodName(m));
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0) out += i + 1 == names.size() ? " or " : ", ";
        out += names[i];
    }
    return out;
}

// [SECTION] Compiling patterns

RouteTable::Compiled RouteTable::compile(Route route, std::size_t order)
{
    const auto refuse = [&](const std::string& why) {
        throw std::invalid_argument("route " + route.pattern + ": " + why);
    };
    if (route.pattern.empty() || route.pattern.front() != '/') refuse("the pattern must start with '/'");
    if (route.summary.empty()) refuse("every route needs a one-line summary");
    if (!route.handler) refuse("no handler");
    if (route.methods.effectiveBits() == 0) refuse("no methods");

    Compiled c{std::move(route), {}, {}, order};
    std::string_view rest = std::string_view(c.route.pattern).substr(1);
    while (!rest.empty()) {
        const auto slash = rest.find('/');
        const std::string_view seg = rest.substr(0, slash);
        rest = slash == std::string_view::npos ? std::string_view{} : rest.substr(slash + 1);
        if (seg.empty()) refuse("empty segment");
        if (!c.segments.empty() && c.segments.back().kind == Kind::Rest) refuse("{name:*} must be the last segment");
        Segment s;
        if (seg.front() == '{') {
            if (seg.back() != '}' || seg.size() < 3) refuse("malformed parameter '" + std::string(seg) + "'");
            const std::string_view inner = seg.substr(1, seg.size() - 2);
            const auto colon = inner.find(':');
            const std::string_view name = inner.substr(0, colon);
            const std::string_view type =
                colon == std::string_view::npos ? std::string_view{} : inner.substr(colon + 1);
            if (name.empty()) refuse("a parameter needs a name");
            for (const Segment& other : c.segments)
                if (other.kind != Kind::Literal && other.text == name)
                    refuse("two parameters named " + std::string(name));
            s.text = std::string(name);
            if (type.empty()) {
                s.kind = Kind::Param;
            } else if (type == "id") {
                s.kind = Kind::Param;
                s.type = ParamType::Id;
            } else if (type == "*") {
                s.kind = Kind::Rest;
            } else {
                refuse("unknown parameter type '" + std::string(type) + "' (known: id, *)");
            }
            c.display += "/{" + s.text + "}";
        } else {
            if (seg.find_first_of("{}") != std::string_view::npos) refuse("braces inside a literal segment");
            s.text = std::string(seg);
            c.display += "/" + s.text;
        }
        c.segments.push_back(std::move(s));
    }
    if (c.display.empty()) c.display = "/";
    return c;
}

std::string_view accessName(Access access)
{
    switch (access) {
    case Access::Public:
        return "public";
    case Access::SignedIn:
        return "signed-in";
    case Access::Admin:
        return "admin";
    case Access::RefreshCookie:
        return "refresh cookie";
    }
    return {};
}

void RouteTable::add(Route route)
{
    // Who may call it is part of every route: one whose rule is not one of ours stops the start-up.
    if (accessName(route.access).empty())
        throw std::invalid_argument("route " + route.pattern + " declares no known access rule");
    Compiled c = compile(std::move(route), m_routes.size());
    const auto sameShape = [](const Compiled& a, const Compiled& b) {
        if (a.segments.size() != b.segments.size()) return false;
        for (std::size_t i = 0; i < a.segments.size(); ++i) {
            const Segment &x = a.segments[i], &y = b.segments[i];
            if (x.kind != y.kind || (x.kind == Kind::Literal && x.text != y.text)) return false;
        }
        return true;
    };
    for (const Compiled& other : m_routes)
        if (sameShape(other, c) && other.route.methods.overlaps(c.route.methods))
            throw std::invalid_argument("route " + c.route.pattern + " clashes with " + other.route.pattern + " (" +
                                        other.route.methods.allowHeader() + ")");
    if (!c.segments.empty() && c.segments.front().kind == Kind::Literal && !inNamespace(c.segments.front().text))
        m_namespaces.push_back(c.segments.front().text);
    m_routes.push_back(std::move(c));
    // Most specific first: at the first differing segment a literal beats a parameter,
    // which beats the rest of the path, and a route that ends there beats one going on
    // with the rest ("/" before "/{path:*}"); ties keep the order they were added in.
    // (Compared as words over literal < parameter < end < rest: a strict weak order.)
    const auto rank = [](const Compiled& c, std::size_t i) {
        if (i >= c.segments.size()) return 2;
        switch (c.segments[i].kind) {
        case Kind::Literal: return 0;
        case Kind::Param: return 1;
        case Kind::Rest: return 3;
        }
        return 3;
    };
    std::stable_sort(m_routes.begin(), m_routes.end(), [&rank](const Compiled& a, const Compiled& b) {
        const std::size_t n = std::max(a.segments.size(), b.segments.size());
        for (std::size_t i = 0; i < n; ++i)
            if (rank(a, i) != rank(b, i)) return rank(a, i) < rank(b, i);
        return false;
    });
}

void RouteTable::add(std::vector<Route> routes)
{
    for (Route& r : routes)
        add(std::move(r));
}

std::size_t RouteTable::largestBodyLimit() const
{
    std::size_t n = 0;
    for (const Compiled& c : m_routes)
        n = std::max(n, c.route.maxBodyBytes);
    return n;
}

std::vector<std::string> RouteTable::describe() const
{
    std::vector<const Compiled*> inOrder;
    for (const Compiled& c : m_routes)
        inOrder.push_back(&c);
    std::sort(inOrder.begin(), inOrder.end(), [](const Compiled* a, const Compiled* b) { return a->order < b->order; });
    std::vector<std::string> out;
    for (const Compiled* c : inOrder)
        out.push_back(c->route.methods.allowHeader() + " " + c->display + " [" + std::string(accessName(c->route.access)) +
                      "]: " + c->route.summary);
    return out;
}

bool RouteTable::inNamespace(std::string_view firstSegment) const
{
    return std::find(m_namespaces.begin(), m_namespaces.end(), firstSegment) != m_namespaces.end();
}

// [SECTION] Matching

namespace {
// A raw segment equals a literal once decoded (escapes are rare, so decode only then).
bool segmentEquals(std::string_view raw, const std::string& literal, std::string& scratch)
{
    if (raw.find('%') == std::string_view::npos) return raw == literal;
    return percentDecode(raw, scratch, Plus::Literal) && scratch == literal;
}

std::string decoded(std::string_view raw)
{
    std::string out;
    percentDecode(raw, out, Plus::Literal); // checkRequestTarget already refused bad escapes
    return out;
}
} // namespace

std::optional<HttpError> RouteTable::bindParams(const Compiled& c, const std::vector<std::string_view>& raw,
                                                std::size_t restAt, std::string_view rawPath, RouteParams& out) const
{
    for (std::size_t i = 0; i < c.segments.size(); ++i) {
        const Segment& s = c.segments[i];
        if (s.kind == Kind::Literal) continue;
        if (s.kind == Kind::Rest) {
            out.add(s.text, decoded(rawPath.substr(std::min(restAt, rawPath.size()))));
            break;
        }
        std::string text = decoded(raw[i]);
        if (s.type == ParamType::Id) {
            std::int64_t id = 0;
            const char* end = text.data() + text.size();
            const auto [ptr, ec] = std::from_chars(text.data(), end, id);
            const bool numeric = ec != std::errc::invalid_argument && ptr == end && !text.empty() &&
                                 text.front() != '-' && text.front() != '+';
            if (!numeric)
                return badParameter(s.text, s.text + " must be a whole number, got '" + excerpt(text, 32) + "'");
            if (ec == std::errc::result_out_of_range || id < 1 || id > limits::kIdMax)
                return badParameter(s.text, s.text + " must be between 1 and " + std::to_string(limits::kIdMax));
            out.add(s.text, std::move(text), id);
        } else {
            out.add(s.text, std::move(text));
        }
    }
    return std::nullopt;
}

RouteTable::Match RouteTable::match(Method method, std::string_view methodText, std::string_view rawPath) const
{
    Match m;
    // Segments of the raw path and where each starts ("/a/b/": "a" at 1, "b" at 3, "" at 5).
    std::vector<std::string_view> raw;
    std::vector<std::size_t> starts;
    raw.reserve(8);
    starts.reserve(8);
    if (rawPath.size() > 1) {
        std::size_t pos = 1;
        for (;;) {
            const auto slash = rawPath.find('/', pos);
            raw.push_back(rawPath.substr(pos, slash == std::string_view::npos ? std::string_view::npos : slash - pos));
            starts.push_back(pos);
            if (slash == std::string_view::npos) break;
            pos = slash + 1;
        }
    }
    // One trailing slash is ignored by fixed routes: /api/v1/listings/ is /api/v1/listings.
    const std::size_t fixedCount = (raw.size() > 1 && raw.back().empty()) ? raw.size() - 1 : raw.size();

    std::string scratch;
    bool underNamespace = false;
    if (!raw.empty()) {
        for (const std::string& ns : m_namespaces)
            if (segmentEquals(raw.front(), ns, scratch)) underNamespace = true;
    }

    MethodSet allowed;
    bool anyShape = false;
    const Compiled* chosen = nullptr;
    std::size_t restAt = 0;
    for (const Compiled& c : m_routes) {
        const bool fallback = c.segments.empty() ? false : c.segments.front().kind != Kind::Literal;
        if (fallback && underNamespace) continue;
        bool fits = true;
        std::size_t restStart = 0;
        bool hasRest = false;
        for (std::size_t i = 0; i < c.segments.size() && fits; ++i) {
            const Segment& s = c.segments[i];
            if (s.kind == Kind::Rest) {
                hasRest = true;
                restStart = i < starts.size() ? starts[i] : rawPath.size();
                break;
            }
            if (i >= fixedCount) {
                fits = false;
            } else if (s.kind == Kind::Literal) {
                fits = segmentEquals(raw[i], s.text, scratch);
            } else {
                fits = !raw[i].empty();
            }
        }
        if (!fits || (!hasRest && c.segments.size() != fixedCount)) continue;
        anyShape = true;
        allowed |= c.route.methods;
        if (!chosen && c.route.methods.allows(method)) {
            chosen = &c;
            restAt = restStart;
        }
    }

    if (!anyShape) {
        if (!underNamespace) {
            m.error = notFound("path", "nothing at " + excerpt(rawPath));
            return m;
        }
        // The hints come from the table: every route under this path's first segment.
        std::vector<const Compiled*> listed;
        for (const Compiled& c : m_routes)
            if (!c.segments.empty() && c.segments.front().kind == Kind::Literal &&
                segmentEquals(raw.front(), c.segments.front().text, scratch))
                listed.push_back(&c);
        std::sort(listed.begin(), listed.end(),
                  [](const Compiled* a, const Compiled* b) { return a->order < b->order; });
        std::string hints;
        std::vector<std::string_view> seen; // GET and POST rows of one path are one hint
        for (const Compiled* c : listed) {
            if (std::find(seen.begin(), seen.end(), c->display) != seen.end()) continue;
            seen.push_back(c->display);
            hints += (hints.empty() ? "" : ", ") + c->display;
        }
        m.error = notFound("path", "no endpoint at " + excerpt(rawPath) + "; see " + hints);
        return m;
    }
    if (!chosen) {
        m.allow = allowed.allowHeader();
        m.error = HttpError{405, ApiError{"method_not_allowed", "",
                                          excerpt(methodText, 20) + " is not allowed here; use " + allowed.spoken()}};
        return m;
    }
    if (auto err = bindParams(*chosen, raw, restAt, rawPath, m.params)) {
        m.error = std::move(err);
        return m;
    }
    m.route = &chosen->route;
    return m;
}

} // namespace dongelek::server

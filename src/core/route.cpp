// App address splitting shared by every feature route.

#include "route.hpp"

namespace dongelek {

AppUrl splitAppUrl(std::string_view url)
{
    if (const auto hash = url.find("#/"); hash != std::string_view::npos) url = url.substr(hash + 1);
    else if (const auto h = url.find('#'); h != std::string_view::npos) url = url.substr(0, h);
    AppUrl out;
    const auto q = url.find('?');
    out.path = std::string(url.substr(0, q));
    if (out.path.empty()) out.path = "/";
    if (q != std::string_view::npos) out.query = std::string(url.substr(q + 1));
    return out;
}

std::string joinAppUrl(std::string_view path, std::string_view query)
{
    std::string url(path);
    if (!query.empty()) {
        url += '?';
        url += query;
    }
    return url;
}

} // namespace dongelek

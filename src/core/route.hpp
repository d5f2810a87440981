// The app's addresses, split once: "/listing/5?lang=ru" (or the hash form "#/listing/5") into a
// path and a query. Each feature parses and builds its own part in core/routes/<feature>_route.hpp.
#pragma once

#include <string>
#include <string_view>

namespace dongelek {

// Path and raw (still percent-encoded) query of an app address, without the fragment.
struct AppUrl {
    std::string path = "/";
    std::string query;
};

// Accepts "/listing/42", "/?make=3", "#/listing/42" (hash routes) and drops any other fragment.
AppUrl splitAppUrl(std::string_view url);
// "/x" + "a=1" -> "/x?a=1"; no '?' when the query is empty.
std::string joinAppUrl(std::string_view path, std::string_view query);

} // namespace dongelek

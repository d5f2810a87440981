// A request's JSON body, checked field by field: it must be an object, every field must be
// one the route knows (an unknown one is refused, naming it), and each value is read with
// its type and size checked. Every refusal is a ClientError 400 naming the field.
#pragma once

#include "server/http/errors.hpp"

#include <nlohmann/json.hpp>

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dongelek::server {

class JsonBody {
public:
    // An empty body counts as {} (for routes whose fields are all optional).
    JsonBody(std::string_view body, std::initializer_list<std::string_view> allowed);

    // A string of 1..maxChars code points, valid UTF-8 without control characters;
    // `trim` strips surrounding white space first.
    std::string text(std::string_view name, std::size_t maxChars, bool trim = true) const;
    std::optional<std::string> optionalText(std::string_view name, std::size_t maxChars, bool trim = true) const;
    bool has(std::string_view name) const;
    // true or false; nullopt when absent or null.
    std::optional<bool> optionalBool(std::string_view name) const;
    // An array of at most maxItems positive whole numbers (ids); nullopt when absent.
    std::optional<std::vector<std::int64_t>> optionalIds(std::string_view name, std::size_t maxItems) const;

private:
    nlohmann::json m_json;
};

} // namespace dongelek::server

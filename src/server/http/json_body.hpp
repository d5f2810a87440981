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
    // An integer in min..max (a JSON number without fraction).
    std::int64_t integer(std::string_view name, std::int64_t min, std::int64_t max) const;
    // A number (with or without fraction) in min..max.
    double number(std::string_view name, double min, double max) const;
    // A nested object with its own allowed fields; errors name "name.field".
    JsonBody object(std::string_view name, std::initializer_list<std::string_view> allowed) const;
    // An array of 0..maxItems objects; errors name "name[i].field".
    std::vector<JsonBody> objects(std::string_view name, std::size_t maxItems,
                                  std::initializer_list<std::string_view> allowed) const;
    // The field's JSON as sent (a document the route checks itself); 400 when absent.
    const nlohmann::json& raw(std::string_view name) const { return required(name); }
    // Refuses a field whose value the route found wrong (400 invalid_field naming it).
    [[noreturn]] void reject(std::string_view name, const std::string& message) const;

private:
    JsonBody(nlohmann::json value, std::string prefix, std::initializer_list<std::string_view> allowed);
    void checkFields(std::initializer_list<std::string_view> allowed) const;
    std::string field(std::string_view name) const { return m_prefix + std::string(name); }
    const nlohmann::json& required(std::string_view name) const;

    nlohmann::json m_json;
    std::string m_prefix; // "" for the body, "items[2]." for a nested object
};

} // namespace dongelek::server

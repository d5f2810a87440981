#include "server/http/json_body.hpp"

#include "core/utf8.hpp"

#include <algorithm>

namespace dongelek::server {

namespace {
ClientError invalid(std::string code, std::string_view field, std::string message)
{
    return ClientError(400, std::move(code), std::string(field), std::move(message));
}
} // namespace

JsonBody::JsonBody(std::string_view body, std::initializer_list<std::string_view> allowed)
{
    if (body.empty()) {
        m_json = nlohmann::json::object();
        return;
    }
    m_json = nlohmann::json::parse(body, nullptr, false);
    if (m_json.is_discarded()) throw invalid("invalid_json", "", "the request body is not valid JSON");
    if (!m_json.is_object()) throw invalid("invalid_json", "", "the request body must be a JSON object");
    checkFields(allowed);
}

JsonBody::JsonBody(nlohmann::json value, std::string prefix, std::initializer_list<std::string_view> allowed)
    : m_json(std::move(value)), m_prefix(std::move(prefix))
{
    checkFields(allowed);
}

void JsonBody::checkFields(std::initializer_list<std::string_view> allowed) const
{
    for (const auto& item : m_json.items()) {
        if (std::find(allowed.begin(), allowed.end(), item.key()) == allowed.end()) {
            std::string known;
            for (std::string_view a : allowed)
                known += (known.empty() ? "" : ", ") + std::string(a);
            throw invalid("unknown_field", field(item.key().substr(0, 40)),
                          "unknown field \"" + field(item.key().substr(0, 40)) + "\"; this request takes " +
                              (known.empty() ? std::string("no fields") : known));
        }
    }
}

const nlohmann::json& JsonBody::required(std::string_view name) const
{
    const auto it = m_json.find(std::string(name));
    if (it == m_json.end() || it->is_null()) throw invalid("missing_field", field(name), field(name) + " is required");
    return *it;
}

void JsonBody::reject(std::string_view name, const std::string& message) const
{
    throw invalid("invalid_field", field(name), field(name) + " " + message);
}

std::int64_t JsonBody::integer(std::string_view name, std::int64_t min, std::int64_t max) const
{
    const nlohmann::json& v = required(name);
    if (!v.is_number_integer()) throw invalid("invalid_field", field(name), field(name) + " must be an integer");
    const bool negative = v.is_number_unsigned() ? false : v.get<std::int64_t>() < 0;
    if (!negative && v.is_number_unsigned() && v.get<std::uint64_t>() > static_cast<std::uint64_t>(max))
        throw invalid("invalid_field", field(name), field(name) + " must be at most " + std::to_string(max));
    const std::int64_t n = v.get<std::int64_t>();
    if (n < min || n > max)
        throw invalid("invalid_field", field(name),
                      field(name) + " must be between " + std::to_string(min) + " and " + std::to_string(max));
    return n;
}

double JsonBody::number(std::string_view name, double min, double max) const
{
    const nlohmann::json& v = required(name);
    if (!v.is_number()) throw invalid("invalid_field", field(name), field(name) + " must be a number");
    const double n = v.get<double>();
    if (!(n >= min && n <= max)) {
        auto shown = [](double d) {
            std::string t = std::to_string(d);
            t.erase(t.find_last_not_of('0') + 1);
            if (!t.empty() && t.back() == '.') t.pop_back();
            return t;
        };
        throw invalid("invalid_field", field(name), field(name) + " must be between " + shown(min) + " and " + shown(max));
    }
    return n;
}

JsonBody JsonBody::object(std::string_view name, std::initializer_list<std::string_view> allowed) const
{
    const nlohmann::json& v = required(name);
    if (!v.is_object()) throw invalid("invalid_field", field(name), field(name) + " must be an object");
    return JsonBody(v, field(name) + ".", allowed);
}

std::vector<JsonBody> JsonBody::objects(std::string_view name, std::size_t maxItems,
                                        std::initializer_list<std::string_view> allowed) const
{
    const nlohmann::json& v = required(name);
    if (!v.is_array()) throw invalid("invalid_field", field(name), field(name) + " must be an array");
    if (v.size() > maxItems)
        throw invalid("invalid_field", field(name),
                      field(name) + " has too many items: at most " + std::to_string(maxItems));
    std::vector<JsonBody> out;
    out.reserve(v.size());
    for (std::size_t i = 0; i < v.size(); ++i) {
        const std::string at = field(name) + "[" + std::to_string(i) + "]";
        if (!v[i].is_object()) throw invalid("invalid_field", at, at + " must be an object");
        out.push_back(JsonBody(v[i], at + ".", allowed));
    }
    return out;
}

bool JsonBody::has(std::string_view name) const
{
    const auto it = m_json.find(std::string(name));
    return it != m_json.end() && !it->is_null();
}

std::optional<std::string> JsonBody::optionalText(std::string_view name, std::size_t maxChars, bool trim) const
{
    const auto it = m_json.find(std::string(name));
    if (it == m_json.end() || it->is_null()) return std::nullopt;
    if (!it->is_string()) throw invalid("invalid_field", field(name), field(name) + " must be a string");
    std::string v = it->get<std::string>();
    if (!utf8::isValid(v)) throw invalid("invalid_field", field(name), field(name) + " is not valid UTF-8");
    for (unsigned char c : v)
        if (c < 0x20 || c == 0x7F) throw invalid("invalid_field", field(name), field(name) + " has control characters");
    if (trim) {
        const auto notSpace = [](char c) { return c != ' ' && c != '\t'; };
        v.erase(v.begin(), std::find_if(v.begin(), v.end(), notSpace));
        v.erase(std::find_if(v.rbegin(), v.rend(), notSpace).base(), v.end());
    }
    if (utf8::length(v) > maxChars)
        throw invalid("invalid_field", name,
                      field(name) + " is too long: at most " + std::to_string(maxChars) + " characters");
    return v;
}

std::optional<bool> JsonBody::optionalBool(std::string_view name) const
{
    const auto it = m_json.find(std::string(name));
    if (it == m_json.end() || it->is_null()) return std::nullopt;
    if (!it->is_boolean()) throw invalid("invalid_field", name, std::string(name) + " must be true or false");
    return it->get<bool>();
}

std::optional<std::vector<std::int64_t>> JsonBody::optionalIds(std::string_view name, std::size_t maxItems) const
{
    const auto it = m_json.find(std::string(name));
    if (it == m_json.end() || it->is_null()) return std::nullopt;
    if (!it->is_array()) throw invalid("invalid_field", name, std::string(name) + " must be an array of ids");
    if (it->size() > maxItems)
        throw invalid("invalid_field", name, std::string(name) + " has too many items: at most " + std::to_string(maxItems));
    std::vector<std::int64_t> ids;
    for (const auto& v : *it) {
        if (!v.is_number_integer() || v.get<std::int64_t>() < 1)
            throw invalid("invalid_field", name, std::string(name) + " must hold positive whole numbers");
        ids.push_back(v.get<std::int64_t>());
    }
    return ids;
}

std::string JsonBody::text(std::string_view name, std::size_t maxChars, bool trim) const
{
    std::optional<std::string> v = optionalText(name, maxChars, trim);
    if (!v) throw invalid("missing_field", field(name), field(name) + " is required");
    if (v->empty()) throw invalid("missing_field", field(name), field(name) + " must not be empty");
    return *v;
}

} // namespace dongelek::server

// Listing filter <-> query string. Every rejection names the parameter and says what
// would be accepted, because the message reaches developers calling the API directly.

#include "listing_query.hpp"

#include "limits.hpp"
#include "url.hpp"
#include "utf8.hpp"

#include <charconv>
#include <functional>
#include <map>

namespace dongelek {

// [SECTION] Parsing

namespace {

std::string quoted(std::string_view v)
{
    // Echo a bounded, printable prefix of the bad value so huge inputs do not come back.
    std::string shown(utf8::isValid(v) ? utf8::truncate(v, 32) : std::string_view("(invalid UTF-8)"));
    if (shown.size() < v.size() && utf8::isValid(v)) shown += "...";
    return "'" + shown + "'";
}

template <typename Int>
bool parseInt(std::string_view field, std::string_view v, Int lo, Int hi, Int& out, FieldError& err)
{
    Int value{};
    const auto* end = v.data() + v.size();
    auto [ptr, ec] = std::from_chars(v.data(), end, value);
    if (ec == std::errc::result_out_of_range || (ec == std::errc() && ptr == end && (value < lo || value > hi))) {
        err = {std::string(field),
               std::string(field) + " must be between " + std::to_string(lo) + " and " + std::to_string(hi)};
        return false;
    }
    if (ec != std::errc() || ptr != end) {
        err = {std::string(field), std::string(field) + " must be a whole number, got " + quoted(v)};
        return false;
    }
    out = value;
    return true;
}

template <typename E> bool parseEnumField(std::string_view field, std::string_view v, E& out, FieldError& err)
{
    if (auto e = parseEnum<E>(v)) {
        out = *e;
        return true;
    }
    std::string allowed;
    for (E e : allValues<E>()) allowed += (allowed.empty() ? "" : ", ") + std::string(toString(e));
    err = {std::string(field), std::string(field) + " must be one of: " + allowed + "; got " + quoted(v)};
    return false;
}

template <typename E>
bool parseOptionalEnum(std::string_view field, std::string_view v, std::optional<E>& out, FieldError& err)
{
    E e{};
    if (!parseEnumField(field, v, e, err)) return false;
    out = e;
    return true;
}

template <typename Int>
bool parseOptionalInt(std::string_view field, std::string_view v, Int lo, Int hi, std::optional<Int>& out,
                      FieldError& err)
{
    Int value{};
    if (!parseInt(field, v, lo, hi, value, err)) return false;
    out = value;
    return true;
}

using Setter = std::function<bool(std::string_view value, ListingFilter&, FieldError&)>;

const std::map<std::string_view, Setter>& setters()
{
    using namespace limits;
    static const std::map<std::string_view, Setter> table = {
        {"q",
         [](std::string_view v, ListingFilter& f, FieldError& e) {
             if (!utf8::isValid(v)) {
                 e = {"q", "q must be valid UTF-8 text"};
                 return false;
             }
             if (utf8::length(v) > kQueryMaxChars) {
                 e = {"q", "q is too long: at most " + std::to_string(kQueryMaxChars) + " characters"};
                 return false;
             }
             f.query = std::string(v);
             return true;
         }},
        {"make",
         [](std::string_view v, ListingFilter& f, FieldError& e) {
             return parseOptionalInt<std::int64_t>("make", v, 1, kIdMax, f.makeId, e);
         }},
        {"model",
         [](std::string_view v, ListingFilter& f, FieldError& e) {
             return parseOptionalInt<std::int64_t>("model", v, 1, kIdMax, f.modelId, e);
         }},
        {"year_from",
         [](std::string_view v, ListingFilter& f, FieldError& e) {
             return parseOptionalInt("year_from", v, kYearMin, kYearMax, f.yearFrom, e);
         }},
        {"year_to",
         [](std::string_view v, ListingFilter& f, FieldError& e) {
             return parseOptionalInt("year_to", v, kYearMin, kYearMax, f.yearTo, e);
         }},
        {"price_from",
         [](std::string_view v, ListingFilter& f, FieldError& e) {
             return parseOptionalInt<std::int64_t>("price_from", v, 0, kPriceMax, f.priceFrom, e);
         }},
        {"price_to",
         [](std::string_view v, ListingFilter& f, FieldError& e) {
             return parseOptionalInt<std::int64_t>("price_to", v, 0, kPriceMax, f.priceTo, e);
         }},
        {"currency",
         [](std::string_view v, ListingFilter& f, FieldError& e) { return parseEnumField("currency", v, f.currency, e); }},
        {"mileage_max",
         [](std::string_view v, ListingFilter& f, FieldError& e) {
             return parseOptionalInt("mileage_max", v, 0, kMileageMax, f.mileageMax, e);
         }},
        {"body",
         [](std::string_view v, ListingFilter& f, FieldError& e) { return parseOptionalEnum("body", v, f.body, e); }},
        {"fuel",
         [](std::string_view v, ListingFilter& f, FieldError& e) { return parseOptionalEnum("fuel", v, f.fuel, e); }},
        {"transmission",
         [](std::string_view v, ListingFilter& f, FieldError& e) {
             return parseOptionalEnum("transmission", v, f.transmission, e);
         }},
        {"city",
         [](std::string_view v, ListingFilter& f, FieldError& e) {
             return parseOptionalInt<std::int64_t>("city", v, 1, kIdMax, f.cityId, e);
         }},
        {"country",
         [](std::string_view v, ListingFilter& f, FieldError& e) { return parseOptionalEnum("country", v, f.country, e); }},
        {"sort", [](std::string_view v, ListingFilter& f, FieldError& e) { return parseEnumField("sort", v, f.sort, e); }},
        {"page",
         [](std::string_view v, ListingFilter& f, FieldError& e) { return parseInt("page", v, 1, kPageMax, f.page, e); }},
        {"page_size",
         [](std::string_view v, ListingFilter& f, FieldError& e) {
             return parseInt("page_size", v, 1, kPageSizeMax, f.pageSize, e);
         }},
    };
    return table;
}

} // namespace

bool parseListingQuery(std::string_view qs, ListingFilter& out, FieldError& error)
{
    out = ListingFilter{};
    std::string key, value;
    std::string longestKey;
    std::size_t longest = 0;
    bool failed = false;
    forEachQueryParam(qs, [&](std::string_view rawKey, std::string_view rawValue) {
        if (failed) return;
        if (!percentDecode(rawKey, key, Plus::Space)) {
            error = {"query", "malformed percent-escape in a parameter name"};
            failed = true;
            return;
        }
        if (rawKey.size() + rawValue.size() + 1 > longest) {
            longest = rawKey.size() + rawValue.size() + 1;
            longestKey = utf8::isValid(key) ? std::string(utf8::truncate(key, 40)) : "query";
        }
        const auto& table = setters();
        const auto it = table.find(key);
        if (it == table.end()) return; // unknown parameters (utm_*, cache busters) are ignored
        if (!percentDecode(rawValue, value, Plus::Space)) {
            error = {key, key + " has a malformed percent-escape"};
            failed = true;
            return;
        }
        if (value.empty()) return; // an empty form field means "any"
        // Oversized values are refused before any parsing work on them.
        if (key != "q" && value.size() > 64) {
            error = {key, key + " is too long"};
            failed = true;
            return;
        }
        if (key == "q" && value.size() > limits::kQueryMaxChars * 4) {
            error = {"q", "q is too long: at most " + std::to_string(limits::kQueryMaxChars) + " characters"};
            failed = true;
            return;
        }
        failed = !it->second(value, out, error);
    });
    if (failed) return false;
    if (longest > limits::kQueryStringMaxBytes) {
        // Only an ignored parameter can get here (known ones are bounded above).
        error = {longestKey, longestKey + " is too long"};
        return false;
    }
    if (out.yearFrom && out.yearTo && *out.yearFrom > *out.yearTo) {
        error = {"year_to", "year_to must not be before year_from"};
        return false;
    }
    if (out.priceFrom && out.priceTo && *out.priceFrom > *out.priceTo) {
        error = {"price_to", "price_to must not be below price_from"};
        return false;
    }
    return true;
}

// [SECTION] Formatting

std::string toQueryString(const ListingFilter& f)
{
    std::string out;
    const auto add = [&](std::string_view key, const std::string& value) {
        if (!out.empty()) out += '&';
        out += key;
        out += '=';
        out += percentEncode(value);
    };
    const auto addNum = [&](std::string_view key, const auto& opt) {
        if (opt) add(key, std::to_string(*opt));
    };
    const auto addEnum = [&](std::string_view key, const auto& opt) {
        if (opt) add(key, std::string(toString(*opt)));
    };
    if (!f.query.empty()) add("q", f.query);
    addNum("make", f.makeId);
    addNum("model", f.modelId);
    addNum("year_from", f.yearFrom);
    addNum("year_to", f.yearTo);
    addNum("price_from", f.priceFrom);
    addNum("price_to", f.priceTo);
    if (f.currency != Currency::KZT) add("currency", std::string(toString(f.currency)));
    addNum("mileage_max", f.mileageMax);
    addEnum("body", f.body);
    addEnum("fuel", f.fuel);
    addEnum("transmission", f.transmission);
    addNum("city", f.cityId);
    addEnum("country", f.country);
    if (f.sort != Sort::Newest) add("sort", std::string(toString(f.sort)));
    if (f.page != 1) add("page", std::to_string(f.page));
    if (f.pageSize != limits::kPageSizeDefault) add("page_size", std::to_string(f.pageSize));
    return out;
}

} // namespace dongelek

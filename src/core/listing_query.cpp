// Listing filter <-> query string. Every rejection names the parameter and says what
// would be accepted, because the message reaches developers calling the API directly.

#include "listing_query.hpp"

#include "finance/loan.hpp"
#include "finance/loan_filter.hpp"
#include "limits.hpp"
#include "url.hpp"
#include "utf8.hpp"

#include <algorithm>
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

// "3,7,12": any of these ids; sorted, repeats dropped, at most limits::kListMax.
bool parseIdList(std::string_view field, std::string_view v, std::vector<std::int64_t>& out, FieldError& err)
{
    out.clear();
    std::size_t start = 0;
    while (start <= v.size()) {
        const std::size_t comma = std::min(v.find(',', start), v.size());
        std::int64_t id = 0;
        if (!parseInt(field, v.substr(start, comma - start), std::int64_t{1}, limits::kIdMax, id, err)) return false;
        out.push_back(id);
        start = comma + 1;
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    if (out.size() > limits::kListMax) {
        err = {std::string(field), std::string(field) + " lists at most " + std::to_string(limits::kListMax) + " values"};
        return false;
    }
    return true;
}

// "suv,sedan": any of these values, kept in the enum's order.
template <typename E> bool parseEnumList(std::string_view field, std::string_view v, std::vector<E>& out, FieldError& err)
{
    out.clear();
    std::size_t start = 0;
    while (start <= v.size()) {
        const std::size_t comma = std::min(v.find(',', start), v.size());
        E e{};
        if (!parseEnumField(field, v.substr(start, comma - start), e, err)) return false;
        if (std::find(out.begin(), out.end(), e) == out.end()) out.push_back(e);
        start = comma + 1;
    }
    std::sort(out.begin(), out.end());
    return true;
}

// "white,black": colour wire names (lowercase letters), sorted.
bool parseColorList(std::string_view v, std::vector<std::string>& out, FieldError& err)
{
    out.clear();
    std::size_t start = 0;
    while (start <= v.size()) {
        const std::size_t comma = std::min(v.find(',', start), v.size());
        const std::string_view name = v.substr(start, comma - start);
        const bool ok = !name.empty() && name.size() <= 16 &&
                        std::all_of(name.begin(), name.end(), [](char c) { return c >= 'a' && c <= 'z'; });
        if (!ok) {
            err = {"color", "color must be colour names in lowercase letters separated by commas, got " + quoted(v)};
            return false;
        }
        out.emplace_back(name);
        start = comma + 1;
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    if (out.size() > limits::kListMax) {
        err = {"color", "color lists at most " + std::to_string(limits::kListMax) + " values"};
        return false;
    }
    return true;
}

// "1": only listings with the property; "0" is the same as leaving it out.
bool parseFlag(std::string_view field, std::string_view v, bool& out, FieldError& err)
{
    if (v == "1" || v == "0") {
        out = v == "1";
        return true;
    }
    err = {std::string(field), std::string(field) + " must be 1 or 0, got " + quoted(v)};
    return false;
}

// Litres with at most one decimal ("1.6", "2") as decilitres (16, 20).
bool parseLitres(std::string_view field, std::string_view v, std::optional<int>& out, FieldError& err)
{
    const std::size_t dot = v.find('.');
    int whole = 0, tenth = 0;
    const bool shapeOk = dot == std::string_view::npos || (dot > 0 && dot + 2 == v.size());
    if (!shapeOk || !parseInt(field, v.substr(0, std::min(dot, v.size())), 0, 10, whole, err) ||
        (dot != std::string_view::npos && !parseInt(field, v.substr(dot + 1), 0, 9, tenth, err))) {
        err = {std::string(field), std::string(field) + " must be litres between 0 and 10 with at most one decimal "
                                                         "(1.6), got " + quoted(v)};
        return false;
    }
    out = whole * 10 + tenth;
    if (*out > 100) {
        err = {std::string(field), std::string(field) + " must be litres between 0 and 10"};
        return false;
    }
    return true;
}

std::string litresText(int decilitres)
{
    return std::to_string(decilitres / 10) + (decilitres % 10 ? "." + std::to_string(decilitres % 10) : "");
}

std::string joinIds(const std::vector<std::int64_t>& ids)
{
    std::string out;
    for (std::int64_t id : ids) out += (out.empty() ? "" : ",") + std::to_string(id);
    return out;
}
template <typename E> std::string joinEnums(const std::vector<E>& values)
{
    std::string out;
    for (E e : values) out += (out.empty() ? "" : ",") + std::string(toString(e));
    return out;
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
         [](std::string_view v, ListingFilter& f, FieldError& e) { return parseIdList("make", v, f.makeIds, e); }},
        {"model",
         [](std::string_view v, ListingFilter& f, FieldError& e) { return parseIdList("model", v, f.modelIds, e); }},
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
        {"monthly_max",
         [](std::string_view v, ListingFilter& f, FieldError& e) {
             return parseOptionalInt<std::int64_t>("monthly_max", v, 1, kPriceMax, f.monthlyMax, e);
         }},
        {"loan_down",
         [](std::string_view v, ListingFilter& f, FieldError& e) {
             return parseOptionalInt("loan_down", v, 0, finance::kMaxFilterDownPercent, f.loanDownPercent, e);
         }},
        {"loan_term",
         [](std::string_view v, ListingFilter& f, FieldError& e) {
             return parseOptionalInt("loan_term", v, 1, finance::kMaxTermMonths, f.loanTermMonths, e);
         }},
        {"loan_rate",
         [](std::string_view v, ListingFilter& f, FieldError& e) {
             return parseOptionalInt("loan_rate", v, 0, finance::kMaxFilterRateBp, f.loanRateBp, e);
         }},
        {"mileage_max",
         [](std::string_view v, ListingFilter& f, FieldError& e) {
             return parseOptionalInt("mileage_max", v, 0, kMileageMax, f.mileageMax, e);
         }},
        {"engine_from",
         [](std::string_view v, ListingFilter& f, FieldError& e) { return parseLitres("engine_from", v, f.engineFrom, e); }},
        {"engine_to",
         [](std::string_view v, ListingFilter& f, FieldError& e) { return parseLitres("engine_to", v, f.engineTo, e); }},
        {"power_from",
         [](std::string_view v, ListingFilter& f, FieldError& e) {
             return parseOptionalInt("power_from", v, 0, kPowerMax, f.powerFrom, e);
         }},
        {"power_to",
         [](std::string_view v, ListingFilter& f, FieldError& e) {
             return parseOptionalInt("power_to", v, 0, kPowerMax, f.powerTo, e);
         }},
        {"body", [](std::string_view v, ListingFilter& f, FieldError& e) { return parseEnumList("body", v, f.bodies, e); }},
        {"fuel", [](std::string_view v, ListingFilter& f, FieldError& e) { return parseEnumList("fuel", v, f.fuels, e); }},
        {"transmission",
         [](std::string_view v, ListingFilter& f, FieldError& e) {
             return parseEnumList("transmission", v, f.transmissions, e);
         }},
        {"drive", [](std::string_view v, ListingFilter& f, FieldError& e) { return parseEnumList("drive", v, f.drives, e); }},
        {"color", [](std::string_view v, ListingFilter& f, FieldError& e) { return parseColorList(v, f.colors, e); }},
        {"condition",
         [](std::string_view v, ListingFilter& f, FieldError& e) {
             return parseOptionalEnum("condition", v, f.condition, e);
         }},
        {"owners_max",
         [](std::string_view v, ListingFilter& f, FieldError& e) {
             return parseOptionalInt("owners_max", v, 1, kOwnersFilterMax, f.ownersMax, e);
         }},
        {"steering",
         [](std::string_view v, ListingFilter& f, FieldError& e) { return parseOptionalEnum("steering", v, f.steering, e); }},
        {"seller",
         [](std::string_view v, ListingFilter& f, FieldError& e) { return parseOptionalEnum("seller", v, f.sellerKind, e); }},
        {"customs",
         [](std::string_view v, ListingFilter& f, FieldError& e) { return parseFlag("customs", v, f.customsCleared, e); }},
        {"no_accidents",
         [](std::string_view v, ListingFilter& f, FieldError& e) { return parseFlag("no_accidents", v, f.noAccidents, e); }},
        {"photos",
         [](std::string_view v, ListingFilter& f, FieldError& e) { return parseFlag("photos", v, f.withPhotos, e); }},
        {"spin", [](std::string_view v, ListingFilter& f, FieldError& e) { return parseFlag("spin", v, f.withSpin, e); }},
        {"vin_verified",
         [](std::string_view v, ListingFilter& f, FieldError& e) { return parseFlag("vin_verified", v, f.vinVerified, e); }},
        {"verified_seller",
         [](std::string_view v, ListingFilter& f, FieldError& e) {
             return parseFlag("verified_seller", v, f.sellerVerified, e);
         }},
        {"posted_within",
         [](std::string_view v, ListingFilter& f, FieldError& e) {
             int days = 0;
             if (!parseInt("posted_within", v, 1, 30, days, e)) return false;
             if (days != 1 && days != 3 && days != 7 && days != 30) {
                 e = {"posted_within", "posted_within must be one of: 1, 3, 7, 30 (days); got " + quoted(v)};
                 return false;
             }
             f.postedWithinDays = days;
             return true;
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
    if (out.engineFrom && out.engineTo && *out.engineFrom > *out.engineTo) {
        error = {"engine_to", "engine_to must not be below engine_from"};
        return false;
    }
    if (out.powerFrom && out.powerTo && *out.powerFrom > *out.powerTo) {
        error = {"power_to", "power_to must not be below power_from"};
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
    // Lists hold digits, lowercase letters and commas only; ',' is allowed in a query
    // component (RFC 3986 sub-delims), so "make=3,7" stays readable in the address bar.
    const auto addList = [&](std::string_view key, const std::string& joined) {
        if (joined.empty()) return;
        if (!out.empty()) out += '&';
        out += key;
        out += '=';
        out += joined;
    };
    const auto addFlag = [&](std::string_view key, bool on) {
        if (on) add(key, "1");
    };
    if (!f.query.empty()) add("q", f.query);
    addList("make", joinIds(f.makeIds));
    addList("model", joinIds(f.modelIds));
    addNum("year_from", f.yearFrom);
    addNum("year_to", f.yearTo);
    addNum("price_from", f.priceFrom);
    addNum("price_to", f.priceTo);
    if (f.currency != Currency::KZT) add("currency", std::string(toString(f.currency)));
    addNum("monthly_max", f.monthlyMax);
    addNum("loan_down", f.loanDownPercent);
    addNum("loan_term", f.loanTermMonths);
    addNum("loan_rate", f.loanRateBp);
    addNum("mileage_max", f.mileageMax);
    if (f.engineFrom) add("engine_from", litresText(*f.engineFrom));
    if (f.engineTo) add("engine_to", litresText(*f.engineTo));
    addNum("power_from", f.powerFrom);
    addNum("power_to", f.powerTo);
    addList("body", joinEnums(f.bodies));
    addList("fuel", joinEnums(f.fuels));
    addList("transmission", joinEnums(f.transmissions));
    addList("drive", joinEnums(f.drives));
    std::string colors;
    for (const std::string& c : f.colors) colors += (colors.empty() ? "" : ",") + c;
    addList("color", colors);
    addEnum("condition", f.condition);
    addNum("owners_max", f.ownersMax);
    addEnum("steering", f.steering);
    addEnum("seller", f.sellerKind);
    addFlag("customs", f.customsCleared);
    addFlag("no_accidents", f.noAccidents);
    addFlag("photos", f.withPhotos);
    addFlag("spin", f.withSpin);
    addFlag("vin_verified", f.vinVerified);
    addFlag("verified_seller", f.sellerVerified);
    addNum("posted_within", f.postedWithinDays);
    addNum("city", f.cityId);
    addEnum("country", f.country);
    if (f.sort != Sort::Newest) add("sort", std::string(toString(f.sort)));
    if (f.page != 1) add("page", std::to_string(f.page));
    if (f.pageSize != limits::kPageSizeDefault) add("page_size", std::to_string(f.pageSize));
    return out;
}

} // namespace dongelek

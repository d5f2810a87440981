// JSON mapping of the domain types. Field names are snake_case on the wire.
// Readers are strict about types and tolerant of missing optional fields.

#include "json_mapping.hpp"

#include <stdexcept>

namespace dongelek {

using nlohmann::json;

namespace {
template <typename E> void putEnum(json& j, const char* key, E v) { j[key] = std::string(toString(v)); }
template <typename E> E getEnum(const json& j, const char* key)
{
    const auto s = j.at(key).get<std::string>();
    if (auto v = parseEnum<E>(s)) return *v;
    throw std::invalid_argument(std::string("unknown value '") + s + "' for " + key);
}
template <typename T> void getOptional(const json& j, const char* key, T& out)
{
    if (auto it = j.find(key); it != j.end() && !it->is_null()) it->get_to(out);
}
} // namespace

void to_json(json& j, const Money& v)
{
    j = json{{"amount_minor", v.amountMinor}, {"currency", std::string(toString(v.currency))}};
}
void from_json(const json& j, Money& v)
{
    j.at("amount_minor").get_to(v.amountMinor);
    v.currency = getEnum<Currency>(j, "currency");
}

void to_json(json& j, const ModelInfo& v) { j = json{{"id", v.id}, {"name", v.name}, {"count", v.count}}; }
void from_json(const json& j, ModelInfo& v)
{
    j.at("id").get_to(v.id);
    j.at("name").get_to(v.name);
    getOptional(j, "count", v.count);
}

void to_json(json& j, const MakeInfo& v)
{
    j = json{{"id", v.id}, {"name", v.name}, {"count", v.count}, {"models", v.models}};
}
void from_json(const json& j, MakeInfo& v)
{
    j.at("id").get_to(v.id);
    j.at("name").get_to(v.name);
    getOptional(j, "count", v.count);
    getOptional(j, "models", v.models);
}

void to_json(json& j, const City& v)
{
    j = json{{"id", v.id}, {"name", v.name}, {"country", std::string(toString(v.country))}, {"count", v.count}};
}
void from_json(const json& j, City& v)
{
    j.at("id").get_to(v.id);
    j.at("name").get_to(v.name);
    v.country = getEnum<Country>(j, "country");
    getOptional(j, "count", v.count);
}

void to_json(json& j, const Photo& v) { j = json{{"thumb_url", v.thumbUrl}, {"large_url", v.largeUrl}}; }
void from_json(const json& j, Photo& v)
{
    j.at("thumb_url").get_to(v.thumbUrl);
    j.at("large_url").get_to(v.largeUrl);
}

void to_json(json& j, const Seller& v)
{
    j = json{{"id", v.id},       {"name", v.name},   {"kind", std::string(toString(v.kind))},
             {"city", v.city},   {"phone", v.phone}, {"member_since", v.memberSince}};
}
void from_json(const json& j, Seller& v)
{
    j.at("id").get_to(v.id);
    j.at("name").get_to(v.name);
    v.kind = getEnum<SellerKind>(j, "kind");
    getOptional(j, "city", v.city);
    getOptional(j, "phone", v.phone);
    getOptional(j, "member_since", v.memberSince);
}

void to_json(json& j, const ListingSummary& v)
{
    j = json{{"id", v.id},
             {"title", v.title},
             {"make", v.make},
             {"model", v.model},
             {"year", v.year},
             {"price", v.price},
             {"mileage_km", v.mileageKm},
             {"city", v.city},
             {"country", std::string(toString(v.country))},
             {"body", std::string(toString(v.body))},
             {"fuel", std::string(toString(v.fuel))},
             {"transmission", std::string(toString(v.transmission))},
             {"thumb_url", v.thumbUrl},
             {"created_at", v.createdAt},
             {"condition", std::string(toString(v.condition))},
             {"seller_kind", std::string(toString(v.sellerKind))},
             {"engine_litres", v.engineLitres},
             {"photo_count", v.photoCount},
             {"has_spin", v.hasSpin},
             {"vin_verified", v.vinVerified},
             {"seller_verified", v.sellerVerified}};
}
void from_json(const json& j, ListingSummary& v)
{
    j.at("id").get_to(v.id);
    j.at("title").get_to(v.title);
    j.at("make").get_to(v.make);
    j.at("model").get_to(v.model);
    j.at("year").get_to(v.year);
    j.at("price").get_to(v.price);
    j.at("mileage_km").get_to(v.mileageKm);
    j.at("city").get_to(v.city);
    v.country = getEnum<Country>(j, "country");
    v.body = getEnum<Body>(j, "body");
    v.fuel = getEnum<Fuel>(j, "fuel");
    v.transmission = getEnum<Transmission>(j, "transmission");
    getOptional(j, "thumb_url", v.thumbUrl);
    getOptional(j, "created_at", v.createdAt);
    if (j.contains("condition")) v.condition = getEnum<Condition>(j, "condition");
    if (j.contains("seller_kind")) v.sellerKind = getEnum<SellerKind>(j, "seller_kind");
    getOptional(j, "engine_litres", v.engineLitres);
    getOptional(j, "photo_count", v.photoCount);
    getOptional(j, "has_spin", v.hasSpin);
    getOptional(j, "vin_verified", v.vinVerified);
    getOptional(j, "seller_verified", v.sellerVerified);
}

void to_json(json& j, const ListingDetails& v)
{
    to_json(j, v.summary);
    j["drive"] = std::string(toString(v.drive));
    j["engine_litres"] = v.engineLitres;
    j["power_hp"] = v.powerHp;
    j["color"] = v.color;
    j["vin"] = v.vin;
    j["description"] = v.description;
    j["photos"] = v.photos;
    j["seller"] = v.seller;
    j["trim"] = v.trim;
    j["owners"] = v.owners;
    j["steering"] = std::string(toString(v.steering));
    j["customs_cleared"] = v.customsCleared;
    j["accidents"] = v.accidents;
}
void from_json(const json& j, ListingDetails& v)
{
    from_json(j, v.summary);
    v.drive = getEnum<Drive>(j, "drive");
    getOptional(j, "engine_litres", v.engineLitres);
    getOptional(j, "power_hp", v.powerHp);
    getOptional(j, "color", v.color);
    getOptional(j, "vin", v.vin);
    getOptional(j, "description", v.description);
    getOptional(j, "photos", v.photos);
    j.at("seller").get_to(v.seller);
    getOptional(j, "trim", v.trim);
    getOptional(j, "owners", v.owners);
    if (j.contains("steering")) v.steering = getEnum<Steering>(j, "steering");
    getOptional(j, "customs_cleared", v.customsCleared);
    getOptional(j, "accidents", v.accidents);
}

void to_json(json& j, const SearchFacets& v)
{
    json facets = json::object();
    for (const auto& [parameter, options] : v.facets) {
        json counts = json::object();
        for (const auto& [value, n] : options)
            counts[value] = n;
        facets[parameter] = std::move(counts);
    }
    j = json{{"total", v.total}, {"facets", std::move(facets)}};
}
void from_json(const json& j, SearchFacets& v)
{
    j.at("total").get_to(v.total);
    v.facets.clear();
    for (const auto& [parameter, counts] : j.at("facets").items()) {
        auto& options = v.facets.emplace_back(parameter, std::vector<std::pair<std::string, std::int64_t>>{}).second;
        for (const auto& [value, n] : counts.items())
            options.emplace_back(value, n.get<std::int64_t>());
    }
}

void to_json(json& j, const Suggestion& v)
{
    j = json{{"kind", std::string(toString(v.kind))}, {"text", v.text}, {"query", v.query}, {"count", v.count}};
}
void from_json(const json& j, Suggestion& v)
{
    v.kind = getEnum<SuggestionKind>(j, "kind");
    j.at("text").get_to(v.text);
    j.at("query").get_to(v.query);
    getOptional(j, "count", v.count);
}
void to_json(json& j, const SuggestionList& v) { j = json{{"items", v.items}}; }
void from_json(const json& j, SuggestionList& v) { j.at("items").get_to(v.items); }

void to_json(json& j, const ListingPage& v)
{
    j = json{{"items", v.items}, {"total", v.total}, {"page", v.page}, {"page_size", v.pageSize}};
}
void from_json(const json& j, ListingPage& v)
{
    j.at("items").get_to(v.items);
    j.at("total").get_to(v.total);
    j.at("page").get_to(v.page);
    j.at("page_size").get_to(v.pageSize);
}

void to_json(json& j, const PricePoint& v) { j = json{{"at", v.at}, {"price", v.price}}; }
void from_json(const json& j, PricePoint& v)
{
    j.at("at").get_to(v.at);
    j.at("price").get_to(v.price);
}
void to_json(json& j, const PriceInsight& v)
{
    j = json{{"rating", std::string(toString(v.rating))}, {"available", v.available}, {"comparables", v.comparables},
             {"history", v.history}};
    if (v.available) {
        j["estimate"] = v.estimate;
        j["low"] = v.low;
        j["high"] = v.high;
    }
}
void from_json(const json& j, PriceInsight& v)
{
    v.rating = getEnum<DealRating>(j, "rating");
    j.at("available").get_to(v.available);
    getOptional(j, "comparables", v.comparables);
    getOptional(j, "history", v.history);
    if (v.available) {
        j.at("estimate").get_to(v.estimate);
        j.at("low").get_to(v.low);
        j.at("high").get_to(v.high);
    }
}
void to_json(json& j, const ContactReveal& v)
{
    j = json{{"phone", v.phone}, {"whatsapp", v.whatsapp}, {"telegram", v.telegram}};
}
void from_json(const json& j, ContactReveal& v)
{
    j.at("phone").get_to(v.phone);
    getOptional(j, "whatsapp", v.whatsapp);
    getOptional(j, "telegram", v.telegram);
}

void to_json(json& j, const SavedSearch& v)
{
    j = json{{"id", v.id},         {"name", v.name},   {"query", v.query},  {"alert", v.alert},
             {"created_at", v.createdAt}, {"total", v.total}, {"unread", v.unread}};
}
void from_json(const json& j, SavedSearch& v)
{
    j.at("id").get_to(v.id);
    j.at("name").get_to(v.name);
    j.at("query").get_to(v.query);
    j.at("alert").get_to(v.alert);
    getOptional(j, "created_at", v.createdAt);
    getOptional(j, "total", v.total);
    getOptional(j, "unread", v.unread);
}
void to_json(json& j, const SavedSearchList& v) { j = json{{"items", v.items}}; }
void from_json(const json& j, SavedSearchList& v) { j.at("items").get_to(v.items); }

void to_json(json& j, const Notification& v)
{
    j = json{{"id", v.id},
             {"saved_search_id", v.savedSearchId},
             {"saved_search_name", v.savedSearchName},
             {"created_at", v.createdAt},
             {"read", v.read},
             {"listing", v.listing}};
}
void from_json(const json& j, Notification& v)
{
    j.at("id").get_to(v.id);
    j.at("saved_search_id").get_to(v.savedSearchId);
    getOptional(j, "saved_search_name", v.savedSearchName);
    getOptional(j, "created_at", v.createdAt);
    getOptional(j, "read", v.read);
    j.at("listing").get_to(v.listing);
}
void to_json(json& j, const NotificationList& v) { j = json{{"items", v.items}, {"unread", v.unread}}; }
void from_json(const json& j, NotificationList& v)
{
    j.at("items").get_to(v.items);
    getOptional(j, "unread", v.unread);
}

namespace {

// nlohmann's escaping: quote, backslash and control characters; UTF-8 passes as it is.
void appendString(std::string& out, std::string_view s)
{
    static constexpr char kHex[] = "0123456789abcdef";
    out += '"';
    for (char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (c < 0x20) {
                out += "\\u00";
                out += kHex[c >> 4];
                out += kHex[c & 15];
            } else {
                out += ch;
            }
        }
    }
    out += '"';
}

void appendKey(std::string& out, const char* key)
{
    out += '"';
    out += key;
    out += "\":";
}

void appendSummary(std::string& out, const ListingSummary& v)
{
    // Keys in the order nlohmann's std::map keeps them (alphabetical).
    out += '{';
    appendKey(out, "body"), appendString(out, toString(v.body)), out += ',';
    appendKey(out, "city"), appendString(out, v.city), out += ',';
    appendKey(out, "condition"), appendString(out, toString(v.condition)), out += ',';
    appendKey(out, "country"), appendString(out, toString(v.country)), out += ',';
    appendKey(out, "created_at"), appendString(out, v.createdAt), out += ',';
    appendKey(out, "engine_litres"), out += json(v.engineLitres).dump(), out += ',';
    appendKey(out, "fuel"), appendString(out, toString(v.fuel)), out += ',';
    appendKey(out, "has_spin"), out += v.hasSpin ? "true," : "false,";
    appendKey(out, "id"), out += std::to_string(v.id), out += ',';
    appendKey(out, "make"), appendString(out, v.make), out += ',';
    appendKey(out, "mileage_km"), out += std::to_string(v.mileageKm), out += ',';
    appendKey(out, "model"), appendString(out, v.model), out += ',';
    appendKey(out, "photo_count"), out += std::to_string(v.photoCount), out += ',';
    appendKey(out, "price"), out += "{\"amount_minor\":", out += std::to_string(v.price.amountMinor);
    out += ",\"currency\":", appendString(out, toString(v.price.currency)), out += "},";
    appendKey(out, "seller_kind"), appendString(out, toString(v.sellerKind)), out += ',';
    appendKey(out, "seller_verified"), out += v.sellerVerified ? "true," : "false,";
    appendKey(out, "thumb_url"), appendString(out, v.thumbUrl), out += ',';
    appendKey(out, "title"), appendString(out, v.title), out += ',';
    appendKey(out, "transmission"), appendString(out, toString(v.transmission)), out += ',';
    appendKey(out, "vin_verified"), out += v.vinVerified ? "true," : "false,";
    appendKey(out, "year"), out += std::to_string(v.year);
    out += '}';
}

} // namespace

std::string writeJson(const ListingPage& page)
{
    std::string out;
    out.reserve(64 + page.items.size() * 480);
    out += "{\"items\":[";
    for (std::size_t i = 0; i < page.items.size(); ++i) {
        if (i) out += ',';
        appendSummary(out, page.items[i]);
    }
    out += "],\"page\":" + std::to_string(page.page) + ",\"page_size\":" + std::to_string(page.pageSize) +
           ",\"total\":" + std::to_string(page.total) + "}";
    return out;
}

void to_json(json& j, const HealthReport& v)
{
    j = json{{"status", v.status}, {"listings", v.listings}, {"version", v.version}};
}
void from_json(const json& j, HealthReport& v)
{
    j.at("status").get_to(v.status);
    j.at("listings").get_to(v.listings);
    j.at("version").get_to(v.version);
}

// Favorites are the signed-in API's (camelCase like docs/accounts-api.md); the listing and
// the money inside keep the listing API's own names.
void to_json(json& j, const Favorite& v)
{
    j = json{{"listingId", v.listingId},
             {"savedAt", v.savedAt},
             {"savedPrice", v.savedPrice},
             {"price", v.price},
             {"status", std::string(toString(v.status))},
             {"listing", nullptr}};
    if (v.listing) j["listing"] = *v.listing;
}
void from_json(const json& j, Favorite& v)
{
    j.at("listingId").get_to(v.listingId);
    j.at("savedAt").get_to(v.savedAt);
    j.at("savedPrice").get_to(v.savedPrice);
    j.at("price").get_to(v.price);
    v.status = getEnum<ListingStatus>(j, "status");
    v.listing.reset();
    if (auto it = j.find("listing"); it != j.end() && !it->is_null()) v.listing = it->get<ListingSummary>();
}
void to_json(json& j, const FavoriteList& v) { j = json{{"items", v.items}}; }
void from_json(const json& j, FavoriteList& v) { j.at("items").get_to(v.items); }

void to_json(json& j, const Comparison& v) { j = json{{"items", v.items}, {"unknown_ids", v.unknownIds}}; }
void from_json(const json& j, Comparison& v)
{
    j.at("items").get_to(v.items);
    getOptional(j, "unknown_ids", v.unknownIds);
}

void to_json(json& j, const ApiError& v)
{
    json e{{"code", v.code}, {"message", v.message}};
    if (!v.field.empty()) e["field"] = v.field;
    j = json{{"error", e}};
}
void from_json(const json& j, ApiError& v)
{
    const json& e = j.at("error");
    e.at("code").get_to(v.code);
    getOptional(e, "field", v.field);
    getOptional(e, "message", v.message);
}

} // namespace dongelek

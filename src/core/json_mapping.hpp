// JSON mapping of the domain types (nlohmann_json). The API's wire format is defined
// here once and used by the server to write, by the clients to read, and by the tests.
#pragma once

#include "model.hpp"

#include <nlohmann/json.hpp>

namespace dongelek {

void to_json(nlohmann::json& j, const Money& v);
void from_json(const nlohmann::json& j, Money& v);
void to_json(nlohmann::json& j, const ModelInfo& v);
void from_json(const nlohmann::json& j, ModelInfo& v);
void to_json(nlohmann::json& j, const MakeInfo& v);
void from_json(const nlohmann::json& j, MakeInfo& v);
void to_json(nlohmann::json& j, const City& v);
void from_json(const nlohmann::json& j, City& v);
void to_json(nlohmann::json& j, const Photo& v);
void from_json(const nlohmann::json& j, Photo& v);
void to_json(nlohmann::json& j, const Seller& v);
void from_json(const nlohmann::json& j, Seller& v);
void to_json(nlohmann::json& j, const ListingSummary& v);
void from_json(const nlohmann::json& j, ListingSummary& v);
void to_json(nlohmann::json& j, const ListingDetails& v);
void from_json(const nlohmann::json& j, ListingDetails& v);
void to_json(nlohmann::json& j, const ListingPage& v);
void from_json(const nlohmann::json& j, ListingPage& v);
void to_json(nlohmann::json& j, const SearchFacets& v);
void from_json(const nlohmann::json& j, SearchFacets& v);
void to_json(nlohmann::json& j, const Suggestion& v);
void from_json(const nlohmann::json& j, Suggestion& v);
void to_json(nlohmann::json& j, const SuggestionList& v);
void from_json(const nlohmann::json& j, SuggestionList& v);
void to_json(nlohmann::json& j, const PricePoint& v);
void from_json(const nlohmann::json& j, PricePoint& v);
void to_json(nlohmann::json& j, const PriceInsight& v);
void from_json(const nlohmann::json& j, PriceInsight& v);
void to_json(nlohmann::json& j, const ContactReveal& v);
void from_json(const nlohmann::json& j, ContactReveal& v);
void to_json(nlohmann::json& j, const SavedSearch& v);
void from_json(const nlohmann::json& j, SavedSearch& v);
void to_json(nlohmann::json& j, const SavedSearchList& v);
void from_json(const nlohmann::json& j, SavedSearchList& v);
void to_json(nlohmann::json& j, const Notification& v);
void from_json(const nlohmann::json& j, Notification& v);
void to_json(nlohmann::json& j, const NotificationList& v);
void from_json(const nlohmann::json& j, NotificationList& v);
void to_json(nlohmann::json& j, const HealthReport& v);
void from_json(const nlohmann::json& j, HealthReport& v);
void to_json(nlohmann::json& j, const Favorite& v);
void from_json(const nlohmann::json& j, Favorite& v);
void to_json(nlohmann::json& j, const FavoriteList& v);
void from_json(const nlohmann::json& j, FavoriteList& v);
void to_json(nlohmann::json& j, const Comparison& v);
void from_json(const nlohmann::json& j, Comparison& v);
void to_json(nlohmann::json& j, const ApiError& v);   // {"error": {...}}
void from_json(const nlohmann::json& j, ApiError& v); // accepts the same shape

// The same text as nlohmann::json(page).dump(), written straight into a string without the
// JSON tree (the search answer is the hottest path of the API). Tested equal to the tree's.
std::string writeJson(const ListingPage& page);

// Parses `body` as T. Returns false (and leaves `out` unspecified) on malformed JSON or
// a missing/mistyped field, so a client never throws across a frame.
template <typename T> bool parseJson(std::string_view body, T& out, std::string* error = nullptr)
{
    try {
        nlohmann::json::parse(body.begin(), body.end()).get_to(out);
        return true;
    } catch (const std::exception& e) {
        if (error) *error = e.what();
        return false;
    }
}

} // namespace dongelek

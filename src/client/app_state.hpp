// The app's domain state, the one home of everything the screens show: catalog, browse
// results, the open listing, language. Screens read it; only AppController changes it.
#pragma once

#include "client/api_client.hpp"
#include "core/i18n.hpp"
#include "core/model.hpp"
#include "core/route.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace dongelek {

// Every screen shows exactly one of these (Idle only before the first request).
enum class Status { Idle, Loading, Ready, Empty, Error };
inline const char* toString(Status s)
{
    switch (s) {
    case Status::Idle: return "idle";
    case Status::Loading: return "loading";
    case Status::Ready: return "ready";
    case Status::Empty: return "empty";
    case Status::Error: return "error";
    }
    return "idle";
}

struct LanguageInfo {
    std::string code;     // "en", "ru", "kk"
    std::string name;     // native name: "English", "Русский", "Қазақша"
    std::string short_;   // label in the switcher: "EN", "RU", "KZ"
    std::string fallback; // language used for missing keys (English for all today)
};

struct CatalogState {
    Status makesStatus = Status::Idle;
    Status citiesStatus = Status::Idle;
    std::vector<MakeInfo> makes;
    std::vector<City> cities;
};

struct BrowseState {
    ListingFilter filter;             // the applied filter: the URL's, and what was (is being) fetched
    Status status = Status::Idle;
    ListingPage page;                 // the last successful result, kept (dimmed) while the next loads
    bool hasPage = false;
    std::uint64_t pageGeneration = 0; // bumps when `page` is replaced, so the list can scroll to the top
    RequestError error;
};

struct ListingState {
    std::int64_t id = 0;
    Status status = Status::Idle;
    ListingDetails details;
    bool hasDetails = false;
    RequestError error;
    int photoIndex = 0;
};

struct AppState {
    Screen screen = Screen::Browse;
    std::string lang = "en";
    Strings strings;
    std::vector<LanguageInfo> languages;
    CatalogState catalog;
    BrowseState browse;
    ListingState listing;
    double nowMs = 0; // time of the current frame, for debounces and animations

    Status currentStatus() const { return screen == Screen::Listing ? listing.status : browse.status; }
    const RequestError& currentError() const { return screen == Screen::Listing ? listing.error : browse.error; }
};

} // namespace dongelek

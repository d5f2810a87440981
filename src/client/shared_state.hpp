// What every feature and screen shares: the language and its strings, the languages on
// offer, and the time of the current frame. Owned by AppController; read-only elsewhere.
#pragma once

#include "core/i18n.hpp"

#include <string>
#include <vector>

namespace dongelek {

struct LanguageInfo {
    std::string code;     // "en", "ru", "kk"
    std::string name;     // native name: "English", "Русский", "Қазақша"
    std::string short_;   // label in the switcher: "EN", "RU", "KZ"
    std::string fallback; // language used for missing keys (English for all today)
};

struct SharedState {
    std::string lang = "en";
    Strings strings;
    std::vector<LanguageInfo> languages;
    double nowMs = 0; // time of the current frame, for debounces and animations
};

} // namespace dongelek

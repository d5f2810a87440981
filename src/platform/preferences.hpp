// Platform: what the device says about its user between visits: small remembered values and the
// user's languages.
// Implements: loadPreference, savePreference, loadPrivatePreference, savePrivatePreference, preferredLanguages.
// preferences_web.cpp (localStorage, navigator.languages) |
// preferences_native.cpp (a JSON file in $XDG_CONFIG_HOME/dongelek/, LANGUAGE / LC_ALL / LC_MESSAGES / LANG).
#pragma once

#include <string>
#include <vector>

namespace dongelek::platform {

// The value remembered under `key` ("lang"), or "" when there is none or storage is unavailable
// (private browsing with storage blocked, a read-only home): never throws, never blocks a frame.
std::string loadPreference(const std::string& key);
// Remembers `value` under `key` for later visits; false when it could not be stored.
bool savePreference(const std::string& key, const std::string& value);

// Values that are nobody else's business (the desktop's refresh cookie): a file only this user may
// read (mode 0600) on the desktop. The web stores none: there the browser keeps such things
// itself (HttpOnly cookies), so these read "" and save nothing.
std::string loadPrivatePreference(const std::string& key);
bool savePrivatePreference(const std::string& key, const std::string& value);

// The user's languages, most wanted first, as the system spells them: navigator.languages
// ("ru-RU", "kk") on the web; LANGUAGE's list, then LC_ALL, LC_MESSAGES and LANG ("kk_KZ.UTF-8")
// on the desktop. Possibly empty; matching them to ours is the shell's job (matchLanguage).
std::vector<std::string> preferredLanguages();

} // namespace dongelek::platform

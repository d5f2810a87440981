// preferences.hpp in the browser: localStorage (per site, shared by its tabs) under "dongelek.<key>",
// and navigator.languages. Storage can be missing or throw (blocked cookies, sandboxed frames):
// then nothing is remembered and the app carries on.

#include "platform/preferences.hpp"

#include <emscripten.h>

#include <algorithm>
#include <cstdlib>

namespace {

// Strings returned to C++ are malloc'ed here and freed by the caller; null means "none".
EM_JS(char*, js_load_preference, (const char* key), {
    var v = null;
    try { v = window.localStorage.getItem('dongelek.' + UTF8ToString(key)); } catch (e) { v = null; }
    if (v === null || v === undefined) return 0;
    var n = lengthBytesUTF8(v) + 1;
    var p = _malloc(n);
    stringToUTF8(v, p, n);
    return p;
});
EM_JS(int, js_save_preference, (const char* key, const char* value), {
    try {
        window.localStorage.setItem('dongelek.' + UTF8ToString(key), UTF8ToString(value));
        return 1;
    } catch (e) {
        return 0; // storage disabled or full
    }
});
// The list joined by newlines (a language tag never holds one).
EM_JS(char*, js_preferred_languages, (), {
    var list = [];
    try {
        list = (navigator.languages && navigator.languages.length) ? navigator.languages : [navigator.language || ""];
    } catch (e) { list = []; }
    var s = Array.prototype.join.call(list, '\n');
    var n = lengthBytesUTF8(s) + 1;
    var p = _malloc(n);
    stringToUTF8(s, p, n);
    return p;
});

std::string take(char* p)
{
    std::string s = p ? p : "";
    std::free(p);
    return s;
}

} // namespace

namespace dongelek::platform {

std::string loadPreference(const std::string& key) { return take(js_load_preference(key.c_str())); }

bool savePreference(const std::string& key, const std::string& value)
{
    return js_save_preference(key.c_str(), value.c_str()) != 0;
}

// The browser keeps the HttpOnly refresh cookie itself; nothing private is stored by the app.
std::string loadPrivatePreference(const std::string&) { return {}; }
bool savePrivatePreference(const std::string&, const std::string&) { return false; }

std::vector<std::string> preferredLanguages()
{
    std::vector<std::string> out;
    const std::string all = take(js_preferred_languages());
    std::size_t start = 0;
    while (start <= all.size()) {
        const std::size_t end = std::min(all.find('\n', start), all.size());
        if (end > start) out.push_back(all.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

} // namespace dongelek::platform

// share.hpp in the browser: navigator.share (promise refused when the person closes the sheet:
// ignored), window.open for web links, location for tel: (a new tab would stay empty).

#include "platform/share.hpp"

#include <emscripten.h>

namespace {

EM_JS(int, js_can_share, (), { return (typeof navigator.share === 'function') ? 1 : 0; });

EM_JS(void, js_share, (const char* title, const char* text, const char* url), {
    if (typeof navigator.share !== 'function') return;
    try {
        navigator.share({title: UTF8ToString(title), text: UTF8ToString(text), url: UTF8ToString(url)})
            .catch(function() {});
    } catch (e) {
    }
});

EM_JS(void, js_open_external, (const char* url), {
    var u = UTF8ToString(url);
    if (/^tel:/i.test(u)) window.location.href = u;
    else window.open(u, '_blank', 'noopener');
});

} // namespace

namespace dongelek::platform {

bool canShareSheet() { return js_can_share() != 0; }

void shareSheet(const std::string& title, const std::string& text, const std::string& url)
{
    js_share(title.c_str(), text.c_str(), url.c_str());
}

void openExternal(const std::string& url) { js_open_external(url.c_str()); }

} // namespace dongelek::platform

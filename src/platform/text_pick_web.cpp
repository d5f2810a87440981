// text_pick.hpp in the browser: a hidden file input, the file read with File.text().

#include "platform/text_pick.hpp"

#include <emscripten.h>

#include <utility>

namespace {

std::function<void(std::string, std::string)>& sink()
{
    static std::function<void(std::string, std::string)> s;
    return s;
}

EM_JS(void, js_pick_text, (const char* accept, double maxBytes), {
    var send = function(name, text) {
        var n = lengthBytesUTF8(name) + 1, t = lengthBytesUTF8(text) + 1;
        var pn = _malloc(n), pt = _malloc(t);
        if (!pn || !pt) { if (pn) _free(pn); if (pt) _free(pt); return; }
        stringToUTF8(name, pn, n);
        stringToUTF8(text, pt, t);
        _dongelek_text_picked(pn, pt);
        _free(pn);
        _free(pt);
    };
    var input = document.createElement("input");
    input.type = "file";
    input.accept = UTF8ToString(accept);
    input.style.display = "none";
    document.body.appendChild(input);
    var finish = function() { if (input.parentNode) input.parentNode.removeChild(input); };
    input.addEventListener("cancel", function() { finish(); send("", ""); });
    input.addEventListener("change", function() {
        var file = input.files && input.files[0];
        finish();
        if (!file) { send("", ""); return; }
        if (file.size > maxBytes) { send("", "too_large"); return; }
        file.text().then(function(text) { send(file.name, text); }, function() { send("", ""); });
    });
    input.click();
});

} // namespace

extern "C" EMSCRIPTEN_KEEPALIVE void dongelek_text_picked(const char* name, const char* text)
{
    if (sink()) sink()(name ? name : "", text ? text : "");
}

namespace dongelek::platform {

void pickTextFile(const std::string& accept, std::size_t maxBytes,
                  std::function<void(std::string name, std::string text)> done)
{
    sink() = std::move(done);
    js_pick_text(accept.c_str(), static_cast<double>(maxBytes));
}

} // namespace dongelek::platform

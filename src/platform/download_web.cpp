// download.hpp in the browser: the bytes become a Blob, a hidden link with download= is clicked,
// and the Blob's address is let go a minute later (the download has started by then).

#include "platform/download.hpp"

#include <emscripten.h>

namespace {

EM_JS(void, js_save_file, (const char* name, const char* mime, const unsigned char* bytes, int length), {
    var data = HEAPU8.slice(bytes, bytes + length);
    var blob = new Blob([data], {type: UTF8ToString(mime)});
    var url = URL.createObjectURL(blob);
    var a = document.createElement("a");
    a.href = url;
    a.download = UTF8ToString(name);
    a.style.display = "none";
    document.body.appendChild(a);
    a.click();
    document.body.removeChild(a);
    setTimeout(function() { URL.revokeObjectURL(url); }, 60000);
});

} // namespace

namespace dongelek::platform {

std::string saveFile(const std::string& name, const std::string& mime, const std::string& bytes)
{
    js_save_file(name.c_str(), mime.c_str(), reinterpret_cast<const unsigned char*>(bytes.data()),
                 static_cast<int>(bytes.size()));
    return {};
}

} // namespace dongelek::platform

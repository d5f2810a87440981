// spin_prepare.hpp in the browser: a hidden <input type=file multiple>, then a Web Worker of its
// own (spin_worker.<hash>.js, Module.spinWorkerUrl) that reads each File and prepares it; the
// page's main thread only forwards the worker's messages here.

#include "platform/spin_prepare.hpp"

#include "core/view360.hpp"

#include <emscripten.h>

#include <string>
#include <utility>

namespace {

std::function<void(dongelek::spin::PrepUpdate)>& sink()
{
    static std::function<void(dongelek::spin::PrepUpdate)> s;
    return s;
}

EM_JS(void, js_pick_spin, (int minFrames, int maxFrames), {
    var utf8 = function(str) {
        var n = lengthBytesUTF8(str) + 1, p = _malloc(n);
        if (p) stringToUTF8(str, p, n);
        return p;
    };
    var send = function(kind, done, total, index, text, a, b) {
        var t = text ? utf8(text) : 0;
        var pa = 0, pb = 0, la = 0, lb = 0;
        if (a) { la = a.byteLength; pa = _malloc(la || 1); if (pa) HEAPU8.set(new Uint8Array(a), pa); }
        if (b) { lb = b.byteLength; pb = _malloc(lb || 1); if (pb) HEAPU8.set(new Uint8Array(b), pb); }
        if ((a && !pa) || (b && !pb)) { kind = 4; t = utf8('memory'); }
        _dongelek_spin_update(kind, done, total, index, t, pa, la, pb, lb);
        if (t) _free(t);
        if (pa) _free(pa);
        if (pb) _free(pb);
    };
    var input = document.createElement('input');
    input.type = 'file';
    input.multiple = true;
    input.accept = 'image/jpeg,image/png';
    input.style.display = 'none';
    document.body.appendChild(input);
    var finish = function() { if (input.parentNode) input.parentNode.removeChild(input); };
    input.addEventListener('cancel', function() { finish(); send(4, 0, 0, -1, 'cancelled'); });
    input.addEventListener('change', function() {
        var files = Array.prototype.slice.call(input.files || []);
        finish();
        files.sort(function(x, y) { return x.name.localeCompare(y.name, undefined, {numeric: true}); });
        if (files.length === 0) { send(4, 0, 0, -1, 'cancelled'); return; }
        if (files.length < minFrames || files.length > maxFrames) { send(4, 0, files.length, -1, 'count'); return; }
        var worker;
        try { worker = new Worker(Module.spinWorkerUrl || ""); } catch (e) { send(4, 0, 0, -1, 'unsupported'); return; }
        worker.onmessage = function(e) {
            var m = e.data;
            if (m.kind === 'progress') send(0, m.done, m.total, -1, "");
            else if (m.kind === 'planned') send(1, 0, files.length, -1, m.flags);
            else if (m.kind === 'frame') send(2, 0, files.length, m.index, "", m.full, m.medium);
            else if (m.kind === 'finished') { worker.terminate(); send(3, 0, files.length, -1, "", m.atlas); }
            else { worker.terminate(); send(4, 0, files.length, m.index, m.error || 'notimage'); }
        };
        worker.onerror = function() { worker.terminate(); send(4, 0, files.length, -1, 'unsupported'); };
        worker.postMessage({files: files});
    });
    input.click();
});

} // namespace

extern "C" EMSCRIPTEN_KEEPALIVE void dongelek_spin_update(int kind, int done, int total, int index, const char* text,
                                                         const unsigned char* a, int alen, const unsigned char* b, int blen)
{
    using dongelek::spin::PrepUpdate;
    PrepUpdate u;
    u.kind = static_cast<PrepUpdate::Kind>(kind);
    u.done = done;
    u.total = total;
    u.index = index;
    const std::string t = text ? text : "";
    if (u.kind == PrepUpdate::Kind::Planned) {
        // "c,-,bd": per frame, c car not found, x cut off, b blurry, d too dark, o out of order.
        std::size_t start = 0;
        while (start <= t.size() && !t.empty()) {
            const std::size_t end = std::min(t.find(',', start), t.size());
            const std::string one = t.substr(start, end - start);
            dongelek::spin::FrameFlags f;
            f.carNotFound = one.find('c') != std::string::npos;
            f.cutOff = one.find('x') != std::string::npos;
            f.blurry = one.find('b') != std::string::npos;
            f.tooDark = one.find('d') != std::string::npos;
            f.outOfOrder = one.find('o') != std::string::npos;
            u.flags.push_back(f);
            start = end + 1;
        }
    } else if (u.kind == PrepUpdate::Kind::Failed) {
        u.error = t;
    }
    if (u.kind == PrepUpdate::Kind::Frame) {
        u.full.assign(reinterpret_cast<const char*>(a), static_cast<std::size_t>(alen));
        u.medium.assign(reinterpret_cast<const char*>(b), static_cast<std::size_t>(blen));
    } else if (u.kind == PrepUpdate::Kind::Finished) {
        u.atlas.assign(reinterpret_cast<const char*>(a), static_cast<std::size_t>(alen));
    }
    if (sink()) sink()(std::move(u));
}

namespace dongelek::platform {

void pickAndPrepareSpin(std::function<void(spin::PrepUpdate)> onUpdate)
{
    sink() = std::move(onUpdate);
    js_pick_spin(view360::kMinFrames, view360::kMaxFrames);
}

} // namespace dongelek::platform

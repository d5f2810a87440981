// photo_pick.hpp in the browser: a hidden <input type=file multiple>, then a Web Worker per run
// (the spin worker, Module.spinWorkerUrl, in its photo mode: web/spin_worker_main.js) that reads
// each File and prepares it (core/photo_job.hpp); the page's main thread only forwards the
// worker's messages here, one photo at a time, and ends the worker when the run is over.
// The files keep the order the browser lists them in (the order they were picked), unlike a
// spin's, which are sorted by name.

#include "platform/photo_pick.hpp"

#include "core/photo_job.hpp"

#include <emscripten.h>

#include <map>
#include <string>
#include <utility>

namespace {

using dongelek::platform::PhotoPickUpdate;

// The runs still going, by id: a second pick while one is going gets its own updates.
std::map<int, std::function<void(PhotoPickUpdate)>>& runs()
{
    static std::map<int, std::function<void(PhotoPickUpdate)>> r;
    return r;
}

// Kinds as dongelek_photo_update takes them: 0 Picked, 1 Photo, 2 Failed, 3 Finished (the
// order of PhotoPickUpdate::Kind). flags: 1 too small, 2 blurry, 4 too dark.
EM_JS(void, js_pick_photos, (int run, int maxFiles, int longestSide, int quality), {
    var utf8 = function(str) {
        var n = lengthBytesUTF8(str) + 1, p = _malloc(n);
        if (p) stringToUTF8(str, p, n);
        return p;
    };
    var send = function(kind, count, index, name, error, jpeg, w, h, sw, sh, flags) {
        var pn = name ? utf8(name) : 0, pe = error ? utf8(error) : 0, pj = 0, lj = 0;
        if (jpeg) {
            lj = jpeg.byteLength;
            pj = _malloc(lj || 1);
            if (pj) HEAPU8.set(new Uint8Array(jpeg), pj);
            else { kind = 2; lj = 0; if (!pe) pe = utf8("memory"); }
        }
        try {
            _dongelek_photo_update(run, kind, count, index, pn, pe, pj, lj, w | 0, h | 0, sw | 0, sh | 0, flags | 0);
        } finally {
            if (pn) _free(pn);
            if (pe) _free(pe);
            if (pj) _free(pj);
        }
    };
    var hints = function(letters) {
        var s = typeof letters === "string" ? letters : "";
        return (s.indexOf("s") >= 0 ? 1 : 0) | (s.indexOf("b") >= 0 ? 2 : 0) | (s.indexOf("d") >= 0 ? 4 : 0);
    };
    var input = document.createElement("input");
    input.type = "file";
    input.multiple = true;
    input.accept = "image/jpeg,image/png";
    input.style.display = "none";
    document.body.appendChild(input);
    var settled = false;
    var remove = function() { if (input.parentNode) input.parentNode.removeChild(input); };
    input.addEventListener("cancel", function() {
        if (settled) return;
        settled = true;
        remove();
        send(3, 0, -1, "", "cancelled");
    });
    input.addEventListener("change", function() {
        if (settled) return;
        settled = true;
        var files = Array.prototype.slice.call(input.files || []);
        remove();
        if (files.length === 0) { send(3, 0, -1, "", "cancelled"); return; }
        var taken = files.slice(0, Math.max(0, maxFiles));
        var delivered = [];
        var prepared = 0, over = false, worker = null;
        var nameOf = function(i) { return String(files[i].name || ""); };
        // Ends the run once: every taken file not heard of yet fails with `error`, the files
        // past maxFiles with "toomany", then Finished.
        var finish = function(error) {
            if (over) return;
            over = true;
            if (worker) { try { worker.terminate(); } catch (e) {} }
            for (var i = 0; i < taken.length; i++) if (!delivered[i]) send(2, 0, i, nameOf(i), error);
            for (var j = taken.length; j < files.length; j++) send(2, 0, j, nameOf(j), "toomany");
            send(3, prepared, -1, "", "");
        };
        send(0, files.length, -1, "", "");
        if (taken.length === 0) { finish("toomany"); return; }
        if (!Module.spinWorkerUrl || typeof Worker === "undefined") { finish("unsupported"); return; }
        try { worker = new Worker(Module.spinWorkerUrl); } catch (e) { finish("unsupported"); return; }
        worker.onmessage = function(e) {
            var m = e.data || {};
            if (over) return;
            if (m.kind === "photos_done") { finish("notimage"); return; }
            if (m.kind !== "photo" && m.kind !== "photo_failed") return;
            var i = m.index;
            if (typeof i !== "number" || i < 0 || i >= taken.length || delivered[i]) return;
            // The worker answers in order; should one be skipped, it fails rather than arrive late.
            for (var k = 0; k < i; k++) if (!delivered[k]) { delivered[k] = true; send(2, 0, k, nameOf(k), "notimage"); }
            delivered[i] = true;
            if (m.kind === "photo" && m.jpeg instanceof ArrayBuffer) {
                prepared++;
                send(1, 0, i, nameOf(i), "", m.jpeg, m.width, m.height, m.srcWidth, m.srcHeight, hints(m.flags));
            } else {
                send(2, 0, i, nameOf(i), typeof m.error === "string" && m.error ? m.error : "notimage");
            }
        };
        worker.onerror = function(e) {
            if (e && e.preventDefault) e.preventDefault();
            finish("unsupported");
        };
        try {
            worker.postMessage({photos: taken, longestSide: longestSide, quality: quality});
        } catch (e) {
            finish("unsupported");
        }
    });
    input.click();
});

} // namespace

extern "C" EMSCRIPTEN_KEEPALIVE void dongelek_photo_update(int run, int kind, int count, int index, const char* name,
                                                          const char* error, const unsigned char* jpeg, int jpegLength,
                                                          int width, int height, int srcWidth, int srcHeight, int flags)
{
    const auto it = runs().find(run);
    if (it == runs().end() || kind < 0 || kind > 3) return;
    PhotoPickUpdate u;
    u.kind = static_cast<PhotoPickUpdate::Kind>(kind);
    u.count = count;
    u.index = index;
    u.name = name ? name : "";
    u.error = error ? error : "";
    if (u.kind == PhotoPickUpdate::Kind::Photo) {
        if (jpeg && jpegLength > 0) u.jpeg.assign(reinterpret_cast<const char*>(jpeg), static_cast<std::size_t>(jpegLength));
        u.width = width;
        u.height = height;
        u.srcWidth = srcWidth;
        u.srcHeight = srcHeight;
        u.tooSmall = (flags & 1) != 0;
        u.blurry = (flags & 2) != 0;
        u.tooDark = (flags & 4) != 0;
    }
    if (u.kind == PhotoPickUpdate::Kind::Finished) {
        // The run's last update: its callback leaves the table first, so it may start another.
        auto onUpdate = std::move(it->second);
        runs().erase(it);
        if (onUpdate) onUpdate(std::move(u));
        return;
    }
    if (it->second) it->second(std::move(u));
}

namespace dongelek::platform {

void pickPhotos(int maxFiles, std::function<void(PhotoPickUpdate)> onUpdate)
{
    static int nextRun = 0;
    const int run = ++nextRun;
    runs()[run] = std::move(onUpdate);
    js_pick_photos(run, maxFiles < 0 ? 0 : maxFiles, photo::kPhotoLongestSide, photo::kPhotoJpegQuality);
}

} // namespace dongelek::platform

// The spin worker's message loop (linked with --post-js into spin_worker.js; the C++ side is
// src/platform/web_spin_worker.cpp). The page posts {files: [File, ...]} in capture order; each
// photo is read twice (analysed, then drawn at the standard sizes) and only one is in memory at
// a time. Replies: {kind: 'progress', done, total}, {kind: 'planned', flags: 'c,-,b,...'},
// {kind: 'frame', index, full, medium} (JPEG ArrayBuffers, transferred), {kind: 'finished', atlas},
// {kind: 'failed', error: 'notimage' | 'memory', index}.
// It also prepares listing photos (platform/photo_pick_web.cpp; photo_prepare in C++): the page
// posts {photos: [File, ...], longestSide, quality} and gets, per photo in order, as soon as it
// is ready, {kind: 'photo', index, jpeg (ArrayBuffer, transferred), width, height, srcWidth,
// srcHeight, flags: 's' too small, 'b' blurry, 'd' too dark ('' none)} or {kind: 'photo_failed',
// index, error: 'notimage' | 'toolarge' | 'memory' | 'unsupported'}, then {kind: 'photos_done'}.
// Every photo gets an answer whatever goes wrong (an unreadable file, a failed allocation, the
// wasm aborting), and photos_done always comes last.
(function () {
  var waiting = [];
  var ready = false;
  function call(fn, index, bytes) {
    var ptr = _malloc(bytes.length || 1);
    if (!ptr) return -1;
    HEAPU8.set(bytes, ptr);
    var ok = fn(index, ptr, bytes.length);
    _free(ptr);
    return ok;
  }
  function output(which) {
    var lenPtr = _malloc(4);
    var data = _spin_output(which, lenPtr);
    var len = HEAP32[lenPtr >> 2];
    _free(lenPtr);
    return HEAPU8.slice(data, data + len).buffer;
  }
  async function run(files) {
    var n = files.length, total = 2 * n, done = 0;
    _spin_begin(n);
    try {
      for (var i = 0; i < n; i++) {
        var ok = call(_spin_analyze, i, new Uint8Array(await files[i].arrayBuffer()));
        if (ok !== 1) { postMessage({ kind: 'failed', error: ok < 0 ? 'memory' : 'notimage', index: i }); return; }
        postMessage({ kind: 'progress', done: ++done, total: total });
      }
      postMessage({ kind: 'planned', flags: UTF8ToString(_spin_plan()) });
      for (var j = 0; j < n; j++) {
        var drawn = call(_spin_render, j, new Uint8Array(await files[j].arrayBuffer()));
        if (drawn !== 1) { postMessage({ kind: 'failed', error: drawn < 0 ? 'memory' : 'notimage', index: j }); return; }
        var full = output(0), medium = output(1);
        postMessage({ kind: 'frame', index: j, full: full, medium: medium }, [full, medium]);
        postMessage({ kind: 'progress', done: ++done, total: total });
      }
      _spin_atlas();
      var atlas = output(0);
      postMessage({ kind: 'finished', atlas: atlas }, [atlas]);
    } catch (e) {
      postMessage({ kind: 'failed', error: 'notimage', index: -1 });
    } finally {
      _spin_end();
    }
  }
  var MAX_PHOTO_FILE_BYTES = 200 * 1024 * 1024; // core/photo_job.hpp kMaxPhotoFileBytes
  var PHOTO_ERRORS = ['', 'notimage', 'toolarge', 'memory']; // photo_prepare's return codes
  // One photo's bytes to {jpeg, width, height, srcWidth, srcHeight, flags} or {error}.
  function preparePhoto(bytes, longestSide, quality) {
    var ptr = _malloc(bytes.length || 1);
    if (!ptr) return { error: 'memory' };
    var info = _malloc(5 * 4);
    if (!info) { _free(ptr); return { error: 'memory' }; }
    try {
      HEAPU8.set(bytes, ptr);
      var rc = _photo_prepare(ptr, bytes.length, longestSide, quality, info);
      if (rc !== 0) return { error: PHOTO_ERRORS[rc] || 'notimage' };
      var at = info >> 2; // the heap may have grown during the call: HEAP32 is read afresh
      var out = { width: HEAP32[at], height: HEAP32[at + 1], srcWidth: HEAP32[at + 2], srcHeight: HEAP32[at + 3] };
      var bits = HEAP32[at + 4];
      out.flags = (bits & 1 ? 's' : '') + (bits & 2 ? 'b' : '') + (bits & 4 ? 'd' : '');
      var data = _photo_output(info);
      var len = HEAP32[info >> 2];
      out.jpeg = HEAPU8.slice(data, data + len).buffer;
      _photo_release();
      return out;
    } finally {
      _free(ptr);
      _free(info);
    }
  }
  async function readFile(file) {
    try {
      return new Uint8Array(await file.arrayBuffer());
    } catch (e) {
      return e && e.name === 'RangeError' ? 'memory' : 'notimage'; // too big to hold, or unreadable
    }
  }
  async function runPhotos(m) {
    var files = typeof m.photos.length === 'number' ? Array.prototype.slice.call(m.photos) : [];
    var longestSide = m.longestSide > 0 ? m.longestSide | 0 : 1600;
    var quality = m.quality > 0 ? m.quality | 0 : 85;
    try {
      for (var i = 0; i < files.length; i++) {
        var out;
        try {
          var file = files[i];
          if (!file || typeof file.arrayBuffer !== 'function') out = { error: 'notimage' };
          else if (file.size > MAX_PHOTO_FILE_BYTES) out = { error: 'toolarge' };
          else {
            var bytes = await readFile(file);
            out = typeof bytes === 'string' ? { error: bytes } : preparePhoto(bytes, longestSide, quality);
          }
        } catch (e) {
          out = { error: 'memory' }; // the wasm aborted (out of memory): so will the photos after
        }
        if (out.error) {
          postMessage({ kind: 'photo_failed', index: i, error: out.error });
          continue;
        }
        try {
          postMessage({ kind: 'photo', index: i, jpeg: out.jpeg, width: out.width, height: out.height,
                        srcWidth: out.srcWidth, srcHeight: out.srcHeight, flags: out.flags }, [out.jpeg]);
        } catch (e) {
          postMessage({ kind: 'photo_failed', index: i, error: 'memory' });
        }
      }
    } finally {
      postMessage({ kind: 'photos_done' });
    }
  }
  function dispatch(m) {
    if (m && m.photos) runPhotos(m);
    else run(m.files);
  }
  var aborted = false;
  // A photo run the wasm can never serve: every photo fails.
  function refusePhotos(m) {
    var n = typeof m.photos.length === 'number' ? m.photos.length : 0;
    for (var i = 0; i < n; i++) postMessage({ kind: 'photo_failed', index: i, error: 'unsupported' });
    postMessage({ kind: 'photos_done' });
  }
  self.onmessage = function (e) {
    if (ready) dispatch(e.data);
    else if (aborted && e.data && e.data.photos) refusePhotos(e.data);
    else waiting.push(e.data);
  };
  function start() {
    ready = true;
    waiting.splice(0).forEach(dispatch);
  }
  // The wasm failed before it could start: answer the photo runs waiting for it.
  var chainedAbort = Module['onAbort'];
  Module['onAbort'] = function (what) {
    if (chainedAbort) chainedAbort(what);
    if (ready) return;
    aborted = true;
    var photoRuns = waiting.filter(function (m) { return m && m.photos; });
    waiting = waiting.filter(function (m) { return !(m && m.photos); });
    photoRuns.forEach(refusePhotos);
  };
  if (runtimeInitialized) start();
  else Module['onRuntimeInitialized'] = start;
})();

// The spin worker's message loop (linked with --post-js into spin_worker.js; the C++ side is
// src/platform/web_spin_worker.cpp). The page posts {files: [File, ...]} in capture order; each
// photo is read twice (analysed, then drawn at the standard sizes) and only one is in memory at
// a time. Replies: {kind: 'progress', done, total}, {kind: 'planned', flags: 'c,-,b,...'},
// {kind: 'frame', index, full, medium} (JPEG ArrayBuffers, transferred), {kind: 'finished', atlas},
// {kind: 'failed', error: 'notimage' | 'memory', index}.
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
  self.onmessage = function (e) {
    if (ready) run(e.data.files);
    else waiting.push(e.data);
  };
  function start() {
    ready = true;
    waiting.splice(0).forEach(function (m) { run(m.files); });
  }
  if (runtimeInitialized) start();
  else Module['onRuntimeInitialized'] = start;
})();

// The network worker's message loop (linked with --post-js into net_worker.js; the protocol is
// in src/platform/web_net_worker_protocol.hpp). Every request is fetched here, and photos are
// decoded here too, so the app's main thread only posts a message and receives bytes or pixels.
(function () {
  var waiting = [];
  var ready = false;
  function reply(message, transfer) { postMessage(message, transfer || []); }
  function failed(id, error) { reply({ id: id, status: 0, error: String(error || 'network error') }); }
  function decode(id, bytes) {
    var input = _malloc(bytes.length || 1);
    var size = _malloc(8);
    if (!input || !size) { // memory could not grow that far
      if (input) _free(input);
      if (size) _free(size);
      reply({ id: id, status: 200, pixels: null });
      return;
    }
    HEAPU8.set(bytes, input);
    var pixels = _decode_rgba(input, bytes.length, size);
    _free(input);
    var width = HEAP32[size >> 2], height = HEAP32[(size >> 2) + 1];
    _free(size);
    if (!pixels) { reply({ id: id, status: 200, pixels: null }); return; }
    var copy = HEAPU8.slice(pixels, pixels + width * height * 4); // a buffer of its own, transferred
    _free_rgba(pixels);
    reply({ id: id, status: 200, width: width, height: height, pixels: copy }, [copy.buffer]);
  }
  function headerBlock(headers) {
    var out = '';
    headers.forEach(function (value, name) { out += name + ': ' + value + '\r\n'; });
    return out;
  }
  // A request that wants upload progress (r.progress): fetch() cannot report it, XMLHttpRequest
  // can. Same method, headers, body and cookies (same-origin: withCredentials stays false); the
  // answer is replied exactly as load() does it. Progress goes out at most every ~100 ms, plus the last.
  var kProgressMs = 100;
  function loadWithProgress(r) {
    var size = r.body ? r.body.length : 0;
    var sent = -1, postedAt = 0;
    function progress(loaded, total, last) {
      var now = Date.now();
      if (loaded <= sent || (!last && now - postedAt < kProgressMs)) return; // increasing, throttled
      sent = loaded;
      postedAt = now;
      reply({ id: r.id, progress: loaded, total: total });
    }
    var xhr = new XMLHttpRequest();
    var finished = false;
    function fail(error) {
      if (finished) return;
      finished = true;
      failed(r.id, error);
    }
    try {
      xhr.open(r.method || 'GET', r.url, true);
      xhr.responseType = 'arraybuffer';
      (r.headers || []).forEach(function (h) { xhr.setRequestHeader(h[0], h[1]); });
      xhr.upload.onprogress = function (e) {
        var total = e.lengthComputable ? e.total : size;
        progress(e.loaded, total, e.loaded >= total);
      };
      xhr.upload.onload = function () { progress(size, size, true); };
      xhr.onload = function () {
        if (finished) return;
        finished = true;
        var buffer = xhr.response || new ArrayBuffer(0);
        reply({ id: r.id, status: xhr.status, headers: xhr.getAllResponseHeaders(), body: buffer }, [buffer]);
      };
      xhr.onerror = function () { fail('network error'); };       // offline, reset, refused
      xhr.ontimeout = function () { fail('the request timed out'); };
      xhr.onabort = function () { fail('the request was aborted'); };
      xhr.send(r.body || null);
    } catch (e) { fail(e && e.message); } // a header name or method XMLHttpRequest refuses
  }
  function load(r) {
    if (r.progress && !r.decode) { loadWithProgress(r); return; }
    var init = { method: r.method || 'GET', headers: r.headers || [], credentials: 'same-origin' };
    if (r.body) init.body = r.body;
    fetch(r.url, init).then(function (response) {
      if (r.decode) {
        if (response.status !== 200) { reply({ id: r.id, status: response.status, pixels: null }); return; }
        return response.arrayBuffer().then(function (buffer) { decode(r.id, new Uint8Array(buffer)); });
      }
      return response.arrayBuffer().then(function (buffer) {
        reply({ id: r.id, status: response.status, headers: headerBlock(response.headers), body: buffer }, [buffer]);
      });
    }).catch(function (e) { failed(r.id, e && e.message); }); // offline, reset, or a body cut off
  }
  self.onmessage = function (e) {
    if (ready) load(e.data);
    else waiting.push(e.data);
  };
  function start() {
    ready = true;
    waiting.splice(0).forEach(load);
  }
  if (runtimeInitialized) start();
  else Module['onRuntimeInitialized'] = start;
})();

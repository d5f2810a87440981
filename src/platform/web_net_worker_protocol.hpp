// What the web app and its network worker (web_net_worker.cpp + web/net_worker_main.js, a
// separate small wasm run as a Web Worker) say to each other with postMessage:
//   app -> worker  {id, decode, progress, method, url, headers: [[name, value], ...], body: Uint8Array|null}
//   worker -> app  {id, status, headers, body, width, height, pixels}
//                  {id, progress, total}  (upload progress, numbers of body bytes; not an answer)
// status is the HTTP status (0: no answer, with `error`). headers is the answer's header block
// ("name: value\r\n" lines). A request with decode=true is a photo: the worker decodes a 200
// answer with stb_image and sends pixels (RGBA8, rows top to bottom) instead of the body, or
// pixels=null when it is not an image stb_image can read. ArrayBuffers are transferred, not copied.
// A request with progress=true (raw, not decode) goes through XMLHttpRequest, since fetch cannot
// report uploads: zero or more {id, progress, total} messages (at most one per ~100 ms, plus the
// last) come before its one answer, which has the same shape as fetch's.
#pragma once

namespace dongelek::platform::net_worker {

// Larger photos are refused before any pixel is allocated: a bogus header must not make the
// worker (or the texture upload) ask for gigabytes. Above WebGL's usual 8192 limit anyway.
constexpr int kMaxDimension = 8192;

} // namespace dongelek::platform::net_worker

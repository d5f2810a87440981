// The loading screen and the app's start (index.html loads it; no inline script, so the
// Content-Security-Policy can forbid them): picks the language the app will pick, shows
// progress, explains a browser without WebAssembly or WebGL 2, and starts app.js once the
// page's own content has been painted.
(function () {
  // The staged file names come from this script's own tag (stage_dist.cmake fills them in).
  var files = document.currentScript.dataset;
  var loading = document.getElementById('loading');
  var bar = document.getElementById('bar');
  var fill = document.getElementById('fill');
  var statusEl = document.getElementById('status');
  // The canvas has no context menu of its own (the app draws its own widgets there).
  document.getElementById('canvas').addEventListener('contextmenu', function (e) { e.preventDefault(); });
  // The language the app will pick (AppController::start): ?lang=, the remembered pick, the browser's.
  var lang = (function () {
    var ours = ['en', 'ru', 'kk'];
    var wanted = [new URLSearchParams(location.search).get('lang')];
    try { wanted.push(window.localStorage.getItem('dongelek.lang')); } catch (e) { /* storage blocked */ }
    wanted = wanted.concat(navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language]);
    for (var i = 0; i < wanted.length; i++) {
      var code = String(wanted[i] || '').split(/[-_]/)[0].toLowerCase();
      if (ours.indexOf(code) >= 0) return code;
    }
    return 'en';
  })();
  document.documentElement.lang = lang;
  var T = {
    en: { loading: 'Loading…', starting: 'Starting…', nowasm: 'Your browser cannot run WebAssembly. Please use a current version of Chrome, Firefox, Safari or Edge.',
          nogl: 'Your browser or device does not support WebGL 2, which Dongelek needs to draw the page. Try another browser or turn on hardware acceleration.',
          failed: 'Dongelek could not be loaded. Check your connection and <a href="">try again</a>.' },
    ru: { loading: 'Загрузка…', starting: 'Запуск…', nowasm: 'Ваш браузер не поддерживает WebAssembly. Откройте сайт в свежей версии Chrome, Firefox, Safari или Edge.',
          nogl: 'Ваш браузер или устройство не поддерживает WebGL 2, без него Dongelek не может нарисовать страницу. Попробуйте другой браузер или включите аппаратное ускорение.',
          failed: 'Не удалось загрузить Dongelek. Проверьте подключение и <a href="">попробуйте ещё раз</a>.' },
    kk: { loading: 'Жүктелуде…', starting: 'Іске қосылуда…', nowasm: 'Браузеріңіз WebAssembly қолдамайды. Chrome, Firefox, Safari не Edge браузерінің жаңа нұсқасын пайдаланыңыз.',
          nogl: 'Браузеріңіз не құрылғыңыз WebGL 2 қолдамайды, онсыз Dongelek бетті сала алмайды. Басқа браузерді қолданып көріңіз.',
          failed: 'Dongelek жүктелмеді. Байланысты тексеріп, <a href="">қайта көріңіз</a>.' }
  };
  var t = T[lang] || T.en;
  if (lang === 'ru') document.getElementById('tagline').textContent = 'Автомобили в Казахстане и Бахрейне';
  if (lang === 'kk') document.getElementById('tagline').textContent = 'Қазақстан мен Бахрейндегі көліктер';
  statusEl.textContent = t.loading;

  var failed = false;
  function fail(html) {
    if (failed) return;
    failed = true;
    loading.classList.remove('done');
    loading.querySelector('.card').classList.add('error');
    statusEl.innerHTML = html;
  }
  function progress(fraction, text) {
    if (failed) return;
    if (fraction == null) { bar.classList.add('indeterminate'); fill.style.width = ''; }
    else { bar.classList.remove('indeterminate'); fill.style.width = Math.max(8, Math.min(100, fraction * 100)) + '%'; }
    if (text) statusEl.textContent = text;
  }

  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') { fail(t.nowasm); return; }
  // No test context here (one costs as much as the app's own, and resizing a canvas that has
  // one is slow): the API must exist, and when the app cannot get its context it says so
  // through dongelekFailed.
  if (typeof WebGL2RenderingContext === 'undefined') { fail(t.nogl); return; }

  var totalDeps = 0;
  window.Module = {
    canvas: document.getElementById('canvas'),
    // The runtime asks for "app.wasm" / "app.data"; the staged files carry a content hash.
    locateFile: function (path) {
      if (path === 'app.wasm') return files.appWasm;
      if (path === 'app.data') return files.appData;
      return '/' + path;
    },
    // The network worker (HTTP requests, photos fetched and decoded) the app starts once its
    // first frame is drawn.
    netWorkerUrl: files.netWorker,
    // The spin worker (a seller's 360° photos prepared before upload), started only for that.
    spinWorkerUrl: files.spinWorker,
    setStatus: function (text) {
      // Emscripten reports "Downloading data... (loaded/total)" for the preloaded fonts and locales.
      var m = /\((\d+(\.\d+)?)\/(\d+)\)/.exec(text || '');
      if (m) progress(0.15 + 0.75 * (parseInt(m[1], 10) / parseInt(m[3], 10)), t.loading);
      else if (text) progress(null, t.loading);
    },
    monitorRunDependencies: function (left) {
      totalDeps = Math.max(totalDeps, left);
      if (totalDeps > 0) progress(0.1 + 0.85 * (totalDeps - left) / totalDeps, left ? t.loading : t.starting);
    },
    // Called by the app after its first frame is on the canvas.
    dongelekReady: function () {
      progress(1, '');
      loading.classList.add('done');
      setTimeout(function () { if (!failed) loading.style.display = 'none'; }, 300);
    },
    onAbort: function () { fail(t.failed); },
    dongelekFailed: function (kind) { fail(t[kind] || t.failed); },
    printErr: function (text) { if (window.console) console.warn(text); }
  };
  window.addEventListener('error', function (e) {
    if (!loading.classList.contains('done')) { console.error(e.message); fail(t.failed); }
  });
  // The app starts once this page has been painted: its start-up is a few long tasks
  // (WebGL, shaders, the font atlas), and the loading screen should not wait for them.
  // No preload of the wasm either: the first paint (the page's own content) must not be
  // measured as waiting for the 400 KB the app needs afterwards.
  function start() {
    var script = document.createElement('script');
    script.src = files.appJs;
    script.async = true;
    script.onerror = function () { fail(t.failed); };
    document.body.appendChild(script);
  }
  // "Painted" as the browser reports it (the first contentful paint is presented on screen),
  // with a fallback for browsers without paint timing.
  var started = false;
  function startOnce() { if (!started) { started = true; start(); } }
  try {
    new PerformanceObserver(function (list) {
      if (list.getEntries().some(function (e) { return e.name === 'first-contentful-paint'; })) startOnce();
    }).observe({ type: 'paint', buffered: true });
  } catch (e) { /* no paint timing: the fallback below */ }
  setTimeout(startOnce, 1000);
})();

// Browser glue linked with --pre-js: the WebGL state shadow, the test hook (window.dongelek),
// typed text and paste through a hidden textarea, Back/Forward, waking the idle app on input.
// Runs in the module scope before main().

// [SECTION] WebGL state shadow
// ImGui's GL3 backend saves and restores GL state around every frame. Chrome answers
// getParameter(SCISSOR_BOX / BLEND_*) with a synchronous round trip to the GPU process, which
// waits for the GPU to catch up (tens of ms per frame on software GL). Only this app draws on
// its canvas, so those values are tracked here as they are set and answered from the copy.
(function () {
  var getContext = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function (type, attrs) {
    var gl = getContext.call(this, type, attrs);
    if (gl && type === 'webgl2' && this.id === 'canvas' && !gl.dongelekShadow) shadowState(gl);
    return gl;
  };
  function shadowState(gl) {
    gl.dongelekShadow = true;
    var get = gl.getParameter.bind(gl);
    var P = { scissor: gl.SCISSOR_BOX, viewport: gl.VIEWPORT, srcRgb: gl.BLEND_SRC_RGB, dstRgb: gl.BLEND_DST_RGB,
              srcA: gl.BLEND_SRC_ALPHA, dstA: gl.BLEND_DST_ALPHA, eqRgb: gl.BLEND_EQUATION_RGB, eqA: gl.BLEND_EQUATION_ALPHA };
    var shadow = {};
    Object.keys(P).forEach(function (k) { shadow[P[k]] = get(P[k]); });
    function after(name, update) {
      var call = gl[name].bind(gl);
      gl[name] = function () { call.apply(null, arguments); update.apply(null, arguments); };
    }
    after('scissor', function (x, y, w, h) { shadow[P.scissor] = new Int32Array([x, y, w, h]); });
    after('viewport', function (x, y, w, h) { shadow[P.viewport] = new Int32Array([x, y, w, h]); });
    after('blendFunc', function (s, d) { shadow[P.srcRgb] = shadow[P.srcA] = s; shadow[P.dstRgb] = shadow[P.dstA] = d; });
    after('blendFuncSeparate', function (sr, dr, sa, da) {
      shadow[P.srcRgb] = sr; shadow[P.dstRgb] = dr; shadow[P.srcA] = sa; shadow[P.dstA] = da;
    });
    after('blendEquation', function (m) { shadow[P.eqRgb] = shadow[P.eqA] = m; });
    after('blendEquationSeparate', function (r, a) { shadow[P.eqRgb] = r; shadow[P.eqA] = a; });
    gl.getParameter = function (p) {
      if (!(p in shadow)) return get(p);
      var v = shadow[p];
      return v instanceof Int32Array ? new Int32Array(v) : v;
    };
    gl.canvas.addEventListener('webglcontextrestored', function () {
      Object.keys(P).forEach(function (k) { shadow[P[k]] = get(P[k]); });
    });
  }
})();

// [SECTION] Test hook: window.dongelek.items() / state() read the last completed frame.
// Until the app has started (Module.dongelekHookReady), items() is [] and state().status "booting".
window.dongelek = {
  items: function () {
    if (!Module['dongelekHookReady']) return [];
    return JSON.parse(UTF8ToString(Module['_dongelek_hook_items']()));
  },
  state: function () {
    if (!Module['dongelekHookReady']) return { status: 'booting', screen: '', cards: 0 };
    return JSON.parse(UTF8ToString(Module['_dongelek_hook_state']()));
  },
};

// [SECTION] Text input and paste
// Typed text reaches the app through a hidden <textarea> that holds the keyboard focus, as
// the browser delivers it: plain keys, IME compositions, on-screen keyboards, dead keys and
// automation's insertText alike. Printable keys are kept from SDL (which would type them a
// second time and cancel the textarea's input); every other key (Backspace, arrows, Enter,
// Ctrl/Cmd shortcuts) still goes to SDL and ImGui. Ctrl/Cmd+V is kept from SDL as well
// (SDL cancels it, and with it the browser's paste event); the pasted text then goes to ImGui's
// own paste (dongelek_on_paste).
// On touch screens the textarea is focused only while a field is being edited, so the
// on-screen keyboard shows exactly then.
(function () {
  var sink = document.createElement('textarea');
  sink.id = 'dongelek-text';
  sink.setAttribute('aria-hidden', 'true');
  sink.setAttribute('autocomplete', 'off');
  sink.setAttribute('autocapitalize', 'off');
  sink.setAttribute('spellcheck', 'false');
  sink.tabIndex = -1;
  // 16 px: iOS zooms the page into any focused field with a smaller font.
  sink.style.cssText = 'position:fixed;left:0;top:0;width:1px;height:1px;opacity:0;border:0;padding:0;margin:0;' +
                       'resize:none;overflow:hidden;pointer-events:none;z-index:-1;font-size:16px;';
  document.body.appendChild(sink);
  var coarse = !!(window.matchMedia && window.matchMedia('(pointer: coarse)').matches);
  var wantText = false;
  function focusSink() {
    if ((wantText || !coarse) && document.activeElement !== sink) sink.focus({ preventScroll: true });
  }
  Module['dongelekSetTextInput'] = function (want) {
    wantText = !!want;
    if (wantText || !coarse) focusSink();
    else if (document.activeElement === sink) sink.blur();
  };
  sink.addEventListener('blur', function () { setTimeout(focusSink, 0); });

  // Phones raise their keyboard only for a focus() made inside the touch's own handler (iOS
  // is strict about it): so a tap on a text field of the last frame focuses the textarea right
  // here, set up for that field (digits for numbers, a search key for the search), before the
  // app has even drawn the frame that activates the field.
  var touchStart = null;
  window.addEventListener('touchstart', function (e) {
    var t = e.changedTouches && e.changedTouches[0];
    touchStart = t ? { x: t.clientX, y: t.clientY } : null;
  }, { capture: true, passive: true });
  window.addEventListener('touchend', function (e) {
    var t = e.changedTouches && e.changedTouches[0];
    if (!t || !touchStart || !Module['dongelekHookReady']) return;
    var moved = Math.abs(t.clientX - touchStart.x) > 10 || Math.abs(t.clientY - touchStart.y) > 10;
    touchStart = null;
    if (moved) return; // a scroll, not a tap
    var items = window.dongelek.items();
    for (var i = 0; i < items.length; i++) {
      var it = items[i], r = it.rect;
      if (it.role !== 'textbox' || t.clientX < r.x || t.clientX > r.x + r.w || t.clientY < r.y || t.clientY > r.y + r.h) continue;
      var mode = it.inputmode || 'text';
      sink.setAttribute('inputmode', mode);
      sink.setAttribute('enterkeyhint', mode === 'search' ? 'search' : 'done');
      sink.setAttribute('aria-label', it.label || '');
      wantText = true;
      sink.focus({ preventScroll: true });
      return;
    }
  }, { capture: true, passive: true });
  window.addEventListener('focus', focusSink);
  focusSink();

  function callWithText(fn, text) {
    if (!text || !Module['dongelekHookReady']) return;
    var size = lengthBytesUTF8(text) + 1;
    var ptr = Module['_malloc'](size);
    stringToUTF8(text, ptr, size);
    Module[fn](ptr);
    Module['_free'](ptr);
  }
  function deliver(text) { callWithText('_dongelek_on_text', text); }
  function deliverPaste(text) { callWithText('_dongelek_on_paste', text); }
  function takeTyped() {
    var text = sink.value.replace(/[\r\n]+/g, ''); // Enter is a key for ImGui, not text
    sink.value = '';
    deliver(text);
  }
  sink.addEventListener('input', function (e) { if (!e.isComposing) takeTyped(); });
  sink.addEventListener('compositionend', takeTyped);

  var fallbackTimer = 0;
  window.addEventListener('keydown', function (e) {
    var isV = e.code === 'KeyV' || e.key === 'v' || e.key === 'V';
    if ((e.ctrlKey || e.metaKey) && !e.altKey && isV) {
      e.stopImmediatePropagation(); // not preventDefault: the browser must go on to paste
      clearTimeout(fallbackTimer);
      fallbackTimer = setTimeout(function () {
        if (navigator.clipboard && navigator.clipboard.readText)
          navigator.clipboard.readText().then(deliverPaste, function () {});
      }, 250);
      return;
    }
    // Without a field being edited, a printable key is a key (Space activates, "/" finds the
    // search): SDL and ImGui get it. While one is edited, the textarea types it.
    if (document.activeElement !== sink || !wantText) return;
    var altGr = !!(e.getModifierState && e.getModifierState('AltGraph'));
    var printable = !!e.key && e.key.length === 1 && (altGr || !(e.ctrlKey || e.metaKey || e.altKey));
    if (printable || e.isComposing || e.keyCode === 229) e.stopImmediatePropagation();
  }, true);
  window.addEventListener('keypress', function (e) {
    if (document.activeElement === sink) e.stopImmediatePropagation();
  }, true);
  document.addEventListener('paste', function (e) {
    clearTimeout(fallbackTimer);
    var text = e.clipboardData ? e.clipboardData.getData('text/plain') : '';
    e.preventDefault();
    deliverPaste(text);
  });
})();

// [SECTION] History: Back/Forward re-route the app (handled between frames).
window.addEventListener('popstate', function () {
  if (Module['dongelekHookReady']) Module['_dongelek_on_popstate']();
});

// [SECTION] Idle: the app draws only when a frame is due. Any input it may react to wakes it;
// listened to in the capture phase, before SDL's own handlers (which only queue the events).
(function () {
  function wake() { if (Module['_dongelek_wake']) Module['_dongelek_wake'](); }
  ['pointerdown', 'pointermove', 'pointerup', 'pointercancel', 'mousedown', 'mousemove', 'mouseup', 'wheel',
   'touchstart', 'touchmove', 'touchend', 'touchcancel', 'keydown', 'keyup', 'focus', 'blur', 'resize']
    .forEach(function (type) { window.addEventListener(type, wake, { capture: true, passive: true }); });
  document.addEventListener('visibilitychange', wake);
  if (window.visualViewport) window.visualViewport.addEventListener('resize', wake);
})();

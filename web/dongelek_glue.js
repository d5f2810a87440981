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
// Typed text reaches the app through a hidden field that holds the keyboard focus, as the
// browser delivers it: plain keys, IME compositions, on-screen keyboards, dead keys and
// automation's insertText alike. Printable keys are kept from SDL (which would type them a
// second time and cancel the field's input); every other key (Backspace, arrows, Enter,
// Ctrl/Cmd shortcuts) still goes to SDL and ImGui. Ctrl/Cmd+V is kept from SDL as well
// (SDL cancels it, and with it the browser's paste event); the pasted text then goes to ImGui's
// own paste (dongelek_on_paste).
// Two hidden fields: a <textarea> for ordinary text, and an <input> that takes on what the
// app's field is for (type email/password/tel, autocomplete username/current-password/
// new-password/one-time-code/tel, inputmode), so password managers and the phone's keyboard
// treat it as that field; it sits over the app's field while it is edited, so the browser's
// suggestions open under it. A password manager's fill (not typing) replaces the app field's
// text (dongelek_item_value).
// On touch screens the hidden field is focused only while a field is being edited, so the
// on-screen keyboard shows exactly then.
(function () {
  function makeSink(tag, id) {
    var el = document.createElement(tag);
    el.id = id;
    el.setAttribute('aria-hidden', 'true');
    el.setAttribute('autocomplete', 'off');
    el.setAttribute('autocapitalize', 'off');
    el.setAttribute('spellcheck', 'false');
    el.tabIndex = -1;
    place(el, null);
    document.body.appendChild(el);
    return el;
  }
  // 16 px: iOS zooms the page into any focused field with a smaller font.
  function place(el, rect) {
    var at = rect ? 'left:' + rect.x + 'px;top:' + rect.y + 'px;width:' + Math.max(1, rect.w) + 'px;height:' +
      Math.max(1, rect.h) + 'px;' : 'left:0;top:0;width:1px;height:1px;';
    el.style.cssText = 'position:fixed;' + at + 'opacity:0;border:0;padding:0;margin:0;resize:none;overflow:hidden;' +
                       'pointer-events:none;z-index:-1;font-size:16px;color:transparent;background:transparent;';
  }
  var area = makeSink('textarea', 'dongelek-text');
  var input = makeSink('input', 'dongelek-field');
  input.type = 'text';
  var sink = area;          // the one in use
  var sinkFor = '';         // the hook id of the field it stands for
  function isSink(el) { return el === area || el === input; }
  var coarse = !!(window.matchMedia && window.matchMedia('(pointer: coarse)').matches);
  var wantText = false;
  // Between fields the textarea keeps the focus on desktops (the first key of a field clicked
  // into is not lost), except while the keyboard focus is on a control of the page's mirror.
  function focusSink() {
    var a = document.activeElement;
    var inMirror = a && a.closest && a.closest('#dongelek-mirror');
    if ((wantText || (!coarse && !inMirror)) && a !== sink) sink.focus({ preventScroll: true });
  }
  // Not type=email: an email input drops the spaces it holds, and keys that arrive while it still
  // stands for the previous field (a password typed after Tab) would lose theirs. inputmode and
  // autocomplete tell the phone and the password manager what it is.
  function inputType(it) {
    var t = it.inputtype || '';
    return t === 'password' || t === 'tel' ? t : 'text';
  }
  // Makes the hidden field the app's field `it` (an item of the test hook), or plain text.
  function setupFor(it) {
    var special = !!(it && (it.inputtype || it.autocomplete));
    var next = special ? input : area;
    if (special) {
      if (input.type !== inputType(it)) input.type = inputType(it);
      input.setAttribute('autocomplete', it.autocomplete || 'on');
      input.setAttribute('name', it.id);
      input.setAttribute('autocapitalize', 'off');
      input.setAttribute('autocorrect', 'off');
    }
    var mode = (it && it.inputmode) || 'text';
    next.setAttribute('inputmode', mode);
    next.setAttribute('enterkeyhint', mode === 'search' ? 'search' : special ? 'go' : 'done');
    next.setAttribute('aria-label', (it && it.label) || '');
    place(next, it && wantText ? it.rect : null);
    sinkFor = it ? it.id : '';
    if (next !== sink) {
      var hadFocus = document.activeElement === sink;
      place(sink, null);
      sink.setAttribute('aria-hidden', 'true');
      sink = next;
      if (hadFocus || wantText) sink.focus({ preventScroll: true });
    }
    if (wantText) sink.removeAttribute('aria-hidden');
  }
  function editedItem() {
    if (!Module['dongelekHookReady']) return null;
    var st = window.dongelek.state();
    if (!st.editing) return null;
    return window.dongelek.items().filter(function (i) { return i.id === st.editing; })[0] || null;
  }
  // After a frame whose content changed: the field being edited may be another one now (Tab
  // from the email to the password keeps text input on).
  Module['dongelekSyncTextField'] = function () {
    if (!wantText) return;
    var it = editedItem();
    if (it && it.id !== sinkFor) setupFor(it);
  };
  Module['dongelekSetTextInput'] = function (want) {
    wantText = !!want;
    Module['dongelekWantsText'] = wantText;
    // While a field is edited the hidden field is that field for a screen reader too.
    if (wantText) {
      setupFor(editedItem());
    } else {
      sink.setAttribute('aria-hidden', 'true');
      place(sink, null);
    }
    if (wantText || !coarse) focusSink();
    else if (document.activeElement === sink) sink.blur();
  };
  area.addEventListener('blur', function () { setTimeout(focusSink, 0); });
  input.addEventListener('blur', function () { setTimeout(focusSink, 0); });

  // Phones raise their keyboard only for a focus() made inside the touch's own handler (iOS
  // is strict about it): so a tap on a text field of the last frame focuses the hidden field
  // right here, set up for that field (digits for numbers, a search key for the search, an
  // email or password field for sign-in), before the app has even drawn the frame that
  // activates the field.
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
      wantText = true;
      setupFor(it);
      sink.focus({ preventScroll: true });
      return;
    }
  }, { capture: true, passive: true });
  window.addEventListener('focus', focusSink);
  focusSink();

  function callWithText(fn, text, extra) {
    if (!text || !Module['dongelekHookReady']) return;
    var size = lengthBytesUTF8(text) + 1;
    var ptr = Module['_malloc'](size);
    stringToUTF8(text, ptr, size);
    Module[fn](ptr);
    Module['_free'](ptr);
  }
  function deliver(text) { callWithText('_dongelek_on_text', text); }
  function deliverPaste(text) { callWithText('_dongelek_on_paste', text); }
  // A field's whole new text (a password manager's fill), for the app's field `id`.
  function deliverValue(id, value) {
    if (!id || !Module['dongelekHookReady'] || !Module['_dongelek_item_value']) return;
    var n = lengthBytesUTF8(id) + 1, m = lengthBytesUTF8(value) + 1;
    var pi = Module['_malloc'](n), pv = Module['_malloc'](m);
    stringToUTF8(id, pi, n);
    stringToUTF8(value, pv, m);
    Module['_dongelek_item_value'](pi, pv);
    Module['_free'](pi);
    Module['_free'](pv);
  }
  Module['dongelekDeliverValue'] = deliverValue;
  function takeTyped(el) {
    var text = el.value.replace(/[\r\n]+/g, ''); // Enter is a key for ImGui, not text
    el.value = '';
    deliver(text);
  }
  area.addEventListener('input', function (e) { if (!e.isComposing) takeTyped(area); });
  area.addEventListener('compositionend', function () { takeTyped(area); });
  input.addEventListener('input', function (e) {
    if (e.isComposing) return;
    // Autofill is not typing: it replaces what the field holds.
    var filled = !(typeof InputEvent !== 'undefined' && e instanceof InputEvent) || !e.inputType ||
                 e.inputType === 'insertReplacementText';
    if (filled && sinkFor) {
      var value = input.value;
      input.value = '';
      deliverValue(sinkFor, value);
      return;
    }
    takeTyped(input);
  });
  input.addEventListener('compositionend', function () { takeTyped(input); });

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
    // search): SDL and ImGui get it. While one is edited, the hidden field types it.
    if (!isSink(document.activeElement) || !wantText) return;
    var altGr = !!(e.getModifierState && e.getModifierState('AltGraph'));
    var printable = !!e.key && e.key.length === 1 && (altGr || !(e.ctrlKey || e.metaKey || e.altKey));
    if (printable || e.isComposing || e.keyCode === 229) e.stopImmediatePropagation();
  }, true);
  window.addEventListener('keypress', function (e) {
    if (isSink(document.activeElement)) e.stopImmediatePropagation();
  }, true);
  document.addEventListener('paste', function (e) {
    var a = document.activeElement;
    if (a && a.tagName === 'INPUT' && a.closest && a.closest('#dongelek-mirror')) return; // the mirror's own field
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

// [SECTION] Semantic mirror: for screen readers and the browser, what the last frame drew as
// accessible DOM (the approach of Flutter web's semantics tree). Each item of the test hook
// with a role becomes an element in reading order (links are real <a href>, buttons <button>,
// headings <h1>/<h2>, texts <p>, text fields <input> with their label, type, autocomplete and
// error), inside a <form> so password managers see a sign-in or sign-up form, placed over where
// it is drawn, invisible and click-through. It is rebuilt only when the frame's content changed
// (the app calls Module.dongelekMirror), focus is kept in step both ways, a screen reader's
// press reaches the app's item, and what is typed or filled into a mirror field becomes the
// app field's text (Enter in it sends the app's form).
(function () {
  var root = null;
  var nodes = new Map();      // hook id -> element
  var focusedId = '';
  var ourFocus = false;       // a focus() made here, not by the user or a screen reader
  var lang = 'en';
  function request(kind, id) {
    if (!Module['_dongelek_item_request']) return;
    var k = lengthBytesUTF8(kind) + 1, n = lengthBytesUTF8(id) + 1;
    var pk = Module['_malloc'](k), pn = Module['_malloc'](n);
    stringToUTF8(kind, pk, k);
    stringToUTF8(id, pn, n);
    Module['_dongelek_item_request'](pk, pn);
    Module['_free'](pk);
    Module['_free'](pn);
  }
  function ensureRoot() {
    if (root) return root;
    var main = document.createElement('main');
    main.id = 'dongelek-mirror';
    // opacity 0: invisible but in the accessibility tree (unlike visibility or display), and
    // not a "largest contentful paint" candidate (the app's pixels are on the canvas).
    main.style.cssText = 'position:fixed;left:0;top:0;width:100%;height:100%;overflow:hidden;pointer-events:none;' +
                         'z-index:1;color:transparent;background:none;margin:0;padding:0;opacity:0;';
    // The items go into a form: password managers look for their fields in one. It is never
    // submitted (the app sends its forms itself).
    root = document.createElement('form');
    root.id = 'dongelek-form';
    root.setAttribute('novalidate', '');
    root.setAttribute('autocomplete', 'on');
    root.setAttribute('action', '#');
    root.style.cssText = 'margin:0;padding:0;';
    root.addEventListener('submit', function (e) { e.preventDefault(); });
    main.appendChild(root);
    document.body.appendChild(main);
    // The server's page for this address (for search engines and readers without JavaScript)
    // gives way to the live mirror.
    // (Hidden rather than removed: a removed element would also take back the page's first
    // "largest contentful paint", which browsers and Lighthouse measure the page by.)
    var ssr = document.getElementById('page-content');
    if (ssr) ssr.hidden = true;
    root.addEventListener('focusin', function (e) {
      var id = e.target && e.target.dataset && e.target.dataset.hook;
      if (!ourFocus && id && id !== focusedId) { focusedId = id; request('focus', id); }
    });
    root.addEventListener('click', function (e) {
      var el = e.target && e.target.closest ? e.target.closest('[data-hook]') : null;
      if (!el || el.tagName === 'INPUT') return; // a field takes the caret, it is not pressed
      e.preventDefault(); // a link opens in the app, not as a new page load
      request('activate', el.dataset.hook);
    });
    // Typed (a screen reader's user) or filled (a password manager) into a mirror field.
    root.addEventListener('input', function (e) {
      var el = e.target;
      if (!el || el.tagName !== 'INPUT' || !el.dataset.hook) return;
      el.dataset.appValue = el.value;
      if (Module['dongelekDeliverValue']) Module['dongelekDeliverValue'](el.dataset.hook, el.value);
    });
    return root;
  }
  function domId(hookId) { return 'm-' + hookId.replace(/[^A-Za-z0-9_-]/g, '_'); }
  function tagFor(it) {
    switch (it.role) {
      case 'link': return 'a';
      case 'button': return 'button';
      case 'heading': return /(^|\.)title$/.test(it.id) ? 'h1' : 'h2'; // the page's own title
      case 'text': return 'p';
      case 'textbox': return it.multiline ? 'textarea' : 'input';
      default: return 'div';
    }
  }
  function make(it) {
    var el = document.createElement(tagFor(it));
    el.dataset.hook = it.id;
    el.dataset.role = it.role;
    el.id = domId(it.id);
    if (it.role === 'button') el.type = 'button';
    if (['combobox', 'option', 'img', 'radio', 'checkbox', 'progressbar'].indexOf(it.role) >= 0) el.setAttribute('role', it.role);
    if (it.role === 'progressbar') { el.setAttribute('aria-valuemin', '0'); el.setAttribute('aria-valuemax', '100'); }
    if (['link', 'button', 'textbox', 'combobox', 'option', 'radio', 'checkbox'].indexOf(it.role) >= 0) el.tabIndex = -1;
    el.style.cssText = 'position:absolute;left:0;top:0;width:0;height:0;' +
      'margin:0;padding:0;border:0;background:none;color:transparent;font-size:12px;line-height:1;overflow:hidden;' +
      'white-space:nowrap;pointer-events:none;outline:none;';
    return el;
  }
  // Each rebuild writes only what changed: while a list moves, every element's place changes, and
  // rewriting each one's whole style and every attribute cost more than the app's frames.
  function setAttr(el, name, value) { if (el.getAttribute(name) !== value) el.setAttribute(name, value); }
  function dropAttr(el, name) { if (el.hasAttribute(name)) el.removeAttribute(name); }
  function place(el, r) {
    var key = r.x + ',' + r.y + ',' + r.w + ',' + r.h;
    if (el.dongelekPlace === key) return;
    el.dongelekPlace = key;
    var s = el.style;
    s.left = r.x + 'px';
    s.top = r.y + 'px';
    s.width = r.w + 'px';
    s.height = r.h + 'px';
  }
  // A text field of the app as an <input> a password manager and a screen reader understand.
  function updateInput(el, it) {
    var t = it.inputtype === 'password' || it.inputtype === 'email' || it.inputtype === 'tel' ? it.inputtype : 'text';
    if (el.tagName === 'INPUT' && el.type !== t) el.type = t; // a <textarea>'s type is fixed
    if (el.name !== it.id) el.name = it.id;
    setAttr(el, 'aria-label', it.label || '');
    setAttr(el, 'autocomplete', it.autocomplete || 'off');
    if (it.inputmode) setAttr(el, 'inputmode', it.inputmode);
    else dropAttr(el, 'inputmode');
    if (it.invalid) setAttr(el, 'aria-invalid', 'true');
    else dropAttr(el, 'aria-invalid');
    if (it.describedby) setAttr(el, 'aria-describedby', domId(it.describedby));
    else dropAttr(el, 'aria-describedby');
    // The app's text, unless the person (or their password manager) changed the field since.
    var value = it.value || '';
    if (el.dataset.appValue !== value) {
      if (document.activeElement !== el || el.value === el.dataset.appValue) el.value = value;
      el.dataset.appValue = value;
    }
  }
  function withLang(href) {
    // Only the app's own addresses carry the language; tel:, wa.me and t.me links stay as they are.
    if (lang === 'en' || !href || href.charAt(0) !== '/') return href;
    return href + (href.indexOf('?') < 0 ? '?' : '&') + 'lang=' + lang;
  }
  function update(el, it) {
    var text = it.label || '';
    if (it.role === 'text' && it.value) text = text + ': ' + it.value;
    if (it.detail) text = text + ', ' + it.detail;
    if (it.role === 'combobox') {
      setAttr(el, 'aria-label', it.label || '');
      text = it.value || '';
    }
    if (it.role === 'textbox') updateInput(el, it);
    else if (it.role === 'img') setAttr(el, 'aria-label', text);
    else if (it.role === 'progressbar') {
      setAttr(el, 'aria-label', it.label || '');
      setAttr(el, 'aria-valuenow', it.value || '0');
    }
    else if (el.textContent !== text) el.textContent = text;
    if (it.role === 'link') setAttr(el, 'href', withLang(it.href));
    if (it.role === 'option') setAttr(el, 'aria-selected', it.selected ? 'true' : 'false');
    else if (it.role === 'radio' || it.role === 'checkbox') setAttr(el, 'aria-checked', it.selected ? 'true' : 'false');
    else if (it.selected) setAttr(el, 'aria-current', 'true');
    else dropAttr(el, 'aria-current');
    if (it.pressed !== undefined) setAttr(el, 'aria-pressed', it.pressed ? 'true' : 'false');
    if (it.role === 'button') { if (el.disabled !== !!it.disabled) el.disabled = !!it.disabled; }
    else if (it.disabled) setAttr(el, 'aria-disabled', 'true');
    else dropAttr(el, 'aria-disabled');
    place(el, it.rect);
  }
  // Built when the browser is idle (soon after the frame, within 150 ms at the latest), so the
  // app's frames never wait for the DOM work; and at most every 200 ms while the screen keeps
  // changing (a fling through the results changes it every frame, and rebuilding the copy each
  // time cost the main thread more than the frames themselves). The last change is always built.
  var mirrorPending = false;
  var mirrorBuiltAt = -1e9;
  var kMirrorEveryMs = 200;
  Module['dongelekMirror'] = function () {
    if (Module['dongelekSyncTextField']) Module['dongelekSyncTextField'](); // at once: keys follow
    if (mirrorPending) return;
    mirrorPending = true;
    var run = function () { mirrorPending = false; mirrorBuiltAt = performance.now(); buildMirror(); };
    var soon = function () {
      if (window.requestIdleCallback) window.requestIdleCallback(run, { timeout: 150 });
      else setTimeout(run, 0);
    };
    var wait = mirrorBuiltAt + kMirrorEveryMs - performance.now();
    if (wait > 0) setTimeout(soon, wait);
    else soon();
  };
  function buildMirror() {
    ensureRoot();
    var items = JSON.parse(UTF8ToString(Module['_dongelek_hook_items_all']()));
    var state = window.dongelek.state();
    lang = state.lang || 'en';
    var keep = new Set();
    var cursor = { parent: root, after: null };
    var combos = {};
    items.forEach(function (it) {
      if (!it.role) return;
      keep.add(it.id);
      var el = nodes.get(it.id);
      if (!el || el.dataset.role !== it.role) {
        if (el) el.remove();
        el = make(it);
        nodes.set(it.id, el);
      }
      update(el, it);
      var parent = root;
      if (it.role === 'combobox') {
        combos[it.id] = el;
        el.setAttribute('aria-expanded', 'false');
      }
      if (it.role === 'option') {
        // Options live in a listbox owned by their combo ("<combo>.option:<value>").
        var comboId = it.id.split('.option:')[0];
        var boxId = comboId + '.listbox';
        keep.add(boxId);
        var box = nodes.get(boxId);
        if (!box) {
          box = document.createElement('div');
          box.setAttribute('role', 'listbox');
          box.id = 'mirror-' + boxId.replace(/[^A-Za-z0-9_-]/g, '_');
          nodes.set(boxId, box);
        }
        var combo = combos[comboId] || nodes.get(comboId);
        if (combo) {
          combo.setAttribute('aria-expanded', 'true');
          combo.setAttribute('aria-controls', box.id);
          box.setAttribute('aria-label', combo.getAttribute('aria-label') || '');
        }
        if (box.parentNode !== root || cursor.parent !== box) {
          if (box.previousSibling !== cursor.after || box.parentNode !== root)
            root.insertBefore(box, cursor.after ? cursor.after.nextSibling : root.firstChild);
          cursor = { parent: box, after: null, box: box };
        }
        parent = box;
      } else if (cursor.parent !== root) {
        cursor = { parent: root, after: cursor.box };
      }
      var expectedPrev = cursor.after;
      if (el.parentNode !== parent || el.previousSibling !== expectedPrev)
        parent.insertBefore(el, expectedPrev ? expectedPrev.nextSibling : parent.firstChild);
      cursor.after = el;
    });
    nodes.forEach(function (el, id) {
      if (!keep.has(id)) { el.remove(); nodes.delete(id); }
    });
    // The app's keyboard focus, for the screen reader (unless a field is being typed into).
    if (state.focus !== focusedId) {
      focusedId = state.focus;
      var target = focusedId && nodes.get(focusedId);
      if (target && !Module['dongelekWantsText']) {
        ourFocus = true;
        target.focus({ preventScroll: true });
        ourFocus = false;
      }
    }
  }

  // Enter or Space on a mirror element is the app's key (SDL hears it): no second, browser-made click.
  // In a mirror field the keys edit that field (not the app's focus), and Enter sends the form.
  function inMirrorField(a) { return root && a && a.tagName === 'INPUT' && root.contains(a); }
  window.addEventListener('keydown', function (e) {
    var a = document.activeElement;
    if (inMirrorField(a)) {
      if (e.key === 'Tab' || e.key === 'Escape') return; // the app moves its focus, as elsewhere
      e.stopImmediatePropagation();
      if (e.key === 'Enter') {
        e.preventDefault();
        request('submit', a.dataset.hook);
      }
      return;
    }
    if (root && a && root.contains(a) && (e.key === 'Enter' || e.key === ' ')) e.preventDefault();
  }, true);
  ['keypress', 'keyup'].forEach(function (type) {
    window.addEventListener(type, function (e) {
      if (inMirrorField(document.activeElement) && e.key !== 'Tab' && e.key !== 'Escape') e.stopImmediatePropagation();
    }, true);
  });

  // Links over the canvas: Ctrl/Cmd+click and the middle button open the address in a new tab,
  // and the right button gets the browser's link menu ("Open link in new tab", "Copy link").
  function linkAt(x, y) {
    if (!Module['dongelekHookReady']) return null;
    var items = window.dongelek.items();
    for (var i = items.length - 1; i >= 0; i--) {
      var it = items[i], r = it.rect;
      if (it.role === 'link' && it.href && x >= r.x && x <= r.x + r.w && y >= r.y && y <= r.y + r.h) return it;
    }
    return null;
  }
  var swallowUp = false, menuLink = null;
  window.addEventListener('mousedown', function (e) {
    if (menuLink) { menuLink.style.pointerEvents = 'none'; menuLink = null; }
    if (e.target && e.target.id !== 'canvas') return;
    var link = linkAt(e.clientX, e.clientY);
    if (!link) return;
    if (e.button === 2) {
      // The context menu is the browser's over this link: let it be the element under the pointer.
      menuLink = nodes.get(link.id);
      if (menuLink) menuLink.style.pointerEvents = 'auto';
      return;
    }
    if (e.button === 1 || (e.button === 0 && (e.ctrlKey || e.metaKey))) {
      e.preventDefault();
      e.stopImmediatePropagation(); // the app must not also open it here
      swallowUp = true;
      window.open(withLang(link.href), '_blank');
    }
  }, true);
  window.addEventListener('mouseup', function (e) {
    if (swallowUp) { swallowUp = false; e.stopImmediatePropagation(); }
  }, true);
  window.addEventListener('mousemove', function () {
    if (menuLink) { menuLink.style.pointerEvents = 'none'; menuLink = null; }
  }, true);
})();

// [SECTION] Browser zoom: Ctrl/Cmd with + - 0, Ctrl/Cmd+wheel and trackpad pinches (which
// arrive as Ctrl+wheel) belong to the browser, which SDL would otherwise cancel; a two-finger
// pinch on a touch screen is the browser's too, and the app's own finger is let go when it starts.
// Only a pinch with both fingers on a listing's photo is the app's: it zooms the photo
// (Module._dongelek_pinch), and the page stays as it is.
(function () {
  var zoomKeys = { Equal: 1, Minus: 1, Digit0: 1, NumpadAdd: 1, NumpadSubtract: 1, Numpad0: 1 };
  window.addEventListener('keydown', function (e) {
    if ((e.ctrlKey || e.metaKey) && !e.altKey && (zoomKeys[e.code] || e.key === '+' || e.key === '-' || e.key === '='))
      e.stopImmediatePropagation();
  }, true);
  window.addEventListener('wheel', function (e) {
    if (e.ctrlKey || e.metaKey) e.stopImmediatePropagation();
  }, { capture: true, passive: true });
  var pinching = false, cancelling = false, appPinch = null;
  function photoRect() {
    if (!Module['dongelekHookReady']) return null;
    var items = window.dongelek.items();
    // The full-screen viewer's photo, when it is open, is over the page's.
    var main = null;
    for (var i = 0; i < items.length; i++) {
      if (items[i].id === 'viewer.photo') return items[i].rect;
      if (items[i].id === 'photo.main') main = items[i].rect;
    }
    return main;
  }
  function span(e) {
    var a = e.touches[0], b = e.touches[1];
    return { d: Math.max(1, Math.hypot(a.clientX - b.clientX, a.clientY - b.clientY)),
             x: (a.clientX + b.clientX) / 2, y: (a.clientY + b.clientY) / 2 };
  }
  function sendPinch(active, scale, x, y) {
    if (Module['_dongelek_pinch']) Module['_dongelek_pinch'](active ? 1 : 0, scale, x, y);
  }
  function pinch(e) {
    if (cancelling) return; // our own touchcancel, on its way to SDL
    if (e.type === 'touchstart' && e.touches.length > 1 && !pinching) {
      pinching = true;
      var r = photoRect();
      var on = function (t) { return r && t.clientX >= r.x && t.clientX <= r.x + r.w && t.clientY >= r.y && t.clientY <= r.y + r.h; };
      if (on(e.touches[0]) && on(e.touches[1])) {
        appPinch = span(e);
        sendPinch(true, 1, appPinch.x, appPinch.y); // before SDL hears the first finger let go
      }
      // SDL saw the first finger go down: tell it the touch was cancelled, so nothing scrolls or clicks.
      var canvas = document.getElementById('canvas');
      cancelling = true;
      try {
        canvas.dispatchEvent(new TouchEvent('touchcancel', { changedTouches: [e.touches[0]], touches: [],
                                                             targetTouches: [], bubbles: true, cancelable: true }));
      } catch (err) { /* TouchEvent construction unsupported: the app may see a short drag */ }
      cancelling = false;
    }
    if (appPinch) {
      if (e.cancelable) e.preventDefault(); // the photo zooms, not the page
      if (e.type === 'touchmove' && e.touches.length > 1) {
        var now = span(e);
        sendPinch(true, now.d / appPinch.d, now.x, now.y);
      }
      if ((e.type === 'touchend' || e.type === 'touchcancel') && e.touches.length < 2) {
        appPinch = null;
        sendPinch(false, 1, 0, 0);
      }
    }
    if (pinching) e.stopImmediatePropagation();
    if (pinching && (e.type === 'touchend' || e.type === 'touchcancel') && e.touches.length === 0) pinching = false;
  }
  ['touchstart', 'touchmove', 'touchend', 'touchcancel'].forEach(function (t) {
    window.addEventListener(t, pinch, { capture: true, passive: false });
  });
})();

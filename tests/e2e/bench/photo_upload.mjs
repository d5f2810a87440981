// Photo-upload benchmark: the time from handing 20 phone-camera photos (12 MP, 4000x3000 JPEG,
// 3-5 MB each) to the seller's editor to all of them prepared on the device (decoded, checked
// and made 1600 px in the photo worker, platform/photo_pick_web.cpp) and to all of them uploaded,
// in headless Chromium against the real server. The photos are drawn once per run of the bench
// by Chromium itself (an OffscreenCanvas: gradients, shapes, a car, fine texture and sensor
// noise, its own JPEG encoder at quality 0.92) and saved to a temporary folder; each repetition
// is a fresh browser context and a new draft of the same seller, the files picked through the
// file chooser on editor.photos.add as a user does. While it runs, the page records how the
// main thread fares: the app's frame function time of every frame (frameMs.last, read after
// each display frame), the longest gap between two display frames (requestAnimationFrame; with
// SwiftShader on two cores this is mostly the software GPU's own SwapBuffers, not the page),
// Chromium's long tasks (> 50 ms) and the main thread's share of busy time. The bench starts its own server (a seller's account needs
// the database: made as tests/e2e/editor.test.mjs makes one), on a small demo catalog.
// Usage: node bench/photo_upload.mjs [repetitions] [photos]   (defaults 3, 20)
// Prints JSON for scripts/bench.sh.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appDriver, launchBrowser, repoRoot, serverBin, startServer } from '../lib/harness.mjs';
import { press, reveal } from '../lib/page_moves.mjs';

const repetitions = Number(process.argv[2] ?? 3);
const count = Number(process.argv[3] ?? 20);
const password = 'correct horse battery staple';
const email = 'bench-photos@example.kz';

// One 12 MP photo, drawn and encoded in the page: its JPEG bytes (base64). Each seed gives a
// different picture; the noise's strength varies so the sizes spread as a phone's do.
async function drawPhoto(page, seed) {
  return page.evaluate(async (seed) => {
    let x = (seed * 2654435761) >>> 0 || 1;
    const rnd = () => { x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0; return x / 4294967296; };
    const W = 4000, H = 3000;
    const c = new OffscreenCanvas(W, H), g = c.getContext('2d');
    const sky = g.createLinearGradient(0, 0, 0, H * 0.55);
    sky.addColorStop(0, `hsl(${200 + rnd() * 30},60%,${45 + rnd() * 20}%)`);
    sky.addColorStop(1, `hsl(${190 + rnd() * 30},40%,85%)`);
    g.fillStyle = sky;
    g.fillRect(0, 0, W, H * 0.55);
    const ground = g.createLinearGradient(0, H * 0.55, 0, H);
    ground.addColorStop(0, `hsl(${20 + rnd() * 80},25%,45%)`);
    ground.addColorStop(1, `hsl(${20 + rnd() * 80},20%,25%)`);
    g.fillStyle = ground;
    g.fillRect(0, H * 0.55, W, H * 0.45);
    for (let i = 0; i < 400; i++) { // the scene: buildings, trees, signs
      g.fillStyle = `hsla(${rnd() * 360},${20 + rnd() * 60}%,${20 + rnd() * 60}%,${0.2 + rnd() * 0.6})`;
      g.beginPath();
      if (rnd() < 0.5) g.ellipse(rnd() * W, rnd() * H, 10 + rnd() * 300, 10 + rnd() * 200, rnd() * 3, 0, 7);
      else g.roundRect(rnd() * W, rnd() * H, 20 + rnd() * 600, 20 + rnd() * 300, rnd() * 60);
      g.fill();
    }
    const cx = W * (0.3 + rnd() * 0.4), cy = H * 0.62, hue = rnd() * 360; // the car
    const body = g.createLinearGradient(0, cy - 500, 0, cy + 300);
    body.addColorStop(0, `hsl(${hue},50%,70%)`);
    body.addColorStop(1, `hsl(${hue},50%,25%)`);
    g.fillStyle = body;
    g.beginPath(); g.roundRect(cx - 1300, cy - 300, 2600, 600, 200); g.fill();
    g.beginPath(); g.roundRect(cx - 800, cy - 750, 1500, 550, 250); g.fill();
    g.fillStyle = 'rgba(30,40,60,0.85)';
    g.beginPath(); g.roundRect(cx - 700, cy - 680, 600, 420, 80); g.roundRect(cx, cy - 680, 600, 420, 80); g.fill();
    for (const wx of [cx - 800, cx + 800]) {
      g.fillStyle = '#111'; g.beginPath(); g.arc(wx, cy + 300, 330, 0, 7); g.fill();
      g.fillStyle = '#999'; g.beginPath(); g.arc(wx, cy + 300, 170, 0, 7); g.fill();
    }
    g.lineWidth = 2;
    for (let i = 0; i < 6000; i++) { // grass and gravel
      const px = rnd() * W, py = H * 0.55 + rnd() * H * 0.45;
      g.strokeStyle = `hsla(${60 + rnd() * 80},40%,${20 + rnd() * 40}%,0.6)`;
      g.beginPath(); g.moveTo(px, py); g.lineTo(px + (rnd() - 0.5) * 30, py - 10 - rnd() * 50); g.stroke();
    }
    const amp = 14 + rnd() * 12; // sensor noise
    const img = g.getImageData(0, 0, W, H), d = img.data;
    for (let i = 0; i < d.length; i += 4) {
      const n = (rnd() - 0.5) * amp;
      d[i] += n + (rnd() - 0.5) * amp * 0.5;
      d[i + 1] += n;
      d[i + 2] += n + (rnd() - 0.5) * amp * 0.5;
    }
    g.putImageData(img, 0, 0);
    const blob = await c.convertToBlob({ type: 'image/jpeg', quality: 0.92 });
    const url = await new Promise((resolve) => { const r = new FileReader(); r.onload = () => resolve(r.result); r.readAsDataURL(blob); });
    return url.slice(url.indexOf(',') + 1);
  }, seed);
}

// A seller's account with a confirmed phone, as tests/e2e/editor.test.mjs makes one.
function makeSeller(server) {
  const db = join(server.dir, 'test.sqlite');
  execFileSync(serverBin, ['admin', 'create', '--email', email, '--name', 'Aigerim', '--db', db,
    '--locales-dir', join(repoRoot, 'locales'), '--media-dir', join(server.dir, 'media')],
  { input: password + '\n', stdio: ['pipe', 'ignore', 'ignore'] });
  execFileSync('python3', ['-c', `import sqlite3,sys
c = sqlite3.connect(sys.argv[1], timeout=10)
c.execute("UPDATE users SET role = 'seller', phone = ? WHERE email = ?", (sys.argv[3], sys.argv[2]))
c.commit()`, db, email, '+77015550199']);
}

// In the page, before the files are picked: from the file input's change event (the moment the
// browser hands the files over) until every photo is uploaded, after each display frame, the
// app's state and the main thread's frame timing.
function installProbe(count) {
  const b = (window.__bench = { t0: null, firstPrepared: null, prepared: null, firstUploaded: null, uploaded: null,
    maxFrameMs: 0, frames: 0, unseenFrames: 0, maxGapMs: 0, maxGapAt: 0, gapsOver50: 0, longTasks: [], timedOut: false, last: null });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (b.t0 != null && b.uploaded == null && e.startTime >= b.t0) b.longTasks.push({ at: Math.round(e.startTime - b.t0), ms: Math.round(e.duration) });
  }).observe({ type: 'longtask' });
  document.addEventListener('change', () => {
    if (b.t0 != null) return;
    b.t0 = performance.now();
    const first = window.dongelek.state().frames;
    let seen = first, lastT = b.t0;
    const tick = (now) => {
      if (now - lastT > b.maxGapMs) { b.maxGapMs = now - lastT; b.maxGapAt = Math.round(lastT - b.t0); }
      if (now - lastT > 50) b.gapsOver50++;
      lastT = now;
      const s = window.dongelek.state();
      const e = s.editor ?? {}, photos = e.photos ?? [], t = performance.now() - b.t0;
      if (s.frames > seen) {
        // One new frame since the last look: its own time. More (rare): they are not counted.
        if (s.frames - seen === 1) b.maxFrameMs = Math.max(b.maxFrameMs, s.frameMs.last);
        else b.unseenFrames += s.frames - seen;
        seen = s.frames;
      }
      if (b.firstPrepared == null && photos.length > 0) b.firstPrepared = t;
      if (b.prepared == null && photos.length === count && e.preparing === 0) b.prepared = t;
      if (b.firstUploaded == null && photos.some((p) => p.uploaded)) b.firstUploaded = t;
      if (photos.length === count && photos.every((p) => p.uploaded)) {
        b.uploaded = t;
        b.frames = s.frames - first;
        return;
      }
      if (t > 600_000) { b.timedOut = true; b.last = e; return; }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }, true);
}

const dir = mkdtempSync(join(tmpdir(), 'dongelek-bench-photos-'));
const server = await startServer({ demoSize: 20 });
const browser = await launchBrowser();
const runs = [];
const files = [], sizes = [];
let generateSeconds = 0;
try {
  // The photos, once.
  const t = Date.now();
  const painter = await browser.newPage();
  for (let i = 0; i < count; i++) {
    const bytes = Buffer.from(await drawPhoto(painter, i + 1), 'base64');
    const path = join(dir, `IMG_${String(1001 + i)}.jpg`);
    writeFileSync(path, bytes);
    files.push(path);
    sizes.push(bytes.length);
  }
  await painter.close();
  generateSeconds = (Date.now() - t) / 1000;

  makeSeller(server);
  for (let r = 0; r < repetitions; r++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(server.url + '/favicon.svg');
    const status = await page.evaluate(async ([e, p]) => (await fetch('/api/v1/auth/login', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: e, password: p }) })).status,
    [email, password]);
    if (status !== 200) throw new Error(`sign-in answered ${status}`);
    await page.goto(server.url + '/sell/new');
    const app = appDriver(page, 'bench-photos');
    await app.waitFor((s) => s.screen === 'editor' && (s.editor?.draftId ?? 0) > 0 && s.editor.sync === 'saved' && s.settled,
      'a new draft', 60_000);
    await press(app, 'editor.step:photos');
    await app.waitFor((s) => s.editor?.step === 'photos' && s.settled, 'the photos step');
    const add = await reveal(app, 'editor.photos.add');
    await page.evaluate(installProbe, count);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const taskSeconds = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration').value;
    const busy0 = await taskSeconds(), wall0 = Date.now();
    const chooser = page.waitForEvent('filechooser');
    await page.mouse.click(add.rect.x + add.rect.w / 2, add.rect.y + add.rect.h / 2);
    await (await chooser).setFiles(files);
    await page.waitForFunction(() => window.__bench.uploaded != null || window.__bench.timedOut, null,
      { timeout: 660_000, polling: 200 });
    // The main thread's task time from just before the click to the end (the probe's own state
    // reads after each display frame included), as a share of the wall time.
    const busy = (await taskSeconds()) - busy0, wall = (Date.now() - wall0) / 1000;
    const b = await page.evaluate(() => window.__bench);
    if (b.timedOut) throw new Error(`the photos were not all uploaded within 10 minutes; last editor state: ${JSON.stringify(b.last)}`);
    runs.push({ preparedMs: Math.round(b.prepared), uploadedMs: Math.round(b.uploaded), firstPreparedMs: Math.round(b.firstPrepared),
      firstUploadedMs: Math.round(b.firstUploaded), maxFrameMs: b.maxFrameMs, frames: b.frames, unseenFrames: b.unseenFrames,
      maxGapMs: Math.round(b.maxGapMs * 10) / 10, maxGapAtMs: b.maxGapAt, gapsOver50: b.gapsOver50,
      mainThreadBusyPct: Math.round((1000 * busy) / wall) / 10, longTasks: b.longTasks.length,
      longestTaskMs: Math.max(0, ...b.longTasks.map((x) => x.ms)), longTaskList: b.longTasks });
    await context.close();
  }
} finally {
  await browser.close();
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
const stats = (key) => {
  const xs = runs.map((r) => r[key]).sort((a, b) => a - b);
  return { median: xs[Math.floor(xs.length / 2)], min: xs[0], max: xs[xs.length - 1] };
};
console.log(JSON.stringify({
  photos: count, width: 4000, height: 3000, sourceBytes: { min: Math.min(...sizes), max: Math.max(...sizes), total: sizes.reduce((a, b) => a + b, 0) },
  generateSeconds, runs, preparedMs: stats('preparedMs'), uploadedMs: stats('uploadedMs'), firstUploadedMs: stats('firstUploadedMs'),
  maxFrameMs: Math.max(...runs.map((r) => r.maxFrameMs)), maxGapMs: Math.max(...runs.map((r) => r.maxGapMs)),
  longTasks: runs.reduce((a, r) => a + r.longTasks, 0), longestTaskMs: Math.max(...runs.map((r) => r.longestTaskMs)),
  mainThreadBusyPct: stats('mainThreadBusyPct'), gapsOver50: runs.map((r) => r.gapsOver50),
  unseenFrames: runs.reduce((a, r) => a + r.unseenFrames, 0),
}));

// Test harness for the browser tests and the page-load benchmark: starts the real
// dongelek-server on a temporary SQLite file, launches Debian's headless Chromium with
// playwright-core, and talks to the app through its window.dongelek test hook.
import { createHmac } from 'node:crypto';
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';

const here = new URL('.', import.meta.url).pathname;
export const repoRoot = join(here, '..', '..', '..');
export const serverBin = process.env.DONGELEK_SERVER_BIN ?? join(repoRoot, 'build/native/src/server/dongelek-server');
export const webDir = process.env.DONGELEK_WEB_DIR ?? join(repoRoot, 'build/web/dist');
export const artifacts = process.env.DONGELEK_ARTIFACTS ?? join(repoRoot, 'build/e2e');

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

// Starts a real server process on a fresh database; resolves once /api/v1/health answers.
export async function startServer({ demoSize = 300, extraArgs = [] } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'dongelek-e2e-'));
  const port = await freePort();
  const proc = spawn(serverBin, [
    '--listen', '127.0.0.1', '--port', String(port),
    '--db', join(dir, 'test.sqlite'), '--media-dir', join(dir, 'media'),
    '--demo-size', String(demoSize), '--web-dir', webDir, '--locales-dir', join(repoRoot, 'locales'), ...extraArgs,
  ], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  proc.stderr.on('data', (d) => { log += d; });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`server exited early (${proc.exitCode}):\n${log}`);
    try {
      const r = await fetch(`${url}/api/v1/health`);
      if (r.ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) throw new Error(`server did not become healthy:\n${log}`);
    await sleep(100);
  }
  return {
    url,
    port,
    dir, // the database is dir/test.sqlite
    log: () => log,
    async stop() {
      proc.kill('SIGTERM');
      await new Promise((r) => (proc.exitCode !== null ? r() : proc.once('exit', r)));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// One server and one browser for all the tests of a file: started before them, stopped after
// them (also when a test fails). Read `fx.server` and `fx.browser` inside the tests.
export function serverAndBrowser({ demoSize, extraArgs = [] }) {
  const fx = { server: null, browser: null };
  before(async () => {
    fx.server = await startServer({ demoSize, extraArgs });
    fx.browser = await launchBrowser();
  });
  after(async () => {
    await fx.browser?.close();
    await fx.server?.stop();
  });
  return fx;
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--use-gl=angle', '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader'],
  });
}

// A page with helpers bound to the app's test hook (see docs/testing.md).
export function appDriver(page, name) {
  mkdirSync(artifacts, { recursive: true });
  const d = {
    page,
    state: () => page.evaluate(() => (window.dongelek ? window.dongelek.state() : null)),
    items: () => page.evaluate(() => (window.dongelek ? window.dongelek.items() : [])),
    async waitFor(pred, what, timeout = 30_000) {
      const deadline = Date.now() + timeout;
      let last;
      for (;;) {
        last = await d.state();
        const items = last ? await d.items() : [];
        if (last && pred(last, items)) return { state: last, items };
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last state: ${JSON.stringify(last)}`);
        await sleep(50);
      }
    },
    // A key, then the state once the app has drawn all of its effect (it handled input since,
    // and has nothing left to show): what a user sees after pressing it.
    async press(key) {
      const before = (await d.state()).inputFrames;
      await page.keyboard.press(key);
      return d.waitFor((s) => s.inputFrames > before && s.settled, `the app at rest after ${key}`);
    },
    async item(id, timeout = 10_000) {
      const { items } = await d.waitFor((_, its) => its.some((i) => i.id === id), `item ${id}`, timeout);
      return items.find((i) => i.id === id);
    },
    async click(id) {
      const it = await d.item(id);
      await page.mouse.click(it.rect.x + it.rect.w / 2, it.rect.y + it.rect.h / 2);
      return it;
    },
    async shot(step) {
      // The page's loading screen fades out over the first frames; picture the app, not the fade.
      await page.waitForFunction(() => {
        const l = document.getElementById('loading');
        return !l || getComputedStyle(l).display === 'none';
      }, null, { timeout: 10_000 }).catch(() => {});
      const path = join(artifacts, `${name}-${step}.png`);
      await page.screenshot({ path });
      return path;
    },
  };
  return d;
}

// A fresh browser context on the fixture's server at `path`, with the app's driver, the context
// (to close) and a CDP session (for touch events).
export async function openApp(fx, name, path, options = { viewport: { width: 1280, height: 800 } }) {
  const context = await fx.browser.newContext(options);
  const page = await context.newPage();
  await page.goto(fx.server.url + path);
  const app = appDriver(page, name);
  app.context = context;
  app.cdp = await context.newCDPSession(page);
  return app;
}

// A one-finger swipe from `from` to `to` through Chromium's touch events, a move per frame.
export async function swipe(app, from, to, steps = 12) {
  const send = (type, points) => app.cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points });
  await send('touchStart', [{ x: from.x, y: from.y }]);
  for (let i = 1; i <= steps; i++) {
    await send('touchMove', [{ x: from.x + ((to.x - from.x) * i) / steps, y: from.y + ((to.y - from.y) * i) / steps }]);
    await sleep(16);
  }
  await send('touchEnd', []);
}

// The plain-text part of the newest mail to `to` in a server's outbox folder (base64, as the
// server writes them); waits up to 15 s for it.
export async function mailTo(outbox, to) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    for (const n of readdirSync(outbox).filter((f) => f.endsWith('.eml')).sort().reverse()) {
      const raw = readFileSync(join(outbox, n), 'latin1');
      if (!raw.includes(to)) continue;
      const part = raw.split(/--[^\r\n]+\r?\n/).find((p) => /text\/plain/i.test(p));
      const body = part.slice(part.search(/\r?\n\r?\n/)).replace(/\s+/g, '');
      return Buffer.from(body, 'base64').toString('utf8');
    }
    if (Date.now() > deadline) throw new Error(`no mail to ${to}`);
    await sleep(100);
  }
}

// RFC 6238 with the defaults authenticator apps use (SHA-1, 30 s, 6 digits).
export function totp(base32, at = Date.now()) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of base32.replace(/=+$/, '').toUpperCase()) bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  const key = Buffer.from(bits.match(/.{8}/g).map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 1000 / 30)));
  const h = createHmac('sha1', key).update(counter).digest();
  const o = h[h.length - 1] & 15;
  return String((h.readUInt32BE(o) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

// How many frames the app draws in 1.5 s once it is at rest with the pointer parked at (x, y):
// 0 when the app draws nothing while nothing changes.
export async function framesWhileIdle(app, { x = 5, y = 795 } = {}) {
  await app.page.mouse.move(x, y);
  await app.waitFor((s) => s.settled, 'at rest');
  await sleep(500);
  const rest = (await app.state()).frames;
  await sleep(1500);
  return (await app.state()).frames - rest;
}

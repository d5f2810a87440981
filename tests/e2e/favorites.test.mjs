// Favorites and comparison in the app, end to end (issue 8): an anonymous visitor saves a car
// with the heart on its card, reloads (the device's IndexedDB kept it) and finds it on the saved
// cars page; signs in and sees it in the account (the device's favorites merged, the device copy
// cleared); compares three cars from the tray, turns on "differences only", and is told that a
// sixth car is one too many. On a 1280 px desktop and a 360 px phone, with screenshots.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appDriver, launchBrowser, sleep, startServer } from './lib/harness.mjs';

const fx = { server: null, browser: null, outbox: null };
before(async () => {
  fx.outbox = mkdtempSync(join(tmpdir(), 'dongelek-fav-outbox-'));
  fx.server = await startServer({ demoSize: 60, extraArgs: ['--mail-outbox', fx.outbox] });
  fx.browser = await launchBrowser();
});
after(async () => {
  await fx.browser?.close();
  await fx.server?.stop();
  if (fx.outbox) rmSync(fx.outbox, { recursive: true, force: true });
});

const desktop = { viewport: { width: 1280, height: 800 } };
const phone = { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 };
const password = 'correct horse battery staple';

async function open(context, name, path) {
  const page = await context.newPage();
  await page.goto(fx.server.url + path);
  return appDriver(page, name);
}

// The verification link of the newest mail to `email` in the outbox (.eml files, base64 text).
async function verifyToken(email) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const files = readdirSync(fx.outbox).filter((n) => n.endsWith('.eml')).sort().reverse();
    for (const n of files) {
      const raw = readFileSync(join(fx.outbox, n), 'latin1').replace(/\r\n/g, '\n');
      if (!raw.includes(email)) continue;
      const part = raw.indexOf('Content-Type: text/plain');
      const start = raw.indexOf('\n\n', part) + 2;
      const text = Buffer.from(raw.slice(start, raw.indexOf('--', start)).replace(/\s+/g, ''), 'base64').toString('utf8');
      const m = /\/account\/verify\?token=([A-Za-z0-9_-]+)/.exec(text);
      if (m) return m[1];
    }
    if (Date.now() > deadline) throw new Error(`no verification mail to ${email}`);
    await sleep(100);
  }
}

async function api(method, path, body, token) {
  const r = await fetch(fx.server.url + path, {
    method, headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await r.text();
  return { status: r.status, body: text ? JSON.parse(text) : null };
}

// An account registered and confirmed through the API and the outbox.
async function registered(email) {
  assert.equal((await api('POST', '/api/v1/auth/register',
    { email, password, displayName: 'Dana', role: 'buyer', language: 'en' })).status, 202);
  assert.equal((await api('POST', '/api/v1/auth/verify-email', { token: await verifyToken(email) })).status, 200);
}

const itemIn = (items, id) => items.find((i) => i.id === id);

// Item `id` on screen with the app at rest (scrolling the page's middle with the wheel until it shows).
async function resting(app, id) {
  // On screen and above the compare tray (a bar over the bottom of the page).
  const clear = (it) => it && (id.startsWith('compare.') || it.rect.y + it.rect.h < app.page.viewportSize().height - 90);
  for (let i = 0; i < 15 && !clear(itemIn(await app.items(), id)); i++) {
    const vp = app.page.viewportSize();
    await app.page.mouse.move(vp.width / 2, vp.height / 2);
    await app.page.mouse.wheel(0, 200);
    await sleep(120);
  }
  const { items } = await app.waitFor((s, its) => s.settled && its.some((it) => it.id === id), `${id} at rest`);
  await sleep(150); // a momentum scroll comes to rest
  const again = itemIn(await app.items(), id);
  if (again) return again;
  return itemIn(items, id);
}
async function press(app, id, { tap = false } = {}) {
  const it = await resting(app, id);
  const x = it.rect.x + it.rect.w / 2, y = it.rect.y + it.rect.h / 2;
  if (tap) await app.page.touchscreen.tap(x, y);
  else await app.page.mouse.click(x, y);
  return it;
}
const cards = (items) => items.filter((i) => /^card:\d+$/.test(i.id)).map((i) => Number(i.id.slice(5)));
const favs = (s) => s.favorites ?? {};
const cmp = (s) => s.compare ?? {};

for (const [kind, device] of [['desktop', desktop], ['phone', phone]]) {
  describe(`favorites and comparison on the ${kind}`, () => {
    test('a heart kept on the device survives a reload and merges into the account on sign-in', async () => {
      const tap = kind === 'phone';
      const context = await fx.browser.newContext(device);
      try {
        const app = await open(context, `favorites-${kind}`, '/');
        const { items } = await app.waitFor((s, its) => s.screen === 'browse' && cards(its).length >= 3 && favs(s).loaded,
          'cards on screen');
        const id = cards(items)[0];
        const heart = itemIn(items, `favorite:${id}`);
        assert.ok(heart, 'every card has a heart');
        assert.equal(heart.role, 'button');
        assert.equal(heart.pressed, false);
        await press(app, `favorite:${id}`, { tap });
        await app.waitFor((s, its) => favs(s).ids?.includes(id) && itemIn(its, `favorite:${id}`)?.pressed === true,
          'the heart is on');
        await app.page.waitForFunction(() => document.querySelector('[aria-pressed="true"]') !== null, null,
          { timeout: 10_000 }); // the mirror says the heart is pressed
        await app.shot('1-saved');

        await app.page.reload();
        await app.waitFor((s, its) => s.screen === 'browse' && favs(s).loaded && favs(s).ids?.includes(id) &&
          itemIn(its, `favorite:${id}`)?.pressed === true, 'still saved after a reload');
        await press(app, 'topbar.favorites', { tap });
        await app.waitFor((s, its) => s.screen === 'favorites' && its.some((i) => i.id === `saved:${id}`),
          'the saved cars page lists it');
        await app.shot('2-saved-page');

        // Sign in: the device's favorite goes into the account, the device forgets it.
        const email = `dana-${kind}@example.kz`;
        await registered(email);
        await app.page.goto(fx.server.url + '/account/sign-in?next=%2Ffavorites');
        await app.waitFor((s) => s.screen === 'sign_in' && s.account?.phase === 'signed_out', 'the sign-in form');
        for (const [field, text] of [['signin.email', email], ['signin.password', password]]) {
          await press(app, field, { tap });
          await app.waitFor((s) => s.editing === field, `editing ${field}`);
          await app.page.keyboard.insertText(text);
        }
        await app.page.keyboard.press('Enter');
        await app.waitFor((s, its) => s.account?.signedIn && s.screen === 'favorites' && favs(s).account &&
          favs(s).ids?.includes(id) && favs(s).deviceCount === 0 && its.some((i) => i.id === `saved:${id}`),
          'the favorite is in the account');
        await app.shot('3-signed-in');
        const login = await api('POST', '/api/v1/auth/login', { email, password });
        const mine = await api('GET', '/api/v1/me/favorites', undefined, login.body.accessToken);
        assert.deepEqual(mine.body.items.map((f) => f.listingId), [id], 'the server keeps it for the account');
        // Reload: signed in, the account's list (the device copy is gone).
        await app.page.reload();
        await app.waitFor((s) => s.account?.signedIn && favs(s).account && favs(s).ids?.includes(id), 'still there');
      } finally {
        await context.close();
      }
    });

    test('three cars side by side, differences only, and no sixth car', async () => {
      const tap = kind === 'phone';
      const context = await fx.browser.newContext(device);
      try {
        const app = await open(context, `compare-${kind}`, '/');
        const { items } = await app.waitFor((s, its) => s.screen === 'browse' && cards(its).length >= 3, 'cards on screen');
        const ids = cards(items).slice(0, 3);
        for (const id of ids) {
          await press(app, `compare:${id}`, { tap });
          await app.waitFor((s) => cmp(s).selected?.includes(id), `car ${id} picked`);
        }
        await app.waitFor((s, its) => its.some((i) => i.id === 'compare.go'), 'the tray');
        await app.shot('1-tray');
        await press(app, 'compare.go', { tap });
        const { state } = await app.waitFor((s) => s.screen === 'compare' && s.status === 'ready' && cmp(s).columns === 3,
          'the comparison');
        assert.equal(new URL(await app.page.url()).searchParams.get('ids'), ids.join(','), 'the address carries it');
        const all = cmp(state).rows;
        assert.equal(all, 16); // 15 specifications and the checks (VIN checked, verified seller)
        const { items: table } = await app.waitFor((s, its) => s.settled && its.some((i) => i.id === 'compare.row:price'),
          'the table');
        assert.ok(table.some((i) => i.id.startsWith('compare.cell:') && i.detail === 'best value'), 'a best value is marked');
        await app.shot('2-compare');
        await press(app, 'compare.differences', { tap });
        const { state: diff } = await app.waitFor((s) => cmp(s).differencesOnly === true, 'differences only');
        assert.ok(cmp(diff).rows < all, 'rows that are the same are gone');
        await app.shot('3-differences');
        if (kind === 'phone') {
          // The cars scroll sideways; the row names stay.
          const before = itemIn(await app.items(), 'compare.row:price');
          const cell = itemIn(await app.items(), `compare.cell:${ids[0]}:price`);
          assert.ok(before && cell, 'row names and cells on screen');
          await app.page.mouse.move(before.rect.x + 250, before.rect.y);
          await app.page.mouse.wheel(400, 0);
          await app.waitFor((s, its) => s.settled && (itemIn(its, `compare.cell:${ids[0]}:price`)?.rect.x ?? 0) < cell.rect.x,
            'the columns scrolled').catch(() => {});
          const afterItems = await app.items();
          assert.equal(itemIn(afterItems, 'compare.row:price').rect.x, before.rect.x, 'the first column stays');
          await app.shot('4-scrolled');
        }

        // A shared link opens the same comparison on another page.
        const shared = await open(context, `compare-${kind}-link`, `/compare?ids=${ids.join(',')}`);
        await shared.waitFor((s) => s.screen === 'compare' && cmp(s).columns === 3, 'the shared comparison');
        await shared.page.close();

        // Back to the cars: two more fit, the sixth is refused with a message.
        await app.page.goto(fx.server.url + '/');
        await app.waitFor((s, its) => s.screen === 'browse' && cards(its).length >= 3 && cmp(s).selected?.length === 3,
          'the cars and the tray');
        // Every card of the page, also those below the fold: the page the API gives.
        const everyCard = (await api('GET', '/api/v1/listings')).body.items.map((l) => l.id);
        const others = everyCard.filter((id) => !ids.includes(id));
        assert.ok(others.length >= 3, 'three more cars on the page');
        for (const id of others.slice(0, 2)) {
          await press(app, `compare:${id}`, { tap });
          await app.waitFor((s) => cmp(s).selected?.includes(id), `car ${id} picked`);
        }
        await press(app, `compare:${others[2]}`, { tap });
        await app.waitFor((s, its) => cmp(s).limitReached && cmp(s).selected.length === 5 &&
          its.some((i) => i.id === 'compare.limit'), 'a sixth is refused');
        assert.match(itemIn(await app.items(), 'compare.limit').label, /up to 5 cars/);
        await app.shot('5-sixth');
      } finally {
        await context.close();
      }
    });
  });
}

// Saved searches, alerts and recently viewed in the app, end to end (issue 8): an account made
// over the API and confirmed from the mail outbox, a filtered search saved from the browse
// screen with its alert on (signed out it is a link to sign in), the saved searches page, the
// top bar's bell and the notifications page (empty and all read: the test cannot publish a
// matching listing, see the report), the alert switched off, and the recently viewed strip after
// two listings. On a desktop (1280) in English and on a phone (360) in Russian; screenshots in
// build/e2e (saved-*.png).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appDriver, launchBrowser, sleep, startServer } from './lib/harness.mjs';
import { mailTo as outboxMail } from './lib/harness.mjs';

const fx = { server: null, browser: null, outbox: null };
const password = 'Correct-horse-battery-9';

before(async () => {
  fx.outbox = mkdtempSync(join(tmpdir(), 'dongelek-outbox-'));
  fx.server = await startServer({ demoSize: 80, extraArgs: ['--mail-outbox', fx.outbox] });
  fx.browser = await launchBrowser();
});
after(async () => {
  await fx.browser?.close();
  await fx.server?.stop();
  if (fx.outbox) rmSync(fx.outbox, { recursive: true, force: true });
});

const mailTo = (to) => outboxMail(fx.outbox, to);

async function api(path, body) {
  return fetch(fx.server.url + path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
}

// A confirmed account, made over the API (accounts.test.mjs does it on screen).
async function confirmedAccount(email, language) {
  assert.equal((await api('/api/v1/auth/register', { email, password, displayName: 'Aigerim', role: 'buyer', language })).status, 202);
  const token = /verify\?token=([A-Za-z0-9_~.-]+)/.exec(await mailTo(email))[1];
  assert.equal((await api('/api/v1/auth/verify-email', { token })).status, 200);
}

async function reveal(app, id) {
  for (let i = 0; i < 12; i++) {
    if ((await app.items()).some((it) => it.id === id)) return;
    const vp = app.page.viewportSize();
    await app.page.mouse.move(vp.width / 2, vp.height / 2);
    await app.page.mouse.wheel(0, 240);
    await sleep(120);
  }
}
async function press(app, id, { tap = false } = {}) {
  await reveal(app, id);
  const { items } = await app.waitFor((s, its) => s.settled && its.some((it) => it.id === id), `${id} at rest`);
  const it = items.find((x) => x.id === id);
  const x = it.rect.x + it.rect.w / 2, y = it.rect.y + it.rect.h / 2;
  if (tap) await app.page.touchscreen.tap(x, y);
  else await app.page.mouse.click(x, y);
  return it;
}
const account = (s) => s.account ?? {};

for (const run of [
  { name: 'desktop', lang: 'en', viewport: { width: 1280, height: 800 }, touch: false },
  { name: 'phone', lang: 'ru', viewport: { width: 360, height: 740 }, touch: true },
]) {
  describe(`saved searches on the ${run.name} (${run.lang})`, () => {
    test('save a filtered search with its alert, the saved searches page, the bell and notifications, recently viewed', async () => {
      const email = `saved.${run.name}.${Date.now()}@example.kz`;
      await confirmedAccount(email, run.lang);
      const makes = await (await fetch(`${fx.server.url}/api/v1/makes`)).json();
      const make = makes.find((m) => m.count >= 3) ?? makes[0];
      const context = await fx.browser.newContext({ viewport: run.viewport, hasTouch: run.touch, isMobile: run.touch,
        deviceScaleFactor: run.touch ? 2 : 1 });
      const page = await context.newPage();
      const a = appDriver(page, `saved-${run.name}`);
      const langParam = run.lang === 'en' ? '' : `&lang=${run.lang}`;
      await page.goto(`${fx.server.url}/?make=${make.id}${langParam}`);
      await a.waitFor((s) => s.screen === 'browse' && s.status === 'ready' && account(s).phase === 'signed_out', 'the search, signed out');

      // Signed out: "Save this search" is a link to sign in that comes back here; no bell.
      const save = await a.item('saved.save');
      assert.match(save.href, /^\/account\/sign-in\?next=%2F%3Fmake%3D/);
      assert.ok(!(await a.items()).some((i) => i.id === 'notifications.bell'));
      assert.deepEqual((await a.state()).recentlyViewed, []);
      await a.shot('1-signed-out');

      // Sign in on this page (the browser keeps the refresh cookie), then reload: signed in.
      const login = await page.evaluate(async ([e, p]) => (await fetch('/api/v1/auth/login', { method: 'POST',
        headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: e, password: p }) })).status, [email, password]);
      assert.equal(login, 200);
      await page.reload();
      await a.waitFor((s) => s.screen === 'browse' && s.status === 'ready' && account(s).signedIn, 'signed in on the search');
      await a.waitFor((s) => s.notifications?.unread === 0 && s.notifications?.nextPollAt !== undefined, 'the first poll answered');
      const bell = await a.item('notifications.bell');
      assert.equal(bell.href, '/notifications');

      // Save it: the form's name comes from the make; the alert is on.
      await press(a, 'saved.save', { tap: run.touch });
      const name = await a.item('saved.form.name');
      assert.ok(name.value.includes(make.name), `the name ${name.value} names ${make.name}`);
      await a.shot('2-form');
      await press(a, 'saved.form.save', { tap: run.touch });
      const { state } = await a.waitFor((s) => s.savedSearches?.items.length === 1, 'saved');
      const saved = state.savedSearches.items[0];
      assert.equal(saved.alert, true);
      assert.equal(saved.query, `make=${make.id}`);
      assert.ok(saved.total >= 1);
      await a.item('saved.is_saved');
      await a.shot('3-saved');

      // Two listings opened: the strip shows them, newest first.
      const cards = (await a.items()).filter((i) => i.id.startsWith('card:')).slice(0, 2);
      assert.equal(cards.length, 2);
      for (const card of cards) {
        await press(a, card.id, { tap: run.touch });
        await a.waitFor((s) => s.screen === 'listing' && s.status === 'ready', 'the listing');
        await page.goBack();
        await a.waitFor((s) => s.screen === 'browse' && s.status === 'ready', 'back on the search');
      }
      const ids = cards.map((c) => Number(c.id.slice(5)));
      await a.waitFor((s) => JSON.stringify(s.recentlyViewed) === JSON.stringify([ids[1], ids[0]]), 'two recently viewed');
      const recent = await a.item(`recent:${ids[1]}`);
      assert.equal(recent.href, `/listing/${ids[1]}`);
      await a.item('recent.title');
      await page.mouse.move(5, 5);
      await a.shot('4-recently-viewed');

      // The saved searches page: the search as a link to itself, what it finds, the alert.
      await press(a, 'saved.to_list', { tap: run.touch });
      await a.waitFor((s) => s.screen === 'saved_searches' && s.status === 'ready', 'the saved searches');
      const open = await a.item(`saved.open:${saved.id}`);
      assert.equal(open.href, `/?make=${make.id}`);
      await a.item(`saved.total:${saved.id}`);
      await a.shot('5-saved-searches');
      await press(a, `saved.alert:${saved.id}`, { tap: run.touch });
      await a.waitFor((s) => s.savedSearches.items[0].alert === false && !s.savedSearches.error, 'the alert off');
      const onServer = await page.evaluate(async () => {
        const t = await (await fetch('/api/v1/auth/refresh', { method: 'POST', headers: { 'X-Dongelek-CSRF': '1' } })).json();
        return (await fetch('/api/v1/me/saved-searches', { headers: { Authorization: `Bearer ${t.accessToken}` } })).json();
      });
      assert.equal(onServer.items[0].alert, false);
      await page.reload(); // the refresh above rotated the cookie: start afresh with the new one
      await a.waitFor((s) => s.screen === 'saved_searches' && s.status === 'ready' && account(s).signedIn, 'the page again');

      // The bell opens the notifications: none yet.
      await press(a, 'notifications.bell', { tap: run.touch });
      await a.waitFor((s) => s.screen === 'notifications' && s.status === 'empty', 'no notifications yet');
      await a.item('notifications.empty');
      await a.shot('6-notifications');
      await context.close();
    });
  });
}

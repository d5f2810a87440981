// Browser end-to-end tests: the real server serves the real wasm build to headless
// Chromium, and each test drives the app the way a buyer would, through the test hook.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { appDriver, serverAndBrowser } from './lib/harness.mjs';

const fx = serverAndBrowser({ demoSize: 400 });

async function openApp(name, { path = '/', ...contextOptions } = {}) {
  const context = await fx.browser.newContext({ viewport: { width: 1280, height: 800 }, ...contextOptions });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(fx.server.url + path);
  const app = appDriver(page, name);
  app.errors = errors;
  app.context = context;
  return app;
}

const ready = (s) => s.status === 'ready' && s.cards > 0;
// Every photo on screen decoded (on the web by the stb_image worker) and uploaded, none failed.
async function photosShown(app, what) {
  const { state } = await app.waitFor((s) => s.photos.ready + s.photos.failed > 0 && s.photos.loading === 0, what);
  assert.equal(state.photos.failed, 0, `${what}: no photo on screen failed to load or decode`);
  assert.ok(state.photos.ready > 0, `${what}: shown`);
}

describe('browse, filter, open a listing, go back', () => {
  test('the first listings appear with their total, and a make filter narrows them', async () => {
    const app = await openApp('browse');
    const { state: first, items } = await app.waitFor((s) => s.screen === 'browse' && ready(s), 'first listings');
    await photosShown(app, 'thumbnails');
    await app.shot('1-first-listings');
    assert.ok(first.total >= 400, `total ${first.total} counts every demo listing`);
    const cards = items.filter((i) => i.id.startsWith('card:'));
    assert.ok(cards.length > 0 && cards.every((c) => c.label.length > 0), 'cards carry their titles');

    await app.click('filter.make');
    const { items: options } = await app.waitFor(
      (_, its) => its.some((i) => i.id.startsWith('filter.make.option:')), 'make options');
    const toyota = options.find((i) => i.id.startsWith('filter.make.option:') && /Toyota/.test(i.label));
    assert.ok(toyota, 'Toyota is offered in the make filter');
    await app.page.mouse.click(toyota.rect.x + toyota.rect.w / 2, toyota.rect.y + toyota.rect.h / 2);
    const makeId = toyota.id.split(':')[1];
    await app.waitFor((s) => ready(s) && s.url.includes(`make=${makeId}`), 'Toyota ticked');
    await app.press('Escape'); // the list of makes stays open for more ticks until closed
    const { state: filtered, items: filteredItems } = await app.waitFor(
      (s, its) => ready(s) && s.url.includes(`make=${makeId}`) && s.total < first.total &&
        !its.some((i) => i.id.startsWith('filter.make.option:')), 'filtered listings');
    await app.shot('2-filtered-toyota');
    const filteredCards = filteredItems.filter((i) => i.id.startsWith('card:'));
    assert.ok(filteredCards.length > 0);
    for (const c of filteredCards) assert.match(c.label, /Toyota/, `card "${c.label}" is a Toyota`);
    assert.ok(app.page.url().includes(`make=${makeId}`), 'the address bar carries the filter');

    const card = await app.click(filteredCards[0].id);
    const listingId = Number(card.id.split(':')[1]);
    const { items: detailItems } = await app.waitFor(
      (s) => s.screen === 'listing' && s.status === 'ready' && s.listingId === listingId, 'listing screen');
    await app.waitFor((_, its) => its.some((i) => i.id === 'photo.main'), 'main photo');
    await photosShown(app, 'listing photos');
    await app.shot('3-listing');
    assert.ok(app.page.url().endsWith(`/listing/${listingId}`), `URL follows the screen: ${app.page.url()}`);
    const title = detailItems.find((i) => i.id === 'listing.title');
    assert.ok(title && title.label.includes('Toyota'), 'the listing title is shown');
    assert.ok(detailItems.some((i) => i.id === 'seller.name'), 'the seller is shown');
    assert.ok(detailItems.some((i) => i.id === 'listing.price'), 'the price is shown');

    await app.page.goBack();
    const { state: back } = await app.waitFor((s) => s.screen === 'browse' && ready(s), 'browse after Back');
    await app.shot('4-back-to-list');
    assert.ok(back.url.includes(`make=${makeId}`), 'Back keeps the filter');
    assert.equal(back.total, filtered.total, 'Back shows the same result');
    assert.deepEqual(app.errors, []);
    await app.context.close();
  });

  test('a pasted or reloaded listing URL opens that listing', async () => {
    const probe = await fetch(`${fx.server.url}/api/v1/listings?sort=price_desc&page_size=1`).then((r) => r.json());
    const id = probe.items[0].id;
    const app = await openApp('deep-link', { path: `/listing/${id}` });
    await app.waitFor((s) => s.screen === 'listing' && s.status === 'ready' && s.listingId === id, 'deep-linked listing');
    const title = await app.item('listing.title');
    assert.ok(title.label.includes(probe.items[0].make));
    await app.page.reload();
    await app.waitFor((s) => s.screen === 'listing' && s.status === 'ready' && s.listingId === id, 'listing after reload');
    await app.shot('reloaded');
    await app.click('back');
    await app.waitFor((s) => s.screen === 'browse' && ready(s), 'browse from the back button');
    assert.ok(!app.page.url().includes('/listing/'));
    await app.context.close();
  });

  test('an unknown listing says so and leads back to the cars', async () => {
    const app = await openApp('unknown-listing', { path: '/listing/987654321' });
    const { state } = await app.waitFor((s) => s.screen === 'listing' && s.status === 'error', 'not-found message');
    assert.ok(state.error.length > 0, 'a message is shown');
    await app.shot('not-found');
    await app.item('back');
    assert.ok(!(await app.items()).some((i) => i.id === 'retry'), 'retrying cannot bring a removed listing back');
    await app.click('browse.all');
    await app.waitFor((s) => s.screen === 'browse' && ready(s), 'the cars, from the not-found page');
    await app.context.close();
  });
});

describe('network trouble', () => {
  test('a failed request shows a message with Retry, and Retry recovers', async () => {
    const context = await fx.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.route('**/api/v1/listings?**', (route) => route.abort('connectionrefused'));
    await page.route('**/api/v1/listings', (route) => route.abort('connectionrefused'));
    await page.goto(fx.server.url + '/');
    const app = appDriver(page, 'network');
    const { state } = await app.waitFor((s) => s.status === 'error', 'error state');
    assert.ok(state.error.length > 0);
    await app.item('retry');
    await app.shot('1-error-with-retry');
    await page.unrouteAll();
    await app.click('retry');
    await app.waitFor(ready, 'listings after retry');
    await app.shot('2-recovered');
    await context.close();
  });

  test('a slow request shows a spinner instead of a frozen screen', async () => {
    const context = await fx.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    let release;
    const gate = new Promise((r) => { release = r; });
    await page.route('**/api/v1/listings**', async (route) => { await gate; await route.continue(); });
    await page.goto(fx.server.url + '/');
    const app = appDriver(page, 'slow');
    await app.waitFor((s, its) => s.status === 'loading' && its.some((i) => i.id === 'spinner'), 'spinner');
    const before = await app.state();
    await new Promise((r) => setTimeout(r, 500));
    const later = await app.state();
    assert.ok(later.frames > before.frames, 'frames keep coming while the request is pending');
    await app.shot('spinner');
    release();
    await app.waitFor(ready, 'listings after the slow reply');
    await context.close();
  });

  test('a photo that is not an image (an HTML page, a cut-off JPEG) shows "no photo", the rest load', async () => {
    const context = await fx.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    // Answered with 200, so they reach the decoder: an HTML body for one thumbnail, half a JPEG for another.
    let served = 0;
    await page.route('**/media/photos/*-thumb.jpg', async (route) => {
      const n = served++;
      if (n === 0) return route.fulfill({ status: 200, contentType: 'image/jpeg', body: '<html>Not here</html>' });
      const response = await route.fetch();
      const body = await response.body();
      return route.fulfill({ response, body: n === 1 ? body.subarray(0, body.length >> 1) : body });
    });
    await page.goto(fx.server.url + '/');
    const app = appDriver(page, 'bad-photo');
    const { state } = await app.waitFor(
      (s) => ready(s) && s.photos.loading === 0 && s.photos.failed + s.photos.ready >= 3, 'photos settled');
    assert.ok(state.photos.failed >= 1 && state.photos.failed <= 2, `undecodable photos fail: ${JSON.stringify(state.photos)}`);
    assert.ok(state.photos.ready >= 1, 'the other photos still load');
    await app.shot('no-photo');
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe('text, clipboard, screens', () => {
  test('Russian and Kazakh text can be typed, copied and pasted in the search field', async () => {
    const app = await openApp('text');
    await app.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: fx.server.url });
    await app.waitFor(ready, 'first listings');
    await app.click('search.query');
    await app.page.keyboard.type('Алматы');
    await app.waitFor((_, its) => its.some((i) => i.id === 'search.query' && i.value === 'Алматы'), 'typed Cyrillic');
    await app.page.keyboard.press('Control+A');
    await app.page.keyboard.press('Control+C');
    let copied = '';
    for (let i = 0; i < 40 && copied !== 'Алматы'; i++) {
      copied = await app.page.evaluate(() => navigator.clipboard.readText());
      await new Promise((r) => setTimeout(r, 50));
    }
    assert.equal(copied, 'Алматы', 'copy reaches the browser clipboard');

    // Paste over the selected text: it replaces the selection, in the order the keys were pressed.
    await app.page.evaluate(() => navigator.clipboard.writeText('Қостанай Ә'));
    await app.page.keyboard.press('Control+A');
    await app.page.keyboard.press('Control+V');
    await app.waitFor((_, its) => its.some((i) => i.id === 'search.query' && i.value === 'Қостанай Ә'),
      'pasted Kazakh text');
    await app.shot('typed-and-pasted');
    await app.context.close();
  });

  test('the app fills the window, follows resizes and renders at the device pixel ratio', async () => {
    const app = await openApp('hidpi', { viewport: { width: 1100, height: 760 }, deviceScaleFactor: 2 });
    const { state } = await app.waitFor(ready, 'first listings');
    assert.equal(state.dpr, 2);
    assert.deepEqual(state.css, { w: 1100, h: 760 });
    assert.deepEqual(state.canvas, { w: 2200, h: 1520 }, 'backing store is CSS size x devicePixelRatio');
    await app.shot('1-hidpi');
    await app.page.setViewportSize({ width: 720, height: 900 });
    const { state: narrow } = await app.waitFor((s) => s.css.w === 720 && s.css.h === 900, 'resized canvas');
    assert.deepEqual(narrow.canvas, { w: 1440, h: 1800 });
    await app.item('filters.toggle');
    await app.waitFor(ready, 'listings in the narrow layout');
    await app.shot('2-narrow');
    await app.context.close();
  });
});

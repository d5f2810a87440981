// The buyer's search in a real browser: live counts in the filter panel (the facets endpoint),
// several makes at once, the phone's "Show N cars" sheet, suggestions while typing (typos too),
// the list/grid toggle and continuous scrolling. Screenshots on a 1280 px desktop and a 360 px phone.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { appDriver, serverAndBrowser, sleep } from './lib/harness.mjs';

const fx = serverAndBrowser({ demoSize: 400 });

async function openApp(name, { path = '/', viewport = { width: 1280, height: 800 }, ...contextOptions } = {}) {
  const context = await fx.browser.newContext({ viewport, ...contextOptions });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(fx.server.url + path);
  const app = appDriver(page, name);
  app.errors = errors;
  app.context = context;
  return app;
}

const ready = (s) => s.screen === 'browse' && s.status === 'ready' && s.cards > 0;
const countsFor = (query) => (s) => s.facetsStatus === 'ready' && s.facetsQuery === query;
const visibleOptions = (its, prefix) => its.filter((i) => i.id.startsWith(prefix) && !i.offscreen);
const clickRect = (app, it) => app.page.mouse.click(it.rect.x + it.rect.w / 2, it.rect.y + it.rect.h / 2);
// "1,081" or "1 081" -> 1081
const number = (text) => Number(String(text ?? '').replace(/[^0-9]/g, ''));

// Opens a combo and returns its visible options once they carry counts.
async function openOptions(app, combo) {
  await app.click(combo);
  const { items } = await app.waitFor(
    (_, its) => visibleOptions(its, `${combo}.option:`).some((i) => i.detail), `${combo} options with counts`);
  return visibleOptions(items, `${combo}.option:`);
}

describe('search: live counts, several makes, suggestions, views', () => {
  test('desktop: counts change when a make is picked; two makes at once; the grid view', async () => {
    const app = await openApp('search-desktop');
    const { state: first } = await app.waitFor((s) => ready(s) && countsFor('')(s), 'listings and their counts');
    assert.equal(first.facetsTotal, first.total, 'with no filter the live total is every listing');

    // Body type counts before any make.
    const bodyBefore = await openOptions(app, 'filter.body');
    const sedanBefore = number(bodyBefore.find((o) => o.id === 'filter.body.option:sedan').detail);
    await app.press('Escape');

    // Makes: a checkbox list whose counts come from the facets; Toyota, then a second make.
    const makes = await openOptions(app, 'filter.make');
    const toyota = makes.find((o) => /Toyota/.test(o.label));
    assert.ok(toyota && toyota.role === 'checkbox', 'Toyota is a checkbox in the make list');
    const toyotaCount = number(toyota.detail);
    assert.ok(toyotaCount > 0, `Toyota shows its count: ${toyota.detail}`);
    await clickRect(app, toyota);
    const toyotaId = Number(toyota.id.split(':')[1]);
    const { state: one } = await app.waitFor(
      (s) => ready(s) && s.url.includes(`make=${toyotaId}`) && countsFor(`make=${toyotaId}`)(s), 'Toyota applied, counts for it');
    assert.equal(one.total, toyotaCount, 'the count shown was the number of cars found');
    assert.equal(one.facetsTotal, toyotaCount);
    await app.shot('1-make-list-open');

    // The list stays open: a second make, ticked in the same list.
    const { items: afterOne } = await app.waitFor(
      (_, its) => visibleOptions(its, 'filter.make.option:').some((o) => o.selected), 'Toyota ticked');
    const second = visibleOptions(afterOne, 'filter.make.option:')
      .find((o) => !o.selected && number(o.detail) > 0 && !/Toyota/.test(o.label));
    assert.ok(second, 'another make with cars is offered');
    await clickRect(app, second);
    const ids = [toyotaId, Number(second.id.split(':')[1])].sort((a, b) => a - b);
    const both = `make=${ids.join(',')}`;
    const { state: two } = await app.waitFor((s) => ready(s) && s.url.includes(both) && countsFor(both)(s), 'two makes');
    assert.equal(two.total, toyotaCount + number(second.detail), 'any of the two makes');
    await app.press('Escape');

    // The body type counts now count only those makes' cars.
    const bodyAfter = await openOptions(app, 'filter.body');
    const sedanAfter = number(bodyAfter.find((o) => o.id === 'filter.body.option:sedan').detail);
    assert.ok(sedanAfter < sedanBefore, `sedans ${sedanBefore} -> ${sedanAfter} with two makes`);
    await app.press('Escape');
    await app.shot('2-two-makes');

    // Grid view, kept in the address; the cards carry their badges in their accessible names.
    await app.click('view.grid');
    const { items: grid } = await app.waitFor((s) => ready(s) && s.view === 'grid' && s.url.includes('view=grid'), 'grid');
    const cards = grid.filter((i) => i.id.startsWith('card:') && !i.offscreen);
    assert.ok(cards.length >= 4, `a grid shows several cars at once: ${cards.length}`);
    assert.ok(new Set(cards.map((c) => Math.round(c.rect.y))).size < cards.length, 'cards side by side');
    assert.ok(cards.every((c) => /New|Used/.test(c.detail)), 'each card says new or used');
    await app.shot('3-grid');
    assert.deepEqual(app.errors, []);
    await app.context.close();
  });

  test('desktop: scrolling loads the next pages ahead, without page buttons', async () => {
    const app = await openApp('search-scroll');
    const { state, items } = await app.waitFor(ready, 'first listings');
    assert.equal(state.shown, 20);
    assert.ok(!items.some((i) => i.id.startsWith('page.')), 'no pager');
    const card = items.find((i) => i.id.startsWith('card:'));
    await app.page.mouse.move(card.rect.x + card.rect.w / 2, card.rect.y + card.rect.h / 2);
    for (let i = 0; i < 20; i++) await app.page.mouse.wheel(0, 600);
    const { state: later } = await app.waitFor((s) => s.shown >= 60, 'more pages as the list scrolls');
    assert.equal(later.page, 1, 'the address still starts at the first car');
    assert.ok(!later.url.includes('page='));
    assert.ok(later.cards < 40, `only the cards in view are laid out (${later.cards} of ${later.shown})`);
    await app.shot('1-scrolled');
    await app.context.close();
  });

  test('a fast fling fetches no photos of the rows flying past; where it stops, the photos load', async () => {
    const app = await openApp('search-fling');
    await app.waitFor((s) => ready(s) && s.photos.loading === 0 && s.settled, 'first listings with their photos');
    const photos = [];
    app.page.on('request', (r) => { if (new URL(r.url()).pathname.startsWith('/media/')) photos.push(r.url()); });
    // A trackpad fling: a 300 px wheel step every 16 ms (18,000 px/s, 20 screens a second) for a
    // second, slow enough for the next pages to come ahead of it. Timed by the clock, not by the
    // app's frames (which slow down while the test server draws photos on the same cores).
    await app.page.mouse.move(800, 500);
    const fling = await app.page.evaluate(() => new Promise((resolve) => {
      const canvas = document.getElementById('canvas');
      let n = 0;
      const step = () => {
        canvas.dispatchEvent(new WheelEvent('wheel', { deltaY: 300, clientX: 800, clientY: 500, bubbles: true, cancelable: true }));
        if (++n < 60) setTimeout(step, 16);
        else resolve(window.dongelek.state().shown);
      };
      step();
    }));
    const duringFling = photos.length;
    assert.ok(fling >= 40, `the fling went past ${fling} cars`);
    // Without the hold, most rows crossing the screen fetched their photo (29 for 60 cars, measured).
    assert.ok(duringFling <= 12, `${duringFling} photos fetched while flinging past ${fling} cars`);
    const { state, items } = await app.waitFor((s) => s.settled && s.photos.loading === 0 && s.photos.ready > 0, 'the photos where it stopped');
    assert.ok(photos.length > duringFling, 'the rows in view fetched their photos once the list stopped');
    const inView = items.filter((i) => i.id.startsWith('card:') && !i.offscreen).length;
    assert.ok(state.photos.ready >= Math.min(3, inView), `${state.photos.ready} photos shown for ${inView} cards in view`);
    await app.shot('1-stopped');
    assert.deepEqual(app.errors, []);
    await app.context.close();
  });

  test('phone 360 px: the filter sheet, two makes, and "Show N cars" with the live total', async () => {
    const app = await openApp('search-phone', {
      viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true,
    });
    const { state: first } = await app.waitFor((s) => ready(s) && countsFor('')(s), 'listings on a phone');
    await app.shot('1-results');
    await app.click('filters.toggle');
    const apply = await app.item('filters.apply');
    assert.match(apply.label, /^Show [\d,]+ cars$/, apply.label);
    assert.equal(number(apply.label), first.total);

    const makes = await openOptions(app, 'filter.make');
    const [a, b] = makes.filter((o) => number(o.detail) > 0);
    for (const o of makes.slice(0, 3)) assert.ok(o.rect.h >= 44, `${o.id} is a finger-size target (${o.rect.h} px)`);
    await clickRect(app, a);
    await app.waitFor((_, its) => its.some((i) => i.id === a.id && i.selected), 'first make ticked');
    const { items: now } = await app.waitFor((_, its) => its.some((i) => i.id === b.id && !i.offscreen), 'second make');
    await clickRect(app, now.find((i) => i.id === b.id));
    const ids = [a, b].map((o) => Number(o.id.split(':')[1])).sort((x, y) => x - y);
    const both = `make=${ids.join(',')}`;
    const expected = number(a.detail) + number(b.detail);
    await app.waitFor(countsFor(both), 'counts for both makes');
    await app.press('Escape');
    const { items } = await app.waitFor(
      (_, its) => its.some((i) => i.id === 'filters.apply' && number(i.label) === expected), 'the button says how many');
    const button = items.find((i) => i.id === 'filters.apply');
    assert.match(button.label, new RegExp(`^Show ${expected.toLocaleString('en-US')} cars?$`));
    await app.shot('2-sheet-two-makes');
    await clickRect(app, button);
    const { state: shown } = await app.waitFor((s) => ready(s) && s.url.includes(both) && s.total === expected,
      'the sheet closed on the results');
    assert.ok(!(await app.items()).some((i) => i.id === 'filters.apply'));
    assert.equal(shown.total, expected);
    await app.shot('3-results-two-makes');
    assert.deepEqual(app.errors, []);
    await app.context.close();
  });

  test('phone in Russian: plural forms on the button, the yes/no filters with counts, a tick narrows the total', async () => {
    const app = await openApp('search-phone-ru', {
      path: '/?lang=ru', viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true,
    });
    const cdp = await app.context.newCDPSession(app.page);
    const swipe = async (from, to) => {
      const send = (type, points) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points });
      await send('touchStart', [{ x: from.x, y: from.y }]);
      for (let i = 1; i <= 12; i++) {
        await send('touchMove', [{ x: from.x, y: from.y + ((to.y - from.y) * i) / 12 }]);
        await sleep(16);
      }
      await send('touchEnd', []);
    };
    const { state: first } = await app.waitFor((s) => ready(s) && countsFor('')(s), 'listings in Russian');
    const toggle = await app.item('filters.toggle');
    await app.page.touchscreen.tap(toggle.rect.x + toggle.rect.w / 2, toggle.rect.y + toggle.rect.h / 2);
    const apply = await app.item('filters.apply');
    // 400 -> "автомобилей" (many), 2..4 -> "автомобиля" (few), 1, 21 -> "автомобиль" (one).
    const plural = (n) => (n % 10 === 1 && n % 100 !== 11 ? 'автомобиль'
      : n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14) ? 'автомобиля' : 'автомобилей');
    assert.equal(apply.label, `Показать ${first.total.toLocaleString('ru-RU').replace(/\s/g, '\u00a0')} ${plural(first.total)}`);

    for (let i = 0; i < 14 && !(await app.items()).some((it) => it.id === 'filter.photos'); i++)
      await swipe({ x: 180, y: 560 }, { x: 180, y: 260 });
    await app.waitFor((_, its) => its.some((i) => i.id === 'filter.photos' && i.detail), 'the yes/no filters');
    // Read the rectangle once the flick has come to rest (two reads in a row agree).
    let photos, last = '';
    for (;;) {
      photos = (await app.items()).find((i) => i.id === 'filter.photos');
      const now = JSON.stringify(photos?.rect);
      if (photos && now === last && (await app.state()).settled) break;
      last = now;
      await sleep(150);
    }
    assert.equal(photos.role, 'checkbox');
    assert.equal(photos.label, 'Только с фото');
    assert.ok(!photos.selected);
    const withPhotos = number(photos.detail);
    assert.ok(withPhotos > 0 && withPhotos < first.total, `some cars have photos: ${photos.detail}`);
    await app.shot('1-sheet-checkboxes');
    await app.page.touchscreen.tap(photos.rect.x + photos.rect.w / 2, photos.rect.y + photos.rect.h / 2);
    const { items: after } = await app.waitFor(
      (s, its) => s.url.includes('photos=1') && countsFor('photos=1')(s) &&
        its.some((i) => i.id === 'filters.apply' && number(i.label) === withPhotos), 'the button follows the tick');
    assert.ok(after.find((i) => i.id === 'filter.photos').selected);
    const label = after.find((i) => i.id === 'filters.apply').label;
    assert.ok(label.endsWith(plural(withPhotos)), label);
    await app.shot('2-photos-ticked');
    assert.deepEqual(app.errors, []);
    await app.context.close();
  });

  test('typing "toyta" suggests Toyota; arrows + Enter open it; a tap does too; Escape closes', async () => {
    const app = await openApp('search-suggest');
    await app.waitFor(ready, 'first listings');
    await app.click('search.query');
    await app.page.keyboard.type('toyta');
    const { items } = await app.waitFor((s, its) => s.suggestions > 0 && its.some((i) => i.id.startsWith('suggest:')),
      'suggestions');
    const suggestions = items.filter((i) => i.id.startsWith('suggest:'));
    const toyota = suggestions.find((i) => /^Toyota/.test(i.label));
    assert.ok(toyota, `Toyota is suggested for "toyta": ${suggestions.map((s) => s.label).join(', ')}`);
    for (const s of suggestions) assert.ok(s.role === 'link' && s.href.startsWith('/?'), `${s.id} is a link: ${s.href}`);
    await app.page.waitForSelector(`#dongelek-mirror a[href="${toyota.href}"]`, { state: 'attached', timeout: 10_000 });
    await app.shot('1-suggestions');

    // Escape closes the list; typing again opens it.
    await app.press('Escape');
    await app.waitFor((s, its) => s.suggestions === 0 && !its.some((i) => i.id.startsWith('suggest:')), 'closed');
    await app.click('search.query');
    await app.page.keyboard.press('Control+A');
    await app.page.keyboard.type('toyta');
    await app.waitFor((s, its) => s.suggestions > 0 && its.some((i) => i.id === toyota.id), 'open again');

    // Down to the Toyota row, Enter: its search, as a new address.
    const index = Number(toyota.id.split(':')[1]);
    for (let i = 0; i <= index; i++) await app.press('ArrowDown');
    await app.waitFor((_, its) => its.some((i) => i.id === toyota.id && i.selected), 'Toyota highlighted');
    await app.press('Enter');
    const target = toyota.href;
    const { state } = await app.waitFor((s) => ready(s) && s.url.endsWith(target) && s.suggestions === 0, 'Toyota search');
    assert.ok(state.total > 0);
    const search = (await app.items()).find((i) => i.id === 'search.query');
    assert.equal(search.value ?? '', '', 'the typed text is gone: the suggestion is the search');

    // A tap (click) on a suggestion works the same.
    await app.click('search.query');
    await app.page.keyboard.press('Control+A');
    await app.page.keyboard.type('камри');
    const { items: again } = await app.waitFor((_, its) => its.some((i) => i.id.startsWith('suggest:') && /Camry/.test(i.label)),
      'Camry for Cyrillic "камри"');
    const camry = again.find((i) => i.id.startsWith('suggest:') && /Camry/.test(i.label));
    await clickRect(app, camry);
    await app.waitFor((s) => ready(s) && s.url.endsWith(camry.href), 'Camry search from a tap');
    await app.shot('2-camry');
    assert.deepEqual(app.errors, []);
    await app.context.close();
  });
});

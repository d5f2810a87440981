// The canvas app behaves like a web page (issue 6): it rests when nothing changes, and (as
// they land) phones, keyboards, screen readers, links, zoom and history work as on any page.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { appDriver, artifacts, serverAndBrowser, sleep, swipe } from './lib/harness.mjs';

const fx = serverAndBrowser({ demoSize: 300 });

async function openApp(name, { path = '/', ...contextOptions } = {}) {
  const context = await fx.browser.newContext({ viewport: { width: 1280, height: 800 }, ...contextOptions });
  const page = await context.newPage();
  await page.goto(fx.server.url + path);
  const app = appDriver(page, name);
  app.context = context;
  return app;
}

const ready = (s) => s.status === 'ready' && s.cards > 0;
const settled = (s) => ready(s) && s.photos.loading === 0 && s.photos.ready > 0;

describe('idle: the app draws nothing while nothing changes', () => {
  test('no frames while idle; input, and a reply that lands without input, are drawn', async () => {
    const app = await openApp('idle');
    await app.waitFor(settled, 'first listings with their photos');
    await app.page.mouse.move(5, 795); // away from every control: nothing hovered, no tooltip due
    await sleep(500);
    const rest = (await app.state()).frames;
    await sleep(1500);
    assert.equal((await app.state()).frames, rest, 'not one frame drawn while nobody touches the page');

    // A hover is input: it is drawn.
    const card = (await app.items()).find((i) => i.id.startsWith('card:'));
    await app.page.mouse.move(card.rect.x + card.rect.w / 2, card.rect.y + card.rect.h / 2);
    await app.waitFor((s) => s.frames > rest, 'a frame for the hover');

    // Typing a search: its debounce ends and its reply lands with no further input, and both
    // reach the screen (the app asked for a frame at the debounce's end and on the reply).
    await app.click('search.query');
    await app.page.keyboard.type('camry');
    await app.page.mouse.move(5, 795);
    const { state } = await app.waitFor((s) => ready(s) && s.url.includes('q=camry'), 'the typed search shown');
    assert.ok(state.total < 300, 'the results narrowed to the typed search');
    await app.context.close();
  });
});

describe('history: Back steps through searches', () => {
  test('three searches, then Back twice: each search again, the first where it was scrolled to', async () => {
    const app = await openApp('history');
    const firstCard = (its) => its.filter((i) => i.id.startsWith('card:')).sort((a, b) => a.rect.y - b.rect.y)[0];
    await app.waitFor(ready, 'first listings');
    // Scroll the results down by a few cards.
    const list = (await app.items()).find((i) => i.id.startsWith('card:'));
    await app.page.mouse.move(list.rect.x + list.rect.w / 2, list.rect.y + list.rect.h / 2);
    for (let i = 0; i < 6; i++) await app.page.mouse.wheel(0, 300);
    const { items: scrolled } = await app.waitFor((s, its) => ready(s) && firstCard(its) &&
      firstCard(its).id !== 'card:0' && firstCard(its).rect.y < 200, 'scrolled results');
    const topBefore = firstCard(scrolled);
    const home = (await app.state()).url;

    // Search 2: a sort order. Search 3: another one (the list scrolls on by itself: no pages).
    await app.click('sort');
    await app.click('sort.option:price_asc');
    await app.waitFor((s) => ready(s) && s.url.includes('sort=price_asc'), 'sorted by price');
    await app.click('sort');
    await app.click('sort.option:mileage_asc');
    await app.waitFor((s) => ready(s) && s.url.includes('sort=mileage_asc'), 'sorted by mileage');
    await app.shot('1-third-search');

    await app.page.goBack();
    const { state: second } = await app.waitFor((s) => ready(s) && s.url.includes('sort=price_asc'),
      'Back: the search sorted by price');
    assert.ok(!second.url.includes('mileage_asc'));
    await app.page.goBack();
    const { state: first, items } = await app.waitFor((s, its) => ready(s) && !s.url.includes('sort=') &&
      firstCard(its)?.id === topBefore.id, 'Back: the first search, scrolled where it was');
    assert.equal(first.url, home);
    assert.ok(Math.abs(firstCard(items).rect.y - topBefore.rect.y) < 2, 'at the same scroll position');
    await app.shot('2-back-to-first');
    await app.context.close();
  });
});

describe('keyboard: every control in order, with a visible focus', () => {
  // Presses Tab, returning the id focused once the app has drawn it.
  async function tab(app, key = 'Tab') {
    const before = (await app.state()).focus;
    const { state } = await app.press(key);
    assert.notEqual(state.focus, before, `${key} moved the focus from "${before}"`);
    return state.focus;
  }

  test('Tab visits the top bar, the filters, the view and sort, and card after card, in visual order', async () => {
    const app = await openApp('keyboard');
    await app.waitFor(ready, 'first listings');
    const order = [];
    const cardsSeen = () => new Set(order.filter((id) => id.startsWith('card:'))).size;
    for (let i = 0; i < 120 && cardsSeen() < 20; i++) order.push(await tab(app));
    await app.shot('1-focus-on-20th-card');
    const at = (id) => order.indexOf(id);
    assert.deepEqual(order.slice(0, 6), ['home', 'search.query', 'lang.en', 'lang.ru', 'lang.kk', 'topbar.favorites'],
      order.join(' '));
    // On a card: its heart and compare toggles, then the card's link.
    assert.ok(at('favorite:' + order.find((id) => id.startsWith('card:')).slice(5)) >= 0, 'cards carry a heart');
    const filters = ['filter.make', 'filter.year_from', 'filter.year_to', 'filter.currency', 'filter.price_from',
      'filter.price_to', 'filter.mileage_max', 'filter.engine_from', 'filter.engine_to', 'filter.power_from',
      'filter.power_to', 'filter.body', 'filter.fuel', 'filter.transmission', 'filter.drive', 'filter.color',
      'filter.condition', 'filter.steering', 'filter.owners', 'filter.seller', 'filter.posted_within', 'filter.customs',
      'filter.no_accidents', 'filter.photos', 'filter.spin', 'filter.vin_verified', 'filter.city'];
    for (let i = 1; i < filters.length; i++)
      assert.ok(at(filters[i - 1]) < at(filters[i]), `${filters[i - 1]} before ${filters[i]}: ${order.join(' ')}`);
    assert.ok(at('filter.city') < at('view.list') && at('view.list') < at('view.grid') && at('view.grid') < at('sort'),
      'the filters, then the view and the sort, come before the results');
    const cards = order.filter((id) => id.startsWith('card:'));
    assert.equal(new Set(cards).size, cards.length, `each card once: ${order.join(' ')}`);
    assert.equal(cards.length, 20, `20 cards in a row: ${order.join(' ')}`);
    assert.ok(at('sort') < order.indexOf(cards[0]));
    assert.equal(order.filter((id) => id === '').length, 0);
    // Shift+Tab goes back the same way.
    assert.equal(await tab(app, 'Shift+Tab'), order[order.length - 2]);
    await app.context.close();
  });

  test('Enter opens the focused card; Escape closes a dropdown and leaves a listing; "/" finds the search', async () => {
    const app = await openApp('keyboard-keys');
    await app.waitFor(ready, 'first listings');
    let focus = '';
    while (!focus.startsWith('card:')) focus = await tab(app);
    const id = Number(focus.split(':')[1]);
    await app.page.keyboard.press('Enter');
    await app.waitFor((s) => s.screen === 'listing' && s.listingId === id && s.status === 'ready', 'the card opened with Enter');
    await app.page.keyboard.press('Escape');
    await app.waitFor((s) => s.screen === 'browse' && ready(s), 'Escape on a listing goes back');

    while ((await app.state()).focus !== 'sort') await tab(app);
    await app.page.keyboard.press('Space');
    await app.waitFor((_, its) => its.some((i) => i.id.startsWith('sort.option:')), 'the sort dropdown open');
    await app.shot('2-dropdown-open');
    await app.page.keyboard.press('Escape');
    await app.waitFor((_, its) => !its.some((i) => i.id.startsWith('sort.option:')), 'Escape closed it');
    assert.equal((await app.state()).screen, 'browse');

    await app.page.keyboard.press('/');
    await app.page.keyboard.type('kia');
    await app.waitFor((s) => s.url.includes('q=kia') && ready(s), '"/" then typing searches');
    assert.equal((await app.item('search.query')).value, 'kia', 'the "/" itself was not typed');
    await app.context.close();
  });
});

describe('touch: a phone scrolls, taps, swipes and types like a web page', () => {
  const phone = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 };
  async function openPhone(name, path = '/', size = phone.viewport) {
    const app = await openApp(name, { path, ...phone, viewport: size });
    app.cdp = await app.context.newCDPSession(app.page);
    return app;
  }
  const topCard = (its) => its.filter((i) => i.id.startsWith('card:')).sort((a, b) => a.rect.y - b.rect.y)[0];
  // The items once a flick has come to rest (two reads in a row agree).
  async function still(app) {
    let last = '';
    for (;;) {
      const items = await app.items();
      const now = JSON.stringify(items.map((i) => [i.id, i.rect.y]));
      if (now === last) return items;
      last = now;
      await sleep(150);
    }
  }

  test('a swipe scrolls the results (no card opens), a tap opens one, every control is tap-sized', async () => {
    const app = await openPhone('touch-browse');
    const { items } = await app.waitFor(ready, 'first listings on a phone');
    for (const it of items.filter((i) => ['button', 'textbox', 'combobox'].includes(i.role) && !i.disabled))
      assert.ok(it.rect.h >= 43.5, `${it.id} is ${it.rect.h} px tall, at least 44 to tap`);
    const before = topCard(items);
    await swipe(app, { x: 200, y: 700 }, { x: 200, y: 300 });
    const { items: after } = await app.waitFor((s, its) => topCard(its) && topCard(its).id !== before.id, 'scrolled by the swipe');
    assert.ok(after.length > 0);
    const rest = await still(app);
    await app.shot('1-swiped');
    assert.equal((await app.state()).screen, 'browse', 'the swipe opened nothing');
    const card = topCard(rest.filter((i) => i.id.startsWith('card:') && i.rect.y > 200));
    await app.page.touchscreen.tap(card.rect.x + card.rect.w / 2, card.rect.y + card.rect.h / 2);
    await app.waitFor((s) => s.screen === 'listing' && s.listingId === Number(card.id.split(':')[1]), 'a tap opens the card');
    await app.context.close();
  });

  test('a listing scrolls to its seller and description, and a sideways swipe changes the photo', async () => {
    const probe = await fetch(`${fx.server.url}/api/v1/listings?page_size=1`).then((r) => r.json());
    const app = await openPhone('touch-listing', `/listing/${probe.items[0].id}`);
    const { items } = await app.waitFor((s, its) => s.status === 'ready' && its.some((i) => i.id === 'photo.main'), 'listing');
    assert.ok(!items.some((i) => i.id === 'listing.description'), 'the description starts below the fold');
    const photo = items.find((i) => i.id === 'photo.main');
    assert.match(photo.label, /1 of|1 из|1 \//);
    await swipe(app, { x: photo.rect.x + photo.rect.w * 0.85, y: photo.rect.y + photo.rect.h / 2 },
      { x: photo.rect.x + photo.rect.w * 0.15, y: photo.rect.y + photo.rect.h / 2 + 8 });
    await app.waitFor((_, its) => /2 of/.test(its.find((i) => i.id === 'photo.main')?.label ?? ''), 'the next photo');
    assert.equal((await app.state()).screen, 'listing');
    // Above the contact bar at the bottom (it stays put: a swipe on it scrolls nothing).
    for (let i = 0; i < 7; i++) await swipe(app, { x: 200, y: 680 }, { x: 200, y: 160 });
    await app.waitFor((_, its) => its.some((i) => i.id === 'listing.description') && its.some((i) => i.id.startsWith('spec:')),
      'specifications and description reached by swiping');
    await app.shot('2-scrolled-to-description');
    await app.context.close();
  });

  test('two fingers on the photo zoom it (not the page), one finger then pans it, pinching back returns', async () => {
    const probe = await fetch(`${fx.server.url}/api/v1/listings?page_size=1`).then((r) => r.json());
    const app = await openPhone('touch-pinch', `/listing/${probe.items[0].id}`);
    const { items } = await app.waitFor((s, its) => s.status === 'ready' && its.some((i) => i.id === 'photo.main'), 'listing');
    const photo = items.find((i) => i.id === 'photo.main');
    const zoomOf = async () => Number((await app.item('photo.main')).value);
    assert.equal(await zoomOf(), 1);
    const send = (type, points) => app.cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points });
    const cx = photo.rect.x + photo.rect.w / 2, cy = photo.rect.y + photo.rect.h / 2;
    // Fingers 40 px apart spread to 160 px: four times as far, the photo zoomed (at most 4x).
    const pinch = async (from, to) => {
      await send('touchStart', [{ x: cx - from / 2, y: cy, id: 1 }]);
      await send('touchStart', [{ x: cx - from / 2, y: cy, id: 1 }, { x: cx + from / 2, y: cy, id: 2 }]);
      for (let i = 1; i <= 8; i++) {
        const d = from + ((to - from) * i) / 8;
        await send('touchMove', [{ x: cx - d / 2, y: cy, id: 1 }, { x: cx + d / 2, y: cy, id: 2 }]);
        await sleep(16);
      }
      await send('touchEnd', []);
    };
    await pinch(40, 160);
    await app.waitFor((_, its) => Number(its.find((i) => i.id === 'photo.main')?.value) > 2.5, 'the photo zoomed');
    const after = await app.item('photo.main');
    assert.match(after.label, /1 of/, 'still the first photo: the pinch was no tap or swipe');
    assert.equal(await app.page.evaluate(() => window.visualViewport.scale), 1, 'the page itself did not zoom');
    await app.shot('3-photo-zoomed');
    // One finger pans the zoomed photo: the photo stays, and so does the page.
    await send('touchStart', [{ x: cx, y: cy }]);
    for (let i = 1; i <= 6; i++) { await send('touchMove', [{ x: cx + i * 15, y: cy + i * 10 }]); await sleep(16); }
    await send('touchEnd', []);
    await sleep(300);
    assert.match((await app.item('photo.main')).label, /1 of/, 'a drag on a zoomed photo pans it, not to the next');
    assert.equal((await app.item('photo.main')).rect.y, after.rect.y, 'and does not scroll the page');
    // Pinching back shows the whole photo again.
    await pinch(160, 20);
    await app.waitFor((_, its) => Number(its.find((i) => i.id === 'photo.main')?.value) === 1, 'the whole photo again');
    await app.context.close();
  });

  test('tapping a field raises the keyboard: the text input is focused in the touch handler itself', async () => {
    const app = await openPhone('touch-keyboard');
    await app.waitFor(ready, 'first listings');
    // Registered after the app's own listener: it sees the focus as the touch handler left it.
    await app.page.evaluate(() => {
      window.__focusAtTouchEnd = [];
      window.addEventListener('touchend', () => {
        const a = document.activeElement;
        window.__focusAtTouchEnd.push({ id: a && a.id, inputmode: a && a.getAttribute('inputmode'),
          fontSize: a && getComputedStyle(a).fontSize });
      }, { capture: true });
    });
    const field = await app.item('search.query');
    await app.page.touchscreen.tap(field.rect.x + field.rect.w / 2, field.rect.y + field.rect.h / 2);
    const seen = await app.page.evaluate(() => window.__focusAtTouchEnd);
    assert.deepEqual(seen, [{ id: 'dongelek-text', inputmode: 'search', fontSize: '16px' }]);
    await app.waitFor((s, its) => s.focus === 'search.query' || its.some((i) => i.id === 'search.query'), 'field active');
    await app.page.keyboard.insertText('bmw');
    await app.waitFor((s) => s.url.includes('q=bmw') && ready(s), 'typed on the phone keyboard');
    await app.context.close();
  });

  test('at 320 px the filter sheet scrolls to its last filter and its "Show N cars" button', async () => {
    const app = await openPhone('touch-320', '/', { width: 320, height: 640 });
    await app.waitFor(ready, 'first listings');
    const toggle = await app.item('filters.toggle');
    await app.page.touchscreen.tap(toggle.rect.x + toggle.rect.w / 2, toggle.rect.y + toggle.rect.h / 2);
    await app.waitFor((_, its) => its.some((i) => i.id === 'filter.make'), 'the filter sheet');
    assert.ok(!(await app.items()).some((i) => i.id === 'filter.city'), 'the city filter starts below the fold');
    // The sheet is long (every filter of the search): swipe until its last filter shows.
    for (let i = 0; i < 14 && !(await app.items()).some((it) => it.id === 'filter.city'); i++)
      await swipe(app, { x: 160, y: 520 }, { x: 160, y: 200 });
    const { items } = await app.waitFor((_, its) => its.some((i) => i.id === 'filter.city'), 'the city filter by swiping');
    const apply = items.find((i) => i.id === 'filters.apply');
    assert.ok(apply && apply.rect.y + apply.rect.h <= 640, '"Show N cars" stays in view');
    await app.shot('3-sheet-scrolled');
    await app.context.close();
  });
});

describe('text: a listing\'s title, specifications, description and seller can be selected and copied', () => {
  const firstListing = () => fetch(`${fx.server.url}/api/v1/listings?page_size=1`).then((r) => r.json()).then((j) => j.items[0]);
  const center = (it) => [it.rect.x + it.rect.w / 2, it.rect.y + it.rect.h / 2];

  test('with a mouse: double-click a word, drag over the description, triple-click, Ctrl+C, click away', async () => {
    const listing = await firstListing();
    const app = await openApp('select-mouse', { path: `/listing/${listing.id}` });
    await app.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: fx.server.url });
    await app.waitFor((s) => s.status === 'ready', 'the listing');
    const title = await app.item('listing.title');
    // The title's first word: its first letters are where the text starts.
    await app.page.mouse.dblclick(title.rect.x + 6, title.rect.y + title.rect.h / 2);
    const word = title.label.split(' ')[0];
    await app.waitFor((s) => s.selection === word, `"${word}" selected by a double-click`);
    // Dragging from the description's start to its middle selects that much of it.
    await app.page.mouse.move(640, 500);
    await app.press('End');
    const description = await app.item('listing.description');
    await app.page.mouse.move(description.rect.x + 1, description.rect.y + 4);
    await app.page.mouse.down();
    await app.page.mouse.move(description.rect.x + description.rect.w * 0.5, description.rect.y + 4, { steps: 5 });
    await app.page.mouse.up();
    const dragged = (await app.waitFor((s) => s.selection.length > 3 && s.selection !== word, 'a drag selection')).state.selection;
    assert.ok(description.label.startsWith(dragged), `"${dragged}" is the start of the description`);
    await app.shot('1-drag-selected');
    // A triple-click takes it all; Ctrl+C puts it on the clipboard.
    await app.page.mouse.move(...center(description));
    for (let n = 1; n <= 3; n++) { // at a person's pace (events sent at once can arrive merged)
      await app.page.mouse.down({ clickCount: n });
      await app.page.mouse.up({ clickCount: n });
      await sleep(80);
    }
    await app.waitFor((s) => s.selection === description.label, 'the whole description by a triple-click');
    await app.press('Control+C');
    assert.equal(await app.page.evaluate(() => navigator.clipboard.readText()), description.label, 'Ctrl+C copied it');
    // A click elsewhere ends the selection, as on any page.
    await app.page.mouse.click(5, 795);
    await app.waitFor((s) => s.selection === '', 'a click elsewhere ends it');
    await app.context.close();
  });

  test('with a finger: a long press selects the word, the bubble copies it; a tap away ends it', async () => {
    const listing = await firstListing();
    const context = await fx.browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: fx.server.url });
    const page = await context.newPage();
    await page.goto(`${fx.server.url}/listing/${listing.id}`);
    const app = appDriver(page, 'select-touch');
    const cdp = await context.newCDPSession(page);
    const touch = (type, points) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points });
    await app.waitFor((s) => s.status === 'ready', 'the listing');
    const price = await app.item('listing.price');
    const at = { x: price.rect.x + 8, y: price.rect.y + price.rect.h / 2 };
    const number = price.label.split(/[\s\u00a0\u202f]/)[0];
    // A short touch is no long press: nothing is selected.
    await touch('touchStart', [at]);
    await touch('touchEnd', []);
    await sleep(800);
    assert.equal((await app.state()).selection, '', 'a tap selects nothing');
    // Held still for a while: the word (the price's first group of digits) and the bubble.
    await touch('touchStart', [at]);
    await app.waitFor((s) => s.selection === number, `"${number}" selected by a long press`);
    await touch('touchEnd', []);
    const copy = await app.item('selection.copy');
    assert.ok(copy.rect.h >= 43.5, 'the Copy button is tap-sized');
    await app.shot('1-long-press-bubble');
    // "Select all" takes the whole price; Copy puts it on the clipboard and closes the bubble.
    await page.touchscreen.tap(...center(await app.item('selection.all')));
    await app.waitFor((s) => s.selection === price.label, 'Select all');
    await page.touchscreen.tap(...center(await app.item('selection.copy')));
    await app.waitFor((s, its) => s.selection === '' && !its.some((i) => i.id === 'selection.copy'), 'copied and closed');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), price.label, 'the bubble copied the price');
    // Again, then a tap somewhere else ends it.
    await touch('touchStart', [at]);
    await app.waitFor((s) => s.selection === number, 'selected again');
    await touch('touchEnd', []);
    await page.touchscreen.tap(380, 600);
    await app.waitFor((s) => s.selection === '', 'a tap elsewhere ends it');
    assert.equal((await app.state()).screen, 'listing');
    await context.close();
  });
});

describe('screen readers and links: the semantic mirror', () => {
  const axeSource = readFileSync(new URL('./node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
  async function axe(app) {
    // Evaluated through the DevTools protocol: the page's CSP forbids inline scripts (addScriptTag).
    await app.page.evaluate(axeSource);
    return app.page.evaluate(async () => {
      const r = await window.axe.run(document, { resultTypes: ['violations'] });
      return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length,
        first: v.nodes[0] && v.nodes[0].html }));
    });
  }
  async function listingId() {
    const probe = await fetch(`${fx.server.url}/api/v1/listings?page_size=1`).then((r) => r.json());
    return probe.items[0];
  }

  test("the listing's accessibility tree has its title, price, specifications, seller and named buttons", async () => {
    const car = await listingId();
    const app = await openApp('a11y-listing', { path: `/listing/${car.id}` });
    await app.waitFor((s) => s.status === 'ready' && s.screen === 'listing', 'listing');
    await app.page.waitForFunction(() => document.querySelector('#dongelek-mirror h1'));
    const tree = await app.page.locator('body').ariaSnapshot();
    assert.match(tree, new RegExp(`heading "${car.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}" \\[level=1\\]`));
    for (const text of ['Year: ' + car.year, 'Mileage:', 'Fuel:', 'VIN:', 'Seller', 'Description'])
      assert.ok(tree.includes(text), `the tree has "${text}":\n${tree}`);
    for (const name of ['Back to results', 'Next photo', 'Show phone', 'Copy link', 'EN'])
      assert.ok(tree.includes(`button "${name}"`), `a button named "${name}"`);
    assert.ok(tree.indexOf('level=1') < tree.indexOf('Specifications'), 'the title is read before the specifications');
    assert.ok(!/canvas|textbox ""/.test(tree), 'no unnamed canvas or text box');
    await app.context.close();
  });

  for (const [name, path] of [['browse', '/'], ['listing', null]]) {
    test(`axe-core finds no serious or critical violation on the ${name} screen`, async () => {
      const where = path ?? `/listing/${(await listingId()).id}`;
      const app = await openApp(`axe-${name}`, { path: where });
      await app.waitFor((s) => s.status === 'ready', name);
      await app.page.waitForFunction(() => document.querySelector('#dongelek-mirror a, #dongelek-mirror h1'));
      const bad = (await axe(app)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
      assert.deepEqual(bad, [], JSON.stringify(bad, null, 1));
      await app.context.close();
    });
  }

  test('focus is kept in step both ways, and a screen reader can press a link', async () => {
    const app = await openApp('a11y-focus');
    await app.waitFor(ready, 'first listings');
    await app.press('Tab');
    assert.equal((await app.press('Tab')).state.focus, 'search.query', 'keyboard focus in the search');
    // App -> page: the mirror element of the focused item has the DOM focus.
    let focus = (await app.press('Escape')).state.focus; // out of the field (it keeps the DOM focus while typed into)
    while (!focus.startsWith('card:')) focus = (await app.press('Tab')).state.focus;
    await app.page.waitForFunction((id) => document.activeElement && document.activeElement.dataset.hook === id, focus);
    // Page -> app: a screen reader moving to another card moves the app's focus there.
    const other = (await app.items()).filter((i) => i.id.startsWith('card:') && i.id !== focus)[0];
    await app.page.evaluate((id) => document.querySelector(`[data-hook="${id}"]`).focus(), other.id);
    await app.waitFor((s) => s.focus === other.id, 'the app follows the screen reader');
    // Pressing it (a screen reader's click) opens the listing in the app, not as a page load.
    await app.page.evaluate((id) => document.querySelector(`[data-hook="${id}"]`).click(), other.id);
    await app.waitFor((s) => s.screen === 'listing' && s.listingId === Number(other.id.split(':')[1]), 'opened');
    await app.context.close();
  });

  test('cards are links: Ctrl+click and the middle button open a new tab, the page stays', async () => {
    const app = await openApp('links');
    const { items } = await app.waitFor(ready, 'first listings');
    const card = items.find((i) => i.id.startsWith('card:'));
    const id = Number(card.id.split(':')[1]);
    const at = [card.rect.x + card.rect.w / 2, card.rect.y + card.rect.h / 2];
    // The mirror is built when the browser is idle after a frame: wait for it, as a screen reader would.
    await app.page.waitForFunction((cid) => document.querySelector(`[data-hook="${cid}"]`), card.id);
    const mirrored = await app.page.evaluate((cid) => document.querySelector(`a[data-hook="${cid}"]`)?.getAttribute('href'), card.id);
    assert.equal(mirrored, `/listing/${id}`, 'the card is an <a href> in the page');
    for (const click of [{ ctrl: true }, { button: 'middle' }]) {
      const opened = app.context.waitForEvent('page');
      if (click.ctrl) await app.page.keyboard.down('Control');
      await app.page.mouse.click(at[0], at[1], click.ctrl ? {} : click);
      if (click.ctrl) await app.page.keyboard.up('Control');
      const tab = await opened;
      await tab.waitForLoadState();
      assert.equal(new URL(tab.url()).pathname, `/listing/${id}`, `${JSON.stringify(click)} opened the listing in a new tab`);
      await tab.close();
      await sleep(300);
      assert.equal((await app.state()).screen, 'browse', 'the first tab stayed on the results');
    }
    await app.context.close();
  });
});

describe('browser zoom', () => {
  test('Ctrl with + - 0 and Ctrl+wheel reach the browser; at 200 % the app is larger and sharp', async () => {
    const app = await openApp('zoom');
    await app.waitFor(ready, 'first listings');
    // Zoom input through the page's real handlers (the app's glue and SDL's): the browser zooms
    // unless one of them cancels the event; a plain wheel, which the app scrolls with, is cancelled.
    const notCancelled = await app.page.evaluate(() => {
      const canvas = document.getElementById('canvas');
      const key = (code, k) => canvas.dispatchEvent(new KeyboardEvent('keydown', { key: k, code, ctrlKey: true,
        bubbles: true, cancelable: true }));
      const wheel = (ctrlKey) => canvas.dispatchEvent(new WheelEvent('wheel', { deltaY: -100, ctrlKey, clientX: 640,
        clientY: 400, bubbles: true, cancelable: true }));
      return { plus: key('Equal', '='), minus: key('Minus', '-'), reset: key('Digit0', '0'), ctrlWheel: wheel(true),
        plainWheel: wheel(false) };
    });
    assert.deepEqual(notCancelled, { plus: true, minus: true, reset: true, ctrlWheel: true, plainWheel: false });
    const { state: at100, items: items100 } = await app.waitFor(ready, 'at 100 %');

    // Zoom 200 %: the page is half as many CSS pixels wide, each twice as dense.
    const cdp = await app.context.newCDPSession(app.page);
    await cdp.send('Emulation.setDeviceMetricsOverride', { width: 640, height: 400, deviceScaleFactor: 2, mobile: false });
    const { state: at200, items } = await app.waitFor((s) => s.dpr === 2 && s.css.w === 640 && ready(s), 'at 200 %');
    assert.equal(at200.canvas.w, 1280, 'the backing store follows the pixel density: sharp');
    const height = (its) => its.find((i) => i.id === 'search.query').rect.h;
    assert.equal(height(items), height(items100), 'controls keep their CSS size, so on screen they are twice as large');
    assert.equal(at100.dpr, 1);
    // Playwright's own screenshot would undo the override: ask Chromium for this very view.
    const { data } = await cdp.send('Page.captureScreenshot', { format: 'png' });
    writeFileSync(join(artifacts, 'zoom-200-percent.png'), Buffer.from(data, 'base64'));
    await app.context.close();
  });
});

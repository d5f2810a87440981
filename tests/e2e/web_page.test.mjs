// The canvas app behaves like a web page (issue 6): it rests when nothing changes, and (as
// they land) phones, keyboards, screen readers, links, zoom and history work as on any page.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { appDriver, launchBrowser, sleep, startServer } from './lib/harness.mjs';

let server;
let browser;

before(async () => {
  server = await startServer({ demoSize: 300 });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

async function openApp(name, { path = '/', ...contextOptions } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...contextOptions });
  const page = await context.newPage();
  await page.goto(server.url + path);
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

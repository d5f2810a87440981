// 360 viewer benchmark: for a few listings with a spin, the time from navigation to a car that
// can be turned (the small-frames atlas drawn: autoplay starts) and to the first full frames,
// on the first visit (the server draws the files) and again (files stored, browser cache off);
// the time from a click on a listing page's 360 link to a car that turns (the app running, the
// next listing's files drawn on that click); then the frame time while dragging the car for 120
// frames (and the viewer's GPU memory then); the time from the link to a turning car at 10 Mbit/s.
// Prints JSON for scripts/bench.sh.
import { launchBrowser } from '../lib/harness.mjs';

const url = process.argv[2];
const listings = Number(process.argv[3] ?? 3);
if (!url) {
  console.error('usage: node bench/view360.mjs URL [listings]');
  process.exit(2);
}
const list = await fetch(`${url}api/v1/listings?spin=1&page_size=${listings}`).then((r) => r.json());
const browser = await launchBrowser();
const runs = [];
let dragging = null;
const v = (s) => s.view360 ?? {};
for (const [i, item] of list.items.entries()) {
  for (const visit of ['first', 'again']) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true }); // the server's files, not the browser's copy
    const t0 = Date.now();
    await page.goto(`${url}listing/${item.id}?view=360`);
    await page.waitForFunction(() => window.dongelek && (window.dongelek.state().view360 ?? {}).autoplaying, null,
      { timeout: 60_000, polling: 10 });
    const interactive = Date.now() - t0;
    await page.waitForFunction(() => { const s = window.dongelek.state(); return s.photos.loading === 0 && s.photos.ready > 0; },
      null, { timeout: 60_000, polling: 10 });
    const sharp = Date.now() - t0;
    // From inside the app: the listing page's 360 link, as a buyer opens it.
    await page.goto(`${url}listing/${list.items[(i + 1) % list.items.length].id}`);
    await page.waitForFunction(() => { if (!window.dongelek) return false; const s = window.dongelek.state(); return s.screen === 'listing' && s.status === 'ready' &&
      window.dongelek.items().some((it) => it.id === 'listing.view360'); }, null, { timeout: 60_000, polling: 10 });
    const link = (await page.evaluate(() => window.dongelek.items())).find((it) => it.id === 'listing.view360');
    const t1 = Date.now();
    await page.mouse.click(link.rect.x + link.rect.w / 2, link.rect.y + link.rect.h / 2);
    await page.waitForFunction(() => (window.dongelek.state().view360 ?? {}).autoplaying, null, { timeout: 60_000, polling: 10 });
    const fromLink = Date.now() - t1;
    // The same once the listing page has settled (its photos drawn), as a buyer who looks at the
    // photo first: the page has loaded the view and its atlas ahead of the click by then.
    await page.goto(`${url}listing/${list.items[(i + 2) % list.items.length].id}`);
    await page.waitForFunction(() => { if (!window.dongelek) return false; const s = window.dongelek.state(); return s.screen === 'listing' &&
      s.status === 'ready' && s.settled && s.photos.loading === 0 && window.dongelek.items().some((it) => it.id === 'listing.view360'); },
    null, { timeout: 60_000, polling: 10 });
    const link2 = (await page.evaluate(() => window.dongelek.items())).find((it) => it.id === 'listing.view360');
    const t2 = Date.now();
    await page.mouse.click(link2.rect.x + link2.rect.w / 2, link2.rect.y + link2.rect.h / 2);
    await page.waitForFunction(() => (window.dongelek.state().view360 ?? {}).autoplaying, null, { timeout: 60_000, polling: 10 });
    const fromSettled = Date.now() - t2;
    runs.push({ listing: item.id, visit, interactiveMs: interactive, framesMs: sharp, fromLinkMs: fromLink, fromSettledLinkMs: fromSettled });
    if (i === 0 && visit === 'again') {
      await page.goto(`${url}listing/${item.id}?view=360`);
      await page.waitForFunction(() => window.dongelek && (window.dongelek.state().view360 ?? {}).status === 'ready', null, { timeout: 60_000 });
      // Drag back and forth over the car until 120 frames are drawn.
      await page.waitForFunction(() => !(window.dongelek.state().view360 ?? {}).autoplaying, null, { timeout: 30_000 });
      const stage = (await page.evaluate(() => window.dongelek.items())).find((it) => it.id === 'view360.stage');
      const cx = stage.rect.x + stage.rect.w / 2, cy = stage.rect.y + stage.rect.h / 2;
      await page.mouse.move(cx, cy);
      await page.mouse.down();
      const from = await page.evaluate(() => window.dongelek.state().frames);
      for (let step = 0; (await page.evaluate(() => window.dongelek.state().frames)) < from + 120 && step < 2000; step++) {
        await page.mouse.move(cx + 200 * Math.sin(step / 8), cy);
        await page.waitForTimeout(16);
      }
      await page.mouse.up();
      dragging = await page.evaluate(() => window.dongelek.state().frameMs);
      dragging.gpuMb = await page.evaluate(() => window.dongelek.state().view360.gpuMb);
    }
    await context.close();
  }
}
// At 10 Mbit/s (Chromium's network emulation, 20 ms latency): from a click on the listing page's
// 360 link to a car that turns, right after the page is ready and once it has settled.
const slow = [];
for (const [i, item] of list.items.entries()) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: 10e6 / 8, uploadThroughput: 5e6 / 8 });
  await page.goto(`${url}listing/${item.id}`);
  const settled = i % 2 === 1;
  await page.waitForFunction((settled) => { if (!window.dongelek) return false; const s = window.dongelek.state(); return s.screen === 'listing' &&
    s.status === 'ready' && (!settled || (s.settled && s.photos.loading === 0)) && window.dongelek.items().some((it) => it.id === 'listing.view360'); },
  settled, { timeout: 120_000, polling: 10 });
  const link = (await page.evaluate(() => window.dongelek.items())).find((it) => it.id === 'listing.view360');
  const t = Date.now();
  await page.mouse.click(link.rect.x + link.rect.w / 2, link.rect.y + link.rect.h / 2);
  await page.waitForFunction(() => (window.dongelek.state().view360 ?? {}).autoplaying, null, { timeout: 60_000, polling: 10 });
  slow.push({ listing: item.id, settled, fromLinkMs: Date.now() - t });
  await context.close();
}
await browser.close();
const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const of = (visit, key) => median(runs.filter((r) => r.visit === visit).map((r) => r[key]));
const summary = (visit) => ({ interactiveMs: of(visit, 'interactiveMs'), framesMs: of(visit, 'framesMs'), fromLinkMs: of(visit, 'fromLinkMs'),
  fromSettledLinkMs: of(visit, 'fromSettledLinkMs') });
console.log(JSON.stringify({ runs, first: summary('first'), again: summary('again'), dragging, slow }));

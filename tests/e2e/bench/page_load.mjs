// Page-load benchmark: bytes the page downloads before the first frame (compressed,
// as sent on the wire) and the time from navigation to the first listings drawn,
// median of N fresh loads in headless Chromium, the app's frame time (main-thread time of
// its frame function, last 120 frames, with its split: input, screens, GL) 3 s after each load and
// while scrolling to the 10,000th result, and how busy the main thread is
// while nobody touches the page (Chromium's TaskDuration over an idle 5 s window, on the
// browse and on the listing screen). Prints JSON for scripts/bench.sh.
import { launchBrowser } from '../lib/harness.mjs';

const url = process.argv[2];
const loads = Number(process.argv[3] ?? 5);
if (!url) {
  console.error('usage: node bench/page_load.mjs URL [loads]');
  process.exit(2);
}

const browser = await launchBrowser();
const times = [];
const frames = [];
let steady = null;
let idle = null;
let scrolling = null;

// Share of an idle 5 s window the page's main thread spends running tasks (0..100 %).
async function idleBusy(cdp, page) {
  await cdp.send('Performance.enable');
  const task = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration').value;
  const t0 = await task();
  const wall0 = Date.now();
  await page.waitForTimeout(5000);
  const busy = (await task()) - t0;
  return (100 * busy) / ((Date.now() - wall0) / 1000);
}
let bundle = null;
for (let i = 0; i < loads; i++) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const sizes = new Map();
  const urls = new Map();
  cdp.on('Network.responseReceived', (e) => urls.set(e.requestId, e.response.url));
  cdp.on('Network.loadingFinished', (e) => sizes.set(e.requestId, e.encodedDataLength));
  await page.goto(url);
  await page.waitForFunction(() => window.dongelek && window.dongelek.state().firstListingsAt != null,
    null, { timeout: 60_000, polling: 20 });
  const first = await page.evaluate(() => window.dongelek.state().firstListingsAt);
  times.push(first);
  // Frame cost once loaded: the photos of the first screen decode and upload in this window.
  await page.waitForTimeout(3000);
  frames.push(await page.evaluate(() => window.dongelek.state().frameMs));
  if (i === loads - 1) {
    // Steady state: a full window of 120 frames drawn after start-up (wasm warm-up, font atlas).
    // The app draws only when something changes, so the pointer sweeps over the results.
    const from = await page.evaluate(() => window.dongelek.state().frames);
    for (let step = 0; (await page.evaluate(() => window.dongelek.state().frames)) < from + 120; step++) {
      await page.mouse.move(400 + (step % 60) * 12, 200 + (step % 7) * 60);
      await page.waitForTimeout(16);
    }
    steady = await page.evaluate(() => window.dongelek.state().frameMs);
    idle = { browse: await idleBusy(cdp, page) };
    // Scrolling the continuous list of results to its 10,000th car: one wheel step of three
    // screens per display frame (dispatched in the page, as a fast trackpad fling would: paced by
    // requestAnimationFrame, not by the automation's round trips), pages of 20 fetched ahead on
    // the way, so the list only grows as they arrive. Frame times of the last 120 frames, how far
    // the list got, and how long it took (at most 3 minutes).
    await page.mouse.move(640, 500);
    const wheelFor = (target, frames, step) => page.evaluate(([target, frames, step]) => new Promise((resolve) => {
      const canvas = document.getElementById('canvas');
      const start = performance.now();
      const from = window.dongelek.state().frames;
      function next() {
        const s = window.dongelek.state();
        if ((target && (s.shown ?? 0) >= target) || (frames && s.frames - from >= frames) || performance.now() - start > 180_000) {
          resolve({ ...s.frameMs, loaded: s.shown ?? null, total: s.total ?? null, frames: s.frames - from,
                    seconds: Math.round((performance.now() - start) / 1000) });
          return;
        }
        canvas.dispatchEvent(new WheelEvent('wheel', { deltaY: step, clientX: 640, clientY: 500, bubbles: true, cancelable: true }));
        requestAnimationFrame(next);
      }
      requestAnimationFrame(next);
    }), [target, frames, step]);
    const reached = await wheelFor(10_000, 0, 2400);
    // 120 frames more there at a fast fling's pace (600 px a frame, 36,000 px/s: every frame
    // brings new rows and photos): the frame times, and the main thread's CPU time over them
    // (Chromium's ThreadTime: all of the page's work on that thread, the app's frames and the
    // browser's own) per frame drawn.
    await cdp.send('Performance.enable');
    const threadTime = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime').value;
    const cpu0 = await threadTime();
    scrolling = await wheelFor(0, 120, 600);
    scrolling.approach = { avg: reached.avg, p50: reached.p50, ui: reached.ui, gl: reached.gl }; // at 2,400 px a frame
    const cpu1 = await threadTime();
    scrolling.mainThreadCpuPerFrameMs = (1000 * (cpu1 - cpu0)) / Math.max(1, scrolling.frames);
    scrolling.seconds += reached.seconds;
    const card = (await page.evaluate(() => window.dongelek.items())).find((it) => it.id.startsWith('card:'));
    await page.mouse.click(card.rect.x + card.rect.w / 2, card.rect.y + card.rect.h / 2);
    await page.waitForFunction(() => window.dongelek.state().screen === 'listing' &&
      window.dongelek.state().status === 'ready' && window.dongelek.state().photos.loading === 0, null, { timeout: 30_000 });
    await page.mouse.move(5, 790); // off the controls: no hover, no tooltip
    await page.waitForTimeout(2000);
    idle.listing = await idleBusy(cdp, page);
  }
  if (!bundle) {
    bundle = { files: {}, bytes: 0 };
    for (const [id, u] of urls) {
      const path = new URL(u).pathname;
      if (path.startsWith('/api/') || path.startsWith('/media/')) continue;
      const b = sizes.get(id) ?? 0;
      bundle.files[path] = b;
      bundle.bytes += b;
    }
  }
  await context.close();
}
await browser.close();
times.sort((a, b) => a - b);
console.log(JSON.stringify({ firstListingsMs: times, medianMs: times[Math.floor(times.length / 2)], bundle, frames, steady, scrolling, idle }));

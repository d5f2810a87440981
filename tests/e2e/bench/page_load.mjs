// Page-load benchmark: bytes the page downloads before the first frame (compressed,
// as sent on the wire) and the time from navigation to the first listings drawn,
// median of N fresh loads in headless Chromium, and the app's frame time (CPU time of its
// frame function, last 120 frames) 3 s after each load. Prints JSON for scripts/bench.sh.
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
    const from = await page.evaluate(() => window.dongelek.state().frames);
    await page.waitForFunction((f) => window.dongelek.state().frames >= f + 120, from, { timeout: 60_000 });
    steady = await page.evaluate(() => window.dongelek.state().frameMs);
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
console.log(JSON.stringify({ firstListingsMs: times, medianMs: times[Math.floor(times.length / 2)], bundle, frames, steady }));

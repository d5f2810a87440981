import { launchBrowser, sleep } from './lib/harness.mjs';
const browser = await launchBrowser();
const ctx = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true });
await ctx.addInitScript(() => {
  window.__lcp = [];
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__lcp.push({ t: Math.round(e.startTime), size: e.size, tag: e.element ? e.element.outerHTML.slice(0, 200) : 'url:' + e.url, render: Math.round(e.renderTime), load: Math.round(e.loadTime) }); })
    .observe({ type: 'largest-contentful-paint', buffered: true });
});
const page = await ctx.newPage(); const cdp0 = await ctx.newCDPSession(page); await cdp0.send('Emulation.setCPUThrottlingRate', { rate: 4 });
await page.goto('http://127.0.0.1:18777/');
await page.waitForFunction(() => window.dongelek && window.dongelek.state().status === 'ready', null, { timeout: 60000 });
await sleep(2000);
console.log(JSON.stringify(await page.evaluate(() => window.__lcp), null, 1)); console.log(await page.evaluate(() => JSON.stringify(performance.getEntriesByType('paint').map(e => [e.name, Math.round(e.startTime)]))));
await browser.close();

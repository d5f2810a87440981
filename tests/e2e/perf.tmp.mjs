import { launchBrowser, sleep } from './lib/harness.mjs';
const browser = await launchBrowser();
for (const rate of [1, 4]) {
  const ctx = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true });
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await cdp.send('Performance.enable');
  const lines = [];
  page.on('console', (m) => { if (m.text().startsWith('T ')) lines.push(m.text()); });
  await page.goto('http://127.0.0.1:18777/');
  await page.waitForFunction(() => window.dongelek && window.dongelek.state().status === 'ready', null, { timeout: 60000 });
  await sleep(500);
  const paint = await page.evaluate(() => performance.getEntriesByType('paint').map(e => Math.round(e.startTime)));
  const res = await page.evaluate(() => performance.getEntriesByType('resource').filter(e=>/app|wasm|data/.test(e.name)).map(e => e.name.split('/').pop()+':'+Math.round(e.responseEnd)));
  console.log('rate', rate, 'paint', paint.join(','), res.join(' '), '\n  ', lines.join(' | '));
  await ctx.close();
}
await browser.close();

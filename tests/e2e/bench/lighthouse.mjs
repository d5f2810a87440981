// Lighthouse (npm lighthouse 12.2.3, mobile profile, Debian's Chromium) on app screens: the
// Performance, Accessibility and SEO scores with Total Blocking Time and LCP, the median of
// three runs per screen (single runs vary a lot on a shared machine). Prints JSON for scripts/bench.sh.
// Usage: node bench/lighthouse.mjs URL...
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const urls = process.argv.slice(2);
if (urls.length === 0) {
  console.error('usage: node bench/lighthouse.mjs URL...');
  process.exit(2);
}
const flags = ['--headless=new', '--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'];
const dir = mkdtempSync(join(tmpdir(), 'dongelek-lh-'));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const out = {};
try {
  for (const url of urls) {
    const runs = [];
    for (let i = 0; i < 3; i++) {
      const file = join(dir, `run-${runs.length}.json`);
      execFileSync('npx', ['lighthouse', url, '--quiet', '--form-factor=mobile', '--output=json', `--output-path=${file}`,
        '--only-categories=performance,accessibility,seo', `--chrome-flags=${flags.join(' ')}`],
      { env: { ...process.env, CHROME_PATH: process.env.CHROMIUM ?? '/usr/bin/chromium' }, stdio: 'ignore' });
      const r = JSON.parse(readFileSync(file, 'utf8'));
      runs.push({ performance: r.categories.performance.score * 100, accessibility: r.categories.accessibility.score * 100,
        seo: r.categories.seo.score * 100, tbtMs: r.audits['total-blocking-time'].numericValue,
        lcpMs: r.audits['largest-contentful-paint'].numericValue, fcpMs: r.audits['first-contentful-paint'].numericValue });
    }
    const pick = (k) => median(runs.map((x) => x[k]));
    out[url] = { performance: pick('performance'), accessibility: pick('accessibility'), seo: pick('seo'),
      tbtMs: pick('tbtMs'), lcpMs: pick('lcpMs'), fcpMs: pick('fcpMs'),
      range: { performance: [Math.min(...runs.map((x) => x.performance)), Math.max(...runs.map((x) => x.performance))],
        tbtMs: [Math.min(...runs.map((x) => x.tbtMs)), Math.max(...runs.map((x) => x.tbtMs))] } };
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(JSON.stringify(out));

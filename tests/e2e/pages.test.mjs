// What search engines and link previews see: the server's HTML of app addresses, read by
// Chromium's own HTML parser with JavaScript off (DOM queries, JSON-LD through JSON.parse),
// checked against the API's data; and, with JavaScript on, the app still boots over it.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { appDriver, artifacts, serverAndBrowser } from './lib/harness.mjs';

const fx = serverAndBrowser({ demoSize: 300 });

// A page as a crawler without JavaScript reads it.
async function openStatic(path) {
  const context = await fx.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const response = await page.goto(fx.server.url + path);
  return { context, page, response };
}

// Everything the head says, read from the DOM.
function readHead(page) {
  return page.evaluate(() => {
    const attr = (sel, name) => document.querySelector(sel)?.getAttribute(name) ?? null;
    const metas = {};
    for (const m of document.querySelectorAll('meta[property], meta[name]')) {
      const key = m.getAttribute('property') ?? m.getAttribute('name');
      (metas[key] ??= []).push(m.getAttribute('content'));
    }
    const alternates = {};
    for (const l of document.querySelectorAll('link[rel="alternate"][hreflang]')) alternates[l.hreflang] = l.href;
    return {
      lang: document.documentElement.lang,
      title: document.title,
      metas,
      canonical: attr('link[rel="canonical"]', 'href'),
      alternates,
      jsonLd: [...document.querySelectorAll('script[type="application/ld+json"]')].map((s) => s.textContent),
    };
  });
}

const one = (head, key) => {
  const values = head.metas[key] ?? [];
  assert.equal(values.length, 1, `exactly one ${key}: ${JSON.stringify(values)}`);
  return values[0];
};

describe('pages without JavaScript', () => {
  test('a listing page carries its title, description, Open Graph, Twitter card, hreflang and JSON-LD', async () => {
    const probe = await fetch(`${fx.server.url}/api/v1/listings?sort=price_desc&page_size=1`).then((r) => r.json());
    const id = probe.items[0].id;
    const listing = await fetch(`${fx.server.url}/api/v1/listings/${id}`).then((r) => r.json());
    const { context, page, response } = await openStatic(`/listing/${id}`);
    assert.equal(response.status(), 200);
    assert.equal(response.headers()['content-type'], 'text/html; charset=utf-8');
    const head = await readHead(page);
    const url = `${fx.server.url}/listing/${id}`;

    assert.equal(head.lang, 'en');
    assert.ok(head.title.startsWith(`${listing.title}, ${listing.year}`), `title: ${head.title}`);
    assert.match(head.title, /Dongelek/);
    const description = one(head, 'description');
    assert.ok(description.includes(String(listing.year)) && description.includes(listing.city), description);
    assert.ok([...description].length <= 160, 'a description search engines show whole');
    assert.equal(head.canonical, url);
    assert.deepEqual(head.alternates, { en: url, ru: `${url}?lang=ru`, kk: `${url}?lang=kk`, 'x-default': url });

    assert.equal(one(head, 'og:type'), 'product');
    assert.ok(one(head, 'og:title').startsWith(listing.title));
    assert.equal(one(head, 'og:description'), description);
    assert.equal(one(head, 'og:url'), url);
    assert.equal(one(head, 'og:locale'), 'en_US');
    assert.equal(one(head, 'og:image'), fx.server.url + listing.photos[0].large_url);
    assert.equal(one(head, 'twitter:card'), 'summary_large_image');
    assert.equal(one(head, 'twitter:image'), one(head, 'og:image'));
    assert.equal(one(head, 'twitter:title'), one(head, 'og:title'));
    // The preview image is a real photo.
    const image = await fetch(one(head, 'og:image'));
    assert.equal(image.status, 200);
    assert.equal(image.headers.get('content-type'), 'image/jpeg');

    assert.equal(head.jsonLd.length, 1);
    const car = JSON.parse(head.jsonLd[0]);
    assert.equal(car['@context'], 'https://schema.org');
    assert.equal(car['@type'], 'Car');
    assert.equal(car.name, listing.title);
    assert.equal(car.brand.name, listing.make);
    assert.equal(car.mileageFromOdometer.value, listing.mileage_km);
    assert.equal(car.offers['@type'], 'Offer');
    assert.equal(car.offers.priceCurrency, listing.price.currency);
    const scale = listing.price.currency === 'KZT' ? 100 : 1000;
    assert.equal(car.offers.price, listing.price.amount_minor / scale);
    assert.equal(car.offers.availability, 'https://schema.org/InStock');
    assert.equal(car.offers.url, url);
    assert.equal(car.offers.seller.name, listing.seller.name);
    assert.equal(car.image.length, listing.photos.length);

    // The listing's text, readable without JavaScript: the loading screen and canvas step aside.
    const body = await page.evaluate(() => {
      const root = document.getElementById('page-content');
      const visible = (el) => !!el && getComputedStyle(el).display !== 'none';
      return {
        h1: root.querySelector('h1')?.textContent,
        specs: [...root.querySelectorAll('dl dt')].map((dt) => [dt.textContent, dt.nextElementSibling?.textContent]),
        images: [...root.querySelectorAll('img')].map((i) => ({ src: i.getAttribute('src'), alt: i.alt })),
        text: root.innerText,
        loadingShown: visible(document.getElementById('loading')),
        canvasShown: visible(document.getElementById('canvas')),
        h1Box: root.querySelector('h1')?.getBoundingClientRect().height ?? 0,
      };
    });
    assert.equal(body.h1, listing.title);
    assert.equal(body.specs.length, 11);
    assert.deepEqual(body.specs[1], ['Mileage', `${listing.mileage_km.toLocaleString('en-US')} km`]);
    assert.equal(body.images.length, listing.photos.length);
    assert.ok(body.images.every((i) => i.alt.startsWith(listing.title)), 'every photo has alt text');
    assert.deepEqual(body.images.map((i) => i.src), listing.photos.map((p) => p.large_url));
    assert.ok(body.text.includes(listing.seller.name), 'the seller is named');
    assert.ok(body.text.includes(listing.description.slice(0, 40)), 'the description is there');
    assert.equal(body.loadingShown, false, 'no endless loading screen without JavaScript');
    assert.equal(body.canvasShown, false);
    assert.ok(body.h1Box > 0, 'the text is laid out, not hidden');
    appDriver(page, 'pages'); // makes the artifacts folder
    await page.screenshot({ path: join(artifacts, 'pages-listing-no-js.png'), fullPage: true });
    await context.close();
  });

  test('the Russian page is Russian: <html lang>, labels, canonical and og:locale', async () => {
    const { context, page } = await openStatic('/listing/3?lang=ru&utm_source=telegram');
    const head = await readHead(page);
    assert.equal(head.lang, 'ru');
    assert.equal(head.canonical, `${fx.server.url}/listing/3?lang=ru`, 'tracking parameters are not part of the address');
    assert.equal(one(head, 'og:locale'), 'ru_RU');
    assert.deepEqual(head.metas['og:locale:alternate'], ['en_US', 'kk_KZ']);
    const labels = await page.$$eval('#page-content dl dt', (dts) => dts.map((d) => d.textContent));
    assert.equal(labels[1], 'Пробег');
    assert.match(head.title, /г\./);
    await context.close();
  });

  test('a search page lists its results as links, with the next page', async () => {
    const makes = await fetch(`${fx.server.url}/api/v1/makes`).then((r) => r.json());
    const make = makes.filter((m) => m.count > 20).sort((a, b) => b.count - a.count)[0];
    assert.ok(make, 'a make with more than one page of cars');
    const results = await fetch(`${fx.server.url}/api/v1/listings?make=${make.id}`).then((r) => r.json());
    const { context, page, response } = await openStatic(`/?make=${make.id}`);
    assert.equal(response.status(), 200);
    const head = await readHead(page);
    assert.equal(head.title, `${make.name} cars for sale | Dongelek`);
    assert.equal(head.canonical, `${fx.server.url}/?make=${make.id}`);
    assert.equal(head.alternates.kk, `${fx.server.url}/?make=${make.id}&lang=kk`);
    const list = await page.$$eval('#page-content ol li', (lis) => lis.map((li) => ({
      href: li.querySelector('a').getAttribute('href'), title: li.querySelector('a').textContent, text: li.textContent,
    })));
    assert.deepEqual(list.map((l) => l.href), results.items.map((i) => `/listing/${i.id}`));
    assert.deepEqual(list.map((l) => l.title), results.items.map((i) => i.title));
    for (const [i, l] of list.entries()) {
      assert.ok(l.text.includes(String(results.items[i].year)) && l.text.includes(results.items[i].city), l.text);
    }
    const next = await page.$eval('#page-content a[rel="next"]', (a) => a.getAttribute('href'));
    assert.equal(next, `/?make=${make.id}&page=2`);
    assert.equal(await page.$('#page-content a[rel="prev"]'), null, 'no previous page on page 1');
    // Following the link as a crawler would: page 2 links back.
    await page.click('#page-content a[rel="next"]');
    await page.waitForURL(`**/?make=${make.id}&page=2`);
    assert.equal(await page.$eval('#page-content a[rel="prev"]', (a) => a.getAttribute('href')), `/?make=${make.id}`);
    await context.close();
  });

  test('an unknown listing and an unknown path answer 404 with a page that says so', async () => {
    for (const [path, heading] of [['/listing/987654321', 'Listing not found'],
      ['/no/such/page', 'Nothing was found at this address'], ['/listing/abc', 'Nothing was found at this address']]) {
      const { context, page, response } = await openStatic(path);
      assert.equal(response.status(), 404, path);
      assert.equal(await page.$eval('#page-content h1', (h) => h.textContent), heading, path);
      const head = await readHead(page);
      assert.equal(one(head, 'robots'), 'noindex', path);
      assert.equal(head.canonical, null, path);
      await context.close();
    }
  });
});

describe('pages with JavaScript', () => {
  test('the app boots over a listing page and over a 404 page, under the strict Content-Security-Policy', async () => {
    const context = await fx.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    // Anything the policy blocks (an inline script, eval, a foreign fetch) is reported here.
    await page.addInitScript(() => {
      window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const app = appDriver(page, 'pages-boot');
    await page.goto(`${fx.server.url}/listing/3`);
    await app.waitFor((s) => s.screen === 'listing' && s.status === 'ready' && s.listingId === 3, 'listing screen');
    await app.shot('listing');
    const response = await page.goto(`${fx.server.url}/listing/987654321`);
    assert.equal(response.status(), 404);
    await app.waitFor((s) => s.screen === 'listing' && s.status === 'error', 'the app\'s own not-found screen');
    await page.goto(`${fx.server.url}/?make=1`);
    await app.waitFor((s) => s.screen === 'browse' && s.status === 'ready' && s.cards > 0, 'browse screen');
    // Photos decode in the worker: wait for them, then no violation may have happened.
    await app.waitFor((s) => s.photosLoaded === undefined || s.photosLoaded > 0, 'photos', 10_000).catch(() => {});
    const csp = (await page.evaluate(() => document.querySelector('meta[http-equiv]') === null &&
      window.__cspViolations));
    assert.deepEqual(csp, []);
    assert.match(response.headers()['content-security-policy'], /script-src 'self' 'wasm-unsafe-eval';/);
    assert.deepEqual(errors, []);
    await context.close();
  });
});

// The listing page (issue 8): the full-screen gallery (click, arrows, swipe, Escape), Show
// phone with tel:/WhatsApp/Telegram links in the mirror, reporting, the deal badge and similar
// cars, on a desktop (1280) and a phone (360), and in Kazakh. Screenshots in build/e2e.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { appDriver, openApp, serverAndBrowser, sleep, swipe } from './lib/harness.mjs';

const fx = serverAndBrowser({ demoSize: 400 });
const phone = { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 };

const open = (name, path, options) => openApp(fx, name, path, options);

// A listing with several photos and a price estimate.
async function pickListing() {
  const list = await fetch(`${fx.server.url}/api/v1/listings?photos=1&page_size=60`).then((r) => r.json());
  for (const item of list.items) {
    if (item.photo_count < 3) continue;
    const insight = await fetch(`${fx.server.url}/api/v1/listings/${item.id}/insight`).then((r) => r.json());
    if (insight.available) return item;
  }
  return list.items[0];
}

const listingOf = (s) => s.listing ?? {};
const byId = (its, id) => its.find((i) => i.id === id);

async function tap(app, id) {
  const it = await app.item(id);
  await app.page.touchscreen.tap(it.rect.x + it.rect.w / 2, it.rect.y + it.rect.h / 2);
  return it;
}

describe('the listing page', () => {
  test('desktop: gallery full screen with arrows, Escape; phone links; report; deal badge; similar cars', async () => {
    const item = await pickListing();
    const app = await open('listing-desktop', `/listing/${item.id}`);
    await app.waitFor((s) => s.screen === 'listing' && s.status === 'ready', 'the listing');
    await app.waitFor((s) => listingOf(s).insight === 'ready' && listingOf(s).similar > 0, 'the price check and similar cars');
    const { items } = await app.waitFor((_, its) => its.some((i) => i.id === 'insight.badge' || i.id === 'insight.unknown'), 'insight');
    const badge = byId(items, 'insight.badge');
    assert.ok(badge, 'a deal badge for a listing with an estimate');
    assert.match(badge.value, /great|good|fair|high/);
    assert.ok(byId(items, 'insight.based_on').label.match(/based on \d+ similar cars?/));
    assert.ok(!items.some((i) => i.id === 'seller.phone'), 'no phone before Show phone');
    await app.shot('1-page');
    // Idle: with everything shown, the page draws nothing more.
    await app.page.mouse.move(5, 795);
    await app.waitFor((s) => s.settled && s.photos.loading === 0, 'at rest');
    await sleep(500);
    const rest = (await app.state()).frames;
    await sleep(1500);
    assert.equal((await app.state()).frames, rest, 'no frames while idle on the listing page');

    // The gallery: a click opens it full screen, arrows go through the photos, Escape closes.
    // (The photo lets its arrows overlap it, so like a person the pointer rests on it first.)
    const main = await app.item('photo.main');
    await app.page.mouse.move(main.rect.x + main.rect.w / 2, main.rect.y + main.rect.h / 2);
    await sleep(100);
    await app.click('photo.main');
    await app.waitFor((s, its) => listingOf(s).viewer && byId(its, 'viewer.photo'), 'the viewer');
    assert.match(byId(await app.items(), 'viewer.photo').label, /Photo 1 of/);
    await app.press('ArrowRight');
    await app.waitFor((_, its) => /Photo 2 of/.test(byId(its, 'viewer.photo')?.label ?? ''), 'the second photo');
    assert.ok((await app.items()).some((i) => i.id.startsWith('viewer.thumb:')), 'the thumbnail strip');
    await app.page.mouse.move(640, 400);
    await app.page.mouse.wheel(0, -300);
    await app.waitFor((_, its) => Number(byId(its, 'viewer.photo')?.value) > 1.2, 'zoomed by the wheel');
    await app.shot('2-viewer');
    // The zoom-out button goes back to the whole photo; a double-click zooms in where it is.
    for (let i = 0; i < 6 && Number(byId(await app.items(), 'viewer.photo')?.value) > 1; i++) {
      await app.click('viewer.zoom_out');
      await sleep(150);
    }
    await app.waitFor((_, its) => Number(byId(its, 'viewer.photo')?.value) === 1, 'the whole photo again');
    const zoomedIn = async () => Number(byId(await app.items(), 'viewer.photo')?.value) > 2;
    for (let i = 0; i < 3 && !(await zoomedIn()); i++) { // (a loaded machine can split a double-click)
      await app.page.mouse.move(500 + i * 40, 300);
      await sleep(200);
      await app.page.mouse.dblclick(500 + i * 40, 300, { delay: 20 });
      await sleep(600);
    }
    assert.ok(await zoomedIn(), 'zoomed in by a double-click');
    await app.press('Escape');
    await app.waitFor((s) => !listingOf(s).viewer, 'the viewer closed');
    assert.equal((await app.state()).screen, 'listing', 'Escape closed the viewer, not the page');

    // Show phone: the number as tel:, WhatsApp and Telegram with a message naming the car.
    await app.click('contact.show');
    const { items: shown } = await app.waitFor((_, its) => byId(its, 'contact.tel'), 'the phone shown');
    assert.match(byId(shown, 'contact.tel').href, /^tel:\+\d{8,}$/);
    const wa = byId(shown, 'contact.whatsapp').href;
    assert.match(wa, /^https:\/\/wa\.me\/\d+\?text=/);
    assert.ok(decodeURIComponent(wa).includes(`${item.make} ${item.model} ${item.year}`), `the message names the car: ${wa}`);
    assert.ok(decodeURIComponent(wa).includes(`/listing/${item.id}`));
    assert.match(byId(shown, 'contact.telegram').href, /^https:\/\/t\.me\/\+\d+\?text=/);
    // The mirror is rebuilt when the page is idle: wait for its real links.
    const mirrorHref = await app.page.waitForFunction(() =>
      [...document.querySelectorAll('#dongelek-mirror a')].map((a) => a.getAttribute('href')).find((h) => h && h.startsWith('tel:')),
    null, { timeout: 10_000 }).then((h) => h.jsonValue()).catch(() => '');
    assert.match(mirrorHref ?? '', /^tel:\+\d+$/, 'the mirror has a real tel: link');
    const mirrorWa = await app.page.evaluate(() =>
      [...document.querySelectorAll('#dongelek-mirror a')].map((a) => a.getAttribute('href')).find((h) => h && h.includes('wa.me')));
    assert.ok(mirrorWa && !mirrorWa.includes('lang='), `a WhatsApp link without the app's ?lang=: ${mirrorWa}`);
    await app.shot('3-phone-shown');

    // Report the listing.
    await app.click('listing.report');
    await app.item('report.reason:wrong_price');
    await app.click('report.reason:wrong_price');
    await app.click('report.send');
    await app.waitFor((s, its) => byId(its, 'report.done'), 'the report received');
    assert.match(byId(await app.items(), 'report.done').label, /Thank you|already/);
    await app.shot('4-reported');
    await app.click('report.close');
    await app.waitFor((s) => listingOf(s).report === 'closed', 'the dialog closed');

    // Similar cars at the bottom of the page; one opens its listing.
    await app.page.mouse.move(400, 500);
    await app.press('End');
    const { items: again } = await app.waitFor((_, its) => its.some((i) => i.id.startsWith('similar:') && i.rect.y + i.rect.h < 800),
      'similar cars in view');
    const next = again.find((i) => i.id.startsWith('similar:'));
    assert.match(next.href, /^\/listing\/\d+$/, 'a similar car is a link');
    await app.shot('5-similar');
    await app.click(next.id);
    await app.waitFor((s) => s.listingId === Number(next.id.split(':')[1]), 'the similar car opened');
    await app.context.close();
  });

  test('phone (360 px): a tap opens the gallery, swipes go through it, the contact bar stays at the bottom', async () => {
    const item = await pickListing();
    const app = await open('listing-phone', `/listing/${item.id}`, phone);
    await app.waitFor((s) => s.screen === 'listing' && s.status === 'ready', 'the listing');
    const bar = await app.item('contactbar.show');
    assert.ok(bar.rect.y + bar.rect.h <= 740 && bar.rect.y > 600, `Show phone sits at the bottom: ${JSON.stringify(bar.rect)}`);
    assert.ok(bar.rect.h >= 43.5, 'tap-sized');
    await app.shot('1-page');
    await tap(app, 'photo.main');
    const { items } = await app.waitFor((s, its) => listingOf(s).viewer && byId(its, 'viewer.photo'), 'the viewer');
    const p = byId(items, 'viewer.photo').rect;
    await swipe(app, { x: p.x + p.w * 0.85, y: p.y + p.h / 2 }, { x: p.x + p.w * 0.1, y: p.y + p.h / 2 + 6 });
    await app.waitFor((_, its) => /Photo 2 of/.test(byId(its, 'viewer.photo')?.label ?? ''), 'swiped to the second photo');
    await swipe(app, { x: p.x + p.w * 0.1, y: p.y + p.h / 2 }, { x: p.x + p.w * 0.85, y: p.y + p.h / 2 });
    await app.waitFor((_, its) => /Photo 1 of/.test(byId(its, 'viewer.photo')?.label ?? ''), 'swiped back');
    for (const it of (await app.items()).filter((i) => i.id.startsWith('viewer.') && i.role === 'button'))
      assert.ok(it.rect.h >= 43.5 || it.id.startsWith('viewer.thumb'), `${it.id} is tap-sized`);
    await app.shot('2-viewer');
    await tap(app, 'viewer.close');
    await app.waitFor((s) => !listingOf(s).viewer, 'closed');
    await tap(app, 'contactbar.show');
    const { items: shown } = await app.waitFor((_, its) => byId(its, 'contactbar.tel'), 'the number in the bar');
    assert.match(byId(shown, 'contactbar.whatsapp').href, /wa\.me/);
    await app.shot('3-phone-shown');
    await app.context.close();
  });

  test('in Kazakh: the price check and the contact message are Kazakh', async () => {
    const item = await pickListing();
    const app = await open('listing-kk', `/listing/${item.id}?lang=kk`, { ...phone, viewport: { width: 320, height: 640 } });
    await app.waitFor((s) => s.status === 'ready' && s.lang === 'kk', 'the listing in Kazakh');
    await app.waitFor((s) => listingOf(s).insight === 'ready', 'the price check');
    // The price check is below the photo and the title: short swipes up (above the contact bar)
    // until it is in view.
    let items = [];
    for (let i = 0; i < 12 && !byId(items, 'insight.based_on'); i++) {
      await swipe(app, { x: 160, y: 420 }, { x: 160, y: 300 }, 8);
      await sleep(400);
      items = await app.items();
    }
    assert.match(byId(items, 'insight.based_on').label, /^ұқсас \d+ көлік негізінде$/);
    assert.ok(byId(items, 'insight.badge'), 'the deal badge');
    assert.ok(byId(items, 'listing.report'), 'Report stays reachable on a narrow phone, on a row of its own if need be');
    await app.shot('1-kk-insight');
    await tap(app, 'contactbar.show');
    const { items: shown } = await app.waitFor((_, its) => byId(its, 'contactbar.whatsapp')?.href?.includes('text='), 'the links');
    assert.ok(decodeURIComponent(byId(shown, 'contactbar.whatsapp').href).includes('Сәлеметсіз бе'), 'a Kazakh greeting');
    await app.shot('2-kk-contact');
    // The viewer on a 320 px phone: every control within the screen, a swipe changes the photo.
    await swipe(app, { x: 160, y: 200 }, { x: 160, y: 500 });
    await swipe(app, { x: 160, y: 200 }, { x: 160, y: 500 });
    await tap(app, 'photo.main');
    const { items: v } = await app.waitFor((s, its) => listingOf(s).viewer && byId(its, 'viewer.photo'), 'the viewer at 320 px');
    for (const it of v.filter((i) => i.id.startsWith('viewer.') && i.role === 'button' && !i.id.startsWith('viewer.thumb')))
      assert.ok(it.rect.x >= 0 && it.rect.x + it.rect.w <= 320 && it.rect.h >= 43.5, `${it.id} fits and is tap-sized`);
    const p = byId(v, 'viewer.photo').rect;
    await swipe(app, { x: p.x + p.w * 0.85, y: p.y + p.h / 2 }, { x: p.x + p.w * 0.1, y: p.y + p.h / 2 });
    await app.waitFor((s) => listingOf(s).photo === 1, 'the next photo');
    await app.shot('3-kk-viewer-320');
    await app.context.close();
  });

  test('a 429 on Show phone says how long to wait; a buyer browsing in dinars sees the price in dinars too', async () => {
    const context = await fx.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.route('**/api/v1/listings/*/contact', (route) => route.fulfill({
      status: 429, headers: { 'Retry-After': '150', 'Content-Type': 'application/json' },
      body: JSON.stringify({ error: { code: 'rate_limited', field: '', message: 'too many' } }),
    }));
    await page.goto(fx.server.url + '/?currency=BHD');
    const app = appDriver(page, 'listing-limits');
    const { items } = await app.waitFor((s, its) => s.screen === 'browse' && its.some((i) => i.id.startsWith('card:')), 'cards');
    const card = items.find((i) => i.id.startsWith('card:'));
    await app.click(card.id);
    await app.waitFor((s) => s.screen === 'listing' && s.status === 'ready', 'the listing');
    const converted = await app.item('listing.price_converted');
    if ((await app.item('listing.price')).label.includes('₸'))
      assert.match(converted.label, /^≈ BD\s?[\d,]+$/, `the price in dinars too: ${converted.label}`);
    assert.match((await app.item('listing.rate')).label, /BD\s?1 = 1,350/);
    await app.click('contact.show');
    const err = await app.item('contact.error');
    assert.match(err.label, /Try again in 3 minutes\./, err.label);
    assert.ok((await app.item('contact.show')).disabled, 'the button waits too');
    await app.shot('1-rate-limited');
    await context.close();
  });
});

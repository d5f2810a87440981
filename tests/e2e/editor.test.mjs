// The seller's editor in a real browser against the real server: from the dashboard to a new
// draft, the VIN filling in the make, the car typed step by step, the page closed mid-edit and
// reopened with nothing lost, photos picked, prepared on the device and uploaded, the preview,
// publishing, the car in the search, a buyer's view counted on the dashboard; and the editor on
// a 320 px phone with a finger.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appDriver, framesWhileIdle, openApp, repoRoot, serverAndBrowser, serverBin, sleep } from './lib/harness.mjs';
import { press, reveal, typeInto } from './lib/page_moves.mjs';

const fx = serverAndBrowser({ demoSize: 80 });
const password = 'correct horse battery staple';

// A seller's account with a confirmed phone (made with the server's own command, the role and
// phone set in its database as a confirmed sign-up leaves them).
function makeSeller(email, phone) {
  const db = join(fx.server.dir, 'test.sqlite');
  execFileSync(serverBin, ['admin', 'create', '--email', email, '--name', 'Aigerim', '--db', db,
    '--locales-dir', join(repoRoot, 'locales'), '--media-dir', join(fx.server.dir, 'media')],
  { input: password + '\n', stdio: ['pipe', 'ignore', 'ignore'] });
  execFileSync('python3', ['-c', `import sqlite3,sys
c = sqlite3.connect(sys.argv[1], timeout=10)
c.execute("UPDATE users SET role = 'seller', phone = ? WHERE email = ?", (sys.argv[3], sys.argv[2]))
c.commit()`, db, email, phone]);
}

async function signedIn(app, email) {
  const status = await app.page.evaluate(async ([e, p]) => (await fetch('/api/v1/auth/login', {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: e, password: p }) })).status,
  [email, password]);
  assert.equal(status, 200);
}

// Three photos as a phone would hand them over: the server's own demo pictures, saved as files.
async function photoFiles() {
  const dir = mkdtempSync(join(tmpdir(), 'dongelek-photos-'));
  const list = await fetch(`${fx.server.url}/api/v1/listings?page_size=3`).then((r) => r.json());
  const files = [];
  for (const [i, item] of list.items.entries()) {
    const bytes = Buffer.from(await fetch(fx.server.url + item.thumb_url.replace('-thumb', '-large')).then((r) => r.arrayBuffer()));
    const path = join(dir, `IMG_00${i + 1}.jpg`);
    writeFileSync(path, bytes);
    files.push(path);
  }
  return files;
}

// A 360° spin as a camera names the shots: a demo car's frames, saved as files.
async function spinFiles() {
  const list = await fetch(`${fx.server.url}/api/v1/listings?spin=1&page_size=1`).then((r) => r.json());
  const view = await fetch(`${fx.server.url}/api/v1/listings/${list.items[0].id}/view360`).then((r) => r.json());
  const dir = mkdtempSync(join(tmpdir(), 'dongelek-spin-'));
  const paths = [];
  for (let i = 0; i < view.spin.frames; i++) {
    const url = view.spin.url_pattern.replace('{frame}', String(i)).replace('{size}', 'l');
    const path = join(dir, `IMG_${String(2000 + i)}.jpg`);
    writeFileSync(path, Buffer.from(await fetch(fx.server.url + url).then((r) => r.arrayBuffer())));
    paths.push(path);
  }
  return paths;
}

const ed = (s) => s.editor ?? {};
const still = (s) => s.settled && s.photos.loading === 0;
const byId = (its, id) => its.find((i) => i.id === id);

async function choose(app, combo, value, opts) {
  // Known widget-layer bug (README, Known issues): a combo pressed within about a second of the
  // keystroke that cleared a field's error, while that field is still being edited, only ends
  // the editing. A moment's pause, as a person takes between two fields.
  if ((await app.state()).editing) await sleep(1200);
  await press(app, combo, opts);
  await press(app, `${combo}.option:${value}`, opts);
  await app.waitFor((s) => s.settled, `${combo} = ${value}`);
}

test('a seller lists a car: VIN, steps, a closed page that loses nothing, photos, publish, search, a view', async () => {
  makeSeller('seller-editor@example.kz', '+77015550123');
  const makes = await fetch(`${fx.server.url}/api/v1/makes`).then((r) => r.json());
  const toyota = makes.find((m) => m.name === 'Toyota');
  assert.ok(toyota, 'the demo catalog has Toyota');
  const cities = await fetch(`${fx.server.url}/api/v1/cities`).then((r) => r.json());
  const almaty = cities.find((c) => c.country === 'KZ');

  let app = await openApp(fx, 'editor-desktop', '/favicon.svg');
  await signedIn(app, 'seller-editor@example.kz');
  await app.page.goto(fx.server.url + '/my/listings');
  await app.waitFor((s) => s.screen === 'my_listings' && s.account.signedIn && s.settled, 'the dashboard');
  await app.shot('0-dashboard-empty');
  await press(app, 'dashboard.sell');
  const { state: opened } = await app.waitFor((s) => s.screen === 'editor' && ed(s).draftId > 0 && ed(s).sync === 'saved' && s.settled,
    'a new draft');
  const draftId = ed(opened).draftId;
  assert.match(app.page.url(), new RegExp(`/sell/${draftId}$`), 'the draft has its own address');

  // The VIN: Toyota, Japan, filled in.
  await typeInto(app, 'editor.vin', 'JTDBR32E530012345');
  await app.waitFor((s) => ed(s).vinMake === 'Toyota', 'the VIN decoded');
  await app.shot('1-vin');

  // The car.
  await press(app, 'editor.next');
  await app.waitFor((s) => ed(s).step === 'car' && s.settled, 'the car step');
  assert.match(app.page.url(), /step=car/);
  const { items: carItems } = await app.waitFor((s, its) => byId(its, 'editor.make_id'), 'the make field');
  assert.equal(byId(carItems, 'editor.make_id').value, 'Toyota', 'the make came from the VIN');
  await choose(app, 'editor.model_id', String(toyota.models[0].id));
  await typeInto(app, 'editor.year', '2019');
  await choose(app, 'editor.body', 'sedan');
  await choose(app, 'editor.fuel', 'petrol');
  await choose(app, 'editor.transmission', 'automatic');
  await choose(app, 'editor.drive', 'fwd');
  await typeInto(app, 'editor.engine_litres', '2.5');
  await typeInto(app, 'editor.power_hp', '181');
  await choose(app, 'editor.color', 'white');
  await app.shot('2-car');

  // Condition: a bad mileage is named under its field.
  await press(app, 'editor.step:condition');
  await app.waitFor((s) => ed(s).step === 'condition' && s.settled, 'the condition step');
  await press(app, 'editor.condition:new');
  await typeInto(app, 'editor.mileage_km', '85000');
  const { items: bad } = await app.waitFor((s, its) => byId(its, 'editor.mileage_km.error'), 'the mileage problem');
  assert.match(byId(bad, 'editor.mileage_km.error').label, /1[,\u00a0 ]?000/);
  assert.equal(byId(bad, 'editor.mileage_km').invalid, true);
  await app.shot('3-bad-mileage');
  await press(app, 'editor.condition:used');
  await typeInto(app, 'editor.owners', '1');
  // The page closes right after a keystroke: the device has it, the server may not yet.
  await typeInto(app, 'editor.mileage_km', '84000');
  await app.page.close();

  // Reopened in the same browser: the draft is there, mileage and all.
  const page = await app.context.newPage();
  await page.goto(`${fx.server.url}/sell/${draftId}?step=condition`);
  const reopened = appDriver(page, 'editor-desktop');
  reopened.context = app.context;
  app = reopened;
  const { items: back } = await app.waitFor((s, its) => s.screen === 'editor' && ed(s).sync !== 'loading' &&
    byId(its, 'editor.mileage_km'), 'the draft again');
  assert.equal(byId(back, 'editor.mileage_km').value, '84000', 'nothing was lost');
  assert.equal(byId(back, 'editor.owners').value, '1');
  await app.waitFor((s) => ed(s).sync === 'saved', 'saved to the server');
  await app.shot('4-reopened');

  // Price and place.
  await press(app, 'editor.step:price');
  await app.waitFor((s) => ed(s).step === 'price' && s.settled, 'the price step');
  await typeInto(app, 'editor.price_minor', '12500000');
  await choose(app, 'editor.city_id', String(almaty.id));
  // Description.
  await press(app, 'editor.step:description');
  await app.waitFor((s) => ed(s).step === 'description' && s.settled, 'the description step');
  await typeInto(app, 'editor.description', 'One owner, dealer serviced, winter tyres included');

  // Photos: picked, prepared on the device, uploaded.
  await press(app, 'editor.step:photos');
  await app.waitFor((s) => ed(s).step === 'photos' && s.settled, 'the photos step');
  const files = await photoFiles();
  const it = await reveal(app, 'editor.photos.add');
  const chooser = app.page.waitForEvent('filechooser');
  await app.page.mouse.click(it.rect.x + it.rect.w / 2, it.rect.y + it.rect.h / 2);
  await (await chooser).setFiles(files);
  await app.waitFor((s) => ed(s).photos?.length === 3 && ed(s).photos.every((p) => p.uploaded), 'three photos uploaded', 60_000);
  await app.waitFor(still, 'thumbnails shown');
  await app.shot('5-photos');
  // The last one becomes the cover.
  const last = ed(await app.state()).photos[2].key;
  await press(app, `editor.photo:${last}.cover`);
  await app.waitFor((s) => ed(s).photos[0].key === last && s.settled, 'the new cover');
  // Dragging a thumbnail onto another puts it there: the second photo dragged onto the first.
  const second = ed(await app.state()).photos[1].key;
  const { items: thumbs } = await app.waitFor((s, its) => byId(its, `editor.photo:${second}`) && s.settled, 'the thumbnails');
  const from = byId(thumbs, `editor.photo:${second}`).rect, to = byId(thumbs, `editor.photo:${last}`).rect;
  await app.page.mouse.move(from.x + from.w / 2, from.y + from.h / 2);
  await app.page.mouse.down();
  for (let k = 1; k <= 10; k++) {
    await app.page.mouse.move(from.x + from.w / 2, from.y + from.h / 2 + ((to.y - from.y) * k) / 10);
    await sleep(30);
  }
  await app.page.mouse.up();
  await app.waitFor((s) => ed(s).photos[0].key === second && ed(s).photos[1].key === last && s.settled, 'dragged to the front');

  // The 360° step: the seller's own spin, prepared here and uploaded to the draft.
  await press(app, 'editor.step:view360');
  await app.waitFor((s) => ed(s).step === 'view360' && s.settled, 'the 360° step');
  const spinPaths = await spinFiles();
  const spinPick = app.page.waitForEvent('filechooser');
  const upload = await reveal(app, 'view360.upload');
  assert.match(upload.label, /Upload a 360° spin/);
  await app.page.mouse.click(upload.rect.x + upload.rect.w / 2, upload.rect.y + upload.rect.h / 2);
  await (await spinPick).setFiles(spinPaths);
  const { state: spun } = await app.waitFor((s) => ['done', 'failed', 'review'].includes(ed(s).spin?.phase), 'the spin uploaded',
    180_000);
  assert.equal(ed(spun).spin.phase, 'done', JSON.stringify(ed(spun).spin));
  const { items: spinItems } = await app.waitFor((s) => ed(s).spinFrames === spinPaths.length && ed(s).sync === 'saved' && still(s),
    'the draft keeps the spin');
  assert.match(byId(spinItems, 'view360.upload_done').label, new RegExp(`ready: ${spinPaths.length} photos.*when you publish`));
  assert.ok(byId(spinItems, 'editor.view360.remove'), 'the spin can be removed');
  await app.shot('5b-spin');

  // Preview: the listing page itself, as buyers will see it, under the editor's head and Publish.
  await press(app, 'editor.step:preview');
  const { state: ready, items: pageItems } = await app.waitFor((s, its) => ed(s).step === 'preview' && still(s) &&
    byId(its, 'listing.title'), 'the preview');
  assert.equal(ed(ready).publishable, true, `nothing missing: ${JSON.stringify(ed(ready).problems)}`);
  assert.match(byId(pageItems, 'listing.title').label, new RegExp(`Toyota ${toyota.models[0].name}`));
  assert.ok(byId(pageItems, 'listing.price'), 'the price as buyers see it');
  assert.ok(byId(pageItems, 'editor.publish'), 'Publish on the same page');
  assert.equal(await framesWhileIdle(app), 0, 'the editor draws nothing while nothing changes');
  await app.shot('6-preview');
  assert.equal((await reveal(app, 'seller.name')).label, 'Aigerim', 'the seller as buyers see them');
  const { items: lower } = await app.waitFor((s) => s.settled, 'at rest');
  assert.equal(lower.filter((i) => i.id === 'listing.copy_link' || i.id === 'listing.report').length, 0,
    'nothing to share or report before it is published');
  assert.match((await reveal(app, 'listing.description')).label, /winter tyres/);
  await app.shot('6b-preview-below');
  await press(app, 'editor.publish');
  const { state: published } = await app.waitFor((s) => s.screen === 'listing' && s.listingId > 0 && s.status === 'ready',
    'the published listing', 30_000);
  const listingId = published.listingId;
  await app.waitFor(still, 'the listing page');
  await app.shot('7-published');
  // The spin went live with it.
  const live = await fetch(`${fx.server.url}/api/v1/listings/${listingId}/view360`).then((r) => r.json());
  assert.equal(live.spin?.frames, spinPaths.length, "the seller's spin is the listing's 360° view");

  // Buyers find it, and a buyer's visit counts on the dashboard.
  let found = false;
  for (let i = 0; i < 50 && !found; i++) {
    const list = await fetch(`${fx.server.url}/api/v1/listings?q=winter%20tyres`).then((r) => r.json());
    found = list.items.some((x) => x.id === listingId);
    if (!found) await sleep(100);
  }
  assert.ok(found, 'the new car is in the search');
  const context = await fx.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const buyerPage = await context.newPage();
  const viewed = buyerPage.waitForResponse((r) => r.url().endsWith(`/api/v1/listings/${listingId}/view`));
  await buyerPage.goto(`${fx.server.url}/listing/${listingId}`);
  assert.equal((await (await viewed).json()).counted, true, "the buyer's visit is counted");
  await context.close();
  await app.page.goto(fx.server.url + '/my/listings');
  const { state: dash } = await app.waitFor((s) => s.screen === 'my_listings' && (s.dashboard?.listings ?? []).length === 1 && still(s),
    'the dashboard with the listing');
  assert.equal(dash.dashboard.listings[0].id, listingId);
  assert.equal(dash.dashboard.listings[0].views, 1, 'the buyer counted, the seller not');
  assert.equal(await framesWhileIdle(app), 0, 'the dashboard draws nothing while nothing changes');
  await app.shot('8-dashboard');

  // Its chart: the buyer's view on today's bar, by day and by week, and the numbers as CSV.
  await press(app, `dashboard.listing:${listingId}.stats`);
  const { state: charted, items: bars } = await app.waitFor((s) => s.dashboard?.stats?.series?.length > 0 && still(s), 'the chart');
  assert.match(app.page.url(), new RegExp(`/my/listings\\?listing=${listingId}$`));
  assert.equal(charted.dashboard.stats.series.at(-1).views, 1);
  const today = charted.dashboard.stats.series.at(-1).start;
  assert.match(byId(bars, `dashboard.stats.bucket:${today}`).label, /1 view/);
  const bar = byId(bars, `dashboard.stats.bucket:${today}`);
  await app.page.mouse.move(bar.rect.x + bar.rect.w / 2, bar.rect.y + bar.rect.h / 2);
  await app.waitFor((s) => s.settled, 'the hover');
  await app.shot('9-chart');
  await press(app, 'dashboard.stats.week');
  await app.waitFor((s) => s.dashboard?.stats?.bucket === 'week' && still(s), 'by week');
  const download = app.page.waitForEvent('download');
  await press(app, 'dashboard.stats.export');
  const file = await download;
  assert.match(file.suggestedFilename(), /^listing-\d+-week\.csv$/);
  const csv = (await import('node:fs')).readFileSync(await file.path(), 'utf8');
  assert.match(csv, /^date,views,favorites,contacts\r\n/);
  assert.match(csv, /,1,0,0\r\n$/);

  // A dealer's stock from a spreadsheet: good rows become drafts, a bad one is named.
  const stockDir = mkdtempSync(join(tmpdir(), 'dongelek-csv-'));
  const stock = join(stockDir, 'stock.csv');
  const model = toyota.models[0].name;
  writeFileSync(stock, `make;model;year;price;mileage_km;body;fuel;transmission;drive;engine_litres;power_hp;color;condition;city\r\n` +
    `Toyota;${model};2018;9800000;61000;sedan;petrol;automatic;fwd;2.5;181;white;used;${almaty.name}\r\n` +
    `Toyota;${model};2020;12900000;30000;sedan;petrol;automatic;fwd;2.5;181;black;used;${almaty.name}\r\n` +
    `Tayota;${model};2019;11000000;40000;sedan;petrol;automatic;fwd;2.5;181;white;used;${almaty.name}\r\n`);
  const pickCsv = app.page.waitForEvent('filechooser');
  await press(app, 'dashboard.import');
  await (await pickCsv).setFiles(stock);
  const { state: imported, items: report } = await app.waitFor((s) => s.dashboard?.import && still(s), 'the import report');
  assert.deepEqual(imported.dashboard.import, { created: 2, failed: 1 });
  assert.equal(imported.dashboard.drafts.length, 2, 'two new drafts to add photos to');
  assert.match(byId(report, 'dashboard.import.row:4').label, /Tayota/, 'the bad row and why');
  await app.shot('10-import');

  // Many at once: the listing picked, its price down 5 %.
  await press(app, `dashboard.listing:${listingId}.select`);
  await app.waitFor((s) => s.dashboard.selected.includes(listingId) && s.settled, 'selected');
  await press(app, 'dashboard.bulk.cheaper');
  await app.waitFor((s) => s.dashboard.selected.length === 0 && s.dashboard.listings[0].price === 1187500000 && still(s),
    'the price 5 % lower');
  await app.context.close();
});

test('on a 320 px phone, in Kazakh, the editor fits, takes a finger and the phone keyboard', async () => {
  makeSeller('seller-phone@example.kz', '+77015550124');
  const app = await openApp(fx, 'editor-phone', '/favicon.svg',
    { viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  await signedIn(app, 'seller-phone@example.kz');
  await app.page.goto(fx.server.url + '/sell/new?lang=kk'); // Kazakh: the longest words
  await app.waitFor((s) => s.screen === 'editor' && ed(s).draftId > 0 && still(s), 'a new draft on the phone');
  await press(app, 'editor.step:car', { touch: true });
  const { items } = await app.waitFor((s) => ed(s).step === 'car' && still(s), 'the car step');
  for (const i of items.filter((x) => x.id.startsWith('editor.'))) {
    assert.ok(i.rect.x >= 0 && i.rect.x + i.rect.w <= 321, `${i.id} fits in 320 px (${i.rect.x}+${i.rect.w})`);
  }
  await app.shot('0-steps');
  const year = await reveal(app, 'editor.year', { touch: true });
  assert.equal(year.inputmode, 'numeric', 'the phone shows digits for the year');
  await typeInto(app, 'editor.year', '2021', { touch: true });
  await app.shot('1-car');
  await press(app, 'editor.next', { touch: true });
  await app.waitFor((s) => ed(s).step === 'condition' && still(s), 'the next step');
  await app.shot('2-condition');
  await app.waitFor((s) => ed(s).sync === 'saved', 'saved');

  // Photos with a finger: a swipe that starts on a thumbnail scrolls the page; held still for
  // a moment first, the photo is picked up and goes where the finger takes it.
  await press(app, 'editor.step:photos', { touch: true });
  await app.waitFor((s) => ed(s).step === 'photos' && still(s), 'the photos step');
  const add = await reveal(app, 'editor.photos.add', { touch: true });
  const chooser = app.page.waitForEvent('filechooser');
  await app.page.touchscreen.tap(add.rect.x + add.rect.w / 2, add.rect.y + add.rect.h / 2);
  await (await chooser).setFiles(await photoFiles());
  await app.waitFor((s) => ed(s).photos?.length === 3 && ed(s).photos.every((p) => p.uploaded), 'three photos uploaded', 60_000);
  const order = ed(await app.state()).photos.map((p) => p.key);
  const touch = (type, x, y) => app.cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y }] });
  await reveal(app, `editor.photo:${order[2]}`, { touch: true });
  let { items: thumbs } = await app.waitFor((s, its) => byId(its, `editor.photo:${order[1]}`) && still(s), 'the thumbnails');
  const before = byId(thumbs, `editor.photo:${order[1]}`).rect;
  const sx = before.x + before.w / 2, sy = before.y + before.h / 2;
  await touch('touchStart', sx, sy);
  for (let k = 1; k <= 8; k++) {
    await touch('touchMove', sx, sy + 12 * k);
    await sleep(16);
  }
  await touch('touchEnd');
  ({ items: thumbs } = await app.waitFor((s, its) => still(s) && byId(its, `editor.photo:${order[1]}`) &&
    byId(its, `editor.photo:${order[0]}`), 'the page scrolled'));
  assert.deepEqual(ed(await app.state()).photos.map((p) => p.key), order, 'a swipe moves no photo');
  assert.ok(byId(thumbs, `editor.photo:${order[1]}`).rect.y > before.y + 40, 'the swipe scrolled the page');
  await app.shot('3-photos');
  // Held, then dragged onto the first photo: it becomes the cover.
  const from = byId(thumbs, `editor.photo:${order[1]}`).rect, to = byId(thumbs, `editor.photo:${order[0]}`).rect;
  const fx0 = from.x + from.w / 2, fy0 = from.y + from.h / 2;
  await touch('touchStart', fx0, fy0);
  await sleep(800);
  for (let k = 1; k <= 10; k++) {
    await touch('touchMove', fx0, fy0 + ((to.y - from.y) * k) / 10);
    await sleep(30);
  }
  await touch('touchEnd');
  await app.waitFor((s) => ed(s).photos[0].key === order[1] && ed(s).photos[1].key === order[0] && still(s),
    'held and dragged to the front');
  // The preview on the phone: the listing page in one column, what is missing on top.
  await press(app, 'editor.step:preview', { touch: true });
  await app.waitFor((s) => ed(s).step === 'preview' && still(s), 'the preview step');
  await app.shot('4-preview');
  await reveal(app, 'editor.preview.problem:make_id', { touch: true }); // what is missing, each a link to its step
  const { items: preview } = await app.waitFor((s) => s.settled, 'at rest');
  for (const i of preview.filter((x) => x.id.startsWith('editor.') || x.id.startsWith('listing.'))) {
    assert.ok(i.rect.x >= 0 && i.rect.x + i.rect.w <= 321, `${i.id} fits in 320 px (${i.rect.x}+${i.rect.w})`);
  }
  await app.shot('4b-preview-missing');
  assert.equal((await reveal(app, 'seller.name', { touch: true })).label, 'Aigerim', 'the page buyers will see, under it');
  await app.shot('5-preview-page');
  await app.context.close();
});

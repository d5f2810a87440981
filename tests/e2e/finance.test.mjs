// The loan calculator (issue 10): the listing page's "from … /month" link opens it; the payment
// changes as the term is typed and the address keeps the inputs; a bad term names its problem
// and the last result stays; the schedule has the term's rows; Enter moves on to the next field;
// early repayment both ways; GESV for a Kazakh listing, APR and murabaha (profit, no interest)
// for a Bahraini one; the phone layout keeps the payment in a bar at the top; Russian and
// Kazakh; applying from the calculator signed in (two partner banks, the form, consent) on a
// desktop and a 360 px phone. Screenshots in build/e2e.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { framesWhileIdle, openApp, repoRoot, serverAndBrowser, serverBin, totp } from './lib/harness.mjs';
import { mailTo as outboxMail } from './lib/harness.mjs';
import { press, reveal, typeInto } from './lib/page_moves.mjs';

const outbox = mkdtempSync(join(tmpdir(), 'dongelek-outbox-'));
after(() => rmSync(outbox, { recursive: true, force: true }));
const fx = serverAndBrowser({ demoSize: 300, extraArgs: ['--mail-outbox', outbox] });
const phone = { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 };
const open = (name, path, options) => openApp(fx, name, path, options);

const byId = (its, id) => its.find((i) => i.id === id);
const fin = (s) => s.finance ?? {};

async function pickListing(country) {
  const list = await fetch(`${fx.server.url}/api/v1/listings?country=${country}&page_size=5`).then((r) => r.json());
  assert.ok(list.items.length > 0, `a ${country} listing`);
  return list.items[0];
}

const monthly = async (app) => byId(await app.items(), 'finance.monthly')?.label;

describe('the loan calculator', () => {
  test('desktop, Kazakhstan: from the listing page, typing the term, a bad term, the schedule, early repayment', async () => {
    const item = await pickListing('KZ');
    const app = await open('finance-desktop', `/listing/${item.id}`);
    await app.waitFor((s) => s.screen === 'listing' && s.status === 'ready', 'the listing');
    const link = await app.item('listing.finance');
    assert.match(link.label, /^from [\d,]+\s₸\/month$/, `the monthly line: ${link.label}`);
    assert.equal(link.href, `/listing/${item.id}/finance`);
    await app.shot('0-listing');
    await app.click('listing.finance');
    await app.waitFor((s, its) => s.screen === 'finance' && fin(s).rows === 60 && byId(its, 'finance.monthly'), 'the calculator');
    let its = await app.items();
    const first = byId(its, 'finance.monthly').label;
    assert.match(first, /^[\d,]+(\.\d\d)?\s₸$/, `the payment in tenge: ${first}`);
    assert.match(byId(its, 'finance.effective').value, /^GESV \d+\.\d%$/, 'GESV to one decimal');
    for (const id of ['finance.price', 'finance.down_payment', 'finance.term', 'finance.rate'])
      assert.equal(byId(its, id)?.role, 'textbox', `${id} is a text field`);
    assert.equal(byId(its, 'finance.term').value, '60');
    assert.equal(byId(its, 'finance.rate').value, '18.5');
    // The fields are real inputs in the page's mirror.
    await app.page.waitForFunction(() => document.querySelectorAll('#dongelek-mirror input').length >= 6, null, { timeout: 10_000 });
    await app.shot('1-calculator');
    // Idle: with everything shown, the page draws nothing more.
    assert.equal(await framesWhileIdle(app), 0, 'no frames while idle on the calculator');

    // Keyboard: Tab goes from the price to the down payment (the fields in reading order).
    await typeInto(app, 'finance.price', '5000000');
    await app.page.keyboard.press('Tab');
    await app.waitFor((s) => s.editing === 'finance.down_payment', 'Tab: the down payment next');
    await app.waitFor((s, i) => fin(s).problems?.length === 0 && /^That is 1,000,000\s₸$/.test(byId(i, 'finance.down_payment.hint')?.label ?? ''),
      'the down payment follows the price');

    // The payment follows the term as it is typed, and the address keeps it.
    await typeInto(app, 'finance.term', '36');
    await app.waitFor((s) => fin(s).rows === 36, 'a 36-month schedule');
    const shorter = await monthly(app);
    assert.notEqual(shorter, first, 'the payment changed');
    assert.match(app.page.url(), /\/finance\?price=5000000&term=36$/);

    // A bad term: its message under the field, the last payment kept (dimmed).
    await typeInto(app, 'finance.term', '0');
    const { items: bad } = await app.waitFor((_, i) => byId(i, 'finance.term.error'), 'the term\'s problem');
    assert.equal(byId(bad, 'finance.term.error').label, 'Enter a term of at least 1 month');
    assert.equal(byId(bad, 'finance.term').invalid, true);
    assert.equal(byId(bad, 'finance.monthly').label, shorter, 'the last good payment stays');
    assert.ok(byId(bad, 'finance.stale'), 'and says it is the last valid one');
    await app.shot('2-bad-term');
    await typeInto(app, 'finance.term', '121');
    await app.waitFor((_, i) => byId(i, 'finance.term.error')?.label === 'The term can be at most 120 months', 'too long');

    // A common choice, then the schedule has exactly that many rows.
    const chip = await reveal(app, 'finance.term.choice:24');
    await app.page.mouse.click(chip.rect.x + chip.rect.w / 2, chip.rect.y + chip.rect.h / 2);
    await app.waitFor((s, i) => fin(s).rows === 24 && !byId(i, 'finance.term.error'), '24 months');
    await reveal(app, 'finance.row:24');
    its = await app.items();
    assert.ok(!byId(its, 'finance.row:25'), 'no 25th row');
    assert.match(byId(its, 'finance.row:24').label, /^Payment 24, .*balance 0(\.00)?\s₸$/, 'the last row repays the loan');
    await app.shot('3-schedule');

    // The chart's readout: the month under the pointer, its principal and interest.
    await reveal(app, 'finance.chart.heading');
    const chart = byId(await app.items(), 'finance.chart');
    await app.page.mouse.move(chart.rect.x + chart.rect.w * 0.5, chart.rect.y + chart.rect.h * 0.8);
    const { items: hovered } = await app.waitFor((_, i) => /^Payment 1[23], /.test(byId(i, 'finance.chart')?.detail ?? ''),
      'the readout of the month pointed at');
    assert.match(byId(hovered, 'finance.chart').detail, /: [\d,.]+\s₸; Principal [\d,.]+\s₸  ·  Interest [\d,.]+\s₸$/);
    await app.shot('3b-chart-readout');

    // Enter moves on to the next field.
    await typeInto(app, 'finance.rate', '20');
    await app.page.keyboard.press('Enter');
    await app.waitFor((s) => s.editing === 'finance.one_time_fee', 'Enter: on to the next field');

    // Early repayment: both outcomes with what each saves.
    await typeInto(app, 'finance.lump_sum', '1000000');
    const { items: early } = await app.waitFor((s, i) => fin(s).early?.shorterSaved > 0 && byId(i, 'finance.early.lower'), 'both outcomes');
    assert.match(byId(early, 'finance.early.shorter').value, /sooner; You save [\d,]+/);
    assert.match(byId(early, 'finance.early.lower').value, /^New payment .*; You save [\d,]+/);
    await reveal(app, 'finance.early.shorter');
    await app.shot('4-early');
    await app.context.close();
  });

  test('a shared calculator address is a page of its own, and an unknown listing\'s is a 404', async () => {
    const item = await pickListing('KZ');
    const page = await fetch(`${fx.server.url}/listing/${item.id}/finance?term=36`);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.ok(html.includes(`/listing/${item.id}"`), 'its canonical address is the listing\'s');
    assert.equal((await fetch(`${fx.server.url}/listing/99999999/finance`)).status, 404);
    assert.equal((await fetch(`${fx.server.url}/listing/${item.id}/financing`)).status, 404);
  });

  test('desktop, Bahrain: APR to two decimals, murabaha with profit wording and no interest', async () => {
    const item = await pickListing('BH');
    const app = await open('finance-bh', `/listing/${item.id}/finance`);
    await app.waitFor((s, i) => s.screen === 'finance' && fin(s).currency === 'BHD' && byId(i, 'finance.effective'), 'the calculator');
    let its = await app.items();
    assert.match(byId(its, 'finance.effective').value, /^APR \d+\.\d\d%$/, 'APR to two decimals');
    assert.equal(byId(its, 'finance.rate').value, '6.5');
    assert.match(byId(its, 'finance.monthly').label, /^BD\s[\d,]+(\.\d{1,3})?$/);
    const murabaha = await reveal(app, 'finance.type:murabaha');
    await app.page.mouse.click(murabaha.rect.x + murabaha.rect.w / 2, murabaha.rect.y + murabaha.rect.h / 2);
    await app.waitFor((s) => fin(s).type === 'murabaha', 'murabaha');
    assert.equal((await reveal(app, 'finance.rate')).value, '5', '5 % flat profit');
    assert.ok(await reveal(app, 'finance.fact:profit'), 'the profit');
    assert.ok(await reveal(app, 'finance.fact:sale_price'), 'the sale price');
    its = await app.items();
    assert.ok(!its.some((i) => /interest/i.test(i.label ?? '')), 'no "interest" anywhere');
    assert.match(app.page.url(), /type=murabaha/);
    await app.shot('1-murabaha');
    await reveal(app, 'finance.early.murabaha');
    assert.match(byId(await app.items(), 'finance.early.murabaha').label, /ibra/);
    await app.context.close();
  });

  test('phone (360 px): one column under a bar with the payment; typing on the phone keyboard updates it', async () => {
    const item = await pickListing('KZ');
    const app = await open('finance-phone', `/listing/${item.id}/finance`, phone);
    const { items } = await app.waitFor((s, i) => s.screen === 'finance' && byId(i, 'finance.bar'), 'the calculator');
    const bar = byId(items, 'finance.bar');
    assert.ok(bar.rect.y < 120 && bar.rect.w >= 359, `the payment bar at the top: ${JSON.stringify(bar.rect)}`);
    for (const it of items.filter((i) => i.id.startsWith('finance.') && !i.id.startsWith('finance.row')))
      assert.ok(it.rect.x >= 0 && it.rect.x + it.rect.w <= 360.5, `${it.id} fits the phone: ${JSON.stringify(it.rect)}`);
    for (const it of items.filter((i) => i.role === 'textbox' || i.role === 'button'))
      assert.ok(it.rect.h >= 43.5 || it.rect.y + it.rect.h > 735, `${it.id} is tap-sized`);
    await app.shot('1-phone');
    const before = bar.value;
    await typeInto(app, 'finance.term', '24', { touch: true });
    await app.waitFor((s, i) => fin(s).rows === 24 && byId(i, 'finance.bar')?.value !== before, 'the bar follows');
    await app.shot('2-phone-typed');
    await reveal(app, 'finance.chart', { touch: true });
    await app.shot('3-phone-chart');
    await reveal(app, 'finance.row:3', { touch: true });
    await app.shot('4-phone-schedule');
    await app.context.close();
  });

  test('in Russian and Kazakh: ГЭСВ and ЖТСМ, the words and the numbers of each language', async () => {
    const item = await pickListing('KZ');
    const ru = await open('finance-ru', `/listing/${item.id}/finance?lang=ru`);
    const { items } = await ru.waitFor((s, i) => s.lang === 'ru' && byId(i, 'finance.effective'), 'Russian');
    assert.match(byId(items, 'finance.effective').value, /^ГЭСВ \d+,\d\u00a0%$/);
    assert.match(byId(items, 'finance.monthly').label, /^\d{1,3}(\u00a0\d{3})*(,\d\d)?\u00a0₸$/, 'space grouping, decimal comma');
    assert.equal(byId(items, 'finance.heading').label, 'Калькулятор автокредита');
    await ru.shot('1-ru');
    await ru.context.close();
    // Kazakh on the narrowest phone (320 px): everything within the screen.
    const kk = await open('finance-kk', `/listing/${item.id}/finance?lang=kk`, { ...phone, viewport: { width: 320, height: 640 } });
    const { items: k } = await kk.waitFor((s, i) => s.lang === 'kk' && byId(i, 'finance.bar'), 'Kazakh');
    assert.match(byId(k, 'finance.bar').value, /ЖТСМ \d+,\d\u00a0%$/);
    for (const it of k.filter((i) => i.id.startsWith('finance.')))
      assert.ok(it.rect.x >= 0 && it.rect.x + it.rect.w <= 320.5, `${it.id} fits 320 px: ${JSON.stringify(it.rect)}`);
    await kk.shot('0-kk-320');
    await typeInto(kk, 'finance.term', '0', { touch: true });
    const { items: e } = await kk.waitFor((_, i) => byId(i, 'finance.term.error'), 'the problem in Kazakh');
    assert.equal(byId(e, 'finance.term.error').label, 'Кемінде 1 ай мерзімді енгізіңіз');
    await kk.shot('1-kk-320-problem');
    await kk.context.close();
  });
});

// [SECTION] Applying

const password = 'Correct-horse-battery-9';

const mailTo = (to) => outboxMail(outbox, to);

async function post(path, body) {
  return fetch(fx.server.url + path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
}

// A confirmed account, made over the API (accounts.test.mjs does it on screen).
async function confirmedAccount(email) {
  assert.equal((await post('/api/v1/auth/register', { email, password, displayName: 'Aigerim', role: 'buyer', language: 'en' })).status, 202);
  const token = /verify\?token=([A-Za-z0-9_~.-]+)/.exec(await mailTo(email))[1];
  assert.equal((await post('/api/v1/auth/verify-email', { token })).status, 200);
}

const applyOf = (s) => fin(s).apply ?? {};

// An administrator made with the server's command line on the fixture's database, signed in
// with two-step verification: the access token.
async function adminToken() {
  const email = 'root@example.kz', adminPassword = 'the admin keeps a long passphrase';
  const made = spawnSync(serverBin, ['admin', 'create', '--email', email, '--name', 'Root', '--db',
    join(fx.server.dir, 'test.sqlite'), '--locales-dir', join(repoRoot, 'locales'), '--mail-outbox', outbox],
  { input: `${adminPassword}\n`, encoding: 'utf8' });
  assert.equal(made.status, 0, made.stderr);
  const login = (extra) => post('/api/v1/auth/login', { email, password: adminPassword, ...extra }).then((r) => r.json());
  const first = (await login()).accessToken;
  const auth = { Authorization: `Bearer ${first}`, 'Content-Type': 'application/json' };
  const { secret } = await fetch(`${fx.server.url}/api/v1/me/totp/setup`, { method: 'POST', headers: auth }).then((r) => r.json());
  const enabled = await fetch(`${fx.server.url}/api/v1/me/totp/enable`, { method: 'POST', headers: auth,
    body: JSON.stringify({ code: totp(secret) }) });
  assert.equal(enabled.status, 200);
  // The enabling code is spent: the next 30-second step's code signs in.
  const token = (await login({ totp: totp(secret, Date.now() + 30_000) })).accessToken;
  assert.ok(token, 'the admin is signed in');
  return token;
}

for (const run of [
  { name: 'desktop', options: { viewport: { width: 1280, height: 800 } }, touch: false },
  { name: 'phone', options: phone, touch: true },
]) {
  test(`applying from the calculator on the ${run.name}: two banks, the form, consent, both submitted`, async () => {
    const item = await pickListing('KZ');
    const email = `apply.${run.name}.${Date.now()}@example.kz`;
    await confirmedAccount(email);
    const app = await open(`finance-apply-${run.name}`, `/listing/${item.id}/finance`, run.options);
    const touch = run.touch;
    // Signed out: the partner offers, and a link to sign in that comes back here.
    await app.waitFor((s) => applyOf(s).banks === 'ready' && s.account?.phase === 'signed_out', 'the banks, signed out');
    const signIn = await reveal(app, 'finance.apply.sign_in', { touch });
    assert.equal(signIn.href, `/account/sign-in?next=${encodeURIComponent(`/listing/${item.id}/finance`)}`);
    // Tumar wants 30 % down: dimmed with the reason, not choosable.
    assert.equal((await reveal(app, 'finance.apply.bank:tumar.reason', { touch })).label, 'Your down payment is below this bank\'s minimum');
    assert.equal((await reveal(app, 'finance.apply.bank:tumar', { touch })).role, 'text');
    assert.match((await reveal(app, 'finance.apply.bank:dala.monthly', { touch })).label, /^[\d,]+(\.\d\d)?\s₸ a month$/);
    await reveal(app, 'finance.apply.bank:dala', { touch });
    await app.shot('0-banks-signed-out');

    const login = await app.page.evaluate(async ([e, p]) => (await fetch('/api/v1/auth/login', { method: 'POST',
      headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: e, password: p }) })).status, [email, password]);
    assert.equal(login, 200);
    await app.page.reload();
    await app.waitFor((s) => applyOf(s).banks === 'ready' && s.account?.signedIn, 'signed in on the calculator');

    for (const bank of ['dala', 'steppe']) {
      const box = await reveal(app, `finance.apply.bank:${bank}`, { touch });
      assert.equal(box.role, 'checkbox');
      await press(app, `finance.apply.bank:${bank}`, { touch });
      await app.waitFor((s) => applyOf(s).chosen?.includes(bank), `${bank} ticked`);
    }
    assert.equal((await reveal(app, 'finance.apply.email', { touch })).value, email, 'the account\'s email');
    await typeInto(app, 'finance.apply.full_name', 'Aigerim Bekova', { touch });
    await typeInto(app, 'finance.apply.phone', '+7 701 234 56 78', { touch });
    await typeInto(app, 'finance.apply.national_id', '900101300123', { touch });
    await typeInto(app, 'finance.apply.monthly_income_minor', '900000', { touch });
    await press(app, 'finance.apply.employment:self_employed', { touch });
    await press(app, 'finance.apply.consent', { touch });
    await app.waitFor((s) => applyOf(s).consent === true && applyOf(s).chosen?.length === 2, 'consent given, two banks');
    const box = await reveal(app, 'finance.apply.consent', { touch });
    assert.equal(box.selected, true, `the box shows it ticked: ${JSON.stringify(box)} ${JSON.stringify(applyOf(await app.state()))}`);
    assert.equal((await reveal(app, 'finance.apply.submit', { touch })).label, 'Apply to 2 banks');
    await app.shot('1-form');
    await press(app, 'finance.apply.submit', { touch });
    await app.waitFor((s) => applyOf(s).applications?.length === 2, 'two applications');
    // The statuses are above the button: the page brings them into view by itself.
    const inView = (it) => it && it.rect.y >= 0 && it.rect.y + it.rect.h <= app.page.viewportSize().height;
    const { state, items } = await app.waitFor((s, i) => s.settled && inView(byId(i, 'finance.apply.sent')),
      'the statuses in view');
    assert.deepEqual(applyOf(state).applications.map((a) => [a.bank, a.status]).sort(), [['dala', 'submitted'], ['steppe', 'submitted']]);
    const rows = items.filter((i) => i.id.startsWith('finance.apply.application:')).map((i) => i.label).sort();
    assert.deepEqual(rows, ['Dala Bank — Submitted', 'Steppe Credit — Submitted']);
    assert.equal(byId(items, 'finance.apply.sent').label, 'Sent to:');
    await app.shot('2-sent');
    if (touch) {
      for (const it of (await app.items()).filter((i) => i.id.startsWith('finance.apply')))
        assert.ok(it.rect.x >= 0 && it.rect.x + it.rect.w <= 360.5, `${it.id} fits the phone: ${JSON.stringify(it.rect)}`);
    }
    // A later visit: the statuses come from the server.
    await app.page.reload();
    await app.waitFor((s) => applyOf(s).applications?.length === 2 && applyOf(s).sent === 0, 'the applications on a later visit');
    await reveal(app, 'finance.apply.refresh', { touch });
    if (!touch) {
      // The banks answer (an admin, standing in for them): Dala approves with an offer, Steppe
      // declines; Refresh shows both.
      const admin = await adminToken();
      const apps = applyOf((await app.state())).applications;
      const put = (id, body) => fetch(`${fx.server.url}/api/v1/finance/applications/${id}/status`, {
        method: 'PUT', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${admin}` },
        body: JSON.stringify(body) }).then((r) => r.status);
      const dala = apps.find((a) => a.bank === 'dala').id, steppe = apps.find((a) => a.bank === 'steppe').id;
      assert.equal(await put(dala, { status: 'in_review' }), 200);
      assert.equal(await put(dala, { status: 'approved', offer: { rate_bp: 1890, term_months: 60 } }), 200);
      assert.equal(await put(steppe, { status: 'declined' }), 200);
      await press(app, 'finance.apply.refresh');
      const { items: answered } = await app.waitFor((s, i) =>
        applyOf(s).applications?.map((a) => a.status).sort().join() === 'approved,declined' &&
        i.some((x) => x.id.startsWith('finance.apply.application:')), 'the banks\' answers');
      const rows = answered.filter((i) => i.id.startsWith('finance.apply.application:')).map((i) => i.label).sort();
      assert.match(rows[0], /^Dala Bank — Approved: 18\.9% a year, [\d,]+(\.\d\d)?\s₸ a month$/);
      assert.equal(rows[1], 'Steppe Credit — Declined');
      await app.shot('3-answered');
    }
    await app.context.close();
  });
}

// What a car really costs (issue 10): the listing page's "What it really costs" link opens the
// estimate; a Kazakh car's customs clearance, insurance quote (OGPO and KASKO) and year of
// ownership, each with lines that add up to its total; the yearly distance moves the year and
// the address keeps it; a bad engine volume names its problem and the sections that need it say
// so while the quote stays; the region and full cover change the premium; a Bahraini car on a
// 320 px phone with registration or transfer fees, all inside the screen; Russian and Kazakh;
// the address is a page of the server's (404 for an unknown listing).
// Screenshots in build/e2e.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { framesWhileIdle, openApp, serverAndBrowser } from './lib/harness.mjs';
import { press, reveal, typeInto } from './lib/page_moves.mjs';

const fx = serverAndBrowser({ demoSize: 300 });
const phone = { viewport: { width: 320, height: 640 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 };
const open = (name, path, options) => openApp(fx, name, path, options);
const byId = (its, id) => its.find((i) => i.id === id);
const costs = (s) => s.costs ?? {};
const sum = (b) => b.lines.reduce((a, l) => a + l.minor, 0);

async function pickListing(country, extra = '') {
  const list = await fetch(`${fx.server.url}/api/v1/listings?country=${country}&page_size=20${extra}`).then((r) => r.json());
  assert.ok(list.items.length > 0, `a ${country} listing`);
  return list.items.find((i) => i.fuel !== 'electric') ?? list.items[0];
}

describe('what a car really costs', () => {
  test('desktop, Kazakhstan: from the listing, customs, insurance, a year, a bad engine volume', async () => {
    const item = await pickListing('KZ');
    const app = await open('costs-desktop', `/listing/${item.id}`);
    await app.waitFor((s) => s.screen === 'listing' && s.status === 'ready', 'the listing');
    const link = await app.item('listing.costs');
    assert.equal(link.label, 'What it really costs');
    assert.equal(link.href, `/listing/${item.id}/costs`);
    assert.equal(link.role, 'link');
    await app.click('listing.costs');
    const { state, items } = await app.waitFor((s, i) => s.screen === 'costs' && costs(s).ready && byId(i, 'costs.monthly'),
      'the estimate');
    const c = costs(state);
    assert.equal(c.country, 'KZ');
    assert.deepEqual(c.problems, []);
    // Each breakdown's lines make its total.
    for (const b of [c.customs, c.compulsory, c.fullCover, c.ownership]) {
      assert.deepEqual(b.problems, []);
      assert.equal(sum(b), b.total);
    }
    for (const key of ['finance.customs.duty', 'finance.customs.vat', 'finance.registration.recycling_fee'])
      assert.ok(c.customs.lines.some((l) => l.key === key), `customs has ${key}`);
    assert.ok(c.ownership.lines.some((l) => l.key === 'finance.ownership.transport_tax'), 'the transport tax');
    assert.equal(c.ownership.lines.find((l) => l.key === 'finance.ownership.insurance').minor, c.compulsory.total,
      'the year counts the compulsory premium');
    assert.match(byId(items, 'costs.monthly').label, /^[\d,]+\s₸ a month$/);
    assert.equal(byId(items, 'costs.calculator').href, `/listing/${item.id}/finance`);
    await app.shot('0-estimate');
    assert.match((await reveal(app, 'costs.compulsory.line:territory')).label, /^Region( \*)? ×\d\.\d\d$/,
      'a coefficient names its factor');
    await app.shot('1-insurance');
    assert.match((await reveal(app, 'costs.customs.line:duty')).label, /^Import duty/);
    assert.match((await reveal(app, 'costs.customs.total')).value, /^[\d,]+(\.\d\d)?\s₸$/);
    assert.match((await reveal(app, 'costs.road.sources')).label, /^Tariffs in force from 20\d\d-\d\d-\d\d\. Sources: /);
    await app.shot('2-customs');
    // Idle: nothing is drawn while nothing changes.
    assert.equal(await framesWhileIdle(app), 0, 'no frames while idle');

    // A longer yearly distance: more fuel, a bigger year; the address keeps it.
    await typeInto(app, 'costs.yearly_km', '30000');
    const { state: longer } = await app.waitFor((s) => costs(s).ownership?.total > c.ownership.total, 'a bigger year');
    const fuel = (x) => costs(x).ownership.lines.find((l) => l.key === 'finance.ownership.fuel').minor;
    assert.equal(fuel(longer), fuel(state) * 2, 'twice the distance, twice the fuel');
    assert.match(app.page.url(), /\/costs\?km=30000$/);

    // Another region: another territory, another premium.
    const before = (await app.state()).costs.compulsory.total;
    const current = (await app.state()).costs.region;
    await press(app, 'costs.region');
    const { items: options } = await app.waitFor((_, i) => byId(i, 'costs.region.option:astana'), 'the regions');
    assert.equal(byId(options, 'costs.region.option:almaty_city').label, 'Almaty');
    const pick = current === 'astana' ? 'almaty_city' : 'astana';
    const option = byId(options, `costs.region.option:${pick}`);
    await app.page.mouse.click(option.rect.x + option.rect.w / 2, option.rect.y + option.rect.h / 2);
    const { state: moved } = await app.waitFor((s) => costs(s).region === pick, pick);
    assert.notEqual(moved.costs.compulsory.total, before);
    assert.match(app.page.url(), new RegExp(`region=${pick}`));

    // Full cover into the year.
    await press(app, 'costs.full_cover.include');
    const { state: full } = await app.waitFor((s) => costs(s).fullCoverIncluded, 'full cover counted');
    assert.equal(full.costs.ownership.lines.find((l) => l.key === 'finance.ownership.insurance').minor,
      full.costs.compulsory.total + full.costs.fullCover.total);
    await reveal(app, 'costs.full_cover.include');
    await app.shot('3-full-cover');

    // A bad engine volume (the field takes digits only) names its problem; the sections that need
    // it say so, and the quote, which does not, stays.
    await typeInto(app, 'costs.engine_volume', '0');
    const { items: bad } = await app.waitFor((_, i) => byId(i, 'costs.engine_volume.error'), 'the problem');
    assert.equal(byId(bad, 'costs.engine_volume.error').label, 'Enter the engine volume, from 1 to 10000 cm³');
    assert.equal(byId(bad, 'costs.engine_volume').invalid, true);
    const { state: badState } = await app.waitFor((s) => costs(s).customs?.problems?.length > 0, 'customs waits');
    assert.deepEqual(costs(badState).customs.problems, ['costs.problem.see_field']);
    assert.deepEqual(costs(badState).ownership.problems, ['costs.problem.see_field'], 'the transport tax needs it');
    assert.deepEqual(costs(badState).compulsory.problems, [], 'the quote does not need the engine');
    assert.ok((await reveal(app, 'costs.customs.problem:see_field.error')).label.startsWith('Correct the field'));
    await app.shot('4-bad-engine');
    await typeInto(app, 'costs.engine_volume', '2494');
    await app.waitFor((s) => costs(s).problems?.length === 0, 'mended');

    // The calculator links here too.
    await app.page.goto(`${fx.server.url}/listing/${item.id}/finance`);
    await app.waitFor((s, i) => s.screen === 'finance' && byId(i, 'finance.costs'), 'the calculator');
    assert.equal((await app.item('finance.costs')).href, `/listing/${item.id}/costs`);
    await app.context.close();
  });

  test('a shared estimate address is a page of its own, and an unknown listing\'s is a 404', async () => {
    const item = await pickListing('KZ');
    const page = await fetch(`${fx.server.url}/listing/${item.id}/costs?km=30000&region=astana`);
    assert.equal(page.status, 200);
    assert.ok((await page.text()).includes(`/listing/${item.id}"`), 'its canonical address is the listing\'s');
    assert.equal((await fetch(`${fx.server.url}/listing/99999999/costs`)).status, 404);
    assert.equal((await fetch(`${fx.server.url}/listing/${item.id}/cost`)).status, 404);
  });

  test('a 320 px phone, Bahrain: registration or transfer, everything inside the screen', async () => {
    const item = await pickListing('BH');
    const app = await open('costs-bh-phone', `/listing/${item.id}/costs`, phone);
    const { state, items } = await app.waitFor((s, i) => costs(s).ready && byId(i, 'costs.monthly'), 'the estimate');
    const c = costs(state);
    assert.equal(c.country, 'BH');
    assert.equal(c.customs, null);
    assert.equal(sum(c.registration), c.registration.total);
    assert.ok(c.ownership.lines.some((l) => l.key === 'finance.ownership.registration_renewal'));
    assert.match(byId(items, 'costs.monthly').label, /^BD\s[\d,]+(\.\d+)? a month$/);
    for (const it of items.filter((i) => i.id.startsWith('costs.')))
      assert.ok(it.rect.x >= 0 && it.rect.x + it.rect.w <= 320.5, `${it.id} fits 320 px: ${JSON.stringify(it.rect)}`);
    await app.shot('0-top');
    const other = c.registrationKind === 'first' ? 'transfer' : 'first';
    await press(app, `costs.registration:${other}`, { touch: true });
    const { state: changed } = await app.waitFor((s) => costs(s).registrationKind === other, `the ${other} registration`);
    assert.notEqual(changed.costs.registration.total, c.registration.total);
    await typeInto(app, 'costs.empty_weight', '2600', { touch: true });
    await app.waitFor((s) => costs(s).registration?.total > 0 && /kg=2600/.test(s.url), 'a heavier car');
    await app.shot('1-weight');
    await reveal(app, 'costs.registration.total', { touch: true });
    await app.shot('2-registration');
    await app.context.close();
  });

  test('Russian and Kazakh on a phone', async () => {
    const item = await pickListing('KZ');
    for (const [lang, heading, problem] of [
      ['ru', 'Во что обойдётся машина', 'Введите целое число, например 2494'],
      ['kk', 'Көлік қаншаға түседі', 'Бүтін санды енгізіңіз, мысалы 2494'],
    ]) {
      const app = await open(`costs-${lang}`, `/listing/${item.id}/costs?lang=${lang}&cm3=2494.5`, phone);
      const { items } = await app.waitFor((s, i) => s.lang === lang && byId(i, 'costs.heading'), lang);
      assert.equal(byId(items, 'costs.heading').label, heading);
      assert.equal((await reveal(app, 'costs.engine_volume.error', { touch: true })).label, problem);
      await app.shot(`0-${lang}`);
      await reveal(app, 'costs.compulsory.total', { touch: true });
      await app.shot(`1-${lang}-insurance`);
      await app.context.close();
    }
  });
});

// Accounts in the app, end to end (issue 7): register, pick the verification mail up from a real
// local SMTP server (Debian's aiosmtpd), verify, sign in with the keyboard alone, reload (still
// signed in), sign in on a second browser context (a phone), end that session from the first,
// then sign out everywhere. Along the way: password managers' attributes on the page's fields, a
// password manager's fill reaching the app, and screenshots at 1280 px and on a 320-360 px phone.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser, openApp, sleep, startServer, totp } from './lib/harness.mjs';

// [SECTION] A real SMTP server and the mails it received

async function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function startSmtp() {
  const dir = mkdtempSync(join(tmpdir(), 'dongelek-mail-'));
  const maildir = join(dir, 'maildir'); // made by the handler (a folder that exists already it would take as one)
  const port = await freePort();
  // Mailbox stores each message as a file of a Maildir (new/).
  const proc = spawn('/usr/bin/python3', ['-m', 'aiosmtpd', '-n', '-l', `127.0.0.1:${port}`, '-c',
    'aiosmtpd.handlers.Mailbox', maildir], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  proc.stderr.on('data', (d) => { log += d; });
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`aiosmtpd exited (${proc.exitCode}): ${log}`);
    const up = await new Promise((r) => {
      const c = createConnection({ host: '127.0.0.1', port }, () => { c.end(); r(true); });
      c.on('error', () => r(false));
    });
    if (up) break;
    if (Date.now() > deadline) throw new Error(`aiosmtpd did not listen: ${log}`);
    await sleep(100);
  }
  return {
    url: `smtp://127.0.0.1:${port}`,
    // The text of every message delivered so far, oldest first.
    messages() {
      const box = join(maildir, 'new');
      let names = [];
      try { names = readdirSync(box).sort(); } catch { return []; }
      return names.map((n) => decodeMail(readFileSync(join(box, n), 'latin1')));
    },
    async stop() {
      proc.kill('SIGTERM');
      await new Promise((r) => (proc.exitCode !== null ? r() : proc.once('exit', r)));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// The plain-text part of a MIME message, decoded (base64 or quoted-printable), with its headers.
function decodeMail(raw) {
  const headerEnd = raw.indexOf('\r\n\r\n') >= 0 ? raw.indexOf('\r\n\r\n') : raw.indexOf('\n\n');
  const head = raw.slice(0, headerEnd);
  const to = /^To:\s*(.*)$/im.exec(head)?.[1] ?? '';
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(head)?.[1];
  const parts = boundary ? raw.split(`--${boundary}`) : [raw];
  for (const part of parts) {
    if (!/content-type:\s*text\/plain/i.test(part)) continue;
    const split = part.search(/\r?\n\r?\n/);
    const headers = part.slice(0, split);
    const body = part.slice(split).trim();
    let text;
    if (/content-transfer-encoding:\s*base64/i.test(headers)) text = Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
    else if (/quoted-printable/i.test(headers))
      text = Buffer.from(body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
    else text = Buffer.from(body, 'latin1').toString('utf8');
    return { to, text };
  }
  return { to, text: raw };
}

async function waitForMail(smtp, to, what) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const m = smtp.messages().filter((x) => x.to.includes(to) && what.test(x.text));
    if (m.length) return m[m.length - 1];
    if (Date.now() > deadline) throw new Error(`no mail to ${to} matching ${what}; got ${smtp.messages().length}`);
    await sleep(100);
  }
}

// [SECTION] Fixture and helpers

const fx = { smtp: null, server: null, browser: null, outbox: null };
before(async () => {
  fx.smtp = await startSmtp();
  fx.outbox = mkdtempSync(join(tmpdir(), 'dongelek-outbox-')); // SMS codes land here (.sms.txt)
  // A 1 s wait between codes instead of a minute: the test sends an SMS code twice in a row.
  fx.server = await startServer({ demoSize: 60, extraArgs: ['--smtp-url', fx.smtp.url, '--mail-outbox', fx.outbox,
    '--auth-limits', 'resend_cooldown=1'] });
  fx.browser = await launchBrowser();
});
after(async () => {
  await fx.browser?.close();
  await fx.server?.stop();
  await fx.smtp?.stop();
  if (fx.outbox) rmSync(fx.outbox, { recursive: true, force: true });
});

// The newest SMS code sent to `phone` (the outbox's .sms.txt files).
async function smsCode(phone, after = 0) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const files = readdirSync(fx.outbox).filter((n) => n.endsWith('.sms.txt')).sort();
    for (const n of files.slice(after).reverse()) {
      const text = readFileSync(join(fx.outbox, n), 'utf8');
      const code = /\b(\d{6})\b/.exec(text);
      if (text.includes(phone) && code) return { code: code[1], count: files.length };
    }
    if (Date.now() > deadline) throw new Error(`no SMS to ${phone}`);
    await sleep(100);
  }
}

const phone = { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 };

const open = (name, path, options) => openApp(fx, name, path, options);
const account = (s) => s.account ?? {};
const itemIn = (items, id) => items.find((i) => i.id === id);

// Scrolls the page (the mouse wheel over its middle) until item `id` is on screen.
async function reveal(app, id) {
  for (let i = 0; i < 12; i++) {
    if ((await app.items()).some((it) => it.id === id)) return;
    const vp = app.page.viewportSize();
    await app.page.mouse.move(vp.width / 2, vp.height / 2);
    await app.page.mouse.wheel(0, 240);
    await sleep(120);
  }
}

// Item `id` scrolled into view, once the app is at rest (no scroll or layout change still to
// draw), so its rectangle is where a click will land, also on a loaded machine.
async function restingItem(app, id) {
  await reveal(app, id);
  const { items } = await app.waitFor((s, its) => s.settled && its.some((it) => it.id === id), `${id} at rest`);
  return items.find((it) => it.id === id);
}

// A click on item `id`, scrolled into view first.
async function press(app, id) {
  const it = await restingItem(app, id);
  await app.page.mouse.click(it.rect.x + it.rect.w / 2, it.rect.y + it.rect.h / 2);
  return it;
}
// A finger's tap on item `id`.
async function tapOn(app, id) {
  const it = await restingItem(app, id);
  await app.page.touchscreen.tap(it.rect.x + it.rect.w / 2, it.rect.y + it.rect.h / 2);
}

// Types into the app's field `id`: a click (or a tap) on it, then the keys.
async function typeInto(app, id, text, { tap = false } = {}) {
  const it = await restingItem(app, id);
  const x = it.rect.x + it.rect.w / 2, y = it.rect.y + it.rect.h / 2;
  if (tap) await app.page.touchscreen.tap(x, y);
  else await app.page.mouse.click(x, y);
  await app.waitFor((s) => s.editing === id, `editing ${id}`);
  if (tap) {
    await app.page.keyboard.insertText(text);
  } else {
    await app.page.keyboard.press('Control+A'); // what the field held is replaced
    await app.page.keyboard.type(text, { delay: 5 });
  }
  await app.waitFor((_, its) => itemIn(its, id)?.value === text, `${id} holds what was typed`, 10_000).catch(async (e) => {
    throw new Error(`${e.message}\n${id} holds ${JSON.stringify(itemIn(await app.items(), id)?.value)}`);
  });
}

const email = `aigerim.${Date.now()}@example.kz`;
const password = 'steppe horses run far at dawn';

// [SECTION] The whole path

describe('accounts in the app', () => {
  test('register, verify from the mail, sign in, stay signed in, two devices, end one, sign out everywhere', async () => {
    // Register.
    const a = await open('accounts-a', '/account/register');
    await a.waitFor((s) => s.screen === 'register' && account(s).phase === 'signed_out', 'the registration form, signed out');
    await a.shot('1-register-empty');
    await typeInto(a, 'register.email', email);
    await typeInto(a, 'register.password', password);
    await a.waitFor((_, its) => itemIn(its, 'register.strength')?.value !== undefined &&
      itemIn(its, 'register.strength')?.value !== '', 'the strength meter scored the password');
    await typeInto(a, 'register.name', 'Aigerim');
    await a.click('register.role.seller');
    await a.waitFor((_, its) => itemIn(its, 'register.role.seller')?.selected, 'private seller picked');
    // Password managers: the fields say what they are, on the page's hidden input and in the mirror.
    const mirror = await a.page.evaluate(() => [...document.querySelectorAll('#dongelek-mirror input')].map((i) => ({
      name: i.name, type: i.type, autocomplete: i.getAttribute('autocomplete'), label: i.getAttribute('aria-label'),
      form: !!i.form })));
    assert.deepEqual(mirror.find((i) => i.name === 'register.email'),
      { name: 'register.email', type: 'email', autocomplete: 'username', label: 'Email', form: true });
    assert.equal(mirror.find((i) => i.name === 'register.password').type, 'password');
    assert.equal(mirror.find((i) => i.name === 'register.password').autocomplete, 'new-password');
    await a.shot('2-register-filled');
    await press(a, 'register.submit');
    const { state: checkMail } = await a.waitFor((s) => s.screen === 'check_mail', '"check your mail"');
    assert.equal(checkMail.checkMail.email, email);
    assert.equal(checkMail.url, '/account/check-mail');
    await a.shot('3-check-mail');

    // The mail arrived at the SMTP server; its link opens the app's verify screen.
    const mail = await waitForMail(fx.smtp, email, /\/account\/verify\?token=/);
    const link = /(https?:\/\/\S+\/account\/verify\?token=[A-Za-z0-9_~.-]+[^\s]*)/.exec(mail.text)[1];
    await a.page.goto(link);
    await a.waitFor((s) => s.screen === 'verify' && s.verify === 'verified', 'the address confirmed');
    await a.shot('4-verified');
    // The same link a second time: "already used", said plainly.
    const again = await open('accounts-again', new URL(link).pathname + new URL(link).search);
    await again.waitFor((s) => s.screen === 'verify' && s.verify === 'used', 'a used link');
    await again.context.close();

    // Sign in with the keyboard alone: the email field has the focus, Tab, the password, Enter.
    await press(a, 'verify.sign_in');
    await a.waitFor((s) => s.screen === 'sign_in' && s.editing === 'signin.email', 'the email field focused');
    await a.page.keyboard.type(email, { delay: 5 });
    await a.press('Tab');
    await a.waitFor((s) => s.editing === 'signin.password', 'Tab to the password');
    const hidden = await a.page.evaluate(() => {
      const f = document.getElementById('dongelek-field');
      return { focused: document.activeElement === f, type: f.type, autocomplete: f.getAttribute('autocomplete') };
    });
    assert.deepEqual(hidden, { focused: true, type: 'password', autocomplete: 'current-password' },
      'the hidden input is a current-password field while the password is typed');
    await a.page.keyboard.type(password, { delay: 5 });
    await a.page.keyboard.press('Enter');
    const { state: signedIn } = await a.waitFor((s) => account(s).signedIn && s.screen === 'profile', 'signed in, on the account page');
    assert.equal(account(signedIn).email, email);
    assert.equal(account(signedIn).role, 'seller');
    await a.shot('5-account');

    // A reload stays signed in (the refresh cookie), and nothing shows an expired token.
    await a.page.reload();
    await a.waitFor((s) => s.screen === 'profile' && account(s).signedIn && s.status === 'ready', 'still signed in after a reload');

    // A second device: a phone signs in too (tapping the fields raises the keyboard).
    const b = await open('accounts-b', '/account/sessions', phone);
    await b.waitFor((s) => s.screen === 'sign_in', 'the phone is sent to sign in');
    assert.match((await b.state()).url, /next=%2Faccount%2Fsessions/);
    await b.shot('1-sign-in-360');
    await typeInto(b, 'signin.email', email, { tap: true });
    await typeInto(b, 'signin.password', password, { tap: true });
    await tapOn(b, 'signin.submit');
    await b.waitFor((s) => account(s).signedIn && s.screen === 'sessions' && s.status === 'ready', 'back where it was going: the sessions');
    await b.shot('2-sessions-360');

    // The first device sees both and ends the phone's session.
    await a.click('account.tab.sessions');
    const { state: listed } = await a.waitFor((s) => s.screen === 'sessions' && s.sessions?.items.length === 2, 'two sessions listed');
    const other = listed.sessions.items.find((x) => !x.current);
    assert.ok(other, 'one of them is the other device');
    assert.match(other.device, /Android|Chrome|Linux|unknown/i);
    await a.shot('6-sessions');
    // At rest: nothing is drawn while nothing changes.
    await a.page.mouse.move(5, 795);
    await sleep(500);
    const rest = (await a.state()).frames;
    await sleep(1500);
    assert.equal((await a.state()).frames, rest, 'no frames while the sessions page is at rest');
    await press(a, `session.end:${other.id}`);
    await a.waitFor((s) => s.sessions?.items.length === 1 && s.sessions.items[0].current, 'only this device left');

    // The phone finds out at its next refresh: a reload is signed out.
    await b.page.reload();
    await b.waitFor((s) => account(s).phase === 'signed_out' && s.screen === 'sign_in', 'the ended session is signed out');

    // The phone signs in again; then "sign out everywhere" on the first device ends both.
    await typeInto(b, 'signin.email', email, { tap: true });
    await typeInto(b, 'signin.password', password, { tap: true });
    await tapOn(b, 'signin.submit');
    await b.waitFor((s) => account(s).signedIn, 'the phone signed in again');
    await a.page.reload();
    await a.waitFor((s) => s.screen === 'sessions' && s.sessions?.items.length === 2, 'two sessions again');
    await press(a, 'sessions.sign_out_all');
    await a.waitFor((s) => account(s).phase === 'signed_out' && s.screen === 'browse', 'signed out, home');
    await a.page.reload();
    await a.waitFor((s) => account(s).phase === 'signed_out', 'and still signed out after a reload');
    await b.page.reload();
    await b.waitFor((s) => account(s).phase === 'signed_out', 'the phone is signed out too');
    await a.context.close();
    await b.context.close();
  });

  test('two-step verification: set up from the QR secret, then sign-in asks for the code; a phone number signs in by SMS',
    async () => {
      const mail = `timur.${Date.now()}@example.kz`;
      // An account made and confirmed over the API (the first test covers doing it on screen).
      const api = (path, body) => fetch(fx.server.url + path, { method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body) });
      assert.equal((await api('/api/v1/auth/register', { email: mail, password, displayName: 'Timur', role: 'dealer',
        language: 'ru' })).status, 202);
      const link = /(\/account\/verify\?token=[A-Za-z0-9_~.-]+)/.exec((await waitForMail(fx.smtp, mail, /verify\?token=/)).text)[1];
      assert.equal((await api('/api/v1/auth/verify-email', { token: new URL(link, fx.server.url).searchParams.get('token') })).status, 200);

      const app = await open('accounts-2fa', '/account/security?lang=ru');
      await app.waitFor((s) => s.screen === 'sign_in', 'sent to sign in');
      await typeInto(app, 'signin.email', mail);
      await typeInto(app, 'signin.password', password);
      await app.page.keyboard.press('Enter');
      await app.waitFor((s) => s.screen === 'security' && account(s).signedIn, 'back on the security page, signed in');
      await press(app, 'totp.setup');
      await app.waitFor((s) => s.security?.totpStep === 'setup', 'the set-up step');
      await reveal(app, 'totp.qr');
      assert.ok((await app.item('totp.qr')).rect.w >= 120, 'the QR code is large enough to scan');
      await reveal(app, 'totp.secret');
      const secret = (await app.item('totp.secret')).label.replace(/\s+/g, '');
      assert.match(secret, /^[A-Z2-7]{16,}$/);
      await app.shot('1-setup');
      const enabledWith = totp(secret);
      await typeInto(app, 'totp.code', enabledWith);
      await press(app, 'totp.enable');
      const { state: codes } = await app.waitFor((s) => s.security?.totpStep === 'codes', 'the recovery codes');
      assert.equal(codes.security.recoveryCodes, 10);
      await reveal(app, 'totp.codes');
      const recovery = (await app.item('totp.codes')).label.split('\n');
      assert.equal(recovery.length, 10);
      await app.shot('2-recovery-codes');
      await press(app, 'totp.codes.done');
      await app.waitFor((s) => s.security?.totpStep === 'idle' && s.security.recoveryCodes === 0, 'codes put away');

      // A phone number, confirmed with the SMS code.
      await press(app, 'account.tab.profile');
      await press(app, 'phone.add');
      const number = '+77011234567';
      await typeInto(app, 'phone.input', '8 701 123 45 67');
      await press(app, 'phone.send');
      await app.waitFor((s) => s.profile?.phoneStep === 'code', 'the code step');
      const first = await smsCode(number);
      await typeInto(app, 'phone.code', first.code);
      await press(app, 'phone.confirm');
      await app.waitFor((_, its) => itemIn(its, 'phone.confirmed'), 'the phone confirmed');
      await app.shot('3-phone');

      // Signing out and in again: the password, then the authenticator's code.
      await press(app, 'account.sign_out');
      await app.waitFor((s) => account(s).phase === 'signed_out' && s.screen === 'browse', 'signed out');
      await app.page.goto(fx.server.url + '/account/sign-in?lang=ru');
      await typeInto(app, 'signin.email', mail);
      await typeInto(app, 'signin.password', password);
      await app.page.keyboard.press('Enter');
      await app.waitFor((s) => s.signIn?.step === 'totp', 'asked for the code');
      await app.shot('4-totp-step');
      await typeInto(app, 'signin.totp', '000000' === totp(secret) ? '111111' : '000000');
      await app.page.keyboard.press('Enter');
      await app.waitFor((_, its) => itemIn(its, 'signin.totp.error'), 'a wrong code is said under the field');
      // A code counts once: the next one the app would show (the server refuses a replay).
      while (totp(secret) === enabledWith) await sleep(500);
      await typeInto(app, 'signin.totp', totp(secret));
      await app.page.keyboard.press('Enter');
      await app.waitFor((s) => account(s).signedIn && s.screen === 'profile', 'signed in with the code');

      // And with the phone: the SMS code tab.
      await press(app, 'account.sign_out');
      await app.waitFor((s) => account(s).phase === 'signed_out', 'signed out again');
      await app.page.goto(fx.server.url + '/account/sign-in?with=phone');
      await typeInto(app, 'signin.phone', number);
      await press(app, 'signin.phone.submit');
      await app.waitFor((s) => s.signIn?.step === 'phone_code', 'the code step');
      const second = await smsCode(number, first.count);
      await typeInto(app, 'signin.code', second.code);
      await press(app, 'signin.code.submit');
      // Two-step is on: the SMS code is one step, the second here one of the recovery codes.
      await app.waitFor((s) => s.signIn?.step === 'totp', 'the second step after the SMS code');
      await press(app, 'signin.totp.recovery');
      await app.waitFor((_, its) => /recovery/i.test(itemIn(its, 'signin.totp')?.label ?? ''), 'the field takes a recovery code');
      await typeInto(app, 'signin.totp', recovery[0]);
      await app.page.keyboard.press('Enter');
      await app.waitFor((s) => account(s).signedIn && account(s).email === mail, 'signed in with the SMS code and a recovery code');
      await app.context.close();
    });

  test('a wrong password is said under the form; a password manager filling the page reaches the app', async () => {
    const app = await open('accounts-errors', '/account/sign-in');
    await app.waitFor((s) => s.screen === 'sign_in' && account(s).phase === 'signed_out', 'the sign-in form');
    // A password manager fills the page's copy of the form (as it does on page load).
    await app.page.waitForFunction(() => document.querySelector('#dongelek-mirror input[name="signin.email"]'));
    await app.page.evaluate(([mail]) => {
      for (const [name, value] of [['signin.email', mail], ['signin.password', 'not the password at all']]) {
        const el = document.querySelector(`#dongelek-mirror input[name="${name}"]`);
        el.value = value;
        el.dispatchEvent(new Event('input', { bubbles: true }));
      }
    }, [email]);
    await app.waitFor((_, its) => itemIn(its, 'signin.email')?.value === email &&
      itemIn(its, 'signin.password')?.value === 'not the password at all', 'the fill reached the app');
    await press(app, 'signin.submit');
    const { items } = await app.waitFor((_, its) => itemIn(its, 'signin.error'), 'the form says why');
    assert.match(itemIn(items, 'signin.error').label, /wrong/i);
    // An empty email is named under its field, and the mirror links the field to it.
    await app.page.evaluate(() => {
      const el = document.querySelector('#dongelek-mirror input[name="signin.email"]');
      el.value = '';
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await app.waitFor((_, its) => itemIn(its, 'signin.email')?.value === '', 'the email emptied');
    await press(app, 'signin.submit');
    await app.waitFor((_, its) => itemIn(its, 'signin.email.error'), 'the error under the email');
    await app.page.waitForFunction(() => {
      const el = document.querySelector('#dongelek-mirror input[name="signin.email"]');
      const d = el && document.getElementById(el.getAttribute('aria-describedby') || '');
      return el && el.getAttribute('aria-invalid') === 'true' && d && /email/i.test(d.textContent);
    });
    await app.shot('errors');
    await app.context.close();
  });

  test('the forms read well to a screen reader: labelled fields, radios, headings, and axe-core finds nothing serious',
    async () => {
      const axeSource = readFileSync(new URL('./node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
      for (const [path, screen] of [['/account/sign-in', 'sign_in'], ['/account/register', 'register'],
        ['/account/forgot', 'forgot']]) {
        const app = await open(`accounts-a11y-${screen}`, path);
        await app.waitFor((s) => s.screen === screen && account(s).phase === 'signed_out', screen);
        await app.page.waitForFunction(() => document.querySelector('#dongelek-mirror h1') &&
          document.querySelector('#dongelek-mirror input'));
        const tree = await app.page.locator('#dongelek-mirror').ariaSnapshot();
        assert.match(tree, /heading "[^"]+" \[level=1\]/, `${screen}: the page's title is its heading`);
        assert.match(tree, /textbox "Email"/, `${screen}: the email field has its label`);
        if (screen === 'register') {
          assert.match(tree, /radio "Private seller, Selling my own car"/, 'the roles are radios');
          assert.match(tree, /checked/, 'the chosen role is checked');
        }
        assert.ok(!/textbox ""/.test(tree), `${screen}: no unnamed text box:\n${tree}`);
        await app.page.evaluate(axeSource); // through DevTools: the page's CSP forbids inline scripts
        const bad = await app.page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] }))
          .violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => ({ id: v.id, help: v.help, first: v.nodes[0] && v.nodes[0].html })));
        assert.deepEqual(bad, [], `${screen}: ${JSON.stringify(bad, null, 1)}`);
        await app.context.close();
      }
    });

  test('at 320 px every account screen fits: sign in, register, check your mail', async () => {
    const narrow = { ...phone, viewport: { width: 320, height: 640 } };
    for (const [path, screen] of [['/account/sign-in', 'sign_in'], ['/account/register?lang=ru', 'register'],
      ['/account/sign-in?with=phone&lang=kk', 'sign_in'], ['/account/forgot', 'forgot']]) {
      const app = await open(`accounts-320-${screen}`, path, narrow);
      const { items } = await app.waitFor((s, its) => s.screen === screen && its.some((i) => i.role === 'textbox'), screen);
      for (const it of items.filter((i) => i.screen === screen && (i.role === 'textbox' || i.role === 'button' || i.role === 'link'))) {
        assert.ok(it.rect.x >= 0 && it.rect.x + it.rect.w <= 320.5, `${it.id} inside the 320 px screen`);
      }
      const field = items.find((i) => i.role === 'textbox');
      assert.ok(field.rect.h >= 44, 'fields are tap-sized');
      await app.shot(path.includes('phone') ? 'phone-code' : 'screen');
      await app.context.close();
    }
  });
});

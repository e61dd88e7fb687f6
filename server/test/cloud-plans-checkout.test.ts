import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeBillingResponseSchema, linkResponseSchema } from '#api/cloud-plans';
import { addBillingMonths } from '#lib/billing-calendar';
import { formatBillingDate } from '#lib/date-format';
import { formatMinor } from '#lib/money';
import { ORG_IDS } from '../db/seed';
import { call, createTestApp, TOKENS, type TestApp } from './cloud-plans-app';

const BASE = '/api/v1/organizations/billing';
const GOOD_CARD = { number: '4242 4242 4242 4242', expiry_month: '12', expiry_year: '2030', cvv: '123' };

let t: TestApp;
beforeEach(() => {
  t = createTestApp();
});
afterEach(() => t.close());

async function paymentLink(quantity: number): Promise<string> {
  const response = await call(t.app, `${BASE}/update?action=getpaymentlink&org_id=${ORG_IDS.globex}&quantity=${quantity}`, { method: 'POST', token: TOKENS.adminGlobex });
  expect(response.status).toBe(200);
  return new URL(linkResponseSchema.parse(response.json).response).pathname;
}

async function updateCardLink(token: string = TOKENS.adminAcme): Promise<string> {
  const response = await call(t.app, `${BASE}/update?action=getupdatecardlink`, { method: 'POST', token, body: { org_id: ORG_IDS.acme } });
  expect(response.status).toBe(200);
  return new URL(linkResponseSchema.parse(response.json).response).pathname;
}

function postForm(path: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  return call(t.app, path, {
    method: 'POST',
    token: null,
    rawBody: new URLSearchParams(fields).toString(),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
  });
}

async function globex() {
  const response = await call(t.app, `${BASE}/describe?action=getorganization&org_id=${ORG_IDS.globex}`, { token: TOKENS.adminGlobex });
  return describeBillingResponseSchema.parse(response.json).response;
}

/** Every stored value of every table, to look for card data. */
function everythingStored(): string {
  const tables = t.db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'").all();
  return tables.map(({ name }) => JSON.stringify(t.db.prepare(`SELECT * FROM "${name}"`).all())).join('\n');
}

describe('hosted checkout', () => {
  it('is accessible-minded HTML that cannot be framed, runs no script and is not cached', async () => {
    const page = await call(t.app, await paymentLink(3), { token: null });
    expect(page.status).toBe(200);
    expect(page.headers.get('Content-Type')).toMatch(/^text\/html/);
    const csp = page.headers.get('Content-Security-Policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("form-action 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('script-src');
    expect(page.headers.get('X-Frame-Options')).toBe('DENY');
    expect(page.headers.get('Cache-Control')).toBe('no-store');
    expect(page.text).toContain('<html lang="en">');
    expect(page.text).not.toMatch(/<script|style="/);
    for (const field of ['number', 'expiry_month', 'expiry_year', 'cvv']) expect(page.text).toContain(`<label for="${field}">`);
    expect(page.text).toContain('Pay $57.00 and subscribe');
    expect(page.text).toContain('<title>Subscribe Globex · Cloud Plans sandbox</title>');
    // Each line of the summary is one element, so the rule above the total runs unbroken under both columns.
    expect(page.text).toContain('<div class="total"><dt>Total due today</dt><dd>$57.00</dd></div>');
    expect(page.text).not.toMatch(/<\/dd>\s*<dt/);
    expect(page.text).toContain(`href="/organizations/${ORG_IDS.globex}/subscription?checkout=canceled"`);
    const css = await call(t.app, '/sandbox/cloud-plans.css', { token: null });
    expect(css.status).toBe(200);
    expect(css.text).toContain('prefers-color-scheme: dark');
  });

  it('activates the subscription when paid, records the payment and returns to the console', async () => {
    const path = await paymentLink(3);
    const paid = await postForm(path, GOOD_CARD);
    expect(paid.status).toBe(303);
    expect(paid.headers.get('Location')).toBe(`/organizations/${ORG_IDS.globex}/subscription?checkout=success`);

    const after = await globex();
    expect(after.subscription).toEqual({ plan: 'STANDARD', quantity: '3', paid_quantity: '3', period_start: '2026-03-15T10:00:00.000Z', payment_exp: '2026-04-15T10:00:00.000Z' });
    expect(after.payment_method).toEqual({ brand: 'VISA', last4: '4242', expiry_month: 12, expiry_year: 2030 });
    const history = await call(t.app, `${BASE}/history?action=list_billing&org_id=${ORG_IDS.globex}`, { token: TOKENS.adminGlobex });
    expect(history.json).toMatchObject({
      billing_history: [{ status: 'paid', amount: '57.00', date: '2026-03-15T10:00:00.000Z', description: 'Standard plan, 3 instances, 2026-03-15 to 2026-04-15' }],
    });
  });

  it('never stores or logs the card number or the security code', async () => {
    const path = await paymentLink(2);
    await postForm(path, { ...GOOD_CARD, number: '5555555555554444', cvv: '987' });
    await postForm(await updateCardLink(), { ...GOOD_CARD, number: '4000056655665556', cvv: '321' });
    const stored = everythingStored();
    const logged = t.logs.join('\n');
    for (const secret of ['5555555555554444', '4000056655665556', '555555555555', '400005665566']) {
      expect(stored).not.toContain(secret);
      expect(logged).not.toContain(secret);
    }
    expect(logged).not.toMatch(/"cvv"|cvv=/);
    expect((await globex()).payment_method).toMatchObject({ brand: 'MASTERCARD', last4: '4444' });
  });

  it('shows field errors, keeps only the expiry, and changes nothing on an invalid card', async () => {
    const path = await paymentLink(3);
    const invalid = await postForm(path, { number: '4242 4242 4242 4241', expiry_month: '12', expiry_year: '2030', cvv: '12' });
    expect(invalid.status).toBe(400);
    expect(invalid.text).toContain('<title>Error: Subscribe Globex · Cloud Plans sandbox</title>');
    expect(invalid.text).toContain('role="alert"');
    expect(invalid.text).toContain('This card number is not valid: check it for typos');
    expect(invalid.text).toContain('The security code has 3 digits');
    expect(invalid.text).toMatch(/id="number" name="number" aria-invalid="true" aria-describedby="number-hint number-error" autofocus/);
    expect(invalid.text).toContain('<option value="12" selected>12</option>');
    expect(invalid.text).toContain('<option value="2030" selected>2030</option>');
    expect(invalid.text).not.toContain('4242 4242 4242 4241');
    expect(invalid.text).not.toContain('4242424242424241');

    const expired = await postForm(path, { ...GOOD_CARD, expiry_month: '1', expiry_year: '2026' });
    expect(expired.status).toBe(400);
    expect(expired.text).toContain('This card has expired');

    const empty = await postForm(path, {});
    expect(empty.status).toBe(400);
    expect(empty.text).toContain('Card number is required');
    expect(empty.text).toContain('Choose the expiry month');

    expect((await globex()).subscription).toBeNull();
    // The link still works after failed attempts.
    expect((await postForm(path, GOOD_CARD)).status).toBe(303);
  });

  it('declines the documented test card without charging', async () => {
    const path = await paymentLink(3);
    const declined = await postForm(path, { ...GOOD_CARD, number: '4000 0000 0000 0002' });
    expect(declined.status).toBe(400);
    expect(declined.text).toContain('Your card was declined by its issuer');
    expect(declined.text).toContain('<title>Error: Subscribe Globex');
    expect((await globex()).subscription).toBeNull();
  });

  it('is single-use: a paid link answers 410 and charges nothing more', async () => {
    const path = await paymentLink(3);
    expect((await postForm(path, GOOD_CARD)).status).toBe(303);
    const reopened = await call(t.app, path, { token: null });
    expect(reopened.status).toBe(410);
    expect(reopened.text).toContain('This link has already been used');
    const repaid = await postForm(path, GOOD_CARD);
    expect(repaid.status).toBe(410);
    const history = await call(t.app, `${BASE}/history?action=list_billing&org_id=${ORG_IDS.globex}`, { token: TOKENS.adminGlobex });
    expect(history.json).toMatchObject({ billing_history: [{ amount: '57.00' }] });
    expect(JSON.stringify(history.json).match(/"amount"/g)).toHaveLength(1);
  });

  it('expires after 30 minutes: an abandoned checkout changes nothing', async () => {
    const path = await paymentLink(3);
    t.clock.now = new Date(t.clock.now.getTime() + 29 * 60_000);
    expect((await call(t.app, path, { token: null })).status).toBe(200);
    t.clock.now = new Date(t.clock.now.getTime() + 2 * 60_000);
    const late = await postForm(path, GOOD_CARD);
    expect(late.status).toBe(410);
    expect(late.text).toContain('This link has expired');
    expect(late.text).toContain(`href="/organizations/${ORG_IDS.globex}/subscription"`);
    expect((await globex()).subscription).toBeNull();
  });

  it('refuses a second checkout once a subscription is active (409), and unknown or mismatched links (404)', async () => {
    const first = await paymentLink(3);
    const second = await paymentLink(5);
    expect((await postForm(first, GOOD_CARD)).status).toBe(303);
    const conflict = await postForm(second, GOOD_CARD);
    expect(conflict.status).toBe(409);
    expect(conflict.text).toContain('There is already an active subscription');
    expect((await globex()).subscription?.quantity).toBe('3');

    expect((await call(t.app, '/sandbox/checkout/not-a-real-token-at-all-000000', { token: null })).status).toBe(404);
    expect((await call(t.app, '/sandbox/checkout/%3Cscript%3E', { token: null })).status).toBe(404);
    const cardPath = await updateCardLink();
    expect((await call(t.app, cardPath.replace('/payment-method/', '/checkout/'), { token: null })).status).toBe(404);
  });

  it('refuses a form posted from another site', async () => {
    const path = await paymentLink(3);
    const forged = await postForm(path, GOOD_CARD, { 'Sec-Fetch-Site': 'cross-site' });
    expect(forged.status).toBe(403);
    expect((await globex()).subscription).toBeNull();
  });

  it('escapes what it renders', async () => {
    t.db.prepare('UPDATE organizations SET name = ? WHERE id = ?').run('<img src=x onerror=alert(1)> & "Co"', ORG_IDS.globex);
    const page = await call(t.app, await paymentLink(1), { token: null });
    expect(page.text).toContain('Subscribe &lt;img src=x onerror=alert(1)&gt; &amp; &quot;Co&quot; to Cloud Plans');
    expect(page.text).not.toContain('<img');
  });
});

// Acme is billed in France, so its pages are in French unless asked otherwise: these tests read the English ones.
describe('hosted update-card page', () => {
  it('shows the current card, records a new one (brand, last 4, expiry) and returns to the console', async () => {
    const path = `${await updateCardLink(TOKENS.billingAcme)}?lang=en`;
    const page = await call(t.app, path, { token: null });
    expect(page.status).toBe(200);
    expect(page.text).toContain('Visa card ending in 4242');
    expect(page.text).toContain('<title>Payment method for Acme Corp · Cloud Plans sandbox</title>');
    expect(page.headers.get('Content-Security-Policy')).toContain("frame-ancestors 'none'");
    expect(page.text).toContain(`href="/organizations/${ORG_IDS.acme}/subscription?card=canceled"`);

    const saved = await postForm(path, { number: '3782 822463 10005', expiry_month: '6', expiry_year: '2031', cvv: '1234' });
    expect(saved.status).toBe(303);
    expect(saved.headers.get('Location')).toBe(`/organizations/${ORG_IDS.acme}/subscription?card=updated`);
    const response = await call(t.app, `${BASE}/describe?action=getorganization&org_id=${ORG_IDS.acme}`);
    expect(describeBillingResponseSchema.parse(response.json).response.payment_method).toEqual({ brand: 'AMEX', last4: '0005', expiry_month: 6, expiry_year: 2031 });
    // Updating the card neither charges nor changes the subscription.
    expect(describeBillingResponseSchema.parse(response.json).response.subscription?.quantity).toBe('4');
    expect((await postForm(path, GOOD_CARD)).status).toBe(410);
  });

  it('keeps the old card when the new one is refused', async () => {
    const path = `${await updateCardLink()}?lang=en`;
    const refused = await postForm(path, { ...GOOD_CARD, number: '4000000000000002' });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('Your card was declined');
    expect(refused.text).toContain('<title>Error: Payment method for Acme Corp · Cloud Plans sandbox</title>');
    const amexCvc = await postForm(path, { number: '378282246310005', expiry_month: '6', expiry_year: '2031', cvv: '123' });
    expect(amexCvc.text).toContain('An American Express security code has 4 digits');
    const response = await call(t.app, `${BASE}/describe?action=getorganization&org_id=${ORG_IDS.acme}`);
    expect(describeBillingResponseSchema.parse(response.json).response.payment_method).toMatchObject({ brand: 'VISA', last4: '4242' });
  });
});

describe('hosted pages in the billing country’s language', () => {
  it('with ?lang=fr: html lang, words, amounts and dates in French, and field errors as the French console words them', async () => {
    const path = `${await paymentLink(3)}?lang=fr`;
    const page = await call(t.app, path, { token: null });
    expect(page.status).toBe(200);
    expect(page.text).toContain('<html lang="fr">');
    expect(page.text).toContain('<title>Abonnement pour Globex · Bac à sable Cloud Plans</title>');
    expect(page.text).toContain('<h1>Abonner Globex à Cloud Plans</h1>');
    expect(page.text).toContain('<label for="number">Numéro de carte</label>');
    // "57,00 $US", "15 avril 2026": French money and dates, as the French console writes them.
    expect(formatMinor(5_700, 'USD', 'fr-FR')).toMatch(/^57,00\s\$US$/);
    expect(page.text).toContain(`<div class="total"><dt>Total à payer aujourd’hui</dt><dd>${formatMinor(5_700, 'USD', 'fr-FR')}</dd></div>`);
    expect(page.text).toContain(`<dd>${formatBillingDate(addBillingMonths(t.clock.now, 1), 'long', 'fr-FR')}</dd>`);
    expect(page.text).toContain(`Payer ${formatMinor(5_700, 'USD', 'fr-FR')} et s’abonner`);
    // The form posts back in the language it was asked in.
    expect(page.text).toContain(`action="${path}"`);
    expect(page.text).not.toMatch(/Card number|Subscribe|\$57\.00/);

    const invalid = await postForm(path, { number: '4242 4242 4242 4241', expiry_month: '12', expiry_year: '2030', cvv: '12' });
    expect(invalid.status).toBe(400);
    expect(invalid.text).toContain('<title>Erreur : Abonnement pour Globex · Bac à sable Cloud Plans</title>');
    expect(invalid.text).toContain('<h2>Vérifiez les informations de la carte</h2>');
    expect(invalid.text).toContain('Numéro de carte : Ce numéro de carte n’est pas valide : vérifiez qu’il ne contient pas de faute de frappe');
    expect(invalid.text).toContain('<p class="error" id="cvv-error">Le code de sécurité comporte 3 chiffres</p>');
    // A parameter said in French: "13, 16 or 19" is a French list.
    const short = await postForm(path, { ...GOOD_CARD, number: '4242 4242 4242' });
    expect(short.text).toContain('Un numéro de carte Visa comporte 13, 16 ou 19 chiffres');
    const declined = await postForm(path, { ...GOOD_CARD, number: '4000 0000 0000 0002' });
    expect(declined.text).toContain('Votre carte a été refusée par sa banque émettrice.');
    expect((await globex()).subscription).toBeNull();
  });

  it('speaks a French-billed organization’s language unasked, ignores an unknown lang, and gives English for Hebrew', async () => {
    const path = await updateCardLink();
    const page = await call(t.app, path, { token: null });
    expect(page.text).toContain('<html lang="fr">');
    expect(page.text).toContain('une carte Visa se terminant par 4242');
    expect(page.text).toContain('<button type="submit">Enregistrer la nouvelle carte</button>');
    expect(page.text).toContain(`action="${path}"`);
    // A person following a link gets a page, not a parameter error.
    const unknown = await call(t.app, `${path}?lang=xx`, { token: null });
    expect(unknown.status).toBe(200);
    expect(unknown.text).toContain('<html lang="fr">');
    const hebrew = await call(t.app, `${path}?lang=he`, { token: null });
    expect(hebrew.text).toContain('<html lang="en">');
    expect(hebrew.text).toContain('Visa card ending in 4242');
    const german = await call(t.app, `${path}?lang=de`, { token: null });
    expect(german.text).toContain('<button type="submit">Neue Karte speichern</button>');
  });

  it('says why a link does not work in the language asked for', async () => {
    const path = await paymentLink(3);
    t.clock.now = new Date(t.clock.now.getTime() + 31 * 60_000);
    const late = await call(t.app, `${path}?lang=es`, { token: null });
    expect(late.status).toBe(410);
    expect(late.text).toContain('<html lang="es">');
    expect(late.text).toContain('<h1>Este enlace ha caducado</h1>');
    expect(late.text).toContain('Volver a la consola');
  });
});

describe('checkout sessions', () => {
  it('forgets links dead for more than a day when a new one is made', async () => {
    const old = await paymentLink(1);
    t.clock.now = new Date(t.clock.now.getTime() + 2 * 24 * 3600 * 1000);
    expect((await call(t.app, old, { token: null })).status).toBe(410);
    await paymentLink(2);
    expect((await call(t.app, old, { token: null })).status).toBe(404);
    const { count } = t.db.prepare<[], { count: number }>('SELECT COUNT(*) AS count FROM cloud_checkout_sessions').get() ?? { count: -1 };
    expect(count).toBe(1);
  });
});

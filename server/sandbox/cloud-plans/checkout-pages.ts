import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { issuesToFieldErrors, type FieldError } from '#api/api-error';
import { CLOUD_PLAN, monthlyPriceCents } from '#api/cloud-plans-catalog';
import { brandLabel, creditCardRequestSchemaAt, DECLINED_TEST_CARD, detectBrand, MAX_CARD_YEARS_AHEAD } from '#api/credit-card';
import { addBillingMonths } from '#lib/billing-calendar';
import { formatBillingDate } from '#lib/date-format';
import { formatMinor } from '#lib/money';
import type { AppEnv, SandboxContext } from '../context';
import { claimedOrigin, userAgentOf, type EventActor } from '../organization-events';
import { HOSTED_PAGE_CSP, html, layout, STYLESHEET, STYLESHEET_PATH, type Html } from './html';
import type { CloudPlansStore, PaymentMethodRow, SessionLookup, SessionProblem, SessionRow } from './store';

export function checkoutPath(token: string): string {
  return `/sandbox/checkout/${token}`;
}

export function updateCardPath(token: string): string {
  return `/sandbox/payment-method/${token}`;
}

/** Where the hosted pages send the user back: always a path of the console, on this origin. */
export function consoleReturnPath(organizationId: string, outcome?: string): string {
  const path = `/organizations/${encodeURIComponent(organizationId)}/subscription`;
  return outcome ? `${path}?${outcome}` : path;
}

const DECLINED_MESSAGE = 'Your card was declined by its issuer. Try another card or contact your bank.';
const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

// The hosted pages are in English (html lang="en"): their amounts and dates too, whatever the server's locale.
const PAGE_LOCALE = 'en-US';

function money(cents: number): string {
  return formatMinor(cents, CLOUD_PLAN.currency, PAGE_LOCALE);
}

const FIELD_ORDER = ['number', 'expiry_month', 'expiry_year', 'cvv'] as const;
type CardField = (typeof FIELD_ORDER)[number];

function isCardField(field: string): field is CardField {
  return FIELD_ORDER.some((name) => name === field);
}

interface CardFormState {
  errors: Partial<Record<CardField, string>>;
  /** Only the expiry comes back into the form: the number and the security code are never echoed. */
  expiryMonth: string;
  expiryYear: string;
}

const EMPTY_FORM: CardFormState = { errors: {}, expiryMonth: '', expiryYear: '' };

/** A form that comes back with errors says so in its title too: it is the first thing a screen reader announces. */
function formTitle(title: string, state: CardFormState): string {
  return Object.values(state.errors).some(Boolean) ? `Error: ${title}` : title;
}

function describedBy(field: CardField, hint: boolean, error: string | undefined): string | null {
  const ids = [hint ? `${field}-hint` : null, error ? `${field}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : null;
}

function fieldError(field: CardField, error: string | undefined): Html {
  return error ? html`<p class="error" id="${field}-error">${error}</p>` : html``;
}

function attributes(field: CardField, state: CardFormState, hint: boolean, firstInvalid: CardField | undefined): Html {
  const error = state.errors[field];
  const described = describedBy(field, hint, error);
  return html`id="${field}" name="${field}" aria-invalid="${error ? 'true' : 'false'}"${described ? html` aria-describedby="${described}"` : ''}${firstInvalid === field ? html` autofocus` : ''}`;
}

function cardFields(state: CardFormState, now: Date): Html {
  const firstInvalid = FIELD_ORDER.find((field) => state.errors[field]);
  const currentYear = now.getUTCFullYear();
  const months = Array.from({ length: 12 }, (_, index) => String(index + 1).padStart(2, '0'));
  const years = Array.from({ length: MAX_CARD_YEARS_AHEAD + 1 }, (_, index) => String(currentYear + index));
  const option = (value: string, selected: string) => html`<option value="${String(Number(value))}"${String(Number(value)) === selected ? html` selected` : ''}>${value}</option>`;
  return html`<fieldset>
<legend>Card details</legend>
<div class="field">
<label for="number">Card number</label>
<input ${attributes('number', state, true, firstInvalid)} type="text" inputmode="numeric" autocomplete="cc-number" spellcheck="false" maxlength="23" required>
<p class="hint" id="number-hint">Test cards: 4242 4242 4242 4242 is accepted, ${DECLINED_TEST_CARD.replace(/(\d{4})(?=\d)/g, '$1 ')} is declined.</p>
${fieldError('number', state.errors.number)}
</div>
<div class="row">
<div class="field">
<label for="expiry_month">Expiry month</label>
<select ${attributes('expiry_month', state, false, firstInvalid)} autocomplete="cc-exp-month" required>
<option value="">Month</option>
${months.map((month) => option(month, state.expiryMonth))}
</select>
${fieldError('expiry_month', state.errors.expiry_month)}
</div>
<div class="field">
<label for="expiry_year">Expiry year</label>
<select ${attributes('expiry_year', state, false, firstInvalid)} autocomplete="cc-exp-year" required>
<option value="">Year</option>
${years.map((year) => option(year, state.expiryYear))}
</select>
${fieldError('expiry_year', state.errors.expiry_year)}
</div>
</div>
<div class="field">
<label for="cvv">Security code</label>
<input ${attributes('cvv', state, true, firstInvalid)} type="password" inputmode="numeric" autocomplete="cc-csc" maxlength="4" required>
<p class="hint" id="cvv-hint">3 digits on the back of the card, 4 on the front for American Express.</p>
${fieldError('cvv', state.errors.cvv)}
</div>
</fieldset>`;
}

const FIELD_LABELS: Record<CardField, string> = {
  number: 'Card number',
  expiry_month: 'Expiry month',
  expiry_year: 'Expiry year',
  cvv: 'Security code',
};

function errorSummary(state: CardFormState): Html {
  const entries = FIELD_ORDER.flatMap((field) => {
    const message = state.errors[field];
    return message ? [{ field, message }] : [];
  });
  if (entries.length === 0) return html``;
  return html`<div class="error-summary" role="alert">
<h2>Check the card details</h2>
<ul>${entries.map(({ field, message }) => html`<li><a href="#${field}">${FIELD_LABELS[field]}: ${message}</a></li>`)}</ul>
<p class="muted">For your security, enter the card number and security code again.</p>
</div>`;
}

function checkoutPage(token: string, session: SessionRow, state: CardFormState, now: Date): Html {
  const quantity = session.quantity ?? 0;
  const total = monthlyPriceCents(quantity);
  return layout(
    formTitle(`Subscribe ${session.organization_name}`, state),
    html`<div class="panel">
<h1>Subscribe ${session.organization_name} to Cloud Plans</h1>
<p class="muted">You are paying for the first month now. The subscription renews monthly until it is canceled.</p>
${errorSummary(state)}
<h2>Order summary</h2>
<dl class="summary">
<div><dt>Plan</dt><dd>${CLOUD_PLAN.name}</dd></div>
<div><dt>Instances</dt><dd>${quantity}</dd></div>
<div><dt>Price per instance</dt><dd>${money(CLOUD_PLAN.unitPriceCents)} / month</dd></div>
<div><dt>Paid until</dt><dd>${formatBillingDate(addBillingMonths(now, 1), 'long', PAGE_LOCALE)}</dd></div>
<div class="total"><dt>Total due today</dt><dd>${money(total)}</dd></div>
</dl>
<form method="post" action="${checkoutPath(token)}" novalidate>
${cardFields(state, now)}
<div class="actions">
<button type="submit">Pay ${money(total)} and subscribe</button>
<a href="${consoleReturnPath(session.organization_id, 'checkout=canceled')}">Cancel and return to the console</a>
</div>
</form>
</div>`,
  );
}

function updateCardPage(token: string, session: SessionRow, current: PaymentMethodRow | undefined, state: CardFormState, now: Date): Html {
  return layout(
    formTitle(`Payment method for ${session.organization_name}`, state),
    html`<div class="panel">
<h1>Change the payment method of ${session.organization_name}</h1>
<p class="muted">${
      current
        ? `The subscription is charged to a ${brandLabel(current.brand)} card ending in ${current.last4} (expires ${String(current.expiry_month).padStart(2, '0')}/${current.expiry_year}). The new card replaces it for the next charges.`
        : 'The new card is charged for the next payments of the subscription.'
    }</p>
${errorSummary(state)}
<form method="post" action="${updateCardPath(token)}" novalidate>
${cardFields(state, now)}
<div class="actions">
<button type="submit">Save the new card</button>
<a href="${consoleReturnPath(session.organization_id, 'card=canceled')}">Cancel and return to the console</a>
</div>
</form>
</div>`,
  );
}

const PROBLEMS: Record<SessionProblem, { status: ContentfulStatusCode; title: string; text: string }> = {
  not_found: { status: 404, title: 'This link is not valid', text: 'Check that you copied the whole link, or start again from the console.' },
  expired: { status: 410, title: 'This link has expired', text: 'Checkout links work for 30 minutes. Start again from the console: nothing was charged.' },
  used: { status: 410, title: 'This link has already been used', text: 'Each link works once. The console shows the current state of the subscription.' },
  already_subscribed: {
    status: 409,
    title: 'There is already an active subscription',
    text: 'Nothing was charged. Change the number of instances of the current subscription from the console instead.',
  },
};

function problemPage(problem: SessionProblem, session: SessionRow | undefined): { status: ContentfulStatusCode; body: Html } {
  const { status, title, text } = PROBLEMS[problem];
  const back = session ? consoleReturnPath(session.organization_id) : '/';
  return {
    status,
    body: layout(
      title,
      html`<div class="panel">
<h1>${title}</h1>
<p>${text}</p>
<p><a href="${back}">Return to the console</a></p>
</div>`,
    ),
  };
}

function send(c: Context<AppEnv>, status: ContentfulStatusCode, body: Html) {
  c.header('Content-Security-Policy', HOSTED_PAGE_CSP);
  c.header('Cache-Control', 'no-store');
  return c.html(body, status);
}

function formText(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function formInt(value: string): number | undefined {
  return /^\d{1,4}$/.test(value.trim()) ? Number(value.trim()) : undefined;
}

type CardResult = { ok: true; card: PaymentMethodRow } | { ok: false; state: CardFormState };

/**
 * Checks the posted card with the console's rules (Luhn, brand, expiry, CVC length) and keeps only
 * brand, last 4 and expiry. The number and the security code go no further than this function.
 */
/** What an event may say about the card: never its number or security code. */
function cardFacts(card: PaymentMethodRow) {
  return { brand: card.brand, last_digit: card.last4, expiry_month: card.expiry_month, expiry_year: card.expiry_year };
}

function sessionTarget(session: SessionRow) {
  return { id: session.organization_id, name: session.organization_name };
}

/** A hosted page has no login: its change is that of whoever asked for the link, through what they asked. */
function sessionActor(c: Context<AppEnv>, session: SessionRow): EventActor {
  return { email: session.created_by_email, origin: claimedOrigin(session.origin ?? undefined), userAgent: userAgentOf(c) };
}

async function readCard(c: Context<AppEnv>, schema: ReturnType<typeof creditCardRequestSchemaAt>): Promise<CardResult> {
  const form = await c.req.parseBody();
  const number = formText(form.number);
  const cvv = formText(form.cvv);
  const expiryMonth = formText(form.expiry_month);
  const expiryYear = formText(form.expiry_year);
  const parsed = schema.safeParse({ number, cvv, expiry_month: formInt(expiryMonth), expiry_year: formInt(expiryYear) });
  const state: CardFormState = { errors: {}, expiryMonth: expiryMonth.trim(), expiryYear: expiryYear.trim() };
  if (!parsed.success) {
    for (const { field, message } of issuesToFieldErrors(parsed.error.issues) satisfies FieldError[]) {
      if (isCardField(field)) state.errors[field] ??= message;
    }
    return { ok: false, state };
  }
  if (parsed.data.number === DECLINED_TEST_CARD) {
    state.errors.number = DECLINED_MESSAGE;
    return { ok: false, state };
  }
  return {
    ok: true,
    card: {
      brand: detectBrand(parsed.data.number)?.id ?? 'UNKNOWN',
      last4: parsed.data.number.slice(-4),
      expiry_month: parsed.data.expiry_month,
      expiry_year: parsed.data.expiry_year,
    },
  };
}

/**
 * The sandbox's hosted checkout and update-card pages: plain HTML without script, reached with the
 * one-time link that getpaymentlink / getupdatecardlink return. The link's token is the only
 * credential (the console's API token never leaves the console), so it is long, random, single-use
 * and short-lived.
 */
export function checkoutPages(ctx: SandboxContext, store: CloudPlansStore) {
  // Expiry judged by the sandbox's clock, like every other card the sandbox checks.
  const cardSchema = creditCardRequestSchemaAt(ctx.now);
  const routes = new Hono<AppEnv>();

  routes.get(STYLESHEET_PATH.replace('/sandbox', ''), (c) => {
    c.header('Content-Type', 'text/css; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(STYLESHEET);
  });

  function find(c: Context<AppEnv>, kind: SessionRow['kind']): SessionLookup {
    const token = c.req.param('token') ?? '';
    if (!TOKEN.test(token)) return { ok: false, problem: 'not_found' };
    const found = store.lookup(token, ctx.now());
    if (found.ok && found.session.kind !== kind) return { ok: false, problem: 'not_found' };
    return found;
  }

  /** A page posted from another site is refused: these forms are only ever submitted from themselves. */
  function crossSite(c: Context<AppEnv>): boolean {
    return c.req.header('Sec-Fetch-Site') === 'cross-site';
  }

  routes.get('/checkout/:token', (c) => {
    const found = find(c, 'subscribe');
    if (!found.ok) {
      const page = problemPage(found.problem, found.session);
      return send(c, page.status, page.body);
    }
    return send(c, 200, checkoutPage(c.req.param('token'), found.session, EMPTY_FORM, ctx.now()));
  });

  routes.post('/checkout/:token', async (c) => {
    if (crossSite(c)) return send(c, 403, problemPage('not_found', undefined).body);
    const token = c.req.param('token');
    const found = find(c, 'subscribe');
    if (!found.ok) {
      const page = problemPage(found.problem, found.session);
      return send(c, page.status, page.body);
    }
    const card = await readCard(c, cardSchema);
    const now = ctx.now();
    if (!card.ok) return send(c, 400, checkoutPage(token, found.session, card.state, now));
    const done = ctx.db.transaction(() => {
      const paid = store.completeCheckout(token, card.card, now);
      if (paid.ok && paid.session.quantity !== null) {
        const change = { plan: CLOUD_PLAN.id, quantity: paid.session.quantity, card: cardFacts(card.card) };
        ctx.events.record(sessionTarget(paid.session), sessionActor(c, paid.session), { type: 'CREATE', subTarget: 'PLAN', change }, now);
      }
      return paid;
    })();
    if (!done.ok) {
      const page = problemPage(done.problem, done.session);
      return send(c, page.status, page.body);
    }
    return c.redirect(consoleReturnPath(done.session.organization_id, 'checkout=success'), 303);
  });

  routes.get('/payment-method/:token', (c) => {
    const found = find(c, 'update_card');
    if (!found.ok) {
      const page = problemPage(found.problem, found.session);
      return send(c, page.status, page.body);
    }
    const current = store.paymentMethod(found.session.organization_id);
    return send(c, 200, updateCardPage(c.req.param('token'), found.session, current, EMPTY_FORM, ctx.now()));
  });

  routes.post('/payment-method/:token', async (c) => {
    if (crossSite(c)) return send(c, 403, problemPage('not_found', undefined).body);
    const token = c.req.param('token');
    const found = find(c, 'update_card');
    if (!found.ok) {
      const page = problemPage(found.problem, found.session);
      return send(c, page.status, page.body);
    }
    const card = await readCard(c, cardSchema);
    const now = ctx.now();
    if (!card.ok) {
      const current = store.paymentMethod(found.session.organization_id);
      return send(c, 400, updateCardPage(token, found.session, current, card.state, now));
    }
    const done = ctx.db.transaction(() => {
      const before = store.paymentMethod(found.session.organization_id);
      const updated = store.completeCardUpdate(token, card.card, now);
      if (updated.ok) {
        const event = { type: before ? 'UPDATE' : 'CREATE', subTarget: 'CREDIT_CARD', change: cardFacts(card.card), original: before ? cardFacts(before) : null } as const;
        ctx.events.record(sessionTarget(updated.session), sessionActor(c, updated.session), event, now);
      }
      return updated;
    })();
    if (!done.ok) {
      const page = problemPage(done.problem, done.session);
      return send(c, page.status, page.body);
    }
    return c.redirect(consoleReturnPath(done.session.organization_id, 'card=updated'), 303);
  });

  return routes;
}

import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { issuesToFieldErrors, type FieldError } from '#api/api-error';
import { CLOUD_PLAN, monthlyPriceCents } from '#api/cloud-plans-catalog';
import { brandLabel, creditCardRequestSchemaAt, DECLINED_TEST_CARD, detectBrand, MAX_CARD_YEARS_AHEAD } from '#api/credit-card';
import { addBillingMonths } from '#lib/billing-calendar';
import { formatBillingDate } from '#lib/date-format';
import { formatMinor } from '#lib/money';
import type { DocumentMessageKey, DocumentText } from '../../documents/document-text';
import { countryLanguage, parseLanguage, type DocumentLanguage } from '../../documents/language';
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

const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;
const ACCEPTED_TEST_CARD = '4242 4242 4242 4242';

/** A hosted page's words, and the `?lang=` it was asked in, which its form keeps when it posts back. */
interface PageText {
  text: DocumentText;
  /** Says a field error's English message in the page's language. */
  fieldError: (message: string) => string;
  requested: DocumentLanguage | undefined;
}

/** The page's address with the language it was asked in, so that a form with errors comes back in it. */
function withLanguage(path: string, { requested }: PageText): string {
  return requested ? `${path}?lang=${requested}` : path;
}

function money(cents: number, { text }: PageText): string {
  return formatMinor(cents, CLOUD_PLAN.currency, text.locale);
}

const FIELD_ORDER = ['number', 'expiry_month', 'expiry_year', 'cvv'] as const;
type CardField = (typeof FIELD_ORDER)[number];

function isCardField(field: string): field is CardField {
  return FIELD_ORDER.some((name) => name === field);
}

interface CardFormState {
  /** In the page's language. */
  errors: Partial<Record<CardField, string>>;
  /** Only the expiry comes back into the form: the number and the security code are never echoed. */
  expiryMonth: string;
  expiryYear: string;
}

const EMPTY_FORM: CardFormState = { errors: {}, expiryMonth: '', expiryYear: '' };

/** A form that comes back with errors says so in its title too: it is the first thing a screen reader announces. */
function formTitle(title: string, state: CardFormState, { text }: PageText): string {
  return Object.values(state.errors).some(Boolean) ? text.t('page.errorTitle', { title }) : title;
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

const FIELD_LABELS = {
  number: 'card.number',
  expiry_month: 'card.expiryMonth',
  expiry_year: 'card.expiryYear',
  cvv: 'card.cvv',
} as const satisfies Record<CardField, DocumentMessageKey>;

function cardFields(state: CardFormState, now: Date, { text: { t } }: PageText): Html {
  const firstInvalid = FIELD_ORDER.find((field) => state.errors[field]);
  const currentYear = now.getUTCFullYear();
  const months = Array.from({ length: 12 }, (_, index) => String(index + 1).padStart(2, '0'));
  const years = Array.from({ length: MAX_CARD_YEARS_AHEAD + 1 }, (_, index) => String(currentYear + index));
  const option = (value: string, selected: string) => html`<option value="${String(Number(value))}"${String(Number(value)) === selected ? html` selected` : ''}>${value}</option>`;
  return html`<fieldset>
<legend>${t('card.legend')}</legend>
<div class="field">
<label for="number">${t('card.number')}</label>
<input ${attributes('number', state, true, firstInvalid)} type="text" inputmode="numeric" autocomplete="cc-number" spellcheck="false" maxlength="23" required>
<p class="hint" id="number-hint">${t('card.numberHint', { accepted: ACCEPTED_TEST_CARD, declined: DECLINED_TEST_CARD.replace(/(\d{4})(?=\d)/g, '$1 ') })}</p>
${fieldError('number', state.errors.number)}
</div>
<div class="row">
<div class="field">
<label for="expiry_month">${t('card.expiryMonth')}</label>
<select ${attributes('expiry_month', state, false, firstInvalid)} autocomplete="cc-exp-month" required>
<option value="">${t('card.month')}</option>
${months.map((month) => option(month, state.expiryMonth))}
</select>
${fieldError('expiry_month', state.errors.expiry_month)}
</div>
<div class="field">
<label for="expiry_year">${t('card.expiryYear')}</label>
<select ${attributes('expiry_year', state, false, firstInvalid)} autocomplete="cc-exp-year" required>
<option value="">${t('card.year')}</option>
${years.map((year) => option(year, state.expiryYear))}
</select>
${fieldError('expiry_year', state.errors.expiry_year)}
</div>
</div>
<div class="field">
<label for="cvv">${t('card.cvv')}</label>
<input ${attributes('cvv', state, true, firstInvalid)} type="password" inputmode="numeric" autocomplete="cc-csc" maxlength="4" required>
<p class="hint" id="cvv-hint">${t('card.cvvHint')}</p>
${fieldError('cvv', state.errors.cvv)}
</div>
</fieldset>`;
}

function errorSummary(state: CardFormState, { text: { t } }: PageText): Html {
  const entries = FIELD_ORDER.flatMap((field) => {
    const message = state.errors[field];
    return message ? [{ field, message }] : [];
  });
  if (entries.length === 0) return html``;
  return html`<div class="error-summary" role="alert">
<h2>${t('card.errorsHeading')}</h2>
<ul>${entries.map(({ field, message }) => html`<li><a href="#${field}">${t('card.errorItem', { field: t(FIELD_LABELS[field]), message })}</a></li>`)}</ul>
<p class="muted">${t('card.enterAgain')}</p>
</div>`;
}

function checkoutPage(token: string, session: SessionRow, state: CardFormState, now: Date, page: PageText): Html {
  const { t, locale } = page.text;
  const quantity = session.quantity ?? 0;
  const total = monthlyPriceCents(quantity);
  const organization = session.organization_name;
  return layout(
    page.text,
    formTitle(t('checkout.title', { organization }), state, page),
    html`<div class="panel">
<h1>${t('checkout.heading', { organization })}</h1>
<p class="muted">${t('checkout.intro')}</p>
${errorSummary(state, page)}
<h2>${t('checkout.summary')}</h2>
<dl class="summary">
<div><dt>${t('checkout.plan')}</dt><dd>${CLOUD_PLAN.name}</dd></div>
<div><dt>${t('checkout.instances')}</dt><dd>${quantity}</dd></div>
<div><dt>${t('checkout.unitPrice')}</dt><dd>${t('checkout.perMonth', { price: money(CLOUD_PLAN.unitPriceCents, page) })}</dd></div>
<div><dt>${t('checkout.paidUntil')}</dt><dd>${formatBillingDate(addBillingMonths(now, 1), 'long', locale)}</dd></div>
<div class="total"><dt>${t('checkout.totalToday')}</dt><dd>${money(total, page)}</dd></div>
</dl>
<form method="post" action="${withLanguage(checkoutPath(token), page)}" novalidate>
${cardFields(state, now, page)}
<div class="actions">
<button type="submit">${t('checkout.pay', { amount: money(total, page) })}</button>
<a href="${consoleReturnPath(session.organization_id, 'checkout=canceled')}">${t('page.cancelToConsole')}</a>
</div>
</form>
</div>`,
  );
}

function updateCardPage(token: string, session: SessionRow, current: PaymentMethodRow | undefined, state: CardFormState, now: Date, page: PageText): Html {
  const { t } = page.text;
  const organization = session.organization_name;
  return layout(
    page.text,
    formTitle(t('updateCard.title', { organization }), state, page),
    html`<div class="panel">
<h1>${t('updateCard.heading', { organization })}</h1>
<p class="muted">${
      current
        ? t('updateCard.current', { brand: brandLabel(current.brand), last4: current.last4, expiry: `${String(current.expiry_month).padStart(2, '0')}/${current.expiry_year}` })
        : t('updateCard.none')
    }</p>
${errorSummary(state, page)}
<form method="post" action="${withLanguage(updateCardPath(token), page)}" novalidate>
${cardFields(state, now, page)}
<div class="actions">
<button type="submit">${t('updateCard.save')}</button>
<a href="${consoleReturnPath(session.organization_id, 'card=canceled')}">${t('page.cancelToConsole')}</a>
</div>
</form>
</div>`,
  );
}

const PROBLEMS = {
  not_found: { status: 404, title: 'problem.notFound', text: 'problem.notFoundText' },
  expired: { status: 410, title: 'problem.expired', text: 'problem.expiredText' },
  used: { status: 410, title: 'problem.used', text: 'problem.usedText' },
  already_subscribed: { status: 409, title: 'problem.alreadySubscribed', text: 'problem.alreadySubscribedText' },
} as const satisfies Record<SessionProblem, { status: ContentfulStatusCode; title: DocumentMessageKey; text: DocumentMessageKey }>;

function problemPage(problem: SessionProblem, session: SessionRow | undefined, { text }: PageText): { status: ContentfulStatusCode; body: Html } {
  const { status, title: titleKey, text: textKey } = PROBLEMS[problem];
  const title = text.t(titleKey);
  const back = session ? consoleReturnPath(session.organization_id) : '/';
  return {
    status,
    body: layout(
      text,
      title,
      html`<div class="panel">
<h1>${title}</h1>
<p>${text.t(textKey)}</p>
<p><a href="${back}">${text.t('page.backToConsole')}</a></p>
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

/**
 * Checks the posted card with the console's rules (Luhn, brand, expiry, CVC length) and keeps only
 * brand, last 4 and expiry. The number and the security code go no further than this function.
 * Its errors are in the page's language.
 */
async function readCard(c: Context<AppEnv>, schema: ReturnType<typeof creditCardRequestSchemaAt>, page: PageText): Promise<CardResult> {
  const form = await c.req.parseBody();
  const number = formText(form.number);
  const cvv = formText(form.cvv);
  const expiryMonth = formText(form.expiry_month);
  const expiryYear = formText(form.expiry_year);
  const parsed = schema.safeParse({ number, cvv, expiry_month: formInt(expiryMonth), expiry_year: formInt(expiryYear) });
  const state: CardFormState = { errors: {}, expiryMonth: expiryMonth.trim(), expiryYear: expiryYear.trim() };
  if (!parsed.success) {
    for (const { field, message } of issuesToFieldErrors(parsed.error.issues) satisfies FieldError[]) {
      if (isCardField(field)) state.errors[field] ??= page.fieldError(message);
    }
    return { ok: false, state };
  }
  if (parsed.data.number === DECLINED_TEST_CARD) {
    state.errors.number = page.text.t('card.declined');
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
 * and short-lived. They speak the language of the organization's billing country, or the one asked
 * for with `?lang=`.
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

  /**
   * The page's words: in the language asked for with `?lang=`, else in that of the organization's
   * billing country. An unknown `?lang=` is ignored rather than refused: whoever follows a payment
   * link gets a page they can pay on, not an error about a parameter.
   */
  async function pageText(c: Context<AppEnv>, session: SessionRow | undefined): Promise<PageText> {
    const requested = parseLanguage(c.req.query('lang')) ?? undefined;
    const language = requested ?? countryLanguage(session?.billing_country_code);
    // Loaded with the first hosted page, not at start.
    const [{ documentText }, { fieldErrorText }] = await Promise.all([import('../../documents/document-text'), import('../../documents/field-error-text')]);
    const [text, fieldError] = await Promise.all([documentText(language), fieldErrorText(language)]);
    return { text, fieldError, requested };
  }

  async function sendProblem(c: Context<AppEnv>, problem: SessionProblem, session: SessionRow | undefined, status?: ContentfulStatusCode) {
    const page = problemPage(problem, session, await pageText(c, session));
    return send(c, status ?? page.status, page.body);
  }

  /** A page posted from another site is refused: these forms are only ever submitted from themselves. */
  function crossSite(c: Context<AppEnv>): boolean {
    return c.req.header('Sec-Fetch-Site') === 'cross-site';
  }

  routes.get('/checkout/:token', async (c) => {
    const found = find(c, 'subscribe');
    if (!found.ok) return sendProblem(c, found.problem, found.session);
    return send(c, 200, checkoutPage(c.req.param('token'), found.session, EMPTY_FORM, ctx.now(), await pageText(c, found.session)));
  });

  routes.post('/checkout/:token', async (c) => {
    if (crossSite(c)) return sendProblem(c, 'not_found', undefined, 403);
    const token = c.req.param('token');
    const found = find(c, 'subscribe');
    if (!found.ok) return sendProblem(c, found.problem, found.session);
    const page = await pageText(c, found.session);
    const card = await readCard(c, cardSchema, page);
    const now = ctx.now();
    if (!card.ok) return send(c, 400, checkoutPage(token, found.session, card.state, now, page));
    const done = ctx.db.transaction(() => {
      const paid = store.completeCheckout(token, card.card, now);
      if (paid.ok && paid.session.quantity !== null) {
        const change = { plan: CLOUD_PLAN.id, quantity: paid.session.quantity, card: cardFacts(card.card) };
        ctx.events.record(sessionTarget(paid.session), sessionActor(c, paid.session), { type: 'CREATE', subTarget: 'PLAN', change }, now);
      }
      return paid;
    })();
    if (!done.ok) return sendProblem(c, done.problem, done.session);
    return c.redirect(consoleReturnPath(done.session.organization_id, 'checkout=success'), 303);
  });

  routes.get('/payment-method/:token', async (c) => {
    const found = find(c, 'update_card');
    if (!found.ok) return sendProblem(c, found.problem, found.session);
    const current = store.paymentMethod(found.session.organization_id);
    return send(c, 200, updateCardPage(c.req.param('token'), found.session, current, EMPTY_FORM, ctx.now(), await pageText(c, found.session)));
  });

  routes.post('/payment-method/:token', async (c) => {
    if (crossSite(c)) return sendProblem(c, 'not_found', undefined, 403);
    const token = c.req.param('token');
    const found = find(c, 'update_card');
    if (!found.ok) return sendProblem(c, found.problem, found.session);
    const page = await pageText(c, found.session);
    const card = await readCard(c, cardSchema, page);
    const now = ctx.now();
    if (!card.ok) {
      const current = store.paymentMethod(found.session.organization_id);
      return send(c, 400, updateCardPage(token, found.session, current, card.state, now, page));
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
    if (!done.ok) return sendProblem(c, done.problem, done.session);
    return c.redirect(consoleReturnPath(done.session.organization_id, 'card=updated'), 303);
  });

  return routes;
}

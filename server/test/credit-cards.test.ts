import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { creditCardListSchema, creditCardSchema } from '#api/contract';
import { countRows, createTestApp, errorBody, fieldError, orgPath, ORGS, parsed, validCard, type TestApp } from './helpers';
import { RESOURCES } from './operations';

// Mid-month, so that "this month" and "last month" are unambiguous in every time zone.
const NOW = new Date('2030-03-15T12:00:00.000Z');

describe('credit cards', () => {
  let app: TestApp;
  beforeEach(() => {
    app = createTestApp({ now: NOW });
  });
  afterEach(() => app.close());

  const cards = async () => parsed(await app.call('GET', orgPath('acme', 'creditCard')), 200, creditCardListSchema).results ?? [];
  const add = (body: unknown, headers: Record<string, string> = {}) => app.call('POST', orgPath('acme', 'creditCard'), { json: body, headers });
  const cardCount = () => countRows(app.db, 'credit_cards', 'organization_id = ?', ORGS.acme);

  it('lists the seeded cards with brand, last digits, expiry and whether they expired', async () => {
    expect(await cards()).toEqual([
      expect.objectContaining({ brand: 'MASTERCARD', last_digit: '4444', expiry_month: 3, expiry_year: 2029, is_expired: true }),
      expect.objectContaining({ id: RESOURCES.acme.creditCardId, brand: 'VISA', last_digit: '4242', expiry_month: 12, expiry_year: 2032, is_expired: false }),
    ]);
  });

  it('adds a card (201) and keeps only brand, last 4 digits and expiry', async () => {
    const result = await add(validCard(NOW, { number: '4111 1111 1111 1111', expiry_month: 7, expiry_year: 2031 }));
    const card = parsed(result, 201, creditCardSchema);
    expect(card).toMatchObject({ brand: 'VISA', last_digit: '1111', expiry_month: 7, expiry_year: 2031, is_expired: false, created_at: NOW.toISOString() });
    expect((await cards()).map((listed) => listed.id)).toContain(card.id);
    expect(app.db.prepare('SELECT * FROM credit_cards WHERE id = ?').get(card.id)).toEqual({
      id: card.id,
      organization_id: ORGS.acme,
      brand: 'VISA',
      last4: '1111',
      expiry_month: 7,
      expiry_year: 2031,
      created_at: NOW.toISOString(),
    });
  });

  it('detects the brand from the number and asks 4 CVC digits for American Express', async () => {
    const amex = parsed(await add(validCard(NOW, { number: '378282246310005', cvv: '1234' })), 201, creditCardSchema);
    expect(amex).toMatchObject({ brand: 'AMEX', last_digit: '0005' });
    const mastercard = parsed(await add(validCard(NOW, { number: '5555-5555-5555-4444', cvv: '123' })), 201, creditCardSchema);
    expect(mastercard.brand).toBe('MASTERCARD');

    expect(fieldError(errorBody(await add(validCard(NOW, { number: '378282246310005', cvv: '123' })), 400), 'cvv')).toBe('An American Express security code has 4 digits');
    expect(fieldError(errorBody(await add(validCard(NOW, { cvv: '1234' })), 400), 'cvv')).toBe('The security code has 3 digits');
    expect(fieldError(errorBody(await add(validCard(NOW, { cvv: '12a' })), 400), 'cvv')).toBe('The security code has 3 digits');
    expect(fieldError(errorBody(await add(validCard(NOW, { cvv: '' })), 400), 'cvv')).toBe('Security code is required');
  });

  it.each([
    { why: 'a Luhn failure', number: '4242424242424241', message: 'This card number is not valid: check it for typos' },
    {
      why: 'an unknown brand',
      number: '9999999999999995',
      message: 'This card brand is not accepted: use Visa, Mastercard, American Express, Discover, Diners Club, JCB or UnionPay',
    },
    { why: 'a 15-digit Visa', number: '424242424242424', message: 'A Visa number has 13, 16 or 19 digits' },
    { why: 'a 16-digit Amex', number: '3782822463100051', message: 'An American Express number has 15 digits' },
    { why: 'a 15-digit Mastercard', number: '555555555555444', message: 'A Mastercard number has 16 digits' },
    { why: 'letters', number: '4242 4242 4242 424x', message: 'A card number contains digits only' },
    { why: 'nothing', number: '', message: 'Card number is required' },
  ])('refuses $why with a message on number', async ({ number, message }) => {
    const before = cardCount();
    expect(fieldError(errorBody(await add(validCard(NOW, { number })), 400), 'number')).toBe(message);
    expect(cardCount()).toBe(before);
  });

  it('refuses a card that expired last month and accepts one expiring this month', async () => {
    expect(fieldError(errorBody(await add(validCard(NOW, { expiry_month: 2, expiry_year: 2030 })), 400), 'expiry_month')).toBe('This card has expired');
    expect(parsed(await add(validCard(NOW, { expiry_month: 3, expiry_year: 2030 })), 201, creditCardSchema).is_expired).toBe(false);
  });

  it('judges expiry by the server clock at the month boundary, in UTC', async () => {
    const march = validCard(NOW, { expiry_month: 3, expiry_year: 2030 });
    app.clock.set(new Date('2030-03-31T23:59:59.999Z'));
    const card = parsed(await add(march), 201, creditCardSchema);
    expect(card.is_expired).toBe(false);

    app.clock.set(new Date('2030-04-01T00:00:00.000Z'));
    expect(fieldError(errorBody(await add(march), 400), 'expiry_month')).toBe('This card has expired');
    // The card saved a millisecond before midnight is now listed as expired.
    expect((await cards()).find((listed) => listed.id === card.id)?.is_expired).toBe(true);
  });

  it('refuses an expiry month out of range, or too many years ahead', async () => {
    expect(fieldError(errorBody(await add(validCard(NOW, { expiry_month: 13 })), 400), 'expiry_month')).toBe('Choose a month from 1 to 12');
    expect(fieldError(errorBody(await add(validCard(NOW, { expiry_year: 2051 })), 400), 'expiry_year')).toBe('Expiry is at most 20 years ahead');
    expect(fieldError(errorBody(await add(validCard(NOW, { expiry_month: '12' })), 400), 'expiry_month')).toBe('Choose the expiry month');
  });

  it('declines the documented test number with 400 and adds no card', async () => {
    const before = cardCount();
    const body = errorBody(await add(validCard(NOW, { number: '4000 0000 0000 0002' })), 400);
    expect(body.message).toBe('Your card was declined by its issuer. Try another card or contact your bank.');
    expect(cardCount()).toBe(before);
    expect(await cards()).toHaveLength(before);
  });

  it('adds one card for two requests with the same Idempotency-Key', async () => {
    const before = cardCount();
    const headers = { 'Idempotency-Key': 'add-card-2030-03-15-a' };
    const first = await add(validCard(NOW), headers);
    const second = await add(validCard(NOW), headers);
    expect(second.headers.get('Idempotent-Replayed')).toBe('true');
    expect(parsed(second, 201, creditCardSchema)).toEqual(parsed(first, 201, creditCardSchema));
    expect(cardCount()).toBe(before + 1);
    // Another key is another card.
    parsed(await add(validCard(NOW), { 'Idempotency-Key': 'add-card-2030-03-15-b' }), 201, creditCardSchema);
    expect(cardCount()).toBe(before + 2);
    expect(errorBody(await add(validCard(NOW), { 'Idempotency-Key': 'short' }), 400).message).toMatch(/Idempotency-Key/);
  });

  it('replays the first answer of a key for 24 hours, even once its card is deleted; then the key is new again', async () => {
    const headers = { 'Idempotency-Key': 'add-card-then-delete' };
    const first = parsed(await add(validCard(NOW), headers), 201, creditCardSchema);
    expect((await app.call('DELETE', orgPath('acme', `creditCard/${first.id}`))).status).toBe(204);
    // A retry of the first request (its answer was lost) must not add the card a second time.
    const retry = await add(validCard(NOW), headers);
    expect(retry.headers.get('Idempotent-Replayed')).toBe('true');
    expect(parsed(retry, 201, creditCardSchema).id).toBe(first.id);
    expect((await cards()).map((card) => card.id)).not.toContain(first.id);
    app.clock.advance(24 * 60 * 60 * 1000);
    const again = parsed(await add(validCard(app.clock.now()), headers), 201, creditCardSchema);
    expect(again.id).not.toBe(first.id);
    expect((await cards()).map((card) => card.id)).toContain(again.id);
  });

  it('deletes a card (204), then answers 404 for it', async () => {
    const url = orgPath('acme', `creditCard/${RESOURCES.acme.creditCardId}`);
    const result = await app.call('DELETE', url, { token: 'billingAcme' });
    expect(result.status).toBe(204);
    expect(result.text).toBe('');
    expect((await cards()).map((card) => card.id)).not.toContain(RESOURCES.acme.creditCardId);
    errorBody(await app.call('DELETE', url), 404);
    errorBody(await app.call('DELETE', orgPath('acme', 'creditCard/not-a-uuid')), 404);
  });
});

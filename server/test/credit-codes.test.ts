import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { billingStatusSchema, currentCostSchema, organizationSchema } from '#api/contract';
import type { Db } from '../db/database';
import { countRows, createTestApp, errorBody, fieldError, orgPath, ORGS, parsed, type TestApp } from './helpers';

const NOW = new Date('2026-03-10T12:00:00.000Z');

function creditCents(db: Db, organizationId: string): number {
  return z.number().parse(db.prepare('SELECT credit_cents FROM organizations WHERE id = ?').pluck().get(organizationId));
}

/** Everything of the database but Globex's credit, to prove a redemption touched nothing else. */
function snapshotExceptGlobexCredit(db: Db): unknown {
  return {
    organizations: db.prepare('SELECT id, name, plan, trial_ends_at, renewal_at, credit_cents FROM organizations WHERE id <> ? ORDER BY id').all(ORGS.globex),
    globex: db.prepare('SELECT id, name, plan, trial_ends_at, renewal_at FROM organizations WHERE id = ?').get(ORGS.globex),
    cards: db.prepare('SELECT * FROM credit_cards ORDER BY id').all(),
    invoices: countRows(db, 'invoices'),
    billingInfo: db.prepare('SELECT * FROM billing_info ORDER BY organization_id').all(),
    codes: db.prepare('SELECT * FROM credit_codes ORDER BY code').all(),
  };
}

describe('credit codes', () => {
  let app: TestApp;
  beforeEach(() => {
    app = createTestApp({ now: NOW });
  });
  afterEach(() => app.close());

  const redeem = (code: unknown, org: 'acme' | 'globex' = 'acme', token = org === 'acme' ? 'adminAcme' : 'adminGlobex') =>
    app.call('POST', orgPath(org, 'creditCode'), { token, json: { code } });

  it('turns Globex billing valid with a valid code, and changes nothing else', async () => {
    const status = async () => parsed(await app.call('GET', orgPath('globex', 'billingStatus'), { token: 'adminGlobex' }), 200, billingStatusSchema);
    const cost = async () => parsed(await app.call('GET', orgPath('globex', 'currentCost'), { token: 'adminGlobex' }), 200, currentCostSchema);
    expect((await status()).is_valid).toBe(false);
    const costBefore = await cost();
    const acmeBefore = await app.call('GET', orgPath('acme', 'billingStatus'));
    const before = snapshotExceptGlobexCredit(app.db);

    const result = await redeem('WELCOME100', 'globex');
    expect(result.status).toBe(200);
    // A sandbox extension (the contract declares no body): what was credited, for the console to say.
    expect(result.json).toEqual({ code: 'WELCOME100', amount_in_cents: 10_000, currency_code: 'USD' });

    expect(await status()).toEqual({ is_valid: true, message: 'Globex is on a trial with $100.00 of credit left.' });
    expect(creditCents(app.db, ORGS.globex)).toBe(10_000);
    expect(await cost()).toEqual(costBefore);
    expect((await app.call('GET', orgPath('acme', 'billingStatus'))).json).toEqual(acmeBefore.json);
    expect(snapshotExceptGlobexCredit(app.db)).toEqual(before);
    // Still a trial without a card: the deployment restriction is about the card, not the credit.
    expect(parsed(await app.call('GET', orgPath('globex'), { token: 'adminGlobex' }), 200, organizationSchema).billing_deployment_restriction).toBe('NO_CREDIT_CARD');
  });

  it('accepts any case and surrounding spaces', async () => {
    expect((await redeem('  welcome100 ')).status).toBe(200);
    expect(app.db.prepare('SELECT code FROM credit_redemptions WHERE organization_id = ?').pluck().all(ORGS.acme)).toEqual(['WELCOME100']);
    expect(creditCents(app.db, ORGS.acme)).toBe(10_000);
  });

  it('refuses an unknown code', async () => {
    const body = errorBody(await redeem('NOSUCHCODE'), 400);
    expect(fieldError(body, 'code')).toBe('Unknown credit code NOSUCHCODE: check its spelling');
    expect(body.message).toBe('Unknown credit code NOSUCHCODE: check its spelling');
  });

  it('refuses an expired code, saying when it expired', async () => {
    expect(fieldError(errorBody(await redeem('summer2024'), 400), 'code')).toBe('Credit code SUMMER2024 expired on 2024-09-30');
  });

  it('refuses a code the organization already redeemed', async () => {
    expect((await redeem('WELCOME100')).status).toBe(200);
    expect(fieldError(errorBody(await redeem('WELCOME100'), 400), 'code')).toBe('Credit code WELCOME100 has already been redeemed by this organization');
    expect(creditCents(app.db, ORGS.acme)).toBe(10_000);
  });

  it('refuses a single-use code another organization used', async () => {
    expect((await redeem('STARTUP500', 'acme')).status).toBe(200);
    expect(fieldError(errorBody(await redeem('STARTUP500', 'globex'), 400), 'code')).toBe('Credit code STARTUP500 has already been used');
    expect(creditCents(app.db, ORGS.acme)).toBe(50_000);
    expect(creditCents(app.db, ORGS.globex)).toBe(0);
    expect(countRows(app.db, 'credit_redemptions', 'code = ?', 'STARTUP500')).toBe(1);
  });

  it('lets a viewer redeem a code', async () => {
    expect((await redeem('PARTNER250', 'acme', 'viewerAcme')).status).toBe(200);
    expect(creditCents(app.db, ORGS.acme)).toBe(25_000);
  });

  it('refuses malformed codes with a field error', async () => {
    expect(fieldError(errorBody(await redeem(''), 400), 'code')).toBe('Enter a credit code');
    expect(fieldError(errorBody(await redeem('WELCOME 100!'), 400), 'code')).toBe('A credit code contains only letters, digits, dashes and underscores');
    expect(fieldError(errorBody(await redeem(100), 400), 'code')).toBe('Enter a credit code');
    expect(fieldError(errorBody(await redeem('X'.repeat(65)), 400), 'code')).toBe('A credit code has at most 64 characters');
  });
});

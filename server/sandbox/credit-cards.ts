import { Hono } from 'hono';
import { ApiError } from '../../src/api/api-error';
import type { CreditCard, CreditCardList } from '../../src/api/contract';
import { creditCardRequestSchemaAt, DECLINED_TEST_CARD, detectBrand, isCardExpired } from '../../src/api/credit-card';
import { newId } from '../db/ids';
import { parseJsonBody } from '../http/body';
import type { RequireOrganization } from './auth';
import { parseUuid } from './auth';
import type { AppEnv, SandboxContext } from './context';

interface CardRow {
  id: string;
  brand: string;
  last4: string;
  expiry_month: number;
  expiry_year: number;
  created_at: string;
}

function toCreditCard(row: CardRow, now: Date): CreditCard {
  return {
    id: row.id,
    created_at: row.created_at,
    expiry_month: row.expiry_month,
    expiry_year: row.expiry_year,
    last_digit: row.last4,
    is_expired: isCardExpired(row.expiry_month, row.expiry_year, now),
    brand: row.brand,
  };
}

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,100}$/;

export function creditCardRoutes(ctx: SandboxContext, requireOrganization: RequireOrganization) {
  const { db } = ctx;
  const columns = 'id, brand, last4, expiry_month, expiry_year, created_at';
  const list = db.prepare<[string], CardRow>(`SELECT ${columns} FROM credit_cards WHERE organization_id = ? ORDER BY created_at, id`);
  const find = db.prepare<[string, string], CardRow>(`SELECT ${columns} FROM credit_cards WHERE id = ? AND organization_id = ?`);
  const insert = db.prepare(`INSERT INTO credit_cards (id, organization_id, brand, last4, expiry_month, expiry_year, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const remove = db.prepare('DELETE FROM credit_cards WHERE id = ? AND organization_id = ?');
  const findReplay = db.prepare<[string, string], { credit_card_id: string }>(
    'SELECT credit_card_id FROM idempotency_keys WHERE organization_id = ? AND key = ?',
  );
  // A key whose card was deleted since is remembered again for the new card, instead of failing on the old row.
  const rememberKey = db.prepare(`INSERT INTO idempotency_keys (organization_id, key, credit_card_id, created_at) VALUES (?, ?, ?, ?)
    ON CONFLICT (organization_id, key) DO UPDATE SET credit_card_id = excluded.credit_card_id, created_at = excluded.created_at`);
  const requestSchema = creditCardRequestSchemaAt(ctx.now);

  /** A replayed Idempotency-Key returns the card its first request created: a double submit adds one card. */
  const addCard = db.transaction((organizationId: string, key: string | null, card: CardRow): { card: CardRow; replayed: boolean } => {
    if (key !== null) {
      const replay = findReplay.get(organizationId, key);
      const previous = replay ? find.get(replay.credit_card_id, organizationId) : undefined;
      if (previous) return { card: previous, replayed: true };
    }
    insert.run(card.id, organizationId, card.brand, card.last4, card.expiry_month, card.expiry_year, card.created_at);
    if (key !== null) rememberKey.run(organizationId, key, card.id, card.created_at);
    return { card, replayed: false };
  });

  const routes = new Hono<AppEnv>();

  routes.get('/organization/:organizationId/creditCard', (c) => {
    const org = requireOrganization(c, 'billing:read');
    const now = ctx.now();
    const body: CreditCardList = { results: list.all(org.id).map((row) => toCreditCard(row, now)) };
    return c.json(body);
  });

  routes.post('/organization/:organizationId/creditCard', async (c) => {
    const org = requireOrganization(c, 'billing:write');
    const keyHeader = c.req.header('Idempotency-Key') ?? null;
    if (keyHeader !== null && !IDEMPOTENCY_KEY.test(keyHeader)) {
      throw new ApiError(400, 'Idempotency-Key must be 8 to 100 letters, digits, dashes or underscores');
    }
    const input = await parseJsonBody(c, requestSchema);
    if (input.number === DECLINED_TEST_CARD) {
      throw new ApiError(400, 'Your card was declined by its issuer. Try another card or contact your bank.');
    }
    const now = ctx.now();
    // Only these four facts about the card are kept; the number and the security code go no further.
    const candidate: CardRow = {
      id: newId(),
      brand: detectBrand(input.number)?.id ?? 'UNKNOWN',
      last4: input.number.slice(-4),
      expiry_month: input.expiry_month,
      expiry_year: input.expiry_year,
      created_at: now.toISOString(),
    };
    const { card, replayed } = addCard(org.id, keyHeader, candidate);
    if (replayed) c.header('Idempotent-Replayed', 'true');
    return c.json(toCreditCard(card, now), 201);
  });

  routes.delete('/organization/:organizationId/creditCard/:creditCardId', (c) => {
    const org = requireOrganization(c, 'billing:write');
    const cardId = parseUuid(c.req.param('creditCardId'));
    const result = cardId === null ? { changes: 0 } : remove.run(cardId, org.id);
    if (result.changes === 0) throw new ApiError(404, 'Credit card not found');
    return c.body(null, 204);
  });

  return routes;
}

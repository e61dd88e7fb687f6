import { ApiError } from '#api/api-error';
import type { CreditCard } from '#api/contract';
import { CARD_DECLINED, creditCardRequestSchemaAt, DECLINED_TEST_CARD, detectBrand, isCardExpired } from '#api/credit-card';
import { newId } from '../db/ids';
import { addCreditCard, deleteCreditCard } from '#api/operation-actions';
import { listOrganizationCreditCards } from '#api/operations';
import { parseUuid } from './auth';
import type { SandboxContext } from './context';
import type { OperationRoutes } from './operation-routes';
import { actorOf } from './organization-events';

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

/** What an event may say about a card: never its number or security code. */
export function cardFacts(card: Pick<CardRow, 'id' | 'brand' | 'last4' | 'expiry_month' | 'expiry_year'>) {
  return { id: card.id, brand: card.brand, last_digit: card.last4, expiry_month: card.expiry_month, expiry_year: card.expiry_year };
}

export function creditCardRoutes(ctx: SandboxContext, routes: OperationRoutes): void {
  const { db } = ctx;
  const columns = 'id, brand, last4, expiry_month, expiry_year, created_at';
  const list = db.prepare<[string], CardRow>(`SELECT ${columns} FROM credit_cards WHERE organization_id = ? ORDER BY created_at, id`);
  const insert = db.prepare(`INSERT INTO credit_cards (id, organization_id, brand, last4, expiry_month, expiry_year, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const remove = db.prepare('DELETE FROM credit_cards WHERE id = ? AND organization_id = ?');
  const find = db.prepare<[string, string], CardRow>(`SELECT ${columns} FROM credit_cards WHERE id = ? AND organization_id = ?`);
  // Expiry judged by the server's clock, the one its is_expired answers use.
  const requestSchema = creditCardRequestSchemaAt(ctx.now);

  routes.mount(listOrganizationCreditCards, ({ org }) => {
    const now = ctx.now();
    return { results: list.all(org.id).map((row) => toCreditCard(row, now)) };
  });

  routes.mountWithBody(
    addCreditCard,
    ({ c, org, body: input }) => {
      if (input.number === DECLINED_TEST_CARD) {
        throw new ApiError(400, CARD_DECLINED);
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
      // A retry with the same Idempotency-Key never reaches this: server/sandbox/idempotency.ts answers it.
      db.transaction(() => {
        insert.run(candidate.id, org.id, candidate.brand, candidate.last4, candidate.expiry_month, candidate.expiry_year, candidate.created_at);
        ctx.events.record(org, actorOf(c), { type: 'CREATE', subTarget: 'CREDIT_CARD', change: cardFacts(candidate) }, now);
      })();
      return toCreditCard(candidate, now);
    },
    requestSchema,
  );

  routes.mount(deleteCreditCard, ({ c, org, param }) => {
    const cardId = parseUuid(param('creditCardId'));
    const removed = db.transaction(() => {
      const card = cardId === null ? undefined : find.get(cardId, org.id);
      if (!card) return false;
      remove.run(card.id, org.id);
      ctx.events.record(org, actorOf(c), { type: 'DELETE', subTarget: 'CREDIT_CARD', change: {}, original: cardFacts(card) }, ctx.now());
      return true;
    })();
    if (!removed) throw new ApiError(404, 'Credit card not found');
  });
}

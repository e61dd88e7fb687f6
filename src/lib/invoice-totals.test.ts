import { describe, expect, it } from 'vitest';
import { isUnpaid, totalsByCurrency, UNPAID_STATUSES } from './invoice-totals';

describe('per-currency totals', () => {
  it('sum integer cents per currency and never across currencies', () => {
    const totals = totalsByCurrency([
      { currency_code: 'USD', total_in_cents: 35_880 },
      { currency_code: 'EUR', total_in_cents: 54_000 },
      { currency_code: 'usd', total_in_cents: 2_880 },
      { currency_code: 'GBP', total_in_cents: 1 },
    ]);
    expect(totals).toEqual([
      { currency: 'EUR', count: 1, cents: 54_000 },
      { currency: 'GBP', count: 1, cents: 1 },
      { currency: 'USD', count: 2, cents: 38_760 },
    ]);
  });

  it('stay exact where floating-point units would drift', () => {
    const tenCents = Array.from({ length: 3 }, () => ({ currency_code: 'USD', total_in_cents: 10 }));
    expect(totalsByCurrency(tenCents)).toEqual([{ currency: 'USD', count: 3, cents: 30 }]);
  });

  it('are empty for no invoices', () => {
    expect(totalsByCurrency([])).toEqual([]);
  });
});

describe('unpaid invoices', () => {
  it('are the failed and the due ones, nothing else', () => {
    expect(UNPAID_STATUSES).toEqual(['NOT_PAID', 'PAYMENT_DUE']);
    expect(isUnpaid('NOT_PAID')).toBe(true);
    expect(isUnpaid('PAYMENT_DUE')).toBe(true);
    for (const status of ['PAID', 'PENDING', 'POSTED', 'UNKNOWN', 'VOIDED'] as const) expect(isUnpaid(status)).toBe(false);
  });
});

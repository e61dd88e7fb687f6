import { describe, expect, it } from 'vitest';
import { INVOICE_STATUSES, type InvoiceStatus } from '@/api/contract';
import { invoiceTotals, isUnpaid, outstandingByCurrency, TOTAL_GROUP_OF, UNPAID_STATUSES } from './invoice-totals';

const invoice = (status: InvoiceStatus, currency_code: string, total_in_cents: number) => ({ status, currency_code, total_in_cents });

describe('invoice totals', () => {
  it('sum paid, outstanding and open apart, per currency and never across currencies', () => {
    const totals = invoiceTotals([
      invoice('NOT_PAID', 'USD', 35_880),
      invoice('PAYMENT_DUE', 'EUR', 54_000),
      invoice('PAYMENT_DUE', 'usd', 2_880),
      invoice('PAID', 'GBP', 1),
      invoice('PAID', 'JPY', 1_200),
      invoice('POSTED', 'USD', 29_900),
    ]);
    expect(totals).toEqual({
      paid: [
        { currency: 'GBP', count: 1, minor: 1 },
        { currency: 'JPY', count: 1, minor: 1_200 },
      ],
      outstanding: [
        { currency: 'EUR', count: 1, minor: 54_000 },
        { currency: 'USD', count: 2, minor: 38_760 },
      ],
      open: [{ currency: 'USD', count: 1, minor: 29_900 }],
      notCounted: [],
    });
  });

  it('never add a voided, pending or unknown invoice to a sum: they are counted, by status', () => {
    const totals = invoiceTotals([
      invoice('UNKNOWN', 'USD', 5),
      invoice('VOIDED', 'USD', 99_900),
      invoice('PAID', 'USD', 10_000),
      invoice('PENDING', 'USD', 29_900),
      invoice('VOIDED', 'EUR', 45_000),
    ]);
    expect(totals.paid).toEqual([{ currency: 'USD', count: 1, minor: 10_000 }]);
    expect(totals.outstanding).toEqual([]);
    expect(totals.open).toEqual([]);
    expect(totals.notCounted).toEqual([
      { status: 'VOIDED', count: 2 },
      { status: 'PENDING', count: 1 },
      { status: 'UNKNOWN', count: 1 },
    ]);
  });

  it('stay exact where floating-point units would drift', () => {
    const tenCents = Array.from({ length: 3 }, () => invoice('PAID', 'USD', 10));
    expect(invoiceTotals(tenCents).paid).toEqual([{ currency: 'USD', count: 3, minor: 30 }]);
  });

  it('are empty for no invoices', () => {
    expect(invoiceTotals([])).toEqual({ paid: [], outstanding: [], open: [], notCounted: [] });
  });

  it('place every status once: the unpaid ones are exactly the outstanding sum', () => {
    for (const status of INVOICE_STATUSES) expect(TOTAL_GROUP_OF[status] === 'outstanding').toBe(isUnpaid(status));
    expect(outstandingByCurrency([invoice('NOT_PAID', 'USD', 100), invoice('VOIDED', 'USD', 700), invoice('POSTED', 'USD', 50)])).toEqual([
      { currency: 'USD', count: 1, minor: 100 },
    ]);
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

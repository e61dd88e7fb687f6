import type { InvoiceStatus } from '@/api/contract';
import type { InvoiceTotals, TotalGroup } from '@/lib/invoice-totals';
import { formatMinor, type CurrencyTotal } from '@/lib/money';
import { formatCount } from '../invoice-view';

const GROUP_LABELS: Record<TotalGroup, string> = {
  paid: 'Paid',
  outstanding: 'Outstanding',
  open: 'Open, not yet due',
};

/** How "Not counted" names the invoices it leaves out: "2 voided", "1 pending", "1 of unknown status". */
const NOT_COUNTED_LABELS: Partial<Record<InvoiceStatus, string>> = {
  VOIDED: 'voided',
  PENDING: 'pending',
  UNKNOWN: 'of unknown status',
};

export function currencyTotalsText(totals: readonly CurrencyTotal[]): string {
  return totals.map((total) => formatMinor(total.minor, total.currency)).join(' · ');
}

export function notCountedText(totals: InvoiceTotals): string | null {
  if (totals.notCounted.length === 0) return null;
  return `Not counted: ${totals.notCounted.map(({ status, count }) => `${formatCount(count)} ${NOT_COUNTED_LABELS[status] ?? status.toLowerCase()}`).join(', ')}`;
}

/**
 * What some invoices add up to, the way finance reconciles them: paid, outstanding (payment failed or
 * due) and open (issued, not due yet), each per currency and never across currencies. Voided, pending
 * and unknown invoices are in no sum, and the line under the sums says how many were left out.
 */
export function InvoiceTotalsSummary({ title, totals }: { title: string; totals: InvoiceTotals }) {
  const groups = (['paid', 'outstanding', 'open'] as const).filter((group) => totals[group].length > 0);
  const notCounted = notCountedText(totals);
  return (
    <div className="flex flex-col gap-1">
      <div className="flex flex-wrap items-baseline gap-x-5 gap-y-1">
        <span className="font-medium text-ink">{title}</span>
        {groups.length === 0 ? (
          <span className="text-ink-muted">Nothing to add up</span>
        ) : (
          <dl aria-label={title} className="flex flex-wrap items-baseline gap-x-5 gap-y-1">
            {groups.map((group) => (
              <div key={group} className="flex flex-wrap items-baseline gap-x-1.5">
                <dt className="text-ink-muted">{GROUP_LABELS[group]}</dt>
                <dd className="tabular font-medium text-ink">{currencyTotalsText(totals[group])}</dd>
              </div>
            ))}
          </dl>
        )}
      </div>
      {notCounted && <p className="text-ink-muted">{notCounted}</p>}
    </div>
  );
}

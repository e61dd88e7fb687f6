import { formattingLocale } from '@/lib/i18n';
import type { InvoiceTotals } from '@/lib/invoice-totals';
import { formatMinor, type CurrencyTotal } from '@/lib/money';
import { useInvoicesMessages, type InvoicesMessages } from '../messages';

export function currencyTotalsText(totals: readonly CurrencyTotal[]): string {
  return totals.map((total) => formatMinor(total.minor, total.currency)).join(' · ');
}

/** "Not counted: 2 voided, 1 pending, 1 of unknown status": the invoices left out of every sum, per status. */
export function notCountedText(totals: InvoiceTotals, t: InvoicesMessages): string | null {
  if (totals.notCounted.length === 0) return null;
  const entries = totals.notCounted.map(({ status, count }) => t.notCountedEntry({ status, count }));
  return t.notCounted({ list: new Intl.ListFormat(formattingLocale(), { type: 'unit', style: 'short' }).format(entries) });
}

/**
 * What some invoices add up to, the way finance reconciles them: paid, outstanding (payment failed or
 * due) and open (issued, not due yet), each per currency and never across currencies. Voided, pending
 * and unknown invoices are in no sum, and the line under the sums says how many were left out.
 */
export function InvoiceTotalsSummary({ title, totals }: { title: string; totals: InvoiceTotals }) {
  const t = useInvoicesMessages();
  const groups = (['paid', 'outstanding', 'open'] as const).filter((group) => totals[group].length > 0);
  const notCounted = notCountedText(totals, t);
  return (
    <div className="flex flex-col gap-1">
      <div className="flex flex-wrap items-baseline gap-x-5 gap-y-1">
        <span className="font-medium text-ink">{title}</span>
        {groups.length === 0 ? (
          <span className="text-ink-muted">{t.nothingToAddUp()}</span>
        ) : (
          <dl aria-label={title} className="flex flex-wrap items-baseline gap-x-5 gap-y-1">
            {groups.map((group) => (
              <div key={group} className="flex flex-wrap items-baseline gap-x-1.5">
                <dt className="text-ink-muted">{t.totalGroup({ group })}</dt>
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

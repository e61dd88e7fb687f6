import type { Ref } from 'react';
import type { InvoiceStatus } from '@/api/contract';
import { Button } from '@/components/ui/button';
import { Field, SelectInput, TextInput } from '@/components/ui/field';
import { addBillingDays } from '@/lib/billing-calendar';
import { formatBillingDays } from '@/lib/date-format';
import { INVOICE_STATUS_INFO, STATUS_FILTER_ORDER } from '../invoice-status';
import { isPeriod, PERIOD_LABELS, PERIODS, periodRange, rangeError } from '../invoice-periods';
import { hasActiveFilters, type InvoiceFilters } from '../invoice-view';

export type UpdateFilters = (patch: Partial<InvoiceFilters>, options?: { replace?: boolean }) => void;

/** "Jan 1 – Mar 31, 2025": the billing days a preset covers today, so that "last quarter" needs no guessing. */
function describePeriod(filters: InvoiceFilters, now: Date): string | null {
  if (filters.period === null || filters.period === 'custom') return null;
  const range = periodRange(filters, now);
  if (!range?.start || !range.end) return null;
  return formatBillingDays(range.start, addBillingDays(range.end, -1));
}

export function InvoiceFiltersForm({
  searchRef,
  filters,
  queryText,
  onQueryText,
  update,
  onClear,
  now,
}: {
  /** Where the focus goes when "Clear filters" (which then disappears) is used. */
  searchRef: Ref<HTMLInputElement>;
  filters: InvoiceFilters;
  queryText: string;
  onQueryText: (text: string) => void;
  update: UpdateFilters;
  onClear: () => void;
  now: Date;
}) {
  const error = rangeError(filters);
  const toggleStatus = (status: InvoiceStatus, checked: boolean) => {
    update({ statuses: checked ? [...filters.statuses, status] : filters.statuses.filter((candidate) => candidate !== status) });
  };

  return (
    // Filters apply as they change; Enter in the search box has nothing more to submit.
    <form
      role="search"
      aria-label="Filter invoices"
      onSubmit={(event) => event.preventDefault()}
      className="flex flex-col gap-4 rounded-lg border border-line bg-surface p-4 shadow-sm"
    >
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
        <Field label="Search" hint="Part of an invoice reference or ID, or an amount from its start, e.g. INV-3F2A9C1E07, 358.80 or €540" className="sm:col-span-2">
          {(props) => (
            <TextInput
              {...props}
              ref={searchRef}
              type="search"
              value={queryText}
              onChange={(event) => onQueryText(event.target.value)}
              autoComplete="off"
              spellCheck={false}
              maxLength={100}
            />
          )}
        </Field>
        <Field
          label="Period"
          hint={describePeriod(filters, now) ?? (filters.period === 'custom' ? 'Both days included. Invoice dates are billing dates (UTC), as on the PDF.' : 'Every date.')}
        >
          {(props) => (
            <SelectInput
              {...props}
              value={filters.period ?? ''}
              onChange={(event) => {
                const value = event.target.value;
                update({ period: isPeriod(value) ? value : null, from: null, to: null });
              }}
            >
              <option value="">All time</option>
              {PERIODS.map((period) => (
                <option key={period} value={period}>
                  {PERIOD_LABELS[period]}
                </option>
              ))}
            </SelectInput>
          )}
        </Field>
        {filters.period === 'custom' && (
          <div className="grid grid-cols-2 gap-3 sm:col-span-2">
            <Field label="From">
              {(props) => (
                <TextInput
                  {...props}
                  type="date"
                  value={filters.from ?? ''}
                  max={filters.to ?? undefined}
                  onChange={(event) => update({ from: event.target.value || null }, { replace: true })}
                />
              )}
            </Field>
            <Field label="To" error={error ?? undefined}>
              {(props) => (
                <TextInput
                  {...props}
                  type="date"
                  value={filters.to ?? ''}
                  min={filters.from ?? undefined}
                  onChange={(event) => update({ to: event.target.value || null }, { replace: true })}
                />
              )}
            </Field>
          </div>
        )}
      </div>
      <fieldset>
        <legend className="mb-2 text-sm font-medium text-ink">Status</legend>
        <div className="flex flex-wrap gap-2">
          {STATUS_FILTER_ORDER.map((status) => {
            const checked = filters.statuses.includes(status);
            return (
              <label
                key={status}
                className="inline-flex cursor-pointer items-center gap-2 rounded-full border border-line-strong px-3 py-1 text-sm text-ink has-[:checked]:border-accent has-[:checked]:bg-info-soft has-[:checked]:text-info-ink has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-focus"
              >
                <input type="checkbox" className="size-3.5 accent-accent" checked={checked} onChange={(event) => toggleStatus(status, event.target.checked)} />
                {INVOICE_STATUS_INFO[status].label}
              </label>
            );
          })}
        </div>
      </fieldset>
      {(hasActiveFilters(filters) || queryText.trim() !== '') && (
        <div>
          <Button variant="ghost" size="sm" onClick={onClear}>
            Clear filters
          </Button>
        </div>
      )}
    </form>
  );
}

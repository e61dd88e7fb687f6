import type { Ref } from 'react';
import type { InvoiceStatus } from '@/api/contract';
import { Button } from '@/components/ui/button';
import { Field, SelectInput, TextInput } from '@/components/ui/field';
import { addBillingDays } from '@/lib/billing-calendar';
import { formatBillingDays } from '@/lib/date-format';
import { STATUS_FILTER_ORDER } from '../invoice-status';
import { isPeriod, PERIODS, periodRange, rangeError } from '../invoice-periods';
import { hasActiveFilters, type InvoiceFilters } from '../invoice-view';
import { useInvoicesMessages } from '../messages';

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
  const t = useInvoicesMessages();
  const error = rangeError(filters) ? t.rangeError() : undefined;
  const toggleStatus = (status: InvoiceStatus, checked: boolean) => {
    update({ statuses: checked ? [...filters.statuses, status] : filters.statuses.filter((candidate) => candidate !== status) });
  };

  return (
    // Filters apply as they change; Enter in the search box has nothing more to submit.
    <form
      role="search"
      aria-label={t.filterLabel()}
      onSubmit={(event) => event.preventDefault()}
      className="flex flex-col gap-4 rounded-lg border border-line bg-surface p-4 shadow-sm"
    >
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-6">
        <Field label={t.search()} hint={t.searchHint()} className="sm:col-span-2">
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
        <Field label={t.period()} hint={describePeriod(filters, now) ?? (filters.period === 'custom' ? t.customRangeHint() : t.everyDate())} className="lg:col-span-2">
          {(props) => (
            <SelectInput
              {...props}
              value={filters.period ?? ''}
              onChange={(event) => {
                const value = event.target.value;
                update({ period: isPeriod(value) ? value : null, from: null, to: null });
              }}
            >
              <option value="">{t.allTime()}</option>
              {PERIODS.map((period) => (
                <option key={period} value={period}>
                  {t.periodName({ period: period.replace('-', '_') })}
                </option>
              ))}
            </SelectInput>
          )}
        </Field>
        {filters.period === 'custom' && (
          <div className="grid grid-cols-2 gap-3 sm:col-span-2">
            <Field label={t.from()}>
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
            <Field label={t.to()} error={error}>
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
        <legend className="mb-2 text-sm font-medium text-ink">{t.status()}</legend>
        <div className="flex flex-wrap gap-2">
          {STATUS_FILTER_ORDER.map((status) => {
            const checked = filters.statuses.includes(status);
            return (
              <label
                key={status}
                className="inline-flex cursor-pointer items-center gap-2 rounded-full border border-line-strong px-3 py-1 text-sm text-ink has-[:checked]:border-accent has-[:checked]:bg-info-soft has-[:checked]:text-info-ink has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-focus"
              >
                <input type="checkbox" className="size-3.5 accent-accent" checked={checked} onChange={(event) => toggleStatus(status, event.target.checked)} />
                {t.statusLabel({ status })}
              </label>
            );
          })}
        </div>
      </fieldset>
      {(hasActiveFilters(filters) || queryText.trim() !== '') && (
        <div>
          <Button variant="ghost" size="sm" onClick={onClear}>
            {t.clearFilters()}
          </Button>
        </div>
      )}
    </form>
  );
}

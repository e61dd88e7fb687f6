import { BILLING_ORIGINS, BILLING_SUB_TARGET_TYPES, type BillingSubTargetType } from '@/api/organization-events';
import { Button } from '@/components/ui/button';
import { Field, SelectInput, TextInput } from '@/components/ui/field';
import { originLabel } from '@/lib/event-words';
import { readActivityFilters, type ActivityFilters } from '../use-activity-filters';

export const KIND_LABELS: Record<BillingSubTargetType, string> = {
  PLAN: 'Plan and subscription',
  CREDIT_CARD: 'Credit cards',
  CREDIT_CODE: 'Credit codes',
  BILLING_INFO: 'Billing details',
  BILLING_USAGE_REPORT: 'Usage reports',
};

/**
 * The filters, applied together with one button so that typing an email does not reload the list
 * at every key; the form remounts (key) when the URL changes, so it always shows what is applied.
 */
export function ActivityFiltersForm({ filters, onApply }: { filters: ActivityFilters; onApply: (filters: ActivityFilters) => void }) {
  return (
    <form
      role="search"
      aria-label="Filter the activity"
      className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3 lg:items-end 2xl:grid-cols-6"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const params = new URLSearchParams();
        for (const [name, value] of data) if (typeof value === 'string') params.set(name, value);
        onApply(readActivityFilters(params));
      }}
    >
      <Field label="Kind">
        {(props) => (
          <SelectInput {...props} name="kind" defaultValue={filters.kind}>
            <option value="">All kinds</option>
            {BILLING_SUB_TARGET_TYPES.map((kind) => (
              <option key={kind} value={kind}>
                {KIND_LABELS[kind]}
              </option>
            ))}
          </SelectInput>
        )}
      </Field>
      <Field label="Person (email)">{(props) => <TextInput {...props} name="person" type="email" defaultValue={filters.person} placeholder="name@example.com" />}</Field>
      <Field label="Origin">
        {(props) => (
          <SelectInput {...props} name="origin" defaultValue={filters.origin}>
            <option value="">All origins</option>
            {BILLING_ORIGINS.map((origin) => (
              <option key={origin} value={origin}>
                {originLabel(origin)}
              </option>
            ))}
          </SelectInput>
        )}
      </Field>
      <Field label="From">{(props) => <TextInput {...props} name="from" type="date" defaultValue={filters.from} />}</Field>
      <Field label="To">{(props) => <TextInput {...props} name="to" type="date" defaultValue={filters.to} />}</Field>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" size="sm">
          Apply filters
        </Button>
        <Button type="button" size="sm" variant="secondary" onClick={() => onApply({ kind: '', person: '', origin: '', from: '', to: '' })}>
          Clear
        </Button>
      </div>
    </form>
  );
}

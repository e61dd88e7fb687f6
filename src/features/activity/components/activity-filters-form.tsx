import { BILLING_ORIGINS, BILLING_SUB_TARGET_TYPES } from '@/api/organization-events';
import { Button } from '@/components/ui/button';
import { Field, SelectInput, TextInput } from '@/components/ui/field';
import { useEventMessages } from '@/components/events/messages';
import { originLabel } from '@/lib/event-words';
import { useActivityMessages } from '../messages';
import { readActivityFilters, type ActivityFilters } from '../use-activity-filters';

/**
 * The filters, applied together with one button so that typing an email does not reload the list
 * at every key; the form remounts (key) when the URL changes, so it always shows what is applied.
 */
export function ActivityFiltersForm({ filters, onApply }: { filters: ActivityFilters; onApply: (filters: ActivityFilters) => void }) {
  const t = useActivityMessages();
  const eventMessages = useEventMessages();
  // Days as YYYY-MM-DD compare as text. Said on the field: otherwise the list is only empty.
  const rangeError = filters.from && filters.to && filters.from > filters.to ? t.rangeError() : undefined;
  return (
    <form
      role="search"
      aria-label={t.filterLabel()}
      className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3 lg:items-end 2xl:grid-cols-6"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const params = new URLSearchParams();
        for (const [name, value] of data) if (typeof value === 'string') params.set(name, value);
        onApply(readActivityFilters(params));
      }}
    >
      <Field label={t.kind()}>
        {(props) => (
          <SelectInput {...props} name="kind" defaultValue={filters.kind}>
            <option value="">{t.allKinds()}</option>
            {BILLING_SUB_TARGET_TYPES.map((kind) => (
              <option key={kind} value={kind}>
                {t.kindLabel({ kind })}
              </option>
            ))}
          </SelectInput>
        )}
      </Field>
      <Field label={t.person()}>{(props) => <TextInput {...props} name="person" type="email" defaultValue={filters.person} placeholder={t.personPlaceholder()} />}</Field>
      <Field label={t.origin()}>
        {(props) => (
          <SelectInput {...props} name="origin" defaultValue={filters.origin}>
            <option value="">{t.allOrigins()}</option>
            {BILLING_ORIGINS.map((origin) => (
              <option key={origin} value={origin}>
                {originLabel(origin, eventMessages)}
              </option>
            ))}
          </SelectInput>
        )}
      </Field>
      <Field label={t.from()}>{(props) => <TextInput {...props} name="from" type="date" defaultValue={filters.from} />}</Field>
      <Field label={t.to()} error={rangeError}>
        {(props) => <TextInput {...props} name="to" type="date" defaultValue={filters.to} />}
      </Field>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" size="sm">
          {t.applyFilters()}
        </Button>
        <Button type="button" size="sm" variant="secondary" onClick={() => onApply({ kind: '', person: '', origin: '', from: '', to: '' })}>
          {t.clear()}
        </Button>
      </div>
    </form>
  );
}

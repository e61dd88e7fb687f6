import { endOfDay, isValid, parseISO, startOfDay } from 'date-fns';
import { useSearchParams } from 'react-router';
import { BILLING_ORIGINS, BILLING_SUB_TARGET_TYPES, type BillingSubTargetType } from '@/api/organization-events';
import type { EventFilters } from '@/api/event-queries';

/** The activity's filters as they sit in the URL: kind, person, origin, from and to (days, YYYY-MM-DD). */
export interface ActivityFilters {
  kind: BillingSubTargetType | '';
  person: string;
  origin: (typeof BILLING_ORIGINS)[number] | '';
  from: string;
  to: string;
}

export const FILTER_NAMES = ['kind', 'person', 'origin', 'from', 'to'] as const satisfies ReadonlyArray<keyof ActivityFilters>;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function day(value: string | null): string {
  return value !== null && DAY.test(value) && isValid(parseISO(value)) ? value : '';
}

function oneOf<Value extends string>(value: string | null, allowed: readonly Value[]): Value | '' {
  return allowed.find((candidate) => candidate === value) ?? '';
}

export function readActivityFilters(params: URLSearchParams): ActivityFilters {
  return {
    kind: oneOf(params.get('kind'), BILLING_SUB_TARGET_TYPES),
    person: (params.get('person') ?? '').trim(),
    origin: oneOf(params.get('origin'), BILLING_ORIGINS),
    from: day(params.get('from')),
    to: day(params.get('to')),
  };
}

/**
 * The query parameters of getOrganizationEvents. Events are moments: a day of the range is the user's
 * own calendar day, from its first to its last instant, both included.
 */
export function toEventFilters(filters: ActivityFilters, pageSize?: number): EventFilters {
  const query: EventFilters = {};
  if (pageSize !== undefined) query.pageSize = pageSize;
  if (filters.kind) query.subTargetType = filters.kind;
  if (filters.person) query.triggeredBy = filters.person;
  if (filters.origin) query.origin = filters.origin;
  if (filters.from) query.fromTimestamp = startOfDay(parseISO(filters.from)).toISOString();
  if (filters.to) query.toTimestamp = endOfDay(parseISO(filters.to)).toISOString();
  return query;
}

export function useActivityFilters() {
  const [params, setParams] = useSearchParams();
  const filters = readActivityFilters(params);
  const setFilters = (next: ActivityFilters) => {
    setParams(
      () => {
        const updated = new URLSearchParams();
        for (const name of FILTER_NAMES) if (next[name]) updated.set(name, next[name]);
        return updated;
      },
      { preventScrollReset: true },
    );
  };
  return { filters, setFilters };
}

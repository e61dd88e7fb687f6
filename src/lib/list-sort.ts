/**
 * Sorting shared by the lists that sort by column (invoices, the subscription's billing history): the
 * sort lives in the URL as `sort` and `dir`, each column starts in its natural direction, and ties
 * fall back to newest first, so two pages that look alike also behave alike.
 */

export type SortDirection = 'asc' | 'desc';

export interface SortState<K extends string> {
  sort: K;
  direction: SortDirection;
}

/** The direction a column sorts in when first chosen: newest and largest first, most urgent status first. */
export const NATURAL_DIRECTION = { date: 'desc', amount: 'desc', status: 'asc' } as const satisfies Record<string, SortDirection>;

/** Reads `sort` and `dir`; anything unknown falls back to the default column in its natural direction. */
export function parseSort<K extends string>(params: URLSearchParams, keys: readonly K[], directions: Record<K, SortDirection>, fallback: K): SortState<K> {
  const wanted = params.get('sort');
  const sort = keys.find((key) => key === wanted) ?? fallback;
  const dir = params.get('dir');
  return { sort, direction: dir === 'asc' || dir === 'desc' ? dir : directions[sort] };
}

/** Writes `sort` and `dir` into params, leaving defaults out so that the plain list has a plain URL. */
export function writeSort<K extends string>(params: URLSearchParams, state: SortState<K>, directions: Record<K, SortDirection>, fallback: K): void {
  params.delete('sort');
  params.delete('dir');
  if (state.sort !== fallback) params.set('sort', state.sort);
  if (state.direction !== directions[state.sort]) params.set('dir', state.direction);
}

/** Clicking a column: the same column flips its direction, another one starts in its natural direction. */
export function nextSort<K extends string>(current: SortState<K>, key: K, directions: Record<K, SortDirection>): SortState<K> {
  if (current.sort === key) return { sort: key, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  return { sort: key, direction: directions[key] };
}

/** One column's values in its direction; equal values newest first whatever the direction. */
export function compareSorted(direction: SortDirection, a: number, b: number, timeA: number, timeB: number): number {
  return (direction === 'asc' ? a - b : b - a) || timeB - timeA;
}

export function directionLabel(direction: SortDirection): 'ascending' | 'descending' {
  return direction === 'asc' ? 'ascending' : 'descending';
}

const DAY_MS = 24 * 3600 * 1000;

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

/** Adds calendar months in UTC, clamping the day to the target month's length (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(date: Date, months: number): Date {
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(
    Date.UTC(year, month, Math.min(date.getUTCDate(), lastDay), date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds()),
  );
}

/**
 * The first of `anchor`, `anchor` + `months`, `anchor` + 2 × `months`, ... that is after `now`. Each
 * date is counted from the anchor itself, not from the previous one: a period anchored on the 31st
 * renews on the last day of shorter months and on the 31st again afterwards (Jan 31, Feb 28, Mar 31).
 */
export function nextPeriodStart(anchor: Date, months: number, now: Date): Date {
  const monthsElapsed = (now.getUTCFullYear() - anchor.getUTCFullYear()) * 12 + now.getUTCMonth() - anchor.getUTCMonth();
  // Every step before this one ends in an earlier month than now's, so it cannot be the answer.
  let step = Math.max(0, Math.floor(monthsElapsed / months));
  let start = addMonths(anchor, step * months);
  while (start.getTime() <= now.getTime()) {
    step += 1;
    start = addMonths(anchor, step * months);
  }
  return start;
}

export function daysBetween(from: Date, to: Date): number {
  return (to.getTime() - from.getTime()) / DAY_MS;
}

export function startOfUtcDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function monthLabel(date: Date): string {
  return `${MONTH_NAMES[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

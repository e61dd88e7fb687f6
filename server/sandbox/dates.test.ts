import { describe, expect, it } from 'vitest';
import { addMonths, nextPeriodStart } from './dates';

const at = (iso: string) => new Date(iso);
const next = (anchor: string, months: number, now: string) => nextPeriodStart(at(anchor), months, at(now)).toISOString();

describe('nextPeriodStart', () => {
  it('comes back to the 31st after shorter months', () => {
    expect(next('2026-01-31T06:00:00.000Z', 1, '2026-02-01T00:00:00.000Z')).toBe('2026-02-28T06:00:00.000Z');
    expect(next('2026-01-31T06:00:00.000Z', 1, '2026-03-01T00:00:00.000Z')).toBe('2026-03-31T06:00:00.000Z');
    expect(next('2026-01-31T06:00:00.000Z', 1, '2026-05-01T00:00:00.000Z')).toBe('2026-05-31T06:00:00.000Z');
    expect(next('2026-01-31T06:00:00.000Z', 1, '2026-06-15T00:00:00.000Z')).toBe('2026-06-30T06:00:00.000Z');
    expect(next('2026-01-30T06:00:00.000Z', 1, '2026-03-01T00:00:00.000Z')).toBe('2026-03-30T06:00:00.000Z');
  });

  it('uses February 29 in leap years only', () => {
    expect(next('2024-01-31T00:00:00.000Z', 1, '2024-02-10T00:00:00.000Z')).toBe('2024-02-29T00:00:00.000Z');
    expect(next('2024-01-31T00:00:00.000Z', 1, '2025-02-10T00:00:00.000Z')).toBe('2025-02-28T00:00:00.000Z');
    expect(next('2024-01-31T00:00:00.000Z', 1, '2025-03-01T00:00:00.000Z')).toBe('2025-03-31T00:00:00.000Z');
    // A yearly plan anchored on a leap day renews on Feb 28, then on Feb 29 again in the next leap year.
    expect(next('2024-02-29T00:00:00.000Z', 12, '2025-01-01T00:00:00.000Z')).toBe('2025-02-28T00:00:00.000Z');
    expect(next('2024-02-29T00:00:00.000Z', 12, '2027-03-01T00:00:00.000Z')).toBe('2028-02-29T00:00:00.000Z');
  });

  it('is strictly after now, and the anchor itself while it is still ahead', () => {
    expect(next('2026-01-31T06:00:00.000Z', 1, '2026-03-31T06:00:00.000Z')).toBe('2026-04-30T06:00:00.000Z');
    expect(next('2026-01-31T06:00:00.000Z', 1, '2026-03-31T05:59:59.999Z')).toBe('2026-03-31T06:00:00.000Z');
    expect(next('2026-07-31T06:00:00.000Z', 1, '2026-03-01T00:00:00.000Z')).toBe('2026-07-31T06:00:00.000Z');
  });

  it('matches counting month by month from the anchor over ten years', () => {
    const anchor = at('2023-08-31T12:00:00.000Z');
    for (let day = 0; day < 3650; day += 7) {
      const now = new Date(anchor.getTime() + day * 86_400_000);
      let k = 0;
      while (addMonths(anchor, k).getTime() <= now.getTime()) k += 1;
      expect(nextPeriodStart(anchor, 1, now)).toEqual(addMonths(anchor, k));
    }
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addBillingMonths, billingDay, calendarPeriod, dayRange, inRange, nextPeriodStart, parseBillingDay, periodsElapsed, type CalendarPeriod } from './billing-calendar';
import { formatBillingDate, formatBillingDays } from './date-format';

const at = (iso: string) => new Date(iso);
const next = (anchor: string, months: number, now: string) => nextPeriodStart(at(anchor), months, at(now)).toISOString();
const instant = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2110-12-31T23:59:59Z'), noInvalidDate: true });
const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month + 1, 0)).getUTCDate();

describe('billing dates', () => {
  it('are the UTC calendar day of an instant, whatever its offset', () => {
    expect(billingDay('2026-02-28T23:30:00-05:00')).toBe('2026-03-01');
    expect(billingDay('2026-03-01T00:30:00+14:00')).toBe('2026-02-28');
    expect(billingDay(new Date('2028-02-29T23:59:59.999Z'))).toBe('2028-02-29');
  });

  it('show as the same calendar date in every time zone, as on the PDF', () => {
    // Formatting pins the zone to UTC: the machine's zone (CI runs this file under several) changes nothing.
    expect(formatBillingDate('2026-03-01T06:00:00Z', 'medium', 'en-US')).toBe('Mar 1, 2026');
    expect(formatBillingDate('2026-02-28T23:30:00-05:00', 'long', 'en-US')).toBe('March 1, 2026');
    expect(formatBillingDate('2026-03-01T00:30:00+14:00', 'long', 'en-GB')).toBe('28 February 2026');
    expect(formatBillingDays(at('2025-12-18T00:00:00Z'), at('2026-01-17T00:00:00Z'), 'en-US')).toMatch(/^Dec 18, 2025\s–\sJan 17, 2026$/);
    expect(formatBillingDays(at('2025-12-18T00:00:00Z'), at('2025-12-18T00:00:00Z'), 'en-US')).toBe('Dec 18, 2025');
  });

  it('are parsed only when they name a real day', () => {
    expect(parseBillingDay('2028-02-29')).toBe('2028-02-29');
    for (const text of ['2027-02-29', '2026-13-01', '2026-04-31', '2026-4-1', '', null, undefined]) expect(parseBillingDay(text)).toBeNull();
  });
});

describe('month arithmetic', () => {
  it('clamps to the month’s last day in UTC, keeping the time', () => {
    expect(addBillingMonths(at('2028-01-31T06:00:00Z'), 1).toISOString()).toBe('2028-02-29T06:00:00.000Z');
    expect(addBillingMonths(at('2027-01-31T23:30:00Z'), 1).toISOString()).toBe('2027-02-28T23:30:00.000Z');
    expect(addBillingMonths(at('2028-02-29T12:00:00Z'), 12).toISOString()).toBe('2029-02-28T12:00:00.000Z');
    expect(addBillingMonths(at('2026-03-31T00:00:00Z'), -1).toISOString()).toBe('2026-02-28T00:00:00.000Z');
  });

  it('comes back to the 31st after shorter months', () => {
    expect(next('2026-01-31T06:00:00.000Z', 1, '2026-02-01T00:00:00.000Z')).toBe('2026-02-28T06:00:00.000Z');
    expect(next('2026-01-31T06:00:00.000Z', 1, '2026-03-01T00:00:00.000Z')).toBe('2026-03-31T06:00:00.000Z');
    expect(next('2026-01-31T06:00:00.000Z', 1, '2026-06-15T00:00:00.000Z')).toBe('2026-06-30T06:00:00.000Z');
    expect(next('2026-01-30T06:00:00.000Z', 1, '2026-03-01T00:00:00.000Z')).toBe('2026-03-30T06:00:00.000Z');
  });

  it('uses February 29 in leap years only', () => {
    expect(next('2024-01-31T00:00:00.000Z', 1, '2024-02-10T00:00:00.000Z')).toBe('2024-02-29T00:00:00.000Z');
    expect(next('2024-01-31T00:00:00.000Z', 1, '2025-02-10T00:00:00.000Z')).toBe('2025-02-28T00:00:00.000Z');
    // A yearly plan anchored on a leap day renews on Feb 28, then on Feb 29 again in the next leap year.
    expect(next('2024-02-29T00:00:00.000Z', 12, '2025-01-01T00:00:00.000Z')).toBe('2025-02-28T00:00:00.000Z');
    expect(next('2024-02-29T00:00:00.000Z', 12, '2027-03-01T00:00:00.000Z')).toBe('2028-02-29T00:00:00.000Z');
    expect(next('2096-02-29T00:00:00.000Z', 12, '2100-01-01T00:00:00.000Z')).toBe('2100-02-28T00:00:00.000Z');
  });

  it('is strictly after now, and the anchor itself while it is still ahead', () => {
    expect(next('2026-01-31T06:00:00.000Z', 1, '2026-03-31T06:00:00.000Z')).toBe('2026-04-30T06:00:00.000Z');
    expect(next('2026-01-31T06:00:00.000Z', 1, '2026-03-31T05:59:59.999Z')).toBe('2026-03-31T06:00:00.000Z');
    expect(next('2026-07-31T06:00:00.000Z', 1, '2026-03-01T00:00:00.000Z')).toBe('2026-07-31T06:00:00.000Z');
  });

  it('counts every period from the anchor: the start holds now, and each falls on the anchor’s day or the month’s last', () => {
    fc.assert(
      fc.property(instant, instant, fc.constantFrom(1, 3, 12), (anchor, now, months) => {
        const step = periodsElapsed(anchor, months, now);
        const start = addBillingMonths(anchor, step * months);
        const end = addBillingMonths(anchor, (step + 1) * months);
        expect(start.getTime()).toBeLessThanOrEqual(now.getTime());
        expect(now.getTime()).toBeLessThan(end.getTime());
        expect(start.getUTCDate()).toBe(Math.min(anchor.getUTCDate(), daysInMonth(start.getUTCFullYear(), start.getUTCMonth())));
        expect(start.getUTCHours() * 60 + start.getUTCMinutes()).toBe(anchor.getUTCHours() * 60 + anchor.getUTCMinutes());
        const renewal = nextPeriodStart(anchor, months, now);
        expect(renewal.getTime()).toBeGreaterThan(now.getTime());
        expect(renewal.getTime()).toBe(now.getTime() < anchor.getTime() ? anchor.getTime() : end.getTime());
      }),
    );
  });
});

describe('calendar periods', () => {
  const PERIODS: CalendarPeriod[] = ['this-month', 'last-quarter', 'this-year', 'last-year'];

  it('are whole UTC months, quarters and years around now', () => {
    const period = (name: CalendarPeriod, now: string) => {
      const { start, end } = calendarPeriod(name, at(now));
      return `${start.toISOString()}/${end.toISOString()}`;
    };
    expect(period('this-month', '2028-02-29T23:30:00Z')).toBe('2028-02-01T00:00:00.000Z/2028-03-01T00:00:00.000Z');
    expect(period('last-quarter', '2025-05-10T12:00:00Z')).toBe('2025-01-01T00:00:00.000Z/2025-04-01T00:00:00.000Z');
    expect(period('last-quarter', '2025-02-10T12:00:00Z')).toBe('2024-10-01T00:00:00.000Z/2025-01-01T00:00:00.000Z');
    expect(period('this-year', '2026-12-31T23:59:59Z')).toBe('2026-01-01T00:00:00.000Z/2027-01-01T00:00:00.000Z');
    expect(period('last-year', '2027-01-01T00:00:00Z')).toBe('2026-01-01T00:00:00.000Z/2027-01-01T00:00:00.000Z');
  });

  it('hold now (or end where the current one starts), start at 00:00 UTC on a first, and never overlap the next', () => {
    fc.assert(
      fc.property(instant, fc.constantFrom(...PERIODS), (now, name) => {
        const { start, end } = calendarPeriod(name, now);
        expect(start.getUTCDate()).toBe(1);
        expect(start.getUTCHours() + start.getUTCMinutes() + start.getUTCSeconds()).toBe(0);
        expect(start.getTime()).toBeLessThan(end.getTime());
        if (name.startsWith('this')) expect(inRange(now.getTime(), { start, end })).toBe(true);
        else expect(end.getTime()).toBeLessThanOrEqual(now.getTime());
      }),
    );
  });

  it('take a custom range of days with both days included', () => {
    const range = dayRange('2026-02-28', '2026-03-01');
    expect(inRange(at('2026-02-28T00:00:00Z').getTime(), range)).toBe(true);
    expect(inRange(at('2026-03-01T23:59:59.999Z').getTime(), range)).toBe(true);
    expect(inRange(at('2026-03-02T00:00:00Z').getTime(), range)).toBe(false);
    expect(inRange(at('2026-02-27T23:59:59.999Z').getTime(), range)).toBe(false);
    expect(inRange(0, dayRange(null, null))).toBe(true);
  });
});

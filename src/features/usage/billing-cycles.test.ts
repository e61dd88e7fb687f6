import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { billingCycles, cycleStart, formatPeriod, formatPeriodToToday, formatReportPeriod, renewalDay, renewalMonth } from './billing-cycles';

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const starts = (cycles: ReturnType<typeof billingCycles>) => cycles.map((cycle) => cycle.from.toISOString().slice(0, 10));

describe('billing cycles', () => {
  it('starts a renewal on the 31st on the last day of shorter months, without drifting', () => {
    const cycles = billingCycles(31, new Date('2025-08-10T12:00:00Z'), 12);
    expect(starts(cycles)).toEqual([
      '2025-07-31',
      '2025-06-30',
      '2025-05-31',
      '2025-04-30',
      '2025-03-31',
      '2025-02-28',
      '2025-01-31',
      '2024-12-31',
      '2024-11-30',
      '2024-10-31',
      '2024-09-30',
      '2024-08-31',
      '2024-07-31',
    ]);
    expect(cycles[0]).toMatchObject({ to: day('2025-08-31'), inProgress: true });
  });

  it('uses February 29 in leap years and February 28 otherwise', () => {
    expect(starts(billingCycles(31, new Date('2024-03-15T12:00:00Z'), 2))).toEqual(['2024-02-29', '2024-01-31', '2023-12-31']);
    expect(billingCycles(31, new Date('2024-03-15T12:00:00Z'), 0)[0]?.to).toEqual(day('2024-03-31'));
    expect(starts(billingCycles(30, new Date('2025-03-01T00:00:00Z'), 1))).toEqual(['2025-02-28', '2025-01-30']);
    expect(starts(billingCycles(29, new Date('2028-03-01T00:00:00Z'), 1))).toEqual(['2028-02-29', '2028-01-29']);
    expect(starts(billingCycles(29, new Date('2100-03-01T00:00:00Z'), 1))).toEqual(['2100-02-28', '2100-01-29']);
  });

  it('starts the current cycle on the renewal day itself, and crosses years', () => {
    expect(billingCycles(15, new Date('2026-11-15T00:00:00Z'), 0)[0]).toMatchObject({ from: day('2026-11-15'), to: day('2026-12-15') });
    expect(billingCycles(15, new Date('2026-11-14T23:59:59Z'), 0)[0]).toMatchObject({ from: day('2026-10-15'), to: day('2026-11-15') });
    expect(starts(billingCycles(5, new Date('2026-01-03T00:00:00Z'), 2))).toEqual(['2025-12-05', '2025-11-05', '2025-10-05']);
  });

  it('gives the cycle in progress and the twelve before it, back to back, the current one holding now', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 31 }), fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }), (renewal, now) => {
        const cycles = billingCycles(renewal, now);
        expect(cycles).toHaveLength(13);
        const [current] = cycles;
        expect(current?.inProgress).toBe(true);
        expect(current && current.from.getTime() <= now.getTime() && now.getTime() < current.to.getTime()).toBe(true);
        for (const [index, cycle] of cycles.entries()) {
          const lastDay = new Date(Date.UTC(cycle.from.getUTCFullYear(), cycle.from.getUTCMonth() + 1, 0)).getUTCDate();
          expect(cycle.from.getUTCDate()).toBe(Math.min(renewal, lastDay));
          expect(cycle.from.getUTCHours() + cycle.from.getUTCMinutes()).toBe(0);
          const older = cycles[index + 1];
          if (older) expect(older.to).toEqual(cycle.from);
        }
      }),
    );
  });

  it('steps a year at a time on a yearly plan, from the renewal date', () => {
    // Renews every March 15: on 2026-08-10 the year in progress began on 2026-03-15.
    const cycles = billingCycles(15, new Date('2026-08-10T12:00:00Z'), 2, { length: 'year', renewalMonth: 2 });
    expect(cycles.map((cycle) => cycle.key)).toEqual(['2026-03-15/2027-03-15', '2025-03-15/2026-03-15', '2024-03-15/2025-03-15']);
    expect(cycles[0]?.inProgress).toBe(true);
    // Renewing in November: before it comes round, the year in progress began the November before.
    expect(billingCycles(18, new Date('2026-11-17T23:59:59Z'), 0, { length: 'year', renewalMonth: 10 })[0]?.key).toBe('2025-11-18/2026-11-18');
    expect(billingCycles(18, new Date('2026-11-18T00:00:00Z'), 0, { length: 'year', renewalMonth: 10 })[0]?.key).toBe('2026-11-18/2027-11-18');
  });

  it('renews a yearly plan taken on February 29 on February 28 in other years', () => {
    const cycles = billingCycles(29, new Date('2029-06-01T00:00:00Z'), 2, { length: 'year', renewalMonth: 1 });
    expect(cycles.map((cycle) => cycle.key)).toEqual(['2029-02-28/2030-02-28', '2028-02-29/2029-02-28', '2027-02-28/2028-02-29']);
    expect(renewalMonth('2028-02-29T10:00:00Z')).toBe(1);
    expect(renewalMonth(null)).toBe(0);
  });

  it('leaves out the cycles that ended before the organization existed, never the one in progress', () => {
    const now = new Date('2026-11-20T12:00:00Z');
    // Created on Oct 25: the Oct 18 – Nov 17 cycle has days after it, the ones before have none.
    expect(starts(billingCycles(18, now, 12, { since: new Date('2026-10-25T09:00:00Z') }))).toEqual(['2026-11-18', '2026-10-18']);
    // Created two days ago: only the cycle in progress is left.
    expect(starts(billingCycles(18, now, 12, { since: new Date('2026-11-18T09:00:00Z') }))).toEqual(['2026-11-18']);
    // Created exactly when a cycle ended: that cycle had no day of the organization's.
    expect(starts(billingCycles(18, now, 12, { since: new Date('2026-10-18T00:00:00Z') }))).toEqual(['2026-11-18', '2026-10-18']);
    expect(starts(billingCycles(18, now, 12, { since: new Date('2026-11-18T00:00:00Z') }))).toEqual(['2026-11-18']);
  });

  it('reads the renewal day in UTC, and falls back to calendar months', () => {
    expect(renewalDay('2026-12-18T06:00:00.000Z')).toBe(18);
    expect(renewalDay('2026-01-31T23:30:00-05:00')).toBe(1);
    expect(renewalDay(null)).toBe(1);
    expect(renewalDay(undefined)).toBe(1);
    expect(cycleStart(2026, 1, 31)).toEqual(day('2026-02-28'));
  });

  it('shows a period by the days it includes', () => {
    expect(formatPeriod(day('2025-01-31'), day('2025-02-28'))).toMatch(/^Jan 31\s–\sFeb 27, 2025$/);
    expect(formatPeriod(day('2025-12-18'), day('2026-01-18'))).toMatch(/^Dec 18, 2025\s–\sJan 17, 2026$/);
    expect(formatPeriodToToday(day('2026-11-18'), new Date('2026-11-20T12:00:00Z'))).toBe('Nov 18 – today');
    expect(formatPeriodToToday(day('2025-12-18'), new Date('2026-01-02T12:00:00Z'))).toBe('Dec 18, 2025 – today');
    // A report on a cycle still running names no day to come; an ended one names its last day.
    expect(formatReportPeriod(day('2026-11-18'), day('2026-12-18'), new Date('2026-11-20T12:00:00Z'))).toBe('Nov 18 – today');
    expect(formatReportPeriod(day('2026-10-18'), day('2026-11-18'), new Date('2026-11-20T12:00:00Z'))).toMatch(/^Oct 18\s–\sNov 17, 2026$/);
  });
});

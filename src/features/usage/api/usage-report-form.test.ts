import { describe, expect, it } from 'vitest';
import { usageReportFormSchema } from './usage-report-form';

const custom = (from: string, to: string) => ({ period: 'custom', from, to, lifetime: '3600' });
const errorsOf = (values: ReturnType<typeof custom>) => {
  const result = usageReportFormSchema.safeParse(values);
  return result.success ? {} : Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
};

describe('usage report custom range', () => {
  it('allows a calendar year, both days included, and not one day more', () => {
    expect(errorsOf(custom('2025-01-01', '2025-12-31'))).toEqual({});
    expect(errorsOf(custom('2024-01-01', '2024-12-31'))).toEqual({});
    expect(errorsOf(custom('2025-03-10', '2026-03-09'))).toEqual({});
    expect(errorsOf(custom('2025-01-01', '2026-01-01'))).toEqual({ to: 'A report covers at most one year' });
    expect(errorsOf(custom('2025-03-10', '2026-03-10'))).toEqual({ to: 'A report covers at most one year' });
  });
});

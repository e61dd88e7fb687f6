import * as z from 'zod/mini';
import { addBillingMonths } from '../lib/billing-calendar';
import { coded } from './field-messages';

export const MIN_REPORT_EXPIRATION_SECONDS = 60;
export const MAX_REPORT_EXPIRATION_SECONDS = 7 * 24 * 3600;
/**
 * The same instant one calendar year later, in UTC; a leap day gives February 28. A fixed 366 days
 * would let a report outside leap years run a day over a year.
 */
export function oneYearAfter(date: Date): Date {
  return addBillingMonths(date, 12);
}

const dateTime = (field: 'from' | 'to', label: string) =>
  z.iso.datetime({ offset: true, error: coded(`${field}.date_time`, `${label} must be an ISO 8601 date-time, like 2025-01-31T23:59:59Z`) });

export const usageReportRequestSchema = z
  .object({
    from: dateTime('from', 'Start'),
    to: dateTime('to', 'End'),
    report_expiration_in_seconds: z
      .int(coded('report_expiration_in_seconds.not_integer', 'Link lifetime must be a whole number of seconds'))
      .check(
        z.gte(MIN_REPORT_EXPIRATION_SECONDS, coded('report_expiration_in_seconds.too_short', 'The link must stay valid for at least 60 seconds')),
        z.lte(MAX_REPORT_EXPIRATION_SECONDS, coded('report_expiration_in_seconds.too_long', 'The link can stay valid for at most 7 days')),
      ),
  })
  .check(
    z.superRefine((value, ctx) => {
      const from = Date.parse(value.from);
      const to = Date.parse(value.to);
      if (from >= to) ctx.addIssue({ code: 'custom', path: ['to'], message: coded('to.before_start', 'The end must be after the start') });
      else if (to > oneYearAfter(new Date(from)).getTime()) {
        ctx.addIssue({ code: 'custom', path: ['to'], message: coded('to.too_long', 'A report covers at most one year') });
      }
    }),
  );

export type UsageReportRequest = z.infer<typeof usageReportRequestSchema>;

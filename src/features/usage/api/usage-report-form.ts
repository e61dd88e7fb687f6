import * as z from 'zod/mini';
import { usageReportRequestSchema, type UsageReportRequest } from '@/api/usage-report';
import { addBillingDays, dayStart, parseBillingDay } from '@/lib/billing-calendar';

export const CUSTOM_PERIOD = 'custom';

/** Link lifetimes offered, within the contract's 60 s to 7 days. */
export const LINK_LIFETIMES = [
  { seconds: 3_600, label: '1 hour' },
  { seconds: 6 * 3_600, label: '6 hours' },
  { seconds: 24 * 3_600, label: '1 day' },
  { seconds: 3 * 24 * 3_600, label: '3 days' },
  { seconds: 7 * 24 * 3_600, label: '7 days' },
] as const;

/** 00:00 UTC of a YYYY-MM-DD day, or null when it is not a calendar day. */
function utcMidnight(date: string): Date | null {
  const day = parseBillingDay(date);
  return day === null ? null : dayStart(day);
}

/**
 * The period is a billing cycle's key (an ISO interval of UTC dates, end exclusive) or "custom",
 * whose dates are both included: the report then ends at 00:00 UTC the day after `to`.
 */
export function toUsageReportRequest(values: { period: string; from: string; to: string; lifetime: string }): UsageReportRequest {
  const [fromDate = '', toDate = ''] = values.period === CUSTOM_PERIOD ? [values.from, values.to] : values.period.split('/');
  const from = utcMidnight(fromDate);
  const lastOrEnd = utcMidnight(toDate);
  const to = lastOrEnd && values.period === CUSTOM_PERIOD ? addBillingDays(lastOrEnd, 1) : lastOrEnd;
  return {
    from: from?.toISOString() ?? '',
    to: to?.toISOString() ?? '',
    report_expiration_in_seconds: Number(values.lifetime),
  };
}

const REQUEST_FIELDS: Record<string, 'from' | 'to' | 'lifetime'> = { from: 'from', to: 'to', report_expiration_in_seconds: 'lifetime' };

/** Maps a request field onto the form: a preset's dates are its period, a custom range's its own fields. */
export function formField(requestField: string, period: string): 'period' | 'from' | 'to' | 'lifetime' | null {
  const field = REQUEST_FIELDS[requestField];
  if (!field) return null;
  return field !== 'lifetime' && period !== CUSTOM_PERIOD ? 'period' : field;
}

/**
 * Checks that the form's values make a valid request, with the same schema the server uses (start
 * before end, at most a year, a lifetime of 60 s to 7 days); custom dates are checked first. The
 * submit handler turns them into the request (a zod transform here would put zod's pipe code in the
 * entry chunk, where zod lives, for every page).
 */
export const usageReportFormSchema = z
  .object({
    period: z.string().check(z.minLength(1, 'Choose a period')),
    from: z.string(),
    to: z.string(),
    lifetime: z.string().check(z.minLength(1, 'Choose how long the link stays valid')),
  })
  .check(
    z.superRefine((values, ctx) => {
      if (values.period === CUSTOM_PERIOD) {
        const from = utcMidnight(values.from);
        const to = utcMidnight(values.to);
        if (!values.from) ctx.addIssue({ code: 'custom', path: ['from'], message: 'Choose the first day' });
        else if (!from) ctx.addIssue({ code: 'custom', path: ['from'], message: 'Enter a date like 2026-01-31' });
        else if (from.getTime() > Date.now()) ctx.addIssue({ code: 'custom', path: ['from'], message: 'The first day cannot be in the future' });
        if (!values.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'Choose the last day' });
        else if (!to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'Enter a date like 2026-01-31' });
        else if (from && to.getTime() < from.getTime()) ctx.addIssue({ code: 'custom', path: ['to'], message: 'The last day cannot be before the first' });
        else if (to.getTime() > Date.now()) ctx.addIssue({ code: 'custom', path: ['to'], message: 'The last day cannot be in the future: usage is known up to today' });
        if (!from || !to || to.getTime() < from.getTime()) return;
      }
      const result = usageReportRequestSchema.safeParse(toUsageReportRequest(values));
      if (result.success) return;
      for (const issue of result.error.issues) {
        const field = formField(String(issue.path[0] ?? ''), values.period);
        if (field) ctx.addIssue({ code: 'custom', path: [field], message: issue.message });
      }
    }),
  );

export type UsageReportFormValues = z.infer<typeof usageReportFormSchema>;

import * as z from 'zod/mini';
import { usageReportRequestSchema, type UsageReportRequest } from '@/api/usage-report';
import { addBillingDays, dayStart, parseBillingDay } from '@/lib/billing-calendar';
import type { UsageMessages } from '../messages';

export const CUSTOM_PERIOD = 'custom';

/** Link lifetimes offered, within the contract's 60 s to 7 days, with how the form names them (a count of hours or days). */
export const LINK_LIFETIMES = [
  { seconds: 3_600, unit: 'hour', count: 1 },
  { seconds: 6 * 3_600, unit: 'hour', count: 6 },
  { seconds: 24 * 3_600, unit: 'day', count: 1 },
  { seconds: 3 * 24 * 3_600, unit: 'day', count: 3 },
  { seconds: 7 * 24 * 3_600, unit: 'day', count: 7 },
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
 * The form's own checks, each named by its message in the usage catalog (the issue's `params.check`):
 * the form says them in the active language with formCheckMessages. What the shared request schema
 * finds keeps that schema's words.
 */
const FORM_CHECKS = ['choosePeriod', 'chooseLifetime', 'chooseFirstDay', 'chooseLastDay', 'enterDate', 'firstDayInFuture', 'lastDayBeforeFirst', 'lastDayInFuture'] as const;
type FormCheck = (typeof FORM_CHECKS)[number];

function failed(field: 'period' | 'from' | 'to' | 'lifetime', check: FormCheck): { code: 'custom'; path: string[]; params: { check: FormCheck } } {
  return { code: 'custom', path: [field], params: { check } };
}

/** The error map to parse the form with: each of the form's own checks in `t`'s words. */
export function formCheckMessages(t: Pick<UsageMessages, FormCheck>): z.core.$ZodErrorMap {
  return (issue) => {
    const check: unknown = issue.code === 'custom' ? issue.params?.check : undefined;
    const known = FORM_CHECKS.find((candidate) => candidate === check);
    return known && t[known]();
  };
}

/**
 * Checks that the form's values make a valid request, with the same schema the server uses (start
 * before end, at most a year, a lifetime of 60 s to 7 days); custom dates are checked first. The
 * submit handler turns them into the request (a zod transform here would put zod's pipe code in the
 * entry chunk, where zod lives, for every page).
 */
export const usageReportFormSchema = z
  .object({
    period: z.string(),
    from: z.string(),
    to: z.string(),
    lifetime: z.string(),
  })
  .check(
    z.superRefine((values, ctx) => {
      if (!values.period) ctx.addIssue(failed('period', 'choosePeriod'));
      if (!values.lifetime) ctx.addIssue(failed('lifetime', 'chooseLifetime'));
      if (!values.period || !values.lifetime) return;
      if (values.period === CUSTOM_PERIOD) {
        const from = utcMidnight(values.from);
        const to = utcMidnight(values.to);
        if (!values.from) ctx.addIssue(failed('from', 'chooseFirstDay'));
        else if (!from) ctx.addIssue(failed('from', 'enterDate'));
        else if (from.getTime() > Date.now()) ctx.addIssue(failed('from', 'firstDayInFuture'));
        if (!values.to) ctx.addIssue(failed('to', 'chooseLastDay'));
        else if (!to) ctx.addIssue(failed('to', 'enterDate'));
        else if (from && to.getTime() < from.getTime()) ctx.addIssue(failed('to', 'lastDayBeforeFirst'));
        else if (to.getTime() > Date.now()) ctx.addIssue(failed('to', 'lastDayInFuture'));
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

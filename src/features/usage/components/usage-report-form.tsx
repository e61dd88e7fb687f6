import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, useWatch } from 'react-hook-form';
import { ApiError } from '@/api/api-error';
import { Button } from '@/components/ui/button';
import { FailureMessage, Field, SelectInput, TextInput } from '@/components/ui/field';
import { toast } from '@/components/ui/toast';
import { CUSTOM_PERIOD, formField, LINK_LIFETIMES, toUsageReportRequest, usageReportFormSchema, type UsageReportFormValues } from '../api/usage-report-form';
import { useGenerateUsageReport } from '../api/use-generate-usage-report';
import { formatPeriod, formatPeriodToToday, formatReportPeriod, type BillingCycle, type CycleLength } from '../billing-cycles';
import { reportHistory, signedLinkExpiry } from '../report-history';
import { billingDay } from '@/lib/billing-calendar';

function cycleLabel(cycle: BillingCycle, index: number, now: Date): string {
  // Short enough for a phone's select, which cannot wrap an option.
  if (cycle.inProgress) return `${formatPeriodToToday(cycle.from, now)} (in progress)`;
  return index === 1 ? `${formatPeriod(cycle.from, cycle.to)} (last cycle)` : formatPeriod(cycle.from, cycle.to);
}

/** Says how many cycles are offered, as they are: the one in progress and those completed since the organization began. */
function periodHint(cycles: readonly BillingCycle[], length: CycleLength): string {
  const completed = cycles.filter((cycle) => !cycle.inProgress).length;
  const yearly = length === 'year';
  const cycleWord = yearly ? 'yearly billing cycle' : 'billing cycle';
  if (cycles.length === 0) return 'Whole days in UTC.';
  if (completed === 0) return `No ${cycleWord} is completed yet: choose the cycle in progress or a custom range. Whole days in UTC.`;
  return `The ${cycleWord} in progress and the ${completed === 1 ? 'one' : completed} before it, or a custom range. Whole days in UTC; a cycle starts on the renewal ${yearly ? 'date' : 'day'}.`;
}
/** The billing calendar's today, the last day a report can cover. */
const today = () => billingDay(new Date());

/**
 * Stamped when the request leaves: when the link does not say when it expires, its expiry is counted
 * from then, so the list never shows a link as valid after the server lets it go.
 */
function stamp(lifetimeSeconds: number): { id: string; createdAt: string; expiresAt: string } {
  const at = Date.now();
  return {
    id: `${at}-${Math.random().toString(36).slice(2)}`,
    createdAt: new Date(at).toISOString(),
    expiresAt: new Date(at + lifetimeSeconds * 1000).toISOString(),
  };
}

/**
 * Generates a usage report for a billing cycle or a custom range of UTC days, with a link that
 * stays valid for the chosen time. Each report generated is added to this tab's list.
 */
export function UsageReportForm({
  organizationId,
  ownerId,
  cycles,
  cycleLength,
  now,
}: {
  organizationId: string;
  ownerId: string | null;
  cycles: readonly BillingCycle[];
  cycleLength: CycleLength;
  /** When the page opened: the cycle in progress is shown up to that day. */
  now: Date;
}) {
  const lastCycle = cycles.find((cycle) => !cycle.inProgress) ?? cycles[0];
  const form = useForm<UsageReportFormValues>({
    resolver: zodResolver(usageReportFormSchema),
    defaultValues: { period: lastCycle?.key ?? CUSTOM_PERIOD, from: '', to: '', lifetime: String(LINK_LIFETIMES[0].seconds) },
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const { register, control, handleSubmit, setError, formState } = form;
  const { errors } = formState;
  const period = useWatch({ control, name: 'period' });
  const mutation = useGenerateUsageReport(organizationId);

  const onSubmit = handleSubmit((values) => {
    const request = toUsageReportRequest(values);
    const times = stamp(request.report_expiration_in_seconds);
    mutation.mutate(request, {
      onSuccess: (response) => {
        if (!response.report_url) {
          setError('root.serverError', { type: 'server', message: 'The server answered without a link to the report.' });
          return;
        }
        reportHistory.add({
          ...times,
          expiresAt: signedLinkExpiry(response.report_url) ?? times.expiresAt,
          ownerId,
          organizationId,
          from: request.from,
          to: request.to,
          reportUrl: response.report_url,
          deleteReportUrl: response.delete_report_url ?? null,
          revokedAt: null,
        });
        toast.success(`Usage report ready for ${formatReportPeriod(new Date(request.from), new Date(request.to), new Date())}`);
      },
      onError: (error) => {
        let placed = false;
        for (const item of error instanceof ApiError ? error.errors : []) {
          const field = formField(item.field, period);
          if (field) {
            setError(field, { type: 'server', message: item.message }, { shouldFocus: true });
            placed = true;
          }
        }
        if (!placed) setError('root.serverError', { type: 'server', message: error.message });
      },
    });
  });

  return (
    <form noValidate onSubmit={(event) => void onSubmit(event)} className="flex flex-col gap-4" aria-label="Generate a usage report">
      {errors.root?.serverError && <FailureMessage error={mutation.error}>The report was not generated: {errors.root.serverError.message}</FailureMessage>}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Period" hint={periodHint(cycles, cycleLength)} error={errors.period?.message} className="sm:col-span-2">
          {(props) => (
            <SelectInput {...props} {...register('period')}>
              {cycles.length > 0 && (
                <optgroup label={cycleLength === 'year' ? 'Yearly billing cycles' : 'Billing cycles'}>
                  {cycles.map((cycle, index) => (
                    <option key={cycle.key} value={cycle.key}>
                      {cycleLabel(cycle, index, now)}
                    </option>
                  ))}
                </optgroup>
              )}
              <option value={CUSTOM_PERIOD}>Custom range…</option>
            </SelectInput>
          )}
        </Field>
        {period === CUSTOM_PERIOD && (
          <>
            <Field label="First day" error={errors.from?.message} required>
              {(props) => <TextInput {...props} {...register('from')} type="date" max={today()} />}
            </Field>
            <Field label="Last day" hint="Included. At most one year after the first day." error={errors.to?.message} required>
              {(props) => <TextInput {...props} {...register('to')} type="date" max={today()} />}
            </Field>
          </>
        )}
        <Field
          label="Link valid for"
          hint="Anyone with the link can download the report until it expires or you revoke it."
          error={errors.lifetime?.message}
          className="sm:col-span-2"
        >
          {(props) => (
            <SelectInput {...props} {...register('lifetime')} className="sm:max-w-xs">
              {LINK_LIFETIMES.map((lifetime) => (
                <option key={lifetime.seconds} value={String(lifetime.seconds)}>
                  {lifetime.label}
                </option>
              ))}
            </SelectInput>
          )}
        </Field>
      </div>
      <div>
        <Button type="submit" pending={mutation.isPending}>
          {mutation.isPending ? 'Generating…' : 'Generate report'}
        </Button>
      </div>
    </form>
  );
}

import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, useWatch } from 'react-hook-form';
import { ApiError } from '@/api/api-error';
import { Button } from '@/components/ui/button';
import { FailureMessage, Field, SelectInput, TextInput } from '@/components/ui/field';
import { toast } from '@/components/ui/toast';
import { CUSTOM_PERIOD, formCheckMessages, formField, LINK_LIFETIMES, toUsageReportRequest, usageReportFormSchema, type UsageReportFormValues } from '../api/usage-report-form';
import { useGenerateUsageReport } from '../api/use-generate-usage-report';
import { formatPeriod, formatPeriodToToday, formatReportPeriod, type BillingCycle, type CycleLength } from '../billing-cycles';
import { useUsageMessages, type UsageMessages } from '../messages';
import { reportHistory, signedLinkExpiry } from '../report-history';
import { billingDay } from '@/lib/billing-calendar';
import { useFieldErrorText } from '@/components/ui/field-error-text';

function cycleLabel(cycle: BillingCycle, index: number, now: Date, t: UsageMessages): string {
  // Short enough for a phone's select, which cannot wrap an option.
  if (cycle.inProgress) return t.cycleInProgress({ period: formatPeriodToToday(cycle.from, now) });
  return index === 1 ? t.lastCycle({ period: formatPeriod(cycle.from, cycle.to) }) : formatPeriod(cycle.from, cycle.to);
}

/** Says how many cycles are offered, as they are: the one in progress and those completed since the organization began. */
function periodHint(cycles: readonly BillingCycle[], length: CycleLength, t: UsageMessages): string {
  const completed = cycles.filter((cycle) => !cycle.inProgress).length;
  if (cycles.length === 0) return t.periodHintNoCycles();
  if (completed === 0) return t.periodHintNoneCompleted({ length });
  return t.periodHint({ length, completed });
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
  const t = useUsageMessages();
  const errorText = useFieldErrorText();
  const lastCycle = cycles.find((cycle) => !cycle.inProgress) ?? cycles[0];
  const form = useForm<UsageReportFormValues>({
    resolver: zodResolver(usageReportFormSchema, { error: formCheckMessages(t) }),
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
          setError('root.serverError', { type: 'server', message: t.noReportLink() });
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
        toast.success(t.reportReady({ period: formatReportPeriod(new Date(request.from), new Date(request.to), new Date()) }));
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
    <form noValidate onSubmit={(event) => void onSubmit(event)} className="flex flex-col gap-4" aria-label={t.formLabel()}>
      {errors.root?.serverError && <FailureMessage error={mutation.error}>{t.notGenerated({ message: errorText(errors.root.serverError.message ?? '') })}</FailureMessage>}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t.period()} hint={periodHint(cycles, cycleLength, t)} error={errors.period?.message} className="sm:col-span-2">
          {(props) => (
            <SelectInput {...props} {...register('period')}>
              {cycles.length > 0 && (
                <optgroup label={t.cycleGroup({ length: cycleLength })}>
                  {cycles.map((cycle, index) => (
                    <option key={cycle.key} value={cycle.key}>
                      {cycleLabel(cycle, index, now, t)}
                    </option>
                  ))}
                </optgroup>
              )}
              <option value={CUSTOM_PERIOD}>{t.customRange()}</option>
            </SelectInput>
          )}
        </Field>
        {period === CUSTOM_PERIOD && (
          <>
            <Field label={t.firstDay()} error={errors.from?.message} required>
              {(props) => <TextInput {...props} {...register('from')} type="date" max={today()} />}
            </Field>
            <Field label={t.lastDay()} hint={t.lastDayHint()} error={errors.to?.message} required>
              {(props) => <TextInput {...props} {...register('to')} type="date" max={today()} />}
            </Field>
          </>
        )}
        <Field label={t.linkValidFor()} hint={t.linkValidHint()} error={errors.lifetime?.message} className="sm:col-span-2">
          {(props) => (
            <SelectInput {...props} {...register('lifetime')} className="sm:max-w-xs">
              {LINK_LIFETIMES.map((lifetime) => (
                <option key={lifetime.seconds} value={String(lifetime.seconds)}>
                  {t.lifetime({ unit: lifetime.unit, count: lifetime.count })}
                </option>
              ))}
            </SelectInput>
          )}
        </Field>
      </div>
      <div>
        <Button type="submit" pending={mutation.isPending}>
          {mutation.isPending ? t.generating() : t.generate()}
        </Button>
      </div>
    </form>
  );
}

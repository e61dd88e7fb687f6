import { useEffect, useRef, useState, type Ref } from 'react';
import { Badge, type Tone } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import { ConfirmDialog } from '@/components/ui/dialog';
import { FailureMessage } from '@/components/ui/field';
import { toast } from '@/components/ui/toast';
import { useFocusRequest } from '@/components/ui/use-focus-request';
import { formatInstant } from '@/lib/date-format';
import { formatRelative, relativeTimeFormat } from '@/lib/relative-time';
import { isSafeToOpen, isSameOrigin } from '@/lib/safe-url';
import { useRevokeUsageReport } from '../api/use-revoke-usage-report';
import { formatReportPeriod } from '../billing-cycles';
import { useUsageMessages, type UsageMessages } from '../messages';
import { reportHistory, reportState, type ReportState, type StoredReport } from '../report-history';
import { useFieldErrorText } from '@/components/ui/field-error-text';

const TICK_MS = 30_000;

/**
 * The current time, refreshed every 30 seconds while something can change, and at the very moment
 * the next link expires: a report turns "expired" while the page is open, not at the next click.
 */
function useNow(expiries: readonly number[]): number {
  const [now, setNow] = useState(() => Date.now());
  const next = Math.min(...expiries.filter((at) => at > now));
  useEffect(() => {
    if (!Number.isFinite(next)) return;
    const delay = Math.min(TICK_MS, Math.max(0, next - Date.now()));
    const timer = window.setTimeout(() => setNow(Date.now()), delay + 20);
    return () => window.clearTimeout(timer);
  }, [now, next]);
  return now;
}

/** "in 5 minutes", "in 3 hours", "in 2 days", in the active language: a part of a minute counts as one, and 60 minutes are an hour. */
export function relative(ms: number): string {
  const relativeFormat = relativeTimeFormat();
  const minutes = ms > 0 ? Math.max(1, Math.ceil(ms / 60_000)) : Math.min(-1, Math.floor(ms / 60_000));
  if (Math.abs(minutes) < 60) return formatRelative(relativeFormat, minutes, 'minute');
  const hours = minutes / 60;
  if (Math.abs(hours) < 48) return formatRelative(relativeFormat, Math.round(hours), 'hour');
  return formatRelative(relativeFormat, Math.round(hours / 24), 'day');
}

const STATE_TONE: Record<ReportState, Tone> = { active: 'success', expired: 'neutral', revoked: 'warning' };

function stateLabel(state: ReportState, t: UsageMessages): string {
  return state === 'active' ? t.active() : state === 'expired' ? t.expired() : t.revoked();
}

function ReportItem({ report, now, onRevoke, headingRef }: { report: StoredReport; now: number; onRevoke: (report: StoredReport) => void; headingRef?: Ref<HTMLHeadingElement> }) {
  const t = useUsageMessages();
  const state = reportState(report, now);
  const period = formatReportPeriod(new Date(report.from), new Date(report.to), new Date(now));
  const headingId = `report-${report.id}`;
  const safeReport = isSafeToOpen(report.reportUrl);
  // The console may call only its own origin (connect-src 'self'): another site's revoke link is offered to copy, with why.
  const revokeHere = report.deleteReportUrl !== null && isSameOrigin(report.deleteReportUrl);
  const revokeElsewhere = report.deleteReportUrl !== null && !revokeHere && isSafeToOpen(report.deleteReportUrl) ? report.deleteReportUrl : null;
  const expiresAt = Date.parse(report.expiresAt);
  return (
    <li>
      <article aria-labelledby={headingId} className="flex flex-col gap-3 rounded-lg border border-line p-4 sm:flex-row sm:items-center sm:justify-between">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-2">
            <h3 id={headingId} ref={headingRef} tabIndex={-1} className="font-semibold text-ink focus:outline-none">
              {period}
            </h3>
            <Badge tone={STATE_TONE[state]}>{stateLabel(state, t)}</Badge>
          </div>
          <p className="mt-1 text-sm text-ink-muted">
            {t.generatedAt({ date: formatInstant(report.createdAt) })}{' '}
            {state === 'active'
              ? t.linkExpires({ date: formatInstant(report.expiresAt), relative: relative(expiresAt - now) })
              : state === 'expired'
                ? t.linkExpired({ date: formatInstant(report.expiresAt) })
                : t.linkRevoked({ date: formatInstant(report.revokedAt ?? report.expiresAt) })}
          </p>
          {/* Announces the change when a link expires while the page is open. */}
          <span role="status" className="sr-only">
            {state === 'expired' ? t.linkHasExpired({ period }) : ''}
          </span>
          {state === 'active' && !safeReport && <p className="mt-1 text-sm text-danger-ink">{t.unsafeLink()}</p>}
          {state === 'active' && revokeElsewhere && <p className="mt-1 text-sm text-ink-muted">{t.revokeElsewhere()}</p>}
        </div>
        <div className="flex shrink-0 flex-wrap items-center gap-2">
          {state === 'active' ? (
            <>
              {safeReport && (
                <>
                  <a
                    href={report.reportUrl}
                    download
                    rel="noopener noreferrer"
                    aria-label={t.downloadFor({ period })}
                    className="inline-flex h-8 items-center rounded-md bg-accent px-3 text-sm font-medium text-accent-ink hover:bg-accent-hover"
                  >
                    {t.downloadCsv()}
                  </a>
                  <CopyButton value={report.reportUrl} label={t.copyLink({ period })} />
                </>
              )}
              {revokeElsewhere && <CopyButton value={revokeElsewhere} label={t.copyRevokeLink({ period })} />}
              {revokeHere && (
                <Button variant="ghost" size="sm" onClick={() => onRevoke(report)} aria-label={t.revokeFor({ period })}>
                  {t.revoke()}
                </Button>
              )}
            </>
          ) : (
            <Button variant="ghost" size="sm" onClick={() => reportHistory.remove(report.id)} aria-label={t.removeFor({ period })}>
              {t.remove()}
            </Button>
          )}
        </div>
      </article>
    </li>
  );
}

/** This tab's reports with their state, which follows the clock while the page is open. */
export function ReportList({ reports }: { reports: readonly StoredReport[] }) {
  const t = useUsageMessages();
  const errorText = useFieldErrorText();
  const [revoking, setRevoking] = useState<StoredReport | null>(null);
  // Escape closes the native dialog even while the request is in flight: a failure must still be told.
  const dialogOpen = useRef(false);
  const mutation = useRevokeUsageReport();
  // A revoked report loses its Revoke button, the dialog's opener: the focus moves to the report itself.
  const [revokedId, setRevokedId] = useState<string | null>(null);
  const revokedHeading = useFocusRequest<HTMLHeadingElement>();
  const now = useNow(reports.filter((report) => report.revokedAt === null).map((report) => Date.parse(report.expiresAt)));

  if (reports.length === 0) {
    return <p className="text-sm text-ink-muted">{t.noReports()}</p>;
  }

  const revoke = () => {
    const report = revoking;
    if (!report?.deleteReportUrl) return;
    mutation.mutate(report.deleteReportUrl, {
      onSuccess: (outcome) => {
        reportHistory.markRevoked(report.id, new Date());
        dialogOpen.current = false;
        setRevoking(null);
        setRevokedId(report.id);
        revokedHeading.request();
        if (outcome === 'revoked') toast.success(t.linkRevokedToast());
        else toast.info(t.alreadyGone());
      },
      onError: (error) => {
        if (!dialogOpen.current) toast.error(t.notRevoked({ message: errorText(error.message) }));
      },
    });
  };

  return (
    <>
      <ul className="flex flex-col gap-3">
        {reports.map((report) => (
          <ReportItem
            key={report.id}
            report={report}
            now={now}
            headingRef={report.id === revokedId ? revokedHeading.ref : undefined}
            onRevoke={(target) => {
              mutation.reset();
              dialogOpen.current = true;
              setRevoking(target);
            }}
          />
        ))}
      </ul>
      <ConfirmDialog
        open={revoking !== null}
        title={t.revokeTitle()}
        description={revoking ? t.revokeDescription({ period: formatReportPeriod(new Date(revoking.from), new Date(revoking.to), new Date()) }) : undefined}
        confirmLabel={mutation.isPending ? t.revoking() : t.revokeLink()}
        tone="danger"
        pending={mutation.isPending}
        onConfirm={revoke}
        onCancel={() => {
          dialogOpen.current = false;
          setRevoking(null);
        }}
      >
        {mutation.error && <FailureMessage error={mutation.error}>{t.notRevoked({ message: errorText(mutation.error.message) })}</FailureMessage>}
      </ConfirmDialog>
    </>
  );
}

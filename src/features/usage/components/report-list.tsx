import { useEffect, useRef, useState, type Ref } from 'react';
import { Badge, type Tone } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import { ConfirmDialog } from '@/components/ui/dialog';
import { FailureMessage } from '@/components/ui/field';
import { toast } from '@/components/ui/toast';
import { useFocusRequest } from '@/components/ui/use-focus-request';
import { formatInstant } from '@/lib/date-format';
import { isSafeToOpen, isSameOrigin } from '@/lib/safe-url';
import { useRevokeUsageReport } from '../api/use-revoke-usage-report';
import { formatReportPeriod } from '../billing-cycles';
import { reportHistory, reportState, type ReportState, type StoredReport } from '../report-history';

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

const relativeFormat = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

/** "in 5 minutes", "in 3 hours", "in 2 days": a part of a minute counts as one, and 60 minutes are an hour. */
export function relative(ms: number): string {
  const minutes = ms > 0 ? Math.max(1, Math.ceil(ms / 60_000)) : Math.min(-1, Math.floor(ms / 60_000));
  if (Math.abs(minutes) < 60) return relativeFormat.format(minutes, 'minute');
  const hours = minutes / 60;
  if (Math.abs(hours) < 48) return relativeFormat.format(Math.round(hours), 'hour');
  return relativeFormat.format(Math.round(hours / 24), 'day');
}

const STATE_BADGE: Record<ReportState, { label: string; tone: Tone }> = {
  active: { label: 'Active', tone: 'success' },
  expired: { label: 'Expired', tone: 'neutral' },
  revoked: { label: 'Revoked', tone: 'warning' },
};

function ReportItem({ report, now, onRevoke, headingRef }: { report: StoredReport; now: number; onRevoke: (report: StoredReport) => void; headingRef?: Ref<HTMLHeadingElement> }) {
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
            <Badge tone={STATE_BADGE[state].tone}>{STATE_BADGE[state].label}</Badge>
          </div>
          <p className="mt-1 text-sm text-ink-muted">
            Generated {formatInstant(report.createdAt)}.{' '}
            {state === 'active'
              ? `Link expires ${formatInstant(report.expiresAt)} (${relative(expiresAt - now)}).`
              : state === 'expired'
                ? `Link expired ${formatInstant(report.expiresAt)}.`
                : `Link revoked ${formatInstant(report.revokedAt ?? report.expiresAt)}.`}
          </p>
          {/* Announces the change when a link expires while the page is open. */}
          <span role="status" className="sr-only">
            {state === 'expired' ? `The link to the report for ${period} has expired.` : ''}
          </span>
          {state === 'active' && !safeReport && <p className="mt-1 text-sm text-danger-ink">This link is neither https nor on this site, so the console does not open it.</p>}
          {state === 'active' && revokeElsewhere && (
            <p className="mt-1 text-sm text-ink-muted">
              Its revoke link is on another site, which this console cannot call: copy it and send it a DELETE request to revoke the report early.
            </p>
          )}
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
                    aria-label={`Download CSV for ${period}`}
                    className="inline-flex h-8 items-center rounded-md bg-accent px-3 text-sm font-medium text-accent-ink hover:bg-accent-hover"
                  >
                    Download CSV
                  </a>
                  <CopyButton value={report.reportUrl} label={`Copy the link to the report for ${period}`} />
                </>
              )}
              {revokeElsewhere && <CopyButton value={revokeElsewhere} label={`Copy the revoke link of the report for ${period}`} />}
              {revokeHere && (
                <Button variant="ghost" size="sm" onClick={() => onRevoke(report)} aria-label={`Revoke the link to the report for ${period}`}>
                  Revoke
                </Button>
              )}
            </>
          ) : (
            <Button variant="ghost" size="sm" onClick={() => reportHistory.remove(report.id)} aria-label={`Remove the report for ${period} from the list`}>
              Remove
            </Button>
          )}
        </div>
      </article>
    </li>
  );
}

/** This tab's reports with their state, which follows the clock while the page is open. */
export function ReportList({ reports }: { reports: readonly StoredReport[] }) {
  const [revoking, setRevoking] = useState<StoredReport | null>(null);
  // Escape closes the native dialog even while the request is in flight: a failure must still be told.
  const dialogOpen = useRef(false);
  const mutation = useRevokeUsageReport();
  // A revoked report loses its Revoke button, the dialog's opener: the focus moves to the report itself.
  const [revokedId, setRevokedId] = useState<string | null>(null);
  const revokedHeading = useFocusRequest<HTMLHeadingElement>();
  const now = useNow(reports.filter((report) => report.revokedAt === null).map((report) => Date.parse(report.expiresAt)));

  if (reports.length === 0) {
    return <p className="text-sm text-ink-muted">Reports you generate are listed here, with their links, until you close this browser tab.</p>;
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
        if (outcome === 'revoked') toast.success('Link revoked: it no longer downloads the report');
        else toast.info('The link had already stopped working: it expired or was revoked elsewhere');
      },
      onError: (error) => {
        if (!dialogOpen.current) toast.error(`The link was not revoked: ${error.message}`);
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
        title="Revoke this link?"
        description={
          revoking
            ? `Anyone holding the link to the report for ${formatReportPeriod(new Date(revoking.from), new Date(revoking.to), new Date())} will get an error instead of the CSV. This cannot be undone.`
            : undefined
        }
        confirmLabel={mutation.isPending ? 'Revoking…' : 'Revoke link'}
        tone="danger"
        pending={mutation.isPending}
        onConfirm={revoke}
        onCancel={() => {
          dialogOpen.current = false;
          setRevoking(null);
        }}
      >
        {mutation.error && <FailureMessage error={mutation.error}>The link was not revoked: {mutation.error.message}</FailureMessage>}
      </ConfirmDialog>
    </>
  );
}

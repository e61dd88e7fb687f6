import { useEffect, useRef, useState } from 'react';
import { useBlocker } from 'react-router';
import { invoiceReference } from '@/api/invoice-reference';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/dialog';
import { toast } from '@/components/ui/toast';
import { exportFilename, saveFile } from '@/lib/save-file';
import { buildInvoiceZip, nothingSavedMessage, type SkippedInvoice } from '../api/invoice-zip';
import { countLabel, formatCount } from '../invoice-view';

/** Above this many invoices the ZIP asks first: it is minutes of requests and a large file in memory. */
export const LARGE_ZIP = 200;
/** A rough size of one invoice PDF in the ZIP (about 3 KB: measured in zip-download.test.tsx), to say what a large ZIP will weigh before it is built. */
const TYPICAL_PDF_BYTES = 3 * 1024;
/** The skipped invoices listed by reference; the rest are counted. */
const LISTED_SKIPS = 10;

type State =
  | { phase: 'idle' }
  | { phase: 'confirm' }
  | { phase: 'running'; done: number; total: number }
  | { phase: 'partial'; zip: Blob; filename: string; saved: number; skipped: SkippedInvoice[] }
  | { phase: 'failed'; message: string };

function roughSize(bytes: number): string {
  const megabytes = bytes / (1024 * 1024);
  return megabytes >= 1024 ? `${formatCount(Math.round(megabytes / 1024))} GB` : `${formatCount(Math.max(1, Math.round(megabytes)))} MB`;
}

/**
 * "Download as ZIP" for the selected or filtered invoices: a confirmation first when there are many,
 * a progress bar while the PDFs download, a cancel button that stops every request, a warning before
 * leaving while it runs, and, when some PDFs could not be downloaded, the choice to save the others.
 */
export function ZipDownload({
  organizationId,
  organizationName,
  invoiceIds,
  fromSelection,
  label,
}: {
  organizationId: string;
  organizationName: string | undefined;
  invoiceIds: readonly string[];
  /** The ids are the user's selection (the file name says so) rather than the whole view. */
  fromSelection: boolean;
  label: string;
}) {
  const [state, setState] = useState<State>({ phase: 'idle' });
  const controller = useRef<AbortController | null>(null);
  const running = state.phase === 'running';

  useEffect(() => () => controller.current?.abort(), []);

  // Closing or reloading the tab, or leaving the page in the console, would throw the work away.
  useEffect(() => {
    if (!running) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [running]);
  const blocker = useBlocker(({ currentLocation, nextLocation }) => running && currentLocation.pathname !== nextLocation.pathname);

  // The button that was used disappears when the ZIP starts (Download), ends (Cancel) or is decided
  // (Save, Discard): the focus moves to what replaces it rather than falling to <body>. Focus the
  // user has put elsewhere stays.
  const startButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const saveButton = useRef<HTMLButtonElement>(null);
  const shown = running ? 'running' : state.phase === 'partial' ? 'partial' : 'idle';
  const wasShown = useRef(shown);
  useEffect(() => {
    if (wasShown.current === shown) return;
    wasShown.current = shown;
    const active = document.activeElement;
    if (active !== null && active !== document.body) return;
    (shown === 'running' ? cancelButton : shown === 'partial' ? saveButton : startButton).current?.focus();
  }, [shown]);

  const run = async () => {
    const ids = [...invoiceIds];
    const abort = new AbortController();
    controller.current = abort;
    const filename = exportFilename('invoices', organizationName, 'zip', { qualifier: fromSelection ? `selected-${ids.length}` : undefined });
    setState({ phase: 'running', done: 0, total: ids.length });
    try {
      const result = await buildInvoiceZip(organizationId, ids, {
        signal: abort.signal,
        onProgress: (done) => setState({ phase: 'running', done, total: ids.length }),
      });
      if (!result.zip) {
        setState({ phase: 'failed', message: nothingSavedMessage(result.skipped) });
      } else if (result.skipped.length > 0) {
        setState({ phase: 'partial', zip: result.zip, filename, saved: result.saved, skipped: result.skipped });
      } else {
        saveFile(result.zip, filename);
        setState({ phase: 'idle' });
        toast.success(`Saved ${filename} with ${countLabel(ids.length, 'invoice', 'invoices')}`);
      }
    } catch (error) {
      if (abort.signal.aborted) {
        setState({ phase: 'idle' });
        toast.info('ZIP download cancelled: nothing was saved.');
      } else {
        setState({ phase: 'failed', message: error instanceof Error ? error.message : 'something went wrong.' });
      }
    } finally {
      if (controller.current === abort) controller.current = null;
    }
  };

  const start = () => {
    if (invoiceIds.length > LARGE_ZIP) setState({ phase: 'confirm' });
    else void run();
  };

  const leaveDialog = (
    <ConfirmDialog
      open={blocker.state === 'blocked'}
      title="Leave while the ZIP is being built?"
      description={`Leaving this page cancels the ZIP${state.phase === 'running' ? ` (${formatCount(state.done)} of ${countLabel(state.total, 'invoice', 'invoices')} downloaded)` : ''}; nothing is saved.`}
      confirmLabel="Leave and cancel the ZIP"
      cancelLabel="Stay on this page"
      tone="danger"
      onConfirm={() => blocker.proceed?.()}
      onCancel={() => blocker.reset?.()}
    />
  );

  if (state.phase === 'running') {
    const percent = state.total === 0 ? 0 : Math.round((state.done / state.total) * 100);
    return (
      <div className="flex flex-wrap items-center gap-3">
        <div
          role="progressbar"
          aria-label="Building the ZIP"
          aria-valuemin={0}
          aria-valuemax={state.total}
          aria-valuenow={state.done}
          aria-valuetext={`${formatCount(state.done)} of ${countLabel(state.total, 'invoice', 'invoices')}`}
          className="h-2 w-32 overflow-hidden rounded-full bg-surface-muted ring-1 ring-inset ring-line-strong sm:w-40"
        >
          <div className="h-full bg-accent transition-[width]" style={{ width: `${percent}%` }} />
        </div>
        <span aria-hidden="true" className="tabular text-sm text-ink-muted">
          {formatCount(state.done)} / {formatCount(state.total)}
        </span>
        <Button ref={cancelButton} variant="secondary" size="sm" onClick={() => controller.current?.abort()}>
          Cancel ZIP
        </Button>
        {leaveDialog}
      </div>
    );
  }

  const count = invoiceIds.length;
  return (
    <div className="flex flex-col items-start gap-2">
      <Button ref={startButton} variant="secondary" size="sm" onClick={start} disabled={count === 0}>
        {label}
      </Button>
      {state.phase === 'failed' && (
        <p role="alert" className="text-sm text-danger-ink">
          The ZIP was not saved: {state.message}
        </p>
      )}
      {state.phase === 'partial' && (
        <div role="alert" className="max-w-md rounded-md border border-warning-line bg-warning-soft p-3 text-sm text-warning-ink">
          <p className="font-semibold">{countLabel(state.skipped.length, 'invoice', 'invoices')} could not be downloaded, even after a retry:</p>
          <ul className="mt-1 list-disc pl-5">
            {state.skipped.slice(0, LISTED_SKIPS).map((skip) => (
              <li key={skip.invoiceId}>
                <span className="font-mono">{invoiceReference(skip.invoiceId)}</span>: {skip.reason}
              </li>
            ))}
            {state.skipped.length > LISTED_SKIPS && <li>and {formatCount(state.skipped.length - LISTED_SKIPS)} more</li>}
          </ul>
          <div className="mt-3 flex flex-wrap gap-2">
            <Button
              ref={saveButton}
              size="sm"
              onClick={() => {
                saveFile(state.zip, state.filename);
                setState({ phase: 'idle' });
                toast.success(`Saved ${state.filename} with ${countLabel(state.saved, 'invoice', 'invoices')}; ${formatCount(state.skipped.length)} skipped`);
              }}
            >
              Save the ZIP with {countLabel(state.saved, 'invoice', 'invoices')}
            </Button>
            <Button variant="ghost" size="sm" onClick={() => setState({ phase: 'idle' })}>
              Discard
            </Button>
          </div>
        </div>
      )}
      <ConfirmDialog
        open={state.phase === 'confirm'}
        title={`Download ${countLabel(count, 'invoice', 'invoices')} as one ZIP?`}
        description={
          <>
            This tab makes about {formatCount(count * 2)} requests (a link and a PDF for each invoice) and holds a ZIP of roughly {roughSize(count * TYPICAL_PDF_BYTES)} in memory
            until it is saved; keep it open until then. <strong className="font-semibold text-ink">Email all invoices</strong> sends every invoice to the billing email as one ZIP
            instead, without keeping this tab busy.
          </>
        }
        confirmLabel={`Download ${countLabel(count, 'invoice', 'invoices')}`}
        onConfirm={() => void run()}
        onCancel={() => setState({ phase: 'idle' })}
      />
    </div>
  );
}

import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useBlocker } from 'react-router';
import { Button } from '@/components/ui/button';
import { toast } from '@/components/ui/toast';
import { exportFilename, saveFile } from '@/lib/save-file';
import type { SkippedInvoice } from '../api/invoice-zip';
import { formatCount } from '../invoice-view';
import { useInvoicesMessages } from '../messages';
import { useFieldErrorText } from '@/components/ui/field-error-text';

/** Above this many invoices the ZIP asks first: it is minutes of requests and a large file in memory. */
export const LARGE_ZIP = 200;

// What only a ZIP asked for needs comes when one is: the download and packing of the PDFs
// (api/invoice-zip.ts), and the dialogs and the outcome with their words (zip-flow/).
const loadZipFlow = () => import('./zip-flow/zip-flow');
const ZipConfirm = lazy(() => loadZipFlow().then((module) => ({ default: module.ZipConfirm })));
const ZipLeave = lazy(() => loadZipFlow().then((module) => ({ default: module.ZipLeave })));
const ZipPartial = lazy(() => loadZipFlow().then((module) => ({ default: module.ZipPartial })));
const ZipNothingSaved = lazy(() => loadZipFlow().then((module) => ({ default: module.ZipNothingSaved })));

type State =
  | { phase: 'idle' }
  | { phase: 'confirm' }
  | { phase: 'running'; done: number; total: number }
  | { phase: 'partial'; zip: Blob; filename: string; saved: number; skipped: SkippedInvoice[] }
  /** No invoice could be downloaded. */
  | { phase: 'failed'; skipped: SkippedInvoice[] }
  /** The ZIP itself could not be built. */
  | { phase: 'error'; error: unknown };

/**
 * "Download as ZIP" for the selected or filtered invoices: a confirmation first when there are many,
 * a progress bar while the PDFs download, a cancel button that stops every request, a warning before
 * leaving while it runs, and, when some PDFs could not be downloaded, the choice to save the others.
 */
export function ZipDownload({
  organizationId,
  organizationName,
  invoiceIds,
  qualifier,
  label,
}: {
  organizationId: string;
  organizationName: string | undefined;
  invoiceIds: readonly string[];
  /** What the file name says of the ids when they are not every invoice ("selected-3", "filtered-12"). */
  qualifier: string | undefined;
  label: string;
}) {
  const t = useInvoicesMessages();
  const errorText = useFieldErrorText();
  const [state, setState] = useState<State>({ phase: 'idle' });
  // The confirmation stays mounted once it has been needed, so that it closes as a dialog (focus back on the button).
  const [confirmNeeded, setConfirmNeeded] = useState(false);
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
  // user has put elsewhere stays. The choice after a partial ZIP focuses its own Save button, once
  // its code is there (ZipPartial).
  const startButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const shown = running ? 'running' : state.phase === 'partial' ? 'partial' : 'idle';
  const wasShown = useRef(shown);
  useEffect(() => {
    if (wasShown.current === shown) return;
    wasShown.current = shown;
    const active = document.activeElement;
    if (shown === 'partial' || (active !== null && active !== document.body)) return;
    (shown === 'running' ? cancelButton : startButton).current?.focus();
  }, [shown]);

  const run = async () => {
    const ids = [...invoiceIds];
    const abort = new AbortController();
    controller.current = abort;
    const filename = exportFilename(t.fileName(), organizationName, 'zip', { qualifier });
    setState({ phase: 'running', done: 0, total: ids.length });
    try {
      // What is shown if some PDFs fail loads meanwhile.
      loadZipFlow().catch(() => undefined);
      const { buildInvoiceZip } = await import('../api/invoice-zip');
      const result = await buildInvoiceZip(organizationId, ids, {
        signal: abort.signal,
        onProgress: (done) => setState({ phase: 'running', done, total: ids.length }),
      });
      if (!result.zip) {
        setState({ phase: 'failed', skipped: result.skipped });
      } else if (result.skipped.length > 0) {
        setState({ phase: 'partial', zip: result.zip, filename, saved: result.saved, skipped: result.skipped });
      } else {
        saveFile(result.zip, filename);
        setState({ phase: 'idle' });
        toast.success(t.savedFile({ filename, count: ids.length }));
      }
    } catch (error) {
      if (abort.signal.aborted) {
        setState({ phase: 'idle' });
        toast.info(t.zipCancelled());
      } else {
        setState({ phase: 'error', error });
      }
    } finally {
      if (controller.current === abort) controller.current = null;
    }
  };

  const start = () => {
    if (invoiceIds.length > LARGE_ZIP) {
      setConfirmNeeded(true);
      setState({ phase: 'confirm' });
    } else {
      void run();
    }
  };

  if (state.phase === 'running') {
    const percent = state.total === 0 ? 0 : Math.round((state.done / state.total) * 100);
    return (
      <div className="flex flex-wrap items-center gap-3">
        <div
          role="progressbar"
          aria-label={t.zipProgress()}
          aria-valuemin={0}
          aria-valuemax={state.total}
          aria-valuenow={state.done}
          aria-valuetext={t.zipProgressText({ done: formatCount(state.done), total: state.total })}
          className="h-2 w-32 overflow-hidden rounded-full bg-surface-muted ring-1 ring-inset ring-line-strong sm:w-40"
        >
          <div className="h-full bg-accent transition-[width]" style={{ width: `${percent}%` }} />
        </div>
        <span aria-hidden="true" className="tabular text-sm text-ink-muted">
          {formatCount(state.done)} / {formatCount(state.total)}
        </span>
        <Button ref={cancelButton} variant="secondary" size="sm" onClick={() => controller.current?.abort()}>
          {t.cancelZip()}
        </Button>
        <Suspense>
          <ZipLeave open={blocker.state === 'blocked'} done={state.done} total={state.total} onLeave={() => blocker.proceed?.()} onStay={() => blocker.reset?.()} />
        </Suspense>
      </div>
    );
  }

  const count = invoiceIds.length;
  return (
    <div className="flex flex-col items-start gap-2">
      <Button ref={startButton} variant="secondary" size="sm" onClick={start} disabled={count === 0}>
        {label}
      </Button>
      {state.phase === 'error' && (
        <p role="alert" className="text-sm text-danger-ink">
          {t.zipNotSaved({ reason: state.error instanceof Error ? errorText(state.error.message) : t.somethingWentWrong() })}
        </p>
      )}
      <Suspense>
        {state.phase === 'failed' && <ZipNothingSaved skipped={state.skipped} />}
        {state.phase === 'partial' && (
          <ZipPartial
            filename={state.filename}
            saved={state.saved}
            skipped={state.skipped}
            onSave={() => {
              saveFile(state.zip, state.filename);
              setState({ phase: 'idle' });
            }}
            onDiscard={() => setState({ phase: 'idle' })}
          />
        )}
      </Suspense>
      <Suspense>
        {confirmNeeded && <ZipConfirm open={state.phase === 'confirm'} count={count} onConfirm={() => void run()} onCancel={() => setState({ phase: 'idle' })} />}
      </Suspense>
    </div>
  );
}

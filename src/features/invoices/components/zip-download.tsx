import { useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { toast } from '@/components/ui/toast';
import { exportFilename, saveFile } from '@/lib/save-file';
import { buildInvoiceZip } from '../api/invoice-zip';
import { countLabel, formatCount } from '../invoice-view';

type State = { phase: 'idle' } | { phase: 'running'; done: number; total: number } | { phase: 'failed'; message: string };

/**
 * "Download as ZIP" for the selected or filtered invoices: a progress bar while the PDFs download, a
 * cancel button that stops every request, and the reason when it fails. Leaving the page cancels it.
 */
export function ZipDownload({ organizationId, organizationName, invoiceIds, label }: {
  organizationId: string;
  organizationName: string | undefined;
  invoiceIds: readonly string[];
  label: string;
}) {
  const [state, setState] = useState<State>({ phase: 'idle' });
  const controller = useRef<AbortController | null>(null);

  useEffect(() => () => controller.current?.abort(), []);

  // The button that was used disappears when the ZIP starts (Download) or ends (Cancel): the focus
  // moves to its counterpart rather than falling to <body>. Focus the user has put elsewhere stays.
  const startButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const running = state.phase === 'running';
  const wasRunning = useRef(running);
  useEffect(() => {
    if (wasRunning.current === running) return;
    wasRunning.current = running;
    const active = document.activeElement;
    if (active !== null && active !== document.body) return;
    (running ? cancelButton : startButton).current?.focus();
  }, [running]);

  const start = async () => {
    const ids = [...invoiceIds];
    const abort = new AbortController();
    controller.current = abort;
    setState({ phase: 'running', done: 0, total: ids.length });
    try {
      const zip = await buildInvoiceZip(organizationId, ids, {
        signal: abort.signal,
        onProgress: (done) => setState({ phase: 'running', done, total: ids.length }),
      });
      const filename = exportFilename('invoices', organizationName, 'zip');
      saveFile(zip, filename);
      setState({ phase: 'idle' });
      toast.success(`Saved ${filename} with ${countLabel(ids.length, 'invoice', 'invoices')}`);
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
      </div>
    );
  }

  return (
    <div className="flex flex-col items-start gap-2">
      <Button ref={startButton} variant="secondary" size="sm" onClick={() => void start()} disabled={invoiceIds.length === 0}>
        {label}
      </Button>
      {state.phase === 'failed' && (
        <p role="alert" className="text-sm text-danger-ink">
          The ZIP was not saved: {state.message}
        </p>
      )}
    </div>
  );
}

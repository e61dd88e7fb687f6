import { ApiError } from '@/api/api-error';
import { fetchInvoicePdf } from './invoice-pdf';
import { shortId } from '../invoice-view';

/** Enough parallel downloads to keep the connection busy without flooding the server. */
const CONCURRENCY = 4;

function uniqueName(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let copy = 2; taken.has(candidate.toLowerCase()); copy += 1) candidate = name.replace(/(\.[^.]*)?$/, (extension) => ` (${copy})${extension}`);
  taken.add(candidate.toLowerCase());
  return candidate;
}

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/**
 * Builds one ZIP of the invoices' PDFs in the browser: fetches them a few at a time, streams each into
 * the archive as it arrives (stored as is: PDFs are already compressed) and reports progress. The
 * signal cancels it; the first failure stops it, naming the invoice. fflate loads only when used.
 */
export async function buildInvoiceZip(
  organizationId: string,
  invoiceIds: readonly string[],
  { signal, onProgress }: { signal: AbortSignal; onProgress: (done: number) => void },
): Promise<Blob> {
  const { Zip, ZipPassThrough } = await import('fflate');
  signal.throwIfAborted();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let settle: { resolve: () => void; reject: (error: Error) => void } = { resolve: () => undefined, reject: () => undefined };
  const written = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
  const zip = new Zip((error, chunk, final) => {
    if (error) return settle.reject(error);
    chunks.push(new Uint8Array(chunk));
    if (final) settle.resolve();
  });

  // One failure stops the other downloads too.
  const stop = new AbortController();
  const abort = () => stop.abort(signal.reason);
  signal.addEventListener('abort', abort, { once: true });
  const names = new Set<string>();
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < invoiceIds.length) {
      const invoiceId = invoiceIds[next++] ?? '';
      let pdf;
      try {
        pdf = await fetchInvoicePdf(organizationId, invoiceId, stop.signal);
      } catch (error) {
        if (isAbort(error) || stop.signal.aborted) throw error;
        throw new ApiError(0, `invoice ${shortId(invoiceId)} could not be downloaded: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (pdf.kind === 'link') {
        throw new ApiError(0, `invoice ${shortId(invoiceId)} is stored by the billing provider and cannot be added to a ZIP. Use "Email all invoices" instead.`);
      }
      const bytes = new Uint8Array(await pdf.blob.arrayBuffer());
      // A download that finishes after a cancel or a failure adds nothing and reports nothing.
      stop.signal.throwIfAborted();
      const entry = new ZipPassThrough(uniqueName(pdf.filename, names));
      zip.add(entry);
      entry.push(bytes, true);
      done += 1;
      onProgress(done);
    }
  };
  // Cancelling answers at once, even while a request is still on its way back; the reason is the
  // user's cancel or the first failure.
  const stopped = new Promise<never>((_, reject) => {
    stop.signal.addEventListener('abort', () => {
      const reason: unknown = stop.signal.reason;
      reject(reason instanceof Error ? reason : new DOMException('The ZIP was stopped', 'AbortError'));
    }, { once: true });
  });
  stopped.catch(() => undefined);
  try {
    await Promise.race([
      Promise.all(
        Array.from({ length: Math.min(CONCURRENCY, invoiceIds.length) }, () =>
          worker().catch((error: unknown) => {
            if (!stop.signal.aborted) stop.abort(error);
            throw error;
          }),
        ),
      ),
      stopped,
    ]);
  } catch (error) {
    zip.terminate();
    // When the user cancelled, say so rather than reporting the download that the cancel interrupted.
    if (signal.aborted) throw new DOMException('The ZIP was cancelled', 'AbortError');
    throw error;
  } finally {
    signal.removeEventListener('abort', abort);
  }
  zip.end();
  await written;
  return new Blob(chunks, { type: 'application/zip' });
}

import { fetchInvoicePdf, type InvoicePdf } from './invoice-pdf';

/** Enough parallel downloads to keep the connection busy without flooding the server. */
const CONCURRENCY = 4;
/** One PDF that hangs (a stalled connection) is given up after this, not the whole ZIP. */
export const ZIP_ITEM_TIMEOUT_MS = 30_000;
/** Each invoice is tried this many times, each time with a fresh signed link (they expire). */
const ATTEMPTS = 2;

/**
 * Why an invoice was left out of the ZIP, said in words where it is shown: it timed out, it is only a
 * link to the billing provider's own copy, or it failed with this error.
 */
export type SkipReason = { kind: 'timeout' } | { kind: 'link' } | { kind: 'error'; error: unknown };

export interface SkippedInvoice {
  invoiceId: string;
  reason: SkipReason;
}

export interface InvoiceZip {
  /** The PDFs that could be downloaded; null when none could. */
  zip: Blob | null;
  saved: number;
  skipped: SkippedInvoice[];
}

function uniqueName(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let copy = 2; taken.has(candidate.toLowerCase()); copy += 1) candidate = name.replace(/(\.[^.]*)?$/, (extension) => ` (${copy})${extension}`);
  taken.add(candidate.toLowerCase());
  return candidate;
}

function reasonOf(error: unknown): SkipReason {
  return error instanceof DOMException && error.name === 'TimeoutError' ? { kind: 'timeout' } : { kind: 'error', error };
}

/**
 * Builds one ZIP of the invoices' PDFs in the browser: fetches them a few at a time, streams each into
 * the archive as it arrives (stored as is: PDFs are already compressed) and reports progress. An
 * invoice that fails is tried once more with a fresh link, each try with its own timeout; one that
 * still fails is skipped and reported, so that a single bad PDF does not throw the others away. The
 * signal cancels everything at once. fflate loads only when used.
 */
export async function buildInvoiceZip(
  organizationId: string,
  invoiceIds: readonly string[],
  { signal, onProgress, itemTimeoutMs = ZIP_ITEM_TIMEOUT_MS }: { signal: AbortSignal; onProgress: (done: number) => void; itemTimeoutMs?: number },
): Promise<InvoiceZip> {
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

  const download = async (invoiceId: string): Promise<InvoicePdf> => {
    let failure: unknown;
    for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
      try {
        return await fetchInvoicePdf(organizationId, invoiceId, AbortSignal.any([signal, AbortSignal.timeout(itemTimeoutMs)]));
      } catch (error) {
        if (signal.aborted) throw error;
        failure = error;
      }
    }
    throw failure;
  };

  const names = new Set<string>();
  const skipped: SkippedInvoice[] = [];
  let next = 0;
  let done = 0;
  let saved = 0;
  const worker = async () => {
    while (next < invoiceIds.length) {
      const invoiceId = invoiceIds[next++] ?? '';
      let pdf: InvoicePdf | null = null;
      try {
        pdf = await download(invoiceId);
      } catch (error) {
        if (signal.aborted) throw error;
        skipped.push({ invoiceId, reason: reasonOf(error) });
      }
      if (pdf?.kind === 'link') {
        skipped.push({ invoiceId, reason: { kind: 'link' } });
      } else if (pdf) {
        const bytes = new Uint8Array(await pdf.blob.arrayBuffer());
        // A download that finishes after a cancel adds nothing and reports nothing.
        signal.throwIfAborted();
        const entry = new ZipPassThrough(uniqueName(pdf.filename, names));
        zip.add(entry);
        entry.push(bytes, true);
        saved += 1;
      }
      done += 1;
      onProgress(done);
    }
  };
  // Cancelling answers at once, even while a request is still on its way back.
  const cancelled = new Promise<never>((_, reject) => {
    signal.addEventListener('abort', () => reject(new DOMException('The ZIP was cancelled', 'AbortError')), { once: true });
  });
  cancelled.catch(() => undefined);
  try {
    await Promise.race([Promise.all(Array.from({ length: Math.min(CONCURRENCY, invoiceIds.length) }, worker)), cancelled]);
  } catch (error) {
    zip.terminate();
    if (signal.aborted) throw new DOMException('The ZIP was cancelled', 'AbortError');
    throw error;
  }
  // In the order asked for, not the order the downloads happened to fail in.
  const position = new Map(invoiceIds.map((id, index) => [id, index]));
  skipped.sort((a, b) => (position.get(a.invoiceId) ?? 0) - (position.get(b.invoiceId) ?? 0));
  if (saved === 0) {
    zip.terminate();
    return { zip: null, saved, skipped };
  }
  zip.end();
  await written;
  return { zip: new Blob(chunks, { type: 'application/zip' }), saved, skipped };
}

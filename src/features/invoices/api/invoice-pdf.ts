import { ApiError, errorBodySchema } from '@/api/api-error';
import { getOrganizationInvoicePdf } from '@/api/document-actions';
import { invoiceReference } from '@/api/invoice-reference';
import { isSafeToOpen } from '@/lib/safe-url';
import { filenameFromDisposition } from '@/lib/save-file';
import type { InvoicesMessages } from '../messages';

export type InvoicePdf =
  /** Fetched into the page (same-origin link): it can be saved under its name or put in a ZIP. */
  | { kind: 'file'; blob: Blob; filename: string }
  /** An https link on another origin (a real billing provider): the browser opens it itself. */
  | { kind: 'link'; url: string };

/** Why a PDF could not be downloaded, when the server did not say in words of its own. */
export type PdfProblem = 'unsafe' | 'unreachable' | 'notPdf' | 'status';

/** A download that failed for a known reason: the console says which, in the user's language (messages pdfProblem). */
export class PdfError extends Error {
  readonly problem: PdfProblem;
  /** The HTTP status of a refused download; 0 otherwise. */
  readonly status: number;

  constructor(problem: PdfProblem, status = 0) {
    super(`PDF download failed: ${problem}`);
    this.name = 'PdfError';
    this.problem = problem;
    this.status = status;
  }
}

/** Why a download failed, for people: a known problem in their language, else the server's (or the browser's) own words, said by `say` (useFieldErrorText). */
export function pdfErrorText(error: unknown, t: Pick<InvoicesMessages, 'pdfProblem' | 'somethingWentWrong'>, say: (message: string) => string): string {
  if (error instanceof PdfError) return t.pdfProblem({ problem: error.problem, status: error.status });
  return error instanceof Error ? say(error.message) : t.somethingWentWrong();
}

/**
 * Asks the API for the invoice's signed PDF link (getOrganizationInvoicePDF), then fetches the file
 * when the link is on our origin. Links are never cached: they expire after a few minutes.
 */
export async function fetchInvoicePdf(organizationId: string, invoiceId: string, signal?: AbortSignal): Promise<InvoicePdf> {
  const { url } = await getOrganizationInvoicePdf(organizationId, invoiceId, signal);
  if (!isSafeToOpen(url)) throw new PdfError('unsafe');
  const target = new URL(url, window.location.origin);
  if (target.origin !== window.location.origin) return { kind: 'link', url: target.href };

  let response: Response;
  try {
    // The link is signed: it needs no token, and none is sent with it.
    response = await fetch(target.href, { signal, credentials: 'omit', headers: { Accept: 'application/pdf' } });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new PdfError('unreachable');
  }
  if (!response.ok) {
    const body = errorBodySchema.safeParse(await response.json().catch(() => null));
    // The server's own words, as it sent them; else the status, said by the console.
    throw body.success ? new ApiError(response.status, body.data.message) : new PdfError('status', response.status);
  }
  if (!(response.headers.get('Content-Type') ?? '').startsWith('application/pdf')) {
    throw new PdfError('notPdf');
  }
  const blob = await response.blob();
  return { kind: 'file', blob, filename: filenameFromDisposition(response.headers.get('Content-Disposition')) ?? `${invoiceReference(invoiceId)}.pdf` };
}

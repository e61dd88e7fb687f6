import { ApiError, errorBodySchema } from '@/api/api-error';
import { getOrganizationInvoicePdf } from '@/api/contract-updates';
import { invoiceReference } from '@/api/invoice-reference';
import { isSafeToOpen } from '@/lib/safe-url';
import { filenameFromDisposition } from '@/lib/save-file';

export type InvoicePdf =
  /** Fetched into the page (same-origin link): it can be saved under its name or put in a ZIP. */
  | { kind: 'file'; blob: Blob; filename: string }
  /** An https link on another origin (a real billing provider): the browser opens it itself. */
  | { kind: 'link'; url: string };

const UNSAFE_LINK = 'The server sent a download link that is neither https nor on this site, so it was not opened.';

/**
 * Asks the API for the invoice's signed PDF link (getOrganizationInvoicePDF), then fetches the file
 * when the link is on our origin. Links are never cached: they expire after a few minutes.
 */
export async function fetchInvoicePdf(organizationId: string, invoiceId: string, signal?: AbortSignal): Promise<InvoicePdf> {
  const { url } = await getOrganizationInvoicePdf(organizationId, invoiceId, signal);
  if (!isSafeToOpen(url)) throw new ApiError(0, UNSAFE_LINK);
  const target = new URL(url, window.location.origin);
  if (target.origin !== window.location.origin) return { kind: 'link', url: target.href };

  let response: Response;
  try {
    // The link is signed: it needs no token, and none is sent with it.
    response = await fetch(target.href, { signal, credentials: 'omit', headers: { Accept: 'application/pdf' } });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'Could not reach the server. Check your connection, then retry.');
  }
  if (!response.ok) {
    const body = errorBodySchema.safeParse(await response.json().catch(() => null));
    throw new ApiError(response.status, body.success ? body.data.message : `The PDF could not be downloaded (${response.status}).`);
  }
  if (!(response.headers.get('Content-Type') ?? '').startsWith('application/pdf')) {
    throw new ApiError(0, 'The server answered with something that is not a PDF.');
  }
  const blob = await response.blob();
  return { kind: 'file', blob, filename: filenameFromDisposition(response.headers.get('Content-Disposition')) ?? `${invoiceReference(invoiceId)}.pdf` };
}

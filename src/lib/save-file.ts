import { billingDay } from './billing-calendar';

/**
 * Saves bytes built or fetched in the page as a download, under the given name. The object URL lives
 * a minute: revoking it at once can cancel the download in some browsers.
 */
export function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

const UNSAFE_IN_NAMES = '/\\:*?"<>|';

/**
 * The file name a server suggests in Content-Disposition (RFC 6266, both `filename*=UTF-8''…` and
 * `filename="…"`), reduced to characters that are safe in every file system; null when absent.
 */
export function filenameFromDisposition(header: string | null): string | null {
  if (!header) return null;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  const plain = /filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;\s]+)/.exec(header);
  let name: string | undefined;
  try {
    name = extended?.[1] ? decodeURIComponent(extended[1].trim()) : (plain?.[1] ?? plain?.[2]);
  } catch {
    name = plain?.[1] ?? plain?.[2];
  }
  const safe = [...(name ?? '')]
    .map((char) => (char.charCodeAt(0) < 0x20 || UNSAFE_IN_NAMES.includes(char) ? '_' : char))
    .join('')
    .replace(/^\.+/, '')
    .trim()
    .slice(0, 120);
  return safe === '' ? null : safe;
}

/**
 * The name of an export: the page's prefix, the organization, an optional qualifier and the billing
 * day (UTC, the calendar of every date inside), e.g. invoices-acme-corp-selected-3-2025-06-01.zip.
 */
export function exportFilename(
  prefix: string,
  organizationName: string | undefined,
  extension: string,
  { now = new Date(), qualifier }: { now?: Date; qualifier?: string } = {},
): string {
  const slug = (organizationName ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return [prefix, slug, qualifier, billingDay(now)].filter(Boolean).join('-') + `.${extension}`;
}

import { useEffect, useRef } from 'react';
import { invoiceReference } from '@/api/invoice-reference';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/dialog';
import { toast } from '@/components/ui/toast';
import { formattingLocale } from '@/lib/i18n';
import { richText } from '@/lib/rich-text';
import { useFieldErrorText } from '@/components/ui/field-error-text';
import { pdfErrorText } from '@/features/invoices/api/invoice-pdf';
import type { SkippedInvoice, SkipReason } from '@/features/invoices/api/invoice-zip';
import { formatCount } from '@/features/invoices/invoice-view';
import { useInvoicesMessages, type InvoicesMessages } from '@/features/invoices/messages';
import { useZipMessages } from './messages';

/*
 * The parts of "Download ZIP" (../zip-download.tsx) that only a ZIP asked for needs, loaded with the
 * first one: the confirmation of a large ZIP, the warning before leaving while one runs, and what
 * could not be saved.
 */

type ZipMessages = ReturnType<typeof useZipMessages>;

/** A rough size of one invoice PDF in the ZIP (about 3 KB: measured in zip-download.test.tsx), to say what a large ZIP will weigh before it is built. */
const TYPICAL_PDF_BYTES = 3 * 1024;
/** The skipped invoices listed by reference; the rest are counted. */
const LISTED_SKIPS = 10;

/** "3 MB", "2 GB" in the active language: about what `bytes` weigh. */
function roughSize(bytes: number): string {
  const megabytes = bytes / (1024 * 1024);
  const [value, unit] = megabytes >= 1024 ? [Math.round(megabytes / 1024), 'gigabyte'] : [Math.max(1, Math.round(megabytes)), 'megabyte'];
  return new Intl.NumberFormat(formattingLocale(), { style: 'unit', unit, maximumFractionDigits: 0 }).format(value);
}

function reasonText(reason: SkipReason, t: InvoicesMessages, z: ZipMessages, say: (message: string) => string): string {
  if (reason.kind === 'timeout') return z.tooSlow();
  if (reason.kind === 'link') return z.providerLink();
  return pdfErrorText(reason.error, t, say);
}

const mono = (chunk: string) => <span className="font-mono">{chunk}</span>;

/** Above LARGE_ZIP invoices: what the ZIP will cost, and the email that costs nothing, before it starts. */
export function ZipConfirm({ open, count, onConfirm, onCancel }: { open: boolean; count: number; onConfirm: () => void; onCancel: () => void }) {
  const z = useZipMessages();
  return (
    <ConfirmDialog
      open={open}
      title={z.confirmTitle({ count })}
      description={richText(z.confirmBody({ requests: formatCount(count * 2), size: roughSize(count * TYPICAL_PDF_BYTES) }), {
        strong: (chunk) => <strong className="font-semibold text-ink">{chunk}</strong>,
      })}
      confirmLabel={z.confirmLabel({ count })}
      onConfirm={onConfirm}
      onCancel={onCancel}
    />
  );
}

/** Leaving the page while the ZIP runs cancels it: asked first. */
export function ZipLeave({ open, done, total, onLeave, onStay }: { open: boolean; done: number; total: number; onLeave: () => void; onStay: () => void }) {
  const z = useZipMessages();
  return (
    <ConfirmDialog
      open={open}
      title={z.leaveTitle()}
      description={z.leaveBody({ done: formatCount(done), total })}
      confirmLabel={z.leave()}
      cancelLabel={z.stay()}
      tone="danger"
      onConfirm={onLeave}
      onCancel={onStay}
    />
  );
}

/** No PDF could be downloaded: nothing was saved, and why (the first failure). */
export function ZipNothingSaved({ skipped }: { skipped: readonly SkippedInvoice[] }) {
  const t = useInvoicesMessages();
  const errorText = useFieldErrorText();
  const z = useZipMessages();
  const [first] = skipped;
  let reason = z.nothingToDownload();
  if (first) {
    const failure = { reference: invoiceReference(first.invoiceId), reason: reasonText(first.reason, t, z, errorText) };
    reason = skipped.length === 1 ? z.oneFailed(failure) : z.noneDownloaded({ ...failure, count: skipped.length });
  }
  return (
    <p role="alert" className="text-sm text-danger-ink">
      {t.zipNotSaved({ reason })}
    </p>
  );
}

/** Some PDFs could not be downloaded: which, and why, and the choice to save the others or not. */
export function ZipPartial({
  filename,
  saved,
  skipped,
  onSave,
  onDiscard,
}: {
  filename: string;
  saved: number;
  skipped: readonly SkippedInvoice[];
  onSave: () => void;
  onDiscard: () => void;
}) {
  const t = useInvoicesMessages();
  const z = useZipMessages();
  const errorText = useFieldErrorText();
  const saveButton = useRef<HTMLButtonElement>(null);
  // It replaces the Cancel button, which had the focus: Save takes it, unless the user put it elsewhere.
  useEffect(() => {
    const active = document.activeElement;
    if (active === null || active === document.body) saveButton.current?.focus();
  }, []);

  return (
    <div role="alert" className="max-w-md rounded-md border border-warning-line bg-warning-soft p-3 text-sm text-warning-ink">
      <p className="font-semibold">{z.skippedTitle({ count: skipped.length })}</p>
      <ul className="mt-1 list-disc ps-5">
        {skipped.slice(0, LISTED_SKIPS).map((skip) => (
          <li key={skip.invoiceId}>{richText(z.skippedItem({ reference: invoiceReference(skip.invoiceId), reason: reasonText(skip.reason, t, z, errorText) }), { ref: mono })}</li>
        ))}
        {skipped.length > LISTED_SKIPS && <li>{z.more({ count: skipped.length - LISTED_SKIPS })}</li>}
      </ul>
      <div className="mt-3 flex flex-wrap gap-2">
        <Button
          ref={saveButton}
          size="sm"
          onClick={() => {
            onSave();
            toast.success(z.savedSkipped({ filename, count: saved, skipped: skipped.length }));
          }}
        >
          {z.save({ count: saved })}
        </Button>
        <Button variant="ghost" size="sm" onClick={onDiscard}>
          {z.discard()}
        </Button>
      </div>
    </div>
  );
}

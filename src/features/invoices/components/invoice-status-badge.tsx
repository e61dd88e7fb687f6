import type { InvoiceStatus } from '@/api/contract';
import { Badge } from '@/components/ui/badge';
import { INVOICE_STATUS_INFO } from '../invoice-status';
import { useInvoicesMessages } from '../messages';

/** Tone and mark together differ for each of the seven statuses; the label is what is read out. */
export function InvoiceStatusBadge({ status }: { status: InvoiceStatus }) {
  const t = useInvoicesMessages();
  const info = INVOICE_STATUS_INFO[status];
  return (
    <Badge tone={info.tone}>
      <span aria-hidden="true" className="w-3 text-center font-semibold">
        {info.icon}
      </span>
      <span>{t.statusLabel({ status })}</span>
    </Badge>
  );
}

import type { InvoiceStatus } from '@/api/contract';
import { Badge } from '@/components/ui/badge';
import { INVOICE_STATUS_INFO } from '../invoice-status';

export function InvoiceStatusBadge({ status }: { status: InvoiceStatus }) {
  const info = INVOICE_STATUS_INFO[status];
  return <Badge tone={info.tone}>{info.label}</Badge>;
}

import { useMutation } from '@tanstack/react-query';
import { downloadAllInvoices } from '@/api/endpoints';

/** organizationDownloadAllInvoices: 202, the server emails a ZIP of every invoice. Nothing cached changes. */
export function useDownloadAllInvoices(organizationId: string) {
  return useMutation({ mutationFn: () => downloadAllInvoices(organizationId) });
}

import { useMutation } from '@tanstack/react-query';
import { useActionKey } from '@/lib/use-action-key';

/** organizationDownloadAllInvoices: 202, the server emails a ZIP of every invoice. Nothing cached changes. */
export function useDownloadAllInvoices(organizationId: string) {
  const action = useActionKey();
  return useMutation({
    // Loaded when first used, as fetchInvoicePdf's (invoice-pdf.ts): not on the list's first visit.
    mutationFn: async () => {
      const { downloadAllInvoices } = await import('@/api/contract-updates');
      return downloadAllInvoices(organizationId, action.keyFor(organizationId));
    },
    onSuccess: () => action.done(),
  });
}

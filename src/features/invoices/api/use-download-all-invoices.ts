import { useMutation } from '@tanstack/react-query';
import { downloadAllInvoices } from '@/api/document-actions';
import { useActionKey } from '@/lib/use-action-key';

/** organizationDownloadAllInvoices: 202, the server emails a ZIP of every invoice. Nothing cached changes. */
export function useDownloadAllInvoices(organizationId: string) {
  const action = useActionKey();
  return useMutation({
    mutationFn: () => downloadAllInvoices(organizationId, action.keyFor(organizationId)),
    onSuccess: () => action.done(),
  });
}

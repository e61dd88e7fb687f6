import { useMutation } from '@tanstack/react-query';
import { generateBillingUsageReport } from '@/api/contract-updates';
import type { UsageReportRequest } from '@/api/usage-report';
import { useActionKey } from '@/lib/use-action-key';

/** Generates a report: nothing cached depends on it, so there is nothing to invalidate. */
export function useGenerateUsageReport(organizationId: string) {
  const action = useActionKey();
  return useMutation({
    mutationFn: (request: UsageReportRequest) => generateBillingUsageReport(organizationId, request, action.keyFor(request)),
    onSuccess: () => action.done(),
    // The answer holds capability links: keep it no longer than the component that shows it.
    gcTime: 0,
  });
}

import { useMutation } from '@tanstack/react-query';
import { generateBillingUsageReport } from '@/api/endpoints';
import type { UsageReportRequest } from '@/api/usage-report';

/** Generates a report: nothing cached depends on it, so there is nothing to invalidate. */
export function useGenerateUsageReport(organizationId: string) {
  return useMutation({
    mutationFn: (request: UsageReportRequest) => generateBillingUsageReport(organizationId, request),
    // The answer holds capability links: keep it no longer than the component that shows it.
    gcTime: 0,
  });
}

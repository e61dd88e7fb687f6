import { useMutation } from '@tanstack/react-query';
import { ApiError, errorBodySchema } from '@/api/api-error';
import { isSameOrigin } from '@/lib/safe-url';
import { useUsageMessages, type UsageMessages } from '../messages';

/**
 * Calls a report's `delete_report_url`. It is a signed capability URL, not an operation of our API,
 * so it does not go through the API client: the user's token must never travel to a URL the server
 * handed out. The sandbox accepts DELETE and answers 204; a 404 means the report is already gone
 * (expired or revoked elsewhere), which is the outcome asked for.
 */
export async function revokeUsageReport(deleteReportUrl: string, t: UsageMessages): Promise<'revoked' | 'already-gone'> {
  // The console's content security policy lets it call its own origin only: another site's link would fail as a network error.
  if (!isSameOrigin(deleteReportUrl)) throw new ApiError(0, t.revokeOnOtherSite());
  let response: Response;
  try {
    response = await fetch(deleteReportUrl, { method: 'DELETE', credentials: 'omit', headers: { Accept: 'application/json' } });
  } catch {
    throw new ApiError(0, t.unreachable());
  }
  if (response.ok) return 'revoked';
  if (response.status === 404) return 'already-gone';
  const parsed = errorBodySchema.safeParse(await response.json().catch(() => null));
  throw new ApiError(response.status, parsed.success ? parsed.data.message : t.revokeFailedStatus({ status: response.status }));
}

export function useRevokeUsageReport() {
  const t = useUsageMessages();
  return useMutation({ mutationFn: (deleteReportUrl: string) => revokeUsageReport(deleteReportUrl, t) });
}

import type { QueryClient } from '@tanstack/react-query';
import type { Role } from '@/api/permissions';

/** Warns when a paid plan has no valid card left (payment methods, issue 4). */
export function PaymentMethodWarning(_props: { organizationId: string; role: Role | null }) {
  return null;
}

/** Called by the overview loader so that this banner's data loads with the rest of the page. */
export function prefetchPaymentMethodWarning(_queryClient: QueryClient, _organizationId: string, _role: Role | null): void {}

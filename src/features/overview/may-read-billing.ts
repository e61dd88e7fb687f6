import { can, type Role } from '@/api/permissions';

/** Cards, invoices and the billing account are for finance roles; an unknown role (real backend) tries, and a 403 then says no. */
export function mayReadBilling(role: Role | null): boolean {
  return role === null || can(role, 'billing:read');
}

import type { Permission } from '@/api/permissions';
import type source from '@/components/ui/messages/en.json';

export interface NavItem {
  path: string;
  /** Its name in the shell's catalog (messages/en.json). */
  label: keyof typeof source;
  /** Hidden from roles without it; null: every member. */
  permission: Permission | null;
}

/** Every area of the console, in navigation order (DESIGN.md, "Pages"). */
export const NAV_ITEMS: readonly NavItem[] = [
  { path: 'overview', label: 'navOverview', permission: null },
  { path: 'billing-details', label: 'navBillingDetails', permission: 'billing:read' },
  { path: 'payment-methods', label: 'navPaymentMethods', permission: 'billing:read' },
  { path: 'credits', label: 'navCredits', permission: 'credit-code:add' },
  { path: 'invoices', label: 'navInvoices', permission: 'billing:read' },
  { path: 'costs', label: 'navCosts', permission: null },
  { path: 'plan', label: 'navPlan', permission: null },
  { path: 'usage', label: 'navUsage', permission: 'billing:read' },
  { path: 'subscription', label: 'navSubscription', permission: 'subscription:read' },
  { path: 'activity', label: 'navActivity', permission: 'billing:read' },
];

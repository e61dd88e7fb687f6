import type { Permission } from '@/api/permissions';

export interface NavItem {
  path: string;
  label: string;
  /** Hidden from roles without it; null: every member. */
  permission: Permission | null;
}

/** Every area of the console, in navigation order (DESIGN.md, "Pages"). */
export const NAV_ITEMS: readonly NavItem[] = [
  { path: 'overview', label: 'Overview', permission: null },
  { path: 'billing-details', label: 'Billing details', permission: 'billing:read' },
  { path: 'payment-methods', label: 'Payment methods', permission: 'billing:read' },
  { path: 'credits', label: 'Credit codes', permission: 'credit-code:add' },
  { path: 'invoices', label: 'Invoices', permission: 'billing:read' },
  { path: 'costs', label: 'Costs', permission: null },
  { path: 'plan', label: 'Plan', permission: null },
  { path: 'usage', label: 'Usage reports', permission: 'billing:read' },
  { path: 'subscription', label: 'Subscription', permission: 'subscription:read' },
  { path: 'activity', label: 'Activity', permission: 'billing:read' },
];

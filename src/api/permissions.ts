/** Roles and what they may do (DESIGN.md). The server enforces it; the console hides what a role may not use. */
export const ROLES = ['admin', 'billing_manager', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

const everyone: readonly Role[] = ROLES;
const finance: readonly Role[] = ['admin', 'billing_manager'];
const adminOnly: readonly Role[] = ['admin'];

export const PERMISSIONS = {
  /** Organization and cluster listing, billing status, current cost, cluster cost, credit codes. */
  'organization:read': everyone,
  'credit-code:add': everyone,
  /** Billing info, external id, credit cards, invoices, usage reports. */
  'billing:read': finance,
  'billing:write': finance,
  'plan:change': adminOnly,
  'subscription:read': finance,
  'subscription:update-card': finance,
  'subscription:manage': adminOnly,
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return PERMISSIONS[permission].includes(role);
}

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Admin',
  billing_manager: 'Billing manager',
  viewer: 'Viewer',
};

export function isRole(value: string): value is Role {
  return ROLES.some((role) => role === value);
}

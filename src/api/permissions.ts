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

/**
 * What the console checks before showing or requesting something: the caller's role in the
 * organization when the session knows it; null (a backend that does not tell roles) tries, and a 403
 * then explains.
 */
export function mayUse(role: Role | null, permission: Permission): boolean {
  return role === null || can(role, permission);
}

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Admin',
  billing_manager: 'Billing manager',
  viewer: 'Viewer',
};

export function isPermission(value: unknown): value is Permission {
  return typeof value === 'string' && Object.hasOwn(PERMISSIONS, value);
}

export function isRole(value: string): value is Role {
  return ROLES.some((role) => role === value);
}

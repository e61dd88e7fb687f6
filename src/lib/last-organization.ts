const KEY = 'billing-console.last-organization';

/** Remembers the organization last opened, so that /organizations lands there next time. */
export function rememberOrganization(organizationId: string): void {
  try {
    window.localStorage.setItem(KEY, organizationId);
  } catch {
    // Not remembering is harmless.
  }
}

export function lastOrganization(): string | null {
  try {
    return window.localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

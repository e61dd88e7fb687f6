import type { Role } from '@/api/permissions';
import { useUiMessages } from './messages';

/** A role's name in the active language. */
export function useRoleLabel(): (role: Role) => string {
  const t = useUiMessages();
  return (role) => (role === 'admin' ? t.roleAdmin() : role === 'billing_manager' ? t.roleBillingManager() : t.roleViewer());
}

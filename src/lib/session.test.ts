import { describe, expect, it } from 'vitest';
import { getSession, setSession } from './session';

describe('session', () => {
  it('is kept in this tab, and signing out forgets what the console kept for the tab', () => {
    setSession({ scheme: 'Token', token: 'sbx_admin_acme', sandbox: true, user: null, memberships: null });
    window.sessionStorage.setItem('billing-console.usage-reports', '[{"report_url":"https://example.test/r"}]');
    window.sessionStorage.setItem('another-app', 'kept');
    expect(getSession()?.token).toBe('sbx_admin_acme');
    expect(window.localStorage.getItem('billing-console.session')).toBeNull();

    setSession(null);
    expect(getSession()).toBeNull();
    expect(window.sessionStorage.getItem('billing-console.session')).toBeNull();
    expect(window.sessionStorage.getItem('billing-console.usage-reports')).toBeNull();
    expect(window.sessionStorage.getItem('another-app')).toBe('kept');
  });
});

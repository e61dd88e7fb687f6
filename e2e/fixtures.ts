import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { E2E_BASE_PORT } from './ports';

export const USERS = {
  adminAcme: { token: 'sbx_admin_acme', name: 'Alex Martin' },
  billingAcme: { token: 'sbx_billing_acme', name: 'Fran Ledger' },
  viewerAcme: { token: 'sbx_viewer_acme', name: 'Devi Patel' },
  adminGlobex: { token: 'sbx_admin_globex', name: 'Hank Scorpio' },
} as const;
export type DemoUser = keyof typeof USERS;

/** Fixed demo ids (server/db/seed.ts derives them from names, so they survive resets). */
export const ACME = '83a4796e-80a5-44ea-9475-d784b2767b04';
export const GLOBEX = 'd5d61db6-e7ed-4538-8c43-2583f2aafaea';

interface Fixtures {
  /** Signs in through the API (the sign-in page itself is tested in auth.spec.ts) and stores the session the way the console does. */
  signIn: (user: DemoUser) => Promise<void>;
  api: (user: DemoUser, path: string, init?: { method?: string; body?: unknown }) => Promise<{ status: number; body: unknown }>;
}

export const test = base.extend<Fixtures & { resetSandbox: void }>({
  baseURL: async ({}, use, testInfo) => {
    await use(`http://127.0.0.1:${E2E_BASE_PORT + testInfo.parallelIndex}`);
  },
  // Every test starts from the seeded demo data of its worker's server.
  resetSandbox: [
    async ({ request, baseURL }, use) => {
      // JSON, which the endpoint requires so that a cross-site form cannot trigger it.
      const response = await request.post(`${baseURL}/sandbox/reset`, { headers: { 'Content-Type': 'application/json' }, data: {} });
      expect(response.status(), 'POST /sandbox/reset (is SANDBOX_RESET_ENDPOINT=1 set?)').toBe(204);
      await use();
    },
    { auto: true },
  ],
  // The browser's Date reads the server's clock (SANDBOX_CLOCK) as the test starts; timers run as usual.
  page: async ({ page, request, baseURL }, use) => {
    const health: unknown = await (await request.get(`${baseURL}/api/health`)).json();
    if (typeof health !== 'object' || health === null || !('time' in health) || typeof health.time !== 'string') throw new Error('unexpected /api/health answer');
    await page.clock.setFixedTime(new Date(health.time));
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    // A script or style the CSP refuses is a feature that silently does not work in production.
    page.on('console', (message) => {
      if (message.type() === 'error' && message.text().includes('Content Security Policy')) errors.push(message.text());
    });
    await use(page);
    expect(errors, 'uncaught errors and CSP refusals in the page').toEqual([]);
  },
  signIn: async ({ page, request, baseURL }, use) => {
    await use(async (user) => {
      const { token } = USERS[user];
      const response = await request.get(`${baseURL}/sandbox/session`, { headers: { Authorization: `Token ${token}` } });
      expect(response.ok()).toBe(true);
      const session: unknown = await response.json();
      if (typeof session !== 'object' || session === null || !('user' in session) || !('memberships' in session)) throw new Error('unexpected /sandbox/session answer');
      const stored = JSON.stringify({ scheme: 'Token', token, sandbox: true, user: session.user, memberships: session.memberships });
      await page.addInitScript((value) => window.sessionStorage.setItem('billing-console.session', value), stored);
    });
  },
  api: async ({ request, baseURL }, use) => {
    await use(async (user, path, init = {}) => {
      const response = await request.fetch(`${baseURL}${path}`, {
        method: init.method ?? 'GET',
        headers: { Authorization: `Token ${USERS[user].token}` },
        data: init.body,
      });
      const text = await response.text();
      return { status: response.status(), body: text ? JSON.parse(text) : null };
    });
  },
});

export { expect };

/**
 * Controls whose accessible name (aria-label) does not start with the words they show. WCAG 2.5.3
 * (label in name) asks that the name contain the visible label, and that it start with it is the
 * practice that lets speech users say what they see; axe checks neither by default (its
 * label-content-name-mismatch rule is experimental, and only asks for the words somewhere in the name).
 */
async function labelsNotStartingTheName(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const normalize = (text: string) =>
      text
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim();
    const shown = (element: Element): string => {
      let text = '';
      for (const node of element.childNodes) {
        if (node instanceof Text) text += node.data;
        else if (node instanceof Element && node.getAttribute('aria-hidden') !== 'true') {
          const box = node.getBoundingClientRect();
          // Visually hidden text (sr-only) is part of the name, not of what is shown.
          if (box.width > 1 && box.height > 1) text += shown(node);
        }
      }
      return text;
    };
    const problems: string[] = [];
    for (const element of document.querySelectorAll('a[aria-label], button[aria-label], [role="button"][aria-label], [role="link"][aria-label]')) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const visible = normalize(shown(element));
      const name = normalize(element.getAttribute('aria-label') ?? '');
      // Symbols alone (×, ▾) are not words a person would say.
      if (!/\p{L}{2,}/u.test(visible)) continue;
      if (!name.startsWith(visible)) problems.push(`label-in-name: "${visible}" does not start "${name}"`);
    }
    return problems;
  });
}

/** axe (WCAG 2.0, 2.1 and 2.2, A and AA) and the label-in-name check, on the current page in the light and the dark theme. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await expect(page.locator('html')).toHaveClass(scheme === 'dark' ? /dark/ : /^(?!.*dark)/);
    // A toast still fading in or out (sonner's data-mounted, data-removed) is neither shown nor gone:
    // axe measured its half-transparent text as low contrast. Check the page once they have settled.
    await page.waitForFunction(() =>
      [...document.querySelectorAll('[data-sonner-toast]')].every((toast) => toast.getAttribute('data-mounted') === 'true' && toast.getAttribute('data-removed') !== 'true'),
    );
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    const summary = results.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`);
    summary.push(...(await labelsNotStartingTheName(page)));
    expect(summary, `axe violations on ${label} (${scheme})`).toEqual([]);
  }
}

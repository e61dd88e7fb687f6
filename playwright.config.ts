import { defineConfig, devices } from '@playwright/test';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { E2E_NOW } from './e2e/clock';
import { E2E_BASE_PORT } from './e2e/ports';

/**
 * End-to-end tests against `npm start` with fresh databases: one server per worker (ports 4311, 4312…),
 * each test starting from the seeded demo data (POST /sandbox/reset). Debian's Chromium is used when
 * present (CHROMIUM_PATH overrides); elsewhere Playwright's own browser.
 */
const workers = Number(process.env.E2E_WORKERS ?? 2);
// Set once in the runner; worker processes inherit it, so every process agrees on the databases.
process.env.E2E_RUN_ID ??= String(Date.now());

const chromiumPath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  workers,
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 7_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : [['list']],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromiumPath,
      args: [...(asRoot ? ['--no-sandbox'] : []), '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  // English unless a test asks for another language: the console follows the browser's languages.
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined, locale: 'en-US' } }],
  webServer: Array.from({ length: workers }, (_, index) => ({
    command: 'npm start',
    url: `http://127.0.0.1:${E2E_BASE_PORT + index}/api/health`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(E2E_BASE_PORT + index),
      HOST: '127.0.0.1',
      // The tests browse 127.0.0.1, and the console opens only links of its own origin.
      PUBLIC_URL: `http://127.0.0.1:${E2E_BASE_PORT + index}`,
      SANDBOX_DB: join(tmpdir(), `billing-e2e-${process.env.E2E_RUN_ID}-${index}.db`),
      SANDBOX_RESET_ENDPOINT: '1',
      SANDBOX_CLOCK: E2E_NOW.toISOString(),
      LOG_LEVEL: 'warn',
    },
  })),
});

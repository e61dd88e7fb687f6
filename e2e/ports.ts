/** Worker i's server listens on E2E_BASE_PORT + i (playwright.config.ts starts them); the env var lets several checkouts test side by side. */
export const E2E_BASE_PORT = Number(process.env.E2E_BASE_PORT ?? 4311);

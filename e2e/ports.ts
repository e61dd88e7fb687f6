/** Worker i's server listens on E2E_BASE_PORT + i (playwright.config.ts starts them). */
export const E2E_BASE_PORT = 4311;

/**
 * The instant the end-to-end servers start at (SANDBOX_CLOCK, playwright.config.ts); the browser's
 * clock is set to the server's (fixtures.ts), so no test depends on the day the suite runs. A month's
 * last day, late in the evening UTC: already the next day east of UTC+2, still the same day in America.
 */
export const E2E_NOW = new Date('2026-08-31T22:30:00.000Z');

/**
 * The instant component tests run at (src/test/setup.ts fixes Date to it before each test, for the
 * console and the in-process server alike). A month end half an hour before midnight UTC, so that a
 * date computed in the machine's time zone instead of the billing calendar's shows up as a failure
 * when the suite runs with TZ west of UTC-0:30 or east of UTC+0:30 (CI runs it under a far TZ too).
 */
export const TEST_NOW = new Date('2026-03-31T23:30:00.000Z');

import { describe, expect, it } from 'vitest';
import { formatBillingDate, formatInstant } from './date-format';

describe('formatInstant', () => {
  it('names the time zone it is in, so that a moment is not read as a UTC billing day', () => {
    const moment = new Date('2026-12-07T14:42:00Z');
    const zone = new Intl.DateTimeFormat('en-US', { timeZoneName: 'short' }).formatToParts(moment).find((part) => part.type === 'timeZoneName')?.value ?? '';
    expect(zone).not.toBe('');
    for (const locale of ['en-US', 'fr-FR', 'de-DE', 'es-ES', 'he-IL']) {
      const text = formatInstant(moment, locale);
      const named = new Intl.DateTimeFormat(locale, { timeZoneName: 'short' }).formatToParts(moment).find((part) => part.type === 'timeZoneName')?.value ?? '';
      expect(text, locale).toContain(named);
    }
    // The local hour and minute, as the runtime's zone has them.
    const hour = moment.getHours() % 12 || 12;
    expect(formatInstant(moment, 'en-US')).toContain(`${hour}:${String(moment.getMinutes()).padStart(2, '0')}`);
    // Billing days stay unnamed UTC dates.
    expect(formatBillingDate(moment, 'medium', 'en-US')).toBe('Dec 7, 2026');
  });
});

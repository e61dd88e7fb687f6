import { describe, expect, it } from 'vitest';
import { formatRelative, formatRelativeInstant } from './relative-time';

describe('relative times', () => {
  it('leave out the bracketed count Hebrew adds to the word that already says it', () => {
    const hebrew = new Intl.RelativeTimeFormat('he', { numeric: 'auto' });
    expect(hebrew.format(1, 'hour')).toMatch(/\(1\)$/);
    expect(formatRelative(hebrew, 1, 'hour')).toBe('בעוד שעה');
    expect(formatRelative(hebrew, -1, 'minute')).toBe('לפני דקה');
    expect(formatRelative(hebrew, 2, 'hour')).toBe('בעוד שעתיים');
    // Numbers the words do not say stay.
    expect(formatRelative(hebrew, 5, 'hour')).toBe(hebrew.format(5, 'hour'));
    expect(formatRelative(hebrew, -1, 'day')).toBe('אתמול');
  });

  it('keep every other language as Intl writes it', () => {
    for (const locale of ['en', 'fr', 'de', 'es']) {
      const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
      for (const [value, unit] of [
        [1, 'hour'],
        [-1, 'minute'],
        [3, 'day'],
        [-1, 'day'],
      ] as const) {
        expect(formatRelative(format, value, unit), `${locale} ${value} ${unit}`).toBe(format.format(value, unit));
      }
    }
    const now = new Date('2026-12-05T12:00:00Z');
    expect(formatRelativeInstant(new Date('2026-12-05T11:00:00Z'), now, 'he')).toBe('לפני שעה');
    expect(formatRelativeInstant(new Date('2026-12-05T09:00:00Z'), now, 'en')).toBe('3 hours ago');
  });
});

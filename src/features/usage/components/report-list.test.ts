import { describe, expect, it } from 'vitest';
import { relative } from './report-list';

describe('how long a report link has left', () => {
  it('counts a part of a minute as one, and says an hour rather than 60 minutes', () => {
    expect(relative(30_000)).toBe('in 1 minute');
    expect(relative(59 * 60_000)).toBe('in 59 minutes');
    expect(relative(59.5 * 60_000)).toBe('in 1 hour');
    expect(relative(3 * 3_600_000)).toBe('in 3 hours');
    expect(relative(3 * 86_400_000)).toBe('in 3 days');
    expect(relative(-90_000)).toBe('2 minutes ago');
  });
});

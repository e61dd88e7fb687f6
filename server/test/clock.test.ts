import { describe, expect, it } from 'vitest';
import { clockStartingAt } from '../clock';
import { EnvError, readEnv } from '../env';

describe('the server clock', () => {
  it('starts where SANDBOX_CLOCK says and runs at the real pace from there', () => {
    let elapsed = 1_000;
    const clock = clockStartingAt(new Date('2028-02-29T23:59:00Z'), () => elapsed);
    expect(clock().toISOString()).toBe('2028-02-29T23:59:00.000Z');
    elapsed += 90_000;
    expect(clock().toISOString()).toBe('2028-03-01T00:00:30.000Z');
  });

  it('takes SANDBOX_CLOCK only as an ISO instant with its offset, naming the variable otherwise', () => {
    expect(readEnv({}).sandboxClock).toBeNull();
    expect(readEnv({ SANDBOX_CLOCK: '2026-03-31T23:30:00+14:00' }).sandboxClock?.toISOString()).toBe('2026-03-31T09:30:00.000Z');
    for (const value of ['2026-03-31', 'tomorrow', '2026-02-30T10:00:00Z', '2026-03-31T23:30:00']) {
      expect(() => readEnv({ SANDBOX_CLOCK: value }), value).toThrow(EnvError);
      expect(() => readEnv({ SANDBOX_CLOCK: value }), value).toThrow(/^SANDBOX_CLOCK must be an ISO 8601 instant/);
    }
  });
});

/**
 * The server's one clock. Every billing rule, seed and signed link reads the time through the `now`
 * it is given (createApp's option), never from `new Date()` on its own, so that tests fix it and a
 * demo can run on another day (SANDBOX_CLOCK).
 */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/** A clock that reads `start` now and runs at the real pace from then on (monotonic, whatever the system clock does). */
export function clockStartingAt(start: Date, elapsedMs: () => number = () => performance.now()): Clock {
  const origin = elapsedMs();
  return () => new Date(start.getTime() + (elapsedMs() - origin));
}

import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStandIn, type StandIn } from './gateway-harness';
import { spawnServer, type SpawnedServer } from './spawned-server';

const ANSWER_BYTES = 7 * 1024 * 1024;
const PARALLEL = 30;

/** The peak resident memory of a process so far (VmHWM), in MB. */
function peakMegabytes(pid: number): number {
  const line = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(line?.[1] ?? Number.NaN) / 1024;
}

describe.skipIf(process.platform !== 'linux')('real-backend mode under large answers', () => {
  let upstream: StandIn;
  let server: SpawnedServer;
  beforeAll(async () => {
    // A valid JSON document of 7 MB, as a broken or hostile upstream could send for every call.
    const big = Buffer.from(JSON.stringify({ results: 'x'.repeat(ANSWER_BYTES - 20) }));
    upstream = await startStandIn((_request, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(big.byteLength) });
      res.end(big);
    });
    server = await spawnServer({ BILLING_BACKEND: 'qovery', QOVERY_API_URL: upstream.url, RATE_LIMIT_PER_MINUTE: '100000' });
  }, 60_000);
  afterAll(async () => {
    await server.kill('SIGKILL');
    await upstream.close();
  });

  it(`${PARALLEL} parallel 7 MB answers are relayed whole without taking the process anywhere near 500 MB`, async () => {
    const pid = server.child.pid ?? 0;
    const before = peakMegabytes(pid);
    const sizes = await Promise.all(
      Array.from({ length: PARALLEL }, async (_, index) => {
        const answer = await fetch(`${server.url}/api/organization/big-${index}`, { headers: { Authorization: 'Token user' } });
        return { status: answer.status, bytes: (await answer.arrayBuffer()).byteLength };
      }),
    );
    expect(sizes.every((size) => size.status === 200 && size.bytes >= ANSWER_BYTES - 20)).toBe(true);
    const peak = peakMegabytes(pid);
    const note = `peak ${peak.toFixed(0)} MB, ${before.toFixed(0)} MB before the calls`;
    expect(peak, note).toBeLessThan(500);
    // Held whole, the answers added about 220 MB; streamed, about 50.
    expect(peak - before, note).toBeLessThan(120);
  }, 120_000);
});

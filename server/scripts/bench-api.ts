import autocannon, { type Result } from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as z from 'zod/mini';
import { DEMO_USERS, ORG_IDS } from '../db/seed';

/**
 * `npm run bench:api [-- --duration 10 --connections 10 --warmup 3 --rounds 5]`: requests/s and p99 latency of
 * GET billingInfo and GET invoice on the real server, next to a bare node:http endpoint answering
 * JSON of the same size, each server in its own process and autocannon in this one.
 */
const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    rounds: { type: 'string', default: '5' },
    'bare-server': { type: 'boolean', default: false },
  },
});

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The bare endpoint: node:http, JSON.stringify per request, nothing else. Payloads come from the parent. */
function runBareServer(): void {
  const payloads = new Map(Object.entries(z.record(z.string(), z.unknown()).parse(JSON.parse(process.env.BENCH_PAYLOADS ?? '{}'))));
  const server = createHttpServer((req, res) => {
    const payload = payloads.get(req.url ?? '');
    if (payload === undefined) {
      res.writeHead(404).end();
      return;
    }
    const body = JSON.stringify(payload);
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
    res.end(body);
  });
  server.listen(Number(process.env.PORT), '127.0.0.1');
}

function positiveInteger(name: string, value: string | undefined): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number <= 0) throw new Error(`--${name} takes a positive whole number, got "${value}"`);
  return number;
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createNetServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

async function waitFor(url: string, child: ChildProcess, headers: Record<string, string> = {}): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The process serving ${url} exited with ${child.exitCode}`);
    try {
      if ((await fetch(url, { headers })).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((wait) => setTimeout(wait, 100));
  }
  throw new Error(`${url} did not answer within 30 s`);
}

function spawnTsx(args: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  return child;
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolveStop) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolveStop();
    child.once('exit', () => resolveStop());
    child.kill('SIGTERM');
  });
}

interface Target {
  name: string;
  url: string;
  bytes: number;
  headers?: Record<string, string>;
  /** The bare endpoint this one is compared with. */
  baseline?: string;
}

interface Round {
  requestsPerSecond: number;
  p99: number;
  failures: number;
  statusCodes: Record<string, number>;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

function toRound(result: Result): Round {
  return {
    requestsPerSecond: result.requests.total / result.duration,
    p99: result.latency.p99,
    failures: result.non2xx + result.errors + result.timeouts,
    statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats).map(([status, { count }]) => [status, count])),
  };
}

function table(targets: Target[], rounds: Map<string, Round[]>): string {
  const header = ['endpoint', 'body bytes', 'requests/s', 'p99 ms', 'non-2xx', 'ratio to bare'];
  const lines = targets.map((target) => {
    const own = rounds.get(target.name) ?? [];
    const base = target.baseline === undefined ? undefined : rounds.get(target.baseline);
    // Each round's ratio compares two runs made back to back, so that load drift on a shared machine cancels out.
    const ratio = base ? median(own.map((round, index) => round.requestsPerSecond / (base[index]?.requestsPerSecond ?? Number.NaN))).toFixed(2) : '-';
    return [
      target.name,
      String(target.bytes),
      median(own.map((round) => round.requestsPerSecond)).toFixed(0),
      median(own.map((round) => round.p99)).toFixed(0),
      String(own.reduce((sum, round) => sum + round.failures, 0)),
      ratio,
    ];
  });
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column]?.length ?? 0)));
  const format = (cells: string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join('  ');
  return [format(header), format(widths.map((width) => '-'.repeat(width))), ...lines.map(format)].join('\n');
}

async function main(): Promise<void> {
  const duration = positiveInteger('duration', values.duration);
  const connections = positiveInteger('connections', values.connections);
  const warmup = positiveInteger('warmup', values.warmup);
  const roundCount = positiveInteger('rounds', values.rounds);
  const roundSeconds = duration / roundCount;
  const token = DEMO_USERS.find((user) => user.email === 'admin@acme.test')?.token ?? '';
  const headers = { Authorization: `Bearer ${token}` };

  const dir = mkdtempSync(join(tmpdir(), 'billing-bench-'));
  const [appPort, barePort] = [await freePort(), await freePort()];
  const app = spawnTsx(['server/main.ts'], {
    PORT: String(appPort),
    HOST: '127.0.0.1',
    SANDBOX_DB: join(dir, 'bench.db'),
    LOG_LEVEL: 'warn',
    BILLING_BACKEND: 'sandbox',
    // The limiter counts every request as in production, with a limit no round reaches: what is measured is its cost.
    RATE_LIMIT_PER_MINUTE: '999999999',
  });
  const children: ChildProcess[] = [app];
  try {
    const appBase = `http://127.0.0.1:${appPort}/api/organization/${ORG_IDS.acme}`;
    await waitFor(`http://127.0.0.1:${appPort}/api/health`, app);
    const billingInfo: unknown = await (await fetch(`${appBase}/billingInfo`, { headers })).json();
    const invoices: unknown = await (await fetch(`${appBase}/invoice`, { headers })).json();

    const bare = spawnTsx(['server/scripts/bench-api.ts', '--bare-server'], {
      PORT: String(barePort),
      BENCH_PAYLOADS: JSON.stringify({ '/billing-info': billingInfo, '/invoice': invoices }),
    });
    children.push(bare);
    const bareBase = `http://127.0.0.1:${barePort}`;
    await waitFor(`${bareBase}/billing-info`, bare);

    const bytes = (payload: unknown) => Buffer.byteLength(JSON.stringify(payload));
    const targets: Target[] = [
      { name: 'bare node:http JSON (billingInfo size)', url: `${bareBase}/billing-info`, bytes: bytes(billingInfo) },
      { name: 'GET billingInfo', url: `${appBase}/billingInfo`, bytes: bytes(billingInfo), headers, baseline: 'bare node:http JSON (billingInfo size)' },
      { name: 'bare node:http JSON (invoice list size)', url: `${bareBase}/invoice`, bytes: bytes(invoices) },
      { name: 'GET invoice', url: `${appBase}/invoice`, bytes: bytes(invoices), headers, baseline: 'bare node:http JSON (invoice list size)' },
    ];

    process.stdout.write(
      `bench:api on Node ${process.version}, ${cpus().length} CPUs: ${connections} connections, ${duration} s per endpoint ` +
        `in ${roundCount} interleaved rounds of ${roundSeconds} s, after a ${warmup} s warm-up each; medians over the rounds.\n` +
        'Server: server/main.ts in its own process, sandbox backend over a temporary SQLite file, LOG_LEVEL=warn (no request log),\n' +
        'the per-token rate limiter on (RATE_LIMIT_PER_MINUTE above what a round sends).\n' +
        'Bare endpoint: node:http in its own process, JSON.stringify of the same payload per request.\n\n',
    );
    for (const target of targets) {
      await autocannon({ url: target.url, connections, duration: warmup, headers: target.headers });
    }
    const rounds = new Map<string, Round[]>(targets.map((target) => [target.name, []]));
    for (let round = 1; round <= roundCount; round += 1) {
      process.stdout.write(`  round ${round}/${roundCount}\n`);
      for (const target of targets) {
        const result = await autocannon({ url: target.url, connections, duration: roundSeconds, headers: target.headers });
        rounds.get(target.name)?.push(toRound(result));
      }
    }

    process.stdout.write(`\n${table(targets, rounds)}\n`);
    for (const target of targets) {
      const failed = (rounds.get(target.name) ?? []).filter((round) => round.failures > 0);
      if (failed.length > 0) process.stdout.write(`  ${target.name}: status codes ${JSON.stringify(failed.map((round) => round.statusCodes))}\n`);
    }
    const below = targets.filter((target) => {
      const own = rounds.get(target.name) ?? [];
      const base = target.baseline === undefined ? undefined : rounds.get(target.baseline);
      return base !== undefined && median(own.map((round, index) => round.requestsPerSecond / (base[index]?.requestsPerSecond ?? Number.NaN))) < 0.5;
    });
    process.stdout.write(
      below.length === 0
        ? '\nTarget met: every API endpoint serves at least half the requests/s of the bare endpoint.\n'
        : `\nBelow target (half the bare endpoint): ${below.map((target) => target.name).join(', ')}.\n`,
    );
  } finally {
    for (const child of children) await stop(child);
    rmSync(dir, { recursive: true, force: true });
  }
}

if (values['bare-server']) {
  runBareServer();
} else {
  await main();
}

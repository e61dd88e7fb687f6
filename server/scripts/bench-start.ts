import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { median, wholeNumberOptions } from './bench-support';

/**
 * `npm run bench:start [-- --runs 7]`: how long the built server (`node dist/server/main.js`, the
 * sandbox on a database it has already seeded) takes from its process start to its first 200 on
 * /api/health, next to a bare node:http server started and polled the same way, in one run, taking
 * turns. The first start on a new database (migrations and the demo seed) is shown apart. A
 * benchmark, not a test: it asserts nothing. Needs `npm run build` first.
 */
const { runs } = wholeNumberOptions({ runs: 7 });
if (!existsSync('dist/server/main.js')) {
  process.stderr.write('dist/server/main.js is missing: run npm run build first\n');
  process.exit(1);
}

const BARE_SERVER = `require('node:http').createServer((req, res) => { res.writeHead(200, { 'Content-Type': 'application/json' }); res.end('{"status":"ok"}'); }).listen(Number(process.env.PORT), '127.0.0.1');`;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? (address satisfies AddressInfo).port : 0;
  await new Promise((done) => server.close(done));
  return port;
}

function healthy(port: number): Promise<boolean> {
  return new Promise((done) => {
    const probe = request({ host: '127.0.0.1', port, path: '/api/health' }, (response) => {
      response.resume();
      done(response.statusCode === 200);
    });
    probe.on('error', () => done(false));
    probe.end();
  });
}

/** Spawns `args` and polls /api/health until it answers 200: milliseconds from the spawn. */
async function timeStart(args: string[], env: Record<string, string>): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' }, stdio: 'ignore' });
  const exited = new Promise<never>((_, fail) => child.once('exit', (code) => fail(new Error(`${args.join(' ')} exited with ${code} before answering`))));
  try {
    for (;;) {
      if (await Promise.race([healthy(port), exited])) return performance.now() - started;
      if (performance.now() - started > 30_000) throw new Error(`${args.join(' ')} did not answer within 30 s`);
      await new Promise((done) => setTimeout(done, 1));
    }
  } finally {
    exited.catch(() => undefined);
    child.kill();
    await new Promise((done) => (child.exitCode === null ? child.once('exit', done) : done(null)));
  }
}

const dir = mkdtempSync(join(tmpdir(), 'billing-console-start-'));
const env = { SANDBOX_DB: join(dir, 'sandbox.db'), LOG_LEVEL: 'warn' };
const server = ['dist/server/main.js'];
const bare = ['-e', BARE_SERVER];
try {
  const firstStart = await timeStart(server, env);
  const times: Record<'bare' | 'server', number[]> = { bare: [], server: [] };
  for (let run = 0; run < runs; run += 1) {
    times.bare.push(await timeStart(bare, {}));
    times.server.push(await timeStart(server, env));
  }
  const line = (label: string, list: number[]) =>
    `  ${label.padEnd(46)}${`${median(list).toFixed(1)} ms`.padStart(10)}   [${Math.min(...list).toFixed(1)} to ${Math.max(...list).toFixed(1)}]\n`;
  process.stdout.write(`\nFrom process start to the first 200 on /api/health, ${runs} starts each (median, [range])\n\n`);
  process.stdout.write(line('bare node:http server', times.bare));
  process.stdout.write(line('built server (sandbox, database already seeded)', times.server));
  process.stdout.write(`  ${'ratio'.padEnd(46)}${`${(median(times.server) / median(times.bare)).toFixed(2)}x`.padStart(10)}\n`);
  process.stdout.write(`  ${'first start on a new database (migrate, seed)'.padEnd(46)}${`${firstStart.toFixed(1)} ms`.padStart(10)}\n`);
  const [load1] = loadavg();
  process.stdout.write(`\nLoad average during the run: ${load1?.toFixed(1)} on ${cpus().length} CPUs.\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCardSchema } from '#api/contract';
import { ORG_IDS } from '../db/seed';
import { TOKENS } from './helpers';
import { freePort } from './spawned-server';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

// An American Express test number: its 4-digit security code is a needle long enough to search raw bytes for.
const CARD = { number: '378282246310005', spaced: '3782 822463 10005', last4: '0005' };
const REFUSED = { number: '4242424242424241', spaced: '4242 4242 4242 4241' };
const DECLINED = { number: '4000000000000002', spaced: '4000 0000 0000 0002' };

async function waitForHealth(base: string, server: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The server exited with ${server.exitCode}:\n${output()}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((wait) => setTimeout(wait, 100));
  }
  throw new Error(`The server did not answer /api/health within 20 s:\n${output()}`);
}

function stop(server: ChildProcess): Promise<void> {
  return new Promise((resolveStop) => {
    if (server.exitCode !== null) return resolveStop();
    server.once('exit', () => resolveStop());
    server.kill('SIGTERM');
  });
}

/** Every byte the sandbox database keeps on disk: the file, its write-ahead log and its shared memory. */
function databaseBytes(file: string): string {
  return ['', '-wal', '-shm']
    .map((suffix) => `${file}${suffix}`)
    .filter((path) => existsSync(path))
    .map((path) => readFileSync(path).toString('latin1'))
    .join('\n');
}

/** A 4-digit code that appears nowhere in `haystack`, so that finding it later can only mean it was written. */
function absentCode(haystack: string): string {
  for (let code = 1379; code < 10_000; code += 1) {
    const candidate = String(code);
    if (!haystack.includes(candidate)) return candidate;
  }
  throw new Error('Every 4-digit code already appears in the database');
}

describe('card numbers and security codes are never stored or logged', () => {
  const dir = mkdtempSync(join(tmpdir(), 'billing-card-data-'));
  const dbFile = join(dir, 'sandbox.db');
  let server: ChildProcess;
  let base = '';
  let output = '';
  let cvc = '';
  let cardId = '';
  let createdAt = '';
  let whileRunning = '';
  let afterStop = '';
  const statuses: number[] = [];

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    server = spawn(join(ROOT, 'node_modules/.bin/tsx'), ['server/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', SANDBOX_DB: dbFile, LOG_LEVEL: 'debug', BILLING_BACKEND: 'sandbox' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    server.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    await waitForHealth(base, server, () => output);

    cvc = absentCode(databaseBytes(dbFile) + output);
    const post = (card: Record<string, unknown>) =>
      fetch(`${base}/api/organization/${ORG_IDS.acme}/creditCard`, {
        method: 'POST',
        headers: { Authorization: `Token ${TOKENS.adminAcme}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ expiry_month: 11, expiry_year: new Date().getUTCFullYear() + 3, ...card }),
      });

    const added = await post({ number: CARD.spaced, cvv: cvc });
    statuses.push(added.status);
    const card = creditCardSchema.parse(await added.json());
    cardId = card.id;
    createdAt = card.created_at;
    // The error paths see the number too: a Luhn failure, the declined number, and a bad code on a good number.
    for (const body of [
      { number: REFUSED.spaced, cvv: cvc },
      { number: DECLINED.number, cvv: cvc.slice(0, 3) },
      { number: CARD.number, cvv: `${cvc}9` },
    ]) {
      const refused = await post(body);
      statuses.push(refused.status);
      await refused.text();
    }
    whileRunning = databaseBytes(dbFile);
    await stop(server);
    afterStop = databaseBytes(dbFile);
  }, 60_000);

  afterAll(async () => {
    if (server) await stop(server);
    rmSync(dir, { recursive: true, force: true });
  });

  it('added the card and refused the others', () => {
    expect(statuses).toEqual([201, 400, 400, 400]);
    expect(output).toMatch(/POST \/api\/organization\/[0-9a-f-]+\/creditCard 201/);
  });

  it('searched the right files: the card row is there, with its last 4 digits', () => {
    for (const bytes of [whileRunning, afterStop]) {
      expect(bytes).toContain(cardId);
      expect(bytes).toContain(CARD.last4);
    }
  });

  it('kept no card number in the database files, raw or spaced', () => {
    for (const bytes of [whileRunning, afterStop]) {
      for (const needle of [CARD.number, CARD.spaced, REFUSED.number, REFUSED.spaced, DECLINED.number, DECLINED.spaced]) {
        expect(bytes.includes(needle), needle).toBe(false);
      }
    }
  });

  it('kept no security code in the database files', () => {
    for (const bytes of [whileRunning, afterStop]) {
      // The new row's own id and timestamp may contain any 4 digits by chance: they are not the code.
      const rest = bytes.replaceAll(cardId, '').replaceAll(createdAt, '');
      expect(rest.includes(cvc), cvc).toBe(false);
    }
  });

  it('printed neither numbers nor security codes, even at debug level', () => {
    expect(output).toMatch(/ debug | info /);
    for (const needle of [CARD.number, CARD.spaced, REFUSED.number, REFUSED.spaced, DECLINED.number, cvc]) {
      expect(output.includes(needle), needle).toBe(false);
    }
  });
});

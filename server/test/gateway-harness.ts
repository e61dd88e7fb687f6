import { serve } from '@hono/node-server';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type App } from '../app';
import { migrate, openDatabase, type Db } from '../db/database';
import { seedDemoData } from '../db/seed';
import { readEnv } from '../env';
import { createLogger, type Logger } from '../http/logger';

/** Every test app runs at this instant, so that two apps over copies of one seed answer alike. */
export const NOW = new Date('2026-03-16T09:30:00.000Z');

export const GATEWAY_TOKEN = 'gw_test_token_0123456789';

export interface LogCapture {
  logger: Logger;
  lines: string[];
}

export function captureLogs(): LogCapture {
  const lines: string[] = [];
  return { lines, logger: createLogger('debug', (line) => lines.push(line)) };
}

export interface SandboxFixture {
  /** A seeded SQLite file; each app below opens its own copy of it. */
  seedFile: string;
  open(env: NodeJS.ProcessEnv, options?: { logger?: Logger; upstreamTimeoutMs?: number }): App & { db: Db };
  cleanup(): void;
}

/** A seeded sandbox database, and sandbox apps over copies of it (same ids, same signing secret). */
export function sandboxFixture(): SandboxFixture {
  const dir = mkdtempSync(join(tmpdir(), 'billing-gateway-'));
  const seedFile = join(dir, 'seed.db');
  const seedDb = openDatabase(seedFile);
  migrate(seedDb);
  seedDemoData(seedDb, { now: NOW });
  seedDb.close();
  const opened: Db[] = [];
  let copies = 0;
  return {
    seedFile,
    open(env, options = {}) {
      copies += 1;
      const file = join(dir, `copy-${copies}.db`);
      copyFileSync(seedFile, file);
      const db = openDatabase(file);
      opened.push(db);
      const app = createApp({
        env: readEnv(env),
        logger: options.logger ?? createLogger('silent'),
        db,
        now: () => NOW,
        upstreamTimeoutMs: options.upstreamTimeoutMs,
      });
      return { ...app, db };
    },
    cleanup() {
      for (const db of opened) db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Listening {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Serves an app the way server/main.ts does, on a free loopback port. */
export async function listen(fetch: App['app']['fetch'], hostname = '127.0.0.1'): Promise<Listening> {
  return new Promise((resolve) => {
    const server = serve({ fetch, port: 0, hostname }, (info) => {
      resolve({
        url: `http://${hostname}:${info.port}`,
        port: info.port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            if ('closeAllConnections' in server) server.closeAllConnections();
          }),
      });
    });
  });
}

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface StandIn extends Listening {
  requests: RecordedRequest[];
}

/** A stand-in upstream on loopback: records each request, then lets `handle` answer it. */
export async function startStandIn(handle: (request: RecordedRequest, res: ServerResponse) => void): Promise<StandIn> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const recorded = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      requests.push(recorded);
      handle(recorded, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = addressOf(server.address());
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}

function addressOf(address: string | AddressInfo | null): AddressInfo {
  if (address === null || typeof address === 'string') throw new Error('The stand-in is not listening on a TCP port');
  return address;
}

/** A loopback port that nothing listens on: bound once, then released. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = addressOf(server.address());
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

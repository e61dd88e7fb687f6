import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';

export interface ServerLimits {
  /** A client must have sent all its headers within this (slowloris). */
  headersTimeoutMs: number;
  /** A whole request, body included, must have arrived within this. */
  requestTimeoutMs: number;
  /** Connections served at once; more are closed as they come. */
  maxConnections: number;
  /** How often Node looks for connections past those timeouts (its default, 30 s, would let them run 40 s). */
  checkIntervalMs: number;
}

export const SERVER_LIMITS: ServerLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  // Under the usual 1,024 open files, with room for the database, static files and upstream calls.
  maxConnections: 512,
  checkIntervalMs: 1_000,
};

export interface StartOptions {
  fetch: Parameters<typeof serve>[0]['fetch'];
  port: number;
  hostname: string;
  limits?: ServerLimits;
  onListening?: (address: AddressInfo) => void;
}

/** The Node HTTP server of main.ts, with the limits that keep slow or numerous clients from holding it. */
export function startServer({ fetch, port, hostname, limits = SERVER_LIMITS, onListening }: StartOptions): ServerType {
  const server = serve(
    {
      fetch,
      port,
      hostname,
      serverOptions: {
        headersTimeout: limits.headersTimeoutMs,
        requestTimeout: limits.requestTimeoutMs,
        connectionsCheckingInterval: limits.checkIntervalMs,
      },
    },
    onListening,
  );
  server.maxConnections = limits.maxConnections;
  return server;
}

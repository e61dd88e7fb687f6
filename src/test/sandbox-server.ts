import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { createApp } from '../../server/app';
import { migrate, openDatabase } from '../../server/db/database';
import { ORG_IDS, seedDemoData } from '../../server/db/seed';
import { readEnv } from '../../server/env';
import { createLogger } from '../../server/http/logger';
import { configureApiClient } from '@/api/client';

export { ORG_IDS };

interface Fault {
  path: string;
  status: number;
  message: string;
  errors?: Array<{ field: string; message: string }>;
  times: number;
}

interface Reply {
  path: string;
  body: unknown;
}

interface Hold {
  path: string;
  release: Promise<void>;
}

/**
 * Component tests talk to the real sandbox server app (in-process, over a temporary SQLite file):
 * `fetch` is routed to it, not stubbed. `failNext` injects a server failure for one path, to show
 * error states, then lets requests through again.
 */
export function setupSandboxServer() {
  const state: { dir: string; requests: string[]; faults: Fault[]; replies: Reply[]; holds: Hold[]; lost: string[]; token: string; origin: string | null } = {
    dir: '',
    lost: [],
    requests: [],
    faults: [],
    replies: [],
    holds: [],
    token: 'sbx_admin_acme',
    origin: null,
  };
  const originalFetch = globalThis.fetch;

  beforeEach(() => {
    state.dir = mkdtempSync(join(tmpdir(), 'billing-component-'));
    state.requests = [];
    state.faults = [];
    state.replies = [];
    state.holds = [];
    state.lost = [];
    state.origin = null;
    const db = openDatabase(join(state.dir, 'test.db'));
    migrate(db);
    seedDemoData(db);
    // Made at the first request, once the test has said which origin its links are for (PUBLIC_URL).
    let app: ReturnType<typeof createApp>['app'] | null = null;
    const serverApp = () => (app ??= createApp({ env: readEnv({ PUBLIC_URL: state.origin ?? 'http://localhost' }), logger: createLogger('silent'), db }).app);
    globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url, 'http://localhost');
      state.requests.push(`${init?.method ?? 'GET'} ${url.pathname}`);
      const hold = state.holds.find((candidate) => candidate.path === url.pathname);
      if (hold) {
        state.holds = state.holds.filter((candidate) => candidate !== hold);
        // Held like a slow network: an abort (a cancel, a timeout) still ends it, as it would a real fetch.
        const signal = init?.signal;
        await new Promise<void>((resolve, reject) => {
          void hold.release.then(resolve);
          signal?.addEventListener('abort', () => reject(signal.reason instanceof Error ? signal.reason : new DOMException('Aborted', 'AbortError')), { once: true });
          if (signal?.aborted) reject(signal.reason instanceof Error ? signal.reason : new DOMException('Aborted', 'AbortError'));
        });
      }
      const fault = state.faults.find((candidate) => candidate.path === url.pathname && candidate.times > 0);
      if (fault) {
        fault.times -= 1;
        return new Response(JSON.stringify({ status: fault.status, message: fault.message, errors: fault.errors }), {
          status: fault.status,
          headers: { 'Content-Type': 'application/json' },
        });
      }
      const reply = state.replies.find((candidate) => candidate.path === url.pathname);
      if (reply) {
        state.replies = state.replies.filter((candidate) => candidate !== reply);
        return new Response(JSON.stringify(reply.body), { status: 200, headers: { 'Content-Type': 'application/json' } });
      }
      const answer = await serverApp().request(state.origin ? new URL(url.pathname + url.search, state.origin).href : url.pathname + url.search, init);
      if (state.lost.includes(url.pathname)) {
        state.lost = state.lost.filter((path) => path !== url.pathname);
        // What a browser reports when the connection drops after the server acted but before its answer arrived.
        throw new TypeError('Failed to fetch');
      }
      return answer;
    };
    configureApiClient({ getCredentials: () => ({ scheme: 'Token', token: state.token }), onUnauthorized: () => undefined });
    return () => db.close();
  });

  afterEach(() => {
    globalThis.fetch = originalFetch;
    rmSync(state.dir, { recursive: true, force: true });
  });

  return {
    signInAs(token: string) {
      state.token = token;
    },
    failNext(path: string, status: number, message: string, errors?: Fault['errors']) {
      state.faults.push({ path, status, message, errors, times: 1 });
    },
    /**
     * The next request to `path` answers 200 with `body`: for what a real backend may answer and the
     * sandbox never does (a negotiated price, a malformed envelope).
     */
    replyNext(path: string, body: unknown) {
      state.replies.push({ path, body });
    },
    /** The next request to `path` waits until the returned function is called (to see pending states). */
    holdNext(path: string): () => void {
      let release: () => void = () => undefined;
      state.holds.push({ path, release: new Promise<void>((resolve) => (release = () => resolve())) });
      return () => release();
    },
    /** The next request to `path` reaches the server, which acts on it, but its answer is lost on the way back. */
    loseNextAnswer(path: string) {
      state.lost.push(path);
    },
    requests: () => [...state.requests],
    /**
     * The server's PUBLIC_URL is the page's own origin (as with `npm start`), so that its signed PDF
     * links are same-origin and can be fetched into the page (a ZIP). By default it is
     * http://localhost, another origin than the page's, as a foreign link would be. Call it before
     * the first request: the server app is made then.
     */
    answerAsPageOrigin() {
      state.origin = window.location.origin;
    },
  };
}

import { afterEach, describe, expect, it, vi } from 'vitest';
import { codeOf } from '@/api/field-messages';
import { fallbackMessage, requestJson } from '@/api/client';
import './field-error-text';

/** Every message src/api/client.ts gives on its own is filed under a code, so that the console translates it. */
describe("the console's own request errors", () => {
  afterEach(() => vi.unstubAllGlobals());

  it('are filed for each status the client names, and for 5xx', () => {
    for (const status of [400, 401, 403, 404, 408, 409, 413, 422, 429, 500, 502, 503])
      expect({ status, code: codeOf(fallbackMessage(status))?.code.split('.')[0] }).toEqual({ status, code: 'request' });
  });

  it('are filed for an unreachable server and an answer that is not JSON', async () => {
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    const unreachable = await requestJson('/api/x').catch((error: unknown) => error);
    vi.stubGlobal('fetch', () => Promise.resolve(new Response('<html>', { status: 200 })));
    const notJson = await requestJson('/api/x').catch((error: unknown) => error);
    for (const error of [unreachable, notJson]) {
      expect(error).toBeInstanceOf(Error);
      expect(codeOf(error instanceof Error ? error.message : '')?.code).toMatch(/^request\./);
    }
  });
});

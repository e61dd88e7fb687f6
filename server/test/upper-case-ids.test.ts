import { afterEach, describe, expect, it } from 'vitest';
import { CLOUD_PLANS_BASE } from '#api/cloud-plans';
import { createTestApp, ORGS, type TestApp } from './helpers';
import { isOrganizationScoped, OPERATIONS, operationUrl, RESOURCES } from './operations';

const NOW = new Date('2026-03-10T12:00:00.000Z');
const upper = (ids: Record<string, string>) => Object.fromEntries(Object.entries(ids).map(([key, id]) => [key, id.toUpperCase()]));

describe('ids in upper case', () => {
  let app: TestApp | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  // UUIDs are case-insensitive (RFC 9562); a client that upper-cases them must reach the same rows.
  it.each(OPERATIONS.filter(isOrganizationScoped).map((op) => ({ op, name: op.id })))('$name answers as for lower-case ids', async ({ op }) => {
    app = createTestApp({ now: NOW });
    const url = operationUrl(op, 'acme', upper({ organizationId: ORGS.acme, ...RESOURCES.acme }));
    expect(url).not.toContain(ORGS.acme);
    const result = await app.call(op.method, url, { json: op.body?.(NOW) });
    expect(result.status, result.text.slice(0, 200)).toBe(op.success);
  });

  it('Cloud Plans takes an upper-case org_id', async () => {
    app = createTestApp({ now: NOW });
    const result = await app.call('GET', `${CLOUD_PLANS_BASE}/describe?action=getorganization&org_id=${ORGS.acme.toUpperCase()}`);
    expect(result.status).toBe(200);
    expect(result.text).toContain(ORGS.acme);
  });
});

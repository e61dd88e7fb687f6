import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { usageReportResponseSchema } from '#api/action-answers';
import { createTestApp, errorBody, fieldError, orgPath, parsed, type TestApp } from './helpers';
import { RESOURCES } from './operations';

const NOW = new Date('2026-06-15T12:00:00.000Z');
const PAST_PERIOD = { from: '2026-05-01T00:00:00Z', to: '2026-05-04T00:00:00Z' };
const HEADER = 'date,cluster_id,cluster_name,cloud_provider,region,instance_type,nodes,node_hours,cost_in_cents,cost,currency_code';

describe('usage reports', () => {
  let app: TestApp;
  beforeEach(() => {
    app = createTestApp({ now: NOW });
  });
  afterEach(() => app.close());

  const generate = (body: unknown) => app.call('POST', orgPath('acme', 'billingUsageReport'), { json: body });
  const report = async (seconds = 3600) => {
    const { report_url, delete_report_url } = parsed(await generate({ ...PAST_PERIOD, report_expiration_in_seconds: seconds }), 200, usageReportResponseSchema);
    if (!report_url || !delete_report_url) throw new Error('The report answer has no URLs');
    return { reportUrl: report_url, deleteUrl: delete_report_url };
  };
  // The links are public, like a storage pre-signed URL: no Authorization header.
  const fetchLink = (method: string, url: string) => app.call(method, url, { token: null });

  it('answers signed report and delete URLs whose CSV has a header and a row per cluster and day', async () => {
    const { reportUrl, deleteUrl } = await report();
    const expires = Math.floor(NOW.getTime() / 1000) + 3600;
    expect(reportUrl).toMatch(new RegExp(`^http://localhost:4173/sandbox/usage-reports/[0-9a-f-]{36}/csv\\?expires=${expires}&signature=[\\w-]{43}$`));
    expect(deleteUrl).toMatch(new RegExp(`^http://localhost:4173/sandbox/usage-reports/[0-9a-f-]{36}\\?expires=${expires}&signature=[\\w-]{43}$`));

    const csv = await fetchLink('GET', reportUrl);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    // A UTF-8 byte order mark, so that a spreadsheet reads the file as UTF-8 (the decoder drops it from `text`).
    expect([...csv.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = csv.text.trimEnd().split('\r\n');
    expect(header).toBe(HEADER);
    // May 1 to 3 included: the period ends at 00:00 on May 4, and the name says the last day.
    expect(csv.headers.get('Content-Disposition')).toBe('attachment; filename="usage-2026-05-01-to-2026-05-03.csv"');
    // Three days of May, three Acme clusters.
    expect(rows).toHaveLength(9);
    const cells = rows.map((row) => row.split(','));
    expect(new Set(cells.map((cell) => cell[0]))).toEqual(new Set(['2026-05-01', '2026-05-02', '2026-05-03']));
    expect(new Set(cells.map((cell) => cell[2]))).toEqual(new Set(['analytics-gcp', 'production-eu', 'staging-us']));
    for (const cell of cells.filter((row) => row[1] === RESOURCES.acme.clusterId)) {
      const nodes = Number(cell[6]);
      // production-eu runs 3 to 8 nodes, 24 hours a day.
      expect(nodes).toBeGreaterThanOrEqual(3);
      expect(nodes).toBeLessThanOrEqual(8);
      expect(Number(cell[7])).toBe(nodes * 24);
      expect(cell[9]).toBe((Number(cell[8]) / 100).toFixed(2));
      expect(cell[10]).toBe('USD');
    }
  });

  it('covers only days that have happened', async () => {
    const { report_url } = parsed(await generate({ from: '2026-06-14T00:00:00Z', to: '2026-06-20T00:00:00Z', report_expiration_in_seconds: 60 }), 200, usageReportResponseSchema);
    const csv = await fetchLink('GET', report_url ?? '');
    const rows = csv.text.trimEnd().split('\r\n').slice(1);
    expect(new Set(rows.map((row) => row.split(',')[0]))).toEqual(new Set(['2026-06-14', '2026-06-15']));
    // The name says the last day the file holds, never a day still to come.
    expect(csv.headers.get('Content-Disposition')).toBe('attachment; filename="usage-2026-06-14-to-2026-06-15.csv"');
  });

  it('revokes the report with DELETE on delete_report_url: the report URL then answers 404', async () => {
    const { reportUrl, deleteUrl } = await report();
    const deleted = await fetchLink('DELETE', deleteUrl);
    expect(deleted.status).toBe(204);
    expect(errorBody(await fetchLink('GET', reportUrl), 404).message).toBe('This report was deleted');
    errorBody(await fetchLink('DELETE', deleteUrl), 404);
  });

  it('answers 404 once the report has expired', async () => {
    const { reportUrl } = await report(60);
    app.clock.advance(59_000);
    expect((await fetchLink('GET', reportUrl)).status).toBe(200);
    app.clock.advance(1_000);
    expect(errorBody(await fetchLink('GET', reportUrl), 404).message).toBe('This report has expired');
  });

  it('answers 403 to a tampered link', async () => {
    const { reportUrl, deleteUrl } = await report();
    const flip = (url: string) => url.replace(/signature=(.)/, (_match, first: string) => `signature=${first === 'A' ? 'B' : 'A'}`);
    expect(errorBody(await fetchLink('GET', flip(reportUrl)), 403).message).toBe('This link is not valid: request a new one');
    errorBody(await fetchLink('DELETE', flip(deleteUrl)), 403);
    // A later expiry with the old signature, or the CSV's signature on the delete URL.
    errorBody(
      await fetchLink(
        'GET',
        reportUrl.replace(/expires=(\d+)/, (_match, expires: string) => `expires=${Number(expires) + 3600}`),
      ),
      403,
    );
    const csvSignature = new URL(reportUrl).searchParams.get('signature') ?? '';
    errorBody(await fetchLink('DELETE', deleteUrl.replace(/signature=[^&]+/, `signature=${csvSignature}`)), 403);
    errorBody(await fetchLink('GET', reportUrl.split('?')[0] ?? ''), 403);
    // The report survived every forged attempt.
    expect((await fetchLink('GET', reportUrl)).status).toBe(200);
  });

  it.each([
    { why: 'from after to', body: { from: '2026-05-04T00:00:00Z', to: '2026-05-01T00:00:00Z' }, field: 'to', message: 'The end must be after the start' },
    { why: 'from equal to to', body: { from: '2026-05-01T00:00:00Z', to: '2026-05-01T00:00:00Z' }, field: 'to', message: 'The end must be after the start' },
    { why: 'a period over a year', body: { from: '2025-01-01T00:00:00Z', to: '2026-01-03T00:00:00Z' }, field: 'to', message: 'A report covers at most one year' },
    { why: '366 days outside a leap year', body: { from: '2025-01-01T00:00:00Z', to: '2026-01-02T00:00:00Z' }, field: 'to', message: 'A report covers at most one year' },
    { why: 'a year and a millisecond', body: { from: '2025-03-10T12:00:00Z', to: '2026-03-10T12:00:00.001Z' }, field: 'to', message: 'A report covers at most one year' },
    { why: 'a year from a leap day, plus a day', body: { from: '2024-02-29T00:00:00Z', to: '2025-03-01T00:00:00Z' }, field: 'to', message: 'A report covers at most one year' },
    {
      why: 'a year counted in UTC, with offsets',
      body: { from: '2025-01-01T00:00:00+02:00', to: '2026-01-01T00:00:00-01:00' },
      field: 'to',
      message: 'A report covers at most one year',
    },
    { why: 'a link for 59 s', body: { report_expiration_in_seconds: 59 }, field: 'report_expiration_in_seconds', message: 'The link must stay valid for at least 60 seconds' },
    {
      why: 'a link for 7 days and 1 s',
      body: { report_expiration_in_seconds: 604_801 },
      field: 'report_expiration_in_seconds',
      message: 'The link can stay valid for at most 7 days',
    },
    {
      why: 'a fractional lifetime',
      body: { report_expiration_in_seconds: 90.5 },
      field: 'report_expiration_in_seconds',
      message: 'Link lifetime must be a whole number of seconds',
    },
    { why: 'a date without time', body: { from: '2026-05-01' }, field: 'from', message: 'Start must be an ISO 8601 date-time, like 2025-01-31T23:59:59Z' },
  ])('refuses $why', async ({ body, field, message }) => {
    const result = await generate({ ...PAST_PERIOD, report_expiration_in_seconds: 3600, ...body });
    expect(fieldError(errorBody(result, 400), field)).toBe(message);
  });

  it('accepts the lifetime bounds and a full calendar year, leap or not', async () => {
    for (const seconds of [60, 604_800]) expect((await generate({ ...PAST_PERIOD, report_expiration_in_seconds: seconds })).status).toBe(200);
    expect((await generate({ from: '2024-01-01T00:00:00Z', to: '2025-01-01T00:00:00Z', report_expiration_in_seconds: 60 })).status).toBe(200);
    expect((await generate({ from: '2025-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z', report_expiration_in_seconds: 60 })).status).toBe(200);
    expect((await generate({ from: '2025-03-10T12:00:00Z', to: '2026-03-10T12:00:00Z', report_expiration_in_seconds: 60 })).status).toBe(200);
    expect((await generate({ from: '2024-02-29T00:00:00Z', to: '2025-02-28T00:00:00Z', report_expiration_in_seconds: 60 })).status).toBe(200);
    expect((await generate({ from: '2025-01-01T00:00:00+02:00', to: '2025-12-31T22:00:00Z', report_expiration_in_seconds: 60 })).status).toBe(200);
  });
});

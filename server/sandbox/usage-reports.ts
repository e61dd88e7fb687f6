import { generateBillingUsageReport } from '#api/operation-actions';
import { addBillingDays, billingDay, startOfBillingDay } from '#lib/billing-calendar';
import { csvAmount, csvDocument } from '#lib/csv';
import type { Db } from '../db/database';
import { newId, seededRandom } from '../db/ids';
import type { SandboxContext } from './context';
import type { OperationRoutes } from './operation-routes';
import { NODE_MONTHLY_CENTS } from './pricing';
import { actorOf } from './organization-events';

export function usageReportCsvPath(reportId: string): string {
  return `/sandbox/usage-reports/${reportId}/csv`;
}

export function usageReportPath(reportId: string): string {
  return `/sandbox/usage-reports/${reportId}`;
}

export function usageReportRoutes(ctx: SandboxContext, routes: OperationRoutes): void {
  const insert = ctx.db.prepare(`INSERT INTO usage_reports (id, organization_id, period_from, period_to, created_at, expires_at, created_by, origin)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  routes.mountWithBody(generateBillingUsageReport, async ({ c, org, body: input }) => {
    await ctx.limits.expensive('usageReport', org.id);
    const now = ctx.now();
    const expiresAt = new Date(now.getTime() + input.report_expiration_in_seconds * 1000);
    const id = newId();
    const from = new Date(input.from).toISOString();
    const to = new Date(input.to).toISOString();
    const actor = actorOf(c);
    ctx.db.transaction(() => {
      // Who generated it, and through what: its signed delete link revokes it without a login (files.ts).
      insert.run(id, org.id, from, to, now.toISOString(), expiresAt.toISOString(), c.get('user').id, actor.origin);
      const change = { id, from, to, expires_at: expiresAt.toISOString() };
      ctx.events.record(org, actor, { type: 'EXPORT', subTarget: 'BILLING_USAGE_REPORT', change }, now);
    })();
    return {
      report_url: ctx.signer.url(ctx.publicUrl, usageReportCsvPath(id), expiresAt),
      delete_report_url: ctx.signer.url(ctx.publicUrl, usageReportPath(id), expiresAt),
    };
  });
}

interface ClusterUsageRow {
  id: string;
  name: string;
  cloud_provider: string;
  region: string;
  instance_type: string;
  min_running_nodes: number;
  max_running_nodes: number;
  created_at: string;
}

const HOURS_PER_MONTH = 730;
const USAGE_CURRENCY = 'USD';
const CSV_HEADER = ['date', 'cluster_id', 'cluster_name', 'cloud_provider', 'region', 'instance_type', 'nodes', 'node_hours', 'cost_in_cents', 'cost', 'currency_code'];

/**
 * The usage CSV: one row per cluster and UTC day of the period, for days the cluster existed and
 * that have already happened. Node counts are deterministic per cluster and day, between the
 * cluster's minimum and maximum. Laid out like the console's exports (src/lib/csv).
 */
export function renderUsageCsv(db: Db, organizationId: string, from: Date, to: Date, now: Date): string {
  const clusters = db
    .prepare<[string], ClusterUsageRow>(
      'SELECT id, name, cloud_provider, region, instance_type, min_running_nodes, max_running_nodes, created_at FROM clusters WHERE organization_id = ? ORDER BY name',
    )
    .all(organizationId);
  const rows: Array<Array<string | number>> = [];
  const end = Math.min(to.getTime(), now.getTime());
  for (let day = startOfBillingDay(from); day.getTime() < end; day = addBillingDays(day, 1)) {
    const dayEnd = addBillingDays(day, 1).getTime();
    const hours = (Math.min(dayEnd, end) - Math.max(day.getTime(), from.getTime())) / 3_600_000;
    if (hours <= 0) continue;
    for (const cluster of clusters) {
      if (Date.parse(cluster.created_at) >= dayEnd) continue;
      const random = seededRandom(`${cluster.id}:${billingDay(day)}`);
      const span = cluster.max_running_nodes - cluster.min_running_nodes;
      const nodes = cluster.min_running_nodes + Math.floor(random() * (span + 1));
      const nodeHours = Math.round(nodes * hours * 100) / 100;
      const cents = Math.round((nodeHours * (NODE_MONTHLY_CENTS[cluster.instance_type] ?? 5_000)) / HOURS_PER_MONTH);
      rows.push([
        billingDay(day),
        cluster.id,
        cluster.name,
        cluster.cloud_provider,
        cluster.region,
        cluster.instance_type,
        nodes,
        nodeHours,
        cents,
        csvAmount(cents, USAGE_CURRENCY),
        USAGE_CURRENCY,
      ]);
    }
  }
  return csvDocument(CSV_HEADER, rows);
}

/**
 * The report's file name, by the days the file holds: its end is exclusive, so the last day is the
 * one before, and a period still running ends today (the CSV holds only days that have happened).
 */
export function usageCsvFilename(periodFrom: string, periodTo: string, now: Date): string {
  const lastDay = Math.max(Date.parse(periodFrom), Math.min(Date.parse(periodTo) - 1, now.getTime()));
  return `usage-${billingDay(periodFrom)}-to-${billingDay(lastDay)}.csv`;
}

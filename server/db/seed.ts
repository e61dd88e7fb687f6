import { randomBytes } from 'node:crypto';
import type { Db } from './database';
import { hashToken, seededRandom, stableUuid } from './ids';
import { PLAN_CATALOG } from '#api/plans';
import type { InvoiceStatus, Plan } from '#api/contract';
import type { Role } from '#api/permissions';
import { addBillingDays, addBillingMonths, billingDay, startOfBillingMonth } from '#lib/billing-calendar';
import { formatBillingMonth } from '#lib/date-format';
import { billedToSnapshot } from '../sandbox/invoice-store';
import { NODE_MONTHLY_CENTS } from '../sandbox/pricing';
import { CLOUD_PLAN, monthlyPriceCents } from '#api/cloud-plans-catalog';
import { prorationCents } from '#api/proration';

export interface DemoUser {
  token: string;
  email: string;
  name: string;
  memberships: ReadonlyArray<{ organization: OrgKey; role: Role }>;
}

type OrgKey = 'acme' | 'globex' | 'initech';

/** The fixed demo tokens (README, sign-in page). */
export const DEMO_USERS: readonly DemoUser[] = [
  {
    token: 'sbx_admin_acme',
    email: 'admin@acme.test',
    name: 'Alex Martin',
    memberships: [
      { organization: 'acme', role: 'admin' },
      { organization: 'globex', role: 'viewer' },
      { organization: 'initech', role: 'admin' },
    ],
  },
  {
    token: 'sbx_billing_acme',
    email: 'finance@acme.test',
    name: 'Fran Ledger',
    memberships: [
      { organization: 'acme', role: 'billing_manager' },
      { organization: 'initech', role: 'billing_manager' },
    ],
  },
  { token: 'sbx_viewer_acme', email: 'dev@acme.test', name: 'Devi Patel', memberships: [{ organization: 'acme', role: 'viewer' }] },
  { token: 'sbx_admin_globex', email: 'admin@globex.test', name: 'Hank Scorpio', memberships: [{ organization: 'globex', role: 'admin' }] },
];

export const ORG_IDS: Record<OrgKey, string> = {
  acme: stableUuid('organization:acme'),
  globex: stableUuid('organization:globex'),
  initech: stableUuid('organization:initech'),
};

/** Seeded credit codes (README). */
export const DEMO_CREDIT_CODES = [
  { code: 'WELCOME100', amount_cents: 10_000, expires_at: null, max_redemptions: null, description: '$100 welcome credit, once per organization' },
  { code: 'PARTNER250', amount_cents: 25_000, expires_at: '2099-12-31T23:59:59.000Z', max_redemptions: null, description: '$250 partner credit, once per organization' },
  { code: 'STARTUP500', amount_cents: 50_000, expires_at: null, max_redemptions: 1, description: '$500 startup credit, single use: the first organization to redeem it gets it' },
  { code: 'SUMMER2024', amount_cents: 5_000, expires_at: '2024-09-30T23:59:59.000Z', max_redemptions: null, description: 'expired on 2024-09-30' },
] as const;

export interface SeedOptions {
  now?: Date;
  /** Creates the Initech organization with this many invoices, for scale tests and benchmarks. */
  largeOrgInvoices?: number;
}

const SELLER_TAX_RATE_BP = 2_000;
const NODE_FEE_CENTS = 1_500;

export function isSeeded(db: Db): boolean {
  return db.prepare('SELECT 1 FROM users LIMIT 1').get() !== undefined;
}

/** Every table but the migration log and the settings (which keep the signing secret). */
function dataTables(db: Db): string[] {
  return db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('schema_migrations', 'settings') AND name NOT LIKE 'sqlite_%'")
    .all()
    .map((row) => row.name);
}

/** Wipes every sandbox table and seeds the demo data again, in one transaction. */
export function resetDemoData(db: Db, options: SeedOptions = {}): void {
  const stored = db.prepare<[], { value: string }>("SELECT value FROM settings WHERE key = 'large_org_invoices'").get();
  const largeOrgInvoices = options.largeOrgInvoices ?? Number(stored?.value ?? 0);
  db.transaction(() => {
    // Foreign keys are checked at commit, so tables can be emptied in any order.
    db.pragma('defer_foreign_keys = ON');
    for (const table of dataTables(db)) db.prepare(`DELETE FROM "${table}"`).run();
    seedRows(db, { ...options, largeOrgInvoices });
  })();
}

export function seedDemoData(db: Db, options: SeedOptions = {}): void {
  db.transaction(() => seedRows(db, options))();
}

function seedRows(db: Db, options: SeedOptions): void {
  const now = options.now ?? new Date();
  const iso = (date: Date) => date.toISOString();

  const secret = db.prepare<[], { value: string }>("SELECT value FROM settings WHERE key = 'signing_secret'").get();
  if (!secret) db.prepare("INSERT INTO settings (key, value) VALUES ('signing_secret', ?)").run(randomBytes(32).toString('hex'));

  // Remembered so that a reset without options (POST /sandbox/reset) rebuilds the same organizations.
  db.prepare("INSERT INTO settings (key, value) VALUES ('large_org_invoices', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(
    String(options.largeOrgInvoices ?? 0),
  );

  const insertUser = db.prepare('INSERT INTO users (id, email, name, created_at) VALUES (?, ?, ?, ?)');
  const insertToken = db.prepare('INSERT INTO api_tokens (token_hash, user_id, label) VALUES (?, ?, ?)');
  const userIds = new Map<string, string>();
  for (const user of DEMO_USERS) {
    const id = stableUuid(`user:${user.email}`);
    userIds.set(user.email, id);
    insertUser.run(id, user.email, user.name, iso(addBillingMonths(now, -30)));
    insertToken.run(hashToken(user.token), id, 'demo token');
  }
  const userId = (email: string) => userIds.get(email) ?? '';

  const insertOrg = db.prepare(`INSERT INTO organizations
    (id, name, description, plan, website_url, repository, logo_url, icon_url, owner_id, created_at, updated_at,
     trial_ends_at, renewal_at, credit_cents, billing_external_id)
    VALUES (@id, @name, @description, @plan, @website_url, NULL, NULL, NULL, @owner_id, @created_at, @updated_at,
     @trial_ends_at, @renewal_at, @credit_cents, @billing_external_id)`);

  // Acme's invoices fall on its renewal day; anchoring it three days ago keeps the demo's statuses
  // (a fresh, still-unpaid invoice inside the 7-day grace period) true whatever the seeding date.
  const acmeAnchor = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - 3, 6));
  insertOrg.run({
    id: ORG_IDS.acme,
    name: 'Acme Corp',
    description: 'Rockets, anvils and cloud infrastructure',
    plan: 'TEAM_2025' satisfies Plan,
    website_url: 'https://acme.test',
    owner_id: userId('admin@acme.test'),
    created_at: iso(addBillingMonths(acmeAnchor, -27)),
    updated_at: iso(addBillingDays(now, -3)),
    trial_ends_at: null,
    // The anchor itself, not anchor + 1 month: that date may be clamped (Jan 31 + 1 month = Feb 28), and
    // renewals are counted from the stored date, so every later one would fall on the 28th.
    renewal_at: iso(acmeAnchor),
    credit_cents: 0,
    billing_external_id: 'cus_sbx_acme_7Hq2Lx',
  });
  const globexCreated = addBillingDays(now, -5);
  insertOrg.run({
    id: ORG_IDS.globex,
    name: 'Globex',
    description: 'Trial organization without a card or credit',
    plan: 'TEAM_2025' satisfies Plan,
    website_url: null,
    owner_id: userId('admin@globex.test'),
    created_at: iso(globexCreated),
    updated_at: iso(globexCreated),
    trial_ends_at: iso(addBillingDays(globexCreated, 14)),
    renewal_at: iso(addBillingDays(globexCreated, 14)),
    credit_cents: 0,
    billing_external_id: 'cus_sbx_globex_Pz81Kd',
  });
  const withLargeOrg = (options.largeOrgInvoices ?? 0) > 0;
  if (withLargeOrg) {
    insertOrg.run({
      id: ORG_IDS.initech,
      name: 'Initech',
      description: 'Large organization for scale tests',
      plan: 'ENTERPRISE_2025' satisfies Plan,
      website_url: null,
      owner_id: userId('admin@acme.test'),
      created_at: iso(addBillingMonths(now, -60)),
      updated_at: iso(now),
      trial_ends_at: null,
      renewal_at: iso(addBillingMonths(startOfBillingMonth(now), 1)),
      credit_cents: 0,
      billing_external_id: 'cus_sbx_initech_9Wm3Qa',
    });
  }

  const insertMembership = db.prepare('INSERT INTO memberships (user_id, organization_id, role) VALUES (?, ?, ?)');
  for (const user of DEMO_USERS) {
    for (const membership of user.memberships) {
      if (membership.organization === 'initech' && !withLargeOrg) continue;
      insertMembership.run(userId(user.email), ORG_IDS[membership.organization], membership.role);
    }
  }

  db.prepare(
    `INSERT INTO billing_info
    (organization_id, first_name, last_name, email, address, city, zip, state, country_code, company, vat_number, updated_at)
    VALUES (?, 'Alex', 'Martin', 'billing@acme.test', '12 rue de la Paix', 'Paris', '75002', NULL, 'FR', 'Acme Corp SAS', 'FR32123456789', ?)`,
  ).run(ORG_IDS.acme, iso(addBillingMonths(now, -20)));

  const insertCard = db.prepare(`INSERT INTO credit_cards (id, organization_id, brand, last4, expiry_month, expiry_year, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?)`);
  insertCard.run(stableUuid('card:acme:visa'), ORG_IDS.acme, 'VISA', '4242', 12, now.getUTCFullYear() + 2, iso(addBillingMonths(now, -10)));
  insertCard.run(stableUuid('card:acme:mastercard'), ORG_IDS.acme, 'MASTERCARD', '4444', 3, now.getUTCFullYear() - 1, iso(addBillingMonths(now, -26)));

  const insertCluster = db.prepare(`INSERT INTO clusters
    (id, organization_id, name, description, region, cloud_provider, instance_type, min_running_nodes, max_running_nodes,
     running_nodes, disk_size, cpu, memory, status, version, production, is_default, is_demo, created_at, updated_at)
    VALUES (@id, @organization_id, @name, @description, @region, @cloud_provider, @instance_type, @min, @max,
     @running, @disk_size, @cpu, @memory, 'DEPLOYED', @version, @production, @is_default, @is_demo, @created_at, @created_at)`);
  const clusters = [
    {
      key: 'acme:production-eu',
      org: ORG_IDS.acme,
      name: 'production-eu',
      description: 'Customer-facing workloads',
      region: 'eu-west-3',
      cloud_provider: 'AWS',
      instance_type: 'T3A_XLARGE',
      min: 3,
      max: 8,
      running: 5,
      cpuPerNode: 4_000,
      memoryPerNode: 16_384,
      production: 1,
      is_default: 1,
      is_demo: 0,
    },
    {
      key: 'acme:staging-us',
      org: ORG_IDS.acme,
      name: 'staging-us',
      description: 'Pre-production and previews',
      region: 'us-east-2',
      cloud_provider: 'AWS',
      instance_type: 'T3A_LARGE',
      min: 1,
      max: 3,
      running: 2,
      cpuPerNode: 2_000,
      memoryPerNode: 8_192,
      production: 0,
      is_default: 0,
      is_demo: 0,
    },
    {
      key: 'acme:analytics-gcp',
      org: ORG_IDS.acme,
      name: 'analytics-gcp',
      description: 'Batch analytics jobs',
      region: 'europe-west1',
      cloud_provider: 'GCP',
      instance_type: 'N2_STANDARD_4',
      min: 2,
      max: 4,
      running: 2,
      cpuPerNode: 4_000,
      memoryPerNode: 16_384,
      production: 1,
      is_default: 0,
      is_demo: 0,
    },
    {
      key: 'globex:demo',
      org: ORG_IDS.globex,
      name: 'demo-cluster',
      description: 'Qovery demo cluster',
      region: 'fr-par',
      cloud_provider: 'SCW',
      instance_type: 'DEV1_L',
      min: 1,
      max: 1,
      running: 1,
      cpuPerNode: 4_000,
      memoryPerNode: 8_192,
      production: 0,
      is_default: 1,
      is_demo: 1,
    },
  ];
  for (const cluster of clusters) {
    insertCluster.run({
      id: stableUuid(`cluster:${cluster.key}`),
      organization_id: cluster.org,
      name: cluster.name,
      description: cluster.description,
      region: cluster.region,
      cloud_provider: cluster.cloud_provider,
      instance_type: cluster.instance_type,
      min: cluster.min,
      max: cluster.max,
      running: cluster.running,
      disk_size: 50,
      cpu: cluster.cpuPerNode * cluster.running,
      memory: cluster.memoryPerNode * cluster.running,
      version: '1.31',
      production: cluster.production,
      is_default: cluster.is_default,
      is_demo: cluster.is_demo,
      created_at: iso(cluster.org === ORG_IDS.acme ? addBillingMonths(acmeAnchor, -26) : globexCreated),
    });
  }

  const insertCode = db.prepare(`INSERT INTO credit_codes (code, amount_cents, currency, expires_at, max_redemptions, description)
    VALUES (@code, @amount_cents, 'USD', @expires_at, @max_redemptions, @description)`);
  for (const code of DEMO_CREDIT_CODES) insertCode.run(code);

  const invoices = new InvoiceWriter(db);
  seedAcmeInvoices(invoices, acmeAnchor, now);
  if (withLargeOrg) seedLargeOrgInvoices(invoices, options.largeOrgInvoices ?? 0, now);
  seedAcmeCloudPlans(db, now);
}

/**
 * Cloud Plans (README): Acme subscribed 3 instances six months ago, went to 4 in its third month,
 * pays by Visa •4242, and its next renewal, issued yesterday, is unpaid until the paid period ends
 * in 8 days. Globex has no subscription.
 */
function seedAcmeCloudPlans(db: Db, now: Date): void {
  const periodEnd = addBillingDays(now, 8);
  const started = addBillingMonths(periodEnd, -6);
  const iso = (date: Date) => date.toISOString();
  const day = billingDay;
  db.prepare(
    `INSERT INTO cloud_subscriptions (id, organization_id, plan, quantity, status, started_at, payment_exp, updated_at)
    VALUES (?, ?, ?, 4, 'active', ?, ?, ?)`,
  ).run(stableUuid('cloud-subscription:acme'), ORG_IDS.acme, CLOUD_PLAN.id, iso(started), iso(periodEnd), iso(addBillingMonths(started, 2)));
  db.prepare(
    `INSERT INTO cloud_payment_methods (organization_id, brand, last4, expiry_month, expiry_year, updated_at)
    VALUES (?, 'VISA', '4242', 12, ?, ?)`,
  ).run(ORG_IDS.acme, now.getUTCFullYear() + 2, iso(started));

  const insert = db.prepare(`INSERT INTO cloud_billing_history (id, organization_id, status, date, due_date, amount_cents, description)
    VALUES (@id, @organization_id, @status, @date, @due_date, @amount_cents, @description)`);
  const entry = (key: string, status: 'paid' | 'unpaid', date: Date, due: Date, cents: number, description: string) =>
    insert.run({ id: stableUuid(`cloud-history:acme:${key}`), organization_id: ORG_IDS.acme, status, date: iso(date), due_date: iso(due), amount_cents: cents, description });

  for (let month = 0; month < 6; month += 1) {
    const from = addBillingMonths(started, month);
    const quantity = month < 2 ? 3 : 4;
    entry(`month:${month}`, 'paid', from, from, monthlyPriceCents(quantity), `${CLOUD_PLAN.name} plan, ${quantity} instances, ${day(from)} to ${day(addBillingMonths(from, 1))}`);
  }
  const upgradedAt = addBillingDays(addBillingMonths(started, 1), 20);
  const upgradeEnd = addBillingMonths(started, 2);
  entry(
    'upgrade',
    'paid',
    upgradedAt,
    upgradedAt,
    prorationCents(1, { start: addBillingMonths(started, 1), end: upgradeEnd }, upgradedAt),
    `1 more instance (3 to 4), prorated to ${day(upgradeEnd)}`,
  );
  entry(
    'renewal',
    'unpaid',
    addBillingDays(now, -1),
    periodEnd,
    monthlyPriceCents(4),
    `${CLOUD_PLAN.name} plan, 4 instances, ${day(periodEnd)} to ${day(addBillingMonths(periodEnd, 1))}`,
  );
}

interface InvoiceLine {
  description: string;
  quantity: number;
  unitCents: number;
}

interface InvoiceSpec {
  key: string;
  organizationId: string;
  createdAt: Date;
  periodStart: Date;
  periodEnd: Date;
  status: InvoiceStatus;
  currency: string;
  taxRateBp: number;
  lines: readonly InvoiceLine[];
}

/**
 * Writes invoices as the sandbox issues them: each with a snapshot of its organization's billing
 * details (`billed_to`, what its PDF prints), taken from the billing info seeded before the invoices.
 */
class InvoiceWriter {
  private readonly insertInvoice;
  private readonly insertLine;
  private readonly snapshot;
  /** One snapshot per organization: the seed does not change billing details between its invoices. */
  private readonly snapshots = new Map<string, string>();

  constructor(db: Db) {
    this.insertInvoice = db.prepare(`INSERT INTO invoices
      (id, organization_id, created_at, due_at, period_start, period_end, status, currency_code,
       subtotal_cents, tax_rate_bp, tax_cents, total_in_cents, billed_to)
      VALUES (@id, @organization_id, @created_at, @due_at, @period_start, @period_end, @status, @currency_code,
       @subtotal_cents, @tax_rate_bp, @tax_cents, @total_in_cents, @billed_to)`);
    this.insertLine = db.prepare(`INSERT INTO invoice_lines
      (invoice_id, position, description, quantity, unit_amount_cents, amount_cents) VALUES (?, ?, ?, ?, ?, ?)`);
    this.snapshot = billedToSnapshot(db);
  }

  private billedTo(organizationId: string): string {
    let billedTo = this.snapshots.get(organizationId);
    if (billedTo === undefined) {
      billedTo = this.snapshot(organizationId);
      this.snapshots.set(organizationId, billedTo);
    }
    return billedTo;
  }

  /** Writes invoices in date order, as they would have been issued. */
  write(specs: InvoiceSpec[]): void {
    specs.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    for (const spec of specs) {
      const id = stableUuid(`invoice:${spec.key}`);
      const subtotal = spec.lines.reduce((sum, line) => sum + line.quantity * line.unitCents, 0);
      const tax = Math.round((subtotal * spec.taxRateBp) / 10_000);
      this.insertInvoice.run({
        id,
        organization_id: spec.organizationId,
        created_at: spec.createdAt.toISOString(),
        due_at: addBillingDays(spec.createdAt, 30).toISOString(),
        period_start: spec.periodStart.toISOString(),
        period_end: spec.periodEnd.toISOString(),
        status: spec.status,
        currency_code: spec.currency,
        subtotal_cents: subtotal,
        tax_rate_bp: spec.taxRateBp,
        tax_cents: tax,
        total_in_cents: subtotal + tax,
        billed_to: this.billedTo(spec.organizationId),
      });
      spec.lines.forEach((line, position) => {
        this.insertLine.run(id, position + 1, line.description, line.quantity, line.unitCents, line.quantity * line.unitCents);
      });
    }
  }
}

/**
 * Acme: one subscription invoice per month for 26 months, quarterly EUR support invoices and a few
 * one-offs, covering all seven statuses. Unpaid invoices: a NOT_PAID overage from 5 days ago (inside
 * the 7-day grace period, so billing stays valid) and two PAYMENT_DUE invoices 11 and 14 months back,
 * one of which always falls in the previous calendar year.
 */
function seedAcmeInvoices(writer: InvoiceWriter, anchor: Date, now: Date): void {
  const random = seededRandom('acme-invoices');
  const specs: InvoiceSpec[] = [];
  const statusByMonth: Record<number, InvoiceStatus> = { 0: 'POSTED', 6: 'VOIDED', 11: 'PAYMENT_DUE', 20: 'UNKNOWN' };
  for (let month = 0; month < 26; month += 1) {
    const createdAt = addBillingMonths(anchor, -month);
    const periodStart = addBillingMonths(anchor, -month - 1);
    const plan = month < 12 ? PLAN_CATALOG.TEAM_2025 : PLAN_CATALOG.TEAM;
    const productionNodes = 3 + Math.floor(random() * 6);
    const stagingNodes = 1 + Math.floor(random() * 3);
    const lines: InvoiceLine[] = [
      { description: `${plan.name} plan, ${formatBillingMonth(periodStart, 'en-US')}`, quantity: 1, unitCents: plan.priceInCents },
      { description: 'production-eu: managed nodes (average)', quantity: productionNodes, unitCents: NODE_FEE_CENTS },
      { description: 'staging-us: managed nodes (average)', quantity: stagingNodes, unitCents: NODE_FEE_CENTS },
    ];
    const base = { organizationId: ORG_IDS.acme, periodStart, periodEnd: createdAt, currency: 'USD', taxRateBp: SELLER_TAX_RATE_BP, lines };
    specs.push({ ...base, key: `acme:monthly:${month}`, createdAt, status: statusByMonth[month] ?? 'PAID' });
    if (month === 6) {
      specs.push({ ...base, key: `acme:monthly:${month}:reissued`, createdAt: addBillingDays(createdAt, 2), status: 'PAID' });
    }
  }
  for (let month = 2; month < 26; month += 3) {
    const createdAt = addBillingDays(addBillingMonths(anchor, -month), 1);
    specs.push({
      key: `acme:support:${month}`,
      organizationId: ORG_IDS.acme,
      createdAt,
      periodStart: addBillingMonths(createdAt, -3),
      periodEnd: createdAt,
      status: month === 14 ? 'PAYMENT_DUE' : 'PAID',
      currency: 'EUR',
      taxRateBp: SELLER_TAX_RATE_BP,
      lines: [{ description: `Premium support (EU), quarter ending ${formatBillingMonth(createdAt, 'en-US')}`, quantity: 1, unitCents: 45_000 }],
    });
  }
  specs.push({
    key: 'acme:overage',
    organizationId: ORG_IDS.acme,
    createdAt: addBillingDays(now, -5),
    periodStart: addBillingMonths(anchor, -1),
    periodEnd: anchor,
    status: 'NOT_PAID',
    currency: 'USD',
    taxRateBp: SELLER_TAX_RATE_BP,
    lines: [{ description: 'Build minutes over plan allowance', quantity: 1_200, unitCents: 2 }],
  });
  specs.push({
    key: 'acme:upcoming',
    organizationId: ORG_IDS.acme,
    createdAt: addBillingDays(now, -1),
    periodStart: anchor,
    periodEnd: addBillingMonths(anchor, 1),
    status: 'PENDING',
    currency: 'USD',
    taxRateBp: SELLER_TAX_RATE_BP,
    lines: [{ description: `${PLAN_CATALOG.TEAM_2025.name} plan, ${formatBillingMonth(anchor, 'en-US')} (draft)`, quantity: 1, unitCents: PLAN_CATALOG.TEAM_2025.priceInCents }],
  });
  writer.write(specs);
}

const LARGE_ORG_STATUSES: readonly InvoiceStatus[] = [
  'PAID',
  'PAID',
  'PAID',
  'PAID',
  'PAID',
  'PAID',
  'PAID',
  'PAID',
  'PAID',
  'POSTED',
  'PAYMENT_DUE',
  'NOT_PAID',
  'VOIDED',
  'PENDING',
  'UNKNOWN',
];
const LARGE_ORG_CURRENCIES = ['USD', 'USD', 'USD', 'EUR', 'GBP'];

/** Initech: `count` invoices spread over the last five years, in three currencies and every status. */
function seedLargeOrgInvoices(writer: InvoiceWriter, count: number, now: Date): void {
  const random = seededRandom('initech-invoices');
  const spanMs = 5 * 365 * 24 * 3600 * 1000;
  const specs: InvoiceSpec[] = [];
  for (let i = 0; i < count; i += 1) {
    const createdAt = new Date(now.getTime() - 3 * 24 * 3600 * 1000 - Math.floor(random() * spanMs));
    const nodes = 1 + Math.floor(random() * 40);
    const instance = random() < 0.5 ? 'T3A_LARGE' : 'M5_LARGE';
    specs.push({
      key: `initech:${i}`,
      organizationId: ORG_IDS.initech,
      createdAt,
      periodStart: addBillingMonths(createdAt, -1),
      periodEnd: createdAt,
      status: LARGE_ORG_STATUSES[Math.floor(random() * LARGE_ORG_STATUSES.length)] ?? 'PAID',
      currency: LARGE_ORG_CURRENCIES[Math.floor(random() * LARGE_ORG_CURRENCIES.length)] ?? 'USD',
      taxRateBp: 0,
      lines: [{ description: `${instance} node-months`, quantity: nodes, unitCents: NODE_MONTHLY_CENTS[instance] ?? 5_000 }],
    });
  }
  writer.write(specs);
}

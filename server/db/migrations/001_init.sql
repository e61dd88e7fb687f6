-- Qovery Billing sandbox: organizations, members, billing data. Money is integer cents; times are ISO 8601 UTC.

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE users (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  created_at TEXT NOT NULL
);

-- Tokens are stored as SHA-256 hashes: the database never holds a usable credential.
CREATE TABLE api_tokens (
  token_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  label TEXT NOT NULL
);

CREATE TABLE organizations (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  description TEXT,
  plan TEXT NOT NULL,
  website_url TEXT,
  repository TEXT,
  logo_url TEXT,
  icon_url TEXT,
  owner_id TEXT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  trial_ends_at TEXT,
  renewal_at TEXT NOT NULL,
  credit_cents INTEGER NOT NULL DEFAULT 0 CHECK (credit_cents >= 0),
  billing_external_id TEXT NOT NULL UNIQUE
);

CREATE TABLE memberships (
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  organization_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('admin', 'billing_manager', 'viewer')),
  PRIMARY KEY (user_id, organization_id)
);
CREATE INDEX memberships_by_org ON memberships(organization_id);

CREATE TABLE billing_info (
  organization_id TEXT PRIMARY KEY REFERENCES organizations(id) ON DELETE CASCADE,
  first_name TEXT,
  last_name TEXT,
  email TEXT,
  address TEXT,
  city TEXT,
  zip TEXT,
  state TEXT,
  country_code TEXT,
  company TEXT,
  vat_number TEXT,
  updated_at TEXT NOT NULL
);

-- Only what may be kept of a card: never the number, never the security code.
CREATE TABLE credit_cards (
  id TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  brand TEXT NOT NULL,
  last4 TEXT NOT NULL CHECK (length(last4) = 4),
  expiry_month INTEGER NOT NULL CHECK (expiry_month BETWEEN 1 AND 12),
  expiry_year INTEGER NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX credit_cards_by_org ON credit_cards(organization_id, created_at);

-- Replays of POST creditCard with the same Idempotency-Key return the first card instead of adding another.
CREATE TABLE idempotency_keys (
  organization_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  credit_card_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (organization_id, key)
);

CREATE TABLE credit_codes (
  code TEXT PRIMARY KEY,
  amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
  currency TEXT NOT NULL,
  expires_at TEXT,
  -- NULL: once per organization, any number of organizations; N: at most N redemptions overall.
  max_redemptions INTEGER,
  description TEXT NOT NULL
);

CREATE TABLE credit_redemptions (
  code TEXT NOT NULL REFERENCES credit_codes(code),
  organization_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  redeemed_at TEXT NOT NULL,
  PRIMARY KEY (code, organization_id)
);

CREATE TABLE invoices (
  id TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  number TEXT NOT NULL,
  created_at TEXT NOT NULL,
  due_at TEXT NOT NULL,
  period_start TEXT NOT NULL,
  period_end TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('NOT_PAID', 'PAID', 'PAYMENT_DUE', 'PENDING', 'POSTED', 'UNKNOWN', 'VOIDED')),
  currency_code TEXT NOT NULL,
  subtotal_cents INTEGER NOT NULL,
  tax_rate_bp INTEGER NOT NULL,
  tax_cents INTEGER NOT NULL,
  total_in_cents INTEGER NOT NULL CHECK (total_in_cents = subtotal_cents + tax_cents)
);
CREATE INDEX invoices_by_org ON invoices(organization_id, created_at DESC);

CREATE TABLE invoice_lines (
  invoice_id TEXT NOT NULL REFERENCES invoices(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  description TEXT NOT NULL,
  quantity INTEGER NOT NULL,
  unit_amount_cents INTEGER NOT NULL,
  amount_cents INTEGER NOT NULL,
  PRIMARY KEY (invoice_id, position)
);

CREATE TABLE clusters (
  id TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  description TEXT NOT NULL,
  region TEXT NOT NULL,
  cloud_provider TEXT NOT NULL,
  instance_type TEXT NOT NULL,
  min_running_nodes INTEGER NOT NULL,
  max_running_nodes INTEGER NOT NULL,
  running_nodes INTEGER NOT NULL,
  disk_size INTEGER NOT NULL,
  cpu INTEGER NOT NULL,
  memory INTEGER NOT NULL,
  status TEXT NOT NULL,
  version TEXT NOT NULL,
  production INTEGER NOT NULL,
  is_default INTEGER NOT NULL,
  is_demo INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (min_running_nodes <= running_nodes AND running_nodes <= max_running_nodes)
);
CREATE INDEX clusters_by_org ON clusters(organization_id);

CREATE TABLE usage_reports (
  id TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  period_from TEXT NOT NULL,
  period_to TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  revoked_at TEXT
);

-- The sandbox's mail outbox: what a real backend would have sent by email.
CREATE TABLE outbox (
  id TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  to_address TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL,
  attachment_name TEXT,
  attachment_type TEXT,
  attachment BLOB
);
CREATE INDEX outbox_by_org ON outbox(organization_id, created_at DESC);

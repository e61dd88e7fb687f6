-- Cloud Plans sandbox: subscriptions per instance, their billing history, hosted checkout sessions and
-- the card subscriptions are charged to. Money is integer cents; times are ISO 8601 UTC.

CREATE TABLE cloud_subscriptions (
  id TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  plan TEXT NOT NULL,
  quantity INTEGER NOT NULL CHECK (quantity > 0),
  status TEXT NOT NULL CHECK (status IN ('active', 'canceled')),
  started_at TEXT NOT NULL,
  -- The end of the period already paid for.
  payment_exp TEXT NOT NULL,
  canceled_at TEXT,
  cancel_reason TEXT,
  updated_at TEXT NOT NULL,
  CHECK ((status = 'canceled') = (canceled_at IS NOT NULL))
);
-- At most one active subscription per organization; canceled ones stay for the record.
CREATE UNIQUE INDEX cloud_subscriptions_one_active ON cloud_subscriptions(organization_id) WHERE status = 'active';

CREATE TABLE cloud_billing_history (
  id TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  status TEXT NOT NULL CHECK (status IN ('paid', 'unpaid')),
  date TEXT NOT NULL,
  due_date TEXT NOT NULL,
  amount_cents INTEGER NOT NULL CHECK (amount_cents >= 0),
  description TEXT NOT NULL
);
CREATE INDEX cloud_billing_history_by_org ON cloud_billing_history(organization_id, date DESC);

-- Hosted checkout and update-card pages. Their link carries an unguessable token: whoever holds it may
-- use it once, before it expires. Only the token's SHA-256 is stored, like API tokens.
CREATE TABLE cloud_checkout_sessions (
  token_hash TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('subscribe', 'update_card')),
  quantity INTEGER CHECK (quantity IS NULL OR quantity > 0),
  created_by TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  completed_at TEXT,
  CHECK ((kind = 'subscribe') = (quantity IS NOT NULL))
);

-- Only what may be kept of a card: never the number, never the security code.
CREATE TABLE cloud_payment_methods (
  organization_id TEXT PRIMARY KEY REFERENCES organizations(id) ON DELETE CASCADE,
  brand TEXT NOT NULL,
  last4 TEXT NOT NULL CHECK (length(last4) = 4),
  expiry_month INTEGER NOT NULL CHECK (expiry_month BETWEEN 1 AND 12),
  expiry_year INTEGER NOT NULL,
  updated_at TEXT NOT NULL
);

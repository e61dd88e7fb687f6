-- Billing activity (getOrganizationEvents): one row per billing change, written in the same transaction
-- as the change. Never a card number or a security code: a card is its brand, last 4 and expiry.
CREATE TABLE organization_events (
  id TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  -- ISO 8601 with nanoseconds, fixed width, so that text order is time order. Unique per organization:
  -- events recorded within the same nanosecond are moved one nanosecond apart (see organization-events.ts),
  -- which makes it the paging token the contract describes ("a timestamp with nano precision").
  timestamp TEXT NOT NULL,
  event_type TEXT NOT NULL,
  target_type TEXT NOT NULL,
  target_id TEXT,
  target_name TEXT NOT NULL,
  sub_target_type TEXT,
  change TEXT NOT NULL,
  original_change TEXT,
  origin TEXT NOT NULL,
  triggered_by TEXT NOT NULL,
  user_agent TEXT,
  UNIQUE (organization_id, timestamp)
);

-- A hosted checkout or card update completes what a getpaymentlink/getupdatecardlink call started: its
-- event carries that call's origin.
ALTER TABLE cloud_checkout_sessions ADD COLUMN origin TEXT;

-- "Download all invoices" jobs (the contract answers 202). Written by the request that asks, so that
-- a crash before the mail is built loses nothing: pending jobs are resumed at start.
CREATE TABLE invoice_mail_jobs (
  id TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  requested_at TEXT NOT NULL,
  -- Set in the transaction that puts the mail in the outbox, and only if still NULL: a job's mail is
  -- delivered once, however many processes built it.
  delivered_at TEXT,
  mail_id TEXT
);
-- One pending job per organization: a request made while its mail is being built is answered by that mail.
CREATE UNIQUE INDEX invoice_mail_jobs_one_pending ON invoice_mail_jobs(organization_id) WHERE delivered_at IS NULL;

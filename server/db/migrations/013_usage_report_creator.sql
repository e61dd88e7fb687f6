-- A usage report's delete_report_url is a signed link with no login: revoking it is attributed to whoever
-- generated the report, through what they generated it (as a hosted checkout is to who asked for its link).
-- Reports generated before this migration have neither and their revocation records no event.
ALTER TABLE usage_reports ADD COLUMN created_by TEXT REFERENCES users(id) ON DELETE SET NULL;
ALTER TABLE usage_reports ADD COLUMN origin TEXT;

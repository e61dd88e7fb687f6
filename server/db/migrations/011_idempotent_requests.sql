-- Idempotency-Key on POST (like Stripe's): the first answer to a key, replayed to every retry of the same
-- request for 24 hours. Replaces idempotency_keys, which remembered only the card each key had added.
CREATE TABLE idempotent_requests (
  -- Whose key it is: "user:<id>" for the API (a key is the caller's own), "page:<hash of the path>" for
  -- the hosted checkout pages, whose secret link is the credential.
  scope TEXT NOT NULL,
  key TEXT NOT NULL,
  -- A keyed hash (HMAC) of method, path, query and body: a replay must be the same request. Never the body
  -- itself, which may hold a card number.
  fingerprint TEXT NOT NULL,
  created_at TEXT NOT NULL,
  request_id TEXT NOT NULL,
  -- NULL while the first request is being answered.
  status INTEGER,
  headers TEXT,
  body BLOB,
  PRIMARY KEY (scope, key)
);
CREATE INDEX idempotent_requests_by_age ON idempotent_requests(created_at);

DROP TABLE idempotency_keys;

-- Below this many answers a figure is shown as "fewer than N responses" (never below 5).
ALTER TABLE organisations
  ADD COLUMN small_number_threshold integer NOT NULL DEFAULT 10 CHECK (small_number_threshold >= 5);

-- People who run an organisation's surveys. An email address belongs to one organisation.
-- handle is a random short name for URLs, so no database id or email address appears in one.
CREATE TABLE officers (
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  id uuid NOT NULL,
  email text NOT NULL CHECK (email = lower(email)),
  role text NOT NULL CHECK (role IN ('admin', 'analyst', 'viewer')),
  handle text NOT NULL CHECK (handle ~ '^[a-z0-9]{8,}$'),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, id),
  UNIQUE (id),
  UNIQUE (email),
  UNIQUE (organisation_id, handle)
);

-- One-time sign-in links. Only a SHA-256 hash of the token is kept; used_at makes each single-use.
CREATE TABLE sign_in_links (
  token_hash text PRIMARY KEY,
  organisation_id uuid NOT NULL,
  officer_id uuid NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (organisation_id, officer_id) REFERENCES officers (organisation_id, id) ON DELETE CASCADE
);
CREATE INDEX sign_in_links_expires_at ON sign_in_links (expires_at);

-- Requests for sign-in links, for rate limiting. Keys are hashes of the address or the client, never
-- the address itself, and rows older than the window are cleared.
CREATE TABLE sign_in_requests (
  key_hash text NOT NULL,
  requested_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sign_in_requests_key ON sign_in_requests (key_hash, requested_at);

-- Who did what: sign-ins, downloads, survey and role changes. actor keeps the address at the time,
-- so the record outlives the officer.
CREATE TABLE audit_events (
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  id uuid NOT NULL,
  occurred_at timestamptz NOT NULL DEFAULT now(),
  officer_id uuid,
  actor text NOT NULL,
  action text NOT NULL,
  subject text,
  details jsonb NOT NULL DEFAULT '{}'::jsonb,
  PRIMARY KEY (organisation_id, id)
);
CREATE INDEX audit_events_recent ON audit_events (organisation_id, occurred_at DESC);

-- A young person may be at risk: they asked to talk to someone (a help request), or a free-text answer
-- held words from the organisation's safeguarding list. Raised in the same transaction as what raised
-- it. The words that raised it are copied here, so the alert outlives the response's own retention and
-- any erasure of it; it has its own retention (organisations.safeguarding_retention_months).
CREATE TABLE safeguarding_alerts (
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  id uuid NOT NULL,
  -- A random short name for URLs, so no database id appears in one.
  handle text NOT NULL CHECK (handle ~ '^[a-z0-9]{10,}$'),
  kind text NOT NULL CHECK (kind IN ('help-request', 'free-text')),
  survey_id uuid,
  language text NOT NULL,
  -- Free text: the response whose words raised it. Help request: the respondent's draft, only when
  -- the young person said their answers may be looked at; otherwise null.
  response_id uuid,
  draft_id uuid,
  -- Why it was raised and what was said: [{ "questionId", "text", "phrases": [...] }] for free text.
  reasons jsonb NOT NULL DEFAULT '[]'::jsonb,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'acknowledged', 'closed')),
  raised_at timestamptz NOT NULL,
  acknowledged_at timestamptz,
  acknowledged_by text,
  closed_at timestamptz,
  closed_by text,
  escalated_at timestamptz,
  PRIMARY KEY (organisation_id, id),
  UNIQUE (organisation_id, handle)
);
CREATE INDEX safeguarding_alerts_open ON safeguarding_alerts (organisation_id, status, raised_at);

-- What a young person wrote on the "talk to someone" page. Not linked to any response unless they
-- ticked that it may be (safeguarding_alerts.draft_id).
CREATE TABLE help_requests (
  organisation_id uuid NOT NULL,
  alert_id uuid NOT NULL,
  name text CHECK (length(name) <= 100),
  contact_method text NOT NULL CHECK (contact_method IN ('phone', 'email', 'school', 'none')),
  contact_detail text CHECK (length(contact_detail) <= 254),
  school text CHECK (length(school) <= 200),
  message text CHECK (length(message) <= 2000),
  answers_may_be_seen boolean NOT NULL DEFAULT false,
  PRIMARY KEY (organisation_id, alert_id),
  FOREIGN KEY (organisation_id, alert_id) REFERENCES safeguarding_alerts (organisation_id, id) ON DELETE CASCADE
);

-- What officers did about an alert, in their words.
CREATE TABLE safeguarding_alert_notes (
  organisation_id uuid NOT NULL,
  alert_id uuid NOT NULL,
  id uuid NOT NULL,
  officer_id uuid,
  actor text NOT NULL,
  note text NOT NULL CHECK (length(note) BETWEEN 1 AND 5000),
  written_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, alert_id) REFERENCES safeguarding_alerts (organisation_id, id) ON DELETE CASCADE
);

-- One email per alert, person and reason, ever: the outbox of alert emails. The reason is in the key so
-- an admin told as a safeguarding contact is still told, once, when the alert becomes overdue. A row is
-- written (in the alert's transaction, or at escalation) before anything is sent; sent_at is set once
-- the mail server took it.
CREATE TABLE safeguarding_alert_emails (
  organisation_id uuid NOT NULL,
  alert_id uuid NOT NULL,
  officer_id uuid NOT NULL,
  reason text NOT NULL CHECK (reason IN ('alert', 'escalation')),
  created_at timestamptz NOT NULL,
  sent_at timestamptz,
  -- A worker sending it holds it until then, so another worker leaves it alone; a worker that died
  -- mid-send lets it go when this passes. Held outside any transaction: SMTP can be slow.
  sending_until timestamptz,
  attempts integer NOT NULL DEFAULT 0,
  PRIMARY KEY (organisation_id, alert_id, officer_id, reason),
  FOREIGN KEY (organisation_id, alert_id) REFERENCES safeguarding_alerts (organisation_id, id) ON DELETE CASCADE
);
CREATE INDEX safeguarding_alert_emails_unsent ON safeguarding_alert_emails (organisation_id, alert_id) WHERE sent_at IS NULL;

-- Words and phrases that raise an alert when a free-text answer holds them, per language. An
-- organisation starts from the defaults shipped for each language (surveys/safeguarding-phrases/<lng>.json);
-- its first change copies them here, and from then on the list is its own.
CREATE TABLE safeguarding_phrases (
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  language text NOT NULL,
  phrase text NOT NULL CHECK (length(phrase) BETWEEN 2 AND 100),
  PRIMARY KEY (organisation_id, language, phrase)
);

-- Each "talk to someone" form carries a random one-time key. Keeping it here, in the help request's
-- transaction, makes a double click or a resent form raise one help request, not two. The keyed hashes
-- of the address and of the browser's session (never either itself) limit how many help requests one
-- client can send in an hour, so nobody can flood the safeguarding team. Rows go after a day.
CREATE TABLE help_request_keys (
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  form_key uuid NOT NULL,
  client_key text NOT NULL,
  browser_key text NOT NULL,
  sent_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, form_key)
);
CREATE INDEX help_request_keys_client ON help_request_keys (organisation_id, client_key, sent_at);
CREATE INDEX help_request_keys_browser ON help_request_keys (organisation_id, browser_key, sent_at);

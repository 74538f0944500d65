-- Inviting people to a survey by email: contact lists uploaded as CSV, one invitation per contact,
-- and an outbox row per email sent (the invitation, then each reminder).
--
-- Anonymity: nothing here is ever joined to responses or drafts. An invitation knows only whether
-- its contact has answered (a boolean, with no time); a response knows nothing of any invitation.
-- Contact lists are deleted a set time after their survey closes (CONTACT_LISTS_KEPT_DAYS).

-- One uploaded CSV for one survey. 'checked' while the analyst looks at the bad rows and the email;
-- 'sending' once they send it. problems holds bad rows by row number and reason, never their cells.
CREATE TABLE contact_lists (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL,
  handle text NOT NULL CHECK (handle ~ '^[a-z0-9]{10}$'),
  survey_id uuid NOT NULL,
  status text NOT NULL CHECK (status IN ('checked', 'sending')),
  problems jsonb NOT NULL DEFAULT '[]'::jsonb,
  reminder_days integer[] NOT NULL DEFAULT '{}',
  uploaded_at timestamptz NOT NULL,
  sent_at timestamptz,
  PRIMARY KEY (organisation_id, id),
  UNIQUE (organisation_id, handle),
  FOREIGN KEY (organisation_id, survey_id) REFERENCES surveys (organisation_id, id)
);
CREATE INDEX contact_lists_survey ON contact_lists (organisation_id, survey_id);

-- A contact and their invitation. answered is all that is recorded about a response: no time, no id.
CREATE TABLE invitations (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL,
  list_id uuid NOT NULL,
  survey_id uuid NOT NULL,
  row_number integer NOT NULL,
  email text NOT NULL,
  name text,
  language text NOT NULL,
  contact_group text,
  answered boolean NOT NULL DEFAULT false,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, list_id) REFERENCES contact_lists (organisation_id, id) ON DELETE CASCADE
);
-- One invitation per address per survey, whichever list it came on.
CREATE UNIQUE INDEX invitations_survey_email ON invitations (organisation_id, survey_id, lower(email));
CREATE INDEX invitations_list ON invitations (organisation_id, list_id);

-- The outbox: one row per email, keyed by invitation and kind ('invitation', 'reminder-7', ...), so
-- the same email can never be queued twice. A worker claims a row (status 'sending', held_until)
-- before it sends and marks it sent as soon as the mail service took it; a row whose worker died
-- mid-send is claimed again once held_until passes. token_hash is the sha256 of the link token in
-- that email: the token itself is made by the worker and exists only in the email.
CREATE TABLE invitation_emails (
  organisation_id uuid NOT NULL,
  invitation_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind ~ '^(invitation|reminder-[0-9]{1,2})$'),
  status text NOT NULL CHECK (status IN ('queued', 'sending', 'sent', 'failed', 'cancelled')),
  due_at timestamptz NOT NULL,
  held_until timestamptz,
  attempts integer NOT NULL DEFAULT 0,
  token_hash text UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  failure text,
  sent_at timestamptz,
  PRIMARY KEY (organisation_id, invitation_id, kind),
  FOREIGN KEY (organisation_id, invitation_id) REFERENCES invitations (organisation_id, id) ON DELETE CASCADE
);
CREATE INDEX invitation_emails_due ON invitation_emails (due_at) WHERE status IN ('queued', 'sending');

-- Addresses that asked for no more invitations from this organisation, as sha256 of the lower-case
-- address: kept after their contact list is deleted, so a later list cannot email them again.
CREATE TABLE unsubscribed_addresses (
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  email_hash text NOT NULL CHECK (email_hash ~ '^[0-9a-f]{64}$'),
  unsubscribed_on date NOT NULL,
  PRIMARY KEY (organisation_id, email_hash)
);

-- The deployment's sending timetable: the next free moment to send an invitation email. Lists take
-- their slots from it at INVITATIONS_PER_MINUTE, so the rate holds across organisations and however
-- many workers send. Not a tenant table: it holds one time and nothing else.
CREATE TABLE invitation_send_schedule (
  id integer PRIMARY KEY CHECK (id = 1),
  next_free_at timestamptz NOT NULL
);
INSERT INTO invitation_send_schedule (id, next_free_at) VALUES (1, '2000-01-01T00:00:00Z');

-- Carrying on on another device, shared devices, and how each response was collected.

-- How a response was collected: answered online, in a group session, or typed in by an officer from
-- a face-to-face talk, a phone call or a paper form. Results and exports can tell them apart.
ALTER TABLE responses ADD COLUMN collection_method text NOT NULL DEFAULT 'online'
  CHECK (collection_method IN ('online', 'group-session', 'face-to-face', 'phone', 'paper'));
ALTER TABLE held_responses ADD COLUMN collection_method text NOT NULL DEFAULT 'online'
  CHECK (collection_method IN ('online', 'group-session', 'face-to-face', 'phone', 'paper'));

-- A draft an officer types in from paper, a talk or a call: how it was collected, and which officer
-- typed it (for the audit log; no foreign key, so removing an officer never blocks on a draft).
ALTER TABLE drafts
  ADD COLUMN collection_method text CHECK (collection_method IN ('face-to-face', 'phone', 'paper')),
  ADD COLUMN entered_by uuid,
  ADD CONSTRAINT drafts_entered_together CHECK ((collection_method IS NULL) = (entered_by IS NULL));

-- A group session on shared devices (a kiosk at an event, tablets passed round a drop-in): nothing
-- that carries on a draft is left on the device, and a device left alone for idle_minutes warns,
-- then clears the draft for the next person.
ALTER TABLE group_sessions
  ADD COLUMN shared_devices boolean NOT NULL DEFAULT false,
  ADD COLUMN idle_minutes integer NOT NULL DEFAULT 3 CHECK (idle_minutes BETWEEN 1 AND 30);

-- "Email me a link to carry on": the link's token is random and only its sha256 (hex) is kept. A
-- link lives exactly as long as its draft: sending the answers, starting again or the retention
-- sweep deletes the draft, and its links with it.
CREATE TABLE resume_links (
  organisation_id uuid NOT NULL,
  token_hash text NOT NULL CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  survey_id uuid NOT NULL,
  draft_id uuid NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, token_hash),
  FOREIGN KEY (organisation_id, draft_id) REFERENCES drafts (organisation_id, id) ON DELETE CASCADE
);
CREATE INDEX resume_links_draft ON resume_links (organisation_id, draft_id);

-- The outbox of those emails. The address is kept only until the email has gone: the job deletes
-- the row once the mail server has taken it (and the draft's deletion takes it too), so no address
-- is ever kept with a draft or a response. sending_until holds a row while one worker sends it.
CREATE TABLE resume_emails (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL,
  survey_id uuid NOT NULL,
  draft_id uuid NOT NULL,
  email text NOT NULL,
  language text NOT NULL,
  requested_at timestamptz NOT NULL,
  sending_until timestamptz,
  attempts integer NOT NULL DEFAULT 0,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, draft_id) REFERENCES drafts (organisation_id, id) ON DELETE CASCADE
);
CREATE INDEX resume_emails_draft ON resume_emails (organisation_id, draft_id);

-- Asking for a link counts against the sender like a start does (a keyed hash of the address,
-- swept after a day with the rest of response_activity).
ALTER TABLE response_activity DROP CONSTRAINT response_activity_action_check;
ALTER TABLE response_activity ADD CONSTRAINT response_activity_action_check
  CHECK (action IN ('start', 'submit', 'resume-email'));

-- A class answering together behind one address: a short code an officer opens for a few hours that
-- lifts the per-address limits (and the burst rule) for those who start through it. Ending one early
-- moves expires_at to that moment, so "open" is always expires_at > now.
CREATE TABLE group_sessions (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL,
  survey_id uuid NOT NULL,
  code text NOT NULL CHECK (code ~ '^[A-Z0-9]{6,12}$'),
  label text CHECK (length(label) <= 100),
  created_by text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  ended_early_by text,
  PRIMARY KEY (organisation_id, id),
  -- Codes are typed by children without saying which organisation they are in, so one code is one session.
  UNIQUE (code),
  FOREIGN KEY (organisation_id, survey_id) REFERENCES surveys (organisation_id, id)
);
CREATE INDEX group_sessions_survey ON group_sessions (organisation_id, survey_id, expires_at);

-- When a draft was started (to see a response sent faster than anyone could read it) and through which
-- group session. No address, nor any key made from one, is kept on the draft.
ALTER TABLE drafts
  ADD COLUMN started_at timestamptz,
  ADD COLUMN group_session_id uuid,
  ADD FOREIGN KEY (organisation_id, group_session_id) REFERENCES group_sessions (organisation_id, id);

-- Responses that look automated wait here, outside every count, until an analyst includes them (moved
-- to responses, keeping their id and reference) or discards them (deleted). The same columns as
-- responses, so a move is one INSERT SELECT; draft_id is unique here too, and a draft only ever becomes
-- one row in one of the two tables (the submit locks the draft and deletes it in the same transaction).
CREATE TABLE held_responses (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL,
  survey_id uuid NOT NULL,
  version integer NOT NULL,
  language text NOT NULL,
  reference text NOT NULL,
  draft_id uuid NOT NULL,
  answers jsonb NOT NULL,
  submitted_at timestamptz NOT NULL,
  -- From the draft, to show how long it took; null for drafts started before this was recorded.
  started_at timestamptz,
  held_at timestamptz NOT NULL,
  -- Why: 'too-fast', 'burst', 'repeated-answers'.
  hold_reasons text[] NOT NULL CHECK (
    cardinality(hold_reasons) > 0 AND hold_reasons <@ ARRAY['too-fast', 'burst', 'repeated-answers']
  ),
  PRIMARY KEY (organisation_id, id),
  UNIQUE (draft_id),
  UNIQUE (organisation_id, reference),
  FOREIGN KEY (organisation_id, survey_id, version) REFERENCES survey_versions (organisation_id, survey_id, version)
);
CREATE INDEX held_responses_survey ON held_responses (organisation_id, survey_id, submitted_at);

-- Starts and submits per client, for the limits and the burst rules. client_key is a keyed hash of the
-- address with the organisation (never the address); rows older than a day are deleted by the
-- retention sweep. Starts and submits through a group session are recorded with it and do not count
-- against the address.
CREATE TABLE response_activity (
  organisation_id uuid NOT NULL,
  client_key text NOT NULL,
  action text NOT NULL CHECK (action IN ('start', 'submit')),
  occurred_at timestamptz NOT NULL,
  group_session_id uuid,
  -- For submits: a keyed hash of the answers, to see the same answers repeated in a burst.
  answers_hash text
);
CREATE INDEX response_activity_client ON response_activity (organisation_id, client_key, action, occurred_at);

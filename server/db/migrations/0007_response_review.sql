-- Who started a draft, as a keyed hash of their address (never the address), when, and in which
-- group session, so limits and holding can judge it at submit.
ALTER TABLE drafts
  ADD COLUMN client_key text,
  ADD COLUMN started_at timestamptz,
  ADD COLUMN group_session_id uuid;

-- Responses that look automated wait here, outside every count, until an analyst includes them (moved
-- to responses) or discards them (deleted). Same columns as responses, so a move is one INSERT SELECT;
-- draft_id is unique here too, and a draft only ever becomes one row in one of the two tables.
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
  held_at timestamptz NOT NULL,
  -- Why: 'too-fast', 'burst', 'repeated-answers'.
  hold_reasons text[] NOT NULL CHECK (cardinality(hold_reasons) > 0),
  PRIMARY KEY (organisation_id, id),
  UNIQUE (draft_id),
  UNIQUE (organisation_id, reference),
  FOREIGN KEY (organisation_id, survey_id, version) REFERENCES survey_versions (organisation_id, survey_id, version)
);
CREATE INDEX held_responses_survey ON held_responses (organisation_id, survey_id, submitted_at);

-- Starts and submits per client in the recent window, for the limits. client_key is a keyed hash of
-- the address; rows older than a day are deleted.
CREATE TABLE response_activity (
  organisation_id uuid NOT NULL,
  client_key text NOT NULL,
  action text NOT NULL CHECK (action IN ('start', 'submit')),
  occurred_at timestamptz NOT NULL,
  -- For submits: a hash of the answers, to see the same answers repeated in a burst.
  answers_hash text
);
CREATE INDEX response_activity_client ON response_activity (organisation_id, client_key, action, occurred_at);

-- A class answering together behind one address: a short code an officer opens for a few hours that
-- lifts the per-address limits for those who start through it.
CREATE TABLE group_sessions (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL,
  survey_id uuid NOT NULL,
  code text NOT NULL CHECK (code ~ '^[A-Z0-9]{6,12}$'),
  label text CHECK (length(label) <= 100),
  created_by text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, id),
  UNIQUE (code),
  FOREIGN KEY (organisation_id, survey_id) REFERENCES surveys (organisation_id, id)
);

-- Organisations are the tenants. Every other tenant table carries organisation_id and is keyed by it
-- first, so the data can later be distributed or split by organisation.
CREATE TABLE organisations (
  id uuid PRIMARY KEY,
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- A survey an organisation runs; its questions and words live in survey_versions.
CREATE TABLE surveys (
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  id uuid NOT NULL,
  slug text NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  template_id text NOT NULL,
  status text NOT NULL CHECK (status IN ('draft', 'open', 'closed')),
  opens_at timestamptz,
  closes_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, id),
  UNIQUE (organisation_id, slug),
  UNIQUE (id)
);

-- Published versions never change; a change to a survey that has responses publishes a new one.
CREATE TABLE survey_versions (
  organisation_id uuid NOT NULL,
  survey_id uuid NOT NULL,
  version integer NOT NULL CHECK (version > 0),
  definition jsonb NOT NULL,
  words jsonb NOT NULL,
  published_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, survey_id, version),
  FOREIGN KEY (organisation_id, survey_id) REFERENCES surveys (organisation_id, id)
);

-- Answers saved as a respondent goes, keyed by a random id held only in the respondent's cookie.
CREATE TABLE drafts (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL,
  survey_id uuid NOT NULL,
  version integer NOT NULL,
  language text NOT NULL,
  answers jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, id),
  UNIQUE (id),
  FOREIGN KEY (organisation_id, survey_id, version) REFERENCES survey_versions (organisation_id, survey_id, version)
);
CREATE INDEX drafts_expires_at ON drafts (expires_at);

-- One row per submitted response. draft_id is unique so a draft can only ever be submitted once,
-- however many times or however concurrently its submit is posted. No IP address or user agent.
CREATE TABLE responses (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL,
  survey_id uuid NOT NULL,
  version integer NOT NULL,
  language text NOT NULL,
  reference text NOT NULL,
  draft_id uuid NOT NULL,
  answers jsonb NOT NULL,
  submitted_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, id),
  UNIQUE (draft_id),
  UNIQUE (organisation_id, reference),
  FOREIGN KEY (organisation_id, survey_id, version) REFERENCES survey_versions (organisation_id, survey_id, version)
);
CREATE INDEX responses_survey_submitted ON responses (organisation_id, survey_id, submitted_at);

-- Browser sessions (language, CSRF token); kept in the database so any web server can serve any request.
CREATE TABLE sessions (
  sid text PRIMARY KEY,
  data jsonb NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_expires_at ON sessions (expires_at);

-- Secrets generated on first start when none is configured, so sessions survive a restart.
CREATE TABLE app_secrets (
  name text PRIMARY KEY,
  value text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- The survey an analyst is building: the builder edits this copy, never a published version. Opening
-- a draft survey, or publishing changes to an open or closed one, turns it into a version (a new one
-- when the current version has responses or drafts, the current one corrected otherwise). No row
-- means the copy is the newest version, unchanged.
CREATE TABLE survey_working_copies (
  organisation_id uuid NOT NULL,
  survey_id uuid NOT NULL,
  definition jsonb NOT NULL,
  words jsonb NOT NULL,
  -- The version the copy was taken from, to say what changed since.
  based_on_version integer NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, survey_id),
  FOREIGN KEY (organisation_id, survey_id) REFERENCES surveys (organisation_id, id)
);

-- Themes officers tag free-text answers with, per survey, e.g. "transport" or "waiting times".
CREATE TABLE survey_themes (
  organisation_id uuid NOT NULL,
  survey_id uuid NOT NULL,
  id uuid NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, survey_id) REFERENCES surveys (organisation_id, id)
);
CREATE UNIQUE INDEX survey_themes_name ON survey_themes (organisation_id, survey_id, lower(name));

-- Which themes one free-text answer (a response's answer to one question) is tagged with.
CREATE TABLE answer_themes (
  organisation_id uuid NOT NULL,
  response_id uuid NOT NULL,
  question_id text NOT NULL,
  theme_id uuid NOT NULL,
  PRIMARY KEY (organisation_id, response_id, question_id, theme_id),
  FOREIGN KEY (organisation_id, response_id) REFERENCES responses (organisation_id, id),
  FOREIGN KEY (organisation_id, theme_id) REFERENCES survey_themes (organisation_id, id) ON DELETE CASCADE
);
CREATE INDEX answer_themes_theme ON answer_themes (organisation_id, theme_id);

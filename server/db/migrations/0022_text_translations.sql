-- Officers' words in the other languages the organisation speaks: an outcome statement, an
-- indicator's wording, a period's commentary, either side of a "You said, we did". The English in
-- the subject's own row is the original; a text with no translation is shown in English, marked as
-- English. subject_id names the thing: the outcome's, indicator's or entry's id, and for commentary
-- "<indicator id>/<period>". Limits are those of the English column each translates.
CREATE TABLE text_translations (
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  subject text NOT NULL CHECK (subject IN ('outcome', 'indicator', 'commentary', 'you-said', 'we-did')),
  subject_id text NOT NULL,
  language text NOT NULL CHECK (language IN ('cy', 'ur')),
  text text NOT NULL CHECK (length(text) BETWEEN 1 AND 1000),
  updated_by text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, subject, subject_id, language)
);

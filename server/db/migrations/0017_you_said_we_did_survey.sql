-- A "You said, we did" entry may say which survey it answers, so that survey's start page can show
-- young people and families what changed after the last round.
ALTER TABLE you_said_we_did ADD COLUMN survey_id uuid;
ALTER TABLE you_said_we_did
  ADD CONSTRAINT you_said_we_did_survey FOREIGN KEY (organisation_id, survey_id)
  REFERENCES surveys (organisation_id, id);
CREATE INDEX you_said_we_did_by_survey ON you_said_we_did (organisation_id, survey_id, created_at DESC)
  WHERE survey_id IS NOT NULL;

-- When the retention sweep deleted a survey's responses. From then on the survey's indicator facts are
-- the only record of what was counted, so recounting never replaces the facts it already holds.
ALTER TABLE surveys ADD COLUMN responses_deleted_at timestamptz;

-- Surveys closed before closed_at existed: their retention is counted from this upgrade, which keeps
-- answers longer rather than deleting any early.
UPDATE surveys SET closed_at = LEAST(closes_at, now()) WHERE status = 'closed' AND closed_at IS NULL;

-- The sweep deletes by age: limit counts older than a day, expired drafts, alerts closed long ago.
CREATE INDEX response_activity_occurred ON response_activity (organisation_id, occurred_at);
CREATE INDEX safeguarding_alerts_closed ON safeguarding_alerts (organisation_id, closed_at) WHERE status = 'closed';

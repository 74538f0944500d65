-- Working out the scorecard figures, and publishing, run in the background. Each request is a row:
-- the officer's page follows its state and progress, and at most one runs at a time for an
-- organisation, so two officers pressing Publish at once start one run and get one snapshot.
CREATE TABLE scorecard_runs (
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('recompute', 'publish')),
  period text,
  requested_by text NOT NULL,
  requested_by_officer uuid NOT NULL,
  state text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done', 'failed')),
  -- Surveys counted so far out of all to count; both 0 until the run starts.
  steps_done integer NOT NULL DEFAULT 0,
  steps_total integer NOT NULL DEFAULT 0,
  failure text,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- Moved on at every step: a run left running with an old heartbeat was stopped with its process.
  heartbeat_at timestamptz,
  finished_at timestamptz,
  PRIMARY KEY (organisation_id, id),
  CHECK ((kind = 'publish') = (period IS NOT NULL))
);
CREATE UNIQUE INDEX scorecard_runs_one_active ON scorecard_runs (organisation_id)
  WHERE state IN ('queued', 'running');

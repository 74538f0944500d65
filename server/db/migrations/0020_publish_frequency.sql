-- How often an organisation publishes its scorecard, and so which periods its officers choose
-- between and may publish: a board that meets every six months or once a year publishes that often.
-- The names are those of indicator frequencies (scorecards/model/types.ts). Snapshots already
-- published keep the period they were published for, whatever this later says.
ALTER TABLE organisations
  ADD COLUMN publish_frequency text NOT NULL DEFAULT 'quarterly'
    CHECK (publish_frequency IN ('quarterly', 'six-monthly', 'annual'));

-- The latest published scorecard is the one whose period ends last, whatever its frequency: "2026"
-- (to 31 December) comes after "2026-Q3", although its key sorts first. The last day is the one the
-- snapshot itself states, so it is derived here rather than written twice.
ALTER TABLE scorecard_snapshots
  ADD COLUMN period_end text GENERATED ALWAYS AS (content -> 'asAt' ->> 'end') STORED;

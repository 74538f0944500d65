-- An organisation's outcomes framework: its outcome statements ("I need to be safe and feel safe."),
-- in the order its scorecards show them. slug is the statement's stable id, used in URLs and in
-- survey questions' "outcome".
CREATE TABLE outcomes (
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  id uuid NOT NULL,
  slug text NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND slug <> 'overall'),
  position integer NOT NULL,
  statement text NOT NULL CHECK (length(statement) BETWEEN 1 AND 200),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, id),
  UNIQUE (organisation_id, slug)
);

-- The figures that evidence an outcome. A survey indicator is counted from responses (counting says
-- which questions, which answers are positive, which are left out, and for whom); an administrative
-- one is entered or imported per period. No outcome: an indicator across all outcomes, such as a
-- survey's overall headline.
CREATE TABLE indicators (
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  id uuid NOT NULL,
  outcome_id uuid,
  number text NOT NULL CHECK (number ~ '^[0-9]{1,2}(\.[0-9]{1,2}){0,2}$'),
  wording text NOT NULL CHECK (length(wording) BETWEEN 1 AND 300),
  kind text NOT NULL CHECK (kind IN ('survey', 'administrative')),
  unit text NOT NULL CHECK (unit IN ('percentage', 'count', 'rate', 'weeks')),
  good_is text NOT NULL CHECK (good_is IN ('up', 'down', 'neither')),
  frequency text NOT NULL CHECK (frequency IN ('monthly', 'quarterly', 'termly', 'six-monthly', 'annual')),
  source text NOT NULL,
  data_owner text NOT NULL,
  baseline_value numeric,
  baseline_date date,
  amber_tolerance numeric NOT NULL DEFAULT 5 CHECK (amber_tolerance >= 0),
  survey_id uuid,
  counting jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, id),
  UNIQUE (organisation_id, number),
  FOREIGN KEY (organisation_id, outcome_id) REFERENCES outcomes (organisation_id, id),
  FOREIGN KEY (organisation_id, survey_id) REFERENCES surveys (organisation_id, id),
  CHECK ((kind = 'survey') = (survey_id IS NOT NULL)),
  CHECK ((baseline_value IS NULL) = (baseline_date IS NULL))
);

-- What an indicator aims for by a date (e.g. at 3, 6 and 12 months).
CREATE TABLE indicator_targets (
  organisation_id uuid NOT NULL,
  indicator_id uuid NOT NULL,
  target_date date NOT NULL,
  value numeric NOT NULL,
  PRIMARY KEY (organisation_id, indicator_id, target_date),
  FOREIGN KEY (organisation_id, indicator_id) REFERENCES indicators (organisation_id, id) ON DELETE CASCADE
);

-- A sentence or two on what an indicator's figure for one period means, written by an officer.
CREATE TABLE indicator_commentary (
  organisation_id uuid NOT NULL,
  indicator_id uuid NOT NULL,
  period text NOT NULL,
  commentary text NOT NULL CHECK (length(commentary) BETWEEN 1 AND 1000),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, indicator_id, period),
  FOREIGN KEY (organisation_id, indicator_id) REFERENCES indicators (organisation_id, id) ON DELETE CASCADE
);

-- Administrative figures (EHCPs issued within 20 weeks, annual reviews on time...) per period, as
-- entered by their data owner or imported from a CSV.
CREATE TABLE administrative_values (
  organisation_id uuid NOT NULL,
  indicator_id uuid NOT NULL,
  period text NOT NULL,
  value numeric NOT NULL,
  entered_by text NOT NULL,
  entered_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, indicator_id, period),
  FOREIGN KEY (organisation_id, indicator_id) REFERENCES indicators (organisation_id, id) ON DELETE CASCADE
);

-- Each indicator's figure per period: recomputed facts. A slice is recomputed by deleting and
-- inserting it in one transaction, so recomputing twice changes nothing. numerator and denominator
-- are the raw counts; what is withheld is decided when the facts are shown, across all of them.
-- part is '' for the indicator's own figure; for an indicator pooling several questions, each
-- question's share is kept too (part = its id), never shown, so that the checks for small numbers
-- know every piece a pooled figure could be taken apart into.
CREATE TABLE indicator_facts (
  organisation_id uuid NOT NULL,
  indicator_id uuid NOT NULL,
  period text NOT NULL,
  part text NOT NULL DEFAULT '',
  numerator integer,
  denominator integer,
  value numeric,
  computed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, indicator_id, period, part),
  FOREIGN KEY (organisation_id, indicator_id) REFERENCES indicators (organisation_id, id) ON DELETE CASCADE,
  CHECK (numerator IS NULL OR (numerator >= 0 AND denominator >= numerator))
);

-- "You said, we did": what families told the partnership and what it did about it.
CREATE TABLE you_said_we_did (
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  id uuid NOT NULL,
  you_said text NOT NULL CHECK (length(you_said) BETWEEN 1 AND 1000),
  we_did text NOT NULL CHECK (length(we_did) BETWEEN 1 AND 1000),
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, id)
);
-- The same entry posted twice (a double click, a retry) is stored once.
CREATE UNIQUE INDEX you_said_we_did_once ON you_said_we_did (organisation_id, md5(you_said), md5(we_did));

-- A scorecard as published for a period: everything the public page, the embed and the open data
-- show, with suppression applied and no free text, frozen. It never changes: the next period is a
-- new snapshot, and the trigger below refuses any update or delete.
CREATE TABLE scorecard_snapshots (
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  id uuid NOT NULL,
  period text NOT NULL,
  published_at timestamptz NOT NULL DEFAULT now(),
  published_by text NOT NULL,
  content jsonb NOT NULL,
  PRIMARY KEY (organisation_id, id),
  UNIQUE (organisation_id, period)
);

CREATE FUNCTION refuse_snapshot_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'published scorecard snapshots never change' USING ERRCODE = 'check_violation';
END
$$;

CREATE TRIGGER scorecard_snapshots_immutable
  BEFORE UPDATE OR DELETE ON scorecard_snapshots
  FOR EACH ROW EXECUTE FUNCTION refuse_snapshot_change();

CREATE TRIGGER scorecard_snapshots_no_truncate
  BEFORE TRUNCATE ON scorecard_snapshots
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_snapshot_change();

-- What an indicator's figure is elsewhere for the same period, to read the local one against:
-- England, the region, or the council's statistical neighbours, each with where it came from (the
-- DfE release, the regional dataset...). Entered or imported by officers; shown beside the local
-- figure on scorecards and kept in what is published.
CREATE TABLE indicator_reference_values (
  organisation_id uuid NOT NULL,
  indicator_id uuid NOT NULL,
  period text NOT NULL,
  area text NOT NULL CHECK (area IN ('england', 'region', 'neighbours')),
  value numeric NOT NULL,
  source text NOT NULL CHECK (length(source) BETWEEN 1 AND 300),
  entered_by text NOT NULL,
  entered_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, indicator_id, period, area),
  FOREIGN KEY (organisation_id, indicator_id) REFERENCES indicators (organisation_id, id) ON DELETE CASCADE
);

-- Each published scorecard records the version of the format its content was written in, so it is
-- read back through that version's schema however the format changes later. Every snapshot stored
-- before this is version 1.
ALTER TABLE scorecard_snapshots ADD COLUMN schema_version integer NOT NULL DEFAULT 1;
ALTER TABLE scorecard_snapshots ALTER COLUMN schema_version DROP DEFAULT;

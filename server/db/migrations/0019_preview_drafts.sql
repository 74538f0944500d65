-- A draft made while an officer previews a survey from the builder is marked, so that if the
-- officer's session ends part way the same browser cannot carry it on and send it as a real,
-- counted response: without the preview it is treated as no draft at all.
ALTER TABLE drafts ADD COLUMN preview boolean NOT NULL DEFAULT false;

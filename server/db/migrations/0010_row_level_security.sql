-- Row-level security by organisation: a backstop under every tenant query's own organisation_id
-- condition, should one ever forget it. Requests under /manage set heard.organisation_id for each of
-- their transactions (server/db/organisationScope.ts) and then see only that organisation's rows.
-- Public pages, respondents, jobs and migrations leave it unset and see every row, as before: they
-- find their organisation by slug, or sweep all of them.
--
-- FORCE puts the tables' owner under the policies too, so a deployment that runs as the owner keeps
-- the backstop; with the setting unset the owner sees everything, so migrations are unaffected.
-- Superusers and roles with BYPASSRLS pass every policy whatever is set.
--
-- Every organisation_id is a uuid (0001_initial.sql onwards), and child rows (answers, themes,
-- targets, notes) carry organisation_id themselves, so each table gets the same policy and no
-- policy looks through a parent.

-- Once a transaction has set it, the setting reads '' (not NULL) in later transactions on that
-- connection; nullif keeps the uuid cast from ever seeing '' (OR does not promise an order).
--
-- Puts one tenant table under the policy; idempotent. migrate.ts calls heard_protect_tenant_tables()
-- after every run, so a table added by a later migration is protected without remembering to.
CREATE FUNCTION heard_protect_by_organisation(tenant regclass) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', tenant);
  EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', tenant);
  IF NOT EXISTS (SELECT 1 FROM pg_policy WHERE polrelid = tenant AND polname = 'organisation_scope') THEN
    EXECUTE format(
      $policy$CREATE POLICY organisation_scope ON %s
        USING (nullif(current_setting('heard.organisation_id', true), '') IS NULL
               OR organisation_id = nullif(current_setting('heard.organisation_id', true), '')::uuid)
        WITH CHECK (nullif(current_setting('heard.organisation_id', true), '') IS NULL
                    OR organisation_id = nullif(current_setting('heard.organisation_id', true), '')::uuid)$policy$,
      tenant);
  END IF;
END
$$;

-- Every table in public with an organisation_id column that is not yet protected.
CREATE FUNCTION heard_protect_tenant_tables() RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
  tenant regclass;
  protected integer := 0;
BEGIN
  FOR tenant IN
    SELECT c.oid::regclass
      FROM pg_class c
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'organisation_id' AND NOT a.attisdropped
     WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p')
       AND NOT (c.relrowsecurity AND c.relforcerowsecurity
                AND EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid AND p.polname = 'organisation_scope'))
  LOOP
    PERFORM heard_protect_by_organisation(tenant);
    protected := protected + 1;
  END LOOP;
  RETURN protected;
END
$$;

SELECT heard_protect_tenant_tables();

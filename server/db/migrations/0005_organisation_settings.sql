-- What an organisation tells the people who answer its surveys: who runs them, whom to contact, who
-- controls the data and for how long it is kept. Set by its admins; shown on the privacy notice, the
-- accessibility statement, the contact page and each survey's start page.
ALTER TABLE organisations
  ADD COLUMN public_name text CHECK (length(public_name) <= 120),
  ADD COLUMN contact_email text CHECK (length(contact_email) <= 254),
  ADD COLUMN contact_phone text CHECK (length(contact_phone) <= 40),
  ADD COLUMN family_help_contact text CHECK (length(family_help_contact) <= 500),
  -- Local help for signposting, e.g. the SENDIASS and the children's services front door:
  -- [{ "name": ..., "phone": ..., "email": ..., "website": ..., "description": ... }]
  ADD COLUMN local_help jsonb NOT NULL DEFAULT '[]'::jsonb,
  ADD COLUMN data_controller text CHECK (length(data_controller) <= 200),
  ADD COLUMN lawful_basis text CHECK (length(lawful_basis) <= 1000),
  ADD COLUMN dpo_contact text CHECK (length(dpo_contact) <= 500),
  ADD COLUMN accessibility_contact text CHECK (length(accessibility_contact) <= 500),
  -- Responses are deleted this many months after their survey closes (a survey may say otherwise).
  ADD COLUMN retention_months integer NOT NULL DEFAULT 24 CHECK (retention_months BETWEEN 1 AND 120),
  -- Help requests and safeguarding alerts are kept this many months after they are closed.
  ADD COLUMN safeguarding_retention_months integer NOT NULL DEFAULT 72
    CHECK (safeguarding_retention_months BETWEEN 1 AND 300),
  -- An alert nobody has acknowledged within this many minutes is sent to the admins as well.
  ADD COLUMN alert_escalation_minutes integer NOT NULL DEFAULT 120
    CHECK (alert_escalation_minutes BETWEEN 5 AND 10080);

-- When a survey was closed, so its retention period can be counted from then.
ALTER TABLE surveys
  ADD COLUMN closed_at timestamptz,
  ADD COLUMN retention_months integer CHECK (retention_months BETWEEN 1 AND 120);

-- A safeguarding officer reads and acts on alerts and nothing else. An admin can also be named as a
-- safeguarding contact, who is emailed about every alert as safeguarding officers are.
ALTER TABLE officers DROP CONSTRAINT officers_role_check;
ALTER TABLE officers
  ADD CONSTRAINT officers_role_check CHECK (role IN ('admin', 'analyst', 'viewer', 'safeguarding')),
  ADD COLUMN safeguarding_contact boolean NOT NULL DEFAULT false;

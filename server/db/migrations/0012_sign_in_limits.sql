-- Sign-in emails are limited per officer by counting the links made for them in the last minutes.
CREATE INDEX sign_in_links_officer_created ON sign_in_links (organisation_id, officer_id, created_at);

-- Invitations an organisation's admins sent, shown as "invited" until the person first signs in.
-- An address already used by another organisation's officer gets a row too, which simply never
-- turns into a sign-in: the inviting admin sees the same as for any new address, and learns
-- nothing about the other organisation.
CREATE TABLE officer_invitations (
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  id uuid NOT NULL,
  email text NOT NULL,
  role text NOT NULL,
  invited_at timestamptz NOT NULL DEFAULT now(),
  accepted_at timestamptz,
  -- When the person was told their address is used elsewhere: so a retried job tells them once.
  notified_at timestamptz,
  PRIMARY KEY (organisation_id, id),
  UNIQUE (organisation_id, email)
);

-- The server's own signing key (certificates, anonymous identities) when none is configured: made by the
-- first instance that needs it and shared by all through the database.
CREATE TABLE server_keys (
  id text PRIMARY KEY,
  private_jwk jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Certificates the server signed, verifiable by id by anyone (the id is an unguessable urn:uuid).
CREATE TABLE issued_certificates (
  id text PRIMARY KEY,
  tenant_id text NOT NULL,
  learner_id text NOT NULL,
  course_id text NOT NULL,
  jwt text NOT NULL,
  issued_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz,
  revoked_reason text
);
CREATE INDEX issued_certificates_by_learner ON issued_certificates (tenant_id, learner_id);

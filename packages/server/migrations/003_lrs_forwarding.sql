-- The tenant's LRSs, and per LRS the statements still to deliver (one row per statement and LRS,
-- added by a trigger as statements are queued). A row goes when that LRS has the statement.
CREATE TABLE lrs_targets (
  tenant_id text NOT NULL REFERENCES tenants (id),
  id text NOT NULL,
  endpoint text NOT NULL,
  version text NOT NULL DEFAULT '1.0.3',
  username text,
  password text,
  failures integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  last_error text,
  PRIMARY KEY (tenant_id, id)
);

CREATE TABLE lrs_pending (
  tenant_id text NOT NULL,
  target_id text NOT NULL,
  seq bigint NOT NULL REFERENCES outbox (seq) ON DELETE CASCADE,
  PRIMARY KEY (tenant_id, target_id, seq),
  FOREIGN KEY (tenant_id, target_id) REFERENCES lrs_targets (tenant_id, id) ON DELETE CASCADE
);

CREATE FUNCTION lrs_pending_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO lrs_pending (tenant_id, target_id, seq) SELECT NEW.tenant_id, t.id, NEW.seq FROM lrs_targets t WHERE t.tenant_id = NEW.tenant_id;
  RETURN NEW;
END $$;

CREATE TRIGGER lrs_pending_add AFTER INSERT ON outbox FOR EACH ROW EXECUTE FUNCTION lrs_pending_add();

-- Issue 5: lockout backoff, throttling per client address, admin bookkeeping, the hash-chained audit trail.

-- How often a user name has been locked in a row: each lock lasts twice as long as the one before (capped).
ALTER TABLE login_throttle ADD COLUMN lockouts integer NOT NULL DEFAULT 0;

-- Failed logins per client address within a window, whatever user names were tried (password spraying).
CREATE TABLE login_address_throttle (
  address         text PRIMARY KEY,
  failed_attempts integer NOT NULL DEFAULT 0,
  window_start    timestamptz NOT NULL DEFAULT now(),
  locked_until    timestamptz,
  lockouts        integer NOT NULL DEFAULT 0
);

ALTER TABLE users ADD COLUMN password_changed_at timestamptz NOT NULL DEFAULT now();
CREATE INDEX users_office ON users (office_id);
CREATE INDEX devices_user ON devices (user_id);
CREATE INDEX sessions_device ON sessions (device_id);

-- The audit trail. `id` is the position in the chain (1, 2, 3, ... without gaps); `hash` is
-- sha256(prev_hash || canonical JSON of the row's content), see server/audit/chain.ts. Values of personal data
-- never go in here: a push records which fields changed, not to what.
CREATE TABLE audit_log (
  id         bigint PRIMARY KEY,
  at         timestamptz NOT NULL,
  action     text NOT NULL,
  actor_id   text,
  actor_name text,
  office_id  text,
  device_id  text,
  address    text,
  target     text,
  details    jsonb NOT NULL,
  prev_hash  text NOT NULL,
  hash       text NOT NULL
);
CREATE INDEX audit_log_office ON audit_log (office_id, id);

-- The end of the chain. Every append locks this one row (SELECT ... FOR UPDATE), so appends from all server
-- instances are serialised and each row links to the one before it.
CREATE TABLE audit_head (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  seq       bigint NOT NULL,
  hash      text NOT NULL
);
INSERT INTO audit_head (singleton, seq, hash) VALUES (true, 0, repeat('0', 64));

-- Append-only for the application. A database owner can still switch this off, which is why rows are chained:
-- `npm run audit:verify` names a row changed or deleted behind the application's back.
CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log ist nur fortschreibbar (append-only)';
END
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();

-- Users, devices and sessions (auth), the document store and its change feed.

CREATE TABLE users (
  id            text PRIMARY KEY,
  username      text NOT NULL UNIQUE,
  display_name  text NOT NULL,
  office_id     text NOT NULL,
  roles         text[] NOT NULL,
  password_hash text NOT NULL,
  disabled      boolean NOT NULL DEFAULT false,
  created_at    timestamptz NOT NULL DEFAULT now()
);

-- Failed logins are counted per hashed user name, known or not, so that a lockout does not reveal which
-- accounts exist and no typed-in name is stored in clear.
CREATE TABLE login_throttle (
  username_hash   text PRIMARY KEY,
  failed_attempts integer NOT NULL DEFAULT 0,
  locked_until    timestamptz
);

CREATE TABLE devices (
  id          text PRIMARY KEY,
  name        text NOT NULL,
  user_id     text REFERENCES users(id),
  first_seen  timestamptz NOT NULL DEFAULT now(),
  last_seen   timestamptz NOT NULL DEFAULT now(),
  app_version text,
  revoked_at  timestamptz
);

CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  user_id    text NOT NULL REFERENCES users(id),
  device_id  text NOT NULL REFERENCES devices(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz
);
CREATE INDEX sessions_user ON sessions (user_id);

-- One row per collection: the last position handed out in its change feed. Every push locks this row first
-- (see server/sync/push.ts for why).
CREATE TABLE feeds (
  collection text PRIMARY KEY,
  seq        bigint NOT NULL DEFAULT 0
);

CREATE TABLE documents (
  collection  text NOT NULL,
  id          text NOT NULL,
  office_id   text NOT NULL,
  data        jsonb NOT NULL,
  deleted     boolean NOT NULL,
  seq         bigint NOT NULL,
  writer      text NOT NULL,
  device_id   text,
  received_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (collection, id)
);
CREATE UNIQUE INDEX documents_feed ON documents (collection, seq);
CREATE INDEX documents_office_feed ON documents (collection, office_id, seq);

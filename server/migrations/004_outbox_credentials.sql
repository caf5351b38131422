-- Outbox credentials (docs/outbox.md): a logged-in session may obtain one; after its user logs out, the laptop
-- delivers that user's sealed outbox with it, whoever is logged in then. Only the token's hash is stored; the key
-- opens outboxes sealed by that user's session on that device and nothing else.
CREATE TABLE outbox_credentials (
  token_hash     text PRIMARY KEY,
  user_id        text NOT NULL REFERENCES users (id),
  device_id      text NOT NULL REFERENCES devices (id),
  seal_key       bytea NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now(),
  expires_at     timestamptz NOT NULL,
  revoked_at     timestamptz,
  last_sealed_at bigint NOT NULL DEFAULT 0
);
CREATE INDEX outbox_credentials_user_device ON outbox_credentials (user_id, device_id);

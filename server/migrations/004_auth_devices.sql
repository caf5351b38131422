-- Issues 11/12: a device belongs to the office that registered it; the device's last reported number of unsynced
-- changes (shown before an admin revokes it); the devices a user has logged in from (own lockout count each);
-- tokens bound to the device named at login.

-- The office of the first user who logged in with the device. A login of another office's user with this id is
-- refused (server/auth/login.ts), so a device can never be moved into another office and revoked there.
ALTER TABLE devices ADD COLUMN office_id text;
UPDATE devices d SET office_id = u.office_id FROM users u WHERE u.id = d.user_id;
CREATE INDEX devices_office ON devices (office_id);

-- What the app reported with its last call (X-Obhut-Pending): changes on the laptop the server has not seen.
ALTER TABLE devices ADD COLUMN pending_changes integer;
ALTER TABLE devices ADD COLUMN pending_reported_at timestamptz;

-- A user x device with at least one successful login: failures from there are counted on their own, so guesses
-- from elsewhere can't lock the user out of the own laptop (OWASP "device cookie" pattern).
CREATE TABLE known_devices (
  user_id    text NOT NULL REFERENCES users(id),
  device_id  text NOT NULL REFERENCES devices(id),
  first_login timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, device_id)
);

-- A session opened by a client that named its device (X-Obhut-Device) at login must name it on every call:
-- the token alone, copied elsewhere, is refused.
ALTER TABLE sessions ADD COLUMN device_bound boolean NOT NULL DEFAULT false;

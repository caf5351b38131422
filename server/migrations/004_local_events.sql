-- Issue 16: events the laptops report (record opened, PDF/print/CSV/document produced) go into the audit trail
-- with the laptop's event id; a retried report must find an id already recorded without reading the whole trail.
CREATE INDEX audit_log_local_event ON audit_log ((details->>'eventId')) WHERE details ? 'eventId';

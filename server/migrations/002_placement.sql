-- The server recomputes over-booking from the holds of one facility after every hold or facility write
-- (server/sync/placement.ts): find them without reading every hold.
CREATE INDEX documents_holds_by_facility ON documents ((data->>'facilityId')) WHERE collection = 'holds' AND NOT deleted;

-- Facility schema 1 (shared/schema/facility.ts): the mother-and-child room has its own places and reports instead of
-- the flag motherAndChild. The same rewrite as the app's migration (renderer/src/data/migrations/facility.ts), so
-- the server's stored facility and a laptop's migrated copy are the same document: a house with the flag gets one
-- place in the room and no report on it yet, and a recorded lost edit of the flag becomes one of the room's places.
-- Tombstones too: a deleted facility is still sent to laptops that have not yet seen its deletion.
UPDATE documents
   SET data = (data - 'motherAndChild') || jsonb_build_object(
         'motherChildPlaces', CASE WHEN data->'motherAndChild' = 'true'::jsonb THEN 1 ELSE 0 END,
         'motherChildFreeReports', '[]'::jsonb,
         'conflicts', COALESCE(
           (SELECT jsonb_agg(
                     CASE WHEN c->>'field' = 'motherAndChild'
                          THEN c || jsonb_build_object('field', 'motherChildPlaces',
                                                       'value', CASE WHEN c->>'value' = 'true' THEN '1' ELSE '0' END)
                          ELSE c END
                     ORDER BY n)
              FROM jsonb_array_elements(COALESCE(data->'conflicts', '[]'::jsonb)) WITH ORDINALITY AS x(c, n)),
           '[]'::jsonb))
 WHERE collection = 'facilities' AND data ? 'motherAndChild';

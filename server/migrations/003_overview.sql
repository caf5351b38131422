-- The Verbund overview leaves out refused enquiries that a later log line corrects (server/overview/query.ts):
-- find the correcting line by the id it corrects instead of scanning every log line once per refusal, which made
-- the overview over a year of five offices run for minutes (bench/review.ts).
CREATE INDEX documents_entries_corrects ON documents ((data->>'correctsId')) WHERE collection = 'entries';

-- Indexes the benchmarks (bench/README.md) showed missing.
--
-- A project's reports: the latest phase and investment as of a date
-- (project lists, the project page), this year's investment (开复工) and a
-- project's report list were read through the index and then the table row
-- by row. The index now carries the columns those statements read, so they
-- are answered from the index alone; it replaces the narrower one (same
-- leading columns, so the foreign-key cascade and every earlier plan keep
-- working) rather than adding a write.
DROP INDEX progress_reports_project;
CREATE INDEX progress_reports_project ON progress_reports(project_id, date, id,
	phase, invest_to_date, invest_period);

-- The leads a key project came from (the project page): found by the
-- project, not by reading every lead of the zone.
CREATE INDEX leads_project ON leads(zone_id, project_id);

-- What was signed at a signing event (the investment report counts it per
-- event): found by the event, not by reading every stage move of the
-- zone, or of every zone.
CREATE INDEX lead_stages_event ON lead_stages(zone_id, event_id, stage);

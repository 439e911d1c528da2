-- What the lists and reports need, kept current with the writes
-- (bench/README.md: W1, W3, W4).
--
-- A project's latest report and event, its first start, and a lead's latest
-- stage move and contact were looked up per row on every list, report and
-- funnel (one to three index searches each, for every project or lead of
-- the zone). They are now columns of the project / lead row, rewritten from
-- the source rows by the statement that writes a report, event, stage move
-- or contact, in the same transaction (PROJECT_CURRENT, PROJECT_YEARS_CURRENT,
-- LEAD_CURRENT in sql.h). They are "as of the latest write": a reader uses
-- them when its as-of date is on or after the latest dated row (cur_*_date
-- <= as_of, the usual case: today), and looks the row up as before
-- otherwise, so answers for past dates stay the same.
ALTER TABLE projects ADD COLUMN cur_report_date TEXT;     -- latest report (by date, id)
ALTER TABLE projects ADD COLUMN cur_phase INTEGER;        --   its phase
ALTER TABLE projects ADD COLUMN cur_invest_to_date REAL;  --   its investment to date
ALTER TABLE projects ADD COLUMN cur_event_date TEXT;      -- latest event (by date, id)
ALTER TABLE projects ADD COLUMN cur_event TEXT;           --   its kind
ALTER TABLE projects ADD COLUMN cur_started_on TEXT;      -- first 'start'
ALTER TABLE projects ADD COLUMN cur_first_start TEXT;     -- first start or resume
-- The investment its reports completed within the year of the list row
-- (SUM of invest_period, NULL without reports): 开复工's "completed".
ALTER TABLE project_years ADD COLUMN cur_invest_year REAL;
ALTER TABLE leads ADD COLUMN cur_stage_stage TEXT;             -- latest stage move (by date, id)
ALTER TABLE leads ADD COLUMN cur_stage_date TEXT;        --   its date
ALTER TABLE leads ADD COLUMN cur_contact_date TEXT;       -- latest contact

UPDATE projects SET
	cur_report_date = (SELECT r.date FROM progress_reports r WHERE r.project_id = projects.id
		ORDER BY r.date DESC, r.id DESC LIMIT 1),
	cur_phase = (SELECT r.phase FROM progress_reports r WHERE r.project_id = projects.id
		ORDER BY r.date DESC, r.id DESC LIMIT 1),
	cur_invest_to_date = (SELECT r.invest_to_date FROM progress_reports r
		WHERE r.project_id = projects.id ORDER BY r.date DESC, r.id DESC LIMIT 1),
	cur_event_date = (SELECT e.date FROM project_events e WHERE e.project_id = projects.id
		ORDER BY e.date DESC, e.id DESC LIMIT 1),
	cur_event = (SELECT e.kind FROM project_events e WHERE e.project_id = projects.id
		ORDER BY e.date DESC, e.id DESC LIMIT 1),
	cur_started_on = (SELECT MIN(e.date) FROM project_events e WHERE e.project_id = projects.id
		AND e.kind = 'start'),
	cur_first_start = (SELECT MIN(e.date) FROM project_events e WHERE e.project_id = projects.id
		AND e.kind <> 'stop');
UPDATE project_years SET cur_invest_year = (SELECT SUM(r.invest_period) FROM progress_reports r
	WHERE r.project_id = project_years.project_id AND r.date >= project_years.year || '-01-01'
	AND r.date <= project_years.year || '-12-31');
UPDATE leads SET
	cur_stage_stage = (SELECT s.stage FROM lead_stages s WHERE s.lead_id = leads.id
		ORDER BY s.date DESC, s.id DESC LIMIT 1),
	cur_stage_date = (SELECT s.date FROM lead_stages s WHERE s.lead_id = leads.id
		ORDER BY s.date DESC, s.id DESC LIMIT 1),
	cur_contact_date = (SELECT MAX(k.date) FROM lead_contacts k WHERE k.lead_id = leads.id);

-- The stage moves of a period (the investment report): by date within the
-- zone, not every move of the zone read through the event index.
CREATE INDEX lead_stages_date ON lead_stages(zone_id, date);

-- The funnel reads the three columns for every lead of the zone: from the
-- index alone, not the (wide) lead rows.
CREATE INDEX leads_current ON leads(zone_id, cur_stage_stage, cur_stage_date, cur_contact_date);

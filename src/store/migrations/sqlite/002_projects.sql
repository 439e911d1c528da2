-- Key projects (重点项目): the registry, year lists, start/stop/resume events,
-- progress reports, problems to coordinate, node plans and zone settings.
-- Money is 万元 (REAL); dates are YYYY-MM-DD text; phase is the index of the
-- phase in domain order (0 前期工作 … 9 投产/运营).

CREATE TABLE projects (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	zone_id INTEGER NOT NULL REFERENCES zones(id),
	code TEXT NOT NULL,
	name TEXT NOT NULL,
	level TEXT NOT NULL CHECK (level IN ('provincial', 'municipal', 'district')),
	park_id INTEGER REFERENCES parks(id),
	chain_id INTEGER REFERENCES chains(id),
	owner_org_id INTEGER REFERENCES orgs(id),
	contractor_org_id INTEGER REFERENCES orgs(id),
	manager TEXT,
	leader TEXT,
	total_investment REAL,
	planned_start TEXT,
	planned_finish TEXT,
	location TEXT,
	note TEXT,
	archived INTEGER NOT NULL DEFAULT 0,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	UNIQUE (zone_id, code)
);
CREATE INDEX projects_park ON projects(zone_id, park_id);

CREATE TABLE project_years (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	zone_id INTEGER NOT NULL REFERENCES zones(id),
	project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
	year INTEGER NOT NULL,
	kind TEXT NOT NULL CHECK (kind IN ('new', 'continuing', 'completing')),
	planned_investment REAL,
	UNIQUE (project_id, year)
);
CREATE INDEX project_years_year ON project_years(zone_id, year);

CREATE TABLE project_events (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	zone_id INTEGER NOT NULL REFERENCES zones(id),
	project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
	kind TEXT NOT NULL CHECK (kind IN ('start', 'stop', 'resume')),
	date TEXT NOT NULL,
	reason TEXT,
	created_at TEXT NOT NULL
);
CREATE INDEX project_events_project ON project_events(project_id, date, id);

CREATE TABLE progress_reports (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	zone_id INTEGER NOT NULL REFERENCES zones(id),
	project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
	date TEXT NOT NULL,
	phase INTEGER NOT NULL CHECK (phase BETWEEN 0 AND 9),
	phase_reason TEXT,
	workforce INTEGER,
	invest_period REAL,
	invest_to_date REAL,
	quantities_json TEXT,
	note TEXT,
	created_by INTEGER REFERENCES users(id),
	created_at TEXT NOT NULL
);
CREATE INDEX progress_reports_project ON progress_reports(project_id, date, id);
CREATE INDEX progress_reports_zone_date ON progress_reports(zone_id, date);

CREATE TABLE problems (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	zone_id INTEGER NOT NULL REFERENCES zones(id),
	project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
	report_id INTEGER REFERENCES progress_reports(id) ON DELETE SET NULL,
	description TEXT NOT NULL,
	department TEXT NOT NULL,
	due_date TEXT NOT NULL,
	status TEXT NOT NULL CHECK (status IN ('open', 'in_progress', 'solved')),
	closing_note TEXT,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
CREATE INDEX problems_project ON problems(project_id);
CREATE INDEX problems_zone_status ON problems(zone_id, status, due_date);

CREATE TABLE node_templates (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	zone_id INTEGER NOT NULL REFERENCES zones(id),
	name TEXT NOT NULL,
	sort_order INTEGER NOT NULL DEFAULT 0,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	UNIQUE (zone_id, name)
);

CREATE TABLE project_nodes (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	zone_id INTEGER NOT NULL REFERENCES zones(id),
	project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
	name TEXT NOT NULL,
	sort_order INTEGER NOT NULL DEFAULT 0,
	planned_date TEXT,
	actual_date TEXT
);
CREATE INDEX project_nodes_project ON project_nodes(project_id, sort_order);

-- Per-zone settings (warning thresholds, targets …); defaults live in C.
CREATE TABLE zone_settings (
	zone_id INTEGER NOT NULL REFERENCES zones(id),
	key TEXT NOT NULL,
	value TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	PRIMARY KEY (zone_id, key)
);

-- Zones that exist before this migration get the default node template.
INSERT INTO node_templates(zone_id, name, sort_order, created_at, updated_at)
SELECT z.id, t.name, t.sort_order, z.created_at, z.created_at
FROM zones z CROSS JOIN (
	SELECT '供地' AS name, 10 AS sort_order UNION ALL
	SELECT '规划许可', 20 UNION ALL SELECT '施工许可', 30 UNION ALL
	SELECT '开工', 40 UNION ALL SELECT '主体封顶', 50 UNION ALL
	SELECT '竣工', 60 UNION ALL SELECT '竣工验收', 70 UNION ALL
	SELECT '投产', 80
) t;

-- Changes to a record's parts (events, reports, problems, nodes) show in the
-- record's own history: the audit row names its parent.
ALTER TABLE audit ADD COLUMN parent_entity TEXT;
ALTER TABLE audit ADD COLUMN parent_id INTEGER;
CREATE INDEX audit_parent ON audit(zone_id, parent_entity, parent_id, id);

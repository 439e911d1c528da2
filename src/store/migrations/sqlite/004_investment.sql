-- Investment attraction (招商引资): code tables, leads with their stage moves
-- and contacts, signing and promotion events, highlights. A lead's current
-- stage is its latest move, never stored twice.

CREATE TABLE liaison_offices (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	zone_id INTEGER NOT NULL REFERENCES zones(id),
	name TEXT NOT NULL,
	city TEXT,
	note TEXT,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	UNIQUE (zone_id, name)
);

CREATE TABLE source_regions (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	zone_id INTEGER NOT NULL REFERENCES zones(id),
	name TEXT NOT NULL,
	sort_order INTEGER NOT NULL DEFAULT 0,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	UNIQUE (zone_id, name)
);

CREATE TABLE leads (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	zone_id INTEGER NOT NULL REFERENCES zones(id),
	code TEXT NOT NULL,
	project_name TEXT NOT NULL,
	investor_name TEXT,
	investor_org_id INTEGER REFERENCES orgs(id),
	chain_id INTEGER REFERENCES chains(id),
	region_id INTEGER REFERENCES source_regions(id),
	office_id INTEGER REFERENCES liaison_offices(id),
	officer_id INTEGER REFERENCES users(id),
	planned_investment REAL,
	expected_tax REAL,
	land_mu REAL,
	expected_output REAL,
	energy_tce REAL,
	high_tech INTEGER NOT NULL DEFAULT 0,
	patents INTEGER,
	srdi_level TEXT CHECK (srdi_level IN ('none', 'provincial', 'national')),
	notes TEXT,
	enterprise_org_id INTEGER REFERENCES orgs(id),
	project_id INTEGER REFERENCES projects(id),
	land_supplied_on TEXT,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	UNIQUE (zone_id, code)
);
CREATE INDEX leads_officer ON leads(zone_id, officer_id);

CREATE TABLE signing_events (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	zone_id INTEGER NOT NULL REFERENCES zones(id),
	date TEXT NOT NULL,
	title TEXT NOT NULL,
	kind TEXT NOT NULL CHECK (kind IN ('signing', 'promotion')),
	mode TEXT NOT NULL CHECK (mode IN ('online', 'onsite')),
	location TEXT,
	note TEXT,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
CREATE INDEX signing_events_date ON signing_events(zone_id, date);

CREATE TABLE lead_stages (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	zone_id INTEGER NOT NULL REFERENCES zones(id),
	lead_id INTEGER NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
	stage TEXT NOT NULL CHECK (stage IN ('clue', 'negotiating', 'signed',
		'registered', 'started', 'producing', 'terminated')),
	date TEXT NOT NULL,
	reason TEXT,
	event_id INTEGER REFERENCES signing_events(id),
	created_by INTEGER REFERENCES users(id),
	created_at TEXT NOT NULL
);
CREATE INDEX lead_stages_lead ON lead_stages(lead_id, date, id);
CREATE INDEX lead_stages_zone ON lead_stages(zone_id, stage, date);

CREATE TABLE lead_contacts (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	zone_id INTEGER NOT NULL REFERENCES zones(id),
	lead_id INTEGER NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
	channel TEXT NOT NULL CHECK (channel IN ('phone', 'wechat', 'video', 'visit', 'fair')),
	date TEXT NOT NULL,
	participants TEXT,
	summary TEXT NOT NULL,
	next_step TEXT,
	next_date TEXT,
	created_by INTEGER REFERENCES users(id),
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
CREATE INDEX lead_contacts_lead ON lead_contacts(lead_id, date);
CREATE INDEX lead_contacts_next ON lead_contacts(zone_id, next_date);

CREATE TABLE highlights (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	zone_id INTEGER NOT NULL REFERENCES zones(id),
	date TEXT NOT NULL,
	title TEXT NOT NULL,
	text TEXT,
	lead_id INTEGER REFERENCES leads(id) ON DELETE SET NULL,
	event_id INTEGER REFERENCES signing_events(id) ON DELETE SET NULL,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
CREATE INDEX highlights_date ON highlights(zone_id, date);

-- Existing zones get the default source regions.
INSERT INTO source_regions(zone_id, name, sort_order, created_at, updated_at)
SELECT z.id, r.name, r.sort_order, z.created_at, z.created_at
FROM zones z CROSS JOIN (
	SELECT '长三角' AS name, 10 AS sort_order UNION ALL
	SELECT '粤港澳大湾区', 20 UNION ALL SELECT '京津冀', 30 UNION ALL
	SELECT '省内', 40 UNION ALL SELECT '其他', 50 UNION ALL SELECT '境外', 60
) r;

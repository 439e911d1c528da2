-- Enterprise service (一企一策, 包保) and business buildings, and the 亩均
-- evaluation. Codes in CHECK constraints are the API's; labels live in C.

-- Business buildings (商务楼宇). Check schedules: every N days per kind of
-- check, 0 when the building has no such schedule.
CREATE TABLE buildings (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	zone_id INTEGER NOT NULL REFERENCES zones(id),
	park_id INTEGER REFERENCES parks(id),
	name TEXT NOT NULL,
	address TEXT,
	floors INTEGER,
	resident_staff INTEGER,
	disinfection_days INTEGER NOT NULL DEFAULT 7,
	screening_days INTEGER NOT NULL DEFAULT 7,
	safety_days INTEGER NOT NULL DEFAULT 30,
	note TEXT,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	UNIQUE (zone_id, name)
);

-- What an enterprise is to the service officers. zjtx: 专精特新 level
-- (city, province, national = 小巨人); sector: 生产性 / 生活性服务业 for the
-- firms in buildings, industry for the rest.
ALTER TABLE orgs ADD COLUMN park_id INTEGER REFERENCES parks(id);
ALTER TABLE orgs ADD COLUMN building_id INTEGER REFERENCES buildings(id);
ALTER TABLE orgs ADD COLUMN floor TEXT;
ALTER TABLE orgs ADD COLUMN chain_id INTEGER REFERENCES chains(id);
ALTER TABLE orgs ADD COLUMN zjtx TEXT;
ALTER TABLE orgs ADD COLUMN high_tech INTEGER NOT NULL DEFAULT 0;
ALTER TABLE orgs ADD COLUMN above_scale INTEGER NOT NULL DEFAULT 0;
ALTER TABLE orgs ADD COLUMN employees INTEGER;
ALTER TABLE orgs ADD COLUMN sector TEXT;
CREATE INDEX orgs_building ON orgs(building_id);

-- Overdue requests go to the officer's leader.
ALTER TABLE users ADD COLUMN leader_id INTEGER REFERENCES users(id);

-- 一企一策 / 一楼一策: every save is a new version; measures is a JSON array
-- of {text, owner, due, status}.
CREATE TABLE service_plans (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	zone_id INTEGER NOT NULL REFERENCES zones(id),
	subject TEXT NOT NULL CHECK (subject IN ('org', 'building')),
	subject_id INTEGER NOT NULL,
	version INTEGER NOT NULL,
	dated TEXT NOT NULL,
	needs TEXT NOT NULL,
	measures TEXT NOT NULL,
	created_by INTEGER REFERENCES users(id),
	created_at TEXT NOT NULL,
	UNIQUE (zone_id, subject, subject_id, version)
);

-- 包保: an officer answers for an enterprise or a building from a day to a
-- day (NULL: still). A reassignment ends one row and starts another.
CREATE TABLE assignments (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	zone_id INTEGER NOT NULL REFERENCES zones(id),
	officer_id INTEGER NOT NULL REFERENCES users(id),
	subject TEXT NOT NULL CHECK (subject IN ('org', 'building')),
	subject_id INTEGER NOT NULL,
	date_from TEXT NOT NULL,
	date_to TEXT,
	note TEXT,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
CREATE INDEX assignments_subject ON assignments(zone_id, subject, subject_id, date_from);
CREATE INDEX assignments_officer ON assignments(zone_id, officer_id, date_from);

-- 企业诉求. Due dates are working days from received_on (reset on reopen);
-- started/answered/resolved/confirmed are the days each step happened.
CREATE TABLE requests (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	zone_id INTEGER NOT NULL REFERENCES zones(id),
	org_id INTEGER NOT NULL REFERENCES orgs(id),
	category TEXT NOT NULL CHECK (category IN ('labour', 'logistics',
	    'approval', 'policy', 'finance', 'epidemic', 'safety', 'other')),
	title TEXT NOT NULL,
	description TEXT NOT NULL,
	complex INTEGER NOT NULL DEFAULT 0,
	state TEXT NOT NULL CHECK (state IN ('received', 'assigned',
	    'in_progress', 'resolved', 'confirmed', 'reopened')),
	officer_id INTEGER REFERENCES users(id),
	filed_by INTEGER REFERENCES users(id),
	received_on TEXT NOT NULL,
	due_start TEXT NOT NULL,
	due_answer TEXT NOT NULL,
	due_resolve TEXT NOT NULL,
	started_on TEXT,
	answered_on TEXT,
	resolved_on TEXT,
	confirmed_on TEXT,
	satisfaction INTEGER CHECK (satisfaction BETWEEN 1 AND 5),
	resolution TEXT,
	reopen_count INTEGER NOT NULL DEFAULT 0,
	escalated_on TEXT,
	escalated_to INTEGER REFERENCES users(id),
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
CREATE INDEX requests_org ON requests(zone_id, org_id);
CREATE INDEX requests_officer ON requests(zone_id, officer_id);
CREATE INDEX requests_state ON requests(zone_id, state);

-- The request's own thread: every step with who, when and what was said.
CREATE TABLE request_events (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	zone_id INTEGER NOT NULL REFERENCES zones(id),
	request_id INTEGER NOT NULL REFERENCES requests(id) ON DELETE CASCADE,
	on_date TEXT NOT NULL,
	at TEXT NOT NULL,
	user_id INTEGER REFERENCES users(id),
	action TEXT NOT NULL,
	from_state TEXT,
	to_state TEXT,
	note TEXT
);
CREATE INDEX request_events_request ON request_events(request_id, id);

CREATE TABLE request_files (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	zone_id INTEGER NOT NULL REFERENCES zones(id),
	request_id INTEGER NOT NULL REFERENCES requests(id) ON DELETE CASCADE,
	filename TEXT NOT NULL,
	sha256 TEXT NOT NULL,
	size INTEGER NOT NULL,
	mime TEXT NOT NULL,
	uploaded_by INTEGER REFERENCES users(id),
	uploaded_at TEXT NOT NULL
);
CREATE INDEX request_files_request ON request_files(request_id);

-- Working-day limits a zone changed; the defaults live in C.
CREATE TABLE request_limits (
	zone_id INTEGER NOT NULL REFERENCES zones(id),
	category TEXT NOT NULL,
	start_days INTEGER NOT NULL,
	answer_days INTEGER NOT NULL,
	resolve_days INTEGER NOT NULL,
	complex_days INTEGER NOT NULL,
	updated_at TEXT NOT NULL,
	PRIMARY KEY (zone_id, category)
);

-- Dated checks of a building: 消杀, 排查, safety inspections.
CREATE TABLE building_checks (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	zone_id INTEGER NOT NULL REFERENCES zones(id),
	building_id INTEGER NOT NULL REFERENCES buildings(id) ON DELETE CASCADE,
	kind TEXT NOT NULL CHECK (kind IN ('disinfection', 'screening', 'safety')),
	checked_on TEXT NOT NULL,
	result TEXT NOT NULL CHECK (result IN ('ok', 'issues')),
	findings TEXT,
	follow_up TEXT,
	follow_up_done INTEGER NOT NULL DEFAULT 0,
	inspector TEXT,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
CREATE INDEX building_checks_building ON building_checks(building_id, kind, checked_on);

-- 亩均效益评价: one row of figures per enterprise and year. Money in 万元,
-- energy in 吨标准煤, emissions in 吨 (排放当量), electricity in 万千瓦时.
-- small: scored with the small-enterprise indicators.
CREATE TABLE mujun_figures (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	zone_id INTEGER NOT NULL REFERENCES zones(id),
	org_id INTEGER NOT NULL REFERENCES orgs(id),
	year INTEGER NOT NULL,
	land_mu REAL NOT NULL,
	tax REAL,
	added_value REAL,
	revenue REAL,
	energy REAL,
	emissions REAL,
	rd_spend REAL,
	employees INTEGER,
	electricity REAL,
	small INTEGER NOT NULL DEFAULT 0,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	UNIQUE (zone_id, org_id, year)
);
CREATE INDEX mujun_figures_year ON mujun_figures(zone_id, year);

-- A zone's method, weights, benchmarks and class thresholds for a year
-- (JSON config); years without a row use the defaults in C.
CREATE TABLE mujun_settings (
	zone_id INTEGER NOT NULL REFERENCES zones(id),
	year INTEGER NOT NULL,
	method TEXT NOT NULL CHECK (method IN ('benchmark', 'minmax')),
	config TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	PRIMARY KEY (zone_id, year)
);

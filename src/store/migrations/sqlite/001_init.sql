-- Foundation: zones, parks, organisations, industry chains, users, sessions,
-- login throttling and the audit trail. Every zone-owned row carries zone_id.
-- AUTOINCREMENT: an id is never reused after a delete, so the audit trail of
-- a deleted record never mixes with a later one's.

CREATE TABLE zones (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	code TEXT NOT NULL UNIQUE,
	name TEXT NOT NULL,
	created_at TEXT NOT NULL
);

CREATE TABLE parks (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	zone_id INTEGER NOT NULL REFERENCES zones(id),
	code TEXT,
	name TEXT NOT NULL,
	kind TEXT NOT NULL CHECK (kind IN ('park', 'expansion')),
	note TEXT,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	UNIQUE (zone_id, name),
	UNIQUE (zone_id, code)
);

CREATE TABLE orgs (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	zone_id INTEGER NOT NULL REFERENCES zones(id),
	name TEXT NOT NULL,
	kind TEXT NOT NULL CHECK (kind IN ('enterprise', 'contractor', 'investor', 'department')),
	uscc TEXT,
	contact TEXT,
	phone TEXT,
	address TEXT,
	note TEXT,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	UNIQUE (zone_id, name),
	UNIQUE (zone_id, uscc)
);

CREATE TABLE chains (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	zone_id INTEGER NOT NULL REFERENCES zones(id),
	code TEXT NOT NULL,
	name TEXT NOT NULL,
	category TEXT,
	sort_order INTEGER NOT NULL DEFAULT 0,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	UNIQUE (zone_id, code),
	UNIQUE (zone_id, name)
);

CREATE TABLE users (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	zone_id INTEGER NOT NULL REFERENCES zones(id),
	username TEXT NOT NULL UNIQUE,
	name TEXT NOT NULL,
	role TEXT NOT NULL,
	org_id INTEGER REFERENCES orgs(id),
	department TEXT,
	pw_hash TEXT NOT NULL,
	disabled INTEGER NOT NULL DEFAULT 0,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
CREATE INDEX users_zone ON users(zone_id);

CREATE TABLE sessions (
	token_hash TEXT PRIMARY KEY,
	user_id INTEGER NOT NULL REFERENCES users(id),
	zone_id INTEGER NOT NULL REFERENCES zones(id),
	csrf_token TEXT NOT NULL,
	created_at TEXT NOT NULL,
	expires_at TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE login_attempts (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	username TEXT NOT NULL,
	ip TEXT NOT NULL,
	at TEXT NOT NULL
);
CREATE INDEX login_attempts_user ON login_attempts(username, at);
CREATE INDEX login_attempts_ip ON login_attempts(ip, at);

CREATE TABLE audit (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	zone_id INTEGER NOT NULL REFERENCES zones(id),
	user_id INTEGER REFERENCES users(id),
	at TEXT NOT NULL,
	entity TEXT NOT NULL,
	entity_id INTEGER NOT NULL,
	action TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete')),
	before_json TEXT,
	after_json TEXT
);
CREATE INDEX audit_entity ON audit(zone_id, entity, entity_id, id);

-- Working-day calendar (工作日历): a zone's own overrides on top of the
-- national table compiled into zonedesk (domain/holidays_cn.c) and the
-- weekend rule — a local holiday off, or a day corrected. One row per day.

CREATE TABLE zone_calendar (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	zone_id INTEGER NOT NULL REFERENCES zones(id),
	date TEXT NOT NULL,
	is_workday INTEGER NOT NULL CHECK (is_workday IN (0, 1)),
	note TEXT,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	UNIQUE (zone_id, date)
);

-- Joint acceptance (联合验收, 并联模式): the zone's departments and the
-- material items each needs, cases with their files, review rounds per
-- department, the applicant's answers and the joint site inspection. A
-- case's status is derived from its reviews and inspection (never stored).

CREATE TABLE acc_departments (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	zone_id INTEGER NOT NULL REFERENCES zones(id),
	name TEXT NOT NULL,
	review_days INTEGER NOT NULL DEFAULT 5,
	sort_order INTEGER NOT NULL DEFAULT 0,
	active INTEGER NOT NULL DEFAULT 1,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	UNIQUE (zone_id, name)
);

CREATE TABLE acc_items (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	zone_id INTEGER NOT NULL REFERENCES zones(id),
	name TEXT NOT NULL,
	note TEXT,
	sort_order INTEGER NOT NULL DEFAULT 0,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	UNIQUE (zone_id, name)
);

-- Which items each department needs to see.
CREATE TABLE acc_dept_items (
	zone_id INTEGER NOT NULL REFERENCES zones(id),
	department_id INTEGER NOT NULL REFERENCES acc_departments(id) ON DELETE CASCADE,
	item_id INTEGER NOT NULL REFERENCES acc_items(id) ON DELETE CASCADE,
	PRIMARY KEY (department_id, item_id)
);

-- The reviewers of each department.
CREATE TABLE acc_reviewers (
	zone_id INTEGER NOT NULL REFERENCES zones(id),
	department_id INTEGER NOT NULL REFERENCES acc_departments(id) ON DELETE CASCADE,
	user_id INTEGER NOT NULL REFERENCES users(id),
	PRIMARY KEY (department_id, user_id)
);
CREATE INDEX acc_reviewers_user ON acc_reviewers(user_id);

-- submissions: how many times the applicant has sent the case (the first
-- submission and each answer to a rectification).
CREATE TABLE acc_cases (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	zone_id INTEGER NOT NULL REFERENCES zones(id),
	project_id INTEGER NOT NULL REFERENCES projects(id),
	applicant_org_id INTEGER NOT NULL REFERENCES orgs(id),
	title TEXT NOT NULL,
	building TEXT,
	opened_by INTEGER REFERENCES users(id),
	submitted_on TEXT,
	submissions INTEGER NOT NULL DEFAULT 0,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
CREATE INDEX acc_cases_applicant ON acc_cases(zone_id, applicant_org_id);
CREATE INDEX acc_cases_project ON acc_cases(project_id);

-- The departments a case goes to (chosen when it is opened).
CREATE TABLE acc_case_depts (
	zone_id INTEGER NOT NULL REFERENCES zones(id),
	case_id INTEGER NOT NULL REFERENCES acc_cases(id) ON DELETE CASCADE,
	department_id INTEGER NOT NULL REFERENCES acc_departments(id),
	PRIMARY KEY (case_id, department_id)
);

-- round: the submission the file goes with (1 = the first).
CREATE TABLE acc_files (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	zone_id INTEGER NOT NULL REFERENCES zones(id),
	case_id INTEGER NOT NULL REFERENCES acc_cases(id) ON DELETE CASCADE,
	item_id INTEGER NOT NULL REFERENCES acc_items(id),
	round INTEGER NOT NULL,
	filename TEXT NOT NULL,
	sha256 TEXT NOT NULL,
	size INTEGER NOT NULL,
	mime TEXT NOT NULL,
	uploaded_by INTEGER REFERENCES users(id),
	uploaded_at TEXT NOT NULL
);
CREATE INDEX acc_files_case ON acc_files(case_id, item_id);

-- One review per department and round: a round starts when the case (or
-- the answer to a rectification) reaches the department; submission is
-- the case's submission that started it (rounds of one submission run in
-- parallel).
CREATE TABLE acc_reviews (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	zone_id INTEGER NOT NULL REFERENCES zones(id),
	case_id INTEGER NOT NULL REFERENCES acc_cases(id) ON DELETE CASCADE,
	department_id INTEGER NOT NULL REFERENCES acc_departments(id),
	round INTEGER NOT NULL,
	submission INTEGER NOT NULL,
	started_on TEXT NOT NULL,
	due_on TEXT NOT NULL,
	decided_on TEXT,
	decision TEXT CHECK (decision IN ('pass', 'rectify', 'fail')),
	opinion TEXT,
	points_json TEXT,
	reviewer_id INTEGER REFERENCES users(id),
	created_at TEXT NOT NULL,
	UNIQUE (case_id, department_id, round)
);
CREATE INDEX acc_reviews_dept ON acc_reviews(zone_id, department_id, decided_on);

CREATE TABLE acc_answers (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	zone_id INTEGER NOT NULL REFERENCES zones(id),
	review_id INTEGER NOT NULL REFERENCES acc_reviews(id) ON DELETE CASCADE,
	point_no INTEGER NOT NULL,
	answer TEXT NOT NULL,
	created_by INTEGER REFERENCES users(id),
	created_at TEXT NOT NULL,
	UNIQUE (review_id, point_no)
);

-- The joint site inspection, scheduled when every document review passed.
CREATE TABLE acc_inspections (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	zone_id INTEGER NOT NULL REFERENCES zones(id),
	case_id INTEGER NOT NULL REFERENCES acc_cases(id) ON DELETE CASCADE,
	round INTEGER NOT NULL,
	started_on TEXT NOT NULL,
	due_on TEXT NOT NULL,
	scheduled_on TEXT,
	held_on TEXT,
	result TEXT CHECK (result IN ('pass', 'rectify', 'fail')),
	opinion TEXT,
	created_at TEXT NOT NULL,
	UNIQUE (case_id, round)
);

-- Zones that exist get the usual departments (new zones get them, with
-- the material items, from zone_create).
INSERT INTO acc_departments(zone_id, name, review_days, sort_order, created_at, updated_at)
SELECT z.id, d.name, 5, d.sort_order, z.created_at, z.created_at
FROM zones z CROSS JOIN (
	SELECT '规划' AS name, 10 AS sort_order UNION ALL SELECT '住建（质监）', 20 UNION ALL
	SELECT '消防', 30 UNION ALL SELECT '人防', 40 UNION ALL
	SELECT '城建档案', 50 UNION ALL SELECT '测绘', 60
) d;

/*
 * Every SQL statement of zonedesk, named. Parameters are written ?1, ?2 … so
 * one text serves SQLite as is and PostgreSQL after ?N → $N. Rules that keep
 * the text portable: no gaps in parameter numbers and every parameter
 * referenced (PostgreSQL infers types from use); timestamps are bound from C,
 * never computed in SQL; RETURNING for new ids.
 *
 * Column aliases ending in __json are decoded as JSON and those ending in
 * __bool become true/false when rows are turned into JSON (store_rows).
 */
#ifndef ZD_STORE_SQL_H
#define ZD_STORE_SQL_H

/* Sort clause pieces: ?S names the sort key, "-key" for descending. */
#define SORT_BY(p, k) \
	"CASE WHEN " p "='" k "' THEN " k " END, " \
	"CASE WHEN " p "='-" k "' THEN " k " END DESC, "
#define LIKE_ANY(p, col) "(" col " LIKE '%' || " p " || '%' ESCAPE '\\')"

#define PARK_COLS "id, zone_id, code, name, kind, note, created_at, updated_at"
#define PARK_WHERE \
	" FROM parks WHERE zone_id = ?1" \
	" AND (?2 IS NULL OR " LIKE_ANY("?2", "name") " OR " LIKE_ANY("?2", "code") ")" \
	" AND (?3 IS NULL OR kind = ?3)"

#define ORG_COLS "id, zone_id, name, kind, uscc, contact, phone, address, note, park_id," \
	" building_id, floor, chain_id, zjtx, high_tech, above_scale, employees, sector, created_at, updated_at"
#define ORG_WHERE \
	" FROM orgs WHERE zone_id = ?1" \
	" AND (?2 IS NULL OR " LIKE_ANY("?2", "name") " OR " LIKE_ANY("?2", "uscc") ")" \
	" AND (?3 IS NULL OR kind = ?3) AND (?4 IS NULL OR park_id = ?4)" \
	" AND (?5 IS NULL OR building_id = ?5) AND (?6 IS NULL OR chain_id = ?6)"

#define CHAIN_COLS "id, zone_id, code, name, category, sort_order, created_at, updated_at"
#define CHAIN_WHERE \
	" FROM chains WHERE zone_id = ?1" \
	" AND (?2 IS NULL OR " LIKE_ANY("?2", "name") " OR " LIKE_ANY("?2", "code") ")"

#define USER_COLS "id, username, name, role, zone_id, org_id, department, office_id, leader_id, " \
	"disabled AS \"disabled__bool\", created_at, updated_at"
#define USER_WHERE \
	" FROM users WHERE zone_id = ?1" \
	" AND (?2 IS NULL OR " LIKE_ANY("?2", "username") " OR " LIKE_ANY("?2", "name") ")" \
	" AND (?3 IS NULL OR role = ?3)"

#define ZONE_COLS "id, code, name, created_at"

#define AUDIT_WHERE \
	" FROM audit a LEFT JOIN users u ON u.id = a.user_id WHERE a.zone_id = ?1" \
	" AND (?2 IS NULL OR (a.entity = ?2 AND (?3 IS NULL OR a.entity_id = ?3))" \
	"  OR (a.parent_entity = ?2 AND (?3 IS NULL OR a.parent_id = ?3)))" \
	" AND (?2 IS NOT NULL OR ?3 IS NULL OR a.entity_id = ?3)"
#define AUDIT_COLS "a.id, a.zone_id, a.user_id, u.username, a.at, a.entity, a.entity_id, a.action," \
	" a.parent_entity, a.parent_id," \
	" a.before_json AS \"before__json\", a.after_json AS \"after__json\""


#define PROJECT_COLS \
	"p.id, p.zone_id, p.code, p.name, p.level, p.park_id, pk.name AS park_name," \
	" p.chain_id, c.name AS chain_name, p.owner_org_id, o.name AS owner_name," \
	" p.contractor_org_id, ct.name AS contractor_name, p.manager, p.leader," \
	" p.total_investment, p.planned_start, p.planned_finish, p.location, p.note," \
	" p.archived AS \"archived__bool\", p.created_at, p.updated_at"
#define PROJECT_JOINS \
	" FROM projects p LEFT JOIN parks pk ON pk.id = p.park_id" \
	" LEFT JOIN chains c ON c.id = p.chain_id LEFT JOIN orgs o ON o.id = p.owner_org_id" \
	" LEFT JOIN orgs ct ON ct.id = p.contractor_org_id"
/* The latest report and event on or before a date: "as it was then". */
#define LATEST_REPORT(col, asof) \
	"(SELECT r." col " FROM progress_reports r WHERE r.project_id = p.id" \
	" AND r.date <= " asof " ORDER BY r.date DESC, r.id DESC LIMIT 1)"
#define LAST_EVENT(asof) \
	"(SELECT e.kind FROM project_events e WHERE e.project_id = p.id" \
	" AND e.date <= " asof " ORDER BY e.date DESC, e.id DESC LIMIT 1)"
/* The same, from the project row's cur_* columns (migration 011) when the
 * as-of date is on or after the project's latest report / event — they are
 * then the same rows — and looked up otherwise. */
#define REPORT_FRESH(asof) "(p.cur_report_date IS NULL OR p.cur_report_date <= " asof ")"
#define EVENT_FRESH(asof) "(p.cur_event_date IS NULL OR p.cur_event_date <= " asof ")"
#define CUR_REPORT(cur, col, asof) \
	"CASE WHEN " REPORT_FRESH(asof) " THEN p." cur " ELSE " LATEST_REPORT(col, asof) " END"
#define CUR_EVENT(asof) "CASE WHEN " EVENT_FRESH(asof) " THEN p.cur_event ELSE " LAST_EVENT(asof) " END"
/* A project's summary rewritten from its reports and events. */
#define PROJECT_CURRENT_SET(pid) "UPDATE projects SET" \
	" cur_report_date = (SELECT r.date FROM progress_reports r WHERE r.project_id = " pid \
	"  ORDER BY r.date DESC, r.id DESC LIMIT 1)," \
	" cur_phase = (SELECT r.phase FROM progress_reports r WHERE r.project_id = " pid \
	"  ORDER BY r.date DESC, r.id DESC LIMIT 1)," \
	" cur_invest_to_date = (SELECT r.invest_to_date FROM progress_reports r WHERE r.project_id = " pid \
	"  ORDER BY r.date DESC, r.id DESC LIMIT 1)," \
	" cur_event_date = (SELECT e.date FROM project_events e WHERE e.project_id = " pid \
	"  ORDER BY e.date DESC, e.id DESC LIMIT 1)," \
	" cur_event = (SELECT e.kind FROM project_events e WHERE e.project_id = " pid \
	"  ORDER BY e.date DESC, e.id DESC LIMIT 1)," \
	" cur_started_on = (SELECT MIN(e.date) FROM project_events e WHERE e.project_id = " pid \
	"  AND e.kind = 'start')," \
	" cur_first_start = (SELECT MIN(e.date) FROM project_events e WHERE e.project_id = " pid \
	"  AND e.kind <> 'stop')"
/* The investment each year-list row's year completed (the reports' order
 * and bounds are those of KFG_ROWS, so the sum is the same number). */
#define PROJECT_YEARS_CURRENT_SET "UPDATE project_years SET cur_invest_year =" \
	" (SELECT SUM(r.invest_period) FROM progress_reports r WHERE r.project_id = project_years.project_id" \
	" AND r.date >= project_years.year || '-01-01' AND r.date <= project_years.year || '-12-31')"
#define LEAD_CURRENT_SET "UPDATE leads SET" \
	" cur_stage_stage = (SELECT s.stage FROM lead_stages s WHERE s.lead_id = leads.id" \
	"  ORDER BY s.date DESC, s.id DESC LIMIT 1)," \
	" cur_stage_date = (SELECT s.date FROM lead_stages s WHERE s.lead_id = leads.id" \
	"  ORDER BY s.date DESC, s.id DESC LIMIT 1)," \
	" cur_contact_date = (SELECT MAX(k.date) FROM lead_contacts k WHERE k.lead_id = leads.id)"


/* One row of PROJECT_ROWS / PROJECT_ONE: ?1 zone, ?2 as-of date. */
#define PROJECT_ROW_SELECT "SELECT " PROJECT_COLS "," \
	" " CUR_REPORT("cur_phase", "phase", "?2") " AS phase_index," \
	" " CUR_REPORT("cur_invest_to_date", "invest_to_date", "?2") " AS invest_to_date," \
	" " CUR_REPORT("cur_report_date", "date", "?2") " AS last_report_date," \
	" " CUR_EVENT("?2") " AS last_event," \
	" CASE WHEN " EVENT_FRESH("?2") " THEN p.cur_started_on ELSE" \
	" (SELECT MIN(e.date) FROM project_events e WHERE e.project_id = p.id AND e.kind = 'start'" \
	"  AND e.date <= ?2) END AS started_on," \
	" (SELECT COUNT(*) FROM problems q WHERE q.project_id = p.id AND q.status <> 'solved') AS open_problems," \
	" (SELECT COUNT(*) FROM problems q WHERE q.project_id = p.id AND q.status <> 'solved'" \
	"  AND q.due_date < ?2) AS overdue_problems" \
	PROJECT_JOINS

#define LEAD_STAGE_AT(col, asof) \
	"(CASE WHEN l.cur_stage_date IS NULL OR l.cur_stage_date <= " asof " THEN l.cur_stage_" col \
	" ELSE (SELECT s." col " FROM lead_stages s WHERE s.lead_id = l.id AND s.date <= " asof \
	" ORDER BY s.date DESC, s.id DESC LIMIT 1) END)"
/* The latest contact on or before a date (the lead row's when it is). */
#define LEAD_CONTACT_AT(asof) \
	"(CASE WHEN l.cur_contact_date IS NULL OR l.cur_contact_date <= " asof " THEN l.cur_contact_date" \
	" ELSE (SELECT MAX(k.date) FROM lead_contacts k WHERE k.lead_id = l.id AND k.date <= " asof ") END)"
#define LEAD_REACHED(stage) \
	"(SELECT MIN(s.date) FROM lead_stages s WHERE s.lead_id = l.id AND s.stage = '" stage "')"
#define GENERIC_WHERE(table, col) \
	" FROM " table " WHERE zone_id = ?1 AND (?2 IS NULL OR " LIKE_ANY("?2", col) ")"

#define CAL_COLS "id, zone_id, date, is_workday AS \"is_workday__bool\", note, created_at, updated_at"
#define CAL_WHERE \
	" FROM zone_calendar WHERE zone_id = ?1 AND (?2 IS NULL OR " LIKE_ANY("?2", "note") ")" \
	" AND (?3 IS NULL OR CAST(substr(date, 1, 4) AS INTEGER) = ?3)" \
	" AND (?4 IS NULL OR CAST(substr(date, 6, 2) AS INTEGER) = ?4)"

/* Joint acceptance. */
#define ACC_DEPT_COLS "id, zone_id, name, review_days, sort_order, active AS \"active__bool\"," \
	" created_at, updated_at"
#define ACC_ITEM_COLS "id, zone_id, name, note, sort_order, created_at, updated_at"
#define ACC_CASE_COLS "c.id, c.zone_id, c.project_id, p.code AS project_code, p.name AS project_name," \
	" c.applicant_org_id, o.name AS applicant_name, c.title, c.building, c.opened_by, c.submitted_on," \
	" c.submissions, c.created_at, c.updated_at FROM acc_cases c JOIN projects p ON p.id = c.project_id" \
	" JOIN orgs o ON o.id = c.applicant_org_id"
#define ACC_FILE_COLS "f.id, f.case_id, f.item_id, i.name AS item_name, f.round, f.filename, f.sha256," \
	" f.size, f.mime, f.uploaded_by, f.uploaded_at FROM acc_files f JOIN acc_items i ON i.id = f.item_id"
#define ACC_REVIEW_COLS "r.id, r.case_id, r.department_id, d.name AS department_name, r.round," \
	" r.submission, r.started_on, r.due_on, r.decided_on, r.decision, r.opinion," \
	" r.points_json AS \"points__json\", r.reviewer_id, u.name AS reviewer_name FROM acc_reviews r" \
	" JOIN acc_departments d ON d.id = r.department_id LEFT JOIN users u ON u.id = r.reviewer_id"
#define ACC_INSP_COLS "id, case_id, round, started_on, due_on, scheduled_on, held_on, result, opinion"

/* X(name, text) */
#include "store/sql_service.h"
#include "store/sql_mujun.h"

#define STMT_LIST(X) \
	STMT_LIST_MUJUN(X) \
	STMT_LIST_SERVICE(X) \
	X(PING, "SELECT 1") \
	X(SCHEMA_VERSION, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations") \
	X(MIGRATION_DONE, "INSERT INTO schema_migrations(version, name, applied_at) VALUES (?1, ?2, ?3)") \
	\
	X(ZONE_INSERT, "INSERT INTO zones(code, name, created_at) VALUES (?1, ?2, ?3) RETURNING id") \
	X(ZONE_GET, "SELECT " ZONE_COLS " FROM zones WHERE id = ?1") \
	X(ZONE_BY_CODE, "SELECT " ZONE_COLS " FROM zones WHERE code = ?1") \
	X(ZONE_ALL, "SELECT " ZONE_COLS " FROM zones ORDER BY id") \
	X(ZONE_UPDATE, "UPDATE zones SET name = ?2 WHERE id = ?1") \
	\
	X(PARK_LIST, "SELECT " PARK_COLS PARK_WHERE " ORDER BY " \
		SORT_BY("?4", "name") SORT_BY("?4", "code") SORT_BY("?4", "kind") \
		SORT_BY("?4", "created_at") SORT_BY("?4", "updated_at") SORT_BY("?4", "id") "id LIMIT ?5 OFFSET ?6") \
	X(PARK_COUNT, "SELECT COUNT(*)" PARK_WHERE) \
	X(PARK_GET, "SELECT " PARK_COLS " FROM parks WHERE zone_id = ?1 AND id = ?2") \
	X(PARK_INSERT, "INSERT INTO parks(zone_id, created_at, updated_at, name, kind, code, note)" \
		" VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6) RETURNING id") \
	X(PARK_UPDATE, "UPDATE parks SET updated_at = ?2, name = ?3, kind = ?4, code = ?5, note = ?6" \
		" WHERE zone_id = ?1 AND id = ?7") \
	X(PARK_DELETE, "DELETE FROM parks WHERE zone_id = ?1 AND id = ?2") \
	\
	X(ORG_LIST, "SELECT " ORG_COLS ORG_WHERE " ORDER BY " \
		SORT_BY("?7", "name") SORT_BY("?7", "kind") SORT_BY("?7", "uscc") SORT_BY("?7", "employees") \
		SORT_BY("?7", "created_at") SORT_BY("?7", "updated_at") SORT_BY("?7", "id") "id LIMIT ?8 OFFSET ?9") \
	X(ORG_COUNT, "SELECT COUNT(*)" ORG_WHERE) \
	X(ORG_GET, "SELECT " ORG_COLS " FROM orgs WHERE zone_id = ?1 AND id = ?2") \
	X(ORG_INSERT, "INSERT INTO orgs(zone_id, created_at, updated_at, name, kind, uscc, contact, phone, address, note," \
		" park_id, building_id, floor, chain_id, zjtx, high_tech, above_scale, employees, sector)" \
		" VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, COALESCE(?15, 0)," \
		" COALESCE(?16, 0), ?17, ?18) RETURNING id") \
	X(ORG_UPDATE, "UPDATE orgs SET updated_at = ?2, name = ?3, kind = ?4, uscc = ?5, contact = ?6," \
		" phone = ?7, address = ?8, note = ?9, park_id = ?10, building_id = ?11, floor = ?12, chain_id = ?13," \
		" zjtx = ?14, high_tech = COALESCE(?15, 0), above_scale = COALESCE(?16, 0), employees = ?17, sector = ?18" \
		" WHERE zone_id = ?1 AND id = ?19") \
	X(ORG_DELETE, "DELETE FROM orgs WHERE zone_id = ?1 AND id = ?2") \
	\
	X(CHAIN_LIST, "SELECT " CHAIN_COLS CHAIN_WHERE " ORDER BY " \
		SORT_BY("?3", "sort_order") SORT_BY("?3", "code") SORT_BY("?3", "name") \
		SORT_BY("?3", "category") SORT_BY("?3", "created_at") SORT_BY("?3", "id") "id LIMIT ?4 OFFSET ?5") \
	X(CHAIN_COUNT, "SELECT COUNT(*)" CHAIN_WHERE) \
	X(CHAIN_GET, "SELECT " CHAIN_COLS " FROM chains WHERE zone_id = ?1 AND id = ?2") \
	X(CHAIN_INSERT, "INSERT INTO chains(zone_id, created_at, updated_at, code, name, category, sort_order)" \
		" VALUES (?1, ?2, ?2, ?3, ?4, ?5, COALESCE(?6, 0)) RETURNING id") \
	X(CHAIN_UPDATE, "UPDATE chains SET updated_at = ?2, code = ?3, name = ?4, category = ?5," \
		" sort_order = COALESCE(?6, 0) WHERE zone_id = ?1 AND id = ?7") \
	X(CHAIN_DELETE, "DELETE FROM chains WHERE zone_id = ?1 AND id = ?2") \
	\
	X(USER_LIST, "SELECT " USER_COLS USER_WHERE " ORDER BY " \
		SORT_BY("?4", "username") SORT_BY("?4", "name") SORT_BY("?4", "role") \
		SORT_BY("?4", "created_at") SORT_BY("?4", "id") "id LIMIT ?5 OFFSET ?6") \
	X(USER_COUNT, "SELECT COUNT(*)" USER_WHERE) \
	X(USER_GET, "SELECT " USER_COLS " FROM users WHERE zone_id = ?1 AND id = ?2") \
	X(USER_ALL, "SELECT u.id, u.username, u.name, u.role, z.code AS zone, u.disabled AS \"disabled__bool\"" \
		" FROM users u JOIN zones z ON z.id = u.zone_id" \
		" WHERE (?1 IS NULL OR z.code = ?1) ORDER BY z.code, u.username") \
	X(USER_INSERT, "INSERT INTO users(zone_id, created_at, updated_at, username, name, role, org_id, department," \
		" office_id, pw_hash, leader_id, disabled) VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 0)" \
		" RETURNING id") \
	X(USER_UPDATE, "UPDATE users SET updated_at = ?2, name = ?3, role = ?4, org_id = ?5, department = ?6," \
		" office_id = ?7, disabled = ?8, leader_id = ?9 WHERE zone_id = ?1 AND id = ?10") \
	X(USER_SET_PASSWORD, "UPDATE users SET updated_at = ?2, pw_hash = ?3 WHERE zone_id = ?1 AND id = ?4") \
	X(USER_AUTH, "SELECT id, zone_id, pw_hash, disabled, role FROM users WHERE username = ?1") \
	X(USER_BY_NAME, "SELECT " USER_COLS " FROM users WHERE username = ?1") \
	\
	X(SESSION_INSERT, "INSERT INTO sessions(token_hash, user_id, zone_id, csrf_token, created_at, expires_at)" \
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6)") \
	X(SESSION_GET, "SELECT s.user_id, s.zone_id, s.csrf_token, u.username, u.role, u.org_id" \
		" FROM sessions s JOIN users u ON u.id = s.user_id" \
		" WHERE s.token_hash = ?1 AND s.expires_at > ?2 AND u.disabled = 0 AND u.zone_id = s.zone_id") \
	X(SESSION_DELETE, "DELETE FROM sessions WHERE token_hash = ?1") \
	X(SESSION_DELETE_USER, "DELETE FROM sessions WHERE user_id = ?1") \
	X(SESSION_PURGE, "DELETE FROM sessions WHERE expires_at <= ?1") \
	\
	X(LOGIN_FAILS, "SELECT COUNT(*) FROM login_attempts WHERE username = ?1 AND at > ?2") \
	X(LOGIN_FAILS_IP, "SELECT COUNT(*) FROM login_attempts WHERE ip = ?1 AND at > ?2") \
	X(LOGIN_FAIL_ADD, "INSERT INTO login_attempts(username, ip, at) VALUES (?1, ?2, ?3)") \
	X(LOGIN_FAIL_CLEAR, "DELETE FROM login_attempts WHERE username = ?1 OR at <= ?2") \
	\
	X(AUDIT_INSERT, "INSERT INTO audit(zone_id, user_id, at, entity, entity_id, action, before_json," \
		" after_json, parent_entity, parent_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)") \
	X(AUDIT_LIST, "SELECT " AUDIT_COLS AUDIT_WHERE \
		" ORDER BY CASE WHEN ?4 = 'id' THEN a.id END, a.id DESC LIMIT ?5 OFFSET ?6") \
	X(AUDIT_COUNT, "SELECT COUNT(*)" AUDIT_WHERE) \
	\
	/* Investment code tables and records (generic resources). */ \
	X(OFFICE_LIST, "SELECT id, zone_id, name, city, note, created_at, updated_at" \
		GENERIC_WHERE("liaison_offices", "name") " ORDER BY " SORT_BY("?3", "name") \
		SORT_BY("?3", "city") SORT_BY("?3", "id") "id LIMIT ?4 OFFSET ?5") \
	X(OFFICE_COUNT, "SELECT COUNT(*)" GENERIC_WHERE("liaison_offices", "name")) \
	X(OFFICE_GET, "SELECT id, zone_id, name, city, note, created_at, updated_at FROM liaison_offices" \
		" WHERE zone_id = ?1 AND id = ?2") \
	X(OFFICE_INSERT, "INSERT INTO liaison_offices(zone_id, created_at, updated_at, name, city, note)" \
		" VALUES (?1, ?2, ?2, ?3, ?4, ?5) RETURNING id") \
	X(OFFICE_UPDATE, "UPDATE liaison_offices SET updated_at = ?2, name = ?3, city = ?4, note = ?5" \
		" WHERE zone_id = ?1 AND id = ?6") \
	X(OFFICE_DELETE, "DELETE FROM liaison_offices WHERE zone_id = ?1 AND id = ?2") \
	X(REGION_LIST, "SELECT id, zone_id, name, sort_order, created_at, updated_at" \
		GENERIC_WHERE("source_regions", "name") " ORDER BY " SORT_BY("?3", "name") \
		SORT_BY("?3", "sort_order") SORT_BY("?3", "id") "sort_order, id LIMIT ?4 OFFSET ?5") \
	X(REGION_COUNT, "SELECT COUNT(*)" GENERIC_WHERE("source_regions", "name")) \
	X(REGION_GET, "SELECT id, zone_id, name, sort_order, created_at, updated_at FROM source_regions" \
		" WHERE zone_id = ?1 AND id = ?2") \
	X(REGION_INSERT, "INSERT INTO source_regions(zone_id, created_at, updated_at, name, sort_order)" \
		" VALUES (?1, ?2, ?2, ?3, COALESCE(?4, 0)) RETURNING id") \
	X(REGION_UPDATE, "UPDATE source_regions SET updated_at = ?2, name = ?3, sort_order = COALESCE(?4, 0)" \
		" WHERE zone_id = ?1 AND id = ?5") \
	X(REGION_DELETE, "DELETE FROM source_regions WHERE zone_id = ?1 AND id = ?2") \
	X(SEVENT_LIST, "SELECT id, zone_id, date, title, kind, mode, location, note, created_at, updated_at" \
		GENERIC_WHERE("signing_events", "title") " AND (?3 IS NULL OR kind = ?3)" \
		" ORDER BY " SORT_BY("?4", "date") SORT_BY("?4", "title") SORT_BY("?4", "id") \
		"date DESC, id DESC LIMIT ?5 OFFSET ?6") \
	X(SEVENT_COUNT, "SELECT COUNT(*)" GENERIC_WHERE("signing_events", "title") \
		" AND (?3 IS NULL OR kind = ?3)") \
	X(SEVENT_GET, "SELECT id, zone_id, date, title, kind, mode, location, note, created_at, updated_at" \
		" FROM signing_events WHERE zone_id = ?1 AND id = ?2") \
	X(SEVENT_INSERT, "INSERT INTO signing_events(zone_id, created_at, updated_at, date, title, kind, mode," \
		" location, note) VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6, ?7, ?8) RETURNING id") \
	X(SEVENT_UPDATE, "UPDATE signing_events SET updated_at = ?2, date = ?3, title = ?4, kind = ?5, mode = ?6," \
		" location = ?7, note = ?8 WHERE zone_id = ?1 AND id = ?9") \
	X(SEVENT_DELETE, "DELETE FROM signing_events WHERE zone_id = ?1 AND id = ?2") \
	X(HIGHLIGHT_LIST, "SELECT id, zone_id, date, title, text, lead_id, event_id, created_at, updated_at" \
		GENERIC_WHERE("highlights", "title") " ORDER BY " SORT_BY("?3", "date") SORT_BY("?3", "id") \
		"date DESC, id DESC LIMIT ?4 OFFSET ?5") \
	X(HIGHLIGHT_COUNT, "SELECT COUNT(*)" GENERIC_WHERE("highlights", "title")) \
	X(HIGHLIGHT_GET, "SELECT id, zone_id, date, title, text, lead_id, event_id, created_at, updated_at" \
		" FROM highlights WHERE zone_id = ?1 AND id = ?2") \
	X(HIGHLIGHT_INSERT, "INSERT INTO highlights(zone_id, created_at, updated_at, date, title, text, lead_id," \
		" event_id) VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING id") \
	X(HIGHLIGHT_UPDATE, "UPDATE highlights SET updated_at = ?2, date = ?3, title = ?4, text = ?5," \
		" lead_id = ?6, event_id = ?7 WHERE zone_id = ?1 AND id = ?8") \
	X(HIGHLIGHT_DELETE, "DELETE FROM highlights WHERE zone_id = ?1 AND id = ?2") \
	\
	/* Leads: ?1 zone, ?2 as-of, ?3 id, ?4 q, ?5 chain, ?6 region, ?7 office, ?8 officer,
	 * ?9 signed at event. Stage, score and stalled are derived in C. */ \
	X(LEAD_ROWS, "SELECT l.id, l.zone_id, l.code, l.project_name, l.investor_name, l.investor_org_id," \
		" io.name AS investor_org_name, l.chain_id, c.name AS chain_name, l.region_id," \
		" r.name AS region_name, l.office_id, o.name AS office_name, l.officer_id, u.name AS officer_name," \
		" l.planned_investment, l.expected_tax, l.land_mu, l.expected_output, l.energy_tce," \
		" l.high_tech AS \"high_tech__bool\", l.patents, l.srdi_level, l.notes, l.enterprise_org_id," \
		" e.name AS enterprise_name, l.project_id, p.code AS project_code, p.name AS key_project_name," \
		" l.land_supplied_on, l.created_at, l.updated_at," \
		" " LEAD_STAGE_AT("stage", "?2") " AS stage, " LEAD_STAGE_AT("date", "?2") " AS stage_date," \
		" " LEAD_REACHED("negotiating") " AS negotiating_on, " LEAD_REACHED("signed") " AS signed_on," \
		" " LEAD_REACHED("registered") " AS registered_on, " LEAD_REACHED("started") " AS started_on," \
		" " LEAD_REACHED("producing") " AS producing_on," \
		" " LEAD_CONTACT_AT("?2") " AS last_contact," \
		" (SELECT COUNT(*) FROM lead_contacts k WHERE k.lead_id = l.id) AS contacts" \
		" FROM leads l LEFT JOIN orgs io ON io.id = l.investor_org_id LEFT JOIN chains c ON c.id = l.chain_id" \
		" LEFT JOIN source_regions r ON r.id = l.region_id LEFT JOIN liaison_offices o ON o.id = l.office_id" \
		" LEFT JOIN users u ON u.id = l.officer_id LEFT JOIN orgs e ON e.id = l.enterprise_org_id" \
		" LEFT JOIN projects p ON p.id = l.project_id" \
		" WHERE l.zone_id = ?1 AND (?3 IS NULL OR l.id = ?3)" \
		" AND (?4 IS NULL OR " LIKE_ANY("?4", "l.project_name") " OR " LIKE_ANY("?4", "l.investor_name") \
		"  OR " LIKE_ANY("?4", "l.code") ")" \
		" AND (?5 IS NULL OR l.chain_id = ?5) AND (?6 IS NULL OR l.region_id = ?6)" \
		" AND (?7 IS NULL OR l.office_id = ?7) AND (?8 IS NULL OR l.officer_id = ?8)" \
		" AND (?9 IS NULL OR EXISTS (SELECT 1 FROM lead_stages s WHERE s.lead_id = l.id AND s.event_id = ?9))" \
		" ORDER BY l.code") \
	/* Each lead's stage and its date as of ?2, and its last contact by
	 * then: the funnel's "current" column and the stalled count. */ \
	X(LEAD_FUNNEL, "SELECT " LEAD_STAGE_AT("stage", "?2") " AS stage, " LEAD_STAGE_AT("date", "?2") \
		" AS stage_date, " LEAD_CONTACT_AT("?2") \
		" AS last_contact FROM leads l WHERE l.zone_id = ?1") \
	X(LEAD_INSERT, "INSERT INTO leads(zone_id, created_at, updated_at, code, project_name, investor_name," \
		" investor_org_id, chain_id, region_id, office_id, officer_id, planned_investment, expected_tax," \
		" land_mu, expected_output, energy_tce, high_tech, patents, srdi_level, notes, enterprise_org_id," \
		" project_id, land_supplied_on) VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12," \
		" ?13, ?14, ?15, COALESCE(?16, 0), ?17, ?18, ?19, ?20, ?21, ?22) RETURNING id") \
	X(LEAD_UPDATE, "UPDATE leads SET updated_at = ?2, code = ?3, project_name = ?4, investor_name = ?5," \
		" investor_org_id = ?6, chain_id = ?7, region_id = ?8, office_id = ?9, officer_id = ?10," \
		" planned_investment = ?11, expected_tax = ?12, land_mu = ?13, expected_output = ?14," \
		" energy_tce = ?15, high_tech = COALESCE(?16, 0), patents = ?17, srdi_level = ?18, notes = ?19," \
		" enterprise_org_id = ?20, project_id = ?21, land_supplied_on = ?22 WHERE zone_id = ?1 AND id = ?23") \
	/* The lead row's latest stage move and contact (migration 011), in the
	 * transaction of every move or contact: ?1 zone, ?2 lead. */ \
	X(LEAD_CURRENT, LEAD_CURRENT_SET " WHERE zone_id = ?1 AND id = ?2") \
	X(LEAD_CURRENT_ZONE, LEAD_CURRENT_SET " WHERE zone_id = ?1") \
	/* What an event signed, for the investment report's totals: the leads
	 * found through the event's moves, in the order of LEAD_ROWS. */ \
	X(SEVENT_TOTALS, "SELECT l.planned_investment, c.name AS chain_name FROM leads l" \
		" LEFT JOIN chains c ON c.id = l.chain_id WHERE l.zone_id = ?1 AND l.id IN" \
		" (SELECT s.lead_id FROM lead_stages s WHERE s.zone_id = ?1 AND s.event_id = ?2) ORDER BY l.code") \
	X(LEAD_OFFICER, "SELECT officer_id FROM leads WHERE zone_id = ?1 AND id = ?2") \
	/* A lead the user may write: theirs, or their liaison office's. */ \
	X(LEAD_WRITABLE, "SELECT COUNT(*) FROM leads l WHERE l.zone_id = ?1 AND l.id = ?2" \
		" AND (l.officer_id = ?3 OR (l.office_id IS NOT NULL AND l.office_id =" \
		" (SELECT u.office_id FROM users u WHERE u.id = ?3)))") \
	X(LEAD_BY_CODE, "SELECT id FROM leads WHERE zone_id = ?1 AND code = ?2") \
	X(STAGE_LIST, "SELECT s.id, s.lead_id, s.stage, s.date, s.reason, s.event_id, ev.title AS event_title," \
		" s.created_by, u.name AS created_by_name, s.created_at FROM lead_stages s" \
		" LEFT JOIN signing_events ev ON ev.id = s.event_id LEFT JOIN users u ON u.id = s.created_by" \
		" WHERE s.zone_id = ?1 AND s.lead_id = ?2 ORDER BY s.date, s.id") \
	X(STAGE_GET, "SELECT id, lead_id, stage, date, reason, event_id, created_by, created_at FROM lead_stages" \
		" WHERE zone_id = ?1 AND id = ?2") \
	X(STAGE_INSERT, "INSERT INTO lead_stages(zone_id, lead_id, stage, date, reason, event_id, created_by," \
		" created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) RETURNING id") \
	X(CONTACT_LIST, "SELECT k.id, k.lead_id, k.channel, k.date, k.participants, k.summary, k.next_step," \
		" k.next_date, k.created_by, u.name AS created_by_name, k.created_at FROM lead_contacts k" \
		" LEFT JOIN users u ON u.id = k.created_by WHERE k.zone_id = ?1 AND k.lead_id = ?2" \
		" ORDER BY k.date DESC, k.id DESC") \
	X(CONTACT_GET, "SELECT id, lead_id, channel, date, participants, summary, next_step, next_date," \
		" created_by, created_at, updated_at FROM lead_contacts WHERE zone_id = ?1 AND id = ?2") \
	X(CONTACT_INSERT, "INSERT INTO lead_contacts(zone_id, lead_id, channel, date, participants, summary," \
		" next_step, next_date, created_by, created_at, updated_at)" \
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10) RETURNING id") \
	/* Next steps due by ?2 (the latest contact of each lead that names one). */ \
	X(CONTACT_DUE, "SELECT k.id, k.lead_id, l.code AS lead_code, l.project_name, k.channel, k.date," \
		" k.next_step, k.next_date, l.officer_id, u.name AS officer_name," \
		" CASE WHEN k.next_date < ?3 THEN 1 ELSE 0 END AS \"overdue__bool\"" \
		" FROM lead_contacts k JOIN leads l ON l.id = k.lead_id LEFT JOIN users u ON u.id = l.officer_id" \
		" WHERE k.zone_id = ?1 AND k.next_date IS NOT NULL AND k.next_date <= ?2" \
		" AND (?4 IS NULL OR l.officer_id = ?4)" \
		" AND k.id = (SELECT k2.id FROM lead_contacts k2 WHERE k2.lead_id = k.lead_id" \
		"  ORDER BY k2.date DESC, k2.id DESC LIMIT 1)" \
		" ORDER BY k.next_date, k.id") \
	/* Stage moves and contacts in a period, for funnels and cadence. */ \
	X(STAGE_MOVES, "SELECT s.lead_id, s.stage, s.date, s.event_id, l.planned_investment, l.chain_id," \
		" c.name AS chain_name, l.region_id, r.name AS region_name, l.office_id, o.name AS office_name" \
		" FROM lead_stages s JOIN leads l ON l.id = s.lead_id LEFT JOIN chains c ON c.id = l.chain_id" \
		" LEFT JOIN source_regions r ON r.id = l.region_id LEFT JOIN liaison_offices o ON o.id = l.office_id" \
		" WHERE s.zone_id = ?1 AND s.date >= ?2 AND s.date <= ?3 ORDER BY s.date, s.id") \
	X(EVENT_DATES, "SELECT e.date, e.kind, e.id, e.title, e.mode," \
		" (SELECT COUNT(*) FROM lead_stages s WHERE s.zone_id = e.zone_id AND s.event_id = e.id" \
		"  AND s.stage = 'signed') AS signed" \
		" FROM signing_events e WHERE e.zone_id = ?1 AND e.date >= ?2 AND e.date <= ?3 ORDER BY e.date, e.id") \
	X(HIGHLIGHT_DATES, "SELECT date FROM highlights WHERE zone_id = ?1 AND date >= ?2 AND date <= ?3" \
		" ORDER BY date") \
	X(USER_IN_ZONE, "SELECT id, role FROM users WHERE zone_id = ?1 AND id = ?2") \
	/* Inconsistent inputs the briefing names instead of hiding. */ \
	X(FLAG_INVEST_DOWN, "SELECT p.code, p.name, r.date, r.invest_to_date, r.prev FROM (" \
		"SELECT r.project_id, r.date, r.invest_to_date, LAG(r.invest_to_date) OVER" \
		" (PARTITION BY r.project_id ORDER BY r.date, r.id) AS prev FROM progress_reports r" \
		" WHERE r.zone_id = ?1 AND r.date <= ?2) r JOIN projects p ON p.id = r.project_id" \
		" WHERE r.prev IS NOT NULL AND r.invest_to_date < r.prev ORDER BY p.code, r.date") \
	X(FLAG_EARLY_START, "SELECT p.code, p.name, MIN(e.date) AS first_start FROM project_years y" \
		" JOIN projects p ON p.id = y.project_id JOIN project_events e ON e.project_id = p.id" \
		" AND e.kind = 'start' WHERE y.zone_id = ?1 AND y.year = ?2 AND y.kind = 'new'" \
		" GROUP BY p.id, p.code, p.name HAVING MIN(e.date) < ?3 ORDER BY p.code") \
	X(FLAG_SIGNED_BEFORE_CONTACT, "SELECT l.code, l.project_name, s.date, f.first_contact" \
		" FROM lead_stages s JOIN leads l ON l.id = s.lead_id" \
		" JOIN (SELECT k.lead_id, MIN(k.date) AS first_contact FROM lead_contacts k" \
		"  WHERE k.zone_id = ?1 GROUP BY k.lead_id) f ON f.lead_id = l.id" \
		" WHERE s.zone_id = ?1 AND s.stage = 'signed' AND s.event_id IS NOT NULL" \
		" AND s.date < f.first_contact AND s.date <= ?2 ORDER BY l.code") \
	/* The cohort of leads first signed in ?2..?3, and when each reached the
	 * later stages; acceptance is the first passed site inspection of the
	 * lead's key project. */ \
	X(COHORT_ROWS, "SELECT l.id, l.code, l.project_name, l.project_id, p.code AS project_code," \
		" l.enterprise_org_id, e.name AS enterprise_name, " LEAD_REACHED("signed") " AS signed_on," \
		" " LEAD_REACHED("registered") " AS registered_on, " LEAD_REACHED("started") " AS started_on," \
		" (SELECT MIN(i.held_on) FROM acc_inspections i JOIN acc_cases c ON c.id = i.case_id" \
		"  WHERE c.project_id = l.project_id AND i.result = 'pass') AS accepted_on," \
		" " LEAD_REACHED("producing") " AS producing_on" \
		" FROM leads l LEFT JOIN projects p ON p.id = l.project_id LEFT JOIN orgs e ON e.id = l.enterprise_org_id" \
		" WHERE l.zone_id = ?1 AND " LEAD_REACHED("signed") " BETWEEN ?2 AND ?3" \
		" ORDER BY signed_on, l.code") \
	/* A key project's thread: the lead it came from, its acceptance cases. */ \
	X(PROJECT_LEADS, "SELECT id, code, project_name FROM leads WHERE zone_id = ?1 AND project_id = ?2" \
		" ORDER BY id") \
	X(PROJECT_CASES, "SELECT id, title, building, submitted_on FROM acc_cases" \
		" WHERE zone_id = ?1 AND project_id = ?2 ORDER BY id") \
	X(SEVENT_SIGNED, "SELECT COUNT(*) FROM lead_stages WHERE zone_id = ?1 AND event_id = ?2") \
	X(REGION_BY_NAME, "SELECT id FROM source_regions WHERE zone_id = ?1 AND name = ?2") \
	X(OFFICE_BY_NAME, "SELECT id FROM liaison_offices WHERE zone_id = ?1 AND name = ?2") \
	X(USER_BY_FULLNAME, "SELECT id FROM users WHERE zone_id = ?1 AND (name = ?2 OR username = ?2)" \
		" ORDER BY id LIMIT 1") \
	\
	/* Key projects. ?1 zone, ?2 as-of date, ?3 one id or NULL, ?4 park,
	 * ?5 level, ?6 chain, ?7 q, ?8 year, ?9 year kind, ?10 archived too,
	 * ?11 owner org (an enterprise user's own), ?12 phase index as of ?2.
	 * Colour, status and sorting are applied in C over the rows; the phase
	 * is filtered here, so a filtered list derives only the rows it shows. */ \
	X(PROJECT_ROWS, PROJECT_ROW_SELECT \
		" WHERE p.zone_id = ?1 AND (?3 IS NULL OR p.id = ?3)" \
		" AND (?4 IS NULL OR p.park_id = ?4) AND (?5 IS NULL OR p.level = ?5)" \
		" AND (?6 IS NULL OR p.chain_id = ?6)" \
		" AND (?7 IS NULL OR " LIKE_ANY("?7", "p.name") " OR " LIKE_ANY("?7", "o.name") \
		"  OR " LIKE_ANY("?7", "p.code") ")" \
		" AND (?8 IS NULL OR EXISTS (SELECT 1 FROM project_years y WHERE y.project_id = p.id" \
		"  AND y.year = ?8 AND (?9 IS NULL OR y.kind = ?9)))" \
		" AND (?10 = 1 OR p.archived = 0) AND (?11 IS NULL OR p.owner_org_id = ?11)" \
		" AND (?12 IS NULL OR (" CUR_REPORT("cur_phase", "phase", "?2") ") = ?12)" \
		" ORDER BY p.code") \
	X(PROJECT_YEARS, "SELECT project_id, year, kind, planned_investment FROM project_years" \
		" WHERE zone_id = ?1 AND (?2 IS NULL OR project_id = ?2) ORDER BY project_id, year") \
	/* One project by id (its page, and after every save): the primary key,
	 * not a pass over the zone's projects as "?3 IS NULL OR p.id = ?3"
	 * makes it — an import of n rows was n² row visits. ?1 zone, ?2 as-of,
	 * ?3 id. */ \
	X(PROJECT_ONE, PROJECT_ROW_SELECT " WHERE p.zone_id = ?1 AND p.id = ?3") \
	/* +zone_id: scoped by the zone, found by the project's own index. */ \
	X(PROJECT_YEARS_ONE, "SELECT project_id, year, kind, planned_investment FROM project_years" \
		" WHERE +zone_id = ?1 AND project_id = ?2 ORDER BY year") \
	X(PROJECT_INSERT, "INSERT INTO projects(zone_id, created_at, updated_at, code, name, level, park_id," \
		" chain_id, owner_org_id, contractor_org_id, manager, leader, total_investment, planned_start," \
		" planned_finish, location, note, archived)" \
		" VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, COALESCE(?17, 0))" \
		" RETURNING id") \
	X(PROJECT_UPDATE, "UPDATE projects SET updated_at = ?2, code = ?3, name = ?4, level = ?5, park_id = ?6," \
		" chain_id = ?7, owner_org_id = ?8, contractor_org_id = ?9, manager = ?10, leader = ?11," \
		" total_investment = ?12, planned_start = ?13, planned_finish = ?14, location = ?15, note = ?16," \
		" archived = COALESCE(?17, 0) WHERE zone_id = ?1 AND id = ?18") \
	X(PROJECT_DELETE, "DELETE FROM projects WHERE zone_id = ?1 AND id = ?2") \
	X(PROJECT_BY_CODE, "SELECT id FROM projects WHERE zone_id = ?1 AND code = ?2") \
	X(PROJECT_OWNER, "SELECT owner_org_id FROM projects WHERE zone_id = ?1 AND id = ?2") \
	/* +zone_id: by the project's own index, not the zone's year index (a
	 * pass over the zone's year lists on every save). */ \
	X(PROJECT_YEARS_CLEAR, "DELETE FROM project_years WHERE +zone_id = ?1 AND project_id = ?2") \
	X(PROJECT_YEAR_ADD, "INSERT INTO project_years(zone_id, project_id, year, kind, planned_investment)" \
		" VALUES (?1, ?2, ?3, ?4, ?5)") \
	/* The project row's summary (migration 011), rewritten in the transaction
	 * of every report, event or year-list write: ?1 zone, ?2 project. The
	 * _ZONE forms rewrite a whole zone (the benchmark generator). */ \
	X(PROJECT_CURRENT, PROJECT_CURRENT_SET("?2") " WHERE zone_id = ?1 AND id = ?2") \
	X(PROJECT_YEARS_CURRENT, PROJECT_YEARS_CURRENT_SET " WHERE +zone_id = ?1 AND project_id = ?2") \
	X(PROJECT_CURRENT_ZONE, PROJECT_CURRENT_SET("projects.id") " WHERE zone_id = ?1") \
	X(PROJECT_YEARS_CURRENT_ZONE, PROJECT_YEARS_CURRENT_SET " WHERE zone_id = ?1") \
	X(PARK_BY_NAME, "SELECT id FROM parks WHERE zone_id = ?1 AND name = ?2") \
	X(CHAIN_BY_NAME, "SELECT id FROM chains WHERE zone_id = ?1 AND (name = ?2 OR code = ?2)") \
	X(ORG_BY_NAME, "SELECT id FROM orgs WHERE zone_id = ?1 AND name = ?2") \
	\
	X(EVENT_LIST, "SELECT id, project_id, kind, date, reason, created_at FROM project_events" \
		" WHERE zone_id = ?1 AND project_id = ?2 ORDER BY date, id") \
	X(EVENT_GET, "SELECT id, project_id, kind, date, reason, created_at FROM project_events" \
		" WHERE zone_id = ?1 AND id = ?2") \
	X(EVENT_INSERT, "INSERT INTO project_events(zone_id, project_id, kind, date, reason, created_at)" \
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id") \
	X(EVENT_DELETE, "DELETE FROM project_events WHERE zone_id = ?1 AND id = ?2") \
	\
	X(REPORT_LIST, "SELECT r.id, r.project_id, r.date, r.phase AS phase_index, r.phase_reason, r.workforce," \
		" r.invest_period, r.invest_to_date, r.quantities_json AS \"quantities__json\", r.note," \
		" r.created_by, u.name AS created_by_name, r.created_at" \
		" FROM progress_reports r LEFT JOIN users u ON u.id = r.created_by" \
		" WHERE r.zone_id = ?1 AND r.project_id = ?2" \
		" ORDER BY CASE WHEN ?3 = 'date' THEN r.date END, r.date DESC, r.id DESC LIMIT ?4 OFFSET ?5") \
	X(REPORT_COUNT, "SELECT COUNT(*) FROM progress_reports WHERE zone_id = ?1 AND project_id = ?2") \
	X(REPORT_GET, "SELECT r.id, r.project_id, r.date, r.phase AS phase_index, r.phase_reason, r.workforce," \
		" r.invest_period, r.invest_to_date, r.quantities_json AS \"quantities__json\", r.note," \
		" r.created_by, u.name AS created_by_name, r.created_at FROM progress_reports r" \
		" LEFT JOIN users u ON u.id = r.created_by WHERE r.zone_id = ?1 AND r.id = ?2") \
	/* The report just before a date (for phase order and running totals). */ \
	/* +zone_id: the zone still scopes the row, but the planner must take
	 * the project's index (a handful of rows, already in date order), not
	 * the zone's date index (every report of the zone up to the date). */ \
	X(REPORT_BEFORE, "SELECT phase, invest_to_date FROM progress_reports" \
		" WHERE +zone_id = ?1 AND project_id = ?2 AND date <= ?3 ORDER BY date DESC, id DESC LIMIT 1") \
	X(REPORT_INSERT, "INSERT INTO progress_reports(zone_id, project_id, date, phase, phase_reason, workforce," \
		" invest_period, invest_to_date, quantities_json, note, created_by, created_at)" \
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) RETURNING id") \
	X(REPORT_DELETE, "DELETE FROM progress_reports WHERE zone_id = ?1 AND id = ?2") \
	\
	X(PROBLEM_LIST, "SELECT q.id, q.project_id, p.code AS project_code, p.name AS project_name, q.report_id," \
		" q.description, q.department, q.due_date, q.status, q.closing_note, q.created_at, q.updated_at," \
		" CASE WHEN q.status <> 'solved' AND q.due_date < ?2 THEN 1 ELSE 0 END AS \"overdue__bool\"" \
		" FROM problems q JOIN projects p ON p.id = q.project_id" \
		" WHERE q.zone_id = ?1 AND (?3 IS NULL OR q.project_id = ?3) AND (?4 IS NULL OR q.status = ?4)" \
		" AND (?5 IS NULL OR ?5 = 0 OR (q.status <> 'solved' AND q.due_date < ?2))" \
		" AND (?6 IS NULL OR p.owner_org_id = ?6)" \
		" ORDER BY CASE WHEN q.status <> 'solved' AND q.due_date < ?2 THEN 0 ELSE 1 END," \
		" CASE WHEN q.status = 'solved' THEN 1 ELSE 0 END," \
		" CASE WHEN ?7 = '-due_date' THEN q.due_date END DESC, q.due_date, q.id LIMIT ?8 OFFSET ?9") \
	X(PROBLEM_COUNT, "SELECT COUNT(*) FROM problems q JOIN projects p ON p.id = q.project_id" \
		" WHERE q.zone_id = ?1 AND (?3 IS NULL OR q.project_id = ?3) AND (?4 IS NULL OR q.status = ?4)" \
		" AND (?5 IS NULL OR ?5 = 0 OR (q.status <> 'solved' AND q.due_date < ?2))" \
		" AND (?6 IS NULL OR p.owner_org_id = ?6)") \
	X(PROBLEM_GET, "SELECT id, project_id, report_id, description, department, due_date, status," \
		" closing_note, created_at, updated_at FROM problems WHERE zone_id = ?1 AND id = ?2") \
	X(PROBLEM_INSERT, "INSERT INTO problems(zone_id, project_id, report_id, description, department, due_date," \
		" status, closing_note, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)" \
		" RETURNING id") \
	X(PROBLEM_UPDATE, "UPDATE problems SET updated_at = ?2, description = ?3, department = ?4, due_date = ?5," \
		" status = ?6, closing_note = ?7 WHERE zone_id = ?1 AND id = ?8") \
	\
	X(NODE_LIST, "SELECT id, project_id, name, sort_order, planned_date, actual_date FROM project_nodes" \
		" WHERE zone_id = ?1 AND project_id = ?2 ORDER BY sort_order, id") \
	X(NODES_CLEAR, "DELETE FROM project_nodes WHERE zone_id = ?1 AND project_id = ?2") \
	X(NODE_ADD, "INSERT INTO project_nodes(zone_id, project_id, name, sort_order, planned_date, actual_date)" \
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6)") \
	X(NODE_TPL_LIST, "SELECT id, zone_id, name, sort_order, created_at, updated_at FROM node_templates" \
		" WHERE zone_id = ?1 AND (?2 IS NULL OR " LIKE_ANY("?2", "name") ") ORDER BY " \
		SORT_BY("?3", "name") SORT_BY("?3", "sort_order") SORT_BY("?3", "id") \
		"sort_order, id LIMIT ?4 OFFSET ?5") \
	X(NODE_TPL_COUNT, "SELECT COUNT(*) FROM node_templates WHERE zone_id = ?1" \
		" AND (?2 IS NULL OR " LIKE_ANY("?2", "name") ")") \
	X(NODE_TPL_GET, "SELECT id, zone_id, name, sort_order, created_at, updated_at FROM node_templates" \
		" WHERE zone_id = ?1 AND id = ?2") \
	X(NODE_TPL_INSERT, "INSERT INTO node_templates(zone_id, created_at, updated_at, name, sort_order)" \
		" VALUES (?1, ?2, ?2, ?3, COALESCE(?4, 0)) RETURNING id") \
	X(NODE_TPL_UPDATE, "UPDATE node_templates SET updated_at = ?2, name = ?3, sort_order = COALESCE(?4, 0)" \
		" WHERE zone_id = ?1 AND id = ?5") \
	X(NODE_TPL_DELETE, "DELETE FROM node_templates WHERE zone_id = ?1 AND id = ?2") \
	\
	X(SETTING_LIST, "SELECT key, value FROM zone_settings WHERE zone_id = ?1") \
	X(SETTING_PUT, "INSERT INTO zone_settings(zone_id, key, value, updated_at) VALUES (?1, ?2, ?3, ?4)" \
		" ON CONFLICT (zone_id, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at") \
	\
	/* 开复工 as of ?3 for year ?2's list; ?4, ?5 = the year's first and
	 * last day: investment counts only within the list's year. */ \
	X(KFG_ROWS, "SELECT p.id, p.code, p.name, p.level, p.park_id, pk.name AS park_name, p.chain_id," \
		" c.name AS chain_name, y.kind, y.planned_investment, " CUR_EVENT("?3") " AS last_event," \
		" CASE WHEN " EVENT_FRESH("?3") " THEN p.cur_first_start ELSE" \
		" (SELECT MIN(e.date) FROM project_events e WHERE e.project_id = p.id AND e.kind <> 'stop'" \
		"  AND e.date <= ?3) END AS first_start," \
		" CASE WHEN " REPORT_FRESH("?3") " THEN COALESCE(y.cur_invest_year, 0) ELSE" \
		" (SELECT COALESCE(SUM(r.invest_period), 0) FROM progress_reports r WHERE r.project_id = p.id" \
		"  AND r.date >= ?4 AND r.date <= ?3 AND r.date <= ?5) END AS invest_year" \
		" FROM project_years y JOIN projects p ON p.id = y.project_id" \
		" LEFT JOIN parks pk ON pk.id = p.park_id LEFT JOIN chains c ON c.id = p.chain_id" \
		" WHERE y.zone_id = ?1 AND y.year = ?2 AND p.archived = 0 ORDER BY p.code") \
	/* Every zone's trail, for the operator's CLI. */ \
	X(AUDIT_ALL, "SELECT " AUDIT_COLS ", z.code AS zone FROM audit a" \
		" JOIN zones z ON z.id = a.zone_id LEFT JOIN users u ON u.id = a.user_id" \
		" WHERE (?1 IS NULL OR a.entity = ?1) AND (?2 IS NULL OR a.entity_id = ?2)" \
		" ORDER BY a.id DESC LIMIT ?3") \
	\
	/* Working-day calendar: the zone's overrides (api/calendar.c). List
	 * filters: ?3 year, ?4 month (text or integer; compared as integers). */ \
	X(CAL_LIST, "SELECT " CAL_COLS CAL_WHERE " ORDER BY " SORT_BY("?5", "date") \
		SORT_BY("?5", "id") "date, id LIMIT ?6 OFFSET ?7") \
	X(CAL_COUNT, "SELECT COUNT(*)" CAL_WHERE) \
	X(CAL_GET, "SELECT " CAL_COLS " FROM zone_calendar WHERE zone_id = ?1 AND id = ?2") \
	X(CAL_INSERT, "INSERT INTO zone_calendar(zone_id, created_at, updated_at, date, is_workday, note)" \
		" VALUES (?1, ?2, ?2, ?3, ?4, ?5) RETURNING id") \
	X(CAL_UPDATE, "UPDATE zone_calendar SET updated_at = ?2, date = ?3, is_workday = ?4, note = ?5" \
		" WHERE zone_id = ?1 AND id = ?6") \
	X(CAL_DELETE, "DELETE FROM zone_calendar WHERE zone_id = ?1 AND id = ?2") \
	X(CAL_BY_DATE, "SELECT " CAL_COLS " FROM zone_calendar WHERE zone_id = ?1 AND date = ?2") \
	/* ?2 / ?3: first and last day, NULL for open ends. */ \
	X(CAL_RANGE, "SELECT date, is_workday, note FROM zone_calendar WHERE zone_id = ?1" \
		" AND (?2 IS NULL OR date >= ?2) AND (?3 IS NULL OR date <= ?3) ORDER BY date") \
	\
	/* Joint acceptance (api/acceptance.c). Departments and items are
	 * generic resources; cases, reviews and inspections are loaded per
	 * case and derived in C (domain/acceptance.c). */ \
	X(ACC_DEPT_LIST, "SELECT " ACC_DEPT_COLS GENERIC_WHERE("acc_departments", "name") \
		" ORDER BY " SORT_BY("?3", "name") SORT_BY("?3", "id") "sort_order, id LIMIT ?4 OFFSET ?5") \
	X(ACC_DEPT_COUNT, "SELECT COUNT(*)" GENERIC_WHERE("acc_departments", "name")) \
	X(ACC_DEPT_GET, "SELECT " ACC_DEPT_COLS " FROM acc_departments WHERE zone_id = ?1 AND id = ?2") \
	X(ACC_DEPT_INSERT, "INSERT INTO acc_departments(zone_id, created_at, updated_at, name, review_days," \
		" sort_order, active) VALUES (?1, ?2, ?2, ?3, COALESCE(?4, 5), COALESCE(?5, 0), COALESCE(?6, 1))" \
		" RETURNING id") \
	X(ACC_DEPT_UPDATE, "UPDATE acc_departments SET updated_at = ?2, name = ?3, review_days = COALESCE(?4, 5)," \
		" sort_order = COALESCE(?5, 0), active = COALESCE(?6, 1) WHERE zone_id = ?1 AND id = ?7") \
	X(ACC_DEPT_DELETE, "DELETE FROM acc_departments WHERE zone_id = ?1 AND id = ?2") \
	X(ACC_ITEM_LIST, "SELECT " ACC_ITEM_COLS GENERIC_WHERE("acc_items", "name") \
		" ORDER BY " SORT_BY("?3", "name") SORT_BY("?3", "id") "sort_order, id LIMIT ?4 OFFSET ?5") \
	X(ACC_ITEM_COUNT, "SELECT COUNT(*)" GENERIC_WHERE("acc_items", "name")) \
	X(ACC_ITEM_GET, "SELECT " ACC_ITEM_COLS " FROM acc_items WHERE zone_id = ?1 AND id = ?2") \
	X(ACC_ITEM_INSERT, "INSERT INTO acc_items(zone_id, created_at, updated_at, name, note, sort_order)" \
		" VALUES (?1, ?2, ?2, ?3, ?4, COALESCE(?5, 0)) RETURNING id") \
	X(ACC_ITEM_UPDATE, "UPDATE acc_items SET updated_at = ?2, name = ?3, note = ?4, sort_order = COALESCE(?5, 0)" \
		" WHERE zone_id = ?1 AND id = ?6") \
	X(ACC_ITEM_DELETE, "DELETE FROM acc_items WHERE zone_id = ?1 AND id = ?2") \
	X(ACC_DEPT_ITEMS, "SELECT i.id, i.name FROM acc_dept_items di JOIN acc_items i ON i.id = di.item_id" \
		" WHERE di.zone_id = ?1 AND di.department_id = ?2 ORDER BY i.sort_order, i.id") \
	X(ACC_DEPT_ITEMS_CLEAR, "DELETE FROM acc_dept_items WHERE zone_id = ?1 AND department_id = ?2") \
	X(ACC_DEPT_ITEM_ADD, "INSERT INTO acc_dept_items(zone_id, department_id, item_id) VALUES (?1, ?2, ?3)") \
	X(ACC_REVIEWERS, "SELECT u.id, u.username, u.name FROM acc_reviewers r JOIN users u ON u.id = r.user_id" \
		" WHERE r.zone_id = ?1 AND r.department_id = ?2 ORDER BY u.id") \
	X(ACC_REVIEWERS_CLEAR, "DELETE FROM acc_reviewers WHERE zone_id = ?1 AND department_id = ?2") \
	X(ACC_REVIEWER_ADD, "INSERT INTO acc_reviewers(zone_id, department_id, user_id) VALUES (?1, ?2, ?3)") \
	X(ACC_USER_ROLE, "SELECT role FROM users WHERE zone_id = ?1 AND id = ?2") \
	X(ACC_REVIEWER_DEPTS, "SELECT department_id FROM acc_reviewers WHERE zone_id = ?1 AND user_id = ?2") \
	X(ACC_IS_REVIEWER, "SELECT COUNT(*) FROM acc_reviewers WHERE zone_id = ?1 AND department_id = ?2" \
		" AND user_id = ?3") \
	X(ACC_CASE_GET, "SELECT " ACC_CASE_COLS " WHERE c.zone_id = ?1 AND c.id = ?2") \
	/* ?2 applicant organisation, ?3 reviewer: NULL for any. */ \
	X(ACC_CASE_IDS, "SELECT c.id FROM acc_cases c WHERE c.zone_id = ?1" \
		" AND (?2 IS NULL OR c.applicant_org_id = ?2) AND (?3 IS NULL OR EXISTS (SELECT 1" \
		" FROM acc_reviews r JOIN acc_reviewers v ON v.department_id = r.department_id" \
		" WHERE r.case_id = c.id AND v.user_id = ?3)) ORDER BY c.id DESC") \
	X(ACC_CASE_IDS_PERIOD, "SELECT id FROM acc_cases WHERE zone_id = ?1 AND submitted_on >= ?2" \
		" AND submitted_on <= ?3 ORDER BY submitted_on, id") \
	X(ACC_CASE_INSERT, "INSERT INTO acc_cases(zone_id, created_at, updated_at, project_id, applicant_org_id," \
		" title, building, opened_by) VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING id") \
	X(ACC_CASE_SUBMIT, "UPDATE acc_cases SET submitted_on = COALESCE(submitted_on, ?3)," \
		" submissions = submissions + 1, updated_at = ?4 WHERE zone_id = ?1 AND id = ?2") \
	X(ACC_CASE_DEPT_ADD, "INSERT INTO acc_case_depts(zone_id, case_id, department_id) VALUES (?1, ?2, ?3)") \
	X(ACC_CASE_DEPTS, "SELECT d.id AS department_id, d.name, d.review_days FROM acc_case_depts cd" \
		" JOIN acc_departments d ON d.id = cd.department_id WHERE cd.zone_id = ?1 AND cd.case_id = ?2" \
		" ORDER BY d.sort_order, d.id") \
	/* The items the case's departments need, and which department needs each. */ \
	X(ACC_CASE_ITEMS, "SELECT di.item_id, i.name AS item_name, di.department_id FROM acc_case_depts cd" \
		" JOIN acc_dept_items di ON di.department_id = cd.department_id JOIN acc_items i ON i.id = di.item_id" \
		" WHERE cd.zone_id = ?1 AND cd.case_id = ?2 ORDER BY i.sort_order, i.id, di.department_id") \
	X(ACC_FILE_INSERT, "INSERT INTO acc_files(zone_id, case_id, item_id, round, filename, sha256, size, mime," \
		" uploaded_by, uploaded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) RETURNING id") \
	X(ACC_FILES_OF_CASE, "SELECT " ACC_FILE_COLS " WHERE f.zone_id = ?1 AND f.case_id = ?2 ORDER BY f.id") \
	X(ACC_FILE_GET, "SELECT " ACC_FILE_COLS " WHERE f.zone_id = ?1 AND f.id = ?2") \
	X(ACC_REVIEWS_OF_CASE, "SELECT " ACC_REVIEW_COLS " WHERE r.zone_id = ?1 AND r.case_id = ?2" \
		" ORDER BY r.department_id, r.round") \
	X(ACC_REVIEW_GET, "SELECT " ACC_REVIEW_COLS " WHERE r.zone_id = ?1 AND r.id = ?2") \
	X(ACC_REVIEW_INSERT, "INSERT INTO acc_reviews(zone_id, case_id, department_id, round, submission," \
		" started_on, due_on, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) RETURNING id") \
	X(ACC_REVIEW_DECIDE, "UPDATE acc_reviews SET decided_on = ?3, decision = ?4, opinion = ?5," \
		" points_json = ?6, reviewer_id = ?7 WHERE zone_id = ?1 AND id = ?2 AND decided_on IS NULL") \
	X(ACC_ANSWER_INSERT, "INSERT INTO acc_answers(zone_id, review_id, point_no, answer, created_by, created_at)" \
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id") \
	X(ACC_ANSWERS_OF_CASE, "SELECT a.id, a.review_id, a.point_no, a.answer, a.created_at FROM acc_answers a" \
		" JOIN acc_reviews r ON r.id = a.review_id WHERE a.zone_id = ?1 AND r.case_id = ?2" \
		" ORDER BY a.review_id, a.point_no") \
	X(ACC_INSPS_OF_CASE, "SELECT " ACC_INSP_COLS " FROM acc_inspections WHERE zone_id = ?1 AND case_id = ?2" \
		" ORDER BY round") \
	X(ACC_INSP_GET, "SELECT " ACC_INSP_COLS " FROM acc_inspections WHERE zone_id = ?1 AND id = ?2") \
	X(ACC_INSP_INSERT, "INSERT INTO acc_inspections(zone_id, case_id, round, started_on, due_on, scheduled_on," \
		" created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING id") \
	X(ACC_INSP_RESULT, "UPDATE acc_inspections SET held_on = ?3, result = ?4, opinion = ?5" \
		" WHERE zone_id = ?1 AND id = ?2 AND held_on IS NULL") \
	/* Pending work: ?2 the reviewer whose departments count, NULL for all. */ \
	X(ACC_QUEUE_REVIEWS, "SELECT 'review' AS kind, r.id, r.case_id, c.title, p.name AS project_name," \
		" o.name AS applicant_name, r.department_id, d.name AS department_name, r.round, r.started_on," \
		" r.due_on FROM acc_reviews r JOIN acc_cases c ON c.id = r.case_id JOIN projects p ON p.id = c.project_id" \
		" JOIN orgs o ON o.id = c.applicant_org_id JOIN acc_departments d ON d.id = r.department_id" \
		" WHERE r.zone_id = ?1 AND r.decided_on IS NULL AND (?2 IS NULL OR r.department_id IN" \
		" (SELECT v.department_id FROM acc_reviewers v WHERE v.user_id = ?2)) ORDER BY r.due_on, r.id") \
	X(ACC_QUEUE_INSPS, "SELECT 'inspection' AS kind, i.id, i.case_id, c.title, p.name AS project_name," \
		" o.name AS applicant_name, i.round, i.started_on, i.due_on, i.scheduled_on FROM acc_inspections i" \
		" JOIN acc_cases c ON c.id = i.case_id JOIN projects p ON p.id = c.project_id" \
		" JOIN orgs o ON o.id = c.applicant_org_id WHERE i.zone_id = ?1 AND i.held_on IS NULL" \
		" ORDER BY i.due_on, i.id") \
	X(ACC_PROJECT_OWNER, "SELECT owner_org_id FROM projects WHERE zone_id = ?1 AND id = ?2") \
	\
	/* Benchmark generator only (bench/gen.c): SQLite settings for a bulk
	 * build — never used by the server or the CLI. A PostgreSQL backend
	 * maps these to no-ops. */ \
	X(BENCH_SYNC_OFF, "PRAGMA synchronous=OFF") \
	X(BENCH_CACHE, "PRAGMA cache_size=-1048576") \
	X(BENCH_FK_OFF, "PRAGMA foreign_keys=OFF") \
	X(BENCH_JOURNAL_OFF, "PRAGMA journal_mode=OFF") \
	X(BENCH_JOURNAL_WAL, "PRAGMA journal_mode=WAL") \
	/* Generated records written whole (bench/gen.c): an enterprise request
	 * in its final state with its step days (its thread goes through the
	 * API's REQ_EVENT_INSERT), and a year of 亩均 figures. */ \
	X(BENCH_REQUEST_INSERT, "INSERT INTO requests(zone_id, org_id, category, title, description, complex," \
		" state, officer_id, filed_by, received_on, due_start, due_answer, due_resolve, started_on," \
		" answered_on, resolved_on, confirmed_on, satisfaction, resolution, reopen_count, created_at," \
		" updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17," \
		" ?18, ?19, ?20, ?21, ?21) RETURNING id") \
	X(BENCH_MUJUN_INSERT, "INSERT INTO mujun_figures(zone_id, org_id, year, land_mu, tax, added_value," \
		" revenue, energy, emissions, rd_spend, employees, electricity, small, created_at, updated_at)" \
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?14) RETURNING id")

enum stmt {
#define X(name, text) STMT_##name,
	STMT_LIST(X)
#undef X
	STMT__MAX
};

extern const char *const stmt_sql[STMT__MAX];
extern const char *const stmt_name[STMT__MAX];

#endif

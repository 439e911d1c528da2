/*
 * Statements of the enterprise service: buildings, 包保 assignments,
 * 一企一策 plans, requests and building checks. Included by store/sql.h;
 * the same portability rules hold (see there).
 */
#ifndef ZD_STORE_SQL_SERVICE_H
#define ZD_STORE_SQL_SERVICE_H


#define BUILDING_COLS "b.id, b.zone_id, b.park_id, b.name, b.address, b.floors, b.resident_staff," \
	" b.disinfection_days, b.screening_days, b.safety_days, b.note, b.created_at, b.updated_at," \
	" (SELECT s.officer_id FROM assignments s WHERE s.zone_id = b.zone_id AND s.subject = 'building'" \
	" AND s.subject_id = b.id AND s.date_to IS NULL ORDER BY s.date_from DESC, s.id DESC LIMIT 1) AS officer_id," \
	" (SELECT COUNT(*) FROM orgs o WHERE o.zone_id = b.zone_id AND o.building_id = b.id) AS firms"
#define BUILDING_WHERE \
	" FROM buildings b WHERE b.zone_id = ?1" \
	" AND (?2 IS NULL OR " LIKE_ANY("?2", "b.name") " OR " LIKE_ANY("?2", "b.address") ")" \
	" AND (?3 IS NULL OR b.park_id = ?3)"

#define CHECK_COLS "id, zone_id, building_id, kind, checked_on, result, findings, follow_up," \
	" follow_up_done AS follow_up_done__bool, inspector, created_at, updated_at"
#define CHECK_WHERE \
	" FROM building_checks WHERE zone_id = ?1" \
	" AND (?2 IS NULL OR " LIKE_ANY("?2", "findings") " OR " LIKE_ANY("?2", "inspector") ")" \
	" AND (?3 IS NULL OR building_id = ?3) AND (?4 IS NULL OR kind = ?4) AND (?5 IS NULL OR result = ?5)"

#define ASSIGN_COLS "a.id, a.officer_id, u.name AS officer_name, a.subject, a.subject_id," \
	" COALESCE(o.name, b.name) AS subject_name, a.date_from, a.date_to, a.note" \
	" FROM assignments a JOIN users u ON u.id = a.officer_id" \
	" LEFT JOIN orgs o ON a.subject = 'org' AND o.id = a.subject_id" \
	" LEFT JOIN buildings b ON a.subject = 'building' AND b.id = a.subject_id"

#define PLAN_COLS "p.id, p.subject, p.subject_id, p.version, p.dated, p.needs, p.measures AS measures__json," \
	" p.created_by, u.name AS created_by_name, p.created_at" \
	" FROM service_plans p LEFT JOIN users u ON u.id = p.created_by"

#define REQ_COLS "r.id, r.org_id, o.name AS org_name, o.building_id, o.park_id, r.category, r.title," \
	" r.description, r.complex AS complex__bool, r.state, r.officer_id, uo.name AS officer_name, r.filed_by," \
	" uf.name AS filed_by_name, r.received_on, r.due_start, r.due_answer, r.due_resolve, r.started_on," \
	" r.answered_on, r.resolved_on, r.confirmed_on, r.satisfaction, r.resolution, r.reopen_count," \
	" r.escalated_on, r.escalated_to, ue.name AS escalated_to_name, r.created_at, r.updated_at" \
	" FROM requests r JOIN orgs o ON o.id = r.org_id LEFT JOIN users uo ON uo.id = r.officer_id" \
	" LEFT JOIN users uf ON uf.id = r.filed_by LEFT JOIN users ue ON ue.id = r.escalated_to"
/* Open and past a limit on day ?D. */
#define REQ_OPEN "r.state IN ('received', 'assigned', 'in_progress', 'reopened')"
#define REQ_LATE(d) "(" REQ_OPEN " AND (r.due_resolve < " d \
	" OR (r.started_on IS NULL AND r.due_start < " d ") OR (r.answered_on IS NULL AND r.due_answer < " d ")))"
/*
 * ?1 zone, ?2 q, ?3 state, ?4 category, ?5 org, ?6 officer, ?7 overdue as of
 * that day, ?8 the enterprise a user is limited to, ?9 the officer whose
 * portfolio limits the list (assigned to the request, or answering for the
 * enterprise or its building now).
 */
#define REQ_WHERE \
	" WHERE r.zone_id = ?1" \
	" AND (?2 IS NULL OR " LIKE_ANY("?2", "r.title") " OR " LIKE_ANY("?2", "o.name") ")" \
	" AND (?3 IS NULL OR r.state = ?3 OR (?3 = 'open' AND " REQ_OPEN "))" \
	" AND (?4 IS NULL OR r.category = ?4) AND (?5 IS NULL OR r.org_id = ?5)" \
	" AND (?6 IS NULL OR r.officer_id = ?6) AND (?7 IS NULL OR " REQ_LATE("?7") ")" \
	" AND (?8 IS NULL OR r.org_id = ?8)" \
	" AND (?9 IS NULL OR r.officer_id = ?9 OR r.org_id IN (SELECT s.subject_id FROM assignments s" \
	" WHERE s.zone_id = ?1 AND s.officer_id = ?9 AND s.subject = 'org' AND s.date_to IS NULL)" \
	" OR o.building_id IN (SELECT s.subject_id FROM assignments s WHERE s.zone_id = ?1" \
	" AND s.officer_id = ?9 AND s.subject = 'building' AND s.date_to IS NULL))"

#define STMT_LIST_SERVICE(X) \
	X(BUILDING_LIST, "SELECT " BUILDING_COLS BUILDING_WHERE " ORDER BY " \
		SORT_BY("?4", "name") SORT_BY("?4", "floors") SORT_BY("?4", "resident_staff") \
		SORT_BY("?4", "id") "id LIMIT ?5 OFFSET ?6") \
	X(BUILDING_COUNT, "SELECT COUNT(*)" BUILDING_WHERE) \
	X(BUILDING_GET, "SELECT " BUILDING_COLS " FROM buildings b WHERE b.zone_id = ?1 AND b.id = ?2") \
	X(BUILDING_INSERT, "INSERT INTO buildings(zone_id, created_at, updated_at, park_id, name, address, floors," \
		" resident_staff, disinfection_days, screening_days, safety_days, note)" \
		" VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6, ?7, COALESCE(?8, 7), COALESCE(?9, 7), COALESCE(?10, 30), ?11)" \
		" RETURNING id") \
	X(BUILDING_UPDATE, "UPDATE buildings SET updated_at = ?2, park_id = ?3, name = ?4, address = ?5," \
		" floors = ?6, resident_staff = ?7, disinfection_days = COALESCE(?8, disinfection_days)," \
		" screening_days = COALESCE(?9, screening_days), safety_days = COALESCE(?10, safety_days)," \
		" note = ?11 WHERE zone_id = ?1 AND id = ?12") \
	X(BUILDING_DELETE, "DELETE FROM buildings WHERE zone_id = ?1 AND id = ?2") \
	X(BUILDING_FIRMS, "SELECT id, name, uscc, floor, sector, employees, above_scale AS above_scale__bool" \
		" FROM orgs WHERE zone_id = ?1 AND building_id = ?2 ORDER BY floor, name") \
	/* Last check of each kind per building, for schedules and coverage. */ \
	X(BUILDING_LAST_CHECKS, "SELECT b.id, b.name, b.park_id, b.disinfection_days, b.screening_days," \
		" b.safety_days," \
		" (SELECT MAX(c.checked_on) FROM building_checks c WHERE c.building_id = b.id" \
		" AND c.kind = 'disinfection' AND c.checked_on <= ?2) AS last_disinfection," \
		" (SELECT MAX(c.checked_on) FROM building_checks c WHERE c.building_id = b.id" \
		" AND c.kind = 'screening' AND c.checked_on <= ?2) AS last_screening," \
		" (SELECT MAX(c.checked_on) FROM building_checks c WHERE c.building_id = b.id" \
		" AND c.kind = 'safety' AND c.checked_on <= ?2) AS last_safety," \
		" (SELECT COUNT(*) FROM building_checks c WHERE c.building_id = b.id AND c.result = 'issues'" \
		" AND c.follow_up_done = 0 AND c.checked_on <= ?2) AS open_issues," \
		" (SELECT u.name FROM assignments s JOIN users u ON u.id = s.officer_id WHERE s.zone_id = b.zone_id" \
		" AND s.subject = 'building' AND s.subject_id = b.id AND s.date_to IS NULL" \
		" ORDER BY s.date_from DESC, s.id DESC LIMIT 1) AS officer_name" \
		" FROM buildings b WHERE b.zone_id = ?1 ORDER BY b.name, b.id") \
	\
	X(CHECK_LIST, "SELECT " CHECK_COLS CHECK_WHERE " ORDER BY " \
		SORT_BY("?6", "checked_on") SORT_BY("?6", "kind") SORT_BY("?6", "id") "id DESC LIMIT ?7 OFFSET ?8") \
	X(CHECK_COUNT, "SELECT COUNT(*)" CHECK_WHERE) \
	X(CHECK_GET, "SELECT " CHECK_COLS " FROM building_checks WHERE zone_id = ?1 AND id = ?2") \
	X(CHECK_INSERT, "INSERT INTO building_checks(zone_id, created_at, updated_at, building_id, kind, checked_on," \
		" result, findings, follow_up, follow_up_done, inspector)" \
		" VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6, ?7, ?8, COALESCE(?9, 0), ?10) RETURNING id") \
	X(CHECK_UPDATE, "UPDATE building_checks SET updated_at = ?2, building_id = ?3, kind = ?4, checked_on = ?5," \
		" result = ?6, findings = ?7, follow_up = ?8, follow_up_done = COALESCE(?9, 0), inspector = ?10" \
		" WHERE zone_id = ?1 AND id = ?11") \
	X(CHECK_DELETE, "DELETE FROM building_checks WHERE zone_id = ?1 AND id = ?2") \
	\
	/* ?4 1: ended ones too. */ \
	X(ASSIGN_OF_SUBJECT, "SELECT " ASSIGN_COLS " WHERE a.zone_id = ?1 AND a.subject = ?2 AND a.subject_id = ?3" \
		" ORDER BY a.date_from DESC, a.id DESC") \
	X(ASSIGN_OF_OFFICER, "SELECT " ASSIGN_COLS " WHERE a.zone_id = ?1 AND a.officer_id = ?2" \
		" AND (a.date_to IS NULL OR ?3 = 1) ORDER BY a.date_to IS NOT NULL, a.subject, subject_name, a.id") \
	X(ASSIGN_CURRENT_ALL, "SELECT " ASSIGN_COLS " WHERE a.zone_id = ?1 AND a.date_to IS NULL" \
		" AND (?2 IS NULL OR a.officer_id = ?2) AND (?3 IS NULL OR a.subject = ?3)" \
		" ORDER BY u.name, a.subject, subject_name, a.id") \
	X(ASSIGN_GET, "SELECT " ASSIGN_COLS " WHERE a.zone_id = ?1 AND a.id = ?2") \
	X(ASSIGN_CURRENT, "SELECT id, officer_id, date_from FROM assignments WHERE zone_id = ?1 AND subject = ?2" \
		" AND subject_id = ?3 AND date_to IS NULL ORDER BY date_from DESC, id DESC") \
	X(ASSIGN_END, "UPDATE assignments SET date_to = ?3, updated_at = ?4 WHERE zone_id = ?1 AND id = ?2") \
	X(ASSIGN_INSERT, "INSERT INTO assignments(zone_id, officer_id, subject, subject_id, date_from, note," \
		" created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7) RETURNING id") \
	/* Who a request of the enterprise goes to: its own officer first, then its building's. */ \
	X(ASSIGN_OFFICER_FOR_ORG, "SELECT s.officer_id FROM assignments s WHERE s.zone_id = ?1 AND s.date_to IS NULL" \
		" AND ((s.subject = 'org' AND s.subject_id = ?2) OR (s.subject = 'building' AND s.subject_id =" \
		" (SELECT o.building_id FROM orgs o WHERE o.zone_id = ?1 AND o.id = ?2)))" \
		" ORDER BY CASE s.subject WHEN 'org' THEN 0 ELSE 1 END, s.date_from DESC LIMIT 1") \
	/* Whether the officer answers for the enterprise (directly or by its building) now. */ \
	X(ASSIGN_COVERS_ORG, "SELECT COUNT(*) FROM assignments s WHERE s.zone_id = ?1 AND s.officer_id = ?2" \
		" AND s.date_to IS NULL AND ((s.subject = 'org' AND s.subject_id = ?3) OR (s.subject = 'building'" \
		" AND s.subject_id = (SELECT o.building_id FROM orgs o WHERE o.zone_id = ?1 AND o.id = ?3)))") \
	X(ASSIGN_COVERS_BUILDING, "SELECT COUNT(*) FROM assignments s WHERE s.zone_id = ?1 AND s.officer_id = ?2" \
		" AND s.date_to IS NULL AND s.subject = 'building' AND s.subject_id = ?3") \
	\
	X(PLAN_LATEST, "SELECT " PLAN_COLS " WHERE p.zone_id = ?1 AND p.subject = ?2 AND p.subject_id = ?3" \
		" ORDER BY p.version DESC LIMIT 1") \
	X(PLAN_VERSION, "SELECT " PLAN_COLS " WHERE p.zone_id = ?1 AND p.subject = ?2 AND p.subject_id = ?3" \
		" AND p.version = ?4") \
	X(PLAN_VERSIONS, "SELECT p.version, p.dated, u.name AS created_by_name, p.created_at" \
		" FROM service_plans p LEFT JOIN users u ON u.id = p.created_by" \
		" WHERE p.zone_id = ?1 AND p.subject = ?2 AND p.subject_id = ?3 ORDER BY p.version DESC") \
	X(PLAN_INSERT, "INSERT INTO service_plans(zone_id, subject, subject_id, version, dated, needs, measures," \
		" created_by, created_at) VALUES (?1, ?2, ?3, (SELECT COALESCE(MAX(q.version), 0) + 1" \
		" FROM service_plans q WHERE q.zone_id = ?1 AND q.subject = ?2 AND q.subject_id = ?3)," \
		" ?4, ?5, ?6, ?7, ?8) RETURNING id, version") \
	\
	X(REQ_LIST, "SELECT " REQ_COLS REQ_WHERE " ORDER BY " \
		SORT_BY("?10", "received_on") SORT_BY("?10", "due_resolve") SORT_BY("?10", "state") \
		"r.id DESC LIMIT ?11 OFFSET ?12") \
	X(REQ_COUNT, "SELECT COUNT(*) FROM requests r JOIN orgs o ON o.id = r.org_id" REQ_WHERE) \
	X(REQ_GET, "SELECT " REQ_COLS " WHERE r.zone_id = ?1 AND r.id = ?2") \
	X(REQ_ORG, "SELECT org_id FROM requests WHERE zone_id = ?1 AND id = ?2") \
	X(REQ_FILE_ORG, "SELECT r.org_id FROM request_files f JOIN requests r ON r.id = f.request_id" \
		" WHERE f.zone_id = ?1 AND f.id = ?2") \
	X(REQ_INSERT, "INSERT INTO requests(zone_id, org_id, category, title, description, complex, state," \
		" officer_id, filed_by, received_on, due_start, due_answer, due_resolve, created_at, updated_at)" \
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?14) RETURNING id") \
	X(REQ_SAVE, "UPDATE requests SET updated_at = ?3, state = ?4, officer_id = ?5, started_on = ?6," \
		" answered_on = ?7, resolved_on = ?8, confirmed_on = ?9, satisfaction = ?10, resolution = ?11," \
		" reopen_count = ?12, due_resolve = ?13, escalated_on = ?14, escalated_to = ?15" \
		" WHERE zone_id = ?1 AND id = ?2") \
	X(REQ_EVENT_INSERT, "INSERT INTO request_events(zone_id, request_id, on_date, at, user_id, action," \
		" from_state, to_state, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)") \
	X(REQ_EVENTS, "SELECT e.id, e.on_date, e.at, e.user_id, u.name AS user_name, e.action, e.from_state," \
		" e.to_state, e.note FROM request_events e LEFT JOIN users u ON u.id = e.user_id" \
		" WHERE e.zone_id = ?1 AND e.request_id = ?2 ORDER BY e.id") \
	X(REQ_FILE_INSERT, "INSERT INTO request_files(zone_id, request_id, filename, sha256, size, mime," \
		" uploaded_by, uploaded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) RETURNING id") \
	X(REQ_FILES, "SELECT id, request_id, filename, sha256, size, mime, uploaded_at FROM request_files" \
		" WHERE zone_id = ?1 AND request_id = ?2 ORDER BY id") \
	X(REQ_FILE_GET, "SELECT id, request_id, filename, sha256, size, mime, uploaded_at FROM request_files" \
		" WHERE zone_id = ?1 AND id = ?2") \
	/* Open requests not escalated yet, for the escalation run. */ \
	X(REQ_TO_ESCALATE, "SELECT r.id FROM requests r WHERE r.zone_id = ?1 AND r.escalated_on IS NULL AND " \
		REQ_LATE("?2") " ORDER BY r.id") \
	/* Every request received up to ?2, for the reports (?3 from). */ \
	X(REQ_REPORT_ROWS, "SELECT r.id, r.org_id, o.park_id, r.category, r.state, r.officer_id, uo.name AS officer_name," \
		" r.received_on, r.due_start, r.due_answer, r.due_resolve, r.started_on, r.answered_on, r.resolved_on," \
		" r.confirmed_on, r.satisfaction, r.escalated_on FROM requests r JOIN orgs o ON o.id = r.org_id" \
		" LEFT JOIN users uo ON uo.id = r.officer_id WHERE r.zone_id = ?1 AND r.received_on <= ?2" \
		" AND (?3 IS NULL OR r.received_on >= ?3) ORDER BY r.id") \
	X(REQ_LIMITS, "SELECT category, start_days, answer_days, resolve_days, complex_days FROM request_limits" \
		" WHERE zone_id = ?1") \
	X(REQ_LIMIT_SET, "INSERT INTO request_limits(zone_id, category, start_days, answer_days, resolve_days," \
		" complex_days, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (zone_id, category)" \
		" DO UPDATE SET start_days = ?3, answer_days = ?4, resolve_days = ?5, complex_days = ?6," \
		" updated_at = ?7") \
	/* One thread through an enterprise's life: the leads that became it, \
	 * its key projects, their acceptance cases. */ \
	X(ORG_THREAD_LEADS, "SELECT id, code, project_name, planned_investment FROM leads" \
		" WHERE zone_id = ?1 AND enterprise_org_id = ?2 ORDER BY id") \
	X(ORG_THREAD_PROJECTS, "SELECT id, code, name FROM projects WHERE zone_id = ?1 AND owner_org_id = ?2" \
		" ORDER BY id") \
	X(ORG_THREAD_CASES, "SELECT c.id, c.title, c.project_id, c.submitted_on FROM acc_cases c" \
		" WHERE c.zone_id = ?1 AND (c.applicant_org_id = ?2 OR c.project_id IN" \
		" (SELECT p.id FROM projects p WHERE p.zone_id = ?1 AND p.owner_org_id = ?2)) ORDER BY c.id") \
	/* The officer's leader, else the zone's first leader. */ \
	X(USER_LEADER_OF, "SELECT COALESCE((SELECT u.leader_id FROM users u WHERE u.zone_id = ?1 AND u.id = ?2)," \
		" (SELECT l.id FROM users l WHERE l.zone_id = ?1 AND l.role = 'leader' AND l.disabled = 0" \
		" ORDER BY l.id LIMIT 1))")

#endif

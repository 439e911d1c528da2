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

#define ORG_COLS "id, zone_id, name, kind, uscc, contact, phone, address, note, created_at, updated_at"
#define ORG_WHERE \
	" FROM orgs WHERE zone_id = ?1" \
	" AND (?2 IS NULL OR " LIKE_ANY("?2", "name") " OR " LIKE_ANY("?2", "uscc") ")" \
	" AND (?3 IS NULL OR kind = ?3)"

#define CHAIN_COLS "id, zone_id, code, name, category, sort_order, created_at, updated_at"
#define CHAIN_WHERE \
	" FROM chains WHERE zone_id = ?1" \
	" AND (?2 IS NULL OR " LIKE_ANY("?2", "name") " OR " LIKE_ANY("?2", "code") ")"

#define USER_COLS "id, username, name, role, zone_id, org_id, department, " \
	"disabled AS \"disabled__bool\", created_at, updated_at"
#define USER_WHERE \
	" FROM users WHERE zone_id = ?1" \
	" AND (?2 IS NULL OR " LIKE_ANY("?2", "username") " OR " LIKE_ANY("?2", "name") ")" \
	" AND (?3 IS NULL OR role = ?3)"

#define ZONE_COLS "id, code, name, created_at"

#define AUDIT_WHERE \
	" FROM audit a LEFT JOIN users u ON u.id = a.user_id WHERE a.zone_id = ?1" \
	" AND (?2 IS NULL OR a.entity = ?2) AND (?3 IS NULL OR a.entity_id = ?3)"
#define AUDIT_COLS "a.id, a.zone_id, a.user_id, u.username, a.at, a.entity, a.entity_id, a.action," \
	" a.before_json AS \"before__json\", a.after_json AS \"after__json\""

/* X(name, text) */
#define STMT_LIST(X) \
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
		SORT_BY("?4", "name") SORT_BY("?4", "kind") SORT_BY("?4", "uscc") \
		SORT_BY("?4", "created_at") SORT_BY("?4", "updated_at") SORT_BY("?4", "id") "id LIMIT ?5 OFFSET ?6") \
	X(ORG_COUNT, "SELECT COUNT(*)" ORG_WHERE) \
	X(ORG_GET, "SELECT " ORG_COLS " FROM orgs WHERE zone_id = ?1 AND id = ?2") \
	X(ORG_INSERT, "INSERT INTO orgs(zone_id, created_at, updated_at, name, kind, uscc, contact, phone, address, note)" \
		" VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) RETURNING id") \
	X(ORG_UPDATE, "UPDATE orgs SET updated_at = ?2, name = ?3, kind = ?4, uscc = ?5, contact = ?6," \
		" phone = ?7, address = ?8, note = ?9 WHERE zone_id = ?1 AND id = ?10") \
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
	X(USER_INSERT, "INSERT INTO users(zone_id, created_at, updated_at, username, name, role, org_id, department, pw_hash, disabled)" \
		" VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 0) RETURNING id") \
	X(USER_UPDATE, "UPDATE users SET updated_at = ?2, name = ?3, role = ?4, org_id = ?5, department = ?6," \
		" disabled = ?7 WHERE zone_id = ?1 AND id = ?8") \
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
	X(AUDIT_INSERT, "INSERT INTO audit(zone_id, user_id, at, entity, entity_id, action, before_json, after_json)" \
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)") \
	X(AUDIT_LIST, "SELECT " AUDIT_COLS AUDIT_WHERE \
		" ORDER BY CASE WHEN ?4 = 'id' THEN a.id END, a.id DESC LIMIT ?5 OFFSET ?6") \
	X(AUDIT_COUNT, "SELECT COUNT(*)" AUDIT_WHERE) \
	/* Every zone's trail, for the operator's CLI. */ \
	X(AUDIT_ALL, "SELECT " AUDIT_COLS ", z.code AS zone FROM audit a" \
		" JOIN zones z ON z.id = a.zone_id LEFT JOIN users u ON u.id = a.user_id" \
		" WHERE (?1 IS NULL OR a.entity = ?1) AND (?2 IS NULL OR a.entity_id = ?2)" \
		" ORDER BY a.id DESC LIMIT ?3")

enum stmt {
#define X(name, text) STMT_##name,
	STMT_LIST(X)
#undef X
	STMT__MAX
};

extern const char *const stmt_sql[STMT__MAX];
extern const char *const stmt_name[STMT__MAX];

#endif

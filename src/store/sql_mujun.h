/*
 * Statements of the 亩均效益评价: enterprise figures per year, the year's
 * settings, and the rows the scores are computed from. Included by
 * store/sql.h; the same portability rules hold (see there).
 */
#ifndef ZD_STORE_SQL_MUJUN_H
#define ZD_STORE_SQL_MUJUN_H

/* A figures row with its enterprise, park and chain, as lists and scores
 * read it. small reads as a boolean. */
#define MUJUN_FIG_COLS "f.id, f.zone_id, f.org_id, o.name AS org_name, o.uscc, o.park_id," \
	" pk.name AS park_name, o.chain_id, ch.name AS chain_name, f.year, f.land_mu, f.tax," \
	" f.added_value, f.revenue, f.energy, f.emissions, f.rd_spend, f.employees, f.electricity," \
	" f.small AS small__bool, f.created_at, f.updated_at" \
	" FROM mujun_figures f JOIN orgs o ON o.id = f.org_id LEFT JOIN parks pk ON pk.id = o.park_id" \
	" LEFT JOIN chains ch ON ch.id = o.chain_id"
/* ?1 zone, ?2 q (enterprise name or USCC), ?3 year, ?4 org, ?5 small. */
#define MUJUN_FIG_WHERE \
	" WHERE f.zone_id = ?1" \
	" AND (?2 IS NULL OR " LIKE_ANY("?2", "o.name") " OR " LIKE_ANY("?2", "o.uscc") ")" \
	" AND (?3 IS NULL OR f.year = ?3) AND (?4 IS NULL OR f.org_id = ?4)" \
	" AND (?5 IS NULL OR f.small = ?5)"
/* Without a small flag the enterprise's own label decides: not 规上 → small. */
#define MUJUN_SMALL_DEFAULT(flag, org) \
	"COALESCE(" flag ", (SELECT CASE WHEN so.above_scale = 1 THEN 0 ELSE 1 END FROM orgs so" \
	" WHERE so.zone_id = ?1 AND so.id = " org "), 0)"

#define STMT_LIST_MUJUN(X) \
	X(MUJUN_FIG_LIST, "SELECT " MUJUN_FIG_COLS MUJUN_FIG_WHERE " ORDER BY " \
		SORT_BY("?6", "org_name") SORT_BY("?6", "year") SORT_BY("?6", "land_mu") \
		SORT_BY("?6", "tax") SORT_BY("?6", "added_value") SORT_BY("?6", "revenue") \
		"f.year DESC, org_name, f.id LIMIT ?7 OFFSET ?8") \
	X(MUJUN_FIG_COUNT, "SELECT COUNT(*) FROM mujun_figures f JOIN orgs o ON o.id = f.org_id" \
		MUJUN_FIG_WHERE) \
	X(MUJUN_FIG_GET, "SELECT " MUJUN_FIG_COLS " WHERE f.zone_id = ?1 AND f.id = ?2") \
	X(MUJUN_FIG_INSERT, "INSERT INTO mujun_figures(zone_id, created_at, updated_at, org_id, year, land_mu," \
		" tax, added_value, revenue, energy, emissions, rd_spend, employees, electricity, small)" \
		" VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, " \
		MUJUN_SMALL_DEFAULT("?14", "?3") ") RETURNING id") \
	X(MUJUN_FIG_UPDATE, "UPDATE mujun_figures SET updated_at = ?2, org_id = ?3, year = ?4, land_mu = ?5," \
		" tax = ?6, added_value = ?7, revenue = ?8, energy = ?9, emissions = ?10, rd_spend = ?11," \
		" employees = ?12, electricity = ?13, small = " MUJUN_SMALL_DEFAULT("?14", "?3") \
		" WHERE zone_id = ?1 AND id = ?15") \
	X(MUJUN_FIG_DELETE, "DELETE FROM mujun_figures WHERE zone_id = ?1 AND id = ?2") \
	/* The row of an enterprise and year, for imports and the duplicate check. */ \
	X(MUJUN_FIG_FIND, "SELECT id FROM mujun_figures WHERE zone_id = ?1 AND org_id = ?2 AND year = ?3") \
	/* Everything scored in a year, one row per enterprise. */ \
	X(MUJUN_FIG_YEAR, "SELECT " MUJUN_FIG_COLS " WHERE f.zone_id = ?1 AND f.year = ?2 ORDER BY o.name, f.id") \
	X(MUJUN_YEARS, "SELECT year, COUNT(*) AS enterprises FROM mujun_figures WHERE zone_id = ?1" \
		" GROUP BY year ORDER BY year DESC") \
	/* An enterprise of the zone by its code, else by its exact name. */ \
	X(MUJUN_ORG_MATCH, "SELECT id, name, uscc, kind FROM orgs WHERE zone_id = ?1" \
		" AND ((?2 IS NOT NULL AND uscc = ?2) OR (?3 IS NOT NULL AND name = ?3))" \
		" ORDER BY CASE WHEN uscc = ?2 THEN 0 ELSE 1 END, id LIMIT 1") \
	\
	X(MUJUN_SETTINGS_GET, "SELECT year, method, config AS config__json, updated_at FROM mujun_settings" \
		" WHERE zone_id = ?1 AND year = ?2") \
	X(MUJUN_SETTINGS_PUT, "INSERT INTO mujun_settings(zone_id, year, method, config, updated_at)" \
		" VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (zone_id, year) DO UPDATE SET method = ?3," \
		" config = ?4, updated_at = ?5")

#endif

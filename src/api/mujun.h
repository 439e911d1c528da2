/*
 * 亩均效益评价: enterprise figures per year (entered or imported), the
 * zone's settings per year, the ranked scores with the change since the
 * year before, and the class distribution by park and by industry chain.
 * The scoring itself is domain/mujun.c.
 */
#ifndef ZD_API_MUJUN_H
#define ZD_API_MUJUN_H

#include <jansson.h>

#include "api/actor.h"
#include "domain/mujun.h"
#include "io/table.h"
#include "store/store.h"

struct resource;
/* The figures as a generic resource (entity "mujun_figure"). */
extern const struct resource mujun_figure_resource;

/*
 * The year's method, weights, benchmarks, cap and thresholds: the zone's
 * settings for that year, else the defaults (*is_default = 1).
 */
enum app_err mujun_config(struct store *st, long long zone_id, int year,
    struct mj_config *c, int *is_default);

/*
 * The ranked table of a year: {"year","method","default_settings","cap",
 * "thresholds":{A,B,C},"indicators":[{key,label,unit,weights:{large,small},
 * benchmarks:{large,small}}],"count","previous_year","previous_count",
 * "rows":[{id, org_id, org_name, uscc, park_id, park_name, chain_id,
 * chain_name, small, group, the figures…, "indicators":{key:{value, part,
 * weight, benchmark, flag}}, "flags":[{indicator, reason, message}],
 * total, class, rank, group_rank, "previous":{total, class, rank} | null,
 * "change":{total, rank} | null}]}. Rows are ordered by rank (ties share
 * a rank, then by name). change.rank > 0 means places gained.
 */
enum app_err mujun_scores(struct store *st, long long zone_id, int year,
    int english, json_t **out);

/*
 * The class distribution of a year, for reports, the dashboard and the
 * briefing: {"year","count","classes":{"A":n,…},"shares":{"A":percent,…},
 * "by_park":[{key,name,count,classes,shares}],"by_chain":[…]}. Shares are
 * percentages of the group's count with one decimal, half up (null when
 * the count is 0); enterprises without a park or chain fall in a "none"
 * group. Scores are computed as mujun_scores does.
 */
enum app_err mujun_distribution(struct store *st, long long zone_id, int year,
    int english, json_t **out);

/*
 * Imports figures (header row 0: 企业名称 / 统一社会信用代码 / 年度 /
 * 用地面积(亩) / 税收(万元) …). The enterprise is matched by USCC, else by
 * exact name, within the zone; a row for an enterprise and year already
 * present updates it. year (0: none) is used for rows without 年度.
 * All or nothing, as import_run.
 */
enum app_err mujun_import(struct store *st, const struct actor *a,
    const struct table *t, int year, int dry_run, json_t **out,
    void (*progress)(size_t done, size_t total, void *ctx), void *ctx);

/*
 * One enterprise's rows of every year's ranked table, newest year first:
 * [{year, method, count, thresholds, indicators, cap, row}] — its rank among
 * how many, nothing of other firms.
 */
enum app_err mujun_org_years(struct store *st, long long zone_id,
    long long org_id, int english, json_t **out);

/* Adds flat members to the rows of scores for tables and CSV:
 * group_label (规上/规下), prev_total, prev_class, prev_rank, delta_total,
 * delta_rank, flag_text, and v_<indicator> / p_<indicator>. */
void mujun_flatten(json_t *scores);

/* The workbook of a year: 排名 (the ranked table), 按园区, 按产业链.
 * scores and dist as the functions above return them; malloc'd bytes. */
enum app_err mujun_xlsx(json_t *scores, json_t *dist, char **data,
    size_t *len, char *err, size_t errsz);

#endif

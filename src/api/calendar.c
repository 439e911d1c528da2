/* The zone's working-day calendar: overrides, loader, day list, CSV import. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/args.h"
#include "api/calendar.h"
#include "api/handlers.h"
#include "api/resource.h"
#include "api/validate.h"
#include "http/reply.h"
#include "io/csv.h"
#include "util/utf8.h"
#include "util/xalloc.h"

static const struct field_spec fields[] = {
	{.name = "date", .type = FT_DATE, .required = 1},
	{.name = "is_workday", .type = FT_BOOL, .required = 1},
	{.name = "note", .type = FT_TEXT, .maxlen = 200},
};

/* Checked by h_calendar_list before the generic list runs. */
static const struct field_spec filters[] = {
	{.name = "year", .type = FT_INT},
	{.name = "month", .type = FT_INT},
};

static const char *const sorts[] = {"date", "id", NULL};

const struct resource calendar_resource = {
	.entity = "calendar", .read = PERM_NONE, .write = PERM_CALENDAR_WRITE,
	.fields = fields, .nfields = sizeof fields / sizeof fields[0],
	.filters = filters, .nfilters = 2, .sorts = sorts,
	.list = STMT_CAL_LIST, .count = STMT_CAL_COUNT, .get = STMT_CAL_GET,
	.insert = STMT_CAL_INSERT, .update = STMT_CAL_UPDATE,
	.del = STMT_CAL_DELETE,
};

/* ---- loader ------------------------------------------------------------ */

enum app_err
workcal_load(struct store *st, long long zone_id, struct date from,
    struct date to, struct workcal *out)
{
	char f[11], t[11];
	json_t *rows, *row;
	struct workcal_day *days;
	size_t n, i, k = 0, notes = 0;
	char *p;
	enum app_err e;

	workcal_init(out);
	date_format(from, f);
	date_format(to, t);
	if ((e = store_rows(st, STMT_CAL_RANGE, (struct store_val[]){
	    SV_I(zone_id), from.y ? SV_T(f) : SV_NULLV,
	    to.y ? SV_T(t) : SV_NULLV}, 3, &rows)) != APP_OK)
		return e;
	if ((n = json_array_size(rows)) == 0) {
		json_decref(rows);
		return APP_OK;
	}
	json_array_foreach(rows, i, row) {
		json_t *note = json_object_get(row, "note");

		if (json_is_string(note))
			notes += json_string_length(note) + 1;
	}
	/* One block: the days, then their notes. */
	days = xmalloc(n * sizeof *days + notes);
	p = (char *)(days + n);
	json_array_foreach(rows, i, row) {
		const char *ds = json_string_value(json_object_get(row, "date"));
		json_t *note = json_object_get(row, "note");
		struct workcal_day *d = &days[k];

		if (ds == NULL || date_parse(ds, strlen(ds), &d->date) != 0)
			continue;	/* not written by zonedesk: ignored */
		d->is_workday = json_integer_value(json_object_get(row,
		    "is_workday")) != 0;
		d->note = NULL;
		if (json_is_string(note)) {
			memcpy(p, json_string_value(note),
			    json_string_length(note) + 1);
			d->note = p;
			p += json_string_length(note) + 1;
		}
		k++;
	}
	json_decref(rows);
	if (workcal_set_zone(out, days, k) != 0) {
		free(days);
		return APP_ERR_INTERNAL;
	}
	out->owned = days;
	return APP_OK;
}

enum app_err
calendar_days(struct store *st, long long zone_id, struct date from,
    struct date to, json_t **out)
{
	struct workcal c;
	enum app_err e;
	json_t *arr;

	if ((e = workcal_load(st, zone_id, from, to, &c)) != APP_OK)
		return e;
	arr = json_array();
	for (struct date d = from; date_cmp(d, to) <= 0;
	    d = date_add_days(d, 1)) {
		enum workcal_source src;
		const char *note;
		char ds[11];
		int work = workcal_lookup(&c, d, &src, &note);

		date_format(d, ds);
		json_array_append_new(arr, json_pack("{s:s, s:b, s:s, s:o}",
		    "date", ds, "workday", work, "source",
		    workcal_source_name(src), "note",
		    note ? json_string(note) : json_null()));
	}
	workcal_free(&c);
	*out = arr;
	return APP_OK;
}

/* ---- CSV import -------------------------------------------------------- */

/* ASCII-case-insensitive equality after trimming spaces (ASCII, U+3000). */
static int
same(const char *cell, const char *word)
{
	size_t n = strlen(cell), m = strlen(word);

	while (n > 0 && isspace((unsigned char)*cell))
		cell++, n--;
	while (n >= 3 && memcmp(cell, "\xe3\x80\x80", 3) == 0)
		cell += 3, n -= 3;
	while (n > 0 && isspace((unsigned char)cell[n - 1]))
		n--;
	while (n >= 3 && memcmp(cell + n - 3, "\xe3\x80\x80", 3) == 0)
		n -= 3;
	return n == m && strncasecmp(cell, word, n) == 0;
}

static int
one_of(const char *cell, const char *const *words)
{
	for (; *words != NULL; words++)
		if (same(cell, *words))
			return 1;
	return 0;
}

/* Reads 1–4 digits; -1 when there are none. */
static int
digits(const char **s, int max)
{
	int v = 0, n = 0;

	while (n < max && **s >= '0' && **s <= '9') {
		v = v * 10 + (**s - '0');
		(*s)++;
		n++;
	}
	return n ? v : -1;
}

/*
 * YYYY-MM-DD, and what spreadsheets make of it: YYYY-M-D, YYYY/M/D,
 * YYYY.M.D, YYYY年M月D日. Surrounding spaces are allowed.
 */
static int
lenient_date(const char *s, struct date *out)
{
	struct date d;
	const char *p = s;
	char norm[11];

	while (isspace((unsigned char)*p))
		p++;
	if ((d.y = digits(&p, 4)) < 1000)
		return -1;
	if (strncmp(p, "年", 3) == 0)
		p += 3;
	else if (*p == '-' || *p == '/' || *p == '.')
		p++;
	else
		return -1;
	if ((d.m = digits(&p, 2)) < 0)
		return -1;
	if (strncmp(p, "月", 3) == 0)
		p += 3;
	else if (*p == '-' || *p == '/' || *p == '.')
		p++;
	else
		return -1;
	if ((d.d = digits(&p, 2)) < 0)
		return -1;
	if (strncmp(p, "日", 3) == 0)
		p += 3;
	while (isspace((unsigned char)*p))
		p++;
	if (*p != '\0' || !date_is_valid(d))
		return -1;
	/* The strict parser decides the accepted years. */
	date_format(d, norm);
	return date_parse(norm, 10, out);
}

static int
lenient_bool(const char *s, int *out)
{
	static const char *const yes[] = {"1", "是", "上班", "true", NULL};
	static const char *const no[] = {"0", "否", "休息", "false", NULL};

	if (one_of(s, yes))
		*out = 1;
	else if (one_of(s, no))
		*out = 0;
	else
		return -1;
	return 0;
}

#define IMPORT_MAX_ERRORS 100

static void
row_err(json_t *errs, size_t row, const char *field, const char *column,
    int english, const char *zh, const char *en)
{
	if (json_array_size(errs) >= IMPORT_MAX_ERRORS)
		return;
	json_array_append_new(errs, json_pack("{s:s, s:I, s:s, s:s}", "field",
	    field, "row", (json_int_t)row, "column", column, "message",
	    english ? en : zh));
}

enum col { C_DATE, C_WORKDAY, C_NOTE, C__MAX };

static const char *const col_field[C__MAX] = {"date", "workday", "note"};
static const char *const col_zh[C__MAX] = {"日期", "是否工作日", "备注"};
static const char *const *const col_names[C__MAX] = {
	(const char *const[]){"日期", "date", NULL},
	(const char *const[]){"是否工作日", "workday", "is_workday", "工作日",
	    NULL},
	(const char *const[]){"备注", "note", NULL},
};

/* Column index of each known header (-1 when absent); errors on row 1. */
static void
read_header(const struct table *t, long cols[C__MAX], json_t *errs,
    int english)
{
	for (int c = 0; c < C__MAX; c++)
		cols[c] = -1;
	for (size_t j = 0; j < t->ncols; j++) {
		const char *h = table_cell(t, 0, j);

		for (int c = 0; c < C__MAX; c++) {
			if (!one_of(h, col_names[c]))
				continue;
			if (cols[c] >= 0)
				row_err(errs, 1, col_field[c], h, english,
				    "列重复", "column given twice");
			else
				cols[c] = (long)j;
		}
	}
	for (int c = 0; c < C_NOTE; c++)
		if (cols[c] < 0)
			row_err(errs, 1, col_field[c], col_zh[c], english,
			    c == C_DATE ? "缺少表头列：日期（date）" :
			    "缺少表头列：是否工作日（workday）",
			    c == C_DATE ? "missing header column: 日期 (date)" :
			    "missing header column: 是否工作日 (workday)");
}

static int
blank_row(const struct table *t, size_t i)
{
	for (size_t j = 0; j < t->ncols; j++) {
		const char *s = table_cell(t, i, j);

		while (isspace((unsigned char)*s))
			s++;
		if (*s)
			return 0;
	}
	return 1;
}

struct plan {
	size_t row;
	char date[11];
	int work;
	json_t *note;		/* string or null */
};

static int
plan_cmp(const void *a, const void *b)
{
	const struct plan *x = a, *y = b;
	int c = strcmp(x->date, y->date);

	return c ? c : (x->row < y->row ? -1 : x->row > y->row);
}

/* Parses and checks every data row into plans; returns how many. */
static size_t
read_rows(const struct table *t, const long cols[C__MAX], struct plan *plans,
    json_t *errs, int english)
{
	size_t n = 0;

	for (size_t i = 1; i < t->nrows; i++) {
		const char *ds = table_cell(t, i, (size_t)cols[C_DATE]);
		const char *ws = table_cell(t, i, (size_t)cols[C_WORKDAY]);
		const char *ns = cols[C_NOTE] >= 0 ?
		    table_cell(t, i, (size_t)cols[C_NOTE]) : "";
		const char *dh = table_cell(t, 0, (size_t)cols[C_DATE]);
		const char *wh = table_cell(t, 0, (size_t)cols[C_WORKDAY]);
		struct plan *p = &plans[n];
		struct date d;
		json_t *body, *verrs, *v;
		struct store_val vals[3];
		int ok = 1;

		if (blank_row(t, i))
			continue;
		p->row = i + 1;
		if (lenient_date(ds, &d) != 0) {
			row_err(errs, i + 1, "date", dh, english,
			    "日期无效，应写作YYYY-MM-DD（如2025-01-26）",
			    "not a real date; write YYYY-MM-DD (e.g. 2025-01-26)");
			ok = 0;
		} else
			date_format(d, p->date);
		if (lenient_bool(ws, &p->work) != 0) {
			row_err(errs, i + 1, "workday", wh, english,
			    "应为 1/0、是/否 或 上班/休息",
			    "must be 1/0, 是/否 (yes/no) or 上班/休息 (work/off)");
			ok = 0;
		}
		/* The resource's own rules decide the note (trim, length). */
		body = json_pack("{s:s, s:b, s:s}", "date", ok ? p->date :
		    "2000-01-01", "is_workday", 1, "note", ns);
		verrs = json_array();
		if (body == NULL) {	/* the CSV reader hands over UTF-8 */
			row_err(errs, i + 1, "note", cols[C_NOTE] >= 0 ?
			    table_cell(t, 0, (size_t)cols[C_NOTE]) : "note",
			    english, "包含无效字符", "contains invalid characters");
			json_decref(verrs);
			continue;
		}
		validate_body(body, fields, 3, vals, verrs, english);
		if (json_array_size(verrs) > 0 && cols[C_NOTE] >= 0) {
			row_err(errs, i + 1, "note", table_cell(t, 0,
			    (size_t)cols[C_NOTE]), english,
			    json_string_value(json_object_get(json_array_get(
			    verrs, 0), "message")), json_string_value(
			    json_object_get(json_array_get(verrs, 0),
			    "message")));
			ok = 0;
		}
		v = json_object_get(body, "note");
		p->note = json_is_string(v) && json_string_length(v) > 0 ?
		    json_incref(v) : json_null();
		json_decref(verrs);
		json_decref(body);
		if (!ok) {
			json_decref(p->note);
			continue;
		}
		n++;
	}
	return n;
}

static void
dup_check(struct plan *plans, size_t n, json_t *errs, const char *column,
    int english)
{
	char zh[96], en[96];

	qsort(plans, n, sizeof *plans, plan_cmp);
	for (size_t i = 1; i < n; i++)
		if (strcmp(plans[i].date, plans[i - 1].date) == 0) {
			snprintf(zh, sizeof zh, "日期与第%zu行重复",
			    plans[i - 1].row);
			snprintf(en, sizeof en, "same date as row %zu",
			    plans[i - 1].row);
			row_err(errs, plans[i].row, "date", column, english, zh,
			    en);
		}
}

/* Creates, updates or leaves one day; fills action. */
static enum app_err
apply(struct store *st, const struct actor *a, const struct plan *p,
    int dry_run, const char **action)
{
	json_t *cur = NULL, *body, *errs, *rec = NULL;
	enum app_err e;

	e = store_row1(st, STMT_CAL_BY_DATE, (struct store_val[]){
	    SV_I(a->zone_id), SV_T(p->date)}, 2, &cur);
	if (e != APP_OK && e != APP_ERR_NOT_FOUND)
		return e;
	if (e == APP_OK && json_is_true(json_object_get(cur, "is_workday")) ==
	    p->work && json_equal(json_object_get(cur, "note"), p->note)) {
		*action = "unchanged";
		json_decref(cur);
		return APP_OK;
	}
	*action = e == APP_OK ? "update" : "create";
	if (dry_run) {
		json_decref(cur);
		return APP_OK;
	}
	body = json_pack("{s:s, s:b, s:O}", "date", p->date, "is_workday",
	    p->work, "note", p->note);
	errs = json_array();
	if (cur != NULL)
		e = res_update(st, a, &calendar_resource, json_integer_value(
		    json_object_get(cur, "id")), body, errs, &rec);
	else
		e = res_create(st, a, &calendar_resource, body, errs, &rec);
	json_decref(rec);
	json_decref(errs);
	json_decref(body);
	json_decref(cur);
	return e;
}

enum app_err
calendar_import(struct store *st, const struct actor *a, const char *data,
    size_t len, int dry_run, json_t *errs, json_t **out)
{
	struct table t;
	struct plan *plans = NULL;
	long cols[C__MAX];
	char msg[256];
	size_t n = 0, counts[3] = {0};
	json_t *items = NULL;
	enum app_err e;
	int english = a->english;

	if ((e = csv_read(data, len, NULL, &t, msg, sizeof msg)) != APP_OK) {
		ferr_addf(errs, "file", msg);
		table_free(&t);
		return e;
	}
	if (t.nrows == 0) {
		ferr_add(errs, "file", english,
		    "文件为空：第一行应为表头（日期,是否工作日,备注）",
		    "the file is empty: the first row is the header "
		    "(日期/date, 是否工作日/workday, 备注/note)");
		table_free(&t);
		return APP_ERR_VALIDATION;
	}
	if (t.nrows - 1 > CALENDAR_IMPORT_MAX_ROWS) {
		snprintf(msg, sizeof msg, english ?
		    "at most %d rows may be imported at once" :
		    "一次最多导入%d行", CALENDAR_IMPORT_MAX_ROWS);
		ferr_addf(errs, "file", msg);
		table_free(&t);
		return APP_ERR_VALIDATION;
	}
	read_header(&t, cols, errs, english);
	if (json_array_size(errs) == 0) {
		plans = xcalloc(t.nrows, sizeof *plans);
		n = read_rows(&t, cols, plans, errs, english);
		dup_check(plans, n, errs, table_cell(&t, 0,
		    (size_t)cols[C_DATE]), english);
	}
	table_free(&t);
	if (json_array_size(errs) > 0) {
		e = APP_ERR_VALIDATION;
		goto done;
	}
	if (n == 0) {
		ferr_add(errs, "file", english, "没有数据行",
		    "there are no data rows");
		e = APP_ERR_VALIDATION;
		goto done;
	}
	if ((e = store_begin(st)) != APP_OK)
		goto done;
	items = json_array();
	for (size_t i = 0; i < n && e == APP_OK; i++) {
		const char *action = NULL;

		if ((e = apply(st, a, &plans[i], dry_run, &action)) != APP_OK)
			break;
		counts[strcmp(action, "create") == 0 ? 0 :
		    strcmp(action, "update") == 0 ? 1 : 2]++;
		json_array_append_new(items, json_pack("{s:I, s:s, s:b, s:O, "
		    "s:s}", "row", (json_int_t)plans[i].row, "date",
		    plans[i].date, "is_workday", plans[i].work, "note",
		    plans[i].note, "action", action));
	}
	if (e != APP_OK) {
		store_rollback(st);
		json_decref(items);
		goto done;
	}
	if ((e = store_commit(st)) != APP_OK) {
		json_decref(items);
		goto done;
	}
	*out = json_pack("{s:b, s:I, s:I, s:I, s:I, s:o}", "dry_run", dry_run,
	    "rows", (json_int_t)n, "created", (json_int_t)counts[0],
	    "updated", (json_int_t)counts[1], "unchanged",
	    (json_int_t)counts[2], "items", items);
done:
	for (size_t i = 0; i < n; i++)
		json_decref(plans[i].note);
	free(plans);
	return e;
}

/* ---- HTTP -------------------------------------------------------------- */
static void
q_int(struct req *r, const char *name, long long lo, long long hi)
{
	const char *v = req_arg(r, name);
	long long i;
	char msg[128];

	if (v == NULL || *v == '\0')
		return;
	if (parse_ll(v, &i) != 0 || i < lo || i > hi) {
		snprintf(msg, sizeof msg, r->english ?
		    "must be a whole number from %lld to %lld" :
		    "应为%lld到%lld之间的整数", lo, hi);
		ferr_addf(r->errs, name, msg);
	}
}

enum app_err
h_calendar_list(struct req *r)
{
	q_int(r, "year", DATE_YEAR_MIN, DATE_YEAR_MAX);
	q_int(r, "month", 1, 12);
	if (json_array_size(r->errs) > 0)
		return APP_ERR_VALIDATION;
	return h_res_list(r);
}

enum app_err
h_calendar_days(struct req *r)
{
	struct date from, to;
	json_t *out;
	enum app_err e;
	char msg[128];
	int bad = arg_date(r, "from", &from, 1);

	bad |= arg_date(r, "to", &to, 1);
	if (!bad && date_cmp(to, from) < 0)
		ferr_add(r->errs, "to", r->english, "不能早于开始日期",
		    "must not be before from");
	else if (!bad && date_to_days(to) - date_to_days(from) >=
	    CALENDAR_DAYS_MAX) {
		snprintf(msg, sizeof msg, r->english ?
		    "at most %d days at once" : "一次最多查询%d天",
		    CALENDAR_DAYS_MAX);
		ferr_addf(r->errs, "to", msg);
	}
	if (json_array_size(r->errs) > 0)
		return APP_ERR_VALIDATION;
	if ((e = calendar_days(r->st, r->actor.zone_id, from, to, &out)) !=
	    APP_OK)
		return e;
	return reply_json(r, 200, out);
}

enum app_err
h_calendar_add(struct req *r)
{
	const char *v = req_arg(r, "days");
	struct date from, due;
	struct workcal c;
	long long n = 0;
	char msg[128], fs[11], ds[11];
	enum app_err e;

	arg_date(r, "from", &from, 1);
	if (v == NULL || parse_ll(v, &n) != 0 || n < 0 ||
	    n > WORKCAL_ADD_MAX) {
		snprintf(msg, sizeof msg, r->english ?
		    "is required, a whole number of working days from 0 to %d" :
		    "必填，应为0到%d之间的工作日数", WORKCAL_ADD_MAX);
		ferr_addf(r->errs, "days", msg);
	}
	if (json_array_size(r->errs) > 0)
		return APP_ERR_VALIDATION;
	if ((e = workcal_load(r->st, r->actor.zone_id, from, (struct date){0},
	    &c)) != APP_OK)
		return e;
	due = workcal_add(&c, from, (int)n);
	workcal_free(&c);
	date_format(from, fs);
	date_format(due, ds);
	return reply_json(r, 200, json_pack("{s:s, s:I, s:s}", "from", fs,
	    "days", (json_int_t)n, "date", ds));
}

enum app_err
h_calendar_count(struct req *r)
{
	struct date from, to;
	struct workcal c;
	char fs[11], ts[11];
	enum app_err e;
	int n, bad = arg_date(r, "from", &from, 1);

	bad |= arg_date(r, "to", &to, 1);
	if (bad)
		return APP_ERR_VALIDATION;
	if ((e = workcal_load(r->st, r->actor.zone_id, from, to, &c)) !=
	    APP_OK)
		return e;
	n = workcal_count(&c, from, to);
	workcal_free(&c);
	date_format(from, fs);
	date_format(to, ts);
	return reply_json(r, 200, json_pack("{s:s, s:s, s:i}", "from", fs,
	    "to", ts, "workdays", n));
}

/*
 * The body is the CSV text itself (Content-Type text/csv or anything that
 * is not JSON: the server keeps every body raw, R_BODY only adds JSON
 * parsing), or, for clients that only speak JSON, {"csv": "…"}.
 */
enum app_err
h_calendar_import(struct req *r)
{
	const char *ct = req_header(r, "Content-Type");
	const char *dr = req_arg(r, "dry_run");
	const char *data = r->body.p;
	size_t len = r->body.len;
	json_t *out = NULL, *doc = NULL;
	int dry = 0;
	enum app_err e;

	if (dr != NULL && (strcmp(dr, "1") == 0 || strcmp(dr, "true") == 0))
		dry = 1;
	else if (dr != NULL && *dr && strcmp(dr, "0") != 0 &&
	    strcmp(dr, "false") != 0) {
		ferr_add(r->errs, "dry_run", r->english, "应为1或0",
		    "must be 1 or 0");
		return APP_ERR_VALIDATION;
	}
	if (ct != NULL && strncasecmp(ct, "application/json", 16) == 0) {
		json_t *csv;

		doc = len ? json_loadb(data, len, JSON_REJECT_DUPLICATES, NULL) :
		    NULL;
		if (!json_is_object(doc)) {
			json_decref(doc);
			return APP_ERR_BAD_JSON;
		}
		if (!json_is_string(csv = json_object_get(doc, "csv"))) {
			json_decref(doc);
			ferr_add(r->errs, "csv", r->english, "必填，CSV文本",
			    "is required: the CSV text");
			return APP_ERR_VALIDATION;
		}
		data = json_string_value(csv);
		len = json_string_length(csv);
	}
	if (data == NULL)
		data = "";
	e = calendar_import(r->st, &r->actor, data, len, dry, r->errs, &out);
	json_decref(doc);
	return e != APP_OK ? e : reply_json(r, 200, out);
}

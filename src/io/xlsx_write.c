/*
 * xlsx writer over libxlsxwriter. The workbook is built in constant-memory
 * mode: rows go to a temporary file as they are written, so an export of
 * 100,000 rows costs no more memory than one of ten. That mode writes
 * strings inline instead of into the shared-string table, which every
 * reader (ours, Excel, WPS, LibreOffice) accepts, and needs rows in order,
 * which is how we write them anyway.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "domain/date.h"
#include "io/num.h"
#include "io/xlsx_write.h"
#include "util/xalloc.h"

#define EXCEL_MAX_CHARS 32767	/* characters in one cell */
#define SHEETNAME_CHARS 31
/* Rows looked at to size a column that has no width. */
#define WIDTH_SAMPLE 1000

struct formats {
	lxw_format *title, *header, *integer, *money, *date, *percent;
};

static void seterr(char *err, size_t errsz, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
seterr(char *err, size_t errsz, const char *fmt, ...)
{
	va_list ap;

	if (err == NULL || errsz == 0)
		return;
	va_start(ap, fmt);
	vsnprintf(err, errsz, fmt, ap);
	va_end(ap);
}

static void
make_formats(lxw_workbook *wb, struct formats *f)
{
	f->title = workbook_add_format(wb);
	format_set_bold(f->title);
	format_set_font_size(f->title, 14);
	format_set_align(f->title, LXW_ALIGN_CENTER);
	format_set_align(f->title, LXW_ALIGN_VERTICAL_CENTER);

	f->header = workbook_add_format(wb);
	format_set_bold(f->header);
	format_set_pattern(f->header, LXW_PATTERN_SOLID);
	format_set_bg_color(f->header, 0xD9E1F2);
	format_set_border(f->header, LXW_BORDER_THIN);
	format_set_align(f->header, LXW_ALIGN_CENTER);
	format_set_align(f->header, LXW_ALIGN_VERTICAL_CENTER);
	format_set_text_wrap(f->header);

	f->integer = workbook_add_format(wb);
	format_set_num_format(f->integer, "0");
	f->money = workbook_add_format(wb);
	format_set_num_format(f->money, "#,##0.00");
	f->date = workbook_add_format(wb);
	format_set_num_format(f->date, "yyyy-mm-dd");
	f->percent = workbook_add_format(wb);
	format_set_num_format(f->percent, "0.0\"%\"");
}

/* Bytes of s holding at most max characters (s is UTF-8). */
static size_t
prefix_chars(const char *s, size_t max)
{
	size_t i = 0, n = 0;

	for (; s[i] != '\0'; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80 && n++ == max)
			break;
	return i;
}

/* Writes text, cut to Excel's limit on a character boundary. */
static lxw_error
write_text(lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const char *s,
    lxw_format *fmt)
{
	size_t n = prefix_chars(s, EXCEL_MAX_CHARS);
	char *cut;
	lxw_error e;

	if (s[0] == '\0')
		return LXW_NO_ERROR;
	if (s[n] == '\0')
		return worksheet_write_string(ws, r, c, s, fmt);
	cut = xmalloc(n + 1);
	memcpy(cut, s, n);
	cut[n] = '\0';
	e = worksheet_write_string(ws, r, c, cut, fmt);
	free(cut);
	return e;
}

static lxw_format *
number_format(const struct formats *f, enum xtype t)
{
	switch (t) {
	case X_INT:
		return f->integer;
	case X_MONEY:
		return f->money;
	case X_PERCENT:
		return f->percent;
	case X_DATE:	/* a bare number there is no known day: General */
	case X_TEXT:
	case X_NUMBER:
		break;
	}
	return NULL;
}

/* "YYYY-MM-DD", optionally followed by a time; 0 and *d, or -1. */
static int
leading_date(const char *s, struct date *d)
{
	size_t n = strlen(s);

	if (n < 10 || (n > 10 && s[10] != ' ' && s[10] != 'T'))
		return -1;
	return date_parse(s, 10, d);
}

static lxw_error
write_cell(lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, enum xtype t,
    json_t *v, const struct formats *f)
{
	char num[NUM_BUFSZ], *dump;
	const char *s;
	double d;
	struct date day;
	lxw_error e;

	if (v == NULL || json_is_null(v))
		return LXW_NO_ERROR;
	if (json_is_boolean(v))
		return worksheet_write_boolean(ws, r, c, json_is_true(v), NULL);
	if (json_is_number(v)) {
		d = json_number_value(v);
		if (t != X_TEXT)
			return worksheet_write_number(ws, r, c, d,
			    number_format(f, t));
		if (json_is_integer(v))
			snprintf(num, sizeof(num), "%" JSON_INTEGER_FORMAT,
			    json_integer_value(v));
		else
			num_format(d, num);
		return worksheet_write_string(ws, r, c, num, NULL);
	}
	if (!json_is_string(v)) {
		dump = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);
		e = dump != NULL ? write_text(ws, r, c, dump, NULL) : LXW_NO_ERROR;
		free(dump);
		return e;
	}
	s = json_string_value(v);
	if (t == X_DATE && leading_date(s, &day) == 0) {
		lxw_datetime dt = {day.y, day.m, day.d, 0, 0, 0};

		return worksheet_write_datetime(ws, r, c, &dt, f->date);
	}
	if (t != X_TEXT && t != X_DATE && num_parse(s, &d) == 0)
		return worksheet_write_number(ws, r, c, d, number_format(f, t));
	return write_text(ws, r, c, s, NULL);
}

/* Columns of text as Excel measures them: CJK and other wide forms take 2. */
static double
display_width(const char *s)
{
	double w = 0;

	for (const unsigned char *u = (const unsigned char *)s; *u != '\0'; u++)
		if (*u < 0x80)
			w += 1;
		else if ((*u & 0xC0) != 0x80)
			w += *u >= 0xE1 ? 2 : 1;
	return w;
}

/* A width from the header and a sample of the values, 8..50 characters. */
static double
auto_width(const struct xcol *col, json_t *rows)
{
	double w = display_width(col->header != NULL ? col->header : "");
	size_t i;
	json_t *row;

	json_array_foreach(rows, i, row) {
		json_t *v = json_object_get(row, col->key);
		double vw = 0;

		if (i >= WIDTH_SAMPLE)
			break;
		if (json_is_string(v))
			vw = display_width(json_string_value(v));
		else if (json_is_number(v))
			vw = col->type == X_MONEY ? 14 : 10;
		if (col->type == X_DATE && vw > 0)
			vw = 10;
		if (vw > w)
			w = vw;
	}
	w += 2;
	return w < 8 ? 8 : w > 50 ? 50 : w;
}

/* Tab names used so far, to keep them unique as Excel requires. */
struct names {
	char (*v)[LXW_MAX_SHEETNAME_LENGTH];
	size_t n;
};

static int
name_taken(const struct names *used, const char *name)
{
	for (size_t i = 0; i < used->n; i++)
		if (strcasecmp(used->v[i], name) == 0)
			return 1;
	return 0;
}

/*
 * A valid, unused tab name for sheet number idx (0-based) into out:
 * forbidden characters become '_', leading and trailing apostrophes go,
 * at most 31 characters, " (2)"... appended on a clash.
 */
static void
tab_name(const char *want, size_t idx, const struct names *used,
    char out[LXW_MAX_SHEETNAME_LENGTH])
{
	char base[LXW_MAX_SHEETNAME_LENGTH];
	size_t n = 0;

	for (const char *p = want != NULL ? want : ""; *p != '\0' &&
	    n + 1 < sizeof(base); p++)
		base[n++] = strchr("[]:*?/\\", *p) != NULL ? '_' : *p;
	base[n] = '\0';
	while (n > 0 && base[n - 1] == '\'')
		base[--n] = '\0';
	n = strspn(base, "'");
	memmove(base, base + n, strlen(base + n) + 1);
	base[prefix_chars(base, SHEETNAME_CHARS)] = '\0';
	if (base[0] == '\0')
		snprintf(base, sizeof(base), "Sheet%zu", idx + 1);
	snprintf(out, LXW_MAX_SHEETNAME_LENGTH, "%s", base);
	for (unsigned k = 2; name_taken(used, out); k++) {
		char suffix[16];
		size_t room;

		snprintf(suffix, sizeof(suffix), " (%u)", k);
		room = prefix_chars(base, SHEETNAME_CHARS - strlen(suffix));
		snprintf(out, LXW_MAX_SHEETNAME_LENGTH, "%.*s%s", (int)room, base,
		    suffix);
	}
}

static enum app_err
write_sheet(lxw_workbook *wb, const struct xsheet *sh, size_t idx,
    struct names *used, const struct formats *f, char *err, size_t errsz)
{
	lxw_worksheet *ws;
	lxw_row_t hdr = sh->title != NULL && sh->title[0] != '\0' ? 1 : 0;
	lxw_error e = LXW_NO_ERROR;
	size_t nrows, i;
	json_t *row;

	if (sh->rows != NULL && !json_is_array(sh->rows)) {
		seterr(err, errsz, "工作表%zu的数据不是数组 (sheet %zu: rows is "
		    "not an array)", idx + 1, idx + 1);
		return APP_ERR_INTERNAL;
	}
	nrows = json_array_size(sh->rows);
	if (nrows > LXW_ROW_MAX - 1 - hdr || sh->ncols > LXW_COL_MAX) {
		seterr(err, errsz, "导出超过Excel的上限（%d行，%d列） (export "
		    "exceeds Excel's %d rows or %d columns)", LXW_ROW_MAX,
		    LXW_COL_MAX, LXW_ROW_MAX, LXW_COL_MAX);
		return APP_ERR_TOO_LARGE;
	}
	tab_name(sh->name, idx, used, used->v[used->n]);
	ws = workbook_add_worksheet(wb, used->v[used->n]);
	if (ws == NULL) {
		seterr(err, errsz, "无法添加工作表%s (cannot add sheet %s)",
		    used->v[used->n], used->v[used->n]);
		return APP_ERR_INTERNAL;
	}
	used->n++;

	for (size_t c = 0; c < sh->ncols; c++)
		worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c,
		    sh->cols[c].width > 0 ? sh->cols[c].width :
		    auto_width(&sh->cols[c], sh->rows), NULL);
	if (hdr) {
		worksheet_set_row(ws, 0, 24, NULL);
		if (sh->ncols > 1)
			e = worksheet_merge_range(ws, 0, 0, 0,
			    (lxw_col_t)(sh->ncols - 1), sh->title, f->title);
		else
			e = write_text(ws, 0, 0, sh->title, f->title);
	}
	for (size_t c = 0; c < sh->ncols && e == LXW_NO_ERROR; c++)
		e = worksheet_write_string(ws, hdr, (lxw_col_t)c,
		    sh->cols[c].header != NULL ? sh->cols[c].header : "",
		    f->header);
	json_array_foreach(sh->rows, i, row) {
		for (size_t c = 0; c < sh->ncols && e == LXW_NO_ERROR; c++)
			e = write_cell(ws, (lxw_row_t)(hdr + 1 + i), (lxw_col_t)c,
			    sh->cols[c].type, json_object_get(row,
			    sh->cols[c].key), f);
		if (e != LXW_NO_ERROR)
			break;
	}
	if (e != LXW_NO_ERROR) {
		seterr(err, errsz, "写入工作表%s失败：%s (writing sheet %s: %s)",
		    used->v[used->n - 1], lxw_strerror(e), used->v[used->n - 1],
		    lxw_strerror(e));
		return APP_ERR_INTERNAL;
	}
	if (sh->ncols > 0) {
		/* Header stays in view; its filter covers the data below. */
		worksheet_freeze_panes(ws, hdr + 1, 0);
		worksheet_autofilter(ws, hdr, 0, (lxw_row_t)(hdr + nrows),
		    (lxw_col_t)(sh->ncols - 1));
	}
	return APP_OK;
}

enum app_err
xlsx_write_sheets(const char *path, const struct xsheet *sheets, size_t n,
    char *err, size_t errsz)
{
	const char *tmp = getenv("TMPDIR");
	lxw_workbook_options opt = {.constant_memory = LXW_TRUE,
	    .tmpdir = tmp != NULL && tmp[0] != '\0' ? (char *)tmp : NULL};
	lxw_workbook *wb = workbook_new_opt(path, &opt);
	struct names used = {xcalloc(n + 1, sizeof(*used.v)), 0};
	struct formats f;
	enum app_err rc = APP_OK;
	lxw_error e;

	seterr(err, errsz, "%s", "");
	if (wb == NULL) {
		seterr(err, errsz, "无法创建工作簿 (cannot create workbook)");
		rc = APP_ERR_IO;
		goto cleanup;
	}
	make_formats(wb, &f);
	/* Excel cannot open a workbook without a sheet. */
	if (n == 0 && workbook_add_worksheet(wb, NULL) == NULL)
		rc = APP_ERR_INTERNAL;
	for (size_t i = 0; i < n && rc == APP_OK; i++)
		rc = write_sheet(wb, &sheets[i], i, &used, &f, err, errsz);
	if (rc != APP_OK) {
		lxw_workbook_free(wb);
		wb = NULL;
		goto cleanup;
	}
	e = workbook_close(wb);
	wb = NULL;
	if (e != LXW_NO_ERROR) {
		seterr(err, errsz, "无法写入%s：%s (cannot write %s: %s)", path,
		    lxw_strerror(e), path, lxw_strerror(e));
		unlink(path);
		rc = APP_ERR_IO;
	}
cleanup:
	free(used.v);
	return rc;
}

enum app_err
xlsx_write_buffer(const struct xsheet *sheets, size_t n, char **data,
    size_t *len, char *err, size_t errsz)
{
	const char *dir = getenv("TMPDIR");
	char *path = NULL, *buf = NULL;
	int fd = -1;
	enum app_err rc;
	struct stat st;
	size_t got = 0;

	*data = NULL;
	*len = 0;
	if (dir == NULL || dir[0] == '\0')
		dir = "/tmp";
	if (asprintf(&path, "%s/zonedesk-XXXXXX.xlsx", dir) < 0) {
		fputs("zonedesk: out of memory\n", stderr);
		abort();
	}
	fd = mkstemps(path, 5);
	if (fd < 0) {
		seterr(err, errsz, "无法创建临时文件 (cannot create a temporary "
		    "file in %s)", dir);
		rc = APP_ERR_IO;
		goto cleanup;
	}
	rc = xlsx_write_sheets(path, sheets, n, err, errsz);
	if (rc != APP_OK)
		goto cleanup;
	/* Our descriptor still names the file libxlsxwriter just wrote. */
	if (fstat(fd, &st) != 0) {
		seterr(err, errsz, "无法读取临时文件 (cannot stat the temporary "
		    "file)");
		rc = APP_ERR_IO;
		goto cleanup;
	}
	buf = xmalloc((size_t)st.st_size + 1);
	while (got < (size_t)st.st_size) {
		ssize_t r = pread(fd, buf + got, (size_t)st.st_size - got,
		    (off_t)got);

		if (r <= 0) {
			seterr(err, errsz, "无法读取临时文件 (cannot read the "
			    "temporary file)");
			rc = APP_ERR_IO;
			goto cleanup;
		}
		got += (size_t)r;
	}
	*data = buf;
	*len = got;
	buf = NULL;
cleanup:
	if (fd >= 0) {
		unlink(path);
		close(fd);
	}
	free(path);
	free(buf);
	return rc;
}

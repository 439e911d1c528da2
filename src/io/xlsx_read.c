/*
 * xlsx reader: libzip opens the package in memory, expat streams each XML
 * part through handlers, the shared table builder collects the cells.
 *
 * The parts are found the way the format says, through relationships:
 * _rels/.rels names the workbook, the workbook's .rels names its sheets,
 * shared strings and styles. Parts are inflated in 64 KiB chunks straight
 * into expat, so memory holds what we keep (strings, cells), never a whole
 * part, and every inflated byte counts against one budget for the file.
 *
 * Expat runs in namespace mode and the handlers look at local names only:
 * writers differ in prefixes (<x:c> vs <c>) and Strict OOXML uses other
 * namespace URIs, but the local names are the same in all of them.
 */
#include <expat.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <zip.h>

#include "domain/date.h"
#include "io/num.h"
#include "io/xlsx_read.h"
#include "util/buf.h"
#include "util/xalloc.h"

/* Expat's separator between namespace URI and local name. */
#define NS_SEP ' '
/* Caps on bookkeeping arrays a hostile file could otherwise inflate. */
#define MAX_RELS 10000
#define MAX_SHEETS 1000
#define MAX_NUMFMTS 10000
#define MAX_XFS 65536

enum ctype { CT_NUM, CT_SHARED, CT_STR, CT_INLINE, CT_BOOL, CT_ERROR, CT_DATE };

struct rel {
	char *id, *type, *target;	/* target resolved to a zip path */
};

struct numfmt {
	long id;
	int date;
};

struct xr {
	zip_t *za;
	size_t budget;		/* inflated bytes still allowed */
	enum app_err rc;	/* set by a handler that stopped the parser */
	char *err;
	size_t errsz;
	XML_Parser xp;
	int parsing;		/* inside XML_Parse: handlers may stop it */
	const char *part;	/* being parsed, for messages */

	int collect;		/* character data goes to text */
	struct buf text;

	/* A .rels part: relationships of the part rels_base. */
	const char *rels_base;
	struct rel *rels;
	size_t nrels, caprels;

	/* xl/workbook.xml */
	char **sheet_rids;
	size_t nsheets, capsheets;
	int date1904;

	/* xl/sharedStrings.xml: the strings NUL-separated in one buffer (a
	 * malloc per string would triple the memory of a big table) */
	struct buf sst;
	size_t *sst_off, nsst, capsst;
	int in_si, in_rph;

	/* xl/styles.xml */
	struct numfmt *fmts;
	size_t nfmts, capfmts;
	long *xf_fmt;
	size_t nxf, capxf;
	int in_cellxfs;
	unsigned char *xf_date;	/* nxf entries, resolved after parsing */

	/* the worksheet */
	int in_data, in_c, in_is;
	long row, next_col;	/* 0-based position of the next cell */
	long crow, ccol, cstyle;
	enum ctype ctype;
	char cref[16];
	struct table_builder tb;
};

/* Records an error whose message is written; stops a running parser. */
static void
stop(struct xr *x, enum app_err rc)
{
	x->rc = rc;
	if (x->parsing)
		XML_StopParser(x->xp, XML_FALSE);
}

static void seterr(struct xr *x, enum app_err rc, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Records the first error with its message, and stops. */
static void
seterr(struct xr *x, enum app_err rc, const char *fmt, ...)
{
	va_list ap;

	if (x->rc != APP_OK)
		return;
	if (x->err != NULL && x->errsz > 0) {
		va_start(ap, fmt);
		vsnprintf(x->err, x->errsz, fmt, ap);
		va_end(ap);
	}
	stop(x, rc);
}

/* Makes room for one more element in a growable array. */
static void *
grow(void *p, size_t n, size_t *cap, size_t size)
{
	if (n < *cap)
		return p;
	*cap = *cap ? *cap * 2 : 16;
	return xrealloc(p, *cap * size);
}

static const char *
local(const char *name)
{
	const char *s = strrchr(name, NS_SEP);

	return s != NULL ? s + 1 : name;
}

/* Value of the un-namespaced attribute called name, or NULL. */
static const char *
attr(const char **atts, const char *name)
{
	for (size_t i = 0; atts[i] != NULL; i += 2)
		if (strchr(atts[i], NS_SEP) == NULL && strcmp(atts[i], name) == 0)
			return atts[i + 1];
	return NULL;
}

/* r:id — the relationship id, in whichever relationships namespace. */
static const char *
attr_rid(const char **atts)
{
	for (size_t i = 0; atts[i] != NULL; i += 2)
		if (strchr(atts[i], NS_SEP) != NULL &&
		    strcmp(local(atts[i]), "id") == 0)
			return atts[i + 1];
	return NULL;
}

/* Strict non-negative decimal below limit; -1 otherwise. */
static long
parse_index(const char *s, long limit)
{
	long v = 0;

	if (s == NULL || *s == '\0')
		return -1;
	for (; *s != '\0'; s++) {
		if (*s < '0' || *s > '9' || v >= limit)
			return -1;
		v = v * 10 + (*s - '0');
	}
	return v < limit ? v : -1;
}

static int
ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && strcmp(s + n - m, suffix) == 0;
}

static void
on_text(void *ud, const XML_Char *s, int len)
{
	struct xr *x = ud;

	if (!x->collect || len <= 0)
		return;
	if (x->text.len + (size_t)len > TABLE_MAX_CELL) {
		seterr(x, APP_ERR_TOO_LARGE, "%s：文本超过%d字节 (%s: a string "
		    "longer than %d bytes)", x->part, TABLE_MAX_CELL, x->part,
		    TABLE_MAX_CELL);
		return;
	}
	buf_append(&x->text, s, (size_t)len);
}

static void
text_reset(struct xr *x)
{
	x->text.len = 0;
	if (x->text.p != NULL)
		x->text.p[0] = '\0';
}

/* Text collected so far, as a new string. */
static char *
text_take(struct xr *x)
{
	char *s = xstrdup(x->text.p != NULL ? x->text.p : "");

	text_reset(x);
	return s;
}

static void
put_utf8(char **o, unsigned long cp)
{
	unsigned char *u = (unsigned char *)*o;

	if (cp < 0x80) {
		*u++ = (unsigned char)cp;
	} else if (cp < 0x800) {
		*u++ = (unsigned char)(0xC0 | cp >> 6);
		*u++ = (unsigned char)(0x80 | (cp & 0x3F));
	} else if (cp < 0x10000) {
		*u++ = (unsigned char)(0xE0 | cp >> 12);
		*u++ = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
		*u++ = (unsigned char)(0x80 | (cp & 0x3F));
	} else {
		*u++ = (unsigned char)(0xF0 | cp >> 18);
		*u++ = (unsigned char)(0x80 | (cp >> 12 & 0x3F));
		*u++ = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
		*u++ = (unsigned char)(0x80 | (cp & 0x3F));
	}
	*o = (char *)u;
}

/* The UTF-16 unit of an "_xHHHH_" at s, or -1. */
static long
escape_at(const char *s)
{
	long v = 0;

	if (s[0] != '_' || s[1] != 'x')
		return -1;
	for (int i = 2; i < 6; i++) {
		char c = s[i];
		int d = c >= '0' && c <= '9' ? c - '0' :
		    c >= 'a' && c <= 'f' ? c - 'a' + 10 :
		    c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;

		if (d < 0)
			return -1;
		v = v * 16 + d;
	}
	return s[6] == '_' ? v : -1;
}

/*
 * Decodes OOXML's "_xHHHH_" escapes in place: Excel writes characters XML
 * cannot carry this way (a CR is _x000D_, a literal "_x" is _x005F_x).
 * Surrogate pairs arrive as two escapes; a lone one becomes U+FFFD and NUL
 * is dropped, so the result stays valid UTF-8 without embedded NULs. Seven
 * bytes of escape never give more than four bytes of UTF-8.
 */
static void
unescape(char *s)
{
	char *o = s;

	if (strstr(s, "_x") == NULL)
		return;
	while (*s != '\0') {
		long u = escape_at(s), lo;

		if (u < 0) {
			*o++ = *s++;
			continue;
		}
		s += 7;
		if (u >= 0xD800 && u <= 0xDBFF && (lo = escape_at(s)) >= 0xDC00 &&
		    lo <= 0xDFFF) {
			s += 7;
			put_utf8(&o, 0x10000 + ((unsigned long)(u - 0xD800) << 10) +
			    (unsigned long)(lo - 0xDC00));
		} else if (u >= 0xD800 && u <= 0xDFFF) {
			put_utf8(&o, 0xFFFD);
		} else if (u != 0) {
			put_utf8(&o, (unsigned long)u);
		}
	}
	*o = '\0';
}

/* ---- reading parts ---- */

/* Expat hands DOCTYPE to this handler before any entity is declared. */
static void
on_doctype(void *ud, const XML_Char *name, const XML_Char *sysid,
    const XML_Char *pubid, int has_internal)
{
	struct xr *x = ud;

	(void)name;
	(void)sysid;
	(void)pubid;
	(void)has_internal;
	seterr(x, APP_ERR_VALIDATION, "%s含有DTD，不是Excel文件 (%s has a "
	    "DTD: xlsx parts never do)", x->part, x->part);
}

static void
bomb(struct xr *x)
{
	seterr(x, APP_ERR_VALIDATION, "解压后超过%u字节，疑似压缩炸弹 "
	    "(more than %u bytes uncompressed: refusing a possible zip bomb)",
	    XLSX_MAX_UNCOMPRESSED, XLSX_MAX_UNCOMPRESSED);
}

/*
 * Streams the zip entry `name` through a fresh namespace-aware parser.
 * APP_ERR_NOT_FOUND (no message) when there is no such entry; other errors
 * carry a message.
 */
static enum app_err
parse_part(struct xr *x, const char *name, XML_StartElementHandler start,
    XML_EndElementHandler end)
{
	enum app_err rc = APP_OK;
	zip_int64_t idx = zip_name_locate(x->za, name, ZIP_FL_NOCASE);
	zip_file_t *zf = NULL;
	zip_stat_t st;
	char *chunk = NULL;
	int ok;

	if (idx < 0)
		return APP_ERR_NOT_FOUND;
	x->part = name;
	x->collect = 0;
	text_reset(x);
	if (zip_stat_index(x->za, (zip_uint64_t)idx, 0, &st) == 0 &&
	    (st.valid & ZIP_STAT_SIZE) && st.size > x->budget) {
		bomb(x);
		goto cleanup;
	}
	zf = zip_fopen_index(x->za, (zip_uint64_t)idx, 0);
	if (zf == NULL) {
		/* libzip's message strings last until its next call: once. */
		const char *why = zip_strerror(x->za);

		seterr(x, APP_ERR_VALIDATION, "无法读取%s：%s (cannot read %s: "
		    "%s)", name, why, name, why);
		goto cleanup;
	}
	x->xp = XML_ParserCreateNS(NULL, NS_SEP);
	if (x->xp == NULL) {
		fputs("zonedesk: out of memory\n", stderr);
		abort();
	}
	XML_SetUserData(x->xp, x);
	XML_SetElementHandler(x->xp, start, end);
	XML_SetCharacterDataHandler(x->xp, on_text);
	/* xlsx parts have no DTD: refusing one rules out entity expansion. */
	XML_SetStartDoctypeDeclHandler(x->xp, on_doctype);
	chunk = xmalloc(65536);
	for (;;) {
		zip_int64_t n = zip_fread(zf, chunk, 65536);

		if (n < 0) {
			const char *why = zip_file_strerror(zf);

			seterr(x, APP_ERR_VALIDATION, "%s已损坏：%s (%s is "
			    "corrupt: %s)", name, why, name, why);
			goto cleanup;
		}
		if ((zip_uint64_t)n > x->budget) {
			bomb(x);
			goto cleanup;
		}
		x->budget -= (size_t)n;
		x->parsing = 1;
		ok = XML_Parse(x->xp, chunk, (int)n, n == 0) != XML_STATUS_ERROR;
		x->parsing = 0;
		if (!ok) {
			unsigned long line = XML_GetCurrentLineNumber(x->xp);
			const char *what = XML_ErrorString(XML_GetErrorCode(x->xp));

			/* A handler's own error (which stopped it) comes first. */
			seterr(x, APP_ERR_VALIDATION, "%s第%lu行XML格式错误：%s "
			    "(%s line %lu: malformed XML: %s)", name, line, what,
			    name, line, what);
			goto cleanup;
		}
		if (x->rc != APP_OK || n == 0)
			goto cleanup;
	}
cleanup:
	rc = x->rc;
	if (x->xp != NULL)
		XML_ParserFree(x->xp);
	x->xp = NULL;
	if (zf != NULL)
		zip_fclose(zf);
	free(chunk);
	return rc;
}

static void
no_end(void *ud, const XML_Char *name)
{
	(void)ud;
	(void)name;
}

/* ---- relationships ---- */

/*
 * Resolves a relationship target against the directory of the source part
 * (absolute targets start at the package root), folding "." and "..".
 * Returns a new string.
 */
static char *
resolve(const char *source, const char *target)
{
	struct buf path = {0};
	const char *slash = strrchr(source, '/');
	char *seg, *save = NULL, *joined;

	if (target[0] == '/')
		joined = xstrdup(target + 1);
	else if (slash == NULL)
		joined = xstrdup(target);
	else if (asprintf(&joined, "%.*s/%s", (int)(slash - source), source,
	    target) < 0)
		joined = NULL;
	if (joined == NULL) {
		fputs("zonedesk: out of memory\n", stderr);
		abort();
	}
	buf_puts(&path, "");
	for (seg = strtok_r(joined, "/", &save); seg != NULL;
	    seg = strtok_r(NULL, "/", &save)) {
		if (strcmp(seg, ".") == 0)
			continue;
		if (strcmp(seg, "..") == 0) {
			char *up = strrchr(path.p, '/');

			path.len = up != NULL ? (size_t)(up - path.p) : 0;
			path.p[path.len] = '\0';
			continue;
		}
		if (path.len > 0)
			buf_puts(&path, "/");
		buf_puts(&path, seg);
	}
	free(joined);
	return path.p;
}

static void
rels_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	struct xr *x = ud;
	const char *id, *type, *target, *mode;

	if (strcmp(local(name), "Relationship") != 0)
		return;
	id = attr(atts, "Id");
	type = attr(atts, "Type");
	target = attr(atts, "Target");
	mode = attr(atts, "TargetMode");
	if (id == NULL || type == NULL || target == NULL ||
	    (mode != NULL && strcmp(mode, "External") == 0))
		return;
	if (x->nrels >= MAX_RELS) {
		seterr(x, APP_ERR_VALIDATION, "%s：关系过多 (%s: too many "
		    "relationships)", x->part, x->part);
		return;
	}
	x->rels = grow(x->rels, x->nrels, &x->caprels, sizeof(*x->rels));
	x->rels[x->nrels++] = (struct rel){xstrdup(id), xstrdup(type),
	    resolve(x->rels_base, target)};
}

static void
rels_clear(struct xr *x)
{
	for (size_t i = 0; i < x->nrels; i++) {
		free(x->rels[i].id);
		free(x->rels[i].type);
		free(x->rels[i].target);
	}
	x->nrels = 0;
}

/*
 * Reads the relationships of part `source` ("" for the package) into
 * x->rels. A missing .rels part is no error: there are just none.
 */
static enum app_err
read_rels(struct xr *x, const char *source)
{
	const char *slash = strrchr(source, '/');
	char *name = NULL;
	enum app_err rc;

	rels_clear(x);
	if (slash == NULL)
		rc = asprintf(&name, "_rels/%s.rels", source) < 0 ?
		    APP_ERR_INTERNAL : APP_OK;
	else
		rc = asprintf(&name, "%.*s/_rels/%s.rels",
		    (int)(slash - source), source, slash + 1) < 0 ?
		    APP_ERR_INTERNAL : APP_OK;
	if (rc != APP_OK) {
		fputs("zonedesk: out of memory\n", stderr);
		abort();
	}
	x->rels_base = source;
	rc = parse_part(x, name, rels_start, no_end);
	free(name);
	return rc == APP_ERR_NOT_FOUND ? APP_OK : rc;
}

/* Target of the first relationship whose type ends in /suffix, or NULL. */
static const char *
rel_by_type(const struct xr *x, const char *suffix)
{
	for (size_t i = 0; i < x->nrels; i++)
		if (ends_with(x->rels[i].type, suffix))
			return x->rels[i].target;
	return NULL;
}

/* ---- workbook ---- */

static void
wb_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	struct xr *x = ud;
	const char *ln = local(name), *v;

	if (strcmp(ln, "workbookPr") == 0) {
		v = attr(atts, "date1904");
		x->date1904 = v != NULL && (strcmp(v, "1") == 0 ||
		    strcmp(v, "true") == 0);
	} else if (strcmp(ln, "sheet") == 0 && (v = attr_rid(atts)) != NULL) {
		if (x->nsheets >= MAX_SHEETS) {
			seterr(x, APP_ERR_VALIDATION, "工作表过多 (too many "
			    "sheets)");
			return;
		}
		x->sheet_rids = grow(x->sheet_rids, x->nsheets, &x->capsheets,
		    sizeof(*x->sheet_rids));
		x->sheet_rids[x->nsheets++] = xstrdup(v);
	}
}

/* ---- shared strings ---- */

static void
sst_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	struct xr *x = ud;
	const char *ln = local(name);

	(void)atts;
	if (strcmp(ln, "si") == 0) {
		x->in_si = 1;
		x->in_rph = 0;
		text_reset(x);
	} else if (strcmp(ln, "rPh") == 0) {
		x->in_rph = 1;	/* furigana: not part of the cell's text */
	} else if (strcmp(ln, "t") == 0 && x->in_si && !x->in_rph) {
		x->collect = 1;
	}
}

static void
sst_end(void *ud, const XML_Char *name)
{
	struct xr *x = ud;
	const char *ln = local(name);

	if (strcmp(ln, "t") == 0) {
		x->collect = 0;
	} else if (strcmp(ln, "rPh") == 0) {
		x->in_rph = 0;
	} else if (strcmp(ln, "si") == 0 && x->in_si) {
		x->in_si = 0;
		if (x->nsst >= TABLE_MAX_CELLS) {
			seterr(x, APP_ERR_TOO_LARGE, "共享字符串过多 (too many "
			    "shared strings)");
			return;
		}
		if (x->text.p != NULL)
			unescape(x->text.p);	/* shrinks: len is stale after */
		x->sst_off = grow(x->sst_off, x->nsst, &x->capsst,
		    sizeof(*x->sst_off));
		x->sst_off[x->nsst++] = x->sst.len;
		buf_puts(&x->sst, x->text.p != NULL ? x->text.p : "");
		buf_append(&x->sst, "", 1);
		text_reset(x);
	}
}

/* ---- styles ---- */

/* Built-in number formats that show a date (ECMA-376 18.8.30; 27-58 are
 * the East Asian ones, e.g. 31 = yyyy"年"m"月"d"日" in zh-CN). */
static int
builtin_is_date(long id)
{
	return (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 31) ||
	    id == 36 || (id >= 50 && id <= 54) || id == 57 || id == 58;
}

/*
 * Whether a custom format code shows a date: after dropping quoted text,
 * backslash escapes, [colour]/[$-804] brackets and the character after
 * _ and *, it has a y or d, or an m that is a month because there is no h
 * or s (in "h:mm" and "mm:ss" m means minutes).
 */
static int
code_is_date(const char *code)
{
	int y = 0, m = 0, d = 0, hs = 0;

	for (const char *p = code; *p != '\0'; p++) {
		switch (*p) {
		case '"':
			p = strchr(p + 1, '"');
			if (p == NULL)
				return y || d || (m && !hs);
			break;
		case '[':
			p = strchr(p + 1, ']');
			if (p == NULL)
				return y || d || (m && !hs);
			break;
		case '\\': case '_': case '*':
			if (p[1] != '\0')
				p++;
			break;
		case 'y': case 'Y':
			y = 1;
			break;
		case 'm': case 'M':
			m = 1;
			break;
		case 'd': case 'D':
			d = 1;
			break;
		case 'h': case 'H': case 's': case 'S':
			hs = 1;
			break;
		default:
			break;
		}
	}
	return y || d || (m && !hs);
}

static void
styles_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	struct xr *x = ud;
	const char *ln = local(name), *code;
	long id;

	if (strcmp(ln, "cellXfs") == 0) {
		x->in_cellxfs = 1;
	} else if (strcmp(ln, "numFmt") == 0) {
		id = parse_index(attr(atts, "numFmtId"), 1000000);
		code = attr(atts, "formatCode");
		if (id < 0 || code == NULL || x->nfmts >= MAX_NUMFMTS)
			return;
		x->fmts = grow(x->fmts, x->nfmts, &x->capfmts, sizeof(*x->fmts));
		x->fmts[x->nfmts++] = (struct numfmt){id, code_is_date(code)};
	} else if (strcmp(ln, "xf") == 0 && x->in_cellxfs && x->nxf < MAX_XFS) {
		x->xf_fmt = grow(x->xf_fmt, x->nxf, &x->capxf,
		    sizeof(*x->xf_fmt));
		x->xf_fmt[x->nxf++] = parse_index(attr(atts, "numFmtId"),
		    1000000);
	}
}

static void
styles_end(void *ud, const XML_Char *name)
{
	struct xr *x = ud;

	if (strcmp(local(name), "cellXfs") == 0)
		x->in_cellxfs = 0;
}

static int
cmp_numfmt(const void *a, const void *b)
{
	const struct numfmt *p = a, *q = b;

	return (p->id > q->id) - (p->id < q->id);
}

/*
 * Marks each cell style that shows a date; custom codes override built-in
 * ids. Sorted lookup: thousands of styles × thousands of formats would
 * otherwise be a cheap way to burn seconds.
 */
static void
resolve_styles(struct xr *x)
{
	x->xf_date = xcalloc(x->nxf, 1);
	if (x->nfmts > 0)
		qsort(x->fmts, x->nfmts, sizeof(*x->fmts), cmp_numfmt);
	for (size_t i = 0; i < x->nxf; i++) {
		struct numfmt key = {x->xf_fmt[i], 0};
		const struct numfmt *f = x->nfmts == 0 ? NULL :
		    bsearch(&key, x->fmts, x->nfmts, sizeof(*x->fmts), cmp_numfmt);

		x->xf_date[i] = (unsigned char)(f != NULL ? f->date :
		    builtin_is_date(key.id));
	}
}

/* ---- the worksheet ---- */

/* "C5" → col 2, row 4; -1 unless it is a valid A1-style reference. */
static int
parse_ref(const char *s, long *row, long *col)
{
	long c = 0, r = 0;
	int nl = 0, nd = 0;

	for (; *s >= 'A' && *s <= 'Z'; s++, nl++)
		c = c * 26 + (*s - 'A' + 1);
	for (; *s >= '0' && *s <= '9'; s++, nd++)
		r = r * 10 + (*s - '0');
	if (*s != '\0' || nl < 1 || nl > 3 || nd < 1 || nd > 7 || c > 16384 ||
	    r < 1 || r > 1048576)
		return -1;
	*row = r - 1;
	*col = c - 1;
	return 0;
}

static void
sheet_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	struct xr *x = ud;
	const char *ln = local(name), *v;

	if (strcmp(ln, "sheetData") == 0) {
		x->in_data = 1;
		x->row = -1;
		return;
	}
	if (!x->in_data)
		return;
	if (strcmp(ln, "row") == 0) {
		v = attr(atts, "r");
		if (v == NULL) {
			x->row++;
		} else if ((x->row = parse_index(v, 1048577) - 1) < 0) {
			seterr(x, APP_ERR_VALIDATION, "行号无效：%.20s (bad row "
			    "number %.20s)", v, v);
			return;
		}
		x->next_col = 0;
	} else if (strcmp(ln, "c") == 0) {
		x->in_c = 1;
		x->in_is = 0;
		x->crow = x->row < 0 ? 0 : x->row;
		x->ccol = x->next_col;
		v = attr(atts, "r");
		if (v != NULL && parse_ref(v, &x->crow, &x->ccol) != 0) {
			seterr(x, APP_ERR_VALIDATION, "单元格引用无效：%.20s (bad "
			    "cell reference %.20s)", v, v);
			return;
		}
		snprintf(x->cref, sizeof(x->cref), "%s", v != NULL ? v : "");
		x->next_col = x->ccol + 1;
		v = attr(atts, "s");
		x->cstyle = v != NULL ? parse_index(v, MAX_XFS) : 0;
		v = attr(atts, "t");
		x->ctype = v == NULL || strcmp(v, "n") == 0 ? CT_NUM :
		    strcmp(v, "s") == 0 ? CT_SHARED :
		    strcmp(v, "str") == 0 ? CT_STR :
		    strcmp(v, "inlineStr") == 0 ? CT_INLINE :
		    strcmp(v, "b") == 0 ? CT_BOOL :
		    strcmp(v, "e") == 0 ? CT_ERROR :
		    strcmp(v, "d") == 0 ? CT_DATE : CT_NUM;
		text_reset(x);
	} else if (!x->in_c) {
		return;
	} else if (strcmp(ln, "v") == 0) {
		x->collect = x->ctype != CT_INLINE;
	} else if (strcmp(ln, "is") == 0) {
		x->in_is = 1;
		x->in_rph = 0;
	} else if (strcmp(ln, "rPh") == 0) {
		x->in_rph = 1;
	} else if (strcmp(ln, "t") == 0) {
		x->collect = x->ctype == CT_INLINE && x->in_is && !x->in_rph;
	}
}

/*
 * The day of an Excel serial number, or -1 when Excel would show ####.
 * 1900 system: 1 = 1900-01-01, and 60 is 1900-02-29, a day that never was
 * (Lotus 1-2-3's bug, kept for compatibility), so from 61 on the days are
 * one behind. 1904 system: 0 = 1904-01-01.
 */
static int
serial_date(double v, int date1904, char out[11])
{
	static const struct date epoch = {1899, 12, 30};
	long s;

	if (!(v >= (date1904 ? 0 : 1) && v < (date1904 ? 2957004 : 2958466)))
		return -1;
	s = (long)v + (date1904 ? 1462 : 0);	/* v >= 0: truncation floors */
	if (s == 60) {
		snprintf(out, 11, "1900-02-29");
		return 0;
	}
	date_format(date_add_days(epoch, s < 60 ? s + 1 : s), out);
	return 0;
}

/* The displayed text of the finished cell, as a new string. */
static char *
cell_value(struct xr *x)
{
	char *s = text_take(x), num[NUM_BUFSZ], day[11];
	long i;
	double v;
	struct date d;

	switch (x->ctype) {
	case CT_SHARED:
		if (s[0] == '\0')
			break;
		i = parse_index(s, (long)x->nsst);
		if (i < 0) {
			seterr(x, APP_ERR_VALIDATION, "单元格%s：共享字符串编号%.20s"
			    "无效 (cell %s: bad shared string index %.20s)",
			    x->cref, s, x->cref, s);
			break;
		}
		free(s);
		return xstrdup(x->sst.p + x->sst_off[i]);
	case CT_STR:
	case CT_INLINE:
	case CT_ERROR:
		unescape(s);
		break;
	case CT_BOOL:
		if (strcmp(s, "1") == 0 || strcmp(s, "true") == 0) {
			free(s);
			return xstrdup("TRUE");
		}
		if (strcmp(s, "0") == 0 || strcmp(s, "false") == 0) {
			free(s);
			return xstrdup("FALSE");
		}
		break;
	case CT_DATE:
		/* ISO 8601 date cells (Strict files): keep the day. */
		if (strlen(s) >= 10 && date_parse(s, 10, &d) == 0)
			s[10] = '\0';
		break;
	case CT_NUM:
		if (s[0] == '\0')
			break;
		if (num_parse(s, &v) != 0) {
			seterr(x, APP_ERR_VALIDATION, "单元格%s不是数字：%.20s "
			    "(cell %s: not a number: %.20s)", x->cref, s, x->cref,
			    s);
			break;
		}
		free(s);
		if (x->cstyle >= 0 && (size_t)x->cstyle < x->nxf &&
		    x->xf_date[x->cstyle] && serial_date(v, x->date1904, day) == 0)
			return xstrdup(day);
		num_format(v, num);
		return xstrdup(num);
	}
	return s;
}

static void
sheet_end(void *ud, const XML_Char *name)
{
	struct xr *x = ud;
	const char *ln = local(name);
	char *s;

	if (strcmp(ln, "sheetData") == 0) {
		x->in_data = 0;
	} else if (!x->in_c) {
		return;
	} else if (strcmp(ln, "v") == 0 || strcmp(ln, "t") == 0) {
		x->collect = 0;
	} else if (strcmp(ln, "rPh") == 0) {
		x->in_rph = 0;
	} else if (strcmp(ln, "is") == 0) {
		x->in_is = 0;
	} else if (strcmp(ln, "c") == 0) {
		x->in_c = 0;
		x->collect = 0;
		s = cell_value(x);
		if (x->rc != APP_OK || s[0] == '\0') {
			free(s);
			return;
		}
		if (x->crow >= TABLE_MAX_ROWS || x->ccol >= TABLE_MAX_COLS) {
			free(s);
			seterr(x, APP_ERR_TOO_LARGE, "单元格%s超出%d行×%d列的限制 "
			    "(cell %s is beyond the limit of %d rows x %d "
			    "columns)", x->cref, TABLE_MAX_ROWS, TABLE_MAX_COLS,
			    x->cref, TABLE_MAX_ROWS, TABLE_MAX_COLS);
			return;
		}
		/* The builder writes its own message. */
		if (table_build_put(&x->tb, (size_t)x->crow, (size_t)x->ccol, s,
		    strlen(s), x->err, x->errsz) != APP_OK)
			stop(x, APP_ERR_TOO_LARGE);
		free(s);
	}
}

/* ---- putting it together ---- */

static void
xr_free(struct xr *x)
{
	rels_clear(x);
	free(x->rels);
	for (size_t i = 0; i < x->nsheets; i++)
		free(x->sheet_rids[i]);
	free(x->sheet_rids);
	buf_free(&x->sst);
	free(x->sst_off);
	free(x->fmts);
	free(x->xf_fmt);
	free(x->xf_date);
	buf_free(&x->text);
	table_build_discard(&x->tb);
	if (x->za != NULL)
		zip_discard(x->za);
}

/* Optional part: missing is fine, broken is not. */
static enum app_err
optional(enum app_err rc)
{
	return rc == APP_ERR_NOT_FOUND ? APP_OK : rc;
}

enum app_err
xlsx_read(const char *data, size_t len, struct table *out, char *err,
    size_t errsz)
{
	struct xr x = {.budget = XLSX_MAX_UNCOMPRESSED, .err = err,
	    .errsz = errsz};
	zip_error_t ze;
	zip_source_t *src = NULL;
	char *wb = NULL, *sheet = NULL, *sst = NULL, *styles = NULL;
	const char *t;
	enum app_err rc;

	memset(out, 0, sizeof(*out));
	if (err != NULL && errsz > 0)
		err[0] = '\0';
	zip_error_init(&ze);
	src = len > 0 ? zip_source_buffer_create(data, len, 0, &ze) : NULL;
	if (src != NULL)
		x.za = zip_open_from_source(src, ZIP_RDONLY, &ze);
	if (x.za == NULL) {
		const char *why = zip_error_strerror(&ze);

		if (src != NULL)
			zip_source_free(src);
		seterr(&x, APP_ERR_VALIDATION, "不是有效的xlsx文件：%s (not an "
		    "xlsx file: %s)", why, why);
		goto cleanup;
	}
	if (zip_get_num_entries(x.za, 0) > XLSX_MAX_ENTRIES) {
		seterr(&x, APP_ERR_VALIDATION, "压缩包条目超过%d个 (more than %d "
		    "zip entries)", XLSX_MAX_ENTRIES, XLSX_MAX_ENTRIES);
		goto cleanup;
	}

	/* Package → workbook → its sheets, strings and styles. */
	if (read_rels(&x, "") != APP_OK)
		goto cleanup;
	t = rel_by_type(&x, "/officeDocument");
	wb = xstrdup(t != NULL ? t : "xl/workbook.xml");
	rc = parse_part(&x, wb, wb_start, no_end);
	if (rc == APP_ERR_NOT_FOUND)
		seterr(&x, APP_ERR_VALIDATION, "找不到工作簿%s，不是xlsx文件 (no "
		    "workbook %s: not an xlsx file)", wb, wb);
	if (x.rc != APP_OK || read_rels(&x, wb) != APP_OK)
		goto cleanup;
	for (size_t i = 0; i < x.nsheets && sheet == NULL; i++)
		for (size_t j = 0; j < x.nrels && sheet == NULL; j++)
			if (strcmp(x.rels[j].id, x.sheet_rids[i]) == 0 &&
			    ends_with(x.rels[j].type, "/worksheet"))
				sheet = xstrdup(x.rels[j].target);
	t = rel_by_type(&x, "/sharedStrings");
	sst = t != NULL ? xstrdup(t) : resolve(wb, "sharedStrings.xml");
	t = rel_by_type(&x, "/styles");
	styles = t != NULL ? xstrdup(t) : resolve(wb, "styles.xml");
	if (sheet == NULL) {
		seterr(&x, APP_ERR_VALIDATION, "文件中没有工作表 (the workbook "
		    "has no worksheet)");
		goto cleanup;
	}

	if (optional(parse_part(&x, sst, sst_start, sst_end)) != APP_OK ||
	    optional(parse_part(&x, styles, styles_start, styles_end)) != APP_OK)
		goto cleanup;
	resolve_styles(&x);
	rc = parse_part(&x, sheet, sheet_start, sheet_end);
	if (rc == APP_ERR_NOT_FOUND)
		seterr(&x, APP_ERR_VALIDATION, "找不到工作表%s (worksheet %s is "
		    "missing)", sheet, sheet);
	if (x.rc != APP_OK)
		goto cleanup;
	table_build_finish(&x.tb, out);
cleanup:
	rc = x.rc;
	xr_free(&x);
	free(wb);
	free(sheet);
	free(sst);
	free(styles);
	zip_error_fini(&ze);
	return rc;
}

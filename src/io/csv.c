/*
 * CSV reader: decode to UTF-8 first (detecting the encoding), then one pass
 * of an RFC 4180 state machine over the UTF-8 text. Decoding first keeps the
 * parser byte-oriented: in UTF-8 no byte of a multi-byte character can be
 * taken for a quote, separator or line break, while in GBK the second byte
 * of a character may be any of 0x40-0x7E.
 */
#include <errno.h>
#include <iconv.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "io/csv.h"
#include "util/buf.h"
#include "util/xalloc.h"

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

/* 1 + the line breaks in p[0..n), a CRLF pair counting once. */
static size_t
line_at(const char *p, size_t n)
{
	size_t line = 1;

	for (size_t i = 0; i < n; i++)
		if (p[i] == '\n' || (p[i] == '\r' && (i + 1 >= n || p[i + 1] != '\n')))
			line++;
	return line;
}

/*
 * Offset of the first byte that is not part of well-formed UTF-8 (no
 * overlong forms, surrogates or code points past U+10FFFF), or n.
 */
static size_t
utf8_bad_at(const unsigned char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		unsigned char c = s[i], lo = 0x80, hi = 0xBF;
		size_t k;	/* continuation bytes */

		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF) {
			k = 1;
		} else if (c >= 0xE0 && c <= 0xEF) {
			k = 2;
			lo = c == 0xE0 ? 0xA0 : 0x80;
			hi = c == 0xED ? 0x9F : 0xBF;
		} else if (c >= 0xF0 && c <= 0xF4) {
			k = 3;
			lo = c == 0xF0 ? 0x90 : 0x80;
			hi = c == 0xF4 ? 0x8F : 0xBF;
		} else {
			return i;
		}
		if (n - i <= k || s[i + 1] < lo || s[i + 1] > hi)
			return i;
		for (size_t j = 2; j <= k; j++)
			if ((s[i + j] & 0xC0) != 0x80)
				return i;
		i += k + 1;
	}
	return n;
}

/*
 * Converts in[0..n) from the iconv charset `from` to UTF-8 in *out
 * (malloc'd, NUL-terminated, owned by the caller). Returns 0, or -1 with
 * *badline set when the input holds bytes invalid in `from`: the UTF-8
 * produced so far ends exactly before them, so counting its line breaks
 * names the line for any source encoding, UTF-16 included.
 */
static int
convert(const char *from, const char *in, size_t n, char **out,
    size_t *outlen, size_t *badline)
{
	int rc = 0;
	iconv_t cd = iconv_open("UTF-8", from);
	size_t cap = n / 2 * 3 + 16, used = 0, inleft = n;
	char *inp = (char *)in, *res = NULL;

	*out = NULL;
	*outlen = 0;
	*badline = 1;
	if (cd == (iconv_t)-1)	/* glibc always has these: a broken install */
		return -1;
	res = xmalloc(cap);
	while (inleft > 0) {
		char *outp = res + used;
		size_t outleft = cap - used - 1;
		size_t r = iconv(cd, &inp, &inleft, &outp, &outleft);

		used = (size_t)(outp - res);
		if (r != (size_t)-1)
			break;
		if (errno == E2BIG) {
			cap *= 2;
			res = xrealloc(res, cap);
			continue;
		}
		/* EILSEQ, or EINVAL: a character cut off by the end. */
		*badline = line_at(res, used);
		rc = -1;
		goto cleanup;
	}
	res[used] = '\0';
	*out = res;
	*outlen = used;
	res = NULL;
cleanup:
	free(res);
	iconv_close(cd);
	return rc;
}

enum enc { ENC_DETECT, ENC_UTF8, ENC_GBK, ENC_GB18030 };

static int
parse_encoding(const char *name, enum enc *e)
{
	static const struct {
		const char *name;
		enum enc e;
	} names[] = {
		{"utf-8", ENC_UTF8}, {"utf8", ENC_UTF8}, {"gbk", ENC_GBK},
		{"gb2312", ENC_GBK}, {"gb18030", ENC_GB18030},
	};

	if (name == NULL || name[0] == '\0') {
		*e = ENC_DETECT;
		return 0;
	}
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcasecmp(name, names[i].name) == 0) {
			*e = names[i].e;
			return 0;
		}
	return -1;
}

static int
has_utf16_bom(const char *data, size_t len)
{
	const unsigned char *u = (const unsigned char *)data;

	return len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) ||
	    (u[0] == 0xFE && u[1] == 0xFF));
}

/*
 * Gives the text as UTF-8: *text points into data (nothing to free) or to
 * *owned, which the caller frees.
 */
static enum app_err
decode(const char *data, size_t len, enum enc e, const char **text,
    size_t *tlen, char **owned, char *err, size_t errsz)
{
	const char *from = e == ENC_GBK ? "GBK" : "GB18030";
	size_t bad, line;

	*owned = NULL;
	/* iconv's "UTF-16" reads the BOM for the byte order and drops it. */
	if (e == ENC_DETECT && has_utf16_bom(data, len)) {
		if (convert("UTF-16", data, len, owned, tlen, &line) != 0) {
			seterr(err, errsz, "第%zu行：不是有效的UTF-16编码 (line "
			    "%zu: invalid UTF-16)", line, line);
			return APP_ERR_VALIDATION;
		}
		*text = *owned;
		return APP_OK;
	}
	if (e == ENC_DETECT || e == ENC_UTF8) {
		if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
			data += 3;
			len -= 3;
		}
		bad = utf8_bad_at((const unsigned char *)data, len);
		if (bad == len) {
			*text = data;
			*tlen = len;
			return APP_OK;
		}
		if (e == ENC_UTF8) {
			line = line_at(data, bad);
			seterr(err, errsz, "第%zu行：不是有效的UTF-8编码 (line %zu: "
			    "invalid UTF-8)", line, line);
			return APP_ERR_VALIDATION;
		}
	}
	if (convert(from, data, len, owned, tlen, &line) != 0) {
		if (e == ENC_DETECT)
			seterr(err, errsz, "第%zu行：编码无法识别，既不是UTF-8也不是"
			    "GBK/GB18030 (line %zu: neither UTF-8 nor GBK/GB18030)",
			    line, line);
		else
			seterr(err, errsz, "第%zu行：不是有效的%s编码 (line %zu: "
			    "invalid %s)", line, from, line, from);
		return APP_ERR_VALIDATION;
	}
	*text = *owned;
	return APP_OK;
}

/* Parser state over the UTF-8 text. */
struct csvp {
	const char *p;
	size_t n, i;
	char sep;
	size_t line;		/* physical line of p[i], 1-based */
	struct buf field;
	struct table_builder tb;
	char *err;
	size_t errsz;
};

/* Consumes a line break at p[i] if there is one. */
static int
eat_newline(struct csvp *c)
{
	if (c->i >= c->n || (c->p[c->i] != '\r' && c->p[c->i] != '\n'))
		return 0;
	if (c->p[c->i] == '\r' && c->i + 1 < c->n && c->p[c->i + 1] == '\n')
		c->i++;
	c->i++;
	c->line++;
	return 1;
}

/*
 * Reads one field into c->field, leaving p[i] at the separator, line break
 * or end that follows it.
 */
static enum app_err
read_field(struct csvp *c)
{
	size_t start, qline = c->line;

	c->field.len = 0;
	if (c->field.p != NULL)
		c->field.p[0] = '\0';
	if (c->i < c->n && c->p[c->i] == '"') {
		c->i++;
		for (;;) {
			if (c->i >= c->n) {
				seterr(c->err, c->errsz, "第%zu行：引号未闭合 (line "
				    "%zu: unterminated quoted field)", qline, qline);
				return APP_ERR_VALIDATION;
			}
			if (c->p[c->i] == '"') {
				if (c->i + 1 < c->n && c->p[c->i + 1] == '"') {
					buf_append(&c->field, "\"", 1);
					c->i += 2;
					continue;
				}
				c->i++;
				break;
			}
			/* Line breaks inside quotes are data, kept as written. */
			start = c->i;
			if (eat_newline(c)) {
				buf_append(&c->field, c->p + start, c->i - start);
				continue;
			}
			start = c->i;
			while (c->i < c->n && c->p[c->i] != '"' &&
			    c->p[c->i] != '\r' && c->p[c->i] != '\n')
				c->i++;
			buf_append(&c->field, c->p + start, c->i - start);
		}
	}
	/* Unquoted text, or text after a closing quote ("a"b reads as ab). */
	start = c->i;
	while (c->i < c->n && c->p[c->i] != c->sep && c->p[c->i] != '\r' &&
	    c->p[c->i] != '\n')
		c->i++;
	if (c->i > start)
		buf_append(&c->field, c->p + start, c->i - start);
	if (c->field.len > TABLE_MAX_CELL) {
		seterr(c->err, c->errsz, "第%zu行：单元格超过%d字节 (line %zu: a "
		    "cell longer than %d bytes)", qline, TABLE_MAX_CELL, qline,
		    TABLE_MAX_CELL);
		return APP_ERR_TOO_LARGE;
	}
	return APP_OK;
}

/*
 * Row widths: a row counts up to its last field, but empty fields past the
 * column limit are forgiven (Excel pads short rows with commas). The widest
 * row among those kept sets ncols; rows after the last row with text are
 * dropped, so their widths wait in `pending` until a row with text comes.
 */
static enum app_err
parse(struct csvp *c)
{
	size_t row = 0, pending = 0;

	while (c->i < c->n) {
		size_t col = 0, width = 0, rline = c->line;
		int any = 0;

		for (;;) {
			enum app_err rc = read_field(c);

			if (rc != APP_OK)
				return rc;
			if (c->field.len > 0) {
				if (col >= TABLE_MAX_COLS) {
					seterr(c->err, c->errsz, "第%zu行：列数超过%d "
					    "(line %zu: more than %d columns)",
					    rline, TABLE_MAX_COLS, rline,
					    TABLE_MAX_COLS);
					return APP_ERR_TOO_LARGE;
				}
				if (row >= TABLE_MAX_ROWS) {
					seterr(c->err, c->errsz, "第%zu行：行数超过%d "
					    "(line %zu: more than %d rows)", rline,
					    TABLE_MAX_ROWS, rline, TABLE_MAX_ROWS);
					return APP_ERR_TOO_LARGE;
				}
				rc = table_build_put(&c->tb, row, col, c->field.p,
				    c->field.len, c->err, c->errsz);
				if (rc != APP_OK)
					return rc;
				any = 1;
			}
			col++;
			if (col <= TABLE_MAX_COLS)
				width = col;
			if (c->i < c->n && c->p[c->i] == c->sep) {
				c->i++;
				continue;
			}
			eat_newline(c);
			break;
		}
		if (width > pending)
			pending = width;
		if (any) {
			enum app_err rc = table_build_extent(&c->tb, row + 1,
			    pending, c->err, c->errsz);

			if (rc != APP_OK)
				return rc;
			pending = 0;
		}
		row++;
	}
	return APP_OK;
}

enum app_err
csv_read(const char *data, size_t len, const char *encoding,
    struct table *out, char *err, size_t errsz)
{
	enum app_err rc;
	enum enc e;
	struct csvp c = {0};
	char *owned = NULL;
	const char *text = NULL;
	const char *nul;
	size_t tlen = 0, eol = 0;

	memset(out, 0, sizeof(*out));
	seterr(err, errsz, "%s", "");
	c.err = err;
	c.errsz = errsz;
	if (parse_encoding(encoding, &e) != 0) {
		seterr(err, errsz, "不支持的编码：%.40s，可用utf-8、gbk、gb2312、"
		    "gb18030 (unsupported encoding %.40s)", encoding, encoding);
		rc = APP_ERR_VALIDATION;
		goto cleanup;
	}
	rc = decode(data, len, e, &text, &tlen, &owned, err, errsz);
	if (rc != APP_OK || tlen == 0)
		goto cleanup;
	/* NUL would end a cell early without anyone noticing. */
	nul = memchr(text, '\0', tlen);
	if (nul != NULL) {
		size_t line = line_at(text, (size_t)(nul - text));

		seterr(err, errsz, "第%zu行：含有NUL字节 (line %zu: NUL byte)",
		    line, line);
		rc = APP_ERR_VALIDATION;
		goto cleanup;
	}
	c.p = text;
	c.n = tlen;
	c.line = 1;
	/* text need not be NUL-terminated: it may point into data. */
	while (eol < tlen && text[eol] != '\r' && text[eol] != '\n')
		eol++;
	c.sep = memchr(text, '\t', eol) != NULL &&
	    memchr(text, ',', eol) == NULL ? '\t' : ',';
	rc = parse(&c);
	if (rc == APP_OK)
		table_build_finish(&c.tb, out);
cleanup:
	table_build_discard(&c.tb);
	buf_free(&c.field);
	free(owned);
	return rc;
}

/* Uploaded files: see files.h. */
#include <errno.h>
#include <fcntl.h>
#include <microhttpd.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "api/files.h"
#include "api/validate.h"
#include "util/buf.h"
#include "util/utf8.h"
#include "util/xalloc.h"

int
file_clean_name(const char *in, char *out, size_t outsz)
{
	const char *base = in, *p;
	size_t n;

	if (in == NULL)
		return -1;
	for (p = in; *p; p++)
		if (*p == '/' || *p == '\\')
			base = p + 1;
	n = strlen(base);
	if (n == 0 || n > FILE_NAME_MAX || n + 1 > outsz ||
	    utf8_len(base, n) < 0 || strcmp(base, ".") == 0 ||
	    strcmp(base, "..") == 0)
		return -1;
	for (p = in; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			return -1;
	memcpy(out, base, n + 1);
	return 0;
}

const char *
file_type(const char *name, const unsigned char *data, size_t len)
{
	static const unsigned char ole[] = {0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1,
	    0x1a, 0xe1};
	static const unsigned char png[] = {0x89, 'P', 'N', 'G', '\r', '\n',
	    0x1a, '\n'};
	static const struct {
		const char *ext, *mime;
		const unsigned char *magic;
		size_t n;
	} types[] = {
		{"pdf", "application/pdf", (const unsigned char *)"%PDF-", 5},
		{"png", "image/png", png, 8},
		{"jpg", "image/jpeg", (const unsigned char *)"\xff\xd8\xff", 3},
		{"jpeg", "image/jpeg", (const unsigned char *)"\xff\xd8\xff", 3},
		{"doc", "application/msword", ole, 8},
		{"xls", "application/vnd.ms-excel", ole, 8},
		{"ppt", "application/vnd.ms-powerpoint", ole, 8},
		{"docx", "application/vnd.openxmlformats-officedocument."
		    "wordprocessingml.document", (const unsigned char *)"PK\3\4",
		    4},
		{"xlsx", "application/vnd.openxmlformats-officedocument."
		    "spreadsheetml.sheet", (const unsigned char *)"PK\3\4", 4},
		{"pptx", "application/vnd.openxmlformats-officedocument."
		    "presentationml.presentation",
		    (const unsigned char *)"PK\3\4", 4},
	};
	const char *dot = strrchr(name, '.');

	if (dot == NULL)
		return NULL;
	for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
		if (strcasecmp(dot + 1, types[i].ext) == 0)
			return len >= types[i].n && memcmp(data, types[i].magic,
			    types[i].n) == 0 ? types[i].mime : NULL;
	return NULL;
}

/* <db>.files/ab/<sha256 hex>, the directories made as needed. */
static int
blob_path(struct store *st, const char *hex, char *out, size_t n, int mk)
{
	char dir[4096];

	if (snprintf(dir, sizeof dir, "%s.files", store_path(st)) >=
	    (int)sizeof dir)
		return -1;
	if (mk && mkdir(dir, 0700) != 0 && errno != EEXIST)
		return -1;
	if (snprintf(out, n, "%s/%.2s", dir, hex) >= (int)n)
		return -1;
	if (mk && mkdir(out, 0700) != 0 && errno != EEXIST)
		return -1;
	return snprintf(out, n, "%s/%.2s/%s", dir, hex, hex) >= (int)n ? -1 : 0;
}

/* Writes the content once: a temporary file renamed into place. */
enum app_err
file_put(struct store *st, const char *data, size_t len, char hex[65])
{
	unsigned char h[crypto_hash_sha256_BYTES];
	char path[4200], tmp[4300];
	size_t off = 0;
	int fd;

	crypto_hash_sha256(h, (const unsigned char *)data, len);
	sodium_bin2hex(hex, 65, h, sizeof h);
	if (blob_path(st, hex, path, sizeof path, 1) != 0)
		return APP_ERR_IO;
	if (access(path, F_OK) == 0)
		return APP_OK;
	snprintf(tmp, sizeof tmp, "%s.tmp.XXXXXX", path);
	if ((fd = mkstemp(tmp)) < 0)
		return APP_ERR_IO;
	while (off < len) {
		ssize_t w = write(fd, data + off, len - off);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			break;
		off += (size_t)w;
	}
	if (off != len || fsync(fd) != 0 || close(fd) != 0 ||
	    rename(tmp, path) != 0) {
		if (off != len)
			close(fd);
		unlink(tmp);
		return APP_ERR_IO;
	}
	return APP_OK;
}

/* RFC 6266 / 5987: an ASCII fallback and the UTF-8 name. */
static void
disposition(const char *name, char *out, size_t n)
{
	static const char keep[] = "!#$&+-.^_`|~";
	struct buf b = {0};

	buf_printf(&b, "attachment; filename=\"");
	/* One '_' per character outside printable ASCII (UTF-8
	 * continuation bytes add none). */
	for (const unsigned char *p = (const unsigned char *)name; *p; p++)
		if ((*p & 0xc0) != 0x80)
			buf_printf(&b, "%c", *p >= 0x20 && *p < 0x7f &&
			    *p != '"' && *p != '\\' && *p != '%' ? *p : '_');
	buf_printf(&b, "\"; filename*=UTF-8''");
	for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || (*p && strchr(keep, *p)))
			buf_printf(&b, "%c", *p);
		else
			buf_printf(&b, "%%%02X", *p);
	}
	snprintf(out, n, "%.*s", (int)b.len, b.p ? b.p : "");
	buf_free(&b);
}

enum app_err
file_reply(struct req *r, json_t *f)
{
	char path[4200], disp[2048];
	const char *hex = json_string_value(json_object_get(f, "sha256"));
	struct stat sb;
	char *data;
	size_t got = 0;
	int fd;

	if (hex == NULL || strlen(hex) != 64 || strspn(hex,
	    "0123456789abcdef") != 64 || blob_path(r->st, hex, path,
	    sizeof path, 0) != 0 || (fd = open(path, O_RDONLY)) < 0)
		return APP_ERR_IO;
	if (fstat(fd, &sb) != 0 || sb.st_size < 0 || sb.st_size > 64 * 1024 *
	    1024) {
		close(fd);
		return APP_ERR_IO;
	}
	data = xmalloc((size_t)sb.st_size + 1);
	while (got < (size_t)sb.st_size) {
		ssize_t k = read(fd, data + got, (size_t)sb.st_size - got);

		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			break;
		got += (size_t)k;
	}
	close(fd);
	if (got != (size_t)sb.st_size) {
		free(data);
		return APP_ERR_IO;
	}
	disposition(json_string_value(json_object_get(f, "filename")), disp,
	    sizeof disp);
	r->resp = MHD_create_response_from_buffer(got, data,
	    MHD_RESPMEM_MUST_FREE);
	MHD_add_response_header(r->resp, "Content-Type",
	    json_string_value(json_object_get(f, "mime")));
	MHD_add_response_header(r->resp, "Content-Disposition", disp);
	MHD_add_response_header(r->resp, "Cache-Control", "no-store");
	r->status = 200;
	return APP_OK;
}

int
file_accept(const char *filename, const char *data, size_t len, char *name,
    size_t namesz, const char **mime, json_t *errs, int english)
{
	*mime = NULL;
	if (file_clean_name(filename, name, namesz) != 0)
		ferr_add(errs, "filename", english,
		    "文件名应为1–200字节、不含控制字符",
		    "a file name of 1–200 bytes without control characters");
	else if (len == 0)
		ferr_add(errs, "file", english, "没有收到文件",
		    "no file received");
	else if ((*mime = file_type(name, (const unsigned char *)data,
	    len)) == NULL)
		ferr_add(errs, "file", english,
		    "只接受PDF、PNG、JPG与Office文件，且内容须与扩展名相符",
		    "only PDF, PNG, JPG and Office files whose content matches the extension");
	return *mime != NULL ? 0 : -1;
}

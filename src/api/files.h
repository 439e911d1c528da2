/*
 * Uploaded files (acceptance materials, request attachments): names and
 * types checked on the way in, contents kept once by their SHA-256 under
 * the files directory beside the database (<db>.files/ab/<hex>), and sent
 * back as downloads.
 */
#ifndef ZD_API_FILES_H
#define ZD_API_FILES_H

#include <jansson.h>
#include <stddef.h>

#include "http/req.h"
#include "store/store.h"

#define FILE_NAME_MAX 200

/*
 * The file name to keep: the part after the last '/' or '\', which must be
 * valid UTF-8 without control characters, 1..FILE_NAME_MAX bytes and not
 * "." or "..". 0 and out filled, or -1.
 */
int file_clean_name(const char *in, char *out, size_t outsz);
/* The MIME type when data's magic bytes and the name's extension agree on
 * pdf, png, jpg/jpeg, doc/xls/ppt (OLE2) or docx/xlsx/pptx (zip); NULL
 * otherwise. */
const char *file_type(const char *name, const unsigned char *data,
    size_t len);
/*
 * An upload as both modules take it: the cleaned name into name (namesz
 * ≥ FILE_NAME_MAX + 1) and the MIME type into *mime; a field error
 * (filename or file) in errs otherwise. Returns 0 or -1.
 */
int file_accept(const char *filename, const char *data, size_t len,
    char *name, size_t namesz, const char **mime, json_t *errs, int english);
/* Stores data once under its SHA-256; hex gets the digest. */
enum app_err file_put(struct store *st, const char *data, size_t len,
    char hex[65]);
/* Answers with the content of a file row {filename, sha256, mime}. */
enum app_err file_reply(struct req *r, json_t *f);

#endif

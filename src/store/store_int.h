/* What a backend implements. Private to src/store. */
#ifndef ZD_STORE_STORE_INT_H
#define ZD_STORE_STORE_INT_H

#include "store/store.h"

struct store_ops {
	enum app_err (*query)(struct store *, enum stmt,
	    const struct store_val *, size_t, store_row_cb, void *, long long *);
	enum app_err (*script)(struct store *, const char *sql);
	enum app_err (*tx)(struct store *, const char *verb);
	enum app_err (*backup)(struct store *, const char *path);
	void (*close)(struct store *);
	int (*col_count)(const struct store_row *);
	const char *(*col_name)(const struct store_row *, int);
	enum store_vtype (*col_type)(const struct store_row *, int);
	long long (*col_int)(const struct store_row *, int);
	double (*col_real)(const struct store_row *, int);
	const char *(*col_text)(const struct store_row *, int);
};

struct store {
	const struct store_ops *ops;
	void *impl;
	int depth, failed;
	char errmsg[256];
	char conflict[64];
	char *path;		/* as opened */
};

struct store_row {
	struct store *st;
	void *impl;
};

struct migration {
	int version;
	const char *name, *sql;
};
extern const struct migration migrations_sqlite[];
extern const size_t migrations_sqlite_count;

enum app_err sqlite_open(const char *path, struct store *st);

#endif

/* The statement texts, indexed by enum stmt. */
#include "store/sql.h"

const char *const stmt_sql[STMT__MAX] = {
#define X(name, text) [STMT_##name] = text,
	STMT_LIST(X)
#undef X
};

const char *const stmt_name[STMT__MAX] = {
#define X(name, text) [STMT_##name] = #name,
	STMT_LIST(X)
#undef X
};

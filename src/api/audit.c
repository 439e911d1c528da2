/* The zone's audit trail, for administrators. */
#include <string.h>

#include "api/audit.h"
#include "api/handlers.h"
#include "api/resource.h"
#include "http/reply.h"

enum app_err
audit_list(struct store *st, long long zone_id, const char *entity,
    long long id, const struct list_query *lq, json_t **out)
{
	struct store_val w[3] = {SV_I(zone_id), SV_T(entity),
	    id > 0 ? SV_I(id) : SV_NULLV};

	return res_page(st, STMT_AUDIT_LIST, STMT_AUDIT_COUNT, w, 3, lq, out);
}

enum app_err
h_audit_list(struct req *r)
{
	static const char *const sorts[] = {"id", NULL};
	struct list_query lq;
	const char *entity = req_arg(r, "entity"), *ids = req_arg(r, "id");
	long long id = 0;
	json_t *out;
	enum app_err e;

	list_query_parse(&lq, req_arg, r, sorts, NULL, 0, r->errs, r->english);
	if (ids != NULL && *ids != '\0' && (parse_ll(ids, &id) != 0 || id < 1))
		ferr_add(r->errs, "id", r->english, "应为正整数",
		    "must be a positive whole number");
	if (entity != NULL && (*entity == '\0' || strlen(entity) > 32))
		entity = NULL;
	if (json_array_size(r->errs) > 0)
		return APP_ERR_VALIDATION;
	if ((e = audit_list(r->st, r->actor.zone_id, entity, id, &lq, &out)) !=
	    APP_OK)
		return e;
	return reply_json(r, 200, out);
}

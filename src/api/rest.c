/* HTTP face of the generic resources (api/resource.c). */
#include "api/handlers.h"
#include "api/resource.h"
#include "http/reply.h"
#include "http/router.h"

#define RES(r) ((r)->route->res)

enum app_err
h_res_list(struct req *r)
{
	struct list_query lq;
	json_t *out;
	enum app_err e;

	list_query_parse(&lq, req_arg, r, RES(r)->sorts, RES(r)->filters,
	    RES(r)->nfilters, r->errs, r->english);
	if (json_array_size(r->errs) > 0)
		return APP_ERR_VALIDATION;
	if ((e = res_list(r->st, &r->actor, RES(r), &lq, &out)) != APP_OK)
		return e;
	return reply_json(r, 200, out);
}

enum app_err
h_res_get(struct req *r)
{
	json_t *out;
	enum app_err e = res_get(r->st, &r->actor, RES(r), r->id, &out);

	return e != APP_OK ? e : reply_json(r, 200, out);
}

enum app_err
h_res_create(struct req *r)
{
	json_t *out;
	enum app_err e = res_create(r->st, &r->actor, RES(r), r->json, r->errs,
	    &out);

	return e != APP_OK ? e : reply_json(r, 201, out);
}

enum app_err
h_res_update(struct req *r)
{
	json_t *out;
	enum app_err e = res_update(r->st, &r->actor, RES(r), r->id, r->json,
	    r->errs, &out);

	return e != APP_OK ? e : reply_json(r, 200, out);
}

enum app_err
h_res_delete(struct req *r)
{
	enum app_err e = res_delete(r->st, &r->actor, RES(r), r->errs, r->id);

	return e != APP_OK ? e : reply_json(r, 200, json_pack("{s:b}", "ok", 1));
}

enum app_err
h_res_history(struct req *r)
{
	struct list_query lq;
	json_t *probe, *out;
	enum app_err e;

	/* The record must exist in the caller's zone before its trail shows:
	 * the history of a deleted record stays readable through /api/audit. */
	if ((e = res_get(r->st, &r->actor, RES(r), r->id, &probe)) != APP_OK)
		return e;
	json_decref(probe);
	list_query_parse(&lq, req_arg, r, NULL, NULL, 0, r->errs, r->english);
	if (json_array_size(r->errs) > 0)
		return APP_ERR_VALIDATION;
	if ((e = res_history(r->st, &r->actor, RES(r)->entity, r->id, &lq,
	    &out)) != APP_OK)
		return e;
	return reply_json(r, 200, out);
}

/* Leads to and from spreadsheets. */
#ifndef ZD_API_LEAD_IO_H
#define ZD_API_LEAD_IO_H

#include <jansson.h>

#include "api/actor.h"
#include "io/table.h"
#include "store/store.h"

/* As project_import (api/project_io.h), for leads: updates by 线索编号. */
enum app_err lead_import(struct store *st, const struct actor *a,
    const struct table *t, int dry_run, json_t **out,
    void (*progress)(size_t done, size_t total, void *ctx), void *ctx);
/* Contacts (洽谈记录) by 线索编号: 洽谈日期, 洽谈方式 (电话/微信/视频/实地/展会),
 * 参与人员, 洽谈内容, 下一步工作, 下一步日期. Each row is a new contact. */
enum app_err contact_import(struct store *st, const struct actor *a,
    const struct table *t, int dry_run, json_t **out,
    void (*progress)(size_t done, size_t total, void *ctx), void *ctx);
/* The lead list as xlsx bytes (malloc'd). */
enum app_err leads_xlsx(json_t *leads, char **data, size_t *len, char *err,
    size_t errsz);

#endif

/* Names and messages of enum app_err, in Chinese first and English second. */
#include "util/err.h"

static const struct {
	const char *code, *zh, *en;
} errs[APP_ERR__MAX] = {
	[APP_OK] = {"ok", "成功", "OK"},
	[APP_ERR_VALIDATION] = {"validation", "输入有误，请检查标出的字段", "Invalid input; see the fields marked"},
	[APP_ERR_BAD_JSON] = {"bad_json", "请求内容不是有效的 JSON 对象", "The request body is not a valid JSON object"},
	[APP_ERR_UNAUTHENTICATED] = {"unauthenticated", "请先登录", "Please log in"},
	[APP_ERR_BAD_CREDENTIALS] = {"bad_credentials", "用户名或密码错误", "Wrong username or password"},
	[APP_ERR_FORBIDDEN] = {"forbidden", "您的角色无权进行此操作", "Your role may not do this"},
	[APP_ERR_CSRF] = {"csrf", "安全令牌缺失或无效，请刷新页面后重试", "Missing or invalid CSRF token; reload the page and try again"},
	[APP_ERR_NOT_FOUND] = {"not_found", "未找到该记录或地址", "Not found"},
	[APP_ERR_METHOD] = {"method_not_allowed", "该地址不支持此请求方法", "Method not allowed on this path"},
	[APP_ERR_CONFLICT] = {"conflict", "与已有记录冲突", "Conflicts with an existing record"},
	[APP_ERR_TOO_LARGE] = {"too_large", "请求内容过大", "Request too large"},
	[APP_ERR_THROTTLED] = {"too_many_attempts", "登录失败次数过多，请15分钟后再试", "Too many failed logins; try again in 15 minutes"},
	[APP_ERR_SCHEMA_NEWER] = {"schema_newer", "数据库由更新版本的 zonedesk 创建，请升级程序", "The database was written by a newer zonedesk; upgrade the program"},
	[APP_ERR_IO] = {"io", "读写文件或数据库失败", "File or database I/O failed"},
	[APP_ERR_INTERNAL] = {"internal", "服务器内部错误", "Internal server error"},
};

const char *
app_errcode(enum app_err e)
{
	return (unsigned)e < APP_ERR__MAX ? errs[e].code : "internal";
}

const char *
app_strerror(enum app_err e, int english)
{
	if ((unsigned)e >= APP_ERR__MAX)
		e = APP_ERR_INTERNAL;
	return english ? errs[e].en : errs[e].zh;
}

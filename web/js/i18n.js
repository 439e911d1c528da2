// i18n — every UI string lives in a dictionary; Chinese (zh) first, English (en) second.
//
//   t(key, params?)        translated string; {name} placeholders are filled from params
//   getLang() / setLang()  'zh' | 'en'; the choice persists in localStorage ('zd.lang')
//   onLangChange(fn)       fn(lang) after every switch; returns an unsubscribe function
//   addMessages({zh, en})  later modules register their own keys
//   has(key)               whether a key exists (in the current language or zh)
//   option(prefix, value)  t(prefix + '.' + value), falling back to the raw value
//
// The API layer reads getLang() to send Accept-Language: en, so server messages follow.

const STORE_KEY = 'zd.lang';
const LANGS = ['zh', 'en'];

const dict = {
  zh: {
    'app.name': 'zonedesk',
    'app.subtitle': '开发区管委会综合业务平台',
    'app.loading': '正在加载…',
    'app.skip': '跳到主要内容',

    'lang.switch': 'English',
    'lang.switch.title': '切换到英文',
    'lang.label': '语言',

    'login.title': '登录',
    'login.username': '用户名',
    'login.password': '密码',
    'login.submit': '登录',
    'login.submitting': '正在登录…',
    'login.failed': '用户名或密码错误',
    'login.too_many': '登录失败次数过多，请稍后再试',
    'login.too_many.retry': '登录失败次数过多，请在 {minutes} 分钟后再试',
    'login.required': '请输入用户名和密码',
    'login.footer': '仅限授权人员使用。所有操作均记录审计日志。',

    'header.logout': '退出',
    'header.menu': '菜单',
    'header.menu.title': '打开或关闭导航菜单',

    'nav.home': '首页',
    'nav.parks': '园区',
    'nav.orgs': '组织机构',
    'nav.myorg': '本单位',
    'nav.chains': '产业链',
    'nav.users': '用户',
    'nav.audit': '审计日志',
    'nav.zone': '区',
    'nav.group.structure': '基础数据',
    'nav.group.system': '系统管理',
    'nav.group.business': '业务办理',
    'nav.parks.desc': '一区多园：园区与拓展区',
    'nav.orgs.desc': '企业、施工单位、投资方与部门',
    'nav.chains.desc': '“3+1+1”产业链代码表',
    'nav.users.desc': '账号、角色与所属单位',
    'nav.audit.desc': '谁在何时修改了什么',
    'nav.zone.desc': '本区名称与编码',

    'role.admin': '系统管理员',
    'role.leader': '领导',
    'role.project_officer': '项目专员',
    'role.investment_officer': '招商专员',
    'role.approval_officer': '审批专员',
    'role.dept_reviewer': '部门审查人员',
    'role.service_officer': '服务专员',
    'role.enterprise_user': '企业用户',

    'home.title': '欢迎使用 zonedesk',
    'home.hello': '{name}，您好',
    'home.intro': '请选择要处理的业务：',
    'home.none': '您的账号暂无可用的功能模块，请联系系统管理员。',

    'list.search': '搜索',
    'list.search.placeholder': '输入关键字搜索',
    'list.filter.all': '全部',
    'list.total': '共 {total} 条',
    'list.range': '第 {from}–{to} 条',
    'list.page': '第 {page} / {pages} 页',
    'list.prev': '上一页',
    'list.next': '下一页',
    'list.empty': '暂无数据',
    'list.loading': '正在加载…',
    'list.sort.asc': '升序',
    'list.sort.desc': '降序',
    'list.sort.hint': '点击排序',
    'list.reset': '重置',
    'list.pagesize': '每页 {n} 条',
    'list.pager': '分页',

    'action.create': '新建',
    'action.edit': '编辑',
    'action.delete': '删除',
    'action.save': '保存',
    'action.saving': '正在保存…',
    'action.cancel': '取消',
    'action.back': '返回列表',
    'action.confirm': '确定',
    'action.close': '关闭',
    'action.more': '加载更多',
    'action.view': '查看',

    'form.required': '必填',
    'form.optional': '选填',
    'form.choose': '请选择',
    'form.none': '（无）',
    'form.errors': '请修改标出的字段后再提交。',
    'form.yes': '是',
    'form.no': '否',

    'msg.created': '已创建',
    'msg.saved': '已保存',
    'msg.deleted': '已删除',
    'msg.confirm.delete': '确定要删除“{name}”吗？此操作会记入审计日志。',
    'msg.forbidden': '您没有权限执行此操作。',
    'msg.notfound': '未找到该记录，可能已被删除。',
    'msg.pagenotfound': '页面不存在。',

    'error.network': '无法连接服务器，请检查网络后重试。',
    'error.unknown': '发生错误，请稍后重试。',
    'error.title': '出错了',

    'history.title': '修改记录',
    'history.empty': '暂无修改记录',
    'history.action.create': '新建',
    'history.action.update': '修改',
    'history.action.delete': '删除',
    'history.by': '操作人',
    'history.system': '系统',
    'history.nochange': '无字段变化',
    'history.empty_value': '（空）',
    'history.created_with': '创建时填写：',

    'field.id': '编号',
    'field.created_at': '创建时间',
    'field.updated_at': '更新时间',
    'field.note': '备注',

    'park.title': '园区',
    'park.new': '新建园区',
    'park.edit': '编辑园区',
    'park.name': '名称',
    'park.code': '编码',
    'park.kind': '类型',
    'park.kind.park': '园区',
    'park.kind.expansion': '拓展区',
    'park.note': '备注',

    'org.title': '组织机构',
    'org.new': '新建组织机构',
    'org.edit': '编辑组织机构',
    'org.name': '名称',
    'org.kind': '类型',
    'org.kind.enterprise': '企业',
    'org.kind.contractor': '施工单位',
    'org.kind.investor': '投资方',
    'org.kind.department': '部门',
    'org.uscc': '统一社会信用代码',
    'org.uscc.hint': '18 位，由数字和大写字母组成（不含 I、O、S、V、Z）',
    'org.contact': '联系人',
    'org.phone': '联系电话',
    'org.address': '地址',
    'org.note': '备注',
    'org.park_id': '所属园区',
    'org.building_id': '所在楼宇',
    'org.floor': '楼层',
    'org.chain_id': '所属产业链',
    'org.zjtx': '专精特新',
    'org.high_tech': '高新技术企业',
    'org.above_scale': '规上企业',
    'org.employees': '员工人数',
    'org.sector': '行业类型',
    'org.service.hint': '以下为企业服务使用的企业概况',

    'chain.title': '产业链',
    'chain.new': '新建产业链',
    'chain.edit': '编辑产业链',
    'chain.code': '编码',
    'chain.name': '名称',
    'chain.category': '类别',
    'chain.sort_order': '排序号',

    'user.title': '用户',
    'user.new': '新建用户',
    'user.edit': '编辑用户',
    'user.username': '用户名',
    'user.name': '姓名',
    'user.role': '角色',
    'user.org_id': '所属组织机构',
    'user.department': '部门',
    'user.office_id': '驻外招商联络处',
    'user.office_id.hint': '招商专员可同时维护本联络处的项目',
    'user.leader_id': '上级领导',
    'user.leader_id.hint': '诉求逾期时督办至此人；不填为本区第一位领导',
    'user.disabled': '已停用',
    'user.status': '状态',
    'user.status.active': '正常',
    'user.status.disabled': '已停用',
    'user.password': '密码',
    'user.password.hint': '至少 8 个字符',
    'user.password.reset': '重置密码',
    'user.password.new': '新密码',
    'user.password.done': '密码已重置',

    'audit.title': '审计日志',
    'audit.at': '时间',
    'audit.user': '操作人',
    'audit.entity': '对象类型',
    'audit.entity_id': '对象编号',
    'audit.action': '操作',
    'audit.changes': '变更内容',
    'audit.filter': '筛选',

    'entity.park': '园区',
    'entity.org': '组织机构',
    'entity.chain': '产业链',
    'entity.user': '用户',
    'entity.zone': '区',

    'zone.title': '区',
    'zone.code': '区编码',
    'zone.name': '名称',
    'zone.edit': '修改区名称',
  },

  en: {
    'app.name': 'zonedesk',
    'app.subtitle': 'Development zone operations desk',
    'app.loading': 'Loading…',
    'app.skip': 'Skip to main content',

    'lang.switch': '中文',
    'lang.switch.title': 'Switch to Chinese',
    'lang.label': 'Language',

    'login.title': 'Sign in',
    'login.username': 'Username',
    'login.password': 'Password',
    'login.submit': 'Sign in',
    'login.submitting': 'Signing in…',
    'login.failed': 'Wrong username or password',
    'login.too_many': 'Too many failed attempts. Please try again later.',
    'login.too_many.retry': 'Too many failed attempts. Please try again in {minutes} minutes.',
    'login.required': 'Please enter username and password',
    'login.footer': 'Authorised personnel only. Every change is recorded in the audit log.',

    'header.logout': 'Sign out',
    'header.menu': 'Menu',
    'header.menu.title': 'Open or close the navigation menu',

    'nav.home': 'Home',
    'nav.parks': 'Parks',
    'nav.orgs': 'Organisations',
    'nav.myorg': 'My organisation',
    'nav.chains': 'Industry chains',
    'nav.users': 'Users',
    'nav.audit': 'Audit log',
    'nav.zone': 'Zone',
    'nav.group.structure': 'Master data',
    'nav.group.system': 'Administration',
    'nav.group.business': 'Operations',
    'nav.parks.desc': 'Parks and expansion areas of the zone',
    'nav.orgs.desc': 'Enterprises, contractors, investors, departments',
    'nav.chains.desc': 'The zone’s “3+1+1” industry chain codes',
    'nav.users.desc': 'Accounts, roles and organisations',
    'nav.audit.desc': 'Who changed what, and when',
    'nav.zone.desc': 'Name and code of the zone',

    'role.admin': 'Administrator',
    'role.leader': 'Leader',
    'role.project_officer': 'Project officer',
    'role.investment_officer': 'Investment officer',
    'role.approval_officer': 'Approval officer',
    'role.dept_reviewer': 'Department reviewer',
    'role.service_officer': 'Service officer',
    'role.enterprise_user': 'Enterprise user',

    'home.title': 'Welcome to zonedesk',
    'home.hello': 'Hello, {name}',
    'home.intro': 'Choose what to work on:',
    'home.none': 'Your account has no modules yet. Please contact the administrator.',

    'list.search': 'Search',
    'list.search.placeholder': 'Search by keyword',
    'list.filter.all': 'All',
    'list.total': '{total} in total',
    'list.range': '{from}–{to}',
    'list.page': 'Page {page} of {pages}',
    'list.prev': 'Previous',
    'list.next': 'Next',
    'list.empty': 'Nothing found',
    'list.loading': 'Loading…',
    'list.sort.asc': 'ascending',
    'list.sort.desc': 'descending',
    'list.sort.hint': 'Click to sort',
    'list.reset': 'Reset',
    'list.pagesize': '{n} per page',
    'list.pager': 'Pagination',

    'action.create': 'New',
    'action.edit': 'Edit',
    'action.delete': 'Delete',
    'action.save': 'Save',
    'action.saving': 'Saving…',
    'action.cancel': 'Cancel',
    'action.back': 'Back to list',
    'action.confirm': 'OK',
    'action.close': 'Close',
    'action.more': 'Load more',
    'action.view': 'View',

    'form.required': 'required',
    'form.optional': 'optional',
    'form.choose': 'Choose…',
    'form.none': '(none)',
    'form.errors': 'Please correct the marked fields and submit again.',
    'form.yes': 'Yes',
    'form.no': 'No',

    'msg.created': 'Created',
    'msg.saved': 'Saved',
    'msg.deleted': 'Deleted',
    'msg.confirm.delete': 'Delete “{name}”? The deletion is recorded in the audit log.',
    'msg.forbidden': 'You are not allowed to do this.',
    'msg.notfound': 'Record not found; it may have been deleted.',
    'msg.pagenotfound': 'Page not found.',

    'error.network': 'Cannot reach the server. Check the network and try again.',
    'error.unknown': 'Something went wrong. Please try again.',
    'error.title': 'Error',

    'history.title': 'History',
    'history.empty': 'No changes recorded',
    'history.action.create': 'Created',
    'history.action.update': 'Updated',
    'history.action.delete': 'Deleted',
    'history.by': 'By',
    'history.system': 'system',
    'history.nochange': 'No field changed',
    'history.empty_value': '(empty)',
    'history.created_with': 'Created with:',

    'field.id': 'ID',
    'field.created_at': 'Created',
    'field.updated_at': 'Updated',
    'field.note': 'Note',

    'park.title': 'Parks',
    'park.new': 'New park',
    'park.edit': 'Edit park',
    'park.name': 'Name',
    'park.code': 'Code',
    'park.kind': 'Kind',
    'park.kind.park': 'Park',
    'park.kind.expansion': 'Expansion area',
    'park.note': 'Note',

    'org.title': 'Organisations',
    'org.new': 'New organisation',
    'org.edit': 'Edit organisation',
    'org.name': 'Name',
    'org.kind': 'Kind',
    'org.kind.enterprise': 'Enterprise',
    'org.kind.contractor': 'Contractor',
    'org.kind.investor': 'Investor',
    'org.kind.department': 'Department',
    'org.uscc': 'Unified social credit code',
    'org.uscc.hint': '18 characters: digits and capital letters (no I, O, S, V, Z)',
    'org.contact': 'Contact person',
    'org.phone': 'Phone',
    'org.address': 'Address',
    'org.note': 'Note',
    'org.park_id': 'Park',
    'org.building_id': 'Building',
    'org.floor': 'Floor',
    'org.chain_id': 'Industry chain',
    'org.zjtx': 'SRDI (专精特新)',
    'org.high_tech': 'High-tech enterprise',
    'org.above_scale': 'Above designated size',
    'org.employees': 'Employees',
    'org.sector': 'Sector',
    'org.service.hint': 'The enterprise profile used by the enterprise service',

    'chain.title': 'Industry chains',
    'chain.new': 'New industry chain',
    'chain.edit': 'Edit industry chain',
    'chain.code': 'Code',
    'chain.name': 'Name',
    'chain.category': 'Category',
    'chain.sort_order': 'Sort order',

    'user.title': 'Users',
    'user.new': 'New user',
    'user.edit': 'Edit user',
    'user.username': 'Username',
    'user.name': 'Name',
    'user.role': 'Role',
    'user.org_id': 'Organisation',
    'user.department': 'Department',
    'user.office_id': 'Liaison office',
    'user.office_id.hint': 'An investment officer also maintains the leads of their office',
    'user.leader_id': 'Leader',
    'user.leader_id.hint': 'Late requests are escalated to them; empty for the zone’s first leader',
    'user.disabled': 'Disabled',
    'user.status': 'Status',
    'user.status.active': 'Active',
    'user.status.disabled': 'Disabled',
    'user.password': 'Password',
    'user.password.hint': 'At least 8 characters',
    'user.password.reset': 'Reset password',
    'user.password.new': 'New password',
    'user.password.done': 'Password reset',

    'audit.title': 'Audit log',
    'audit.at': 'Time',
    'audit.user': 'User',
    'audit.entity': 'Entity',
    'audit.entity_id': 'Entity ID',
    'audit.action': 'Action',
    'audit.changes': 'Changes',
    'audit.filter': 'Filter',

    'entity.park': 'Park',
    'entity.org': 'Organisation',
    'entity.chain': 'Industry chain',
    'entity.user': 'User',
    'entity.zone': 'Zone',

    'zone.title': 'Zone',
    'zone.code': 'Zone code',
    'zone.name': 'Name',
    'zone.edit': 'Rename zone',
  },
};

function initialLang() {
  try {
    const saved = localStorage.getItem(STORE_KEY);
    if (LANGS.includes(saved)) return saved;
  } catch (_) { /* storage blocked: fall through */ }
  return 'zh';
}

let lang = initialLang();
const listeners = new Set();

export function getLang() { return lang; }

/** BCP 47 tag of the current language, for <html lang> and Intl. */
export function langTag() { return lang === 'en' ? 'en' : 'zh-CN'; }

export function setLang(next) {
  if (!LANGS.includes(next) || next === lang) return;
  lang = next;
  try { localStorage.setItem(STORE_KEY, next); } catch (_) { /* ignore */ }
  document.documentElement.lang = langTag();
  for (const fn of listeners) fn(lang);
}

export function toggleLang() { setLang(lang === 'zh' ? 'en' : 'zh'); }

export function onLangChange(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

export function addMessages(messages) {
  for (const l of Object.keys(messages)) {
    dict[l] = Object.assign(dict[l] || {}, messages[l]);
  }
}

export function has(key) {
  return key in (dict[lang] || {}) || key in dict.zh;
}

export function t(key, params) {
  let s = (dict[lang] && dict[lang][key]);
  if (s === undefined) s = dict.zh[key];
  if (s === undefined) return key;
  if (params) {
    s = s.replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m));
  }
  return s;
}

/** Label of an enumerated value: option('role', 'admin') → 系统管理员; unknown values come back as is. */
export function option(prefix, value) {
  if (value === null || value === undefined || value === '') return '';
  const key = prefix + '.' + value;
  return has(key) ? t(key) : String(value);
}

document.documentElement.lang = langTag();

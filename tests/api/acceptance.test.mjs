// Joint acceptance (联合验收): setup, a full case with one rectification
// loop (two departments in parallel, only the one that asked reviews again,
// then the site inspection), clocks on fixed past dates around 国庆 2025
// (Oct 1–8 off, Sep 28 and Oct 11 worked), isolation between applicants,
// departments and zones, upload limits, file types and path tricks.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, loginAs } from '../lib/server.mjs';

let srv;
const u = {};
const ids = {};

const PDF = Buffer.from('%PDF-1.4\n% zonedesk test\n1 0 obj<<>>endobj\n%%EOF\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
const DOCX = Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(64, 1)]);
const DOC = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(64)]);

function expect(r, status, what) {
  assert.equal(r.status, status, `${what}: expected ${status}, got ${r.status}: ${r.text}`);
  return r.json;
}

function upload(c, caseId, itemId, filename, data) {
  const q = new URLSearchParams({ item_id: String(itemId), filename });
  return c.req('POST', `/api/acceptance/cases/${caseId}/files?${q}`, data,
    { headers: { 'Content-Type': 'application/octet-stream' } });
}

const dept = (c, name) => c.departments.find((d) => d.name === name);

before(async () => {
  srv = await startServer();
  await srv.addUser('za', 'acc_admin', 'admin');
  await srv.addUser('zb', 'acc_admin_b', 'admin');
  await srv.addUser('za', 'acc_officer', 'approval_officer');
  await srv.addUser('za', 'acc_leader', 'leader');
  await srv.addUser('za', 'acc_project', 'project_officer');
  await srv.addUser('za', 'acc_rv1', 'dept_reviewer');
  await srv.addUser('za', 'acc_rv2', 'dept_reviewer');
  for (const k of ['acc_admin', 'acc_admin_b', 'acc_officer', 'acc_leader', 'acc_project', 'acc_rv1', 'acc_rv2']) {
    u[k] = await loginAs(srv.url, k);
  }
  const a = u.acc_admin;
  const mk = async (c, p, body) => expect(await c.post(p, body), 201, `${p} ${JSON.stringify(body)}`).id;
  ids.org1 = await mk(a, '/api/orgs', { name: '验收甲企业有限公司', kind: 'enterprise' });
  ids.org2 = await mk(a, '/api/orgs', { name: '验收乙企业有限公司', kind: 'enterprise' });
  ids.p1 = await mk(a, '/api/projects', { code: 'ACC-1', name: '甲企业厂房', level: 'district', owner_org_id: ids.org1 });
  ids.p2 = await mk(a, '/api/projects', { code: 'ACC-2', name: '乙企业厂房', level: 'district', owner_org_id: ids.org2 });
  await srv.addUser('za', 'acc_ent1', 'enterprise_user', 'secret-pass-1', ['--org', String(ids.org1)]);
  await srv.addUser('za', 'acc_ent2', 'enterprise_user', 'secret-pass-1', ['--org', String(ids.org2)]);
  u.acc_ent1 = await loginAs(srv.url, 'acc_ent1');
  u.acc_ent2 = await loginAs(srv.url, 'acc_ent2');
  // Two departments of our own: D1 reviews in 5 working days, D2 in 3.
  ids.d1 = await mk(a, '/api/acceptance/departments', { name: '测试规划', review_days: 5 });
  ids.d2 = await mk(a, '/api/acceptance/departments', { name: '测试消防', review_days: 3 });
  ids.i1 = await mk(a, '/api/acceptance/items', { name: '测试规划材料' });
  ids.i2 = await mk(a, '/api/acceptance/items', { name: '测试消防材料' });
  ids.i3 = await mk(a, '/api/acceptance/items', { name: '测试竣工图' });
  ids.iUnused = await mk(a, '/api/acceptance/items', { name: '测试无人需要' });
  expect(await a.put(`/api/acceptance/departments/${ids.d1}/items`, { item_ids: [ids.i1, ids.i3] }), 200, 'd1 items');
  expect(await a.put(`/api/acceptance/departments/${ids.d2}/items`, { item_ids: [ids.i2, ids.i3] }), 200, 'd2 items');
  const me = async (c) => (await c.get('/api/me')).json.user.id;
  ids.rv1 = await me(u.acc_rv1);
  ids.rv2 = await me(u.acc_rv2);
  expect(await a.put(`/api/acceptance/departments/${ids.d1}/reviewers`, { user_ids: [ids.rv1] }), 200, 'd1 reviewers');
  expect(await a.put(`/api/acceptance/departments/${ids.d2}/reviewers`, { user_ids: [ids.rv2] }), 200, 'd2 reviewers');
});
after(async () => { await srv?.stop(); });

test('setup: seeded departments and items, lists, validation', async () => {
  const a = u.acc_admin;
  const ds = expect(await a.get('/api/acceptance/departments?limit=50'), 200, 'departments').items.map((d) => d.name);
  for (const n of ['规划', '住建（质监）', '消防', '人防', '城建档案', '测绘']) assert.ok(ds.includes(n), n);
  const items = expect(await a.get('/api/acceptance/items?limit=50'), 200, 'items').items.map((d) => d.name);
  for (const n of ['竣工验收报告', '规划核实测量成果', '消防验收申请资料']) assert.ok(items.includes(n), n);
  const di = expect(await a.get(`/api/acceptance/departments/${ids.d1}/items`), 200, 'dept items');
  assert.deepEqual(di.items.map((i) => i.id).sort(), [ids.i1, ids.i3].sort());
  const rv = expect(await a.get(`/api/acceptance/departments/${ids.d2}/reviewers`), 200, 'reviewers');
  assert.deepEqual(rv.items.map((i) => i.id), [ids.rv2]);
  // a reviewer must be a dept_reviewer of the zone
  const officerId = (await u.acc_officer.get('/api/me')).json.user.id;
  expect(await a.put(`/api/acceptance/departments/${ids.d2}/reviewers`, { user_ids: [officerId] }), 400, 'non-reviewer');
  expect(await a.post('/api/acceptance/departments', { name: '', review_days: 0 }), 400, 'bad department');
  expect(await u.acc_ent1.post('/api/acceptance/departments', { name: 'x' }), 403, 'enterprise writes setup');
  const s = expect(await a.get('/api/settings'), 200, 'settings');
  assert.equal(s['acc.inspection_days'], 5);
});

test('a full case: upload, submit, two departments, rectification, resubmit, inspection, passed', async () => {
  const ent = u.acc_ent1;
  // an enterprise applies only for its own projects
  expect(await ent.post('/api/acceptance/cases', { project_id: ids.p2, title: 'x', department_ids: [ids.d1] }), 400, 'foreign project');
  const c = expect(await ent.post('/api/acceptance/cases', {
    project_id: ids.p1, title: '1号厂房联合验收', building: '1号厂房', department_ids: [ids.d1, ids.d2],
  }), 201, 'open');
  ids.case1 = c.id;
  assert.equal(c.status, 'draft');
  assert.equal(c.applicant_org_id, ids.org1);
  assert.equal(c.items.length, 3);

  // submit needs every item
  const f1 = expect(await upload(ent, c.id, ids.i1, '规划核实（第1版）.pdf', PDF), 201, 'upload i1');
  assert.equal(f1.filename, '规划核实（第1版）.pdf');
  assert.match(f1.sha256, /^[0-9a-f]{64}$/);
  ids.f1 = f1.id;
  const miss = expect(await ent.post(`/api/acceptance/cases/${c.id}/submit`, { date: '2025-09-26' }), 400, 'submit incomplete');
  assert.ok(miss.error.fields.some((f) => f.field === `items[${ids.i2}]`), JSON.stringify(miss));
  ids.f2 = expect(await upload(ent, c.id, ids.i2, '消防.PNG', PNG), 201, 'upload i2').id;
  ids.f3 = expect(await upload(ent, c.id, ids.i3, '竣工图.docx', DOCX), 201, 'upload i3').id;

  let s = expect(await ent.post(`/api/acceptance/cases/${c.id}/submit`, { date: '2025-09-26' }), 200, 'submit');
  assert.equal(s.status, 'reviewing');
  assert.equal(s.submitted_on, '2025-09-26');
  // both departments start at once; D2's 3 days: Sep 28 (调休), 29, 30
  assert.equal(dept(s, '测试规划').rounds[0].due_on, '2025-10-10');
  assert.equal(dept(s, '测试消防').rounds[0].due_on, '2025-09-30');
  assert.equal(s.due_on, '2025-10-10');
  expect(await ent.post(`/api/acceptance/cases/${c.id}/submit`, {}), 400, 'submit twice');
  expect(await upload(ent, c.id, ids.i1, 'late.pdf', PDF), 400, 'upload while reviewing');

  // queues on fixed dates: D2 overdue, D1 due the next working day
  const q1 = expect(await u.acc_rv1.get('/api/acceptance/queue?as_of=2025-10-09'), 200, 'queue rv1');
  const r1 = q1.items.find((x) => x.case_id === c.id);
  assert.equal(r1.department_id, ids.d1);
  assert.equal(r1.due_tomorrow, true);
  assert.equal(r1.overdue, false);
  const q2 = expect(await u.acc_rv2.get('/api/acceptance/queue?as_of=2025-10-09'), 200, 'queue rv2');
  const r2 = q2.items.find((x) => x.case_id === c.id);
  assert.equal(r2.department_id, ids.d2);
  assert.equal(r2.overdue, true);
  assert.ok(!q2.items.some((x) => x.department_id === ids.d1), 'rv2 sees only its department');
  const qo = expect(await u.acc_officer.get('/api/acceptance/queue?as_of=2025-10-09'), 200, 'queue officer');
  assert.ok(qo.items.filter((x) => x.case_id === c.id).length === 2);
  expect(await ent.get('/api/acceptance/queue'), 403, 'queue for enterprise');

  // decisions: only a reviewer of that department, on its pending review
  const rev1 = dept(s, '测试规划').rounds[0].id;
  const rev2 = dept(s, '测试消防').rounds[0].id;
  expect(await u.acc_rv1.post(`/api/acceptance/reviews/${rev2}/decision`, { decision: 'pass' }), 403, 'wrong department');
  expect(await u.acc_officer.post(`/api/acceptance/reviews/${rev2}/decision`, { decision: 'pass' }), 403, 'officer decides');
  expect(await u.acc_rv2.post(`/api/acceptance/reviews/${rev2}/decision`, { decision: 'rectify', opinion: '需整改' }), 400, 'rectify without points');
  const d2 = expect(await u.acc_rv2.post(`/api/acceptance/reviews/${rev2}/decision`, {
    decision: 'rectify', opinion: '消防材料不全', points: ['补充消防设施检测报告', '疏散图标注出口'], date: '2025-09-29',
  }), 200, 'rectify');
  assert.deepEqual(d2.points.map((p) => p.no), [1, 2]);
  expect(await u.acc_rv2.post(`/api/acceptance/reviews/${rev2}/decision`, { decision: 'pass' }), 400, 'decide twice');
  expect(await u.acc_rv1.post(`/api/acceptance/reviews/${rev1}/decision`, { decision: 'pass', opinion: '同意', date: '2025-10-09' }), 200, 'pass');

  s = expect(await ent.get(`/api/acceptance/cases/${c.id}`), 200, 'case');
  assert.equal(s.status, 'rectifying');
  assert.equal(s.due_on, null, 'the clock stops while the applicant fixes');
  expect(await upload(ent, c.id, ids.i2, '消防检测报告.pdf', PDF), 201, 'upload for the rectification');

  // the applicant answers every point; only D2 gets a new round
  const bad = expect(await ent.post(`/api/acceptance/cases/${c.id}/resubmit`, {
    date: '2025-10-13', answers: [{ review_id: rev2, point_no: 1, answer: '已补充' }],
  }), 400, 'one answer missing');
  assert.ok(bad.error.fields.some((f) => f.field === `answers[${rev2}.2]`), JSON.stringify(bad));
  s = expect(await ent.post(`/api/acceptance/cases/${c.id}/resubmit`, {
    date: '2025-10-13',
    answers: [{ review_id: rev2, point_no: 1, answer: '已补充检测报告' }, { review_id: rev2, point_no: 2, answer: '已标注' }],
  }), 200, 'resubmit');
  assert.equal(s.status, 'reviewing');
  assert.equal(s.submissions, 2);
  assert.equal(dept(s, '测试规划').rounds.length, 1, 'D1 passed and does not review again');
  const d2r = dept(s, '测试消防').rounds;
  assert.equal(d2r.length, 2);
  assert.equal(d2r[1].started_on, '2025-10-13');
  assert.equal(d2r[1].due_on, '2025-10-16');
  assert.equal(d2r[0].answers.length, 2);
  expect(await u.acc_rv2.post(`/api/acceptance/reviews/${d2r[1].id}/decision`, { decision: 'pass', date: '2025-10-15' }), 200, 'pass round 2');

  // site inspection: the officer schedules it once all passed
  s = expect(await ent.get(`/api/acceptance/cases/${c.id}`), 200, 'case');
  assert.equal(s.status, 'inspection');
  assert.equal(s.due_on, '2025-10-22');
  expect(await ent.post(`/api/acceptance/cases/${c.id}/inspection`, {}), 403, 'enterprise schedules');
  s = expect(await u.acc_officer.post(`/api/acceptance/cases/${c.id}/inspection`, { scheduled_on: '2025-10-20', date: '2025-10-15' }), 200, 'inspection');
  assert.equal(s.inspections[0].started_on, '2025-10-15');
  assert.equal(s.inspections[0].due_on, '2025-10-22');
  expect(await u.acc_officer.post(`/api/acceptance/cases/${c.id}/inspection`, {}), 400, 'scheduled twice');
  s = expect(await u.acc_officer.post(`/api/acceptance/cases/${c.id}/inspection/result`, { result: 'pass', opinion: '现场验收合格', date: '2025-10-20' }), 200, 'result');
  assert.equal(s.status, 'passed');
  // D1 4 days (Sep 28, 29, 30, Oct 9) ∥ D2 2 days; D2 again 2; inspection 3
  assert.deepEqual(s.measures, { parallel_days: 9, serial_days: 11, days_saved: 2, submissions: 2 });

  const h = expect(await u.acc_officer.get(`/api/acceptance/cases/${c.id}/history?limit=100`), 200, 'history');
  const ents = new Set(h.items.map((x) => x.entity));
  for (const e of ['acc_case', 'acc_file', 'acc_review', 'acc_answer', 'acc_inspection']) assert.ok(ents.has(e), e);
  expect(await u.acc_rv1.get(`/api/acceptance/cases/${c.id}/history`), 403, 'history for a reviewer');

  const rep = expect(await u.acc_leader.get('/api/reports/acceptance?from=2025-09-01&to=2025-10-31'), 200, 'report');
  assert.equal(rep.passed, 1);
  assert.equal(rep.days_saved, 2);
  assert.ok(rep.cases.some((x) => x.id === c.id && x.parallel_days === 9));
  expect(await u.acc_leader.get('/api/reports/acceptance?from=2025-09-01'), 400, 'report without to');

  // the same figures on the command line
  const cli = await srv.cli(['report', 'acceptance', '--zone', 'za', '--from', '2025-09-01', '--to', '2025-10-31', '--format', 'json']);
  assert.equal(cli.code, 0, cli.stderr);
  const cj = JSON.parse(cli.stdout);
  assert.equal(cj.passed, 1);
  assert.equal(cj.days_saved, 2);
  const csv = await srv.cli(['report', 'acceptance', '--zone', 'za', '--from', '2025-09-01', '--to', '2025-10-31', '--format', 'csv']);
  assert.equal(csv.code, 0, csv.stderr);
  assert.match(csv.stdout, /1号厂房联合验收,验收甲企业有限公司,已通过,2025-09-26,,否,9,11,2,2/);
  const badCli = await srv.cli(['report', 'acceptance', '--zone', 'za', '--from', '2025-09-01', '--to', '2025-08-01']);
  assert.equal(badCli.code, 2);
  assert.match(badCli.stderr, /--to/);
});

test('overdue on fixed past dates; an officer applies on behalf of an enterprise', async () => {
  const o = u.acc_officer;
  expect(await o.post('/api/acceptance/cases', { project_id: ids.p2, title: 'x', department_ids: [ids.d1] }), 400, 'no applicant');
  const c = expect(await o.post('/api/acceptance/cases', {
    project_id: ids.p2, title: '乙企业验收', applicant_org_id: ids.org2, department_ids: [ids.d1],
  }), 201, 'open on behalf');
  ids.case2 = c.id;
  expect(await upload(o, c.id, ids.i1, 'a.doc', DOC), 201, 'doc');
  expect(await upload(o, c.id, ids.i3, 'b.pdf', PDF), 201, 'pdf');
  const s = expect(await o.post(`/api/acceptance/cases/${c.id}/submit`, { date: '2025-03-03' }), 200, 'submit');
  assert.equal(s.due_on, '2025-03-10');
  assert.equal(s.overdue, true);
  const early = expect(await o.get(`/api/acceptance/cases/${c.id}?as_of=2025-03-07`), 200, 'as of');
  assert.equal(early.overdue, false);
  const list = expect(await o.get('/api/acceptance/cases?status=reviewing'), 200, 'list');
  assert.ok(list.items.some((x) => x.id === c.id && x.overdue === true));
  expect(await o.post(`/api/acceptance/cases/${c.id}/submit`, { date: '2999-01-01' }), 400, 'future date');
});

test('isolation: applicants, departments, roles and zones', async () => {
  const c1 = ids.case1;
  expect(await u.acc_ent2.get(`/api/acceptance/cases/${c1}`), 403, 'another applicant');
  expect(await u.acc_ent2.get(`/api/acceptance/files/${ids.f1}`), 403, 'another applicant file');
  const l2 = expect(await u.acc_ent2.get('/api/acceptance/cases'), 200, 'ent2 list');
  assert.ok(l2.items.every((x) => x.applicant_org_id === ids.org2));
  assert.ok(l2.items.some((x) => x.id === ids.case2));
  const l1 = expect(await u.acc_ent1.get('/api/acceptance/cases'), 200, 'ent1 list');
  assert.deepEqual(l1.items.map((x) => x.id), [c1]);
  expect(await u.acc_ent2.post(`/api/acceptance/cases/${c1}/resubmit`, { answers: [] }), 403, 'another applicant writes');

  // reviewer 2 (D2) sees D2's part and the items D2 needs, not D1's
  const v = expect(await u.acc_rv2.get(`/api/acceptance/cases/${c1}`), 200, 'rv2 case');
  assert.deepEqual(v.departments.map((d) => d.department_id), [ids.d2]);
  assert.ok(!v.files.some((f) => f.item_id === ids.i1), 'no D1 files');
  assert.ok(v.files.some((f) => f.item_id === ids.i2));
  expect(await u.acc_rv2.get(`/api/acceptance/files/${ids.f1}`), 403, 'D1 file for rv2');
  const dl = await u.acc_rv2.get(`/api/acceptance/files/${ids.f2}`);
  assert.equal(dl.status, 200);
  assert.equal(dl.headers.get('content-type'), 'image/png');
  const cd = dl.headers.get('content-disposition');
  assert.match(cd, /^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
  assert.ok(cd.includes(encodeURIComponent('消防.PNG')), cd);
  // case 2 never reached D2
  expect(await u.acc_rv2.get(`/api/acceptance/cases/${ids.case2}`), 403, 'rv2 case2');
  const lr = expect(await u.acc_rv2.get('/api/acceptance/cases'), 200, 'rv2 list');
  assert.deepEqual(lr.items.map((x) => x.id), [c1]);

  // the applicant downloads its own file, bytes intact
  const own = await fetch(`${srv.url}/api/acceptance/files/${ids.f1}`, { headers: { Cookie: `zd_session=${u.acc_ent1.cookie}` } });
  assert.equal(own.status, 200);
  assert.deepEqual(Buffer.from(await own.arrayBuffer()), PDF);

  expect(await u.acc_leader.get(`/api/acceptance/cases/${c1}`), 200, 'leader reads');
  expect(await u.acc_leader.post('/api/acceptance/cases', { project_id: ids.p1, title: 'x', department_ids: [ids.d1] }), 403, 'leader applies');
  expect(await u.acc_project.get('/api/acceptance/cases'), 403, 'project officer');
  expect(await u.acc_project.get(`/api/acceptance/cases/${c1}`), 403, 'project officer case');

  // another zone: 404 exactly like a missing record
  expect(await u.acc_admin_b.get(`/api/acceptance/cases/${c1}`), 404, 'zb case');
  expect(await u.acc_admin_b.get(`/api/acceptance/files/${ids.f1}`), 404, 'zb file');
  expect(await u.acc_admin_b.get(`/api/acceptance/departments/${ids.d1}`), 404, 'zb department');
  expect(await u.acc_admin_b.post(`/api/acceptance/cases/${c1}/inspection`, {}), 404, 'zb inspection');
  const lb = expect(await u.acc_admin_b.get('/api/acceptance/cases'), 200, 'zb list');
  assert.equal(lb.total, 0);
});

test('uploads: types by content and extension, names, limits', async () => {
  const ent = u.acc_ent1;
  const c = expect(await ent.post('/api/acceptance/cases', { project_id: ids.p1, title: '上传测试', department_ids: [ids.d1] }), 201, 'open');
  const trick = expect(await upload(ent, c.id, ids.i1, '../../etc/passwd.pdf', PDF), 201, 'path trick');
  assert.equal(trick.filename, 'passwd.pdf');
  const bs = expect(await upload(ent, c.id, ids.i1, 'a\\b.pdf', PDF), 201, 'backslash');
  assert.equal(bs.filename, 'b.pdf');
  expect(await upload(ent, c.id, ids.i1, 'photo.pdf', PNG), 400, 'png bytes named pdf');
  expect(await upload(ent, c.id, ids.i1, 'tool.exe', PDF), 400, 'exe');
  expect(await upload(ent, c.id, ids.i1, 'noext', PDF), 400, 'no extension');
  expect(await upload(ent, c.id, ids.i1, 'x.docx', PDF), 400, 'pdf named docx');
  expect(await upload(ent, c.id, ids.i1, 'a\u0001b.pdf', PDF), 400, 'control character');
  expect(await upload(ent, c.id, ids.i1, 'dir/', PDF), 400, 'empty after the path');
  expect(await upload(ent, c.id, ids.i1, '..', PDF), 400, 'dot dot');
  expect(await upload(ent, c.id, ids.i1, '长'.repeat(67) + '.pdf', PDF), 400, 'over 200 bytes');
  expect(await upload(ent, c.id, ids.i1, '长'.repeat(60) + '.pdf', PDF), 201, '184 bytes');
  expect(await upload(ent, c.id, ids.i1, 'empty.pdf', Buffer.alloc(0)), 400, 'empty file');
  expect(await upload(ent, c.id, ids.i2, 'x.pdf', PDF), 400, 'item not needed by the case');
  expect(await upload(ent, c.id, ids.iUnused, 'x.pdf', PDF), 400, 'unused item');
  expect(await upload(ent, c.id, 999999, 'x.pdf', PDF), 400, 'missing item');
  const big = Buffer.concat([PDF, Buffer.alloc(20 * 1024 * 1024)]);
  expect(await upload(ent, c.id, ids.i1, 'big.pdf', big), 413, 'over 20 MiB');
  expect(await upload(u.acc_ent2, c.id, ids.i1, 'x.pdf', PDF), 403, 'another applicant uploads');
  expect(await upload(u.acc_rv1, c.id, ids.i1, 'x.pdf', PDF), 403, 'a reviewer uploads');
  // the same content is stored once
  const again = expect(await upload(ent, c.id, ids.i1, 'copy.pdf', PDF), 201, 'same content');
  assert.equal(again.sha256, trick.sha256);
});

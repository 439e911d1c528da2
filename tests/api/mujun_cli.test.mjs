// zonedesk import mujun and zonedesk report mujun on the command line: errors as FILE:ROW: column
// with nothing imported, --year for rows without 年度, the report as text, csv and xlsx, and
// usage errors naming the flag with exit status 2.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startServer, loginAs, makeUscc } from '../lib/server.mjs';

let srv;
let admin;
const HEAD = '企业名称,统一社会信用代码,年度,用地面积(亩),税收(万元),增加值(万元),营业收入(万元),综合能耗(吨标准煤),排放量(吨),研发经费(万元),从业人数,用电量(万千瓦时),企业规模';

before(async () => {
  srv = await startServer();
  await srv.addUser('za', 'mjc_admin', 'admin');
  admin = await loginAs(srv.url, 'mjc_admin');
  const park = (await admin.post('/api/parks', { name: '海州园', kind: 'park' })).json.id;
  for (const [i, name] of ['命令行甲公司', '命令行乙公司'].entries()) {
    const r = await admin.post('/api/orgs', { name, kind: 'enterprise', uscc: makeUscc(600 + i), park_id: park, above_scale: true });
    assert.equal(r.status, 201, r.text);
  }
});
after(async () => { await srv?.stop(); });

const file = (name, text) => { const p = path.join(srv.dir, name); writeFileSync(p, text); return p; };

test('import mujun: errors by row and column, nothing imported, exit 1', async () => {
  const p = file('bad.csv', [HEAD, '没有这家公司,,2025,10,1,,,,,,,,', `命令行甲公司,,2025,abc,1,,,,,,,,`].join('\n'));
  const r = await srv.cli(['import', 'mujun', p, '--zone', 'za']);
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stderr, /bad\.csv:2: 企业名称: /);
  assert.match(r.stderr, /bad\.csv:3: 用地面积\(亩\): /);
  assert.match(r.stderr, /nothing imported/);
  assert.equal((await admin.get('/api/mujun/figures')).json.total, 0);
  const u = await srv.cli(['import', 'mujun', p, '--year', '19']);
  assert.equal(u.code, 2);
  assert.match(u.stderr, /--year/);
});

test('import mujun with --year, then report mujun as text, csv and xlsx', async () => {
  const p = file('good.csv', [HEAD,
    `命令行甲公司,,,100,3000,10000,50000,10000,100,1000,500,,`,
    `,${makeUscc(601)},,100,600,4000,20000,4000,80,200,400,,规上`].join('\n'));
  const r = await srv.cli(['import', 'mujun', p, '--year', '2025', '--zone', 'za']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /2 rows: 2 created, 0 updated/);

  const txt = await srv.cli(['report', 'mujun', '--year', '2025', '--zone', 'za']);
  assert.equal(txt.code, 0, txt.stderr);
  assert.match(txt.stdout, /2025年度亩均效益评价（标杆值法，默认设置），参评企业2家/);
  assert.match(txt.stdout, /海州园\s+2家\s+A 0 \(0\.0%\)\s+B 1 \(50\.0%\)/);
  assert.match(txt.stdout, /1\s+命令行甲公司\s+海州园\s+规上\s+88\.33\s+B/);

  const csv = await srv.cli(['report', 'mujun', '--year', '2025', '--zone', 'za', '--format', 'csv']);
  assert.equal(csv.code, 0, csv.stderr);
  const lines = csv.stdout.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  assert.match(lines[0], /^排名,企业名称,统一社会信用代码/);
  assert.equal(lines.length, 3);
  assert.match(lines[1], /^1,命令行甲公司,/);

  const out = path.join(srv.dir, 'mujun.xlsx');
  const x = await srv.cli(['report', 'mujun', '--year', '2025', '--zone', 'za', '--format', 'xlsx', '--out', out]);
  assert.equal(x.code, 0, x.stderr);
  assert.ok(existsSync(out) && statSync(out).size > 1000);
});

test('report mujun: usage errors name the flag', async () => {
  for (const [args, flag] of [[[], '--year'], [['--year', 'x'], '--year'], [['--year', '2025', '--format', 'pdf'], '--format'],
    [['--year', '2025', '--format', 'xlsx'], '--out'], [['--year', '2025', '--zone', 'nope'], '--zone']]) {
    const r = await srv.cli(['report', 'mujun', ...args]);
    assert.ok(r.code === 2 || (flag === '--zone' && r.code !== 0), `${args.join(' ')}: exit ${r.code}`);
    assert.match(r.stderr, new RegExp(flag), `${args.join(' ')}: ${r.stderr}`);
  }
});

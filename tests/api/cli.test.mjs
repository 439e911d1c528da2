// The command line: help, usage errors, validation, backup while serving,
// version, and refusal of a database newer than the binary.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { mkdtemp, rm, copyFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startServer, runBin, loginAs, makeUscc, freePort, REPO } from '../lib/server.mjs';

let srv;
let tmp;
before(async () => {
  srv = await startServer();
  tmp = await mkdtemp(path.join(os.tmpdir(), 'zonedesk-cli-'));
});
after(async () => {
  await srv?.stop();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

const USAGE = /usage|用法/i;

function sqlite(db, sql) {
  return new Promise((resolve, reject) => {
    execFile('sqlite3', [db, sql], (err, stdout, stderr) => {
      if (err) reject(new Error(`sqlite3 ${sql}: ${stderr || err.message}`)); else resolve(stdout);
    });
  });
}

test('--help on each command exits 0 and prints usage', async () => {
  const cmds = [
    [], ['init'], ['serve'], ['zone'], ['zone', 'add'], ['zone', 'list'], ['park'], ['park', 'add'], ['park', 'list'],
    ['org'], ['org', 'add'], ['org', 'list'], ['user'], ['user', 'add'], ['user', 'list'], ['user', 'passwd'],
    ['user', 'disable'], ['backup'], ['audit'], ['version'], ['demo'], ['routes'],
  ];
  for (const cmd of cmds) {
    const r = await runBin([...cmd, '--help']);
    const out = r.stdout + r.stderr;
    assert.equal(r.code, 0, `zonedesk ${cmd.join(' ')} --help exited ${r.code}: ${out}`);
    assert.match(out, USAGE, `zonedesk ${cmd.join(' ')} --help prints no usage: ${out}`);
  }
  const out = (r) => r.stdout + r.stderr;
  const top = out(await runBin(['--help']));
  for (const c of ['init', 'serve', 'zone', 'park', 'org', 'user', 'backup', 'audit', 'version', 'demo', 'routes']) {
    assert.match(top, new RegExp(`\\b${c}\\b`), `top-level help lists ${c}`);
  }
  const zoneAdd = out(await runBin(['zone', 'add', '--help']));
  assert.match(zoneAdd, /--code/);
  assert.match(zoneAdd, /--name/);
  const userAdd = out(await runBin(['user', 'add', '--help']));
  for (const f of ['--zone', '--username', '--name', '--role', '--org', '--department', '--password-stdin']) {
    assert.ok(userAdd.includes(f), `user add --help lacks ${f}`);
  }
});

test('unknown command → exit 2 naming it', async () => {
  const r = await runBin(['frobnicate']);
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /frobnicate/);
  const s = await srv.cli(['zone', 'frobnicate']);
  assert.equal(s.code, 2, s.stderr);
  assert.match(s.stderr, /frobnicate/);
  const f = await srv.cli(['zone', 'list', '--frobnicate']);
  assert.equal(f.code, 2, f.stderr);
  assert.match(f.stderr, /--frobnicate/);
});

test('zone add without --code → exit 2 naming --code', async () => {
  const r = await srv.cli(['zone', 'add', '--name', '丁区']);
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /--code/);
  const l = await srv.cli(['zone', 'list']);
  assert.equal(l.code, 0);
  assert.ok(!l.stdout.includes('丁区'), 'nothing created');
});

test('zone list, park and org add/list through the CLI', async () => {
  const l = await srv.cli(['zone', 'list']);
  assert.equal(l.code, 0, l.stderr);
  assert.match(l.stdout, /za/);
  assert.match(l.stdout, /甲区/);
  assert.match(l.stdout, /zb/);
  assert.match(l.stdout, /乙区/);
  const dup = await srv.cli(['zone', 'add', '--code', 'za', '--name', '重复区']);
  assert.equal(dup.code, 1, `duplicate zone code: ${dup.stderr}`);
  const p = await srv.cli(['park', 'add', '--zone', 'za', '--name', '命令行园', '--kind', 'expansion', '--code', 'CL']);
  assert.equal(p.code, 0, p.stderr);
  const pl = await srv.cli(['park', 'list', '--zone', 'za']);
  assert.equal(pl.code, 0, pl.stderr);
  assert.match(pl.stdout, /命令行园/);
  const plb = await srv.cli(['park', 'list', '--zone', 'zb']);
  assert.ok(!plb.stdout.includes('命令行园'), 'park list is per zone');
  const o = await srv.cli(['org', 'add', '--zone', 'za', '--name', '命令行企业', '--kind', 'enterprise', '--uscc', makeUscc(42)]);
  assert.equal(o.code, 0, o.stderr);
  const ol = await srv.cli(['org', 'list', '--zone', 'za']);
  assert.match(ol.stdout, /命令行企业/);
  const nz = await srv.cli(['park', 'add', '--zone', 'nozone', '--name', '无区园']);
  assert.notEqual(nz.code, 0, 'unknown zone refused');
  const bk = await srv.cli(['park', 'add', '--zone', 'za', '--name', '坏类园', '--kind', 'bogus']);
  assert.ok([1, 2].includes(bk.code), `bad kind: ${bk.code}`);
  assert.match(bk.stderr, /kind/);
  // the running server sees CLI writes
  await srv.addUser('za', 'cli_admin', 'admin');
  const c = await loginAs(srv.url, 'cli_admin');
  const r = await c.get(`/api/parks?q=${encodeURIComponent('命令行园')}`);
  assert.equal(r.json.total, 1);
  assert.equal(r.json.items[0].kind, 'expansion');
  assert.equal(r.json.items[0].code, 'CL');
});

test('org add --uscc BAD → exit 1 or 2 naming uscc', async () => {
  for (const bad of ['BAD', makeUscc(43).slice(0, 17) + (makeUscc(43)[17] === '0' ? '1' : '0')]) {
    const r = await srv.cli(['org', 'add', '--zone', 'za', '--name', '坏码企业', '--kind', 'enterprise', '--uscc', bad]);
    assert.ok([1, 2].includes(r.code), `exit ${r.code}: ${r.stderr}`);
    assert.match(r.stderr, /uscc/i);
  }
  const ol = await srv.cli(['org', 'list', '--zone', 'za']);
  assert.ok(!ol.stdout.includes('坏码企业'), 'nothing created');
});

test('user add: roles, passwords, duplicates', async () => {
  const bad = await srv.cli(['user', 'add', '--zone', 'za', '--username', 'u_badrole', '--name', 'x', '--role', 'king', '--password-stdin'],
    { stdin: 'secret-pass-1\n' });
  assert.ok([1, 2].includes(bad.code), `bad role: ${bad.code}`);
  assert.match(bad.stderr, /role/);
  const short = await srv.cli(['user', 'add', '--zone', 'za', '--username', 'u_short', '--name', 'x', '--role', 'leader', '--password-stdin'],
    { stdin: 'short\n' });
  assert.ok([1, 2].includes(short.code), `short password: ${short.code}`);
  await srv.addUser('za', 'u_dup', 'leader');
  const dup = await srv.cli(['user', 'add', '--zone', 'zb', '--username', 'u_dup', '--name', 'x', '--role', 'leader', '--password-stdin'],
    { stdin: 'secret-pass-1\n' });
  assert.equal(dup.code, 1, `duplicate username across zones: ${dup.code} ${dup.stderr}`);
  const list = await srv.cli(['user', 'list', '--zone', 'za']);
  assert.equal(list.code, 0);
  assert.match(list.stdout, /u_dup/);
  assert.ok(!/u_badrole|u_short/.test(list.stdout));
  assert.ok(!/secret-pass-1/.test(list.stdout));
  const listB = await srv.cli(['user', 'list', '--zone', 'zb']);
  assert.ok(!/u_dup/.test(listB.stdout));
  // the password line from stdin works for login (no trailing newline kept)
  await loginAs(srv.url, 'u_dup');
});

test('backup --to FILE while the server runs gives a usable database', async () => {
  await srv.addUser('za', 'bk_admin', 'admin');
  const c = await loginAs(srv.url, 'bk_admin');
  assert.equal((await c.post('/api/parks', { name: '备份园', kind: 'park' })).status, 201);
  const file = path.join(tmp, 'backup.db');
  const r = await srv.cli(['backup', '--to', file]);
  assert.equal(r.code, 0, r.stderr);
  assert.ok(existsSync(file) && statSync(file).size > 0, 'backup file written');
  // the server keeps running
  assert.equal((await c.get('/api/me')).status, 200);

  const init = await runBin(['init', '--db', file]);
  assert.equal(init.code, 0, `init accepts the backup: ${init.stderr}`);
  const zl = await runBin(['zone', 'list', '--db', file]);
  assert.equal(zl.code, 0, zl.stderr);
  assert.match(zl.stdout, /甲区/);
  assert.match(zl.stdout, /乙区/);
  const pl = await runBin(['--db', file, 'park', 'list', '--zone', 'za']);
  assert.equal(pl.code, 0, pl.stderr);
  assert.match(pl.stdout, /备份园/);
  assert.equal((await sqlite(file, 'PRAGMA integrity_check;')).trim(), 'ok');

  const missing = await srv.cli(['backup']);
  assert.equal(missing.code, 2, 'backup without --to is a usage error');
  assert.match(missing.stderr, /--to/);
});

test('version prints the version the server reports', async () => {
  const r = await runBin(['version']);
  assert.equal(r.code, 0, r.stderr);
  const h = await fetch(`${srv.url}/api/health`).then((x) => x.json());
  assert.ok(r.stdout.includes(h.version), `version output "${r.stdout.trim()}" vs health ${h.version}`);
  assert.match(r.stdout, /\d+\.\d+\.\d+/);
});

test('a database whose schema is newer than the binary is refused', async () => {
  const db = path.join(tmp, 'future.db');
  assert.equal((await runBin(['init', '--db', db])).code, 0);
  assert.equal((await runBin(['--db', db, 'zone', 'add', '--code', 'fz', '--name', '未来区'])).code, 0);
  await sqlite(db, "INSERT INTO schema_migrations(version, name, applied_at) VALUES (999,'future','2030-01-01')");
  const copy = path.join(tmp, 'future-copy.db');
  await copyFile(db, copy);

  const clear = /999|newer|较新|更新|版本|schema/i;
  for (const args of [['zone', 'list'], ['init'], ['user', 'list']]) {
    const r = await runBin(['--db', db, ...args]);
    assert.equal(r.code, 1, `${args.join(' ')} on a future database: exit ${r.code} ${r.stdout}`);
    assert.match(r.stderr, clear, `${args.join(' ')}: unclear message: ${r.stderr}`);
  }
  const port = await freePort();
  const s = await runBin(['serve', '--db', db, '--listen', `127.0.0.1:${port}`, '--web', path.join(REPO, 'web')], { timeout: 15000 });
  assert.equal(s.signal, null, 'serve must refuse and exit, not run');
  assert.notEqual(s.code, 0);
  assert.match(s.stderr, clear);
  // refusing did not touch the database
  assert.equal((await sqlite(db, 'SELECT max(version) FROM schema_migrations')).trim(), '999');
  assert.equal((await sqlite(db, 'SELECT count(*) FROM schema_migrations')).trim(),
    (await sqlite(copy, 'SELECT count(*) FROM schema_migrations')).trim());
});

test('health reports the schema version stored in the database', async () => {
  const h = await fetch(`${srv.url}/api/health`).then((x) => x.json());
  const v = (await sqlite(srv.db, 'SELECT max(version) FROM schema_migrations')).trim();
  assert.equal(String(h.schema), v);
});

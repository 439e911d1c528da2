// The OpenAPI document: served at /api/openapi.yaml, identical to docs/api.yaml,
// and describing exactly the routes the server declares (`zonedesk routes`).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startServer, runBin, REPO } from '../lib/server.mjs';

const METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace']);

/** The endpoints of the contract, as 'METHOD /path'. */
const CONTRACT = [
  'GET /api/health', 'POST /api/login', 'POST /api/logout', 'GET /api/me',
  'GET /api/zones', 'GET /api/zones/{id}', 'PUT /api/zones/{id}',
  ...['parks', 'orgs', 'chains'].flatMap((r) => [
    `GET /api/${r}`, `POST /api/${r}`, `GET /api/${r}/{id}`, `PUT /api/${r}/{id}`, `DELETE /api/${r}/{id}`,
    `GET /api/${r}/{id}/history`,
  ]),
  'GET /api/users', 'POST /api/users', 'GET /api/users/{id}', 'PUT /api/users/{id}',
  'POST /api/users/{id}/password', 'GET /api/users/{id}/history',
  'GET /api/audit', 'GET /api/openapi.yaml',
  // key projects
  'GET /api/settings', 'PUT /api/settings',
  'GET /api/projects', 'POST /api/projects', 'GET /api/projects/{id}', 'PUT /api/projects/{id}',
  'GET /api/projects/{id}/history',
  'GET /api/projects/{id}/events', 'POST /api/projects/{id}/events', 'DELETE /api/events/{id}',
  'GET /api/projects/{id}/reports', 'POST /api/projects/{id}/reports', 'DELETE /api/reports/{id}',
  'GET /api/projects/{id}/nodes', 'PUT /api/projects/{id}/nodes',
  'POST /api/projects/{id}/problems', 'GET /api/problems', 'PUT /api/problems/{id}',
  'GET /api/node-templates', 'POST /api/node-templates', 'GET /api/node-templates/{id}',
  'PUT /api/node-templates/{id}', 'DELETE /api/node-templates/{id}', 'GET /api/node-templates/{id}/history',
  'GET /api/reports/kaifugong',
  'GET /api/reports/kaifugong.xlsx',
  'GET /api/briefing',
  'GET /api/reports/cohort',
  'GET /api/reports/investment.xlsx',
  'GET /api/briefing.xlsx',
  'GET /api/projects/export.xlsx',
  'POST /api/projects/import',
  'GET /api/leads/export.xlsx',
  'POST /api/leads/import',
  'POST /api/contacts/import',
  'POST /api/leads/{id}/project',
  // working-day calendar
  'GET /api/calendar', 'POST /api/calendar', 'GET /api/calendar/{id}', 'PUT /api/calendar/{id}',
  'DELETE /api/calendar/{id}', 'GET /api/calendar/{id}/history',
  'GET /api/calendar/days', 'GET /api/calendar/add', 'GET /api/calendar/count', 'POST /api/calendar/import',
  // joint acceptance
  ...['departments', 'items'].flatMap((r) => [
    `GET /api/acceptance/${r}`, `POST /api/acceptance/${r}`, `GET /api/acceptance/${r}/{id}`,
    `PUT /api/acceptance/${r}/{id}`, `DELETE /api/acceptance/${r}/{id}`, `GET /api/acceptance/${r}/{id}/history`,
  ]),
  'GET /api/acceptance/departments/{id}/items', 'PUT /api/acceptance/departments/{id}/items',
  'GET /api/acceptance/departments/{id}/reviewers', 'PUT /api/acceptance/departments/{id}/reviewers',
  'GET /api/acceptance/cases', 'POST /api/acceptance/cases', 'GET /api/acceptance/cases/{id}',
  'GET /api/acceptance/cases/{id}/history', 'POST /api/acceptance/cases/{id}/files',
  'POST /api/acceptance/cases/{id}/submit', 'POST /api/acceptance/cases/{id}/resubmit',
  'POST /api/acceptance/cases/{id}/inspection', 'POST /api/acceptance/cases/{id}/inspection/result',
  'POST /api/acceptance/reviews/{id}/decision', 'GET /api/acceptance/files/{id}', 'GET /api/acceptance/queue',
  'GET /api/reports/acceptance',
  // 亩均效益评价
  'GET /api/mujun/figures', 'POST /api/mujun/figures', 'GET /api/mujun/figures/{id}', 'PUT /api/mujun/figures/{id}',
  'DELETE /api/mujun/figures/{id}', 'GET /api/mujun/figures/{id}/history', 'POST /api/mujun/figures/import',
  'GET /api/mujun/settings/{id}', 'PUT /api/mujun/settings/{id}', 'GET /api/mujun/settings/{id}/history',
  'GET /api/mujun/scores', 'GET /api/mujun/report', 'GET /api/mujun/mine',
  // investment attraction
  'GET /api/leads', 'POST /api/leads', 'GET /api/leads/{id}', 'PUT /api/leads/{id}', 'GET /api/leads/{id}/history',
  'GET /api/leads/{id}/stages', 'POST /api/leads/{id}/stages',
  'GET /api/leads/{id}/contacts', 'POST /api/leads/{id}/contacts', 'GET /api/contacts/due',
  ...['liaison-offices', 'source-regions', 'signing-events', 'highlights'].flatMap((r) => [
    `GET /api/${r}`, `POST /api/${r}`, `GET /api/${r}/{id}`, `PUT /api/${r}/{id}`, `DELETE /api/${r}/{id}`,
    `GET /api/${r}/{id}/history`,
  ]),
  'GET /api/signing-events/{id}/summary', 'POST /api/signing-events/{id}/leads',
  'GET /api/reports/investment',
  // enterprise service
  ...['buildings', 'building-checks'].flatMap((r) => [
    `GET /api/${r}`, `POST /api/${r}`, `GET /api/${r}/{id}`, `PUT /api/${r}/{id}`, `DELETE /api/${r}/{id}`,
    `GET /api/${r}/{id}/history`,
  ]),
  'GET /api/buildings/{id}/firms', 'GET /api/buildings/{id}/plan', 'PUT /api/buildings/{id}/plan',
  'GET /api/orgs/{id}/plan', 'PUT /api/orgs/{id}/plan', 'GET /api/orgs/{id}/thread', 'GET /api/building-checks/status',
  'GET /api/assignments', 'POST /api/assignments', 'GET /api/assignments/history',
  'POST /api/assignments/{id}/end', 'GET /api/portfolio', 'GET /api/request-limits', 'PUT /api/request-limits',
  'GET /api/requests', 'POST /api/requests', 'POST /api/requests/escalate', 'GET /api/requests/{id}',
  'GET /api/requests/{id}/history', 'POST /api/requests/{id}/actions', 'POST /api/requests/{id}/files',
  'GET /api/request-files/{id}', 'GET /api/reports/service', 'GET /api/reports/service.xlsx',
];

/**
 * Operations under `paths:` of a block-style YAML document:
 * [{key: 'GET /api/x', block: 'text of the operation'}], plus per-path text.
 */
function operations(text) {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => /^paths:\s*$/.test(l));
  assert.ok(start >= 0, 'no top-level paths:');
  const ops = [];
  const pathBlocks = {};
  let pathIndent = null;
  let methodIndent = null;
  let cur = null;
  let op = null;
  for (let j = start + 1; j < lines.length; j++) {
    const line = lines[j];
    if (/^\s*(#.*)?$/.test(line)) { if (op) op.block += '\n'; continue; }
    const indent = line.match(/^ */)[0].length;
    if (indent === 0) break;
    const m = line.trim().match(/^(['"]?)([^'"]+?)\1\s*:(\s|$)/);
    if (pathIndent === null) pathIndent = indent;
    if (indent === pathIndent) {
      assert.ok(m, `cannot read path key: ${line}`);
      cur = m[2];
      assert.ok(!pathBlocks[cur], `path listed twice: ${cur}`);
      pathBlocks[cur] = '';
      methodIndent = null;
      op = null;
      continue;
    }
    pathBlocks[cur] += line + '\n';
    if (methodIndent === null) methodIndent = indent;
    if (indent === methodIndent) {
      op = null;
      if (m && METHODS.has(m[2].toLowerCase())) {
        op = { key: `${m[2].toUpperCase()} ${cur}`, block: '' };
        ops.push(op);
      }
      continue;
    }
    if (op) op.block += line + '\n';
  }
  return { ops, pathBlocks };
}

let srv;
let served;
before(async () => {
  srv = await startServer();
  served = await fetch(`${srv.url}/api/openapi.yaml`);
});
after(async () => { await srv?.stop(); });

const docText = () => readFileSync(path.join(REPO, 'docs', 'api.yaml'), 'utf8');

test('GET /api/openapi.yaml answers 200 text without login, the content of docs/api.yaml', async () => {
  assert.equal(served.status, 200);
  assert.match(served.headers.get('content-type') || '', /yaml|text\//);
  const body = await served.text();
  assert.match(body, /^openapi: 3\.0\.3$/m);
  assert.equal(body, docText(), 'the served document differs from docs/api.yaml');
});

test('docs/api.yaml describes exactly the endpoints of the contract', () => {
  const { ops, pathBlocks } = operations(docText());
  const keys = ops.map((o) => o.key);
  assert.equal(new Set(keys).size, keys.length, 'an operation is listed twice');
  assert.deepEqual([...keys].sort(), [...CONTRACT].sort());
  for (const o of ops) {
    assert.match(o.block, /^\s+responses:\s*$/m, `${o.key} has no responses`);
    assert.match(o.block, /^\s+operationId:\s*\S+/m, `${o.key} has no operationId`);
  }
  for (const [p, block] of Object.entries(pathBlocks)) {
    if (p.includes('{id}')) assert.match(block, /parameters:/, `${p} does not declare {id}`);
    assert.ok(!/:id\b|<id>/.test(p), `${p}: path parameters are written {id}`);
  }
  const doc = docText();
  for (const s of ['securitySchemes:', 'zd_session', 'X-CSRF-Token', 'Error:']) {
    assert.ok(doc.includes(s), `docs/api.yaml lacks ${s}`);
  }
});

test('the server\'s route table equals the paths of the OpenAPI document', async () => {
  const r = await runBin(['routes']);
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.split('\n').map((l) => l.trim()).filter(Boolean);
  for (const l of lines) assert.match(l, /^[A-Z]+ \/api\/\S*(\s|$)/, `route line: ${l}`);
  // the first two words of a line are the method and the path
  const routes = new Set(lines.map((l) => l.split(/\s+/).slice(0, 2).join(' ')));
  assert.equal(routes.size, lines.length, 'a route is listed twice');
  const docOps = new Set(operations(docText()).ops.map((o) => o.key));
  const missingInDoc = [...routes].filter((x) => !docOps.has(x)).sort();
  const missingInServer = [...docOps].filter((x) => !routes.has(x)).sort();
  assert.deepEqual({ missingInDoc, missingInServer }, { missingInDoc: [], missingInServer: [] });
});

test('zonedesk routes prints one `METHOD /api/path/{id}` per line', async () => {
  const r = await runBin(['routes']);
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.split('\n').filter((l) => l.trim());
  const odd = lines.filter((l) => !/^[A-Z]+ \/api\/\S*$/.test(l));
  assert.deepEqual(odd, [], 'lines not of the form `METHOD /api/path/{id}`');
});

/**
 * A real LRS for the browser tests: the `xapi-statements` package, started on 127.0.0.1 on a free port
 * when the test run starts and stopped when it ends. In front of it, a small proxy of our own (also on
 * loopback) injects the faults a learner's network and a busy LRS produce: 5xx, 429 with Retry-After,
 * a connection dropped after the LRS stored a batch, an LRS that is down, a bearer token check.
 * Tests drive it with `lrs:*` server commands (see test/helpers/lrs.ts).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const BASIC = `Basic ${Buffer.from('test:test').toString('base64')}`;

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts xapi-statements bound to loopback; resolves once it answers. */
export async function startLrs() {
  const port = await freePort();
  const storageDir = mkdtempSync(join(tmpdir(), 'lms-kit-lrs-'));
  const child = spawn(
    process.execPath,
    ['-r', join(root, 'test/server/loopback.cjs'), join(root, 'node_modules/xapi-statements/dist/server.js')],
    {
      cwd: storageDir,
      env: {
        PATH: process.env.PATH,
        EXPRESS_PORT: String(port),
        AUTH_REPO: 'test',
        EVENTS_REPO: 'test',
        MODELS_REPO: 'memory',
        STORAGE_REPO: 'local',
        FS_LOCAL_STORAGE_DIR: storageDir,
        EXPRESS_MORGAN_DIRECTORY: join(storageDir, 'accessLogs'),
        EXPRESS_BODY_PARSER_LIMIT: '20mb',
        WINSTON_CONSOLE_LEVEL: 'error',
        NODE_NO_WARNINGS: '1',
        AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE: '1',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  const killOnExit = () => child.kill();
  process.once('exit', killOnExit);
  let log = '';
  child.stderr.on('data', (chunk) => (log = (log + chunk).slice(-4000)));
  const origin = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`The test LRS exited (${child.exitCode}):\n${log}`);
    try {
      const response = await fetch(`${origin}/xAPI/about`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (i > 300) throw new Error(`The test LRS did not start:\n${log}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    origin,
    endpoint: `${origin}/xAPI/`,
    async stop() {
      process.off('exit', killOnExit);
      child.kill();
      await new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', resolve)));
      rmSync(storageDir, { recursive: true, force: true });
    },
  };
}

/** Every statement the LRS holds for a registration, paging through `more`. */
export async function statementsOf(lrs, registration) {
  const found = [];
  let url = `${lrs.origin}/xAPI/statements?registration=${encodeURIComponent(registration)}&limit=1000`;
  while (url) {
    const response = await fetch(url, { headers: { Authorization: BASIC, 'X-Experience-API-Version': '1.0.3' } });
    if (!response.ok) throw new Error(`LRS query failed: ${response.status} ${await response.text()}`);
    const body = await response.json();
    found.push(...body.statements);
    url = body.more ? new URL(body.more, lrs.origin).href : '';
  }
  return found;
}

/**
 * The fault-injecting proxy. `faults` is a queue: each POST to /statements takes the first fault
 * (if any) and applies it; `down` refuses everything until cleared.
 */
export async function startProxy(lrs) {
  const state = { faults: [], down: false, requests: [], bearer: undefined, documents: new Map() };
  const cors = (req) => ({
    'access-control-allow-origin': req.headers.origin ?? '*',
    'access-control-allow-credentials': 'true',
    'access-control-expose-headers': 'Retry-After, ETag',
  });
  const server = http.createServer((req, res) => {
    if (state.down) {
      req.socket.destroy();
      return;
    }
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        ...cors(req),
        'Access-Control-Allow-Methods': 'GET,HEAD,PUT,POST,DELETE',
        'Access-Control-Allow-Headers': req.headers['access-control-request-headers'] ?? '*',
        'Access-Control-Max-Age': '600',
      });
      res.end();
      return;
    }
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      if (documentsResource(req.url)) {
        answerDocument(state.documents, req, body, cors(req), res);
        return;
      }
      const isPost = req.method === 'POST' && /\/statements$/.test(req.url.split('?')[0]);
      const headers = { ...req.headers };
      if (isPost)
        state.requests.push({ version: headers['x-experience-api-version'], authorization: headers.authorization, count: safeCount(body) });
      if (state.bearer !== undefined) {
        if (headers.authorization !== `Bearer ${state.bearer}`) {
          res.writeHead(401, { ...cors(req), 'Content-Type': 'application/json' });
          res.end(JSON.stringify({ message: 'Unknown token' }));
          return;
        }
        headers.authorization = BASIC;
      }
      // The LRS under test speaks 1.0.x; version 2.0 is checked at the proxy (recorded above).
      if (headers['x-experience-api-version'] === '2.0.0') headers['x-experience-api-version'] = '1.0.3';
      const fault = isPost ? state.faults.shift() : undefined;
      if (fault?.type === 'status') {
        res.writeHead(fault.status, {
          ...cors(req),
          'Content-Type': 'application/json',
          ...(fault.retryAfter !== undefined ? { 'Retry-After': String(fault.retryAfter) } : {}),
        });
        res.end(JSON.stringify({ message: fault.message ?? `Injected ${fault.status}` }));
        return;
      }
      const upstream = http.request(
        new URL(req.url.replace(/^\/xAPI/, '/xAPI'), lrs.origin),
        { method: req.method, headers: { ...headers, host: new URL(lrs.origin).host, 'content-length': body.length } },
        (answer) => {
          if (fault?.type === 'drop') {
            // The LRS stored the batch, but its answer never reaches the browser.
            answer.resume();
            answer.on('end', () => req.socket.destroy());
            return;
          }
          const answerHeaders = Object.fromEntries(Object.entries(answer.headers).filter(([name]) => !name.startsWith('access-control-')));
          res.writeHead(answer.statusCode, { ...answerHeaders, ...cors(req) });
          answer.pipe(res);
        },
      );
      upstream.on('error', () => req.socket.destroy());
      upstream.end(body);
    });
  });
  const port = await freePort();
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    state,
    endpoint: `http://127.0.0.1:${port}/xAPI/`,
    reset() {
      state.faults = [];
      state.down = false;
      state.requests = [];
      state.bearer = undefined;
      state.documents.clear();
    },
    stop: () => new Promise((resolve) => server.close(resolve)),
  };
}

/**
 * xapi-statements has no State or Agent Profile resource: the proxy keeps those documents itself, in
 * memory (xAPI 1.0.3 §2.3–2.6: PUT stores, GET reads, DELETE removes, keyed by the query that names
 * them), so tests can check what the LMS writes there.
 */
function documentsResource(url) {
  return /^\/xAPI\/(activities\/state|agents\/profile)(\?|$)/.test(url);
}

export function documentKey(resource, params) {
  const names = resource === 'activities/state' ? ['activityId', 'agent', 'registration', 'stateId'] : ['agent', 'profileId'];
  return `${resource}|${names.map((name) => `${name}=${name === 'agent' ? agentKey(params.get(name)) : (params.get(name) ?? '')}`).join('|')}`;
}

function agentKey(json) {
  try {
    const agent = JSON.parse(json ?? '');
    return agent.account ? `${agent.account.homePage}|${agent.account.name}` : (agent.mbox ?? agent.openid ?? agent.mbox_sha1sum ?? '');
  } catch {
    return '';
  }
}

function answerDocument(documents, req, body, corsHeaders, res) {
  const url = new URL(req.url, 'http://lrs');
  const resource = url.pathname.slice('/xAPI/'.length);
  const send = (status, payload, type = 'application/json') => {
    res.writeHead(status, { ...corsHeaders, 'X-Experience-API-Version': '1.0.3', ...(payload ? { 'Content-Type': type } : {}) });
    res.end(payload);
  };
  if (req.headers.authorization !== BASIC) return send(401, JSON.stringify({ message: 'Unknown credentials' }));
  const name = url.searchParams.get(resource === 'activities/state' ? 'stateId' : 'profileId');
  if (!name || !url.searchParams.get('agent')) return send(400, JSON.stringify({ message: 'agent and the document id are required' }));
  const key = documentKey(resource, url.searchParams);
  if (req.method === 'PUT') {
    documents.set(key, { body: body.toString('utf8'), contentType: req.headers['content-type'] ?? 'application/octet-stream' });
    return send(204);
  }
  if (req.method === 'DELETE') {
    documents.delete(key);
    return send(204);
  }
  if (req.method === 'GET') {
    const document = documents.get(key);
    return document ? send(200, document.body, document.contentType) : send(404, JSON.stringify({ message: 'No such document' }));
  }
  return send(405, JSON.stringify({ message: `${req.method} is not supported here` }));
}

function safeCount(body) {
  try {
    const parsed = JSON.parse(body.toString('utf8'));
    return Array.isArray(parsed) ? parsed.length : 1;
  } catch {
    return 0;
  }
}

/** @web/test-runner plugin: starts the LRS and the proxy with the test server, and answers `lrs:*` commands. */
export function lrsPlugin() {
  let lrs;
  let proxy;
  let starting;
  const ready = () =>
    (starting ??= (async () => {
      lrs = await startLrs();
      proxy = await startProxy(lrs);
    })());
  return {
    name: 'lms-kit-lrs',
    async serverStart() {
      await ready();
    },
    async serverStop() {
      await proxy?.stop();
      await lrs?.stop();
    },
    async executeCommand({ command, payload }) {
      if (!command.startsWith('lrs:')) return undefined;
      await ready();
      switch (command) {
        case 'lrs:info':
          return { endpoint: proxy.endpoint, direct: lrs.endpoint };
        case 'lrs:reset':
          proxy.reset();
          return true;
        case 'lrs:faults':
          proxy.state.faults.push(...payload.faults);
          return true;
        case 'lrs:down':
          proxy.state.down = payload.down;
          return true;
        case 'lrs:bearer':
          proxy.state.bearer = payload.token ?? undefined;
          return true;
        case 'lrs:requests':
          return { requests: proxy.state.requests };
        case 'lrs:document': {
          const document = proxy.state.documents.get(documentKey(payload.resource, new URLSearchParams(payload.params)));
          return document ?? null;
        }
        case 'lrs:statements': {
          const statements = await statementsOf(lrs, payload.registration);
          return { ids: statements.map((s) => s.id), verbs: statements.map((s) => s.verb.id) };
        }
        default:
          throw new Error(`Unknown LRS command ${command}`);
      }
    },
  };
}

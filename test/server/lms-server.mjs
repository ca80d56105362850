/**
 * The LMS Kit server for the browser tests, as it runs in production: `packages/server/dist/cli.js`
 * (built here with esbuild) in child processes on 127.0.0.1 and free ports, over a real PostgreSQL
 * (test/server/postgres.mjs) or over PGlite in a temporary folder. Tokens are signed here with the
 * run's secret, as a site's login would. Tests drive it with `lms-server:*` commands (test/helpers/server.ts).
 */
import { spawn } from 'node:child_process';
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { SignJWT } from 'jose';
import { buildServer } from '../../scripts/build-server.mjs';
import { freePort } from './lrs.mjs';
import { startPostgres } from './postgres.mjs';

export const secret = randomBytes(24).toString('hex');

/** Starts one server process; resolves with its URL once it listens. */
export async function spawnServer(cli, env, nodeArgs = []) {
  const child = spawn(process.execPath, [...nodeArgs, cli], {
    env: {
      PATH: process.env.PATH,
      LMS_JWT_SECRET: secret,
      LMS_CORS_ORIGINS: '*',
      PORT: '0',
      HOST: '127.0.0.1',
      LMS_FORWARD_INTERVAL_MS: '200',
      // Tests run the reminder job themselves (POST /v1/reminders/run), so counts are theirs alone.
      LMS_REMINDERS_MINUTES: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return watchServerProcess(child, /listening on (\S+)/, 'The LMS server');
}

/**
 * Waits for a server started as a child process to print its URL (`announce`'s first group); `stop()`
 * ends it, and so does this process's exit. Its last stderr is in the error if it exits first.
 */
async function watchServerProcess(child, announce, name) {
  const kill = () => child.kill();
  process.once('exit', kill);
  let log = '';
  child.stderr.on('data', (chunk) => (log = (log + chunk).slice(-4000)));
  const url = await new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      const match = announce.exec(String(chunk));
      if (match) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`${name} exited (${code}):\n${log}`)));
  });
  return {
    url,
    async stop() {
      process.off('exit', kill);
      if (child.exitCode === null) {
        child.kill();
        await new Promise((resolve) => child.once('exit', resolve));
      }
    },
  };
}

export function signToken(claims, expiresIn = '1h') {
  const { sub, ...rest } = claims;
  return new SignJWT(rest)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(sub)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(secret));
}

/**
 * A proxy of our own in front of a server, for the faults a learner's network makes: `down` drops every
 * connection (offline), `dropAfterStore` forwards the next N writes and drops the connection before
 * the answer reaches the page (the server stored them; the page does not know).
 */
export async function startFaultProxy(target) {
  const state = { down: false, dropAfterStore: 0, forwarded: 0 };
  const server = http.createServer((req, res) => {
    if (state.down) return req.socket.destroy();
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const write = req.method !== 'GET' && req.method !== 'OPTIONS';
      const drop = write && state.dropAfterStore > 0 && state.dropAfterStore--;
      const upstream = http.request(
        new URL(req.url, target),
        { method: req.method, headers: { ...req.headers, host: new URL(target).host } },
        (answer) => {
          state.forwarded++;
          if (drop) {
            answer.resume();
            answer.on('end', () => req.socket.destroy());
            return;
          }
          res.writeHead(answer.statusCode, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on('error', () => req.socket.destroy());
      upstream.end(body);
    });
  });
  const port = await freePort();
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${port}`, state, stop: () => new Promise((resolve) => server.close(resolve)) };
}

/** The staff demo on a free port and a temporary database; the elements bundled by esbuild when there is no build. */
async function startDemo() {
  const dir = mkdtempSync(join(tmpdir(), 'lms-kit-demo-'));
  const elementsBundle = join(dir, 'lms-kit.js');
  await build({
    entryPoints: ['packages/elements/src/all.ts'],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    conditions: ['source'],
    tsconfig: 'tsconfig.base.json',
    outfile: elementsBundle,
    logLevel: 'error',
  });
  // As `npm run demo:server` runs it: its own process (PGlite would hold this one's event loop while it starts).
  const child = spawn(process.execPath, ['scripts/serve-demo-server.mjs'], {
    env: {
      PATH: process.env.PATH,
      PORT: '0',
      LMS_DATA_DIR: join(dir, 'data'),
      LMS_DEMO_ELEMENTS_BUNDLE: elementsBundle,
      LMS_DEMO_SEED: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const { url, stop } = await watchServerProcess(child, /full stack: (http:\/\/[^/\s]+)/, 'The demo server');
  return {
    url,
    async close() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** @web/test-runner plugin: servers start on first use (a run that needs none starts none). */
export function lmsServerPlugin() {
  const started = new Map();
  const cleanups = [];
  const proxies = new Map();
  const captures = new Map();
  let demo;
  let cli;
  let postgres;
  const serversOf = (backend, instances) =>
    started.get(`${backend}:${instances}`) ??
    started
      .set(
        `${backend}:${instances}`,
        (async () => {
          cli ??= buildServer();
          const path = await cli;
          let env;
          if (backend === 'postgres') {
            postgres ??= startPostgres().then((pg) => (cleanups.push(() => pg.stop()), pg));
            env = { DATABASE_URL: await (await postgres).database(`lms_${instances}_${Date.now()}`) };
          } else {
            const dataDir = mkdtempSync(join(tmpdir(), 'lms-kit-pglite-'));
            cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
            env = { LMS_DATA_DIR: dataDir };
          }
          // Instances start one after the other: the second finds the migrations applied.
          const servers = [];
          for (let i = 0; i < instances; i++) servers.push(await spawnServer(path, env));
          cleanups.unshift(...servers.map((s) => () => s.stop()));
          return servers.map((s) => s.url);
        })(),
      )
      .get(`${backend}:${instances}`);
  return {
    name: 'lms-kit-server',
    async serverStop() {
      for (const cleanup of cleanups) await cleanup();
    },
    async executeCommand({ command, payload, session }) {
      if (!command.startsWith('lms-server:')) return undefined;
      switch (command) {
        case 'lms-server:capture': {
          // Every response the test page receives from `prefix`, bodies included, as Chromium saw them.
          const page = session.browser.getPage(session.id);
          const bodies = [];
          page.on('response', (response) => {
            if (response.url().startsWith(payload.prefix))
              bodies.push(
                response.text().then(
                  (body) => ({ url: response.url(), method: response.request().method(), status: response.status(), body }),
                  () => ({ url: response.url(), method: response.request().method(), status: response.status(), body: '' }),
                ),
              );
          });
          captures.set(payload.prefix, bodies);
          return { capturing: true };
        }
        case 'lms-server:captured':
          return { responses: await Promise.all(captures.get(payload.prefix) ?? []) };
        case 'lms-server:start': {
          // Commands time out after 20 s and a first start can take longer: answer "pending" and let the page ask again.
          const servers = serversOf(payload.backend, payload.instances ?? 1);
          const ready = await Promise.race([servers, new Promise((resolve) => setTimeout(resolve, 10_000, 'pending'))]);
          return ready === 'pending' ? { pending: true } : { urls: ready };
        }
        case 'lms-server:proxy': {
          const proxy = await startFaultProxy(payload.target);
          proxies.set(proxy.url, proxy);
          cleanups.unshift(() => proxy.stop());
          return { url: proxy.url };
        }
        case 'lms-server:proxy-faults':
          Object.assign(proxies.get(payload.url).state, payload.faults);
          return { state: proxies.get(payload.url).state };
        case 'lms-server:demo': {
          // `npm run demo:server` as a learner, an instructor and an admin meet it (pending while it builds).
          demo ??= startDemo().then((d) => (cleanups.unshift(() => d.close()), d));
          const ready = await Promise.race([demo, new Promise((resolve) => setTimeout(resolve, 10_000, 'pending'))]);
          return ready === 'pending' ? { pending: true } : { url: ready.url };
        }
        case 'lms-server:token':
          return { token: await signToken(payload.claims, payload.expiresIn) };
        default:
          throw new Error(`Unknown LMS server command ${command}`);
      }
    },
  };
}

/**
 * `npm run demo:server`: the full stack on one machine with nothing installed. The LMS Kit server on
 * the embedded database (PGlite in ./lms-data/demo), the demo's static files, and a tiny sign-in that
 * issues tokens for three demo users, as a site's own login would (learner, instructor, admin).
 */
import { createServer } from 'node:http';
import { randomBytes } from 'node:crypto';
import { build } from 'esbuild';
import { SignJWT } from 'jose';
import { buildServer } from './build-server.mjs';
import { seedDemo } from './seed-demo.mjs';
import { startStaticServer } from './static-server.mjs';

const host = '127.0.0.1';
const port = Number(process.env.PORT ?? 8000);
const secret = process.env.LMS_JWT_SECRET ?? randomBytes(32).toString('hex');
const tenant = 'northwind-bakery';
const USERS = {
  learner: { sub: 'mailto:jamie@northwind-bakery.example', name: 'Jamie Rivera', roles: ['learner'] },
  instructor: { sub: 'mailto:morgan@northwind-bakery.example', name: 'Morgan Lee', roles: ['instructor'] },
  admin: { sub: 'mailto:alex@northwind-bakery.example', name: 'Alex Kim', roles: ['admin'] },
};

const sign = ({ sub, ...claims }) =>
  new SignJWT({ ...claims, tenant, email: sub.slice('mailto:'.length) })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(sub)
    .setExpirationTime('2h')
    .sign(new TextEncoder().encode(secret));

// The page's HTTP storage, bundled for the browser (the demo's other elements come from dist/lms-kit.js).
await build({
  stdin: {
    contents: `export { HttpStorageAdapter, OfflineFirstStorage } from '@lms-kit/storage/http'; export { DexieAdapter } from '@lms-kit/storage/dexie';`,
    resolveDir: process.cwd(),
  },
  bundle: true,
  format: 'esm',
  minify: true,
  conditions: ['source'],
  outfile: 'dist/lms-kit-server-storage.js',
  logLevel: 'error',
});
await buildServer();
const { startServer } = await import('../packages/server/dist/index.js');
const pageOrigin = `http://${host}:${port}`;
const lms = await startServer({ dataDir: './lms-data/demo', auth: { secret }, corsOrigins: [pageOrigin], host, port: 0 });

// The intranet's set-up, as its admin would do it: a group taught by Morgan, enrolled in the course.
const admin = await sign(USERS.admin);
const api = (method, path, body) =>
  fetch(`${lms.url}/${path}`, {
    method,
    headers: { Authorization: `Bearer ${admin}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
// ~200 colleagues with varied progress, so catalog, dashboards and reports have something to show (once per data folder).
const seeded = await api('GET', 'v1/values/demo-seed');
if (seeded.status === 404 || process.env.LMS_DEMO_RESEED) {
  console.log('Seeding the demo tenant (about 200 learners)…');
  await seedDemo({ url: lms.url, token: admin, log: console.log });
  await api('PUT', 'v1/values/demo-seed', { value: { seededAt: new Date().toISOString() } });
}
await api('PUT', 'v1/groups/kitchen', { name: 'Kitchen team' });
await api('PUT', `v1/groups/kitchen/members/${encodeURIComponent(USERS.learner.sub)}`, {});
await api('PUT', `v1/groups/kitchen/members/${encodeURIComponent(USERS.instructor.sub)}`, { role: 'instructor' });
await api('PUT', 'v1/courses/food-safety-basics', { title: 'Food safety basics', instructors: [USERS.instructor.sub] });
await api('POST', 'v1/enrollments', {
  courseId: 'food-safety-basics',
  groupId: 'kitchen',
  dueAt: new Date(Date.now() + 14 * 86_400_000).toISOString(),
});

// The "site login": /demo-sign-in?as=learner answers a token and the server's URL.
const staticServer = await startStaticServer({ port: 0, host });
const staticOrigin = `http://${host}:${staticServer.address().port}`;
createServer(async (request, response) => {
  const url = new URL(request.url, pageOrigin);
  if (url.pathname === '/demo-sign-in') {
    const user = USERS[url.searchParams.get('as')];
    if (!user) return response.writeHead(404).end();
    response.writeHead(200, { 'Content-Type': 'application/json' });
    return response.end(JSON.stringify({ token: await sign(user), server: lms.url, user: { ...user, email: user.sub.slice(7) } }));
  }
  // Everything else: the static demo.
  const upstream = await fetch(staticOrigin + url.pathname + url.search, { headers: { range: request.headers.range ?? '' } });
  response.writeHead(upstream.status, Object.fromEntries(upstream.headers));
  response.end(Buffer.from(await upstream.arrayBuffer()));
}).listen(port, host, () =>
  console.log(
    `\nLMS Kit full stack: ${pageOrigin}/demo/staff.html  (server of record ${lms.url}, data in ./lms-data/demo)\n(Ctrl+C to stop)`,
  ),
);

/**
 * `npm run demo:server`: the full stack on one machine with nothing installed. The LMS Kit server on
 * the embedded database (PGlite in ./lms-data/demo), the demo's static files, and a tiny sign-in that
 * issues tokens for three demo users, as a site's own login would (learner, instructor, admin).
 */
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { build } from 'esbuild';
import { SignJWT } from 'jose';
import { buildServer } from './build-server.mjs';
import { portProblem } from './check-port.mjs';
import { seedDemo } from './seed-demo.mjs';
import { startStaticServer } from './static-server.mjs';

const host = '127.0.0.1';
const tenant = 'northwind-bakery';
export const DEMO_USERS = {
  learner: { sub: 'mailto:jamie@northwind-bakery.example', name: 'Jamie Rivera', roles: ['learner'] },
  instructor: { sub: 'mailto:morgan@northwind-bakery.example', name: 'Morgan Lee', roles: ['instructor'] },
  admin: { sub: 'mailto:alex@northwind-bakery.example', name: 'Alex Kim', roles: ['admin'] },
};
/** A learner of another team, with some progress: the admin sees them, the kitchen team's instructor does not. */
const OTHER_LEARNER = 'mailto:sam@northwind-bakery.example';

/** Colleagues who chose to be on the leaderboard (one under a pseudonym), with this week's points. */
const LEADERBOARD_COLLEAGUES = [
  { name: 'Priya Shah', pseudonym: null, points: [30, 25, 20] },
  { name: 'Tom Becker', pseudonym: 'Sourdough Tom', points: [30, 10] },
  { name: 'Ana Lima', pseudonym: null, points: [30, 10] },
  { name: 'Kofi Mensah', pseudonym: null, points: [10] },
];

/**
 * Starts the full-stack demo; resolves to its page origin and a `close()`. `elementsBundle`: a file to
 * serve as `dist/lms-kit.js` (tests, before any `npm run build`); `seed`: add the ~200 seeded colleagues.
 */
export async function startDemoServer({ port = 8000, dataDir, secret, elementsBundle, seed = false } = {}) {
  dataDir ??= './lms-data/demo';
  secret ??= randomBytes(32).toString('hex');
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
  const server = createServer();
  await new Promise((resolve, reject) => server.once('error', reject).listen(port, host, resolve));
  const pageOrigin = `http://${host}:${server.address().port}`;
  const lms = await startServer({ dataDir, auth: { secret }, corsOrigins: [pageOrigin], host, port: 0 });

  // The intranet's set-up, as its admin would do it: a group taught by Morgan, enrolled in the course.
  const admin = await sign(DEMO_USERS.admin);
  const api = async (method, path, body) => {
    const response = await fetch(`${lms.url}/${path}`, {
      method,
      headers: { Authorization: `Bearer ${admin}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`Demo set-up: ${method} ${path} answered ${response.status}: ${await response.text()}`);
  };
  // ~200 colleagues with varied progress, so catalog, dashboards and reports have something to show (once per data folder).
  const seeded = await fetch(`${lms.url}/v1/values/demo-seed`, { headers: { Authorization: `Bearer ${admin}` } });
  if (seed && (seeded.status === 404 || process.env.LMS_DEMO_RESEED)) {
    console.log('Seeding the demo tenant (about 200 learners)…');
    await seedDemo({ url: lms.url, token: admin, log: console.log });
    await api('PUT', 'v1/values/demo-seed', { value: { seededAt: new Date().toISOString() } });
  }
  await api('PUT', 'v1/groups/kitchen', { name: 'Kitchen team' });
  await api('PUT', `v1/groups/kitchen/members/${encodeURIComponent(DEMO_USERS.learner.sub)}`, {});
  await api('PUT', `v1/groups/kitchen/members/${encodeURIComponent(DEMO_USERS.instructor.sub)}`, { role: 'instructor' });
  await api('PUT', 'v1/courses/food-safety-basics', { title: 'Food safety basics', instructors: [] });
  // The course in the catalog even when the colleagues are not seeded (the seed adds the other courses).
  const catalog = JSON.parse(readFileSync(new URL('../demo/catalog.json', import.meta.url), 'utf8'));
  await api(
    'PUT',
    'v1/catalog/food-safety-basics',
    catalog.courses.find((course) => course.id === 'food-safety-basics'),
  );
  await api('POST', 'v1/enrollments', {
    courseId: 'food-safety-basics',
    groupId: 'kitchen',
    dueAt: new Date(Date.now() + 14 * 86_400_000).toISOString(),
  });
  await api('POST', 'v1/enrollments', { courseId: 'food-safety-basics', learnerId: OTHER_LEARNER });
  const now = new Date().toISOString();
  await api('PUT', `v1/progress/${encodeURIComponent(OTHER_LEARNER)}/food-safety-basics`, {
    value: {
      learnerId: OTHER_LEARNER,
      courseId: 'food-safety-basics',
      registration: 'demo',
      lessons: { hygiene: { status: 'completed', openedAt: now, timeSpentMs: 240_000 } },
      timeSpentMs: 240_000,
      startedAt: now,
      updatedAt: now,
    },
  });

  await seedLeaderboard(lms.url, api, sign);

  // The "site login": /demo-sign-in?as=learner answers a token and the server's URL.
  const staticServer = await startStaticServer({ port: 0, host });
  const staticOrigin = `http://${host}:${staticServer.address().port}`;
  server.on('request', async (request, response) => {
    const url = new URL(request.url, pageOrigin);
    if (url.pathname === '/demo-sign-in') {
      const user = DEMO_USERS[url.searchParams.get('as')];
      if (!user) return response.writeHead(404).end();
      response.writeHead(200, { 'Content-Type': 'application/json' });
      return response.end(JSON.stringify({ token: await sign(user), server: lms.url, user: { ...user, email: user.sub.slice(7) } }));
    }
    if (url.pathname === '/dist/lms-kit.js' && elementsBundle && !existsSync('dist/lms-kit.js')) {
      response.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8' });
      return response.end(readFileSync(elementsBundle));
    }
    // Everything else: the static demo.
    const upstream = await fetch(staticOrigin + url.pathname + url.search, { headers: { range: request.headers.range ?? '' } });
    response.writeHead(upstream.status, Object.fromEntries(upstream.headers));
    response.end(Buffer.from(await upstream.arrayBuffer()));
  });
  return {
    url: pageOrigin,
    server: lms.url,
    async close() {
      await new Promise((resolve) => server.close(resolve));
      await new Promise((resolve) => staticServer.close(resolve));
      await lms.close();
    },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const port = Number(process.env.PORT ?? 8000);
  const demo = await startDemoServer({
    port,
    secret: process.env.LMS_JWT_SECRET,
    dataDir: process.env.LMS_DATA_DIR,
    elementsBundle: process.env.LMS_DEMO_ELEMENTS_BUNDLE,
    seed: process.env.LMS_DEMO_SEED !== '0',
  }).catch((error) => {
    console.error(portProblem(error, port, host, 'npm run demo:server') ?? error.message);
    process.exit(1);
  });
  console.log(
    `\nLMS Kit full stack: ${demo.url}/demo/staff.html  (server of record ${demo.server}, data in ${process.env.LMS_DATA_DIR ?? './lms-data/demo'})\n(Ctrl+C to stop)`,
  );
}

async function seedLeaderboard(url, api, sign) {
  await api('PUT', 'v1/tenant/settings', { leaderboard: { enabled: true } });
  // The whole bakery as a group (not enrolled in anything): Morgan sees its board by name.
  await api('PUT', 'v1/groups/bakery', { name: 'The whole bakery' });
  await api('PUT', `v1/groups/bakery/members/${encodeURIComponent(DEMO_USERS.learner.sub)}`, {});
  await api('PUT', `v1/groups/bakery/members/${encodeURIComponent(DEMO_USERS.instructor.sub)}`, { role: 'instructor' });
  const awardedAt = new Date().toISOString();
  for (const colleague of LEADERBOARD_COLLEAGUES) {
    const sub = `mailto:${colleague.name.split(' ')[0].toLowerCase()}@northwind-bakery.example`;
    const token = await sign({ sub, name: colleague.name, roles: ['learner'] });
    const as = (method, path, body) =>
      fetch(`${url}/${path}`, {
        method,
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      }).then(async (response) => {
        if (!response.ok) throw new Error(`Demo set-up: ${method} ${path} answered ${response.status}: ${await response.text()}`);
      });
    // Each award as the page's points ledger writes it: its id made from learner, reason and source.
    for (const [i, points] of colleague.points.entries()) {
      const source = `food-safety-basics/lesson-${i + 1}`;
      const id = `${sub}|lesson-completed|${source}`;
      const award = { id, learnerId: sub, reason: 'lesson-completed', source, courseId: 'food-safety-basics', points, awardedAt };
      await as('PUT', `v1/records/points/${encodeURIComponent(id)}`, award);
    }
    await as('PUT', 'v1/leaderboard/me', { optIn: true, ...(colleague.pseudonym ? { pseudonym: colleague.pseudonym } : {}) });
    await api('PUT', `v1/groups/bakery/members/${encodeURIComponent(sub)}`, {});
  }
}

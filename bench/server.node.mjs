/**
 * The server of record on a real PostgreSQL (Debian's, started on loopback as in the tests):
 * - load: SERVER_BENCH_LEARNERS (1,000) learners × 50 conditional progress writes through the HTTP API,
 *   against the same SQL writes from a plain `pg` script (same pool size, same concurrency);
 * - batch: the same number of writes sent as `POST /v1/batch` of BATCH (10) records each (one learner's
 *   progress in 10 courses, each item with its own If-Match), against the raw SQL of the same rows;
 * - a course report over 10,000 learners × 50 lessons, with the EXPLAIN plans' index use;
 * - a 10,000-row CSV import, then the same file again (idempotent: nothing changes).
 * `SERVER_BENCH_PARTS=report,import` runs only some of them.
 */
import pg from 'pg';
import { buildServer } from '../scripts/build-server.mjs';
import { signToken, spawnServer } from '../test/server/lms-server.mjs';
import { startPostgres } from '../test/server/postgres.mjs';

const LEARNERS = Number(process.env.SERVER_BENCH_LEARNERS ?? 1000);
const WRITES = 50;
const CONCURRENCY = 32;
const REPORT_LEARNERS = 10_000;
const LESSONS = 50;
/** `SERVER_BENCH_PARTS=report,import` runs only those parts. */
const PARTS = (process.env.SERVER_BENCH_PARTS ?? 'load,batch,report,import').split(',');
/** Writes per `POST /v1/batch` in the batch part: one per course, each with its own If-Match. */
const BATCH = 10;

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
const round = (n, digits = 2) => Number(n.toFixed(digits));

/** Runs `work(i)` for i in 0..count-1 with `CONCURRENCY` at a time; answers each call's latency in ms. */
async function pool(count, work) {
  const latencies = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) {
        const i = next++;
        for (let w = 0; w < WRITES; w++) {
          const start = performance.now();
          await work(i, w);
          latencies.push(performance.now() - start);
        }
      }
    }),
  );
  return latencies.sort((a, b) => a - b);
}

const progressOf = (learnerId, w) => ({
  learnerId,
  courseId: 'food-safety',
  registration: 'r',
  lessons: { [`l${w % LESSONS}`]: { status: 'completed', openedAt: '2026-01-01T00:00:00Z', timeSpentMs: w } },
  timeSpentMs: w,
  startedAt: '2026-01-01T00:00:00Z',
  updatedAt: new Date().toISOString(),
});

export default async function run() {
  const postgres = await startPostgres();
  const cli = await buildServer();
  const results = [];
  try {
    const url = await postgres.database('bench');
    // SERVER_BENCH_CPU_PROF=<dir>: the server writes a CPU profile there when it stops (open it in Chrome's DevTools).
    const profile = process.env.SERVER_BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.SERVER_BENCH_CPU_PROF}`] : [];
    const server = await spawnServer(cli, { DATABASE_URL: url, LMS_DB_POOL: '10' }, profile);
    try {
      if (PARTS.includes('load')) results.push(...(await loadBench(server.url, url)));
      if (PARTS.includes('batch')) results.push(...(await batchBench(server.url, url)));
      if (PARTS.includes('report')) results.push(...(await reportBench(server.url, url)));
      if (PARTS.includes('import')) results.push(...(await importBench(server.url)));
    } finally {
      await server.stop();
    }
  } finally {
    postgres.stop();
  }
  return results;
}

async function loadBench(base, url) {
  const tenant = 'bench-load';
  const tokens = await Promise.all(Array.from({ length: LEARNERS }, (_, i) => signToken({ sub: `mailto:l${i}@example.com`, tenant })));
  const versions = new Map();
  const t0 = performance.now();
  const http = await pool(LEARNERS, async (i, w) => {
    const learnerId = `mailto:l${i}@example.com`;
    const version = versions.get(i);
    const response = await fetch(`${base}/v1/progress/${encodeURIComponent(learnerId)}/food-safety`, {
      method: 'PUT',
      headers: {
        Authorization: `Bearer ${tokens[i]}`,
        'Content-Type': 'application/json',
        ...(version ? { 'If-Match': `"${version}"` } : { 'If-None-Match': '*' }),
      },
      body: JSON.stringify({ value: progressOf(learnerId, w) }),
    });
    if (!response.ok) throw new Error(`write failed: ${response.status} ${await response.text()}`);
    versions.set(i, (await response.json()).version);
  });
  const httpSeconds = (performance.now() - t0) / 1000;

  // The same statements the server runs for these writes, from a plain pg pool of the same size.
  const raw = new pg.Pool({ connectionString: url, max: 10 });
  const rawVersions = new Map();
  const t1 = performance.now();
  const sql = await pool(LEARNERS, async (i, w) => {
    const learnerId = `mailto:raw${i}@example.com`;
    const data = JSON.stringify(progressOf(learnerId, w));
    const version = rawVersions.get(i);
    const { rows } = version
      ? await raw.query(
          `UPDATE progress SET data = $4::jsonb, version = version + 1, updated_at = now() WHERE tenant_id = $1 AND learner_id = $2 AND course_id = $3 AND version = $5 RETURNING version`,
          ['bench-raw', learnerId, 'food-safety', data, version],
        )
      : await raw.query(
          `INSERT INTO progress (tenant_id, learner_id, course_id, data) VALUES ($1, $2, $3, $4::jsonb) ON CONFLICT DO NOTHING RETURNING version`,
          ['bench-raw', learnerId, 'food-safety', data],
        );
    rawVersions.set(i, rows[0].version);
  });
  const sqlSeconds = (performance.now() - t1) / 1000;
  await raw.query(`INSERT INTO tenants (id) VALUES ('bench-raw') ON CONFLICT DO NOTHING`);
  await raw.end();

  const writes = LEARNERS * WRITES;
  const perWriteHttp = (httpSeconds * 1000) / writes;
  const perWriteSql = (sqlSeconds * 1000) / writes;
  const note = `${LEARNERS} learners × ${WRITES} conditional writes, ${CONCURRENCY} at a time, pool 10`;
  return [
    { name: 'server: progress writes through HTTP, throughput', value: Math.round(writes / httpSeconds), unit: 'writes/s', note },
    { name: 'server: progress write latency p50', value: round(percentile(http, 0.5)), unit: 'ms' },
    { name: 'server: progress write latency p95', value: round(percentile(http, 0.95)), unit: 'ms' },
    { name: 'raw pg: same SQL writes, throughput', value: Math.round(writes / sqlSeconds), unit: 'writes/s' },
    { name: 'raw pg: write latency p50', value: round(percentile(sql, 0.5)), unit: 'ms' },
    { name: 'raw pg: write latency p95', value: round(percentile(sql, 0.95)), unit: 'ms' },
    { name: 'server cost per write ÷ raw SQL cost per write', value: round(perWriteHttp / perWriteSql), unit: '×', note: 'goal ≤ 1.5' },
  ];
}

async function reportBench(base, url) {
  const tenant = 'bench-report';
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  await db.query(`INSERT INTO tenants (id) VALUES ($1) ON CONFLICT DO NOTHING`, [tenant]);
  // 10,000 learners × 50 lessons in one course: most started, fewer reached the end, some completed with a score.
  await db.query(
    `INSERT INTO progress (tenant_id, learner_id, course_id, data)
     SELECT $1, 'mailto:r' || i || '@example.com', 'big-course',
            jsonb_build_object('learnerId', 'mailto:r' || i || '@example.com', 'courseId', 'big-course', 'registration', 'r', 'timeSpentMs', i * 37 % 600000,
              'startedAt', '2026-01-01T00:00:00Z', 'updatedAt', '2026-01-02T00:00:00Z',
              'lessons', (SELECT jsonb_object_agg('lesson-' || l, jsonb_build_object('status', CASE WHEN l < reach THEN 'completed' ELSE 'in-progress' END, 'openedAt', '2026-01-01T00:00:00Z', 'timeSpentMs', l * 1000))
                          FROM generate_series(0, reach) l))
            || CASE WHEN reach >= ${LESSONS - 1} THEN jsonb_build_object('completedAt', '2026-01-03T00:00:00Z', 'result', jsonb_build_object('completed', true, 'score', jsonb_build_object('scaled', (i % 101) / 100.0))) ELSE '{}' END
     FROM generate_series(1, ${REPORT_LEARNERS}) i, LATERAL (SELECT (i * 7919) % ${LESSONS} AS reach) r`,
    [tenant],
  );
  await db.query(
    `INSERT INTO enrollments (tenant_id, course_id, learner_id) SELECT $1, 'big-course', 'mailto:r' || i || '@example.com' FROM generate_series(1, ${REPORT_LEARNERS}) i`,
    [tenant],
  );
  await db.query('ANALYZE');
  const token = await signToken({ sub: 'mailto:admin@example.com', tenant, roles: ['admin'] });
  const timings = [];
  let summary;
  for (let i = 0; i < 6; i++) {
    const start = performance.now();
    const response = await fetch(`${base}/v1/reports/courses/big-course/summary`, { headers: { Authorization: `Bearer ${token}` } });
    summary = await response.json();
    if (i > 0) timings.push(performance.now() - start); // the first warms the caches
  }
  timings.sort((a, b) => a - b);
  const plans = [];
  for (const [label, sql] of [
    [
      'counts',
      `SELECT count(*), count(*) FILTER (WHERE completed), sum(time_spent_ms) FROM progress WHERE tenant_id = $1 AND course_id = 'big-course'`,
    ],
    [
      'per-lesson',
      `SELECT lesson_id, reached, completed, time_spent_ms FROM lesson_totals WHERE tenant_id = $1 AND course_id = 'big-course' AND reached > 0 ORDER BY lesson_id`,
    ],
    [
      'enrolled',
      `SELECT count(DISTINCT coalesce(e.learner_id, g.learner_id)) FROM enrollments e LEFT JOIN group_members g ON g.tenant_id = e.tenant_id AND g.group_id = e.group_id AND g.role = 'learner' WHERE e.tenant_id = $1 AND e.course_id = 'big-course'`,
    ],
    [
      'score buckets',
      `SELECT least(floor(score * 10), 9)::int, count(*) FROM progress WHERE tenant_id = $1 AND course_id = 'big-course' AND score IS NOT NULL GROUP BY 1`,
    ],
    [
      'page of rows',
      `SELECT learner_id FROM progress p WHERE tenant_id = $1 AND course_id = 'big-course' AND learner_id > '' ORDER BY learner_id LIMIT 100`,
    ],
  ]) {
    const { rows } = await db.query(`EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON) ${sql}`, [tenant]);
    const lines = rows.map((r) => r['QUERY PLAN']);
    const index = lines.map((l) => /(Index Only Scan|Index Scan|Bitmap Index Scan) using (\w+)/.exec(l)).find(Boolean);
    const time = lines.map((l) => /Execution Time: ([\d.]+) ms/.exec(l)).find(Boolean);
    plans.push(`${label}: ${index ? `${index[1]} using ${index[2]}` : 'no index'} (${time?.[1]} ms)`);
  }
  await db.end();
  return [
    {
      name: `report: course summary, ${REPORT_LEARNERS} learners × ${LESSONS} lessons, p50`,
      value: round(percentile(timings, 0.5)),
      unit: 'ms',
      note: `goal < 200; started ${summary.started}, completed ${summary.completed}, ${summary.lessons.length} lessons`,
    },
    { name: 'report: course summary, worst of 5', value: round(timings[timings.length - 1]), unit: 'ms', note: plans.join('; ') },
  ];
}

async function importBench(base) {
  const tenant = 'bench-import';
  const token = await signToken({ sub: 'mailto:admin@example.com', tenant, roles: ['admin'] });
  const lines = ['id,name,email,roles,groups'];
  for (let i = 0; i < 10_000; i++) lines.push(`mailto:staff${i}@example.com,Staff ${i},staff${i}@example.com,learner,team-${i % 40}`);
  const csv = lines.join('\n');
  const send = async (dryRun) => {
    const start = performance.now();
    const response = await fetch(`${base}/v1/import/users`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ csv, dryRun }),
    });
    const body = await response.json();
    if (!response.ok) throw new Error(JSON.stringify(body));
    return { ms: performance.now() - start, body };
  };
  const dry = await send(true);
  const first = await send(false);
  const second = await send(false);
  return [
    { name: 'import: 10,000 users, dry run', value: Math.round(dry.ms), unit: 'ms', note: `${dry.body.problems.length} problems` },
    {
      name: 'import: 10,000 users (and their group memberships)',
      value: Math.round(first.ms),
      unit: 'ms',
      note: `created ${first.body.created}`,
    },
    {
      name: 'import: the same file again',
      value: Math.round(second.ms),
      unit: 'ms',
      note: `created ${second.body.created}, updated ${second.body.updated}, unchanged ${second.body.unchanged}`,
    },
  ];
}

/** Each learner writes its progress in BATCH courses, BATCH writes per request, WRITES writes in all. */
async function batchBench(base, url) {
  const tenant = 'bench-batch';
  const tokens = await Promise.all(Array.from({ length: LEARNERS }, (_, i) => signToken({ sub: `mailto:b${i}@example.com`, tenant })));
  const versions = new Map();
  const requests = WRITES / BATCH;
  const batchTimes = [];
  const t0 = performance.now();
  await pool(LEARNERS, async (i, w) => {
    if (w >= requests) return;
    const started = performance.now();
    const learnerId = `mailto:b${i}@example.com`;
    const items = Array.from({ length: BATCH }, (_, c) => {
      const version = versions.get(`${i}/${c}`);
      return {
        method: 'PUT',
        path: `v1/progress/${encodeURIComponent(learnerId)}/course-${c}`,
        ...(version ? { ifMatch: `"${version}"` } : { ifNoneMatch: '*' }),
        body: { value: { ...progressOf(learnerId, w * BATCH + c), courseId: `course-${c}` } },
      };
    });
    const response = await fetch(`${base}/v1/batch`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${tokens[i]}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ items }),
    });
    if (!response.ok) throw new Error(`batch failed: ${response.status} ${await response.text()}`);
    const { results } = await response.json();
    results.forEach((r, c) => {
      if (r.status !== 200) throw new Error(`batch item failed: ${r.status} ${JSON.stringify(r.body)}`);
      versions.set(`${i}/${c}`, r.body.version);
    });
    batchTimes.push(performance.now() - started);
  });
  const httpSeconds = (performance.now() - t0) / 1000;

  const raw = new pg.Pool({ connectionString: url, max: 10 });
  const rawVersions = new Map();
  const t1 = performance.now();
  await pool(LEARNERS, async (i, w) => {
    if (w >= requests) return;
    const learnerId = `mailto:rawb${i}@example.com`;
    for (let c = 0; c < BATCH; c++) {
      const data = JSON.stringify({ ...progressOf(learnerId, w * BATCH + c), courseId: `course-${c}` });
      const version = rawVersions.get(`${i}/${c}`);
      const { rows } = version
        ? await raw.query(
            `UPDATE progress SET data = $4::jsonb, version = version + 1, updated_at = now() WHERE tenant_id = $1 AND learner_id = $2 AND course_id = $3 AND version = $5 RETURNING version`,
            ['bench-raw', learnerId, `course-${c}`, data, version],
          )
        : await raw.query(
            `INSERT INTO progress (tenant_id, learner_id, course_id, data) VALUES ($1, $2, $3, $4::jsonb) ON CONFLICT DO NOTHING RETURNING version`,
            ['bench-raw', learnerId, `course-${c}`, data],
          );
      rawVersions.set(`${i}/${c}`, rows[0].version);
    }
  });
  const sqlSeconds = (performance.now() - t1) / 1000;
  await raw.end();
  const writes = LEARNERS * WRITES;
  const note = `${LEARNERS} learners × ${requests} batches of ${BATCH} conditional writes (${BATCH} courses), ${CONCURRENCY} learners at a time, pool 10`;
  const batchLatencies = batchTimes.sort((a, b) => a - b);
  return [
    { name: 'server: batched progress writes, throughput', value: Math.round(writes / httpSeconds), unit: 'writes/s', note },
    { name: 'server: batch request latency p50', value: round(percentile(batchLatencies, 0.5)), unit: 'ms' },
    { name: 'server: batch request latency p95', value: round(percentile(batchLatencies, 0.95)), unit: 'ms' },
    { name: 'raw pg: same SQL writes of the same rows, throughput', value: Math.round(writes / sqlSeconds), unit: 'writes/s' },
    {
      name: 'server cost per batched write ÷ raw SQL cost per write',
      value: round(httpSeconds / sqlSeconds),
      unit: '×',
      note: 'goal ≤ 1.5',
    },
  ];
}

/**
 * The leaderboard on a real PostgreSQL (Debian's, started on loopback as in the tests):
 * LEADERBOARD_BENCH_LEARNERS (100,000) learners with one points award each (written through the
 * `records` trigger that keeps the totals), 80 % opted in; then the leaderboard as a learner in the
 * middle of the ranks asks for it over HTTP (top 10, rank, 2 above and below), and the EXPLAIN plans'
 * index use of its rank queries.
 * Then the reminder job over REMINDER_BENCH_ENROLLMENTS (100,000) enrollments with due dates spread over
 * ±60 days: one run that claims and posts what is due to a webhook receiver on loopback, and a second
 * run that finds everything already sent.
 */
import { createServer } from 'node:http';
import pg from 'pg';
import { buildServer } from '../scripts/build-server.mjs';
import { signToken, spawnServer } from '../test/server/lms-server.mjs';
import { startPostgres } from '../test/server/postgres.mjs';

const LEARNERS = Number(process.env.LEADERBOARD_BENCH_LEARNERS ?? 100_000);
const TENANT = 'bench-board';
const ENROLLMENTS = Number(process.env.REMINDER_BENCH_ENROLLMENTS ?? 100_000);
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
const round = (n, digits = 2) => Number(n.toFixed(digits));

export default async function run() {
  const postgres = await startPostgres();
  const cli = await buildServer();
  try {
    const url = await postgres.database('bench');
    const server = await spawnServer(cli, { DATABASE_URL: url, LMS_DB_POOL: '10' });
    try {
      const parts = (process.env.ENGAGEMENT_BENCH_PARTS ?? 'leaderboard,reminders').split(',');
      return [
        ...(parts.includes('leaderboard') ? await leaderboardBench(server.url, url) : []),
        ...(parts.includes('reminders') ? await reminderBench(server.url, url) : []),
      ];
    } finally {
      await server.stop();
    }
  } finally {
    postgres.stop();
  }
}

async function leaderboardBench(base, url) {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  await db.query(`INSERT INTO tenants (id, settings) VALUES ($1, '{"leaderboard":{"enabled":true}}')`, [TENANT]);
  await db.query(
    `INSERT INTO learners (tenant_id, id, name) SELECT $1, 'mailto:p' || i || '@example.com', 'Learner ' || i FROM generate_series(1, ${LEARNERS}) i`,
    [TENANT],
  );
  // One award each, through the trigger (site and course totals, all time, week and month); many ties.
  const t0 = performance.now();
  await db.query(
    `INSERT INTO records (tenant_id, collection, id, learner_id, course_id, owner_id, data)
     SELECT $1, 'points', l || '|lesson-completed|c1/l1', l, 'c1', l,
            jsonb_build_object('id', l || '|lesson-completed|c1/l1', 'learnerId', l, 'reason', 'lesson-completed', 'source', 'c1/l1',
                               'courseId', 'c1', 'points', (i * 7919) % 5000, 'awardedAt', now())
     FROM generate_series(1, ${LEARNERS}) i, LATERAL (SELECT 'mailto:p' || i || '@example.com' AS l) x`,
    [TENANT],
  );
  const awardSeconds = (performance.now() - t0) / 1000;
  await db.query(
    `INSERT INTO leaderboard_members (tenant_id, learner_id) SELECT $1, 'mailto:p' || i || '@example.com' FROM generate_series(1, ${LEARNERS}) i WHERE i % 5 <> 0`,
    [TENANT],
  );
  // As autovacuum would have by then: the visibility map lets rank counts read the index alone.
  await db.query('VACUUM ANALYZE points_totals');

  // A learner in the middle of the ranks.
  const { rows } = await db.query(
    `SELECT learner_id, points FROM points_totals WHERE tenant_id = $1 AND scope = '' AND period = 'all' AND visible ORDER BY points DESC OFFSET $2 LIMIT 1`,
    [TENANT, Math.floor(LEARNERS * 0.4)],
  );
  const me = rows[0];
  const token = await signToken({ sub: me.learner_id, tenant: TENANT });
  const timings = [];
  let board;
  for (let i = 0; i < 21; i++) {
    const start = performance.now();
    const response = await fetch(`${base}/v1/leaderboard?period=all&limit=10&around=2`, { headers: { Authorization: `Bearer ${token}` } });
    board = await response.json();
    if (!response.ok) throw new Error(JSON.stringify(board));
    if (i > 0) timings.push(performance.now() - start); // the first warms the caches
  }
  timings.sort((a, b) => a - b);

  const where = `tenant_id = $1 AND scope = '' AND period = 'all' AND visible`;
  const plans = [];
  for (const [label, sql, args] of [
    [
      'top 10',
      `SELECT learner_id, points, rank() OVER (ORDER BY points DESC) FROM points_totals WHERE ${where} ORDER BY points DESC, learner_id LIMIT 10`,
      [TENANT],
    ],
    ['rank (count above)', `SELECT 1 + count(*) FROM points_totals WHERE ${where} AND points > $2`, [TENANT, me.points]],
    [
      'nearby above',
      `(SELECT learner_id, points FROM points_totals WHERE ${where} AND points = $3 AND learner_id < $2 ORDER BY learner_id DESC LIMIT 2) UNION ALL (SELECT learner_id, points FROM points_totals WHERE ${where} AND points > $3 ORDER BY points, learner_id DESC LIMIT 2)`,
      [TENANT, me.learner_id, me.points],
    ],
    [
      'nearby below',
      `(SELECT learner_id, points FROM points_totals WHERE ${where} AND points = $3 AND learner_id > $2 ORDER BY learner_id LIMIT 2) UNION ALL (SELECT learner_id, points FROM points_totals WHERE ${where} AND points < $3 ORDER BY points DESC, learner_id LIMIT 2)`,
      [TENANT, me.learner_id, me.points],
    ],
  ]) {
    const { rows: plan } = await db.query(`EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON) ${sql}`, args);
    const lines = plan.map((r) => r['QUERY PLAN']);
    const index = lines.map((l) => /(Index Only Scan|Index Scan|Bitmap Index Scan)( Backward)? using (\w+)/.exec(l)).find(Boolean);
    const time = lines.map((l) => /Execution Time: ([\d.]+) ms/.exec(l)).find(Boolean);
    plans.push(`${label}: ${index ? `${index[1]}${index[2] ?? ''} using ${index[3]}` : 'no index'} (${time?.[1]} ms)`);
  }
  await db.end();
  return [
    {
      name: `leaderboard: ${LEARNERS.toLocaleString('en')} awards through the totals trigger`,
      value: round(awardSeconds, 1),
      unit: 's',
      note: `${round((awardSeconds * 1e6) / LEARNERS, 0)} µs per award (6 totals each)`,
    },
    {
      name: `leaderboard: GET /v1/leaderboard over ${LEARNERS.toLocaleString('en')} learners, p50`,
      value: round(percentile(timings, 0.5)),
      unit: 'ms',
      note: `goal < 100; you: rank ${board.you.rank} of ${Math.round(LEARNERS * 0.8)} opted in, ${board.you.points} points`,
    },
    {
      name: 'leaderboard: GET /v1/leaderboard, worst of 20',
      value: round(timings[timings.length - 1]),
      unit: 'ms',
      note: plans.join('; '),
    },
  ];
}

async function reminderBench(base, url) {
  const tenant = 'bench-remind';
  let received = 0;
  const receiver = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      received++;
      response.writeHead(204).end();
    });
  });
  await new Promise((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const webhook = `http://127.0.0.1:${receiver.address().port}/hook`;
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  await db.query(`INSERT INTO tenants (id, settings) VALUES ($1, $2)`, [tenant, JSON.stringify({ reminders: { webhook } })]);
  // Due dates spread from 60 days ago to 60 days ahead; one learner in ten completed the course.
  await db.query(
    `INSERT INTO enrollments (tenant_id, course_id, learner_id, due_at)
     SELECT $1, 'course-' || (i % 20), 'mailto:e' || i || '@example.com', now() + make_interval(hours => ((i * 7919) % 2880) - 1440)
     FROM generate_series(1, ${ENROLLMENTS}) i`,
    [tenant],
  );
  await db.query(
    `INSERT INTO progress (tenant_id, learner_id, course_id, data)
     SELECT $1, 'mailto:e' || i || '@example.com', 'course-' || (i % 20), jsonb_build_object('completedAt', now())
     FROM generate_series(1, ${ENROLLMENTS}, 10) i`,
    [tenant],
  );
  await db.query('ANALYZE');
  const token = await signToken({ sub: 'mailto:admin@example.com', tenant, roles: ['admin'] });
  const run = async () => {
    const start = performance.now();
    const response = await fetch(`${base}/v1/reminders/run`, { method: 'POST', headers: { Authorization: `Bearer ${token}` } });
    const body = await response.json();
    if (!response.ok) throw new Error(JSON.stringify(body));
    return { ms: performance.now() - start, body };
  };
  const first = await run();
  const second = await run();
  await db.end();
  receiver.close();
  return [
    {
      name: `reminders: job over ${ENROLLMENTS.toLocaleString('en')} enrollments, first run (claims and posts)`,
      value: Math.round(first.ms),
      unit: 'ms',
      note: `claimed ${first.body.claimed}, sent ${first.body.sent}, failed ${first.body.failed}; webhook received ${received}`,
    },
    {
      name: 'reminders: the same job again (everything already sent)',
      value: Math.round(second.ms),
      unit: 'ms',
      note: `claimed ${second.body.claimed}`,
    },
  ];
}

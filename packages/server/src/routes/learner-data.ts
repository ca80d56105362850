/** What `HttpStorageAdapter` reads and writes: one learner's progress, lesson states, attempts, values, records and outbox. */
import { assertCanRead, assertCanWrite, isAdmin, teaches } from '../access.js';
import type { Identity } from '../auth.js';
import type { Queryable } from '../db.js';
import { route } from '../api.js';
import { answerVersioned, answerWritten, precondition, readDocument, writeDocument, type DocumentTable } from '../documents.js';
import { HttpError, notFound } from '../errors.js';
import { data, items, one } from '../queries.js';
import { publicAttempt, type ServerAttempt } from '../quizzes/attempts.js';
import * as s from '../schemas.js';

const PROGRESS: DocumentTable = { table: 'progress', keys: ['learner_id', 'course_id'] };
const LESSON_STATES: DocumentTable = { table: 'lesson_states', keys: ['learner_id', 'course_id', 'lesson_id'] };

function sameKey(value: Record<string, unknown>, expected: Record<string, string>): void {
  for (const [field, wanted] of Object.entries(expected))
    if (value[field] !== wanted) throw new HttpError(400, 'storage/invalid-record', `The record's ${field} is not the one in the URL.`);
}

export const learnerDataRoutes = [
  route({
    method: 'get',
    path: '/v1/progress/:learner/:course',
    tag: 'progress',
    summary: 'One learner’s progress in one course, with its version (ETag).',
    async handler({ c, db, who, params }) {
      await assertCanRead(db, who, params.learner);
      const doc = await readDocument(db, PROGRESS, [who.tenant, params.learner, params.course]);
      if (!doc) throw notFound('This progress');
      return answerVersioned(c, doc);
    },
  }),
  route({
    method: 'put',
    path: '/v1/progress/:learner/:course',
    tag: 'progress',
    summary:
      'Writes progress and answers its new `{ version }`; `If-Match: "<version>"` (or `If-None-Match: *`) makes it conditional, 412 with the current record otherwise.',
    body: s.progressBody,
    async handler({ c, db, who, params, body }) {
      assertCanWrite(who, params.learner);
      sameKey(body.value, { learnerId: params.learner, courseId: params.course });
      return answerWritten(c, await writeDocument(db, PROGRESS, [who.tenant, params.learner, params.course], body.value, precondition(c)));
    },
  }),
  route({
    method: 'get',
    path: '/v1/progress',
    tag: 'progress',
    summary: 'Every course’s progress of one learner.',
    query: s.learnerQuery,
    async handler({ db, who, query }) {
      await assertCanRead(db, who, query.learner);
      return items(
        db,
        'SELECT data FROM progress WHERE tenant_id = $1 AND learner_id = $2 ORDER BY course_id',
        [who.tenant, query.learner],
        data,
      );
    },
  }),
  route({
    method: 'get',
    path: '/v1/lesson-states/:learner/:course/:lesson',
    tag: 'progress',
    summary: 'A learner’s place in one lesson (video position, SCORM suspend data…), with its version.',
    async handler({ c, db, who, params }) {
      await assertCanRead(db, who, params.learner);
      const doc = await readDocument(db, LESSON_STATES, [who.tenant, params.learner, params.course, params.lesson]);
      if (!doc) throw notFound('This lesson state');
      return answerVersioned(c, doc);
    },
  }),
  route({
    method: 'put',
    path: '/v1/lesson-states/:learner/:course/:lesson',
    tag: 'progress',
    summary: 'Writes a lesson state, conditional like progress.',
    body: s.lessonStateBody,
    async handler({ c, db, who, params, body }) {
      assertCanWrite(who, params.learner);
      sameKey(body.value, { learnerId: params.learner, courseId: params.course, lessonId: params.lesson });
      const key = [who.tenant, params.learner, params.course, params.lesson];
      return answerWritten(c, await writeDocument(db, LESSON_STATES, key, body.value, precondition(c)));
    },
  }),
  route({
    method: 'put',
    path: '/v1/attempts/:id',
    tag: 'attempts',
    summary: 'Stores an attempt (the learner’s own; an instructor who teaches the learner may grade it).',
    body: s.attemptBody,
    async handler({ db, who, params, body }) {
      if (body.id !== params.id) throw new HttpError(400, 'storage/invalid-record', 'The attempt id is not the one in the URL.');
      const { rows } = await db.query<{ learner_id: string; server: boolean }>(
        `SELECT learner_id, data->>'grading' = 'server' AS server FROM attempts WHERE tenant_id = $1 AND id = $2`,
        [who.tenant, params.id],
      );
      // A server-graded attempt is the server's to write: the learner answers through the quiz routes.
      const serverGraded = body.grading === 'server' || rows.some((r) => r.server);
      for (const learner of new Set([body.learnerId, ...rows.map((r) => r.learner_id)])) {
        if ((learner !== who.sub || serverGraded) && !isAdmin(who)) await assertGrader(db, who, learner);
      }
      await db.query(
        `INSERT INTO attempts (tenant_id, id, learner_id, course_id, activity_id, started_at, data) VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)
         ON CONFLICT (tenant_id, id) DO UPDATE SET learner_id = EXCLUDED.learner_id, course_id = EXCLUDED.course_id,
           activity_id = EXCLUDED.activity_id, started_at = EXCLUDED.started_at, data = EXCLUDED.data, version = attempts.version + 1`,
        [who.tenant, body.id, body.learnerId, body.courseId, body.activityId, body.startedAt, JSON.stringify(body)],
      );
      return undefined;
    },
  }),
  route({
    method: 'get',
    path: '/v1/attempts/:id',
    tag: 'attempts',
    summary: 'One attempt.',
    async handler({ db, who, params }) {
      const row = await one<{ data: StoredAttempt; learner_id: string }>(
        db,
        'SELECT data, learner_id FROM attempts WHERE tenant_id = $1 AND id = $2',
        [who.tenant, params.id],
        'This attempt',
      );
      await assertCanRead(db, who, row.learner_id);
      return asSeenBy(who, row.data);
    },
  }),
  route({
    method: 'get',
    path: '/v1/attempts',
    tag: 'attempts',
    summary: 'A learner’s attempts, by course and/or activity, oldest first.',
    query: s.attemptQuery,
    async handler({ db, who, query }) {
      await assertCanRead(db, who, query.learner);
      return items<{ data: StoredAttempt }>(
        db,
        `SELECT data FROM attempts WHERE tenant_id = $1 AND learner_id = $2 AND ($3::text IS NULL OR course_id = $3)
           AND ($4::text IS NULL OR activity_id = $4) ORDER BY started_at, id`,
        [who.tenant, query.learner, query.course ?? null, query.activity ?? null],
        (row) => asSeenBy(who, row.data),
      );
    },
  }),
  route({
    method: 'get',
    path: '/v1/values/:key',
    tag: 'values',
    summary: 'A value of the caller’s own key/value state.',
    async handler({ db, who, params }) {
      const row = await one<{ value: unknown }>(
        db,
        'SELECT value FROM learner_values WHERE tenant_id = $1 AND learner_id = $2 AND key = $3',
        [who.tenant, who.sub, params.key],
        'This value',
      );
      return { value: row.value };
    },
  }),
  route({
    method: 'put',
    path: '/v1/values/:key',
    tag: 'values',
    summary: 'Sets a value of the caller’s key/value state.',
    body: s.valueBody,
    async handler({ db, who, params, body }) {
      await db.query(
        `INSERT INTO learner_values (tenant_id, learner_id, key, value) VALUES ($1, $2, $3, $4::jsonb)
         ON CONFLICT (tenant_id, learner_id, key) DO UPDATE SET value = EXCLUDED.value`,
        [who.tenant, who.sub, params.key, JSON.stringify(body.value)],
      );
      return undefined;
    },
  }),
  route({
    method: 'delete',
    path: '/v1/values/:key',
    tag: 'values',
    summary: 'Deletes a value of the caller’s key/value state.',
    async handler({ db, who, params }) {
      await db.query('DELETE FROM learner_values WHERE tenant_id = $1 AND learner_id = $2 AND key = $3', [who.tenant, who.sub, params.key]);
      return undefined;
    },
  }),
  route({
    method: 'put',
    path: '/v1/records/:collection/:id',
    tag: 'records',
    summary: 'Stores a record of a collection (certificates, dead letters…).',
    body: s.recordBody,
    async handler({ db, who, params, body }) {
      if (body.id !== params.id) throw new HttpError(400, 'storage/invalid-record', 'The record id is not the one in the URL.');
      // The leaderboard counts points awards: their points must be an integer 0..10,000 (also checked by the database).
      if (params.collection === 'points' && !s.pointsAwardBody.safeParse(body).success)
        throw new HttpError(400, 'storage/invalid-record', 'A points award needs a learnerId and integer points from 0 to 10,000.');
      assertCanWrite(who, body.learnerId ?? who.sub);
      const existing = await readRecordOwner(db, who.tenant, params.collection, params.id);
      if (existing) assertCanWrite(who, existing);
      await db.query(
        `INSERT INTO records (tenant_id, collection, id, learner_id, course_id, owner_id, data) VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)
         ON CONFLICT (tenant_id, collection, id) DO UPDATE SET learner_id = EXCLUDED.learner_id, course_id = EXCLUDED.course_id, data = EXCLUDED.data`,
        [who.tenant, params.collection, params.id, body.learnerId ?? null, body.courseId ?? null, who.sub, JSON.stringify(body)],
      );
      return undefined;
    },
  }),
  route({
    method: 'get',
    path: '/v1/records/:collection/:id',
    tag: 'records',
    summary: 'One record.',
    async handler({ db, who, params }) {
      const row = await one<{ data: unknown; learner_id: string | null; owner_id: string }>(
        db,
        'SELECT data, learner_id, owner_id FROM records WHERE tenant_id = $1 AND collection = $2 AND id = $3',
        [who.tenant, params.collection, params.id],
        'This record',
      );
      await assertCanRead(db, who, row.learner_id ?? row.owner_id);
      return row.data;
    },
  }),
  route({
    method: 'delete',
    path: '/v1/records/:collection/:id',
    tag: 'records',
    summary: 'Deletes one record.',
    async handler({ db, who, params }) {
      const owner = await readRecordOwner(db, who.tenant, params.collection, params.id);
      if (!owner) return undefined;
      assertCanWrite(who, owner);
      await db.query('DELETE FROM records WHERE tenant_id = $1 AND collection = $2 AND id = $3', [
        who.tenant,
        params.collection,
        params.id,
      ]);
      return undefined;
    },
  }),
  route({
    method: 'get',
    path: '/v1/records/:collection',
    tag: 'records',
    summary: 'Records of a collection by learner and/or course (an admin may list the whole tenant’s; others their own).',
    query: s.recordQuery,
    async handler({ db, who, params, query }) {
      if (query.learner) await assertCanRead(db, who, query.learner);
      const onlyOwn = !query.learner && !isAdmin(who);
      return items(
        db,
        `SELECT data FROM records WHERE tenant_id = $1 AND collection = $2 AND ($3::text IS NULL OR learner_id = $3)
           AND ($4::text IS NULL OR course_id = $4) AND (NOT $5 OR learner_id = $6 OR (learner_id IS NULL AND owner_id = $6)) ORDER BY id`,
        [who.tenant, params.collection, query.learner ?? null, query.course ?? null, onlyOwn, who.sub],
        data,
      );
    },
  }),
  route({
    method: 'post',
    path: '/v1/outbox',
    tag: 'statements',
    summary: 'Queues xAPI statements of the caller, in order; a statement id already queued is ignored (exactly once).',
    body: s.statementsBody,
    async handler({ db, who, body }) {
      await db.query(
        `INSERT INTO outbox (tenant_id, learner_id, statement_id, statement)
         SELECT $1, $2, s.value->>'id', s.value FROM jsonb_array_elements($3::jsonb) WITH ORDINALITY AS s(value, n) ORDER BY s.n
         ON CONFLICT (tenant_id, statement_id) DO NOTHING`,
        [who.tenant, who.sub, JSON.stringify(body.statements)],
      );
      return undefined;
    },
  }),
  route({
    method: 'get',
    path: '/v1/outbox',
    tag: 'statements',
    summary: 'The caller’s queued statements, oldest first, after a cursor.',
    query: s.outboxQuery,
    async handler({ db, who, query }) {
      const { rows } = await db.query<{ seq: number; statement: unknown; queued_at: Date }>(
        'SELECT seq, statement, queued_at FROM outbox WHERE tenant_id = $1 AND learner_id = $2 AND seq > $3 ORDER BY seq LIMIT $4',
        [who.tenant, who.sub, query.after ?? 0, query.limit],
      );
      return { items: rows.map((r) => ({ seq: Number(r.seq), statement: r.statement, queuedAt: new Date(r.queued_at).toISOString() })) };
    },
  }),
  route({
    method: 'post',
    path: '/v1/outbox/remove',
    tag: 'statements',
    summary: 'Removes statements of the caller from the queue.',
    body: s.seqsBody,
    async handler({ db, who, body }) {
      await db.query('DELETE FROM outbox WHERE tenant_id = $1 AND learner_id = $2 AND seq = ANY($3::bigint[])', [
        who.tenant,
        who.sub,
        body.seqs,
      ]);
      return undefined;
    },
  }),
  route({
    method: 'get',
    path: '/v1/outbox/count',
    tag: 'statements',
    summary: 'How many statements of the caller are queued.',
    async handler({ db, who }) {
      return one<{ count: number }>(
        db,
        'SELECT count(*)::int AS count FROM outbox WHERE tenant_id = $1 AND learner_id = $2',
        [who.tenant, who.sub],
        'The count',
      );
    },
  }),
];

async function readRecordOwner(db: Queryable, tenant: string, collection: string, id: string): Promise<string | undefined> {
  const { rows } = await db.query<{ learner_id: string | null; owner_id: string }>(
    'SELECT learner_id, owner_id FROM records WHERE tenant_id = $1 AND collection = $2 AND id = $3',
    [tenant, collection, id],
  );
  return rows[0] ? (rows[0].learner_id ?? rows[0].owner_id) : undefined;
}

async function assertGrader(db: Queryable, who: Identity, learner: string): Promise<void> {
  if (!(await teaches(db, who, learner))) throw new HttpError(403, 'auth/forbidden', `You may not change the attempts of ${learner}.`);
}

type StoredAttempt = Record<string, unknown> & { grading?: string };

/** A learner reads their own server-graded attempts as review allows; staff who may read them read them whole. */
function asSeenBy(who: Identity, attempt: StoredAttempt): unknown {
  if (attempt.grading !== 'server' || attempt.learnerId !== who.sub) return attempt;
  return publicAttempt(attempt as unknown as ServerAttempt);
}

/**
 * Lesson discussions (migrations/013_discussion.sql). Any member of the tenant reads and posts; an
 * author edits and deletes their own comments; the course's instructors and the tenant's admins hide
 * and pin. Bodies are plain text (pages render them as text, never as HTML). Posts are counted per
 * learner and minute in the database, so the rate limit holds across server instances.
 */
import { MAX_COMMENT_LENGTH } from '@lms-kit/core';
import { isAdmin } from '../access.js';
import { route } from '../api.js';
import type { Identity } from '../auth.js';
import type { Queryable } from '../db.js';
import { forbidden, HttpError, notFound } from '../errors.js';
import * as s from '../schemas.js';

const DEFAULT_POSTS_PER_MINUTE = 5;

interface CommentRow {
  id: string;
  course_id: string;
  lesson_id: string;
  parent_id: string | null;
  author_id: string;
  author_name: string | null;
  body: string;
  mentions: string[];
  hidden: boolean;
  pinned: boolean;
  created_at: Date;
  edited_at: Date | null;
  deleted_at: Date | null;
}

const COLUMNS = `c.id, c.course_id, c.lesson_id, c.parent_id, c.author_id, l.name AS author_name, c.body, c.mentions,
  c.hidden, c.pinned, c.created_at, c.edited_at, c.deleted_at`;
const FROM = `discussion_comments c LEFT JOIN learners l ON l.tenant_id = c.tenant_id AND l.id = c.author_id`;

/** Whether `who` moderates the course's discussions: an admin, or an instructor of the course. */
async function moderates(db: Queryable, who: Identity, course: string): Promise<boolean> {
  if (isAdmin(who)) return true;
  if (!who.roles.includes('instructor')) return false;
  const { rows } = await db.query('SELECT 1 FROM course_instructors WHERE tenant_id = $1 AND course_id = $2 AND learner_id = $3', [
    who.tenant,
    course,
    who.sub,
  ]);
  return rows.length > 0;
}

async function instructors(db: Queryable, tenant: string, course: string): Promise<Array<{ id: string; name: string }>> {
  const { rows } = await db.query<{ id: string; name: string }>(
    `SELECT l.id, l.name FROM course_instructors ci JOIN learners l ON l.tenant_id = ci.tenant_id AND l.id = ci.learner_id
     WHERE ci.tenant_id = $1 AND ci.course_id = $2 AND l.name IS NOT NULL ORDER BY l.name`,
    [tenant, course],
  );
  return rows;
}

/** The instructors named `@Name` in `body` (longest names first, so `@Ann Lee` wins over `@Ann`). */
function mentioned(body: string, people: Array<{ id: string; name: string }>): string[] {
  const text = body.toLocaleLowerCase();
  return [...people]
    .sort((a, b) => b.name.length - a.name.length)
    .filter((p) => text.includes(`@${p.name.toLocaleLowerCase()}`))
    .map((p) => p.id);
}

/** A checked body: trimmed, not empty, not too long. */
function checkedBody(body: string): string {
  const text = body.trim();
  if (!text) throw new HttpError(400, 'discussion/empty', 'A comment needs some text.');
  if (text.length > MAX_COMMENT_LENGTH)
    throw new HttpError(
      413,
      'discussion/too-long',
      `A comment has at most ${MAX_COMMENT_LENGTH} characters (this one has ${text.length}).`,
    );
  return text;
}

function shape(row: CommentRow, who: Identity, staff: boolean, names: Map<string, string>) {
  const deleted = row.deleted_at !== null;
  return {
    id: row.id,
    courseId: row.course_id,
    lessonId: row.lesson_id,
    parentId: row.parent_id,
    // Learners see names, never ids (ids are often emails); moderators see both.
    author: { name: deleted ? null : row.author_name, ...(staff ? { id: row.author_id } : {}) },
    mine: row.author_id === who.sub,
    body: deleted ? '' : row.body,
    mentions: deleted ? [] : row.mentions.map((id) => ({ name: names.get(id) ?? null })).filter((m) => m.name),
    hidden: row.hidden,
    pinned: row.pinned,
    deleted,
    createdAt: row.created_at.toISOString(),
    editedAt: row.edited_at?.toISOString() ?? null,
  };
}

async function names(db: Queryable, tenant: string, rows: CommentRow[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.flatMap((r) => r.mentions))];
  if (!ids.length) return new Map();
  const { rows: found } = await db.query<{ id: string; name: string }>(
    'SELECT id, name FROM learners WHERE tenant_id = $1 AND id = ANY($2::text[]) AND name IS NOT NULL',
    [tenant, ids],
  );
  return new Map(found.map((r) => [r.id, r.name]));
}

async function commentRow(db: Queryable, tenant: string, id: string): Promise<CommentRow> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound('This comment');
  const { rows } = await db.query<CommentRow>(`SELECT ${COLUMNS} FROM ${FROM} WHERE c.tenant_id = $1 AND c.id = $2`, [tenant, id]);
  if (!rows[0]) throw notFound('This comment');
  return rows[0];
}

/** Posts allowed per learner and minute: the tenant's `discussion.postsPerMinute`, else 5. */
async function countPost(db: Queryable, who: Identity): Promise<void> {
  const { rows } = await db.query<{ posts: number; allowed: number | null }>(
    `WITH counted AS (
       INSERT INTO discussion_post_counts AS p (tenant_id, learner_id, minute, posts) VALUES ($1, $2, date_trunc('minute', now()), 1)
       ON CONFLICT (tenant_id, learner_id, minute) DO UPDATE SET posts = p.posts + 1 RETURNING posts)
     SELECT (SELECT posts FROM counted) AS posts,
            (SELECT (settings #>> '{discussion,postsPerMinute}')::int FROM tenants WHERE id = $1) AS allowed`,
    [who.tenant, who.sub],
  );
  const allowed = rows[0].allowed ?? DEFAULT_POSTS_PER_MINUTE;
  if (rows[0].posts > allowed)
    throw new HttpError(429, 'discussion/rate-limited', `At most ${allowed} comments a minute: wait a moment and post again.`);
  if (rows[0].posts === 1)
    await db.query(`DELETE FROM discussion_post_counts WHERE tenant_id = $1 AND learner_id = $2 AND minute < now() - interval '1 hour'`, [
      who.tenant,
      who.sub,
    ]);
}

type ListQuery = ReturnType<typeof s.discussionQuery.parse>;

/** A page cursor: the sort key (pinned, created, id) of the last thread of the previous page. */
const cursorOf = (row: CommentRow) => btoa(JSON.stringify([row.pinned, row.created_at.toISOString(), row.id]));
function readCursor(cursor: string): [boolean, string, string] {
  try {
    const [pinned, created, id] = JSON.parse(atob(cursor)) as [boolean, string, string];
    if (typeof pinned === 'boolean' && !Number.isNaN(Date.parse(created)) && /^[0-9a-f-]{36}$/i.test(id)) return [pinned, created, id];
  } catch {
    // answered below
  }
  throw new HttpError(400, 'server/invalid-request', 'The `after` cursor is not one this server gave.');
}

async function list(db: Queryable, who: Identity, course: string, lesson: string, query: ListQuery, staff: boolean) {
  // What the caller may see: everything for moderators; otherwise no hidden comment but their own.
  const visible = `($5 OR NOT c.hidden OR c.author_id = $4)`;
  const after = query.after ? readCursor(query.after) : null;
  const { rows: threads } = await db.query<CommentRow>(
    `SELECT ${COLUMNS} FROM ${FROM}
     WHERE c.tenant_id = $1 AND c.course_id = $2 AND c.lesson_id = $3 AND c.parent_id IS NULL AND ${visible}
       AND (c.deleted_at IS NULL OR EXISTS (SELECT 1 FROM discussion_comments r WHERE r.tenant_id = c.tenant_id AND r.parent_id = c.id AND r.deleted_at IS NULL))
       AND ($7::boolean IS NULL OR (c.pinned::int, c.created_at, c.id) < ($7::boolean::int, $8::timestamptz, $9::uuid))
     ORDER BY c.pinned DESC, c.created_at DESC, c.id DESC LIMIT $6`,
    [who.tenant, course, lesson, who.sub, staff, query.limit + 1, after?.[0] ?? null, after?.[1] ?? null, after?.[2] ?? null],
  );
  const more = threads.length > query.limit;
  const page = threads.slice(0, query.limit);
  const { rows: replies } = page.length
    ? await db.query<CommentRow>(
        `SELECT ${COLUMNS} FROM ${FROM}
         WHERE c.tenant_id = $1 AND c.parent_id = ANY($2::uuid[]) AND c.deleted_at IS NULL AND ($4 OR NOT c.hidden OR c.author_id = $3)
         ORDER BY c.created_at, c.id`,
        [who.tenant, page.map((r) => r.id), who.sub, staff],
      )
    : { rows: [] as CommentRow[] };
  const known = await names(db, who.tenant, [...page, ...replies]);
  return {
    items: page.map((thread) => ({
      ...shape(thread, who, staff, known),
      replies: replies.filter((r) => r.parent_id === thread.id).map((r) => shape(r, who, staff, known)),
    })),
    next: more ? cursorOf(page[page.length - 1]) : null,
  };
}

/**
 * The lesson's version as the caller sees it: changes with any comment written, edited, moderated or
 * deleted. It names the caller (hashed): a browser cache keyed by URL never serves one learner's page to another.
 */
async function lessonTag(db: Queryable, who: Identity, course: string, lesson: string, staff: boolean, query: ListQuery) {
  const { rows } = await db.query<{ n: number; at: string | null }>(
    `SELECT count(*)::int AS n, (extract(epoch FROM max(updated_at)) * 1000000)::bigint::text AS at FROM discussion_comments
     WHERE tenant_id = $1 AND course_id = $2 AND lesson_id = $3`,
    [who.tenant, course, lesson],
  );
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(JSON.stringify([who.tenant, who.sub, query])));
  const caller = btoa(String.fromCharCode(...new Uint8Array(digest).slice(0, 12)));
  return `"d${rows[0].n}.${rows[0].at ?? 0}.${staff ? 's' : 'l'}.${caller}"`;
}

export const discussionRoutes = [
  route({
    method: 'get',
    path: '/v1/discussions/:course/:lesson/comments',
    tag: 'discussion',
    summary:
      'A page of a lesson’s threads (pinned first, then newest) with their replies, `next` the cursor of the following page, the course’s instructors (for mentions) and whether the caller moderates. ETag; `If-None-Match` answers 304 while nothing changed.',
    query: s.discussionQuery,
    errors: [304],
    async handler({ c, db, who, params, query }) {
      const staff = await moderates(db, who, params.course);
      const tag = await lessonTag(db, who, params.course, params.lesson, staff, query);
      if (c.req.header('if-none-match') === tag) return c.body(null, 304, { ETag: tag });
      const [page, people] = await Promise.all([
        list(db, who, params.course, params.lesson, query, staff),
        instructors(db, who.tenant, params.course),
      ]);
      c.header('ETag', tag);
      c.header('Cache-Control', 'private, no-cache');
      c.header('Vary', 'Authorization');
      return { ...page, moderator: staff, instructors: people.map((p) => ({ name: p.name })) };
    },
  }),
  route({
    method: 'post',
    path: '/v1/discussions/:course/:lesson/comments',
    tag: 'discussion',
    summary: `Posts a comment, or a reply to a thread (\`parentId\`; a reply to a reply joins the same thread). At most ${MAX_COMMENT_LENGTH} characters (413 \`discussion/too-long\`); 429 \`discussion/rate-limited\` past the tenant’s posts per minute.`,
    body: s.discussionPostBody,
    status: 201,
    errors: [404, 413, 429],
    async handler({ db, who, params, body }) {
      const text = checkedBody(body.body);
      const id = await db.transaction(async (tx) => {
        let parent: string | null = null;
        if (body.parentId) {
          const row = await commentRow(tx, who.tenant, body.parentId);
          if (row.course_id !== params.course || row.lesson_id !== params.lesson) throw notFound('This comment');
          parent = row.parent_id ?? row.id;
        }
        await countPost(tx, who);
        const mentions = mentioned(text, await instructors(tx, who.tenant, params.course));
        const { rows } = await tx.query<{ id: string }>(
          `INSERT INTO discussion_comments (tenant_id, id, course_id, lesson_id, parent_id, author_id, body, mentions)
           VALUES ($1, gen_random_uuid(), $2, $3, $4, $5, $6, $7) RETURNING id`,
          [who.tenant, params.course, params.lesson, parent, who.sub, text, mentions],
        );
        return rows[0].id;
      });
      const row = await commentRow(db, who.tenant, id);
      return shape(row, who, await moderates(db, who, params.course), await names(db, who.tenant, [row]));
    },
  }),
  route({
    method: 'put',
    path: '/v1/discussion-comments/:id',
    tag: 'discussion',
    summary: 'Edits the caller’s own comment (403 for anyone else’s).',
    body: s.discussionEditBody,
    errors: [404, 413],
    async handler({ db, who, params, body }) {
      const row = await commentRow(db, who.tenant, params.id);
      if (row.author_id !== who.sub || row.deleted_at) throw forbidden('Only its author may edit a comment.');
      const text = checkedBody(body.body);
      const mentions = mentioned(text, await instructors(db, who.tenant, row.course_id));
      await db.query(
        `UPDATE discussion_comments SET body = $3, mentions = $4, edited_at = clock_timestamp(), updated_at = clock_timestamp()
         WHERE tenant_id = $1 AND id = $2`,
        [who.tenant, row.id, text, mentions],
      );
      const updated = await commentRow(db, who.tenant, row.id);
      return shape(updated, who, await moderates(db, who, row.course_id), await names(db, who.tenant, [updated]));
    },
  }),
  route({
    method: 'delete',
    path: '/v1/discussion-comments/:id',
    tag: 'discussion',
    summary: 'Deletes the caller’s own comment (its body is gone; a thread with replies stays, marked deleted). 403 for anyone else’s.',
    errors: [404],
    async handler({ db, who, params }) {
      const row = await commentRow(db, who.tenant, params.id);
      if (row.author_id !== who.sub) throw forbidden('Only its author may delete a comment; moderators hide it.');
      await db.query(
        `UPDATE discussion_comments SET body = '', mentions = '{}', deleted_at = clock_timestamp(), updated_at = clock_timestamp()
         WHERE tenant_id = $1 AND id = $2 AND deleted_at IS NULL`,
        [who.tenant, row.id],
      );
      return undefined;
    },
  }),
  route({
    method: 'put',
    path: '/v1/discussion-comments/:id/moderation',
    tag: 'discussion',
    summary: 'Hides or shows, pins or unpins a comment (instructors of its course and admins; 403 otherwise). Only threads are pinned.',
    body: s.discussionModerationBody,
    errors: [404],
    async handler({ db, who, params, body }) {
      const row = await commentRow(db, who.tenant, params.id);
      if (!(await moderates(db, who, row.course_id))) throw forbidden('Only the course’s instructors and admins moderate its discussions.');
      if (body.pinned && row.parent_id) throw new HttpError(400, 'server/invalid-request', 'Only a thread is pinned, not a reply.');
      await db.query(
        `UPDATE discussion_comments SET hidden = coalesce($3, hidden), pinned = coalesce($4, pinned), updated_at = clock_timestamp()
         WHERE tenant_id = $1 AND id = $2`,
        [who.tenant, row.id, body.hidden ?? null, body.pinned ?? null],
      );
      const updated = await commentRow(db, who.tenant, row.id);
      return shape(updated, who, true, await names(db, who.tenant, [updated]));
    },
  }),
  route({
    method: 'get',
    path: '/v1/discussion-mentions',
    tag: 'discussion',
    summary: 'The latest comments that mention the caller (an instructor named `@Name` in a course they teach), newest first.',
    query: s.discussionMentionsQuery,
    async handler({ db, who, query }) {
      const { rows } = await db.query<CommentRow>(
        `SELECT ${COLUMNS} FROM ${FROM} WHERE c.tenant_id = $1 AND c.mentions @> ARRAY[$2::text] AND c.deleted_at IS NULL
         ORDER BY c.created_at DESC, c.id DESC LIMIT $3`,
        [who.tenant, who.sub, query.limit],
      );
      const known = await names(db, who.tenant, rows);
      return { items: rows.map((row) => shape(row, who, true, known)) };
    },
  }),
];

/**
 * Rows of authoring (migrations/014_authoring.sql) read and written as the `@lms-kit/core/authoring`
 * shapes, and the core rules' `LmsError`s answered with HTTP statuses.
 */
import { isLmsError } from '@lms-kit/core';
import {
  assertMayAuthor,
  versionInfo,
  type CourseReview,
  type CourseVersion,
  type LearningObject,
  type PublishPolicy,
} from '@lms-kit/core/authoring';
import type { Identity } from './auth.js';
import type { Queryable } from './db.js';
import { HttpError } from './errors.js';

const STATUS: Record<string, number> = {
  'auth/forbidden': 403,
  'storage/not-found': 404,
  'storage/conflict': 409,
  'authoring/invalid-transition': 409,
  'authoring/unresolved-ref': 400,
  'course/invalid': 400,
  'course/unsupported-schema': 400,
};

/** Runs a step of the core rules, answering their `LmsError`s as HTTP errors with the same code. */
export async function asHttp<T>(step: () => T | Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (isLmsError(error) && STATUS[error.code]) throw new HttpError(STATUS[error.code], error.code, error.message, error.issues);
    throw error;
  }
}

export const authorOnly = (who: Identity) => asHttp(() => assertMayAuthor(who.roles));

export async function publishPolicy(db: Queryable, tenant: string): Promise<PublishPolicy> {
  const { rows } = await db.query<{ allowed: boolean | null }>(
    `SELECT (settings #>> '{authoring,instructorsMayPublish}')::boolean AS allowed FROM tenants WHERE id = $1`,
    [tenant],
  );
  return { instructorsMayPublish: rows[0]?.allowed === true };
}

interface VersionRow {
  course_id: string;
  number: number;
  content: CourseVersion['course'];
  source: unknown;
  changes: CourseVersion['changes'];
  objects: string[];
  note: string | null;
  rolled_back_from: number | null;
  published_by: string;
  published_at: Date | string;
}

const toVersion = (row: VersionRow): CourseVersion => ({
  courseId: row.course_id,
  number: row.number,
  course: row.content,
  source: row.source,
  changes: row.changes,
  objects: row.objects,
  publishedAt: new Date(row.published_at).toISOString(),
  publishedBy: row.published_by,
  ...(row.note ? { note: row.note } : {}),
  ...(row.rolled_back_from ? { rolledBackFrom: row.rolled_back_from } : {}),
});

export async function readVersions(db: Queryable, tenant: string, courseId: string, withContent = false) {
  const columns = withContent
    ? '*'
    : `course_id, number, changes, objects, note, rolled_back_from, published_by, published_at, NULL AS content, NULL AS source`;
  const { rows } = await db.query<VersionRow>(
    `SELECT ${columns} FROM course_versions WHERE tenant_id = $1 AND course_id = $2 ORDER BY number`,
    [tenant, courseId],
  );
  return rows.map(toVersion);
}

export async function readVersion(
  db: Queryable,
  tenant: string,
  courseId: string,
  number: number | 'latest',
): Promise<CourseVersion | undefined> {
  const { rows } = await db.query<VersionRow>(
    number === 'latest'
      ? `SELECT * FROM course_versions WHERE tenant_id = $1 AND course_id = $2 ORDER BY number DESC LIMIT 1`
      : `SELECT * FROM course_versions WHERE tenant_id = $1 AND course_id = $2 AND number = $3`,
    number === 'latest' ? [tenant, courseId] : [tenant, courseId, number],
  );
  return rows[0] && toVersion(rows[0]);
}

/** Inserts a version (never updates one) and points the course at it. */
export async function insertVersion(db: Queryable, tenant: string, version: CourseVersion) {
  await db.query(
    `INSERT INTO course_versions (tenant_id, course_id, number, content, source, changes, objects, note, rolled_back_from, published_by, published_at)
     VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6::jsonb, $7, $8, $9, $10, $11)`,
    [
      tenant,
      version.courseId,
      version.number,
      JSON.stringify(version.course),
      JSON.stringify(version.source),
      JSON.stringify(version.changes),
      version.objects,
      version.note ?? null,
      version.rolledBackFrom ?? null,
      version.publishedBy,
      version.publishedAt,
    ],
  );
  await db.query(
    `INSERT INTO courses (tenant_id, id, title, published_version) VALUES ($1, $2, $3, $4)
     ON CONFLICT (tenant_id, id) DO UPDATE SET published_version = EXCLUDED.published_version, title = COALESCE(courses.title, EXCLUDED.title)`,
    [tenant, version.courseId, version.course.title, version.number],
  );
  return versionInfo(version);
}

/** Steps on one course run one at a time (a transaction-scoped advisory lock), so two publishes never take the same number. */
export const lockCourse = (tx: Queryable, tenant: string, courseId: string) =>
  tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [JSON.stringify(['authoring', tenant, courseId])]);

interface ReviewRow {
  course_id: string;
  state: CourseReview['state'];
  draft: unknown;
  comments: CourseReview['comments'];
  updated_by: string | null;
  updated_at: Date | string;
}

export async function readReview(db: Queryable, tenant: string, courseId: string): Promise<CourseReview> {
  const { rows } = await db.query<ReviewRow>(`SELECT * FROM course_reviews WHERE tenant_id = $1 AND course_id = $2`, [tenant, courseId]);
  const row = rows[0];
  if (!row) return { courseId, state: 'draft', comments: [] };
  return {
    courseId,
    state: row.state,
    ...(row.draft ? { draft: row.draft } : {}),
    comments: row.comments,
    updatedAt: new Date(row.updated_at).toISOString(),
    ...(row.updated_by ? { updatedBy: row.updated_by } : {}),
  };
}

export async function writeReview(db: Queryable, who: Identity, review: CourseReview): Promise<CourseReview> {
  await db.query(
    `INSERT INTO course_reviews (tenant_id, course_id, state, draft, comments, updated_by, updated_at) VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6, now())
     ON CONFLICT (tenant_id, course_id) DO UPDATE SET state = EXCLUDED.state, draft = EXCLUDED.draft, comments = EXCLUDED.comments,
       updated_by = EXCLUDED.updated_by, updated_at = now()`,
    [
      who.tenant,
      review.courseId,
      review.state,
      review.draft === undefined ? null : JSON.stringify(review.draft),
      JSON.stringify(review.comments),
      who.sub,
    ],
  );
  return readReview(db, who.tenant, review.courseId);
}

interface ObjectRow {
  id: string;
  kind: LearningObject['kind'];
  title: string;
  tags: string[];
  content: LearningObject['content'];
  version: number;
  updated_at: Date | string;
}

const toObject = (row: ObjectRow): LearningObject => ({
  id: row.id,
  kind: row.kind,
  title: row.title,
  tags: row.tags,
  content: row.content,
  version: row.version,
  updatedAt: new Date(row.updated_at).toISOString(),
});

export async function readObjects(
  db: Queryable,
  tenant: string,
  query: { ids?: string[]; text?: string; tag?: string; kind?: string } = {},
): Promise<LearningObject[]> {
  const words = (query.text ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const { rows } = await db.query<ObjectRow>(
    `SELECT * FROM learning_objects WHERE tenant_id = $1
       AND ($2::text[] IS NULL OR id = ANY($2)) AND ($3::text IS NULL OR $3 = ANY(tags)) AND ($4::text IS NULL OR kind = $4)
       AND (SELECT bool_and(lower(title) LIKE '%' || w || '%') FROM unnest($5::text[]) w) IS NOT FALSE
     ORDER BY title, id`,
    [tenant, query.ids ?? null, query.tag ?? null, query.kind ?? null, words],
  );
  return rows.map(toObject);
}

export async function objectMap(db: Queryable, tenant: string): Promise<Map<string, LearningObject>> {
  return new Map((await readObjects(db, tenant)).map((object) => [object.id, object]));
}

export async function upsertObject(
  db: Queryable,
  tenant: string,
  id: string,
  object: Pick<LearningObject, 'kind' | 'title' | 'tags' | 'content'>,
): Promise<LearningObject> {
  const { rows } = await db.query<ObjectRow>(
    `INSERT INTO learning_objects (tenant_id, id, kind, title, tags, content) VALUES ($1, $2, $3, $4, $5, $6::jsonb)
     ON CONFLICT (tenant_id, id) DO UPDATE SET kind = EXCLUDED.kind, title = EXCLUDED.title, tags = EXCLUDED.tags, content = EXCLUDED.content,
       version = learning_objects.version + 1, updated_at = now()
     RETURNING *`,
    [tenant, id, object.kind, object.title, object.tags, JSON.stringify(object.content)],
  );
  return toObject(rows[0]);
}

/** Courses whose newest version uses the object. */
export async function objectUses(db: Queryable, tenant: string, id: string) {
  const { rows } = await db.query<{ course_id: string; number: number; title: string }>(
    `SELECT v.course_id, v.number, v.content ->> 'title' AS title FROM course_versions v
       JOIN courses c ON c.tenant_id = v.tenant_id AND c.id = v.course_id AND c.published_version = v.number
     WHERE v.tenant_id = $1 AND $2 = ANY(v.objects) ORDER BY v.course_id`,
    [tenant, id],
  );
  return rows.map((row) => ({ courseId: row.course_id, version: row.number, title: row.title }));
}

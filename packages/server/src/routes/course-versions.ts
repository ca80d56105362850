/**
 * Course versions and their review (authors: admins and instructors; learners get 403 and nothing
 * changes). A draft goes draft → in review → published; publishing (and rolling back) is for admins,
 * and for instructors where the tenant's `authoring.instructorsMayPublish` setting allows it. Versions
 * are immutable rows (migrations/014_authoring.sql); learners read the published one.
 */
import { assertMayPublish, assertTransition, compareVersions, makeVersion, rollBackVersion, versionInfo } from '@lms-kit/core/authoring';
import { randomUUID } from 'node:crypto';
import { route } from '../api.js';
import {
  asHttp,
  authorOnly,
  insertVersion,
  lockCourse,
  objectMap,
  publishPolicy,
  readReview,
  readVersion,
  readVersions,
  writeReview,
} from '../authoring-db.js';
import { HttpError, notFound } from '../errors.js';
import * as s from '../schemas.js';

const base = '/v1/authoring/courses/:course';
const versionNumber = (value: string) => {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1)
    throw new HttpError(400, 'server/invalid-request', 'A version number is a whole number from 1.');
  return number;
};

export const courseVersionRoutes = [
  route({
    method: 'get',
    path: '/v1/courses/:course/published',
    tag: 'authoring',
    summary:
      'The published version of a course (shared objects resolved, `version` set): what learners play. 404 before the first publish.',
    async handler({ db, who, params }) {
      const version = await readVersion(db, who.tenant, params.course, 'latest');
      if (!version) throw notFound('A published version of this course');
      return version.course;
    },
  }),
  route({
    method: 'get',
    path: `${base}/review`,
    tag: 'authoring',
    summary: 'The course’s review: state (`draft`, `in-review`, `published`), the draft under review and the comments per lesson.',
    async handler({ db, who, params }) {
      await authorOnly(who);
      return readReview(db, who.tenant, params.course);
    },
  }),
  route({
    method: 'post',
    path: `${base}/review`,
    tag: 'authoring',
    summary:
      'Submits a draft for review (`draft` or `published` → `in-review`); 409 `authoring/invalid-transition` while one is in review.',
    body: s.draftBody,
    errors: [409],
    async handler({ db, who, params, body }) {
      await authorOnly(who);
      if (body.draft.id !== params.course)
        throw new HttpError(400, 'server/invalid-request', 'The draft is another course than the URL’s.');
      return db.transaction(async (tx) => {
        await lockCourse(tx, who.tenant, params.course);
        const review = await readReview(tx, who.tenant, params.course);
        await asHttp(() => assertTransition(review.state, 'in-review', who.roles));
        const comments = review.state === 'published' ? [] : review.comments;
        return writeReview(tx, who, { ...review, state: 'in-review', draft: body.draft, comments });
      });
    },
  }),
  route({
    method: 'post',
    path: `${base}/review/return`,
    tag: 'authoring',
    summary: 'Sends the draft under review back to its authors (`in-review` → `draft`).',
    errors: [409],
    async handler({ db, who, params }) {
      await authorOnly(who);
      return db.transaction(async (tx) => {
        await lockCourse(tx, who.tenant, params.course);
        const review = await readReview(tx, who.tenant, params.course);
        await asHttp(() => assertTransition(review.state, 'draft', who.roles));
        return writeReview(tx, who, { ...review, state: 'draft' });
      });
    },
  }),
  route({
    method: 'post',
    path: `${base}/review/comments`,
    tag: 'authoring',
    summary: 'Adds a reviewer’s comment, on a lesson (`lessonId`) or the whole course.',
    body: s.commentBody,
    async handler({ db, who, params, body }) {
      await authorOnly(who);
      return db.transaction(async (tx) => {
        await lockCourse(tx, who.tenant, params.course);
        const review = await readReview(tx, who.tenant, params.course);
        const comment = {
          id: randomUUID(),
          ...(body.lessonId ? { lessonId: body.lessonId } : {}),
          author: who.sub,
          text: body.text,
          at: new Date().toISOString(),
        };
        return writeReview(tx, who, { ...review, comments: [...review.comments, comment] });
      });
    },
  }),
  route({
    method: 'post',
    path: `${base}/publish`,
    tag: 'authoring',
    summary:
      'Publishes the draft under review as the next immutable version, with its change summary (`in-review` → `published`); for those who may publish.',
    body: s.noteBody,
    status: 201,
    errors: [409],
    async handler({ db, who, params, body }) {
      await authorOnly(who);
      const policy = await publishPolicy(db, who.tenant);
      return db.transaction(async (tx) => {
        await lockCourse(tx, who.tenant, params.course);
        const review = await readReview(tx, who.tenant, params.course);
        await asHttp(() => assertTransition(review.state, 'published', who.roles, policy));
        const previous = await readVersion(tx, who.tenant, params.course, 'latest');
        const objects = await objectMap(tx, who.tenant);
        const version = await asHttp(() => makeVersion(previous, review.draft, objects, { by: who.sub, at: new Date(), note: body.note }));
        const info = await insertVersion(tx, who.tenant, version);
        await writeReview(tx, who, { ...review, state: 'published' });
        return info;
      });
    },
  }),
  route({
    method: 'get',
    path: `${base}/versions`,
    tag: 'authoring',
    summary: 'The course’s versions, oldest first, each with its change summary (no content).',
    async handler({ db, who, params }) {
      await authorOnly(who);
      return { items: (await readVersions(db, who.tenant, params.course)).map(versionInfo) };
    },
  }),
  route({
    method: 'get',
    path: `${base}/versions/:number`,
    tag: 'authoring',
    summary: 'One version with its content (`course`) and the author’s source (`source`, shared objects as references).',
    async handler({ db, who, params }) {
      await authorOnly(who);
      const version = await readVersion(db, who.tenant, params.course, versionNumber(params.number));
      if (!version) throw notFound('This version');
      return version;
    },
  }),
  route({
    method: 'get',
    path: `${base}/compare`,
    tag: 'authoring',
    summary: 'The diff of two versions (`from`, `to`): modules, lessons and questions added, removed and changed, lessons moved.',
    query: s.compareQuery,
    async handler({ db, who, params, query }) {
      await authorOnly(who);
      const [from, to] = await Promise.all([
        readVersion(db, who.tenant, params.course, query.from),
        readVersion(db, who.tenant, params.course, query.to),
      ]);
      if (!from || !to) throw notFound('This version');
      return compareVersions(from, to);
    },
  }),
  route({
    method: 'post',
    path: `${base}/rollback`,
    tag: 'authoring',
    summary: 'Publishes an old version’s content again as a new version (history is never rewritten); for those who may publish.',
    body: s.rollBackBody,
    status: 201,
    async handler({ db, who, params, body }) {
      await authorOnly(who);
      const policy = await publishPolicy(db, who.tenant);
      await asHttp(() => assertMayPublish(who.roles, policy));
      return db.transaction(async (tx) => {
        await lockCourse(tx, who.tenant, params.course);
        const [latest, old] = await Promise.all([
          readVersion(tx, who.tenant, params.course, 'latest'),
          readVersion(tx, who.tenant, params.course, body.number),
        ]);
        if (!latest || !old) throw notFound('This version');
        return insertVersion(tx, who.tenant, rollBackVersion(latest, old, { by: who.sub, at: new Date(), note: body.note }));
      });
    },
  }),
];

/**
 * The shared learning-object repository (authors): lessons, questions and media stored once and used
 * by courses as `{ "ref": "lo:<id>" }` (resolved when a version is published). A change is saved alone,
 * published to every course that uses it ("update everywhere", for those who may publish), or copied
 * into one course's draft ("fork for this course").
 */
import { assertMayPublish, forkObject, makeVersion } from '@lms-kit/core/authoring';
import { route } from '../api.js';
import {
  asHttp,
  authorOnly,
  insertVersion,
  lockCourse,
  objectMap,
  objectUses,
  publishPolicy,
  readObjects,
  readReview,
  readVersion,
  upsertObject,
  writeReview,
} from '../authoring-db.js';
import { notFound } from '../errors.js';
import * as s from '../schemas.js';

export const learningObjectRoutes = [
  route({
    method: 'get',
    path: '/v1/authoring/objects',
    tag: 'authoring',
    summary: 'Searches the repository by words of the title (`text`), `tag` and `kind`.',
    query: s.objectQuery,
    async handler({ db, who, query }) {
      await authorOnly(who);
      return { items: await readObjects(db, who.tenant, query) };
    },
  }),
  route({
    method: 'get',
    path: '/v1/authoring/objects/:id',
    tag: 'authoring',
    summary: 'One shared object.',
    async handler({ db, who, params }) {
      await authorOnly(who);
      const [object] = await readObjects(db, who.tenant, { ids: [params.id] });
      if (!object) throw notFound('This shared object');
      return object;
    },
  }),
  route({
    method: 'put',
    path: '/v1/authoring/objects/:id',
    tag: 'authoring',
    summary: 'Saves a shared object (new, or a change: its `version` + 1); courses keep their published versions until updated.',
    body: s.learningObjectBody,
    async handler({ db, who, params, body }) {
      await authorOnly(who);
      return upsertObject(db, who.tenant, params.id, body as never);
    },
  }),
  route({
    method: 'get',
    path: '/v1/authoring/objects/:id/uses',
    tag: 'authoring',
    summary: 'Where the object is used: the courses whose published version uses it.',
    async handler({ db, who, params }) {
      await authorOnly(who);
      return { items: await objectUses(db, who.tenant, params.id) };
    },
  }),
  route({
    method: 'post',
    path: '/v1/authoring/objects/:id/update-everywhere',
    tag: 'authoring',
    summary: 'Saves the change and publishes a new version of every course that uses the object, each with its change summary.',
    body: s.learningObjectBody,
    status: 201,
    async handler({ db, who, params, body }) {
      await authorOnly(who);
      await asHttp(async () => assertMayPublish(who.roles, await publishPolicy(db, who.tenant)));
      return db.transaction(async (tx) => {
        const { note, ...object } = body;
        const saved = await upsertObject(tx, who.tenant, params.id, object as never);
        const objects = await objectMap(tx, who.tenant);
        const items = [];
        for (const use of await objectUses(tx, who.tenant, params.id)) {
          await lockCourse(tx, who.tenant, use.courseId);
          const latest = await readVersion(tx, who.tenant, use.courseId, 'latest');
          if (!latest) continue;
          const meta = { by: who.sub, at: new Date(), note: note ?? `Shared object "${saved.title}" updated` };
          items.push(await insertVersion(tx, who.tenant, await asHttp(() => makeVersion(latest, latest.source, objects, meta))));
        }
        return { items };
      });
    },
  }),
  route({
    method: 'post',
    path: '/v1/authoring/courses/:course/fork',
    tag: 'authoring',
    summary:
      'Forks a shared object for one course: the course’s draft (or its published source) with a copy of the object in place of the reference.',
    body: s.forkBody,
    async handler({ db, who, params, body }) {
      await authorOnly(who);
      const [object] = await readObjects(db, who.tenant, { ids: [body.objectId] });
      if (!object) throw notFound('This shared object');
      return db.transaction(async (tx) => {
        await lockCourse(tx, who.tenant, params.course);
        const review = await readReview(tx, who.tenant, params.course);
        const source =
          review.state === 'published' || !review.draft
            ? (await readVersion(tx, who.tenant, params.course, 'latest'))?.source
            : review.draft;
        if (!source) throw notFound('A draft or version of this course');
        return writeReview(tx, who, { ...review, state: 'draft', draft: forkObject(source, object) });
      });
    },
  }),
];

import { LmsError, uuid } from '@lms-kit/core';
import {
  assertMayAuthor,
  assertMayPublish,
  assertTransition,
  compareVersions,
  forkObject,
  makeVersion,
  matchesObject,
  rollBackVersion,
  versionInfo,
  type AuthoringStore,
  type ChangeSummary,
  type CourseReview,
  type CourseVersion,
  type CourseVersionInfo,
  type LearningObject,
  type LearningObjectQuery,
  type ObjectUse,
  type PublishPolicy,
} from '@lms-kit/core/authoring';
import type { StorageAdapter, StoredRecord } from '@lms-kit/storage';
import { serialQueue } from '../serial-queue.js';

/** Storage collections the local store keeps (any `StorageAdapter`: IndexedDB by default). */
export const AUTHORING_COLLECTIONS = { versions: 'course-versions', reviews: 'course-reviews', objects: 'learning-objects' } as const;

export interface LocalAuthoringOptions {
  storage: StorageAdapter;
  /** Who is authoring (recorded on versions and comments). */
  author: string;
  /** Their roles: the same rules as the server's (`admin`; `instructor` publishes only where `policy` allows). */
  roles: string[];
  policy?: PublishPolicy;
  clock?: () => Date;
}

type Stored<T> = StoredRecord & { data: T };
const versionId = (courseId: string, number: number) => `${courseId}#${String(number).padStart(8, '0')}`;

/**
 * The authoring contract on the page's own storage: versions written once (a record is never
 * replaced), reviews and the shared-object repository. For one author's device or a demo; with a
 * server, use its `AuthoringClient`, where the server enforces the same rules.
 */
export class LocalAuthoring implements AuthoringStore {
  readonly #storage: StorageAdapter;
  readonly #options: LocalAuthoringOptions;
  readonly #queue = serialQueue();

  constructor(options: LocalAuthoringOptions) {
    this.#storage = options.storage;
    this.#options = options;
  }

  #now = () => (this.#options.clock ?? (() => new Date()))();

  async review(courseId: string): Promise<CourseReview> {
    const stored = await this.#storage.getRecord<Stored<CourseReview>>(AUTHORING_COLLECTIONS.reviews, courseId);
    return stored?.data ?? { courseId, state: 'draft', comments: [] };
  }

  submitForReview(courseId: string, draft: unknown): Promise<CourseReview> {
    return this.#queue(async () => {
      const review = await this.review(courseId);
      assertTransition(review.state, 'in-review', this.#options.roles);
      return this.#saveReview({ ...review, state: 'in-review', draft, comments: review.state === 'published' ? [] : review.comments });
    });
  }

  returnToDraft(courseId: string): Promise<CourseReview> {
    return this.#queue(async () => {
      const review = await this.review(courseId);
      assertTransition(review.state, 'draft', this.#options.roles);
      return this.#saveReview({ ...review, state: 'draft' });
    });
  }

  comment(courseId: string, { lessonId, text }: { lessonId?: string; text: string }): Promise<CourseReview> {
    return this.#queue(async () => {
      assertMayAuthor(this.#options.roles);
      const review = await this.review(courseId);
      const comment = { id: uuid(), ...(lessonId ? { lessonId } : {}), author: this.#options.author, text, at: this.#now().toISOString() };
      return this.#saveReview({ ...review, comments: [...review.comments, comment] });
    });
  }

  publish(courseId: string, note?: string): Promise<CourseVersionInfo> {
    return this.#queue(async () => {
      const review = await this.review(courseId);
      assertTransition(review.state, 'published', this.#options.roles, this.#options.policy);
      const version = makeVersion(await this.published(courseId), review.draft, await this.#objectMap(), this.#meta(note));
      if (version.courseId !== courseId)
        throw new LmsError('course/invalid', `The draft is course "${version.courseId}", not "${courseId}".`);
      await this.#addVersion(version);
      await this.#saveReview({ ...review, state: 'published' });
      return versionInfo(version);
    });
  }

  async listVersions(courseId: string): Promise<CourseVersionInfo[]> {
    return (await this.#versions(courseId)).map(versionInfo);
  }

  async getVersion(courseId: string, number: number): Promise<CourseVersion | undefined> {
    return (await this.#storage.getRecord<Stored<CourseVersion>>(AUTHORING_COLLECTIONS.versions, versionId(courseId, number)))?.data;
  }

  async published(courseId: string): Promise<CourseVersion | undefined> {
    return (await this.#versions(courseId)).at(-1);
  }

  async compare(courseId: string, from: number, to: number): Promise<ChangeSummary> {
    const [a, b] = await Promise.all([this.#mustGet(courseId, from), this.#mustGet(courseId, to)]);
    return compareVersions(a, b);
  }

  rollBack(courseId: string, number: number, note?: string): Promise<CourseVersionInfo> {
    return this.#queue(async () => {
      assertMayPublish(this.#options.roles, this.#options.policy);
      const old = await this.#mustGet(courseId, number);
      const version = rollBackVersion((await this.published(courseId)) as CourseVersion, old, this.#meta(note));
      await this.#addVersion(version);
      return versionInfo(version);
    });
  }

  saveObject(object: Omit<LearningObject, 'version' | 'updatedAt'>): Promise<LearningObject> {
    return this.#queue(() => this.#saveObject(object));
  }

  async getObject(id: string): Promise<LearningObject | undefined> {
    return (await this.#storage.getRecord<Stored<LearningObject>>(AUTHORING_COLLECTIONS.objects, id))?.data;
  }

  async searchObjects(query: LearningObjectQuery = {}): Promise<LearningObject[]> {
    const all = await this.#storage.listRecords<Stored<LearningObject>>(AUTHORING_COLLECTIONS.objects);
    return all
      .map((record) => record.data)
      .filter((object) => matchesObject(object, query))
      .sort((a, b) => a.title.localeCompare(b.title));
  }

  async whereUsed(id: string): Promise<ObjectUse[]> {
    const latest = new Map<string, CourseVersion>();
    const all = await this.#storage.listRecords<Stored<CourseVersion>>(AUTHORING_COLLECTIONS.versions);
    for (const { data } of all) if ((latest.get(data.courseId)?.number ?? 0) < data.number) latest.set(data.courseId, data);
    return [...latest.values()]
      .filter((version) => version.objects.includes(id))
      .map((version) => ({ courseId: version.courseId, version: version.number, title: version.course.title }))
      .sort((a, b) => a.courseId.localeCompare(b.courseId));
  }

  updateEverywhere(object: Omit<LearningObject, 'version' | 'updatedAt'>, note?: string): Promise<CourseVersionInfo[]> {
    return this.#queue(async () => {
      assertMayPublish(this.#options.roles, this.#options.policy);
      await this.#saveObject(object);
      const objects = await this.#objectMap();
      const published: CourseVersionInfo[] = [];
      for (const use of await this.whereUsed(object.id)) {
        const latest = (await this.published(use.courseId)) as CourseVersion;
        const version = makeVersion(latest, latest.source, objects, this.#meta(note ?? `Shared object "${object.title}" updated`));
        await this.#addVersion(version);
        published.push(versionInfo(version));
      }
      return published;
    });
  }

  forkForCourse(courseId: string, objectId: string): Promise<CourseReview> {
    return this.#queue(async () => {
      assertMayAuthor(this.#options.roles);
      const object = await this.getObject(objectId);
      if (!object) throw new LmsError('storage/not-found', `There is no shared object "${objectId}".`);
      const review = await this.review(courseId);
      const source = review.state === 'published' || !review.draft ? (await this.published(courseId))?.source : review.draft;
      if (!source) throw new LmsError('storage/not-found', `The course "${courseId}" has no draft or version.`);
      return this.#saveReview({ ...review, state: 'draft', draft: forkObject(source, object) });
    });
  }

  async #saveObject(object: Omit<LearningObject, 'version' | 'updatedAt'>): Promise<LearningObject> {
    assertMayAuthor(this.#options.roles);
    const previous = await this.getObject(object.id);
    const saved: LearningObject = { ...object, version: (previous?.version ?? 0) + 1, updatedAt: this.#now().toISOString() };
    await this.#storage.putRecord(AUTHORING_COLLECTIONS.objects, { id: object.id, data: saved });
    return saved;
  }

  async #objectMap(): Promise<Map<string, LearningObject>> {
    return new Map((await this.searchObjects()).map((object) => [object.id, object]));
  }

  async #versions(courseId: string): Promise<CourseVersion[]> {
    const records = await this.#storage.listRecords<Stored<CourseVersion>>(AUTHORING_COLLECTIONS.versions, { courseId });
    return records.map((record) => record.data).sort((a, b) => a.number - b.number);
  }

  async #mustGet(courseId: string, number: number): Promise<CourseVersion> {
    const version = await this.getVersion(courseId, number);
    if (!version) throw new LmsError('storage/not-found', `The course "${courseId}" has no version ${number}.`);
    return version;
  }

  /** A version is written once: an existing record is never replaced. */
  async #addVersion(version: CourseVersion): Promise<void> {
    const id = versionId(version.courseId, version.number);
    if (await this.#storage.getRecord(AUTHORING_COLLECTIONS.versions, id))
      throw new LmsError('storage/conflict', `Version ${version.number} of "${version.courseId}" exists already.`);
    await this.#storage.putRecord(AUTHORING_COLLECTIONS.versions, { id, courseId: version.courseId, data: version });
  }

  async #saveReview(review: CourseReview): Promise<CourseReview> {
    const saved = { ...review, updatedAt: this.#now().toISOString(), updatedBy: this.#options.author };
    await this.#storage.putRecord(AUTHORING_COLLECTIONS.reviews, { id: review.courseId, courseId: review.courseId, data: saved });
    return saved;
  }

  #meta(note?: string) {
    return { by: this.#options.author, at: this.#now(), ...(note ? { note } : {}) };
  }
}

/** The authoring routes of an LMS Kit server (`/v1/authoring/…`): the server enforces roles and the review workflow. */
import type {
  AuthoringStore,
  ChangeSummary,
  CourseReview,
  CourseVersion,
  CourseVersionInfo,
  LearningObject,
  LearningObjectQuery,
  ObjectUse,
} from '@lms-kit/core/authoring';
import type { Course } from '@lms-kit/core';
import type { ServerClient } from './client.js';

const seg = encodeURIComponent;
type NewObject = Omit<LearningObject, 'version' | 'updatedAt'>;

export class AuthoringClient implements AuthoringStore {
  constructor(private readonly client: ServerClient) {}

  #course = (courseId: string, rest = '') => `v1/authoring/courses/${seg(courseId)}${rest}`;
  async #get<T>(path: string): Promise<T> {
    return (await this.client.request<T>('GET', path)).body;
  }
  async #post<T>(path: string, body: unknown = {}): Promise<T> {
    return (await this.client.request<T>('POST', path, { body })).body;
  }

  /** The published course, as learners get it (any signed-in member of the tenant). */
  async publishedCourse(courseId: string): Promise<Course | undefined> {
    const answer = await this.client.request<Course>('GET', `v1/courses/${seg(courseId)}/published`, { accept: [404] });
    return answer.status === 404 ? undefined : answer.body;
  }

  review = (courseId: string) => this.#get<CourseReview>(this.#course(courseId, '/review'));
  submitForReview = (courseId: string, draft: unknown) => this.#post<CourseReview>(this.#course(courseId, '/review'), { draft });
  returnToDraft = (courseId: string) => this.#post<CourseReview>(this.#course(courseId, '/review/return'));
  comment = (courseId: string, comment: { lessonId?: string; text: string }) =>
    this.#post<CourseReview>(this.#course(courseId, '/review/comments'), comment);
  publish = (courseId: string, note?: string) => this.#post<CourseVersionInfo>(this.#course(courseId, '/publish'), note ? { note } : {});
  listVersions = async (courseId: string) => (await this.#get<{ items: CourseVersionInfo[] }>(this.#course(courseId, '/versions'))).items;

  async getVersion(courseId: string, number: number): Promise<CourseVersion | undefined> {
    const answer = await this.client.request<CourseVersion>('GET', this.#course(courseId, `/versions/${number}`), { accept: [404] });
    return answer.status === 404 ? undefined : answer.body;
  }

  async published(courseId: string): Promise<CourseVersion | undefined> {
    const last = (await this.listVersions(courseId)).at(-1);
    return last && this.getVersion(courseId, last.number);
  }

  compare = (courseId: string, from: number, to: number) =>
    this.#get<ChangeSummary>(this.#course(courseId, `/compare?from=${from}&to=${to}`));
  rollBack = (courseId: string, number: number, note?: string) =>
    this.#post<CourseVersionInfo>(this.#course(courseId, '/rollback'), { number, ...(note ? { note } : {}) });

  saveObject = async ({ id, ...object }: NewObject) =>
    (await this.client.request<LearningObject>('PUT', `v1/authoring/objects/${seg(id)}`, { body: object })).body;

  async getObject(id: string): Promise<LearningObject | undefined> {
    const answer = await this.client.request<LearningObject>('GET', `v1/authoring/objects/${seg(id)}`, { accept: [404] });
    return answer.status === 404 ? undefined : answer.body;
  }

  async searchObjects(query: LearningObjectQuery = {}): Promise<LearningObject[]> {
    const params = new URLSearchParams(Object.entries(query).filter(([, value]) => value) as [string, string][]);
    return (await this.#get<{ items: LearningObject[] }>(`v1/authoring/objects?${params}`)).items;
  }

  whereUsed = async (id: string) => (await this.#get<{ items: ObjectUse[] }>(`v1/authoring/objects/${seg(id)}/uses`)).items;

  updateEverywhere = async ({ id, ...object }: NewObject, note?: string) =>
    (
      await this.#post<{ items: CourseVersionInfo[] }>(`v1/authoring/objects/${seg(id)}/update-everywhere`, {
        ...object,
        ...(note ? { note } : {}),
      })
    ).items;

  forkForCourse = (courseId: string, objectId: string) => this.#post<CourseReview>(this.#course(courseId, '/fork'), { objectId });
}

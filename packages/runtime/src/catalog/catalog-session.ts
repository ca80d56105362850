/**
 * Reads the catalog for one learner through the storage seam: a server's catalog (its courses, the
 * learner's enrollments and due dates) or a Catalog JSON with the browser learner's own enrollments,
 * plus the learner's progress. Self-enrollment goes to the server, or is kept as a local record.
 */
import { LmsError, parseCatalog, type Catalog, type CatalogEnrollment } from '@lms-kit/core';
import { ENROLLMENTS, catalogReadsOf, type StorageAdapter, type StoredRecord } from '@lms-kit/storage';
import { catalogItems, type CatalogItem } from './catalog-items.js';

export interface CatalogSessionOptions {
  storage: StorageAdapter;
  learnerId: string;
  /** URL of a Catalog JSON; without it (and without `catalog`), the storage's own catalog (a server). */
  src?: string;
  /** A Catalog JSON document given directly (validated). */
  catalog?: unknown;
  fetch?: typeof fetch;
  now?: () => Date;
  signal?: AbortSignal;
}

interface EnrollmentRecord extends StoredRecord {
  courseId: string;
  enrolledAt: string;
}

export async function fetchCatalog(url: string, options: { fetch?: typeof fetch; signal?: AbortSignal } = {}): Promise<Catalog> {
  let body: unknown;
  try {
    const response = await (options.fetch ?? fetch)(url, { signal: options.signal });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    body = await response.json();
  } catch (cause) {
    if (options.signal?.aborted) throw cause;
    throw new LmsError('catalog/load-failed', `The catalog at ${url} could not be loaded: ${(cause as Error).message}`, { cause });
  }
  return parseCatalog(body);
}

export class CatalogSession {
  private catalog?: Catalog;

  constructor(private readonly options: CatalogSessionOptions) {}

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  private async readCatalog(): Promise<{ catalog: Catalog; enrollments: Map<string, CatalogEnrollment> }> {
    const { storage, learnerId } = this.options;
    const server = catalogReadsOf(storage);
    const fromServer = server && (!this.options.src && this.options.catalog === undefined ? await server.readCatalog() : undefined);
    const catalog =
      fromServer ??
      (this.options.catalog !== undefined
        ? parseCatalog(this.options.catalog)
        : this.options.src
          ? await fetchCatalog(this.options.src, this.options)
          : undefined);
    if (!catalog) throw new LmsError('catalog/load-failed', 'No catalog: set src, or use a storage that has one (a server).');
    const enrollments = new Map<string, CatalogEnrollment>();
    if (server) {
      // A static list on a server: the enrollments are still the server's.
      const known = fromServer ?? (await server.readCatalog());
      for (const course of known.courses) if (course.enrollment) enrollments.set(course.id, course.enrollment);
    } else {
      for (const record of await storage.listRecords<EnrollmentRecord>(ENROLLMENTS, { learnerId }))
        enrollments.set(record.courseId, { assigned: false });
    }
    this.catalog = catalog;
    return { catalog, enrollments };
  }

  /** The catalog as this learner sees it, in catalog order. */
  async load(): Promise<CatalogItem[]> {
    const { catalog, enrollments } = await this.readCatalog();
    const progress = await this.options.storage.listProgress(this.options.learnerId);
    return catalogItems({ catalog, progress, enrollments, now: this.now() });
  }

  /**
   * Enrolls the learner themselves. A server refuses with `auth/forbidden` where the course does not
   * allow it; without a server, a course the catalog does not open to self-enrollment is refused with
   * `catalog/enroll-refused`, and nothing is stored.
   */
  async enroll(courseId: string): Promise<void> {
    const { storage, learnerId } = this.options;
    const server = catalogReadsOf(storage);
    if (server) return server.enrollInCourse(courseId);
    const entry = (this.catalog ?? (await this.readCatalog()).catalog).courses.find((c) => c.id === courseId);
    if (!entry?.selfEnroll) throw new LmsError('catalog/enroll-refused', `The course ${courseId} does not allow self-enrollment.`);
    const record: EnrollmentRecord = { id: `${learnerId} ${courseId}`, learnerId, courseId, enrolledAt: this.now().toISOString() };
    await storage.putRecord(ENROLLMENTS, record);
  }
}

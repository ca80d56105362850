/** The learner dashboard's reads: the catalog as the learner sees it, and their certificates, through the storage seam. */
import { CatalogSession, type CatalogSessionOptions } from './catalog-session.js';
import { myLearning, type CertificateSummary, type MyLearning } from './my-learning.js';

/** The collection certificates are stored in (`CERTIFICATES` of `@lms-kit/certificates`). */
const CERTIFICATES = 'certificates';

export interface MyLearningSessionOptions extends CatalogSessionOptions {
  /** How far back "recently completed" goes (default 90 days). */
  recentDays?: number;
}

export class MyLearningSession {
  private readonly catalog: CatalogSession;

  constructor(private readonly options: MyLearningSessionOptions) {
    this.catalog = new CatalogSession(options);
  }

  async load(): Promise<MyLearning> {
    const [items, certificates] = await Promise.all([
      this.catalog.load(),
      this.options.storage.listRecords(CERTIFICATES, { learnerId: this.options.learnerId }) as Promise<unknown[]> as Promise<
        CertificateSummary[]
      >,
    ]);
    return myLearning(items, certificates, this.options.now?.() ?? new Date(), this.options.recentDays);
  }
}

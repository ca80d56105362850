import type { IHttpService } from 'scorm-again';
import type { CmiJson } from './cmi.js';

/** What scorm-again hands over at each commit (its JSON rendering of the SCO's data). */
export interface ScormCommit {
  cmi?: CmiJson;
  /** SCORM 2004 shared data stores the SCO may write, by `targetID`, when it has any. */
  sharedData?: Record<string, string>;
}

/** Keeps a commit; false when it could not be kept anywhere. */
type Persist = (commit: ScormCommit, terminate: boolean) => boolean;

/** The answers scorm-again gets (it only reads them): made once, as commits can come by the thousand. */
const KEPT = Object.freeze({ result: 'true', errorCode: 0 });
/** SCORM's "general commit failure". */
const NOT_KEPT = Object.freeze({ result: 'false', errorCode: 391 });

/**
 * scorm-again's commit hook: instead of posting the commit to a server, hands it to LMS Kit, which
 * writes it through the storage adapter (journaled when the page may go away or storage is failing).
 * The SCO gets "true" at once, as SCORM requires of a synchronous Commit, unless the data could not
 * be kept anywhere: then "false" and error 391, never an exception.
 */
export class PersistingHttpService implements IHttpService {
  constructor(private readonly persist: Persist) {}

  processHttpRequest(_url: string, params: unknown, immediate: boolean) {
    try {
      if (this.persist(params as ScormCommit, immediate)) return KEPT;
    } catch {
      // fall through: SCORM semantics, never an exception into the content
    }
    return NOT_KEPT;
  }

  updateSettings(): void {}
}

import type { IHttpService } from 'scorm-again';

type Persist = (commit: { runtimeData?: { cmi?: Record<string, unknown> } }, terminate: boolean) => void;

/**
 * scorm-again's commit hook: instead of posting the commit to a server, hands it to LMS Kit, which
 * journals it synchronously and writes it through the storage adapter. The SCO gets "true" at once,
 * as SCORM requires of a synchronous Commit; the data is already safe in the journal by then.
 */
export class PersistingHttpService implements IHttpService {
  constructor(private readonly persist: Persist) {}

  processHttpRequest(_url: string, params: unknown, immediate: boolean) {
    try {
      this.persist(params as Parameters<Persist>[0], immediate);
      return { result: 'true', errorCode: 0 };
    } catch {
      // SCORM semantics: report a general commit failure, never throw into the content.
      return { result: 'false', errorCode: 391 };
    }
  }

  updateSettings(): void {}
}

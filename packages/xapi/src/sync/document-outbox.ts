import type { StorageAdapter, StoredRecord } from '@lms-kit/storage';
import type { LrsClient } from '../lrs/client.js';

/** Record collection of xAPI documents (State, Agent Profile) waiting to reach the LRSs. */
export const DOCUMENT_OUTBOX = 'xapi-document-outbox';

export type DocumentResource = 'activities/state' | 'agents/profile' | 'activities/profile';

/**
 * The latest version of one document for the LRSs: its whole body (PUT), or its deletion. A newer
 * write replaces a version not yet sent, so an LRS gets the last one, once.
 */
export interface OutgoingDocument extends StoredRecord, DocumentWrite {
  /** Changes with every write: a send that finishes after a newer write leaves it queued. */
  version: string;
  /** Keys of the LRSs that have this version. */
  sentTo: string[];
}

/** One write of a document: its id in the learner's storage, the query that names it, and its body or deletion. */
export interface DocumentWrite {
  /** The document's id in the learner's storage. */
  id: string;
  resource: DocumentResource;
  /** The query that names it: activityId, agent (JSON), registration, stateId or profileId. */
  params: Record<string, string>;
  body?: string;
  contentType?: string;
  deleted?: boolean;
}

export function queueDocument(storage: StorageAdapter, document: DocumentWrite): Promise<unknown> {
  const version = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  const record: OutgoingDocument = { ...document, version, sentTo: [] };
  return storage.putRecord(DOCUMENT_OUTBOX, record);
}

/**
 * Sends every queued document to the `clients` that lack it; it leaves the queue once every LRS
 * (`allKeys`) has it.
 * An LRS that fails (network, 5xx) keeps its documents for the next sync; one that refuses a
 * document (4xx) will refuse it again, so that version is not retried.
 */
export async function sendDocuments(storage: StorageAdapter, clients: LrsClient[], allKeys: string[]): Promise<void> {
  const queued = await storage.listRecords<OutgoingDocument>(DOCUMENT_OUTBOX);
  for (const document of queued) {
    const sentTo = [...document.sentTo];
    for (const client of clients) {
      if (sentTo.includes(client.lrs.key)) continue;
      const status = await client.sendDocument(document.resource, document.params, document).catch(() => 0);
      if (status >= 200 && status < 500) sentTo.push(client.lrs.key);
    }
    const current = await storage.getRecord<OutgoingDocument>(DOCUMENT_OUTBOX, document.id);
    if (current?.version !== document.version) continue;
    if (allKeys.every((key) => sentTo.includes(key))) await storage.deleteRecord(DOCUMENT_OUTBOX, document.id);
    else await storage.putRecord(DOCUMENT_OUTBOX, { ...current, sentTo });
  }
}

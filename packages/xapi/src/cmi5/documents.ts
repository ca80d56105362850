import { learnerFromActor, type Agent } from '@lms-kit/core';
import type { StorageAdapter } from '@lms-kit/storage';
import { Cmi5Collections, shortHash, type Cmi5Document } from './records.js';

/** The key of an agent in document ids: its inverse functional identifier, as learner ids are made. */
export function agentKey(agent: Agent): string {
  return learnerFromActor(agent).id;
}

export const stateDocumentId = (activityId: string, agent: Agent, registration: string | undefined, stateId: string) =>
  `state|${activityId}|${agentKey(agent)}|${registration ?? ''}|${stateId}`;
export const agentProfileId = (agent: Agent, profileId: string) => `agent-profile|${agentKey(agent)}|${profileId}`;
export const activityProfileId = (activityId: string, profileId: string) => `activity-profile|${activityId}|${profileId}`;

export function getDocument(storage: StorageAdapter, id: string): Promise<Cmi5Document | undefined> {
  return storage.getRecord<Cmi5Document>(Cmi5Collections.documents, id);
}

/** Stores a document (State or Profile API); `learnerId` indexes it by agent so an agent's states can be listed. */
export async function putDocument(
  storage: StorageAdapter,
  id: string,
  body: string,
  contentType: string,
  agent?: Agent,
): Promise<Cmi5Document> {
  const document: Cmi5Document = {
    id,
    body,
    contentType,
    etag: `"${shortHash(body)}${body.length.toString(16)}"`,
    updated: new Date().toISOString(),
  };
  if (agent) document.learnerId = agentKey(agent);
  await storage.putRecord(Cmi5Collections.documents, document);
  return document;
}

export function putJsonDocument(storage: StorageAdapter, id: string, value: unknown, agent?: Agent): Promise<Cmi5Document> {
  return putDocument(storage, id, JSON.stringify(value), 'application/json', agent);
}

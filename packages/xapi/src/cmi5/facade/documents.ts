import type { Agent } from '@lms-kit/core';
import type { StorageAdapter } from '@lms-kit/storage';
import { activityProfileId, agentKey, agentProfileId, getDocument, putDocument, stateDocumentId } from '../documents.js';
import { Cmi5Collections, type Cmi5Document, type Cmi5Session } from '../records.js';
import { LAUNCH_DATA_STATE_ID, LEARNER_PREFERENCES_PROFILE_ID } from '../vocabulary.js';
import { learnerPreferencesProblem } from './learner-preferences.js';
import { queueDocument } from '../../sync/document-outbox.js';
import { empty, json, parseJson, problem } from './http.js';

type Resource = 'activities/state' | 'agents/profile' | 'activities/profile';

/**
 * The document resources an AU uses (xAPI 1.0.3 §2.3–2.7): activity state (its bookmark and
 * `LMS.LaunchData`, which it may read but never change, cmi5 10.2.1), agent profile (learner
 * preferences, cmi5 11) and activity profile. Documents of other agents are refused.
 */
export async function handleDocuments(
  storage: StorageAdapter,
  session: Cmi5Session,
  resource: Resource,
  request: Request,
  url: URL,
): Promise<Response> {
  const params = url.searchParams;
  let agent: Agent | undefined;
  if (resource !== 'activities/profile') {
    const parsed = parseJson(params.get('agent') ?? '');
    if (parsed.error || typeof parsed.value !== 'object' || parsed.value === null)
      return problem(400, 'The agent parameter must be an Agent as JSON.');
    agent = parsed.value as Agent;
    try {
      if (agentKey(agent) !== agentKey(session.actor)) return problem(403, 'This session may only use the documents of its own learner.');
    } catch {
      return problem(400, 'The agent parameter has no identifier.');
    }
  }
  const activityId = params.get('activityId') ?? '';
  if (resource !== 'agents/profile' && !activityId) return problem(400, 'The activityId parameter is required.');
  const documentName = resource === 'activities/state' ? params.get('stateId') : params.get('profileId');
  const registration = params.get('registration') ?? undefined;
  const idOf = (name: string) =>
    resource === 'activities/state'
      ? stateDocumentId(activityId, agent as Agent, registration, name)
      : resource === 'agents/profile'
        ? agentProfileId(agent as Agent, name)
        : activityProfileId(activityId, name);

  if (!documentName) {
    if (request.method === 'GET') return json(await listNames(storage, idOf('')));
    if (request.method === 'DELETE' && resource === 'activities/state') return deleteAll(storage, idOf(''));
    return problem(400, `${resource === 'activities/state' ? 'stateId' : 'profileId'} is required.`);
  }
  const id = idOf(documentName);
  if (resource === 'activities/state' && documentName === LAUNCH_DATA_STATE_ID && request.method !== 'GET') {
    return problem(403, 'LMS.LaunchData is written by the LMS; an AU must not change it (cmi5 10.2.1).');
  }
  const preferences = resource === 'agents/profile' && documentName === LEARNER_PREFERENCES_PROFILE_ID;
  if (preferences && (request.method === 'PUT' || request.method === 'POST')) {
    const body = await request.clone().text();
    const problemFound = learnerPreferencesProblem(request.headers.get('Content-Type'), body);
    if (problemFound) return problem(403, `The learner preferences ${problemFound}; they were not changed.`);
  }
  if (preferences && request.method === 'GET' && !session.preferencesRead)
    await storage.putRecord(Cmi5Collections.sessions, { ...session, preferencesRead: true });
  const existing = await getDocument(storage, id);
  const precondition = checkPreconditions(request, existing);
  if (precondition) return precondition;

  switch (request.method) {
    case 'GET':
      if (!existing) return problem(404, `No document "${documentName}".`);
      return new Response(existing.body, {
        status: 200,
        headers: {
          'Content-Type': existing.contentType,
          ETag: existing.etag,
          'Last-Modified': new Date(existing.updated).toUTCString(),
          'X-Experience-API-Version': '1.0.3',
        },
      });
    case 'PUT': {
      const stored = await putDocument(
        storage,
        id,
        await request.text(),
        request.headers.get('Content-Type') ?? 'application/octet-stream',
        agent,
      );
      await forward(storage, resource, url, documentName, id, stored);
      return empty(204, { ETag: stored.etag });
    }
    case 'POST': {
      const body = await request.text();
      const type = request.headers.get('Content-Type') ?? '';
      if (!existing) {
        const created = await putDocument(storage, id, body, type || 'application/json', agent);
        await forward(storage, resource, url, documentName, id, created);
        return empty(204, { ETag: created.etag });
      }
      const incoming = parseJson(body).value;
      const current = parseJson(existing.body).value;
      if (!isJsonObject(incoming) || !isJsonObject(current) || !/json/.test(existing.contentType)) {
        return problem(400, 'POST merges JSON objects only; use PUT to replace the document.');
      }
      const merged = await putDocument(storage, id, JSON.stringify({ ...current, ...incoming }), 'application/json', agent);
      await forward(storage, resource, url, documentName, id, merged);
      return empty(204, { ETag: merged.etag });
    }
    case 'DELETE':
      await storage.deleteRecord(Cmi5Collections.documents, id);
      await forward(storage, resource, url, documentName, id);
      return empty(204);
    default:
      return problem(405, `${request.method} is not allowed on /${resource}.`);
  }
}

/** Queues the document as it now is (or its deletion) for the LRSs the learner's records sync to (cmi5 10.1). */
function forward(storage: StorageAdapter, resource: Resource, url: URL, name: string, id: string, document?: Cmi5Document) {
  const params: Record<string, string> = {};
  for (const key of ['activityId', 'agent', 'registration']) {
    const value = url.searchParams.get(key);
    if (value !== null) params[key] = value;
  }
  params[resource === 'activities/state' ? 'stateId' : 'profileId'] = name;
  return queueDocument(storage, {
    id,
    resource,
    params,
    ...(document ? { body: document.body, contentType: document.contentType } : { deleted: true }),
  });
}

function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** If-Match / If-None-Match (xAPI §2.3 concurrency). */
function checkPreconditions(request: Request, existing: Cmi5Document | undefined): Response | undefined {
  const ifMatch = request.headers.get('If-Match');
  const ifNoneMatch = request.headers.get('If-None-Match');
  if (ifMatch && (!existing || (ifMatch !== '*' && ifMatch !== existing.etag))) return problem(412, 'The document changed (If-Match).');
  if (ifNoneMatch === '*' && existing) return problem(412, 'The document already exists (If-None-Match).');
  return undefined;
}

async function listNames(storage: StorageAdapter, prefix: string): Promise<string[]> {
  const all = await storage.listRecords<Cmi5Document>(Cmi5Collections.documents);
  return all.filter((document) => document.id.startsWith(prefix)).map((document) => document.id.slice(prefix.length));
}

async function deleteAll(storage: StorageAdapter, prefix: string): Promise<Response> {
  const all = await storage.listRecords<Cmi5Document>(Cmi5Collections.documents);
  for (const document of all) {
    if (document.id.startsWith(prefix) && !document.id.endsWith(`|${LAUNCH_DATA_STATE_ID}`))
      await storage.deleteRecord(Cmi5Collections.documents, document.id);
  }
  return empty(204);
}

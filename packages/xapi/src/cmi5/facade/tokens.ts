import type { StorageAdapter } from '@lms-kit/storage';
import { Cmi5Collections, type Cmi5Session } from '../records.js';
import { json } from './http.js';

/** The auth-token for a session: `sessionId:secret` in base64, sent back as `Authorization: Basic <token>` (cmi5 8.2.1). */
export function authToken(session: Pick<Cmi5Session, 'id' | 'secret'>): string {
  return btoa(`${session.id}:${session.secret}`);
}

/** The session an `Authorization` header belongs to, if its token was handed out and is still valid. */
export async function sessionOf(storage: StorageAdapter, authorization: string | null): Promise<Cmi5Session | undefined> {
  const match = /^Basic\s+(\S+)$/i.exec(authorization ?? '');
  if (!match) return undefined;
  let decoded: string;
  try {
    decoded = atob(match[1]);
  } catch {
    return undefined;
  }
  const separator = decoded.indexOf(':');
  if (separator < 0) return undefined;
  const session = await storage.getRecord<Cmi5Session>(Cmi5Collections.sessions, decoded.slice(0, separator));
  if (!session?.tokenFetched || session.secret !== decoded.slice(separator + 1)) return undefined;
  return session;
}

/**
 * The one-time fetch URL (cmi5 8.2): the first POST gets the auth-token; any later call gets the
 * cmi5 error document with `error-code` 1, still with HTTP 200 as the specification requires.
 */
export async function handleFetchUrl(storage: StorageAdapter, sessionId: string, request: Request): Promise<Response> {
  if (request.method !== 'POST') return json({ 'error-code': '3', 'error-text': 'The fetch URL must be called with POST (cmi5 8.2.1).' });
  const session = await storage.getRecord<Cmi5Session>(Cmi5Collections.sessions, sessionId);
  if (!session) return json({ 'error-code': '2', 'error-text': 'Unknown launch session.' });
  if (session.tokenFetched || session.state === 'terminated' || session.state === 'abandoned') {
    return json({ 'error-code': '1', 'error-text': 'The authorization token has already been returned.' });
  }
  await storage.putRecord(Cmi5Collections.sessions, { ...session, tokenFetched: true });
  return json({ 'auth-token': authToken(session) });
}

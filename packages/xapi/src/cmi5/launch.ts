import { LmsError, assertSafeUrl, uuid, type Agent } from '@lms-kit/core';
import type { StorageAdapter } from '@lms-kit/storage';
import { agentProfileId, getDocument, putJsonDocument, stateDocumentId } from './documents.js';
import { recordStatements } from './ledger.js';
import { abandonedStatement, contextTemplate, launchedStatement } from './lms-statements.js';
import { Cmi5Collections, type Cmi5CourseRecord, type Cmi5Session } from './records.js';
import { updateSatisfaction } from './satisfaction.js';
import { allAus } from './structure.js';
import { LAUNCH_DATA_STATE_ID, LEARNER_PREFERENCES_PROFILE_ID, type LaunchMode } from './vocabulary.js';

export interface Cmi5Learner {
  id: string;
  /** An Agent with an `account` (cmi5 9.2); see `cmi5Actor`. */
  actor: Agent;
}

/** Where the AU finds the LMS: the facade's xAPI endpoint and the base of fetch URLs. */
export interface Cmi5Endpoints {
  endpoint: string;
  fetchBase: string;
}

export interface LaunchOptions {
  course: Cmi5CourseRecord;
  /** Publisher id of the AU to launch. */
  auId: string;
  learner: Cmi5Learner;
  registration: string;
  endpoints: Cmi5Endpoints;
  launchMode?: LaunchMode;
  /** Where the AU sends the learner when it exits (`LMS.LaunchData` returnURL). */
  returnUrl?: string;
  /** Learner's languages for the learner preferences profile, e.g. `en-US,fr`. */
  languagePreference?: string;
}

export interface Launch {
  /** The AU's URL with the cmi5 launch parameters (cmi5 8.1). */
  url: string;
  session: Cmi5Session;
}

/**
 * The actor cmi5 requires (an Agent with an account, 9.2) without handing the AU the learner's
 * email: learners known by an account keep it; others get an opaque account name derived from
 * their id under this site.
 */
export async function cmi5Actor(learner: { id: string; actor: Agent }, homePage: string): Promise<Agent> {
  if (learner.actor.account)
    return { objectType: 'Agent', account: learner.actor.account, ...(learner.actor.name ? { name: learner.actor.name } : {}) };
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(learner.id));
  const name = Array.from(new Uint8Array(digest).slice(0, 16), (byte) => byte.toString(16).padStart(2, '0')).join('');
  return { objectType: 'Agent', account: { homePage, name }, ...(learner.actor.name ? { name: learner.actor.name } : {}) };
}

/**
 * Prepares and returns the launch of an AU (cmi5 8.1, 10, 11): abandons sessions of the
 * registration still open (9.3.6), evaluates satisfaction at registration (9.6.1), writes
 * `LMS.LaunchData` and the learner preferences, records "launched", and builds the launch URL
 * with a one-time fetch URL (8.2).
 */
export async function launchAu(storage: StorageAdapter, options: LaunchOptions): Promise<Launch> {
  const { course, learner, registration } = options;
  const au = allAus(course.structure.children).find((candidate) => candidate.id === options.auId);
  if (!au) throw new LmsError('cmi5/unknown-au', `The course has no AU with id "${options.auId}".`);
  await abandonOpenSessions(storage, learner.id, registration);
  await recordStatements(storage, await updateSatisfaction(storage, course, learner, registration, uuid()), { learnerId: learner.id });

  const launchUrl = new URL(assertSafeUrl(au.url, `AU "${au.id}" url`), course.contentBase).href;
  const session: Cmi5Session = {
    id: uuid(),
    learnerId: learner.id,
    courseId: course.id,
    registration,
    auId: au.id,
    activityId: course.activityIds[au.id],
    actor: learner.actor,
    launchMode: options.launchMode ?? 'Normal',
    moveOn: au.moveOn,
    launchUrl,
    launchedAt: new Date().toISOString(),
    secret: uuid(),
    tokenFetched: false,
    state: 'launched',
    verbs: [],
  };
  if (au.masteryScore !== undefined) session.masteryScore = au.masteryScore;

  const launchData: Record<string, unknown> = {
    contextTemplate: contextTemplate(session),
    launchMode: session.launchMode,
    moveOn: au.moveOn,
  };
  if (au.launchParameters !== undefined) launchData.launchParameters = au.launchParameters;
  if (au.masteryScore !== undefined) launchData.masteryScore = au.masteryScore;
  if (options.returnUrl) launchData.returnURL = options.returnUrl;
  if (au.entitlementKey !== undefined) launchData.entitlementKey = { courseStructure: au.entitlementKey };
  await putJsonDocument(
    storage,
    stateDocumentId(session.activityId, learner.actor, registration, LAUNCH_DATA_STATE_ID),
    launchData,
    learner.actor,
  );

  const preferencesId = agentProfileId(learner.actor, LEARNER_PREFERENCES_PROFILE_ID);
  if (!(await getDocument(storage, preferencesId))) {
    const preferences = { languagePreference: options.languagePreference ?? 'en', audioPreference: 'on' };
    await putJsonDocument(storage, preferencesId, preferences, learner.actor);
  }

  await storage.putRecord(Cmi5Collections.sessions, session);
  await recordStatements(storage, [launchedStatement(session, au, au.launchParameters)], { learnerId: learner.id, sessionId: session.id });

  const url = new URL(launchUrl);
  url.searchParams.set('endpoint', options.endpoints.endpoint);
  url.searchParams.set('fetch', `${options.endpoints.fetchBase}${session.id}`);
  url.searchParams.set('actor', JSON.stringify(learner.actor));
  url.searchParams.set('registration', registration);
  url.searchParams.set('activityId', session.activityId);
  return { url: url.href, session };
}

/**
 * Ends a session the learner left without the AU sending "terminated" (closed the window, moved to
 * another lesson): records "abandoned" once (9.3.6) and refuses its statements from then on.
 */
export async function endSession(storage: StorageAdapter, sessionId: string): Promise<boolean> {
  const session = await storage.getRecord<Cmi5Session>(Cmi5Collections.sessions, sessionId);
  if (!session || session.state === 'terminated' || session.state === 'abandoned') return false;
  const now = new Date();
  await storage.putRecord(Cmi5Collections.sessions, { ...session, state: 'abandoned', endedAt: now.toISOString() });
  await recordStatements(storage, [abandonedStatement(session, now)], { learnerId: session.learnerId, sessionId: session.id });
  return true;
}

async function abandonOpenSessions(storage: StorageAdapter, learnerId: string, registration: string): Promise<void> {
  const sessions = await storage.listRecords<Cmi5Session>(Cmi5Collections.sessions, { learnerId });
  for (const session of sessions) {
    if (session.registration === registration && (session.state === 'launched' || session.state === 'initialized'))
      await endSession(storage, session.id);
  }
}

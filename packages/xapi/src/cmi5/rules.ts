import type { Agent, Statement } from '@lms-kit/core';
import type { Cmi5AuStatus, Cmi5Session } from './records.js';
import { Cmi5Categories, Cmi5Extensions, Cmi5Verbs } from './vocabulary.js';

export type RuleOutcome = { accepted: true; cmi5Defined: boolean } | { accepted: false; status: 400 | 403; reason: string };

const AU_VERBS = new Set<string>([Cmi5Verbs.initialized, Cmi5Verbs.completed, Cmi5Verbs.passed, Cmi5Verbs.failed, Cmi5Verbs.terminated]);
const VOIDED = 'http://adlnet.gov/expapi/verbs/voided';
const name = (verbId: string) => verbId.slice(verbId.lastIndexOf('/') + 1);

export function isCmi5Defined(statement: Statement): boolean {
  return statement.context?.contextActivities?.category?.some((category) => category.id === Cmi5Categories.cmi5) ?? false;
}

function sameAgent(a: Agent, b: Agent): boolean {
  if ((a.objectType ?? 'Agent') !== 'Agent') return false;
  if (a.account || b.account) return a.account?.homePage === b.account?.homePage && a.account?.name === b.account?.name;
  return a.mbox === b.mbox && a.mbox_sha1sum === b.mbox_sha1sum && a.openid === b.openid;
}

/**
 * Checks one statement an AU sends in a session against the cmi5 rules (sections 7.1, 9.3, 9.5,
 * 9.6, 10.2.2): initialized first, nothing after terminated or abandoned, cmi5 verbs once per
 * session, completed and passed once per registration, no failed after passed, satisfaction
 * verbs only in Normal mode, scores consistent with masteryScore, the result properties each verb
 * requires or forbids, and the launch's actor, registration, activity and session id.
 */
export function checkAuStatement(statement: Statement, session: Cmi5Session, status: Cmi5AuStatus): RuleOutcome {
  // A statement that is valid xAPI but breaks a cmi5 rule is forbidden (403), as the CATAPULT LMS tests expect.
  const reject = (reason: string, code: 400 | 403 = 403): RuleOutcome => ({ accepted: false, status: code, reason });
  const verbId = statement.verb?.id;
  if (session.state === 'abandoned') return reject('This AU session was abandoned: no more statements are accepted for it.', 403);
  if (session.state === 'terminated') return reject('This AU session is terminated: no more statements are accepted for it.', 403);
  if (verbId === VOIDED) return reject('AUs may not void statements (cmi5 6.3).', 403);
  if (!statement.actor || !sameAgent(statement.actor, session.actor))
    return reject('actor must be the actor of the launch URL (cmi5 8.1.3).');
  const context = statement.context;
  if (context?.registration !== session.registration)
    return reject('context.registration must be the registration of the launch URL (cmi5 9.6.1).');
  if (context?.extensions?.[Cmi5Extensions.sessionId] !== session.id) {
    return reject('context.extensions must carry the session id of LMS.LaunchData contextTemplate (cmi5 9.6.3.1).');
  }
  if (!context?.contextActivities?.grouping?.some((activity) => activity.id === session.auId)) {
    return reject('context.contextActivities.grouping must keep the publisher id activity of contextTemplate (cmi5 10.2.1).');
  }
  const defined = isCmi5Defined(statement);
  if (session.state === 'launched' && !(defined && verbId === Cmi5Verbs.initialized)) {
    return reject('The first statement of an AU session must be the cmi5 "initialized" statement (cmi5 7.1.1).');
  }
  if (verbId === Cmi5Verbs.initialized && !session.preferencesRead) {
    return reject('The AU must read the cmi5LearnerPreferences agent profile before sending "initialized" (cmi5 11.0).');
  }
  const hasMoveOn = context?.contextActivities?.category?.some((category) => category.id === Cmi5Categories.moveOn) ?? false;
  if (!defined) {
    if (hasMoveOn) return reject('Only cmi5 defined statements may have the moveOn category activity (cmi5 9.6.2.2).');
    return { accepted: true, cmi5Defined: false };
  }

  if (statement.object?.id !== session.activityId)
    return reject('object.id of a cmi5 defined statement must be the activityId of the launch URL (cmi5 9.4).');
  if (!AU_VERBS.has(verbId)) return reject(`"${name(verbId)}" is not a verb an AU may use in cmi5 defined statements (cmi5 9.3).`);
  if (session.verbs.includes(verbId)) return reject(`"${name(verbId)}" was already sent in this session (cmi5 9.3).`);
  if (session.launchMode !== 'Normal' && verbId !== Cmi5Verbs.initialized && verbId !== Cmi5Verbs.terminated) {
    return reject(`In ${session.launchMode} mode an AU sends only "initialized" and "terminated" (cmi5 10.2.2).`);
  }

  const result = statement.result ?? {};
  const scaled = result.score?.scaled;
  const mastery = session.masteryScore;
  switch (verbId) {
    case Cmi5Verbs.completed:
      if (status.completed) return reject('"completed" was already sent in this registration (cmi5 9.3.3).');
      if (result.completion !== true) return reject('"completed" needs result.completion true (cmi5 9.5.3).');
      if (result.success !== undefined || result.score !== undefined)
        return reject('"completed" must not carry success or a score (cmi5 9.5.1, 9.5.2).');
      break;
    case Cmi5Verbs.passed:
      if (status.passed) return reject('"passed" was already sent in this registration (cmi5 9.3.4).');
      if (session.verbs.includes(Cmi5Verbs.failed)) return reject('A session has "passed" or "failed", not both (cmi5 9.3).');
      if (result.success !== true) return reject('"passed" needs result.success true (cmi5 9.5.2).');
      if (mastery !== undefined && scaled !== undefined && scaled < mastery) {
        return reject(`"passed" with a scaled score of ${scaled} is below the masteryScore ${mastery} (cmi5 9.3.4).`);
      }
      break;
    case Cmi5Verbs.failed:
      if (status.passed) return reject('"failed" cannot follow "passed" in a registration (cmi5 9.3).');
      if (session.verbs.includes(Cmi5Verbs.passed)) return reject('A session has "passed" or "failed", not both (cmi5 9.3).');
      if (result.success !== false) return reject('"failed" needs result.success false (cmi5 9.5.2).');
      if (mastery !== undefined && scaled !== undefined && scaled >= mastery) {
        return reject(`"failed" with a scaled score of ${scaled} is at or above the masteryScore ${mastery} (cmi5 9.3.5).`);
      }
      break;
    default:
      if (result.success !== undefined || result.completion !== undefined || result.score !== undefined) {
        return reject(`"${name(verbId)}" must not carry success, completion or a score (cmi5 9.5).`);
      }
  }
  if (result.score?.raw !== undefined && (result.score.min === undefined || result.score.max === undefined))
    return reject('A score with raw needs min and max (cmi5 9.5.1).');
  // The masteryScore extension goes with a scaled score; when given, it is the launch's (cmi5 9.6.3.2).
  const masteryInContext = context.extensions?.[Cmi5Extensions.masteryScore];
  if (
    (verbId === Cmi5Verbs.passed || verbId === Cmi5Verbs.failed) &&
    mastery !== undefined &&
    (masteryInContext !== undefined || scaled !== undefined) &&
    masteryInContext !== mastery
  )
    return reject(
      `"${name(verbId)}" with a scaled score must carry the masteryScore ${mastery} of LMS.LaunchData in its context extensions (cmi5 9.6.3.2).`,
    );
  if (verbId !== Cmi5Verbs.passed && verbId !== Cmi5Verbs.failed && result.score !== undefined)
    return reject('Only "passed" and "failed" may carry a score (cmi5 9.5.1).');
  if (verbId !== Cmi5Verbs.completed && result.completion !== undefined)
    return reject('Only "completed" may carry result.completion (cmi5 9.5.3).');
  const needsDuration = verbId !== Cmi5Verbs.initialized;
  if (needsDuration && !result.duration) return reject(`"${name(verbId)}" needs result.duration (cmi5 9.5.4.1).`);
  const movesOn = result.success !== undefined || result.completion !== undefined;
  if (movesOn !== hasMoveOn) {
    return reject(
      movesOn
        ? 'Statements with success or completion need the moveOn category activity (cmi5 9.6.2.2).'
        : 'Only statements with success or completion may have the moveOn category activity (cmi5 9.6.2.2).',
    );
  }
  return { accepted: true, cmi5Defined: true };
}

/**
 * What cmi5 asks of every AU statement beyond xAPI, checked before anything else: an id the AU
 * chose (9.1) and a UTC timestamp (9.7). Undefined when both are there.
 */
export function statementShapeProblem(statement: Statement): string | undefined {
  if (!statement.id) return 'The AU must give every statement an id (cmi5 9.1).';
  if (!statement.timestamp) return 'The AU must give every statement a timestamp (cmi5 9.7).';
  if (!/(Z|[+-]00:?00)$/i.test(statement.timestamp)) return `The timestamp must be in UTC (cmi5 9.7), got "${statement.timestamp}".`;
  return undefined;
}

/** The session and the AU's status once an accepted statement is applied. */
export function applyAuStatement(
  statement: Statement,
  session: Cmi5Session,
  status: Cmi5AuStatus,
  cmi5Defined: boolean,
): { session: Cmi5Session; status: Cmi5AuStatus } {
  const now = new Date().toISOString();
  const nextSession: Cmi5Session = { ...session, lastStatementAt: statement.timestamp ?? now };
  const nextStatus: Cmi5AuStatus = { ...status };
  if (!cmi5Defined) return { session: nextSession, status };
  const verbId = statement.verb.id;
  nextSession.verbs = [...session.verbs, verbId];
  if (verbId === Cmi5Verbs.initialized) nextSession.state = 'initialized';
  if (verbId === Cmi5Verbs.terminated) {
    nextSession.state = 'terminated';
    nextSession.endedAt = now;
  }
  if (verbId === Cmi5Verbs.completed) nextStatus.completed = true;
  if (verbId === Cmi5Verbs.passed) nextStatus.passed = true;
  if (verbId === Cmi5Verbs.failed) nextStatus.failed = true;
  if ((verbId === Cmi5Verbs.passed || verbId === Cmi5Verbs.failed) && statement.result?.score) nextStatus.score = statement.result.score;
  nextStatus.updatedAt = now;
  return { session: nextSession, status: nextStatus };
}

import { toIsoDuration, uuid, type Activity, type Agent, type Statement, type StatementContext } from '@lms-kit/core';
import type { Cmi5CourseRecord, Cmi5Session } from './records.js';
import type { Cmi5Au, Cmi5Block } from './structure.js';
import { Cmi5ActivityTypes, Cmi5Categories, Cmi5Extensions, Cmi5Verbs, type WaiveReason } from './vocabulary.js';

const verb = (id: string, name: string) => ({ id, display: { 'en-US': name } });
const activity = (id: string, extra?: Activity['definition']): Activity => ({
  objectType: 'Activity',
  id,
  ...(extra ? { definition: extra } : {}),
});

/** The `contextTemplate` of `LMS.LaunchData` (cmi5 10.2.1): session id, and the AU's publisher id as grouping. */
export function contextTemplate(session: Pick<Cmi5Session, 'id' | 'auId'>): StatementContext {
  return {
    contextActivities: { grouping: [activity(session.auId)] },
    extensions: { [Cmi5Extensions.sessionId]: session.id },
  };
}

interface LmsStatementInput {
  actor: Agent;
  registration: string;
  sessionId: string;
  /** Publisher id of what the statement is about, for the grouping activity (cmi5 9.6.2.3). */
  publisherId: string;
  verbId: string;
  verbName: string;
  object: Activity;
  result?: Statement['result'];
  extensions?: Record<string, unknown>;
  moveOnCategory?: boolean;
  at?: Date;
}

function lmsStatement(input: LmsStatementInput): Statement {
  const category = [activity(Cmi5Categories.cmi5)];
  if (input.moveOnCategory) category.push(activity(Cmi5Categories.moveOn));
  const statement: Statement = {
    id: uuid(),
    actor: input.actor,
    verb: verb(input.verbId, input.verbName),
    object: input.object,
    context: {
      registration: input.registration,
      contextActivities: { category, grouping: [activity(input.publisherId)] },
      extensions: { [Cmi5Extensions.sessionId]: input.sessionId, ...input.extensions },
    },
    timestamp: (input.at ?? new Date()).toISOString(),
  };
  if (input.result) statement.result = input.result;
  return statement;
}

/** "launched" (cmi5 9.3.1), written before the AU loads, with the launch context extensions (9.6.3). */
export function launchedStatement(session: Cmi5Session, au: Cmi5Au, launchParameters?: string): Statement {
  const extensions: Record<string, unknown> = {
    [Cmi5Extensions.launchMode]: session.launchMode,
    [Cmi5Extensions.launchUrl]: session.launchUrl,
    [Cmi5Extensions.moveOn]: session.moveOn,
  };
  if (session.masteryScore !== undefined) extensions[Cmi5Extensions.masteryScore] = session.masteryScore;
  if (launchParameters !== undefined) extensions[Cmi5Extensions.launchParameters] = launchParameters;
  return lmsStatement({
    actor: session.actor,
    registration: session.registration,
    sessionId: session.id,
    publisherId: au.id,
    verbId: Cmi5Verbs.launched,
    verbName: 'launched',
    object: activity(session.activityId),
    extensions,
    at: new Date(session.launchedAt),
  });
}

/** "abandoned" (9.3.6): the session ended without "terminated"; duration from launch to the AU's last statement. */
export function abandonedStatement(session: Cmi5Session, at = new Date()): Statement {
  const end = Date.parse(session.lastStatementAt ?? session.launchedAt);
  return lmsStatement({
    actor: session.actor,
    registration: session.registration,
    sessionId: session.id,
    publisherId: session.auId,
    verbId: Cmi5Verbs.abandoned,
    verbName: 'abandoned',
    object: activity(session.activityId),
    result: { duration: toIsoDuration(Math.max(0, end - Date.parse(session.launchedAt))) },
    at,
  });
}

/** "waived" (9.3.7): its own session id, success and completion true, and the reason. */
export function waivedStatement(actor: Agent, registration: string, au: Cmi5Au, activityId: string, reason: WaiveReason): Statement {
  return lmsStatement({
    actor,
    registration,
    sessionId: uuid(),
    publisherId: au.id,
    verbId: Cmi5Verbs.waived,
    verbName: 'waived',
    object: activity(activityId),
    result: { success: true, completion: true, extensions: { [Cmi5Extensions.reason]: reason } },
    moveOnCategory: true,
  });
}

/** "satisfied" (9.3.9) for a block or the course, with the LMS's object for it. */
export function satisfiedStatement(
  actor: Agent,
  registration: string,
  sessionId: string,
  course: Cmi5CourseRecord,
  member: Cmi5Block | 'course',
): Statement {
  const publisherId = member === 'course' ? course.structure.id : member.id;
  const type = member === 'course' ? Cmi5ActivityTypes.course : Cmi5ActivityTypes.block;
  const name = member === 'course' ? course.structure.title : member.title;
  return lmsStatement({
    actor,
    registration,
    sessionId,
    publisherId,
    verbId: Cmi5Verbs.satisfied,
    verbName: 'satisfied',
    object: activity(course.activityIds[publisherId], { type, name }),
  });
}

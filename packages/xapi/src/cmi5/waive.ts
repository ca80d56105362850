import { LmsError } from '@lms-kit/core';
import type { StorageAdapter } from '@lms-kit/storage';
import type { Cmi5Learner } from './launch.js';
import { recordStatements } from './ledger.js';
import { waivedStatement } from './lms-statements.js';
import { auStatusId, Cmi5Collections, type Cmi5AuStatus, type Cmi5CourseRecord } from './records.js';
import { emptyStatus, updateSatisfaction } from './satisfaction.js';
import { allAus } from './structure.js';
import type { WaiveReason } from './vocabulary.js';

/**
 * Waives an AU for a learner (cmi5 9.3.7): records "waived" once per registration with the reason,
 * counts the AU as satisfied, and writes the block and course "satisfied" statements that follow.
 * Resolves to false when the AU was already waived.
 */
export async function waiveAu(
  storage: StorageAdapter,
  course: Cmi5CourseRecord,
  learner: Cmi5Learner,
  registration: string,
  auId: string,
  reason: WaiveReason,
): Promise<boolean> {
  const au = allAus(course.structure.children).find((candidate) => candidate.id === auId);
  if (!au) throw new LmsError('cmi5/unknown-au', `The course has no AU with id "${auId}".`);
  const id = auStatusId(registration, au.id);
  const status =
    (await storage.getRecord<Cmi5AuStatus>(Cmi5Collections.auStatus, id)) ?? emptyStatus(course, learner.id, registration, au.id);
  if (status.waived) return false;
  const statement = waivedStatement(learner.actor, registration, au, course.activityIds[au.id], reason);
  await storage.putRecord(Cmi5Collections.auStatus, { ...status, waived: true, updatedAt: new Date().toISOString() });
  await recordStatements(storage, [statement], { learnerId: learner.id });
  const sessionId = statement.context?.extensions?.['https://w3id.org/xapi/cmi5/context/extensions/sessionid'] as string;
  await recordStatements(storage, await updateSatisfaction(storage, course, learner, registration, sessionId), { learnerId: learner.id });
  return true;
}

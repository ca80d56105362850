import type { Agent, Statement } from '@lms-kit/core';
import type { StorageAdapter } from '@lms-kit/storage';
import { satisfiedStatement } from './lms-statements.js';
import { auStatusId, Cmi5Collections, satisfiedId, type Cmi5AuStatus, type Cmi5CourseRecord } from './records.js';
import { allAus, type Cmi5Au, type Cmi5Block } from './structure.js';
import type { MoveOn } from './vocabulary.js';

/** Whether an AU's moveOn criteria are met (cmi5 13.1.4); a waived AU has met them (9.3.9). */
export function moveOnMet(moveOn: MoveOn, status: Pick<Cmi5AuStatus, 'completed' | 'passed' | 'waived'>): boolean {
  if (status.waived) return true;
  switch (moveOn) {
    case 'NotApplicable':
      return true;
    case 'Completed':
      return status.completed;
    case 'Passed':
      return status.passed;
    case 'CompletedAndPassed':
      return status.completed && status.passed;
    case 'CompletedOrPassed':
      return status.completed || status.passed;
  }
}

export function emptyStatus(course: Cmi5CourseRecord, learnerId: string, registration: string, auId: string): Cmi5AuStatus {
  return {
    id: auStatusId(registration, auId),
    learnerId,
    courseId: course.id,
    registration,
    auId,
    completed: false,
    passed: false,
    failed: false,
    waived: false,
    satisfied: false,
    updatedAt: new Date().toISOString(),
  };
}

export async function readStatuses(
  storage: StorageAdapter,
  course: Cmi5CourseRecord,
  learnerId: string,
  registration: string,
): Promise<Map<string, Cmi5AuStatus>> {
  const statuses = new Map<string, Cmi5AuStatus>();
  for (const au of allAus(course.structure.children)) {
    const stored = await storage.getRecord<Cmi5AuStatus>(Cmi5Collections.auStatus, auStatusId(registration, au.id));
    statuses.set(au.id, stored ?? emptyStatus(course, learnerId, registration, au.id));
  }
  return statuses;
}

/**
 * Brings satisfaction up to date for a registration: AUs whose moveOn is now met are marked
 * satisfied, and each block and the course get one "satisfied" statement when all their members
 * are (cmi5 9.3.9). Returns the statements written; `sessionId` is the AU session that caused it,
 * or a new one when the evaluation happens outside a session (at registration, after a waiver).
 */
export async function updateSatisfaction(
  storage: StorageAdapter,
  course: Cmi5CourseRecord,
  learner: { id: string; actor: Agent },
  registration: string,
  sessionId: string,
): Promise<Statement[]> {
  const statuses = await readStatuses(storage, course, learner.id, registration);
  for (const au of allAus(course.structure.children)) {
    const status = statuses.get(au.id) as Cmi5AuStatus;
    if (!status.satisfied && moveOnMet(au.moveOn, status)) {
      const next = { ...status, satisfied: true, updatedAt: new Date().toISOString() };
      statuses.set(au.id, next);
      await storage.putRecord(Cmi5Collections.auStatus, next);
    }
  }
  const written: Statement[] = [];
  const satisfied = async (member: Cmi5Au | Cmi5Block): Promise<boolean> => {
    if (member.type === 'au') return statuses.get(member.id)?.satisfied ?? false;
    let all = true;
    for (const child of member.children) if (!(await satisfied(child))) all = false;
    if (all) await announce(member);
    return all;
  };
  const announce = async (member: Cmi5Block | 'course') => {
    const publisherId = member === 'course' ? course.structure.id : member.id;
    const key = satisfiedId(registration, publisherId);
    if (await storage.getRecord(Cmi5Collections.satisfied, key)) return;
    const statement = satisfiedStatement(learner.actor, registration, sessionId, course, member);
    await storage.putRecord(Cmi5Collections.satisfied, { id: key, learnerId: learner.id, courseId: course.id, statementId: statement.id });
    written.push(statement);
  };
  let courseSatisfied = true;
  for (const member of course.structure.children) if (!(await satisfied(member))) courseSatisfied = false;
  if (courseSatisfied) await announce('course');
  return written;
}

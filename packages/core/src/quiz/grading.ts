/**
 * Grading by a person, without the quiz at hand: at submit the attempt keeps a snapshot of the
 * questions waiting for a grade and of the passing rule, so an instructor's page or the server can
 * grade it, score it again and build its statements from the attempt alone.
 */
import type { Agent, Statement, StatementResult } from '../xapi/model.js';
import { buildStatement } from '../xapi/statements.js';
import { ActivityTypes, PLATFORM, Verbs } from '../xapi/vocabulary.js';
import { attemptQuestions, attemptStatus, type AttemptResult, type GradingSnapshot, type QuizAttemptData } from './attempt.js';
import type { LongFillInQuestion, Quiz } from './model.js';

export interface GradeInput {
  questionId: string;
  /** 0..1 of the question's weight. */
  credit: number;
  /** Shown to the learner in review (HTML, sanitized when shown). */
  feedback?: string;
}

/** The snapshot a submitted attempt with pending answers keeps; undefined when nothing waits. */
export function gradingSnapshot(
  quiz: Quiz,
  data: QuizAttemptData,
  context: { title?: string; registration?: string; courseActivityId?: string } = {},
): GradingSnapshot | undefined {
  if (!data.result?.pending) return undefined;
  const questions: GradingSnapshot['questions'] = {};
  for (const question of attemptQuestions(quiz, data)) {
    if (data.result.questions[question.id]?.credit !== null || !data.result.questions[question.id]?.max) continue;
    const notes = (question as LongFillInQuestion).graderNotes;
    questions[question.id] = {
      text: question.text,
      type: question.type,
      weight: question.weight ?? 1,
      ...(question.title ? { title: question.title } : {}),
      ...(typeof question.rubric === 'string' ? { rubric: question.rubric } : {}),
      ...(typeof notes === 'string' ? { graderNotes: notes } : {}),
    };
  }
  return {
    quizTitle: context.title ?? quiz.title,
    ...(quiz.passingScore ? { passingScore: quiz.passingScore } : {}),
    ...(context.registration ? { registration: context.registration } : {}),
    ...(context.courseActivityId ? { courseActivityId: context.courseActivityId } : {}),
    questions,
  };
}

/** Ids of the questions of a submitted attempt still waiting for a grade. */
export function pendingQuestionIds(data: QuizAttemptData): string[] {
  const questions = data.result?.questions ?? {};
  return Object.keys(data.grading?.questions ?? {}).filter((id) => questions[id]?.credit === null && !data.responses[id]?.grade);
}

const round = (value: number) => Math.round(value * 10000) / 10000;

/**
 * Applies grades to a submitted attempt and scores it again from its stored per-question result
 * (no quiz needed); the attempt completes when no answer waits any more.
 */
export function applyGrades(data: QuizAttemptData, grades: GradeInput[], grader: string, now: Date): QuizAttemptData {
  if (!data.submittedAt || !data.result) return data;
  const responses = { ...data.responses };
  const questions = { ...data.result.questions };
  for (const grade of grades) {
    const result = questions[grade.questionId];
    if (!result || !data.grading?.questions[grade.questionId]) continue;
    const credit = Math.min(1, Math.max(0, Number.isFinite(grade.credit) ? grade.credit : 0));
    const response = responses[grade.questionId] ?? { value: undefined, answeredAt: now.toISOString() };
    responses[grade.questionId] = {
      ...response,
      grade: { credit, gradedAt: now.toISOString(), grader, ...(grade.feedback ? { feedback: grade.feedback } : {}) },
    };
    questions[grade.questionId] = { ...result, credit, points: round(credit * result.max), correct: credit === 1 };
  }
  const scored = Object.values(questions).filter((q) => q.max > 0);
  const pending = scored.some((q) => q.credit === null);
  const raw = round(scored.reduce((sum, q) => sum + q.points, 0));
  const max = scored.reduce((sum, q) => sum + q.max, 0);
  const result: AttemptResult = { ...data.result, raw, max, scaled: max > 0 ? round(raw / max) : 1, pending, questions };
  delete result.passed;
  const rule = data.grading?.passingScore;
  if (rule && !pending)
    result.passed = 'points' in rule ? raw + 1e-9 >= rule.points : (max > 0 ? (raw / max) * 100 : 100) + 1e-9 >= rule.percent;
  return { ...data, responses, result };
}

/** The xAPI actor of a learner id made by `learnerFromActor` (`mailto:…`, `account:home|name`, `openid:…`, `sha1:…`). */
export function actorFromLearnerId(id: string): Agent {
  if (id.startsWith('mailto:')) return { objectType: 'Agent', mbox: id };
  if (id.startsWith('openid:')) return { objectType: 'Agent', openid: id.slice(7) };
  if (id.startsWith('sha1:')) return { objectType: 'Agent', mbox_sha1sum: id.slice(5) };
  const account = /^account:(.*)\|([^|]*)$/.exec(id);
  if (account) return { objectType: 'Agent', account: { homePage: account[1], name: account[2] } };
  return { objectType: 'Agent', account: { homePage: 'urn:lms-kit:learner', name: id } };
}

/**
 * What a completed grading announces: `scored` with the new score, then `passed` or `failed` when
 * the quiz has a passing score. The learner is the actor; the grader is the instructor of the context.
 */
export function gradedStatements(
  attempt: { learnerId: string; activityId: string; data: QuizAttemptData },
  grader: Agent | undefined,
  now: Date,
): Statement[] {
  const { data } = attempt;
  const result = data.result;
  if (!result || attemptStatus(data) !== 'completed') return [];
  const snapshot = data.grading;
  const object = {
    objectType: 'Activity' as const,
    id: attempt.activityId,
    definition: { type: ActivityTypes.assessment, name: { und: snapshot?.quizTitle ?? attempt.activityId } },
  };
  const context = {
    platform: PLATFORM,
    ...(snapshot?.registration ? { registration: snapshot.registration } : {}),
    ...(grader ? { instructor: grader } : {}),
    ...(snapshot?.courseActivityId
      ? { contextActivities: { parent: [{ objectType: 'Activity' as const, id: snapshot.courseActivityId }] } }
      : {}),
  };
  const score = result.max > 0 ? { scaled: result.scaled, raw: result.raw, min: 0, max: result.max } : undefined;
  const actor = actorFromLearnerId(attempt.learnerId);
  const scoredResult: StatementResult = { completion: true, ...(score ? { score } : {}) };
  const out = [buildStatement({ actor, verb: Verbs.scored, object, result: scoredResult, context, timestamp: now })];
  if (result.passed !== undefined) {
    const outcome: StatementResult = { ...scoredResult, success: result.passed };
    out.push(
      buildStatement({ actor, verb: result.passed ? Verbs.passed : Verbs.failed, object, result: outcome, context, timestamp: now }),
    );
  }
  return out;
}

/**
 * The `answered` statements of a server-graded attempt, queued by the server when it grades the attempt
 * (the page has no key to grade with). Same shape as the page's quiz (`QuizStatements` of
 * `@lms-kit/core/quiz`), but the learner can read their outbox, so a statement carries no more of the
 * key than review allows: no `correctResponsesPattern` unless the right answers may be shown, a
 * sequence's items in the order the attempt showed them, and no per-question success or score when
 * the quiz gives no feedback.
 */
import type { Activity, Statement } from '@lms-kit/core';
import { actorFromLearnerId, questionPool, QuizStatements, type Question } from '@lms-kit/core/quiz';
import type { Reveal } from './redact.js';
import type { ServerAttempt, ServerQuiz } from './attempts.js';

export interface AttemptContext {
  /** The xAPI registration (the learner's course enrollment; the attempt's id for a quiz on its own). */
  registration: string;
  /** The course activity, when the server has the course document. */
  course?: Activity;
  title?: string;
  language?: string;
}

export function answeredStatements(sq: ServerQuiz, attempt: ServerAttempt, shown: Reveal, context: AttemptContext): Statement[] {
  const at = new Date(attempt.data.submittedAt ?? attempt.updatedAt);
  const statements = new QuizStatements({
    quiz: sq.quiz,
    learner: { id: attempt.learnerId, actor: actorFromLearnerId(attempt.learnerId) },
    activityId: sq.activityId,
    registration: context.registration,
    ...(context.course ? { course: context.course } : {}),
    ...(context.title ? { title: context.title } : {}),
    ...(context.language ? { language: context.language } : {}),
  });
  const pool = questionPool(sq.quiz);
  const out: Statement[] = [];
  for (const id of attempt.data.questionIds) {
    const question = pool.get(id);
    const response = attempt.data.responses[id];
    const statement = question && response && statements.answered(question, response, at);
    if (statement) out.push(withinReview(statement, question, attempt.data.order[id], shown));
  }
  return out;
}

function withinReview(statement: Statement, question: Question, order: string[] | undefined, shown: Reveal): Statement {
  const object = statement.object as Activity;
  const definition = { ...object.definition };
  if (!shown.key) {
    delete definition.correctResponsesPattern;
    // The authored order of a sequence is its answer: list the items as the attempt showed them.
    if (question.type === 'sequencing' && definition.choices && order) {
      const rank = new Map(order.map((id, i) => [id, i]));
      definition.choices = [...(definition.choices as Array<{ id: string }>)].sort((a, b) => (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0));
    }
  }
  const result = statement.result && { ...statement.result };
  if (result && !shown.feedback) {
    delete result.success;
    delete result.score;
  }
  return { ...statement, object: { ...object, definition }, ...(result ? { result } : {}) };
}

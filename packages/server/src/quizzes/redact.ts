/**
 * What of a server-graded quiz may reach the page. The answer key (right choices, accepted answers,
 * pairs, numeric answers, the authored order of a sequence, grader notes) and feedback tied to answers
 * leave the server only when the quiz's review settings allow it for this attempt.
 */
import type { Question, QuestionResponse, Quiz, QuizAttemptData } from '@lms-kit/core/quiz';

/** The built-in types: their key fields are known, so they can be taken out. */
export const REDACTABLE_TYPES = new Set([
  'true-false',
  'choice',
  'fill-in',
  'long-fill-in',
  'matching',
  'sequencing',
  'numeric',
  'likert',
  'performance',
]);

export interface Reveal {
  /** The right answers may be shown (review after the attempt, `showCorrectAnswers` allows it). */
  key: boolean;
  /** Feedback on the learner's own answers may be shown (after submit, `feedback` is not `none`). */
  feedback: boolean;
}

const HIDDEN: Reveal = { key: false, feedback: false };

type Loose = Record<string, unknown>;
const without = (object: Loose, ...fields: string[]): Loose =>
  Object.fromEntries(Object.entries(object).filter(([field]) => !fields.includes(field)));

/** A question as the page may see it: during an attempt `reveal` is HIDDEN; in review what the settings allow. */
export function publicQuestion(question: Question, order: string[] | undefined, response?: QuestionResponse, reveal = HIDDEN): Question {
  const q = question as unknown as Loose;
  const out: Loose = without(q, 'feedback', 'graderNotes', 'trueFeedback', 'falseFeedback');
  if (reveal.feedback && q.feedback) out.feedback = q.feedback;
  switch (question.type) {
    case 'true-false': {
      if (reveal.key) out.correct = q.correct;
      else delete out.correct;
      const answered = response?.value;
      const own = typeof answered === 'boolean' ? (answered ? 'trueFeedback' : 'falseFeedback') : undefined;
      if (reveal.feedback && own && q[own]) out[own] = q[own];
      break;
    }
    case 'choice': {
      const selected = new Set(Array.isArray(response?.value) ? (response.value as string[]) : []);
      out.choices = (q.choices as Loose[]).map((choice) => {
        const shown = without(choice, ...(reveal.key ? ['feedback'] : ['correct', 'feedback']));
        const ownFeedback = reveal.feedback && choice.feedback && (reveal.key || selected.has(choice.id as string));
        return ownFeedback ? { ...shown, feedback: choice.feedback } : shown;
      });
      break;
    }
    case 'fill-in':
      if (!reveal.key) out.blanks = (q.blanks as Loose[]).map((blank) => without(blank, 'accept'));
      break;
    case 'matching':
      if (!reveal.key) delete out.pairs;
      break;
    case 'sequencing':
      // The authored order is the answer: items go out in the order the attempt shows them.
      if (!reveal.key) {
        const rank = new Map((order ?? []).map((id, i) => [id, i]));
        out.items = [...(q.items as Loose[])].sort((a, b) => (rank.get(a.id as string) ?? 0) - (rank.get(b.id as string) ?? 0));
      }
      break;
    case 'numeric':
      if (!reveal.key) delete out.answers;
      break;
    case 'performance':
      if (!reveal.key) out.steps = (q.steps as Loose[]).map((step) => without(step, 'accept', 'numeric'));
      break;
  }
  return out as unknown as Question;
}

/**
 * The quiz's settings, which the page needs to show it, without any question. Immediate feedback would
 * need the key on the page: a server-graded quiz gives its feedback after submit instead.
 */
export function publicQuizSettings(quiz: Quiz): Quiz {
  const { questions: _q, banks: _b, draw: _d, ...settings } = quiz;
  return { ...settings, ...(settings.feedback === 'immediate' ? { feedback: 'after-submit' as const } : {}), questions: [] };
}

/** An attempt as the page may see it: the result only as far as the review settings allow. */
export function publicAttemptData(attempt: QuizAttemptData, reveal: Reveal): QuizAttemptData {
  // The grading snapshot is the grader's (rubric, grader notes): never the learner's.
  const { grading: _snapshot, ...data } = attempt;
  if (!data.result || reveal.feedback) return data;
  // Without feedback the learner sees their score, not which questions were right.
  const { questions: _perQuestion, ...overall } = data.result;
  return { ...data, result: { ...overall, questions: {} } };
}

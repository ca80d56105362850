/**
 * Item analysis in words: a question's title and the most chosen wrong answer as the learner saw it
 * (choice, matching, sequencing and scale ids resolved to their labels from the quiz definition), so an
 * instructor reads "Switch the fridge off and on again", not `["restart"]`. Free text is reduced to plain
 * text (tables render text, never HTML) and shortened.
 */
import { plainText, questionPool, type Item, type Question, type Quiz } from '@lms-kit/core/quiz';
import type { ItemStat } from '@lms-kit/storage';

/** Longest free-text answer shown in a table cell. */
const MAX_TEXT = 160;

/** An item statistic with the question and the wrong answer in words (when the quiz is known). */
export interface LabelledItemStat extends ItemStat {
  questionText?: string;
  commonWrongText?: string | null;
}

/** Labels the statistics of every quiz given; questions of unknown quizzes keep their ids. */
export function labelItemStats(items: readonly ItemStat[], quizzes: readonly Quiz[] = []): LabelledItemStat[] {
  const byActivity = new Map(quizzes.map((quiz) => [quiz.id, questionPool(quiz)]));
  const anyQuiz = quizzes.map((quiz) => questionPool(quiz));
  return items.map((item) => {
    const question =
      byActivity.get(item.activityId)?.get(item.questionId) ?? anyQuiz.find((pool) => pool.has(item.questionId))?.get(item.questionId);
    if (!question) return item;
    return {
      ...item,
      questionText: questionTitle(question),
      commonWrongText: item.commonWrong == null ? null : answerText(question, item.commonWrong),
    };
  });
}

export function questionTitle(question: Question): string {
  return shorten(question.title ?? plainText(question.text));
}

/** A stored response of `question` in words. Unknown ids are shown as they are; nothing is ever HTML. */
export function answerText(question: Question, value: unknown): string {
  const label = (items: readonly Item[] | undefined, id: unknown) => {
    const item = items?.find((i) => i.id === id);
    return item ? plainText(item.text) : String(id);
  };
  const list = (values: unknown) => (Array.isArray(values) ? values : [values]);
  const q = question as Question & { choices?: Item[]; sources?: Item[]; targets?: Item[]; items?: Item[]; scale?: Item[]; steps?: Item[] };
  switch (question.type) {
    case 'choice':
      return list(value)
        .map((id) => label(q.choices, id))
        .join('; ');
    case 'sequencing':
      return list(value)
        .map((id) => label(q.items, id))
        .join(' → ');
    case 'likert':
      return label(q.scale, value);
    case 'matching':
    case 'performance':
      if (value && typeof value === 'object' && !Array.isArray(value)) {
        const [from, to] = question.type === 'matching' ? [q.sources, q.targets] : [q.steps, undefined];
        // In the question's order (a stored object's key order is the database's, not the learner's).
        const given = value as Record<string, unknown>;
        const keys = [
          ...(from ?? []).map((item) => item.id).filter((id) => id in given),
          ...Object.keys(given).filter((id) => !from?.some((item) => item.id === id)),
        ];
        return keys
          .map((source) => `${label(from, source)} → ${to ? label(to, given[source]) : shorten(plainText(String(given[source])))}`)
          .join('; ');
      }
      break;
    case 'true-false':
      if (typeof value === 'boolean') return value ? 'true' : 'false';
      break;
  }
  if (Array.isArray(value)) return shorten(value.map((v) => plainText(String(v))).join('; '));
  if (value && typeof value === 'object') return shorten(plainText(JSON.stringify(value)));
  return shorten(plainText(String(value)));
}

function shorten(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
}

import type { ChoiceQuestion, FillInQuestion, MatchingQuestion, NumericQuestion, Question, Quiz, TrueFalseQuestion } from '../model.js';
import { plainText } from '../text.js';

/** Escapes GIFT's special characters. */
function esc(text: string): string {
  return text.replace(/[\\~=#{}:]/g, (char) => `\\${char}`).replace(/\n/g, '\\n');
}

/** Choice and matching texts go out as plain text (GIFT answers have no format of their own). */
const plain = (html: string) => esc(plainText(html));

function numberAnswer(answer: NumericQuestion['answers'][number]): string {
  if (answer.value !== undefined) return answer.tolerance ? `${answer.value}:${answer.tolerance}` : String(answer.value);
  return `${answer.min}..${answer.max}`;
}

/**
 * Writes a quiz as GIFT, so it can go back to Moodle. True/false, choice, single-blank fill-in,
 * essay, matching and closed-range numeric questions are written; the others (sequencing, likert,
 * performance, several blanks, open ranges) have no GIFT form: they are left out and listed in `skipped`.
 */
export function toGift(quiz: Quiz): { text: string; skipped: string[] } {
  const out: string[] = [];
  const skipped: string[] = [];
  const all = [...(quiz.questions ?? []), ...(quiz.banks ?? []).flatMap((b) => b.questions)];
  let category: string | undefined;
  for (const question of all) {
    const body = answerBlock(question);
    if (body === undefined) {
      skipped.push(question.id);
      continue;
    }
    const tag = question.tags?.[0];
    if (tag !== category && tag !== undefined) out.push(`$CATEGORY: ${tag}`);
    category = tag ?? category;
    const general = question.feedback?.general ? `####${esc(question.feedback.general)}` : '';
    const title = question.title ? `::${esc(question.title)}::` : '';
    const [before, after] = question.text.split(question.type === 'fill-in' ? '{{1}}' : /\s_____\s/);
    const text = `[html]${esc(before.trim())}`;
    out.push(after === undefined ? `${title}${text} {${body}${general}}` : `${title}${text} {${body}${general}} ${esc(after.trim())}`);
  }
  return { text: out.join('\n\n') + '\n', skipped };
}

function answerBlock(question: Question): string | undefined {
  switch (question.type) {
    case 'true-false': {
      const q = question as TrueFalseQuestion;
      const wrong = q.correct ? q.falseFeedback : q.trueFeedback;
      const right = q.correct ? q.trueFeedback : q.falseFeedback;
      return `${q.correct ? 'TRUE' : 'FALSE'}${wrong || right ? `#${esc(wrong ?? '')}` : ''}${right ? `#${esc(right)}` : ''}`;
    }
    case 'choice': {
      const q = question as ChoiceQuestion;
      const rights = q.choices.filter((c) => c.correct).length;
      const weight = q.multiple ? Math.floor(100 / rights) : 0;
      const wrongWeight = q.multiple ? Math.floor(-100 / Math.max(1, q.choices.length - rights)) : 0;
      return q.choices
        .map((c) => {
          const mark = q.multiple ? `~%${c.correct ? weight : wrongWeight}%` : c.correct ? '=' : '~';
          return ` ${mark}${plain(c.text)}${c.feedback ? `#${esc(c.feedback)}` : ''}`;
        })
        .join('');
    }
    case 'fill-in': {
      const q = question as FillInQuestion;
      if (q.blanks.length !== 1 || q.caseSensitive) return undefined;
      return q.blanks[0].accept.map((a) => ` =${esc(a)}`).join('');
    }
    case 'long-fill-in':
      return '';
    case 'matching': {
      const q = question as MatchingQuestion;
      const pairs = q.pairs.map((p) => {
        const source = q.sources.find((s) => s.id === p.source);
        const target = q.targets.find((t) => t.id === p.target);
        return ` =${plain(source?.text ?? '')} -> ${plain(target?.text ?? '')}`;
      });
      const unpaired = q.targets.filter((t) => !q.pairs.some((p) => p.target === t.id)).map((t) => ` = -> ${plain(t.text)}`);
      if (q.sources.some((s) => !q.pairs.some((p) => p.source === s.id))) return undefined;
      return [...pairs, ...unpaired].join('');
    }
    case 'numeric': {
      const q = question as NumericQuestion;
      if (q.answers.some((a) => a.value === undefined && (a.min === undefined || a.max === undefined))) return undefined;
      return q.answers.length === 1 ? `#${numberAnswer(q.answers[0])}` : `#${q.answers.map((a) => ` =${numberAnswer(a)}`).join('')}`;
    }
    default:
      return undefined;
  }
}

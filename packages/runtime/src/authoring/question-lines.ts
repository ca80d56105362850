import type { NumericAnswer, Question } from '@lms-kit/core/quiz';

/**
 * The answers of a question as lines of text, for a compact form: one textarea per question instead
 * of a sub-form per item. `choice`: one choice a line, `*` before the right ones; `fill-in`: one blank
 * a line, accepted answers split by `|`; `matching` and `performance`: `left = right`; `sequencing`
 * (right order) and `likert`: one item a line; `numeric`: `42`, `42 ± 0.5` or `10..20`.
 * Types without such answers (true/false, long fill-in) have no lines.
 */
export function answerLines(question: Question): string | undefined {
  const q = question as Record<string, unknown>;
  const items = (key: string) => ((q[key] as Array<{ text: string }> | undefined) ?? []).map((item) => item.text);
  switch (question.type) {
    case 'choice':
      return (q.choices as Array<{ text: string; correct?: boolean }>).map((c) => `${c.correct ? '* ' : ''}${c.text}`).join('\n');
    case 'fill-in':
      return (q.blanks as Array<{ accept: string[] }>).map((blank) => blank.accept.join(' | ')).join('\n');
    case 'matching': {
      const targets = new Map((q.targets as Array<{ id: string; text: string }>).map((t) => [t.id, t.text]));
      const pairs = q.pairs as Array<{ source: string; target: string }>;
      return (q.sources as Array<{ id: string; text: string }>)
        .map((s) => `${s.text} = ${targets.get(pairs.find((p) => p.source === s.id)?.target ?? '') ?? ''}`)
        .join('\n');
    }
    case 'sequencing':
      return items('items').join('\n');
    case 'likert':
      return items('scale').join('\n');
    case 'numeric':
      return (q.answers as NumericAnswer[]).map(numericText).join('\n');
    case 'performance':
      return (q.steps as Array<{ text: string; accept?: string[] }>).map((s) => `${s.text} = ${(s.accept ?? []).join(' | ')}`).join('\n');
    default:
      return undefined;
  }
}

/** Writes `lines` into a copy of the question's answers (ids follow the line order). */
export function withAnswerLines(question: Question, text: string): Question {
  const lines = text.split('\n').map((line) => line.trim());
  const filled = lines.filter((line) => line !== '');
  const pair = (line: string) => {
    const at = line.indexOf('=');
    return at < 0 ? [line, ''] : [line.slice(0, at).trim(), line.slice(at + 1).trim()];
  };
  const alternatives = (value: string) => value.split('|').map((part) => part.trim());
  const q = { ...question } as Record<string, unknown>;
  switch (question.type) {
    case 'choice':
      q.choices = filled.map((line, i) => {
        const correct = line.startsWith('*');
        return { id: `c${i + 1}`, text: correct ? line.slice(1).trim() : line, ...(correct ? { correct } : {}) };
      });
      break;
    case 'fill-in':
      q.blanks = filled.map((line) => ({ accept: alternatives(line) }));
      break;
    case 'matching': {
      const pairs = filled.map(pair);
      q.sources = pairs.map(([left], i) => ({ id: `s${i + 1}`, text: left }));
      q.targets = pairs.map(([, right], i) => ({ id: `t${i + 1}`, text: right }));
      q.pairs = pairs.map((_, i) => ({ source: `s${i + 1}`, target: `t${i + 1}` }));
      break;
    }
    case 'sequencing':
      q.items = filled.map((line, i) => ({ id: `i${i + 1}`, text: line }));
      break;
    case 'likert':
      q.scale = filled.map((line, i) => ({ id: `l${i + 1}`, text: line }));
      break;
    case 'numeric':
      q.answers = filled.map(parseNumeric);
      break;
    case 'performance':
      q.steps = filled.map(pair).map(([step, expected], i) => ({ id: `p${i + 1}`, text: step, accept: alternatives(expected) }));
      break;
  }
  return q as Question;
}

function numericText(answer: NumericAnswer): string {
  if (answer.value !== undefined) return answer.tolerance ? `${answer.value} ± ${answer.tolerance}` : `${answer.value}`;
  return `${answer.min ?? ''}..${answer.max ?? ''}`;
}

/** A line that is not a number is kept as NaN, so the quiz validator flags it at that answer. */
function parseNumeric(line: string): NumericAnswer {
  const range = /^(-?[\d.]*)\s*\.\.\s*(-?[\d.]*)$/.exec(line);
  if (range) {
    return { ...(range[1] ? { min: Number(range[1]) } : {}), ...(range[2] ? { max: Number(range[2]) } : {}) };
  }
  const [value, tolerance] = line.split(/±|\+\/-/).map((part) => part.trim());
  return { value: Number(value), ...(tolerance ? { tolerance: Number(tolerance) } : {}) };
}

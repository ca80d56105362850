import type { ValidationIssue } from '../../errors.js';
import type { ChoiceQuestion, Quiz } from '../model.js';
import { escapeHtml, plainText } from '../text.js';
import { idFrom, lineIssue, makeQuiz, throwIfIssues, type ImportOptions } from './shared.js';

const OPTION = /^([A-Z])[.)]\s+(.+)$/;
const ANSWER = /^ANSWER:\s*([A-Z])?\s*$/;

/**
 * Aiken (Moodle's one-line multiple-choice format): the question on one line, options `A.` or `A)`
 * each on a line, then `ANSWER: X`; questions separated by blank lines. Throws
 * `LmsError('quiz/import-invalid')` whose issues name each line and its problem.
 */
export function parseAiken(text: string, options: ImportOptions = {}): Quiz {
  const issues: ValidationIssue[] = [];
  const questions: ChoiceQuestion[] = [];
  const taken = new Set<string>();
  let current: { line: number; text: string; options: Array<{ letter: string; text: string; line: number }> } | undefined;

  const finish = (line: number, answer?: string) => {
    if (!current) return;
    const question = current;
    current = undefined;
    if (question.options.length < 2) {
      issues.push(lineIssue(question.line, `the question needs at least two options (A. …, B. …), found ${question.options.length}`));
      return;
    }
    if (answer === undefined) {
      issues.push(lineIssue(question.line, 'the question has no "ANSWER: X" line after its options'));
      return;
    }
    if (!question.options.some((o) => o.letter === answer)) {
      issues.push(lineIssue(line, `ANSWER: ${answer} is not one of the options (${question.options.map((o) => o.letter).join(', ')})`));
      return;
    }
    questions.push({
      id: idFrom(question.text, `q${questions.length + 1}`, taken),
      type: 'choice',
      text: escapeHtml(question.text),
      choices: question.options.map((o) => ({
        id: o.letter.toLowerCase(),
        text: escapeHtml(o.text),
        ...(o.letter === answer ? { correct: true } : {}),
      })),
    });
  };

  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  lines.forEach((raw, index) => {
    const line = index + 1;
    const content = raw.trim();
    if (content === '') {
      if (current) finish(line, undefined);
      return;
    }
    const answer = ANSWER.exec(content);
    if (answer) {
      if (!current) issues.push(lineIssue(line, 'ANSWER line without a question before it'));
      else if (!answer[1]) {
        issues.push(lineIssue(line, 'ANSWER needs the letter of the right option, e.g. "ANSWER: B"'));
        current = undefined;
      } else finish(line, answer[1]);
      return;
    }
    const option = OPTION.exec(content);
    if (current && option) {
      const expected = String.fromCharCode(65 + current.options.length);
      if (option[1] !== expected) issues.push(lineIssue(line, `option ${option[1]} is out of order (expected ${expected})`));
      current.options.push({ letter: option[1], text: option[2].trim(), line });
      return;
    }
    if (current && current.options.length > 0) {
      issues.push(
        lineIssue(
          line,
          `expected an option ("${String.fromCharCode(65 + current.options.length)}. …") or "ANSWER: X", got "${content.slice(0, 40)}"`,
        ),
      );
      return;
    }
    if (current) {
      // Moodle wants the question on one line; a second line is joined to it rather than refused.
      current.text += ` ${content}`;
      return;
    }
    current = { line, text: content, options: [] };
  });
  if (current) finish(lines.length, undefined);
  if (questions.length === 0 && issues.length === 0) issues.push(lineIssue(1, 'no questions found'));
  throwIfIssues('Aiken', issues);
  return makeQuiz('Aiken', questions, options);
}

/** Writes the single-answer choice questions of a quiz as Aiken; other questions are left out and listed. */
export function toAiken(quiz: Quiz): { text: string; skipped: string[] } {
  const blocks: string[] = [];
  const skipped: string[] = [];
  const all = [...(quiz.questions ?? []), ...(quiz.banks ?? []).flatMap((b) => b.questions)];
  for (const question of all) {
    const choice = question as ChoiceQuestion;
    const right = question.type === 'choice' ? choice.choices.filter((c) => c.correct) : [];
    if (question.type !== 'choice' || choice.multiple || right.length !== 1 || choice.choices.length > 26) {
      skipped.push(question.id);
      continue;
    }
    const letters = choice.choices.map((_c, i) => String.fromCharCode(65 + i));
    blocks.push(
      [
        plainText(choice.text),
        ...choice.choices.map((c, i) => `${letters[i]}. ${plainText(c.text)}`),
        `ANSWER: ${letters[choice.choices.indexOf(right[0])]}`,
      ].join('\n'),
    );
  }
  return { text: blocks.join('\n\n') + '\n', skipped };
}

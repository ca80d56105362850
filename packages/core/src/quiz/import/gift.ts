import type { ValidationIssue } from '../../errors.js';
import type {
  Choice,
  ChoiceQuestion,
  FillInQuestion,
  LongFillInQuestion,
  MatchingQuestion,
  NumericAnswer,
  NumericQuestion,
  Question,
  QuestionFeedback,
  Quiz,
  TrueFalseQuestion,
} from '../model.js';
import { escapeHtml } from '../text.js';
import { idFrom, lineIssue, makeQuiz, throwIfIssues, type ImportOptions } from './shared.js';

// GIFT's escapes become private-use characters while parsing, and the literal characters afterwards.
const ESCAPES: Record<string, string> = {
  '\\': '\uE000',
  ':': '\uE001',
  '~': '\uE002',
  '=': '\uE003',
  '#': '\uE004',
  '{': '\uE005',
  '}': '\uE006',
};
const UNESCAPE = new Map(Object.entries(ESCAPES).map(([char, code]) => [code, char]));

function protect(text: string): string {
  return text.replace(/\\([\\:~=#{}n])/g, (_m, char: string) => (char === 'n' ? '\n' : ESCAPES[char]));
}

function restore(text: string): string {
  return text.replace(/[\uE000-\uE006]/g, (code) => UNESCAPE.get(code) ?? code);
}

interface Block {
  line: number;
  text: string;
  category?: string;
}

interface Answer {
  mark: '=' | '~';
  weight?: number;
  text: string;
  feedback?: string;
}

class GiftError extends Error {}

/**
 * GIFT (Moodle's text format): true/false, multiple choice (one or several right answers, `%50%`
 * weights), short answer, missing word, matching, numeric (`#3.14:0.01`, `#1..5`) and essay; `::title::`,
 * `[html]`/`[plain]`/`[markdown]`/`[moodle]`, per-answer `#feedback`, `####general feedback`,
 * `$CATEGORY:` (kept as a tag) and `//` comments. Descriptions (text with no answer block) are skipped.
 * Throws `LmsError('quiz/import-invalid')` whose issues name each line and its problem.
 */
export function parseGift(source: string, options: ImportOptions = {}): Quiz {
  const issues: ValidationIssue[] = [];
  const questions: Question[] = [];
  const taken = new Set<string>();
  for (const block of splitBlocks(protect(source.replace(/^\uFEFF/, '')), issues)) {
    try {
      const question = parseBlock(block, taken, questions.length + 1);
      if (question) questions.push(question);
    } catch (error) {
      if (error instanceof GiftError) issues.push(lineIssue(block.line, error.message));
      else throw error;
    }
  }
  if (questions.length === 0 && issues.length === 0) issues.push(lineIssue(1, 'no questions found'));
  throwIfIssues('GIFT', issues);
  return makeQuiz('GIFT', questions, options);
}

/** Questions are separated by blank lines; a block whose `{` is not closed yet goes on past them. */
function splitBlocks(text: string, issues: ValidationIssue[]): Block[] {
  const blocks: Block[] = [];
  let current: Block | undefined;
  let category: string | undefined;
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    const open = current ? (current.text.match(/{/g)?.length ?? 0) > (current.text.match(/}/g)?.length ?? 0) : false;
    if (trimmed.startsWith('//')) return;
    if (!open && trimmed.startsWith('$CATEGORY:')) {
      category = restore(trimmed.slice('$CATEGORY:'.length).trim()).split('/').filter(Boolean).pop();
      return;
    }
    if (trimmed === '' && !open) {
      if (current) blocks.push(current);
      current = undefined;
      return;
    }
    if (current) current.text += `\n${raw}`;
    else current = { line, text: raw, category };
  });
  if (current) {
    const opened = (current.text.match(/{/g)?.length ?? 0) > (current.text.match(/}/g)?.length ?? 0);
    if (opened) issues.push(lineIssue(current.line, 'the answer block "{" is never closed with "}"'));
    else blocks.push(current);
  }
  return blocks;
}

function parseBlock(block: Block, taken: Set<string>, number: number): Question | undefined {
  let text = block.text.trim();
  let title: string | undefined;
  const titled = /^::([\s\S]*?)::/.exec(text);
  if (titled) {
    title = restore(titled[1].trim());
    text = text.slice(titled[0].length).trim();
  }
  let format = 'moodle';
  const formatted = /^\[(html|moodle|plain|markdown)\]/i.exec(text);
  if (formatted) {
    format = formatted[1].toLowerCase();
    text = text.slice(formatted[0].length);
  }
  const start = text.indexOf('{');
  if (start === -1) return undefined; // a description: nothing to answer
  const end = text.indexOf('}', start);
  if (end === -1) throw new GiftError('the answer block "{" is never closed with "}"');
  if (text.indexOf('{', start + 1) !== -1 && text.indexOf('{', start + 1) < end)
    throw new GiftError('an answer block cannot contain "{" (escape it as \\{)');
  const before = text.slice(0, start).trim();
  const after = text.slice(end + 1).trim();
  if (after.includes('{')) throw new GiftError('a question can have only one answer block');
  const html = (part: string) => (format === 'html' ? restore(part) : escapeHtml(restore(part)).replace(/\n/g, '<br>'));
  const base = {
    id: idFrom(title ?? restore(before), `q${number}`, taken),
    ...(title ? { title } : {}),
    ...(block.category ? { tags: [block.category] } : {}),
  };
  let body = text.slice(start + 1, end).trim();
  let general: string | undefined;
  const generalAt = body.indexOf('####');
  if (generalAt !== -1) {
    general = html(body.slice(generalAt + 4).trim());
    body = body.slice(0, generalAt).trim();
  }
  const feedback = (extra: QuestionFeedback = {}): { feedback?: QuestionFeedback } => {
    const all = { ...extra, ...(general ? { general } : {}) };
    return Object.keys(all).length ? { feedback: all } : {};
  };
  const missingWord = after !== '';
  const questionText = (marker: string) => (missingWord ? `${html(before)} ${marker} ${html(after)}` : html(before));
  if (!before && !missingWord) throw new GiftError('the question has no text before its answer block');

  if (body === '') {
    const essay: LongFillInQuestion = { ...base, type: 'long-fill-in', text: questionText('_____'), ...feedback() };
    return essay;
  }
  const trueFalse = /^(T|TRUE|F|FALSE)\s*(#[^#]*)?(#[^#]*)?$/i.exec(body);
  if (trueFalse) {
    const correct = trueFalse[1].toUpperCase().startsWith('T');
    const wrongFeedback = trueFalse[2] ? html(trueFalse[2].slice(1).trim()) : undefined;
    const rightFeedback = trueFalse[3] ? html(trueFalse[3].slice(1).trim()) : undefined;
    const question: TrueFalseQuestion = { ...base, type: 'true-false', text: questionText('_____'), correct, ...feedback() };
    const forTrue = correct ? rightFeedback : wrongFeedback;
    const forFalse = correct ? wrongFeedback : rightFeedback;
    if (forTrue) question.trueFeedback = forTrue;
    if (forFalse) question.falseFeedback = forFalse;
    return question;
  }
  if (body.startsWith('#')) return numeric(base, questionText('_____'), body.slice(1), feedback());

  const answers = splitAnswers(body, html);
  if (answers.length === 0) throw new GiftError('the answer block has no answers (start each with = or ~)');
  if (answers.every((a) => a.mark === '=') && answers.some((a) => a.text.includes('-&gt;') || a.text.includes('->'))) {
    return matching(base, questionText('_____'), answers, feedback());
  }
  if (answers.every((a) => a.mark === '=')) {
    const accept = answers.filter((a) => a.weight === undefined || a.weight === 100).map((a) => restoreAnswer(a.text));
    if (accept.length === 0) throw new GiftError('a short-answer question needs at least one answer worth 100%');
    const question: FillInQuestion = { ...base, type: 'fill-in', text: questionText('{{1}}'), blanks: [{ accept }], ...feedback() };
    return question;
  }
  return choice(base, questionText('_____'), answers, feedback());
}

/** Answers start with = or ~; each may have a `%n%` weight and a `#feedback`. */
function splitAnswers(body: string, html: (part: string) => string): Answer[] {
  const answers: Answer[] = [];
  const pattern = /([=~])([^=~]*)/g;
  if (!/^[=~]/.test(body)) throw new GiftError(`answers must start with = (right) or ~ (wrong), got "${restore(body).slice(0, 30)}"`);
  for (const match of body.matchAll(pattern)) {
    let rest = match[2];
    // "->" of a matching pair contains no = or ~, so pairs stay whole.
    const answer: Answer = { mark: match[1] as '=' | '~', text: '' };
    const weighted = /^\s*%(-?\d+(?:\.\d+)?)%/.exec(rest);
    if (weighted) {
      answer.weight = Number(weighted[1]);
      rest = rest.slice(weighted[0].length);
    }
    const hash = rest.indexOf('#');
    if (hash !== -1) {
      answer.feedback = html(rest.slice(hash + 1).trim());
      rest = rest.slice(0, hash);
    }
    answer.text = rest.trim();
    if (answer.text === '') throw new GiftError(`an answer after "${answer.mark}" is empty`);
    answers.push(answer);
  }
  return answers;
}

function restoreAnswer(text: string): string {
  return restore(text).trim();
}

function choice(base: Pick<Question, 'id'>, text: string, answers: Answer[], feedback: { feedback?: QuestionFeedback }): ChoiceQuestion {
  const weighted = answers.some((a) => a.mark === '~' && (a.weight ?? 0) > 0);
  const right = answers.filter((a) => (a.mark === '=' ? (a.weight ?? 100) > 0 : (a.weight ?? 0) > 0));
  if (right.length === 0) throw new GiftError('a multiple-choice question needs a right answer (= or ~%50%)');
  const choices: Choice[] = answers.map((answer, index) => {
    const item: Choice = {
      id: String.fromCharCode(97 + (index % 26)) + (index >= 26 ? String(Math.floor(index / 26)) : ''),
      text: escapeHtml(restoreAnswer(answer.text)),
    };
    if (right.includes(answer)) item.correct = true;
    if (answer.feedback) item.feedback = answer.feedback;
    return item;
  });
  const question: ChoiceQuestion = { ...base, type: 'choice', text, choices, ...feedback } as ChoiceQuestion;
  if (right.length > 1 || weighted) question.multiple = true;
  if (weighted) question.partialCredit = true;
  return question;
}

function matching(
  base: Pick<Question, 'id'>,
  text: string,
  answers: Answer[],
  feedback: { feedback?: QuestionFeedback },
): MatchingQuestion {
  const sources: MatchingQuestion['sources'] = [];
  const targets: MatchingQuestion['targets'] = [];
  const pairs: MatchingQuestion['pairs'] = [];
  for (const answer of answers) {
    const raw = restoreAnswer(answer.text);
    const arrow = raw.indexOf('->');
    if (arrow === -1) throw new GiftError(`every matching answer needs "->", got "${raw.slice(0, 30)}"`);
    const left = raw.slice(0, arrow).trim();
    const right = raw.slice(arrow + 2).trim();
    if (!right) throw new GiftError(`"${left}" has nothing after "->"`);
    let target = targets.find((t) => t.text === escapeHtml(right));
    if (!target) {
      target = { id: `t${targets.length + 1}`, text: escapeHtml(right) };
      targets.push(target);
    }
    // A pair with no left side adds a distractor target, as in Moodle.
    if (!left) continue;
    const source = { id: `s${sources.length + 1}`, text: escapeHtml(left) };
    sources.push(source);
    pairs.push({ source: source.id, target: target.id });
  }
  if (sources.length < 2) throw new GiftError('a matching question needs at least two pairs');
  return { ...base, type: 'matching', text, sources, targets, pairs, ...feedback } as MatchingQuestion;
}

function numeric(base: Pick<Question, 'id'>, text: string, body: string, feedback: { feedback?: QuestionFeedback }): NumericQuestion {
  const parts = /^\s*=/.test(body) ? body.split(/(?=\s*=)/).map((p) => p.trim().replace(/^=/, '')) : [body];
  const answers: NumericAnswer[] = [];
  for (const part of parts) {
    let rest = restore(part).trim();
    const hash = rest.indexOf('#');
    if (hash !== -1) rest = rest.slice(0, hash).trim();
    const weighted = /^%(-?\d+(?:\.\d+)?)%/.exec(rest);
    if (weighted) {
      rest = rest.slice(weighted[0].length);
      if (Number(weighted[1]) !== 100) continue; // partly right numbers are not kept
    }
    const range = /^(-?[\d.]+(?:e-?\d+)?)\.\.(-?[\d.]+(?:e-?\d+)?)$/i.exec(rest);
    const tolerance = /^(-?[\d.]+(?:e-?\d+)?)(?::([\d.]+(?:e-?\d+)?))?$/i.exec(rest);
    if (range && Number.isFinite(Number(range[1])) && Number.isFinite(Number(range[2]))) {
      answers.push({ min: Number(range[1]), max: Number(range[2]) });
    } else if (tolerance && Number.isFinite(Number(tolerance[1]))) {
      const answer: NumericAnswer = { value: Number(tolerance[1]) };
      if (tolerance[2] !== undefined && Number(tolerance[2]) > 0) answer.tolerance = Number(tolerance[2]);
      answers.push(answer);
    } else throw new GiftError(`not a number, a number:tolerance or a min..max range: "${rest.slice(0, 30)}"`);
  }
  if (answers.length === 0) throw new GiftError('a numeric question needs an answer worth 100%');
  return { ...base, type: 'numeric', text, answers, ...feedback } as NumericQuestion;
}

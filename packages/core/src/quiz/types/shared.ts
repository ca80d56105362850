import type { FieldChecker } from '../../course/checks.js';
import { isObject, joinPath } from '../../course/checks.js';
import type { LanguageMap } from '../../xapi/model.js';
import type { Item, NumericAnswer, WhitespaceRule } from '../model.js';
import type { InteractionComponent } from '../question-types.js';

/** xAPI response delimiters: an answer or id containing one could not be written unambiguously. */
const DELIMITERS = ['[,]', '[.]', '[:]'];

export function hasDelimiter(value: string): boolean {
  return DELIMITERS.some((d) => value.includes(d));
}

const COMPONENT_ID = /^[^\s[\]]+$/;

/** Checks a list of items with distinct ids that are usable as xAPI component ids. */
export function checkItems(question: FieldChecker, key: string, options: { min?: number } = {}): Array<Item & Record<string, unknown>> {
  const list = question.array(key, { required: true, nonEmpty: true }) ?? [];
  const seen = new Set<string>();
  const items: Array<Item & Record<string, unknown>> = [];
  list.forEach((value, index) => {
    const path = joinPath(question.at(key), index);
    if (!isObject(value)) {
      question.report.add(path, 'must be an object');
      return;
    }
    const id = value.id;
    if (typeof id !== 'string' || !COMPONENT_ID.test(id))
      question.report.add(joinPath(path, 'id'), 'must be a non-empty id without spaces or brackets');
    else if (seen.has(id)) question.report.add(joinPath(path, 'id'), `duplicate id "${id}"`);
    else seen.add(id);
    if (typeof value.text !== 'string' || value.text.trim() === '') question.report.add(joinPath(path, 'text'), 'required');
    items.push(value as unknown as Item & Record<string, unknown>);
  });
  if (options.min && list.length > 0 && list.length < options.min)
    question.report.add(question.at(key), `needs at least ${options.min} items`);
  return items;
}

/** Checks a list of accepted answers. */
export function checkAccept(question: FieldChecker, key: string, path = question.at(key), required = true): void {
  const list = question.object[key];
  if (list === undefined) {
    if (required) question.report.add(path, 'required');
    return;
  }
  if (!Array.isArray(list) || list.length === 0) {
    question.report.add(path, 'must be a non-empty array of strings');
    return;
  }
  list.forEach((answer, index) => {
    if (typeof answer !== 'string' || answer.trim() === '') question.report.add(joinPath(path, index), 'must be a non-empty string');
    else if (hasDelimiter(answer)) question.report.add(joinPath(path, index), 'must not contain [,] [.] or [:]');
  });
}

export function checkNumericAnswer(answer: FieldChecker): void {
  const value = answer.number('value');
  const tolerance = answer.number('tolerance', { min: 0 });
  const min = answer.number('min');
  const max = answer.number('max');
  if (answer.has('value') && (answer.has('min') || answer.has('max')))
    answer.report.add(answer.path, 'give either value (and tolerance) or min/max, not both');
  else if (!answer.has('value') && !answer.has('min') && !answer.has('max'))
    answer.report.add(answer.path, 'needs value, or min and/or max');
  if (tolerance !== undefined && value === undefined && !answer.has('value'))
    answer.report.add(answer.at('tolerance'), 'only goes with value');
  if (min !== undefined && max !== undefined && min > max) answer.report.add(answer.path, 'min is greater than max');
}

/** Text compared the way the question says: case folded unless case-sensitive, spaces normalized unless exact. */
export function normalizeAnswer(value: string, caseSensitive = false, whitespace: WhitespaceRule = 'normalize'): string {
  const spaced = whitespace === 'exact' ? value : value.trim().replace(/\s+/g, ' ');
  return caseSensitive ? spaced.normalize('NFC') : spaced.normalize('NFC').toLocaleLowerCase();
}

export function matchesText(value: string, accept: string[], caseSensitive = false, whitespace: WhitespaceRule = 'normalize'): boolean {
  const given = normalizeAnswer(value, caseSensitive, whitespace);
  return accept.some((answer) => normalizeAnswer(answer, caseSensitive, whitespace) === given);
}

/** Parses what a learner typed: `3.5`, `3,5`, ` -2 `, `1e3`. Undefined if it is not a number. */
export function parseNumber(value: string): number | undefined {
  let text = value.trim().replace(/\s+/g, '');
  if (/^-?\d+,\d+$/.test(text)) text = text.replace(',', '.');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text)) return undefined;
  const number = Number(text);
  return Number.isFinite(number) ? number : undefined;
}

/** The closed range a numeric answer accepts. */
export function numericRange(answer: NumericAnswer): { min?: number; max?: number } {
  if (answer.value !== undefined) return { min: answer.value - (answer.tolerance ?? 0), max: answer.value + (answer.tolerance ?? 0) };
  return { min: answer.min, max: answer.max };
}

/** Bounds are inclusive; a relative epsilon keeps 3.14 ± 0.01 accepting 3.15 despite binary floating point. */
export function inNumericRange(value: number, answer: NumericAnswer): boolean {
  const { min, max } = numericRange(answer);
  const epsilon = (bound: number) => Math.max(Math.abs(bound), Math.abs(value), 1) * 1e-9;
  return (min === undefined || value >= min - epsilon(min)) && (max === undefined || value <= max + epsilon(max));
}

/** `4`, `3.9[:]4.1`, `[:]10`, `0[:]` as xAPI numeric patterns. */
export function numericPattern(answer: NumericAnswer): string {
  if (answer.value !== undefined && !answer.tolerance) return formatNumber(answer.value);
  const { min, max } = numericRange(answer);
  return `${min === undefined ? '' : formatNumber(min)}[:]${max === undefined ? '' : formatNumber(max)}`;
}

/** Rounds away binary noise: 3.14 + 0.01 → "3.15", not "3.1500000000000004". */
export function formatNumber(value: number): string {
  return String(Number(value.toPrecision(12)));
}

/** Every combination of one entry per list, or undefined when there are more than `cap`. */
export function combinations(lists: string[][], cap = 100): string[][] | undefined {
  let out: string[][] = [[]];
  for (const list of lists) {
    if (out.length * list.length > cap) return undefined;
    out = out.flatMap((prefix) => list.map((entry) => [...prefix, entry]));
  }
  return out;
}

export function toComponents(items: Item[], text: (html: string) => LanguageMap): InteractionComponent[] {
  return items.map((item) => ({ id: item.id, description: text(item.text) }));
}

export function stringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

export function stringRecord(value: unknown): value is Record<string, string> {
  return isObject(value) && Object.values(value).every((v) => typeof v === 'string');
}

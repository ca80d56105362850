import { LmsError, formatIssues, type ValidationIssue } from '../../errors.js';
import type { Question, Quiz } from '../model.js';
import { QUIZ_SCHEMA } from '../model.js';
import { validateQuiz } from '../validate.js';

export interface ImportOptions {
  /** Id of the quiz made. Default `imported-quiz`. */
  id?: string;
  title?: string;
  language?: string;
}

/** A problem in an import file, located by its line (1-based). */
export function lineIssue(line: number, message: string): ValidationIssue {
  return { path: `line ${line}`, message };
}

export function throwIfIssues(format: string, issues: ValidationIssue[]): void {
  if (issues.length > 0) {
    issues.sort((a, b) => Number(a.path.slice(5)) - Number(b.path.slice(5)));
    throw new LmsError('quiz/import-invalid', `The ${format} file has problems:\n${formatIssues(issues)}`, { issues });
  }
}

/** Wraps imported questions in a quiz and checks it (a bug in an importer must not produce an invalid quiz). */
export function makeQuiz(format: string, questions: Question[], options: ImportOptions): Quiz {
  const quiz: Quiz = { schema: QUIZ_SCHEMA, id: options.id ?? 'imported-quiz', title: options.title ?? 'Imported quiz', questions };
  if (options.language) quiz.language = options.language;
  const issues = validateQuiz(quiz);
  throwIfIssues(format, issues);
  return quiz;
}

/** An id from a title: `Fridge temperature?` → `fridge-temperature`, unique among `taken`. */
export function idFrom(title: string | undefined, fallback: string, taken: Set<string>): string {
  let slug = (title ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length > 48) slug = slug.slice(0, 48).replace(/-[^-]*$/, '');
  let id = slug || fallback;
  for (let n = 2; taken.has(id); n++) id = `${slug || fallback}-${n}`;
  taken.add(id);
  return id;
}

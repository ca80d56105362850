import { LmsError, formatIssues, type ValidationIssue } from '../errors.js';
import { FieldChecker, IssueList, describeType, isObject, joinPath } from '../course/checks.js';
import { QUIZ_SCHEMA, type Question, type Quiz } from './model.js';
import { getQuestionType, questionTypeNames } from './question-types.js';

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;
const ID_HINT = 'must start with a letter or digit and contain only letters, digits, ".", "_", ":" or "-"';

/** Checks a quiz document and returns every problem found, each with its path; empty means valid. */
export function validateQuiz(input: unknown, basePath = ''): ValidationIssue[] {
  const report = new IssueList();
  if (!isObject(input)) {
    report.add(basePath, `a quiz must be a JSON object, got ${describeType(input)}`);
    return report.issues;
  }
  const quiz = new FieldChecker(input, basePath, report);
  const schema = quiz.number('schema', { required: true, integer: true });
  if (schema !== undefined && schema !== QUIZ_SCHEMA) {
    report.add(quiz.at('schema'), `unsupported schema version ${schema} (this version of LMS Kit reads ${QUIZ_SCHEMA})`);
    return report.issues;
  }
  quiz.string('id', { required: true, pattern: ID_PATTERN, patternHint: ID_HINT });
  quiz.string('title', { required: true });
  quiz.string('description');
  quiz.string('version');
  quiz.string('language');
  quiz.string('activityId', { pattern: /^[a-z][a-z0-9+.-]*:\S+$/i, patternHint: 'must be an absolute IRI' });
  quiz.boolean('shuffleQuestions');
  quiz.boolean('shuffleChoices');
  quiz.number('maxAttempts', { min: 1, integer: true });
  quiz.number('timeLimit', { min: 1 });
  quiz.oneOf('feedback', ['immediate', 'after-submit', 'none'] as const);
  quiz.oneOf('showCorrectAnswers', ['always', 'when-done', 'never'] as const);
  quiz.oneOf('grading', ['page', 'server'] as const);
  const passing = quiz.object_('passingScore');
  if (passing) {
    if (passing.has('percent') === passing.has('points')) report.add(passing.path, 'give either percent or points');
    passing.number('percent', { min: 0, max: 100 });
    passing.number('points', { min: 0 });
  }

  const seen = new Map<string, string>();
  const fixed = checkQuestions(quiz, 'questions', seen);
  const banks = new Map<string, Question[]>();
  const bankList = quiz.array('banks') ?? [];
  bankList.forEach((bankValue, index) => {
    const path = joinPath(quiz.at('banks'), index);
    if (!isObject(bankValue)) {
      report.add(path, `must be an object, got ${describeType(bankValue)}`);
      return;
    }
    const bank = new FieldChecker(bankValue, path, report);
    const id = bank.string('id', { required: true, pattern: ID_PATTERN, patternHint: ID_HINT });
    bank.string('title');
    if (id && banks.has(id)) report.add(bank.at('id'), `duplicate bank id "${id}"`);
    const questions = checkQuestions(bank, 'questions', seen, true);
    if (id) banks.set(id, questions);
  });

  let drawn = 0;
  const drawnPerBank = new Map<string, number>();
  (quiz.array('draw') ?? []).forEach((ruleValue, index) => {
    const path = joinPath(quiz.at('draw'), index);
    if (!isObject(ruleValue)) {
      report.add(path, `must be an object, got ${describeType(ruleValue)}`);
      return;
    }
    const rule = new FieldChecker(ruleValue, path, report);
    const bankId = rule.string('bank', { required: true });
    const count = rule.number('count', { required: true, min: 1, integer: true });
    const tag = rule.string('tag');
    if (bankId === undefined || count === undefined) return;
    const bank = banks.get(bankId);
    if (!bank) {
      report.add(rule.at('bank'), `unknown bank "${bankId}"`);
      return;
    }
    const pool = tag === undefined ? bank : bank.filter((q) => Array.isArray(q.tags) && q.tags.includes(tag));
    if (count > pool.length) {
      report.add(
        rule.at('count'),
        `draws ${count} questions but bank "${bankId}" has only ${pool.length}${tag === undefined ? '' : ` with tag "${tag}"`}`,
      );
    }
    drawnPerBank.set(bankId, (drawnPerBank.get(bankId) ?? 0) + count);
    drawn += count;
  });
  for (const [bankId, total] of drawnPerBank) {
    const size = banks.get(bankId)?.length ?? 0;
    if (total > size) report.add(quiz.at('draw'), `draws ${total} questions in all from bank "${bankId}", which has only ${size}`);
  }
  if (fixed.length + drawn === 0 && report.ok) {
    report.add(quiz.at('questions'), 'the quiz has no questions (add questions, or draw from a bank)');
  }
  return report.issues;
}

function checkQuestions(parent: FieldChecker, key: string, seen: Map<string, string>, required = false): Question[] {
  const list = parent.array(key, { required, nonEmpty: required }) ?? [];
  const questions: Question[] = [];
  list.forEach((value, index) => {
    const path = joinPath(parent.at(key), index);
    if (!isObject(value)) {
      parent.report.add(path, `must be an object, got ${describeType(value)}`);
      return;
    }
    const question = new FieldChecker(value, path, parent.report);
    const id = question.string('id', { required: true, pattern: ID_PATTERN, patternHint: ID_HINT });
    if (id) {
      const first = seen.get(id);
      if (first) parent.report.add(question.at('id'), `duplicate question id "${id}" (also used at ${first})`);
      else seen.set(id, path);
    }
    question.string('text', { required: true });
    question.string('title');
    question.number('weight', { min: 0 });
    question.stringArray('tags');
    question.boolean('manual');
    question.string('rubric');
    const feedback = question.object_('feedback');
    if (feedback) for (const field of ['correct', 'incorrect', 'partial', 'general']) feedback.string(field);
    const type = question.string('type', { required: true });
    if (type !== undefined) {
      const definition = getQuestionType(type);
      if (definition) definition.validate(question);
      else parent.report.add(question.at('type'), `unknown question type "${type}" (known: ${questionTypeNames().join(', ')})`);
    }
    questions.push(value as unknown as Question);
  });
  return questions;
}

/** Returns the quiz typed, or throws `LmsError('quiz/invalid')` listing every problem with its path. */
export function parseQuiz(input: unknown): Quiz {
  const issues = validateQuiz(input);
  if (issues.length > 0) throw new LmsError('quiz/invalid', `The quiz is not valid:\n${formatIssues(issues)}`, { issues });
  return input as Quiz;
}
